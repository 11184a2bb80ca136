"""Command line: `python -m etl build|export|check|reliability`.

    python -m etl build  [--data DIR] [--out FILE]                 validate data/ and write the warehouse
    python -m etl export --out DIR [--format csv|parquet|xlsx] [--lang en|nl]
                                                                   tidy files + README.md + datapackage.json
    python -m etl check  [--data DIR]                              only validate, write nothing
    python -m etl reliability [--data DIR] [--warehouse FILE]      coder agreement per dimension (built if needed)

Exit codes: 0 ok, 1 invalid data (every problem printed on stderr, one per line: file: field: reason),
2 the build or export failed for another reason (the existing warehouse is left untouched).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Only what every command needs is imported here; each command imports its own heavy modules (pandas and
# pyarrow for `export` only), so `python -m etl build` starts in a fraction of the time (issue 11).
import duckdb

from etl.paths import DATA_DIR, EXPORTS_DIR, WAREHOUSE
from etl.validate import DataError


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m etl", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    build = sub.add_parser("build", help="validate data/ and write the DuckDB warehouse atomically")
    build.add_argument("--data", type=Path, default=DATA_DIR, help="data folder (default: data/)")
    build.add_argument("--out", type=Path, default=WAREHOUSE, help="warehouse file (default: data/warehouse.duckdb)")

    export = sub.add_parser("export", help="write tidy CSV, Parquet or XLSX files with README.md and datapackage.json")
    export.add_argument("--out", type=Path, default=EXPORTS_DIR, help="output folder (default: exports/)")
    export.add_argument("--format", choices=("csv", "parquet", "xlsx"), default="csv")
    export.add_argument("--lang", choices=("en", "nl"), default="en", help="language of README and descriptions")
    export.add_argument("--data", type=Path, default=DATA_DIR, help="data folder used when (re)building")
    export.add_argument("--warehouse", type=Path, default=WAREHOUSE, help="warehouse file to read")

    check = sub.add_parser("check", help="validate data/ and print every problem; writes nothing")
    check.add_argument("--data", type=Path, default=DATA_DIR)

    rel = sub.add_parser("reliability", help="print coder agreement (Krippendorff's alpha, % agreement) per dimension")
    rel.add_argument("--data", type=Path, default=DATA_DIR, help="data folder used when (re)building")
    rel.add_argument("--warehouse", type=Path, default=WAREHOUSE, help="warehouse file to read")
    return parser.parse_args(argv)


def run_build(args: argparse.Namespace) -> int:
    from etl.build import build_warehouse

    build_warehouse(args.data, args.out, log=print)
    return 0


def run_export(args: argparse.Namespace) -> int:
    from etl.build import ensure_warehouse, read_meta
    from etl.export import package_files, read_export_tables, write_package

    if ensure_warehouse(args.data, args.warehouse, log=print):
        print(f"built {args.warehouse} first (it was missing or out of date)")
    con = duckdb.connect(str(args.warehouse), read_only=True)
    try:
        tables = read_export_tables(con)
    finally:
        con.close()
    files = package_files(tables, fmt=args.format, lang=args.lang, meta=read_meta(args.warehouse) or {})
    paths = write_package(files, args.out)
    for path in paths:
        print(f"wrote {path}")
    return 0


def run_reliability(args: argparse.Namespace) -> int:
    from etl.build import ensure_warehouse
    from etl.reliability_report import format_reliability, read_reliability

    if ensure_warehouse(args.data, args.warehouse, log=lambda _line: None):
        print(f"built {args.warehouse} first (it was missing or out of date)")
    con = duckdb.connect(str(args.warehouse), read_only=True)
    try:
        rows = read_reliability(con)
    finally:
        con.close()
    print(format_reliability(rows))
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.command == "check":
        from etl import check_data

        return check_data.main([str(args.data)])
    commands = {"build": run_build, "export": run_export, "reliability": run_reliability}
    try:
        return commands[args.command](args)
    except DataError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        print(
            f"{len(exc.problems)} problem(s); nothing was written, an existing warehouse is unchanged", file=sys.stderr
        )
        return 1
    except (duckdb.Error, OSError, RuntimeError) as exc:
        print(f"{args.command} failed: {exc}; an existing warehouse is unchanged", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
