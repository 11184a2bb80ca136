"""Benchmark: what double coding (issue 10) costs the build and the pages. Not a test; prints a table.

Two warehouses are built in a temporary folder from the same data/ in the same run:
- baseline: data/ as it is;
- coded: data/ plus a THROWAWAY double coding generated here (two rounds, coder b differs from the final code
  on every 7th unit, each difference adjudicated) and placeholder decision rules. It lives only in the temporary
  folder and is never written to data/ — it measures cost, it is not data.
Reported: build time (median of 5) and warm page time (median of 11 AppTest reruns) for the pages that show
coding status, as milliseconds and as the ratio coded / baseline. Variants run in ABBA order.
"""

from __future__ import annotations

import logging
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import yaml

from dashboard.core import settings
from etl.build import build_warehouse

ROOT = Path(__file__).resolve().parent.parent

BUILD_RUNS = 5
PAGE_RUNS = 11
EVERY = 7  # coder b differs on every 7th unit
PAGES = [
    ("views/profile.py", {"gm": "utrecht"}),
    ("views/compare.py", {"cmp": "utrecht,leiden,almelo"}),
    ("views/contrasts.py", {"contrast": "matrix"}),
    ("views/about.py", {}),
]


def add_throwaway_coding(data: Path) -> None:
    """Coder files, adjudication and placeholder rules derived from the final codes (bench only)."""
    org_path = data / "reference" / "org_model.yaml"
    org = yaml.safe_load(org_path.read_text(encoding="utf-8"))
    munis = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((data / "gemeenten").glob("*.yaml"))]
    for dim in org["dimensions"]:
        values = [v["id"] for v in dim["values"]]
        dim["decision_rules"] = {
            "about": "bench placeholder",
            "not_about": "bench placeholder",
            "evidence": dict.fromkeys(values, "bench placeholder"),
            "half_evidence": "bench placeholder",
            "per_domain": "bench placeholder",
            "contradictions": "bench placeholder",
            "examples": [
                {
                    "municipality": m["municipality"]["slug"],
                    "value": m["organisation"][dim["id"]]["value"],
                    "reasoning": "bench placeholder",
                    "locator": "bench",
                }
                for m in munis[:2]
            ],
        }
    org_path.write_text(yaml.safe_dump(org, allow_unicode=True, sort_keys=False), encoding="utf-8")
    decisions, unit = [], 0
    coders: dict[str, list[dict]] = {"a": [], "b": []}
    for m in munis:
        for dim in org["dimensions"]:
            final = m["organisation"][dim["id"]]["value"]
            other = next(v["id"] for v in dim["values"] if v["id"] != final)
            unit += 1
            b_value = other if unit % EVERY == 0 else final
            for coder, value in (("a", final), ("b", b_value)):
                coders[coder].append(
                    {
                        "municipality": m["municipality"]["code"],
                        "dimension": dim["id"],
                        "value": value,
                        "justification": "bench",
                        "locator": "bench",
                    }
                )
            if b_value != final:
                decisions.append(
                    {
                        "municipality": m["municipality"]["code"],
                        "dimension": dim["id"],
                        "value": final,
                        "reason_en": "bench",
                        "reason_nl": "bench",
                        "rule_change": False,
                    }
                )
    for rnd in (1, 2):
        folder = data / "coding" / f"round{rnd}"
        folder.mkdir(parents=True)
        for coder, codings in coders.items():
            doc = {"coder": coder, "round": rnd, "rules_version": rnd, "codings": codings}
            (folder / f"coder_{coder}.yaml").write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    (data / "coding" / "adjudication.yaml").write_text(yaml.safe_dump({"decisions": decisions}), encoding="utf-8")


def time_build(data: Path, out: Path) -> float:
    times = []
    for _ in range(BUILD_RUNS):
        start = time.perf_counter()
        build_warehouse(data, out, log=lambda _l: None)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def time_page(page: str, params: dict) -> float:
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "dashboard" / "app.py"), default_timeout=120)
    at.run()
    at.switch_page(page)
    at.query_params.update(params)
    at.run()  # warm-up: fills the query cache
    assert not at.exception, [e.value for e in at.exception]
    times = []
    for _ in range(PAGE_RUNS):
        start = time.perf_counter()
        at.run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    logging.getLogger("streamlit").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        prepared = {}
        for variant in ("baseline", "coded"):
            data = Path(tmp) / variant / "data"
            shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("*.duckdb*", "coding"))
            if variant == "coded":
                add_throwaway_coding(data)
            prepared[variant] = (data, Path(tmp) / variant / "warehouse.duckdb")
        # ABBA order, so that warm-up and machine load drift hit both variants alike; median per variant
        samples: dict[str, dict[str, list[float]]] = {"baseline": {}, "coded": {}}
        for variant in ("baseline", "coded", "coded", "baseline"):
            data, out = prepared[variant]
            samples[variant].setdefault("build", []).append(time_build(data, out))
            settings.DATA_DIR, settings.WAREHOUSE_PATH = data, out
            for page, params in PAGES:
                samples[variant].setdefault(page, []).append(time_page(page, params))
        print(f"{'measure':28s} {'baseline ms':>12s} {'coded ms':>10s} {'ratio':>7s}")
        for key in samples["baseline"]:
            base, coded = statistics.median(samples["baseline"][key]), statistics.median(samples["coded"][key])
            print(f"{key:28s} {base:12.1f} {coded:10.1f} {coded / base:7.2f}")


if __name__ == "__main__":
    main()
