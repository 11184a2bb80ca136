"""Print every problem in the data folder (no warehouse is written): `python -m etl.check_data [DIR]`."""

import sys
from pathlib import Path

from etl.validate import DataError, validate


def main(argv: list[str]) -> int:
    data_dir = Path(argv[0]) if argv else Path("data")
    try:
        _ref, municipalities = validate(data_dir)
    except DataError as exc:
        print("\n".join(exc.problems), file=sys.stderr)
        print(f"{len(exc.problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"ok: {len(municipalities)} municipalities valid")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
