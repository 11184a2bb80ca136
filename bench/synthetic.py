"""SYNTHETIC data for benchmarks: `make_synthetic_data(target_dir, n=400, seed=0)`.

Writes a data folder in the format of data/ with n made-up municipalities, so benchmarks can measure how
the build and the dashboard scale beyond the sixteen real ones (up to MAX_MUNICIPALITIES = 7000). Nothing
here is real: codes are GM3000 and up (CBS codes in use stay below GM2000), names are "Synthetisch 0001",
every text says it is synthetic and every file starts with a comment saying so. data/reference/ is copied
as is, so ids are always valid.

Write only into a temporary folder (tempfile.TemporaryDirectory); never into data/.
"""

from __future__ import annotations

import itertools
import random
import shutil
import string
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
REFERENCE_DIR = ROOT / "data" / "reference"
FIRST_CODE = 3000  # synthetic codes: GM3000 ... GM9999 (the schema allows GM + four digits)
MAX_MUNICIPALITIES = 10_000 - FIRST_CODE
PROVINCES = (
    "Groningen",
    "Friesland",
    "Drenthe",
    "Overijssel",
    "Flevoland",
    "Gelderland",
    "Utrecht",
    "Noord-Holland",
    "Zuid-Holland",
    "Zeeland",
    "Noord-Brabant",
    "Limburg",
)
TEAM_KINDS = (
    "wijkteam",
    "toegangsteam",
    "jeugd_gezinsteam",
    "loket",
    "front_office",
    "expertiseteam",
    "outreach_team",
    "municipal_team",
    "other",
)
VALUE_RANGES = {"percent": (1.0, 60.0), "euro": (25000.0, 55000.0), "count": (100.0, 5000.0), "years": (-5.0, 2.0)}
FIGURE_UNITS = ("count", "percent", "fte", "euro", "days", "weeks", "months", "years")


def appendix_letters(n: int) -> list[str]:
    """a..z, aa..zz, then aaa..: unique per file, as validation requires (the schema allows 1-3 letters)."""
    if n > MAX_MUNICIPALITIES:
        raise ValueError(f"at most {MAX_MUNICIPALITIES} synthetic municipalities (codes GM{FIRST_CODE}-GM9999)")
    letters = (
        "".join(chars) for length in (1, 2, 3) for chars in itertools.product(string.ascii_lowercase, repeat=length)
    )
    return list(itertools.islice(letters, n))


def _reference(reference_dir: Path) -> dict:
    def read(stem: str) -> dict:
        return yaml.safe_load((reference_dir / f"{stem}.yaml").read_text(encoding="utf-8")) or {}

    return {
        "indicators": read("indicators")["indicators"],
        "sources": [s["id"] for s in read("sources")["sources"]],
        "dimensions": read("org_model")["dimensions"],
        "basic_functions": [b["id"] for b in read("basic_functions")["basic_functions"]],
    }


def synthetic_municipality(i: int, letter: str, ref: dict, rng: random.Random) -> dict:
    """One SYNTHETIC municipality as a dict shaped like data/template/gemeente.yaml."""
    code = f"GM{FIRST_CODE + i:04d}"
    slug = f"synthetic_{i:04d}"
    loc = f"SYNTHETIC {code}"

    def src() -> str:
        return rng.choice(ref["sources"])

    indicators = []
    for ind in rng.sample(ref["indicators"], k=min(len(ref["indicators"]), rng.randint(3, 10))):
        lo, hi = VALUE_RANGES.get(ind["unit"], (0.0, 100.0))
        value = round(rng.uniform(lo, hi), 1)
        ranged = rng.random() < 0.1
        indicators.append(
            {
                "indicator": ind["id"],
                "value": value,
                "value_upper": round(value + (hi - lo) * 0.05, 1) if ranged else None,
                "qualifier": "range" if ranged else rng.choice(("exact", "exact", "approx", "more_than")),
                "national_reference": round(rng.uniform(lo, hi), 1) if rng.random() < 0.7 else None,
                "year": rng.choice((2017, 2018, 2019, None)),
                "source": src(),
                "locator": loc,
            }
        )
    teams = []
    for t in range(rng.randint(1, 5)):
        count = rng.choice((None, 1, 2, 4, 8, 12))
        teams.append(
            {
                "name": f"Synthetisch team {t + 1}",
                "kind": rng.choice(TEAM_KINDS),
                "count": count,
                "count_qualifier": "not_reported" if count is None else rng.choice(("exact", "approx", "more_than")),
                "target_group": rng.choice(("all_ages", "youth_family", "adults", "not_reported")),
                "operated_by": rng.choice(("Synthetische stichting", "Synthetische gemeente", "not_reported")),
                "direct_access": rng.choice(("yes", "no", "not_reported")),
                "description_nl": "Synthetisch team voor benchmarks; geen echte gegevens.",
                "description_en": "Synthetic team for benchmarks; not real data.",
                "locator": loc,
            }
        )
    organisation = {
        d["id"]: {
            "value": rng.choice([v["id"] for v in d["values"]]),
            "justification_nl": "Synthetisch gecodeerd voor benchmarks.",
            "justification_en": "Synthetically coded for benchmarks.",
            "locator": loc,
        }
        for d in ref["dimensions"]
    }
    practices = [
        {
            "basic_function": rng.choice(ref["basic_functions"]),
            "title_nl": f"Synthetisch voorbeeld {p + 1}",
            "summary_nl": "Een verzonnen praktijkvoorbeeld om de dashboardpagina's te belasten.",
            "title_en": f"Synthetic example {p + 1}",
            "summary_en": "A made-up practice example to load the dashboard pages.",
            "locator": loc,
            "figures": [
                {
                    "label_nl": "Synthetisch getal",
                    "label_en": "Synthetic figure",
                    "value": rng.randint(1, 500),
                    "unit": rng.choice(FIGURE_UNITS),
                    "qualifier": "exact",
                }
                for _ in range(rng.randint(0, 2))
            ],
        }
        for p in range(rng.randint(1, 10))
    ]
    return {
        "municipality": {
            "code": code,
            "name": f"Synthetisch {i:04d}",
            "official_name": f"Synthetische gemeente {i:04d}",
            "slug": slug,
            "province": rng.choice(PROVINCES),
            "appendix_letter": letter,
            "latitude": round(rng.uniform(51.0, 53.4), 4),
            "longitude": round(rng.uniform(3.6, 7.1), 4),
            "coordinates_source": src(),
            "population": {
                "value": rng.randint(5_000, 900_000),
                "qualifier": "approx",
                "source": src(),
                "year": 2018,
                "locator": loc,
            },
        },
        "vision": {"nl": "Synthetische visie.", "en": "Synthetic vision.", "locator": loc},
        "transition": None,
        "indicators": indicators,
        "notes": [],
        "teams": teams,
        "organisation": organisation,
        "practices": practices,
    }


def _point_examples_at_synthetic(org_model: Path, n: int) -> None:
    """The coding rules' examples name real municipalities, which a synthetic folder does not hold: point
    each at a synthetic file instead, so the folder validates (the example's value stays as it was)."""
    doc = yaml.safe_load(org_model.read_text(encoding="utf-8"))
    slugs: dict[str, str] = {}
    for dimension in doc.get("dimensions") or []:
        for example in (dimension.get("decision_rules") or {}).get("examples") or []:
            real = example.get("municipality")
            example["municipality"] = slugs.setdefault(real, f"synthetic_{len(slugs) % n:04d}")
    header = "# SYNTHETIC copy of data/reference/org_model.yaml: examples point at synthetic files.\n"
    org_model.write_text(header + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=200), encoding="utf-8")


def make_synthetic_data(target_dir: Path, n: int = 400, seed: int = 0, reference_dir: Path = REFERENCE_DIR) -> Path:
    """Write a SYNTHETIC data folder with n municipalities to target_dir; returns target_dir.

    target_dir/reference/ is a copy of data/reference/; target_dir/gemeenten/ holds synthetic_0000.yaml ...
    The same (n, seed) always gives the same files.
    """
    target_dir = Path(target_dir)
    if target_dir.resolve() == (ROOT / "data").resolve():
        raise ValueError("refusing to write synthetic data into data/")
    shutil.copytree(reference_dir, target_dir / "reference", dirs_exist_ok=True)
    _point_examples_at_synthetic(target_dir / "reference" / "org_model.yaml", n)
    out = target_dir / "gemeenten"
    out.mkdir(parents=True, exist_ok=True)
    ref = _reference(reference_dir)
    rng = random.Random(seed)
    for i, letter in enumerate(appendix_letters(n)):
        doc = synthetic_municipality(i, letter, ref, rng)
        body = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=200)
        header = f"# SYNTHETIC benchmark data generated by bench/synthetic.py (seed {seed}); not a real municipality.\n"
        (out / f"{doc['municipality']['slug']}.yaml").write_text(header + body, encoding="utf-8")
    return target_dir


if __name__ == "__main__":
    if len(sys.argv) < 2:
        print("usage: python -m bench.synthetic TARGET_DIR [N] [SEED]   (helper module; benchmarks import it)")
        sys.exit(0)
    make_synthetic_data(Path(sys.argv[1]), *(int(a) for a in sys.argv[2:4]))
