"""Integrity of the double coding, read straight from the YAML files (not through the ETL under test).

Runs on the fictional fixture and on the real data/ (rules, coder files, adjudication, final codes).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
FIXTURE = ROOT / "tests" / "fixtures" / "data"

DATA_DIRS = [
    pytest.param(FIXTURE, id="fixture"),
    pytest.param(DATA, id="data"),
]
RULE_TEXTS = ("about", "not_about", "half_evidence", "per_domain", "contradictions")


def load(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def dimensions(data_dir: Path) -> list[dict]:
    return load(data_dir / "reference" / "org_model.yaml")["dimensions"]


def municipalities(data_dir: Path) -> dict[str, dict]:
    return {p.stem: load(p) for p in sorted((data_dir / "gemeenten").glob("*.yaml"))}


def last_round(data_dir: Path) -> tuple[int, dict[str, dict[tuple[str, str], str]]]:
    rounds = sorted(int(p.name.removeprefix("round")) for p in (data_dir / "coding").glob("round*") if p.is_dir())
    assert rounds, f"{data_dir / 'coding'} has no round folder"
    last = rounds[-1]
    values = {}
    for coder in ("a", "b"):
        doc = load(data_dir / "coding" / f"round{last}" / f"coder_{coder}.yaml")
        values[coder] = {(c["municipality"], c["dimension"]): c["value"] for c in doc["codings"]}
    return last, values


@pytest.mark.parametrize("data_dir", DATA_DIRS)
def test_every_dimension_has_rules_and_worked_examples(data_dir):
    slugs = set(municipalities(data_dir))
    for dim in dimensions(data_dir):
        rules = dim.get("decision_rules")
        assert rules, f"{dim['id']}: no decision_rules"
        for key in RULE_TEXTS:
            assert str(rules.get(key) or "").strip(), f"{dim['id']}: decision_rules.{key} is empty"
        value_ids = [v["id"] for v in dim["values"]]
        assert sorted(rules["evidence"]) == sorted(value_ids), f"{dim['id']}: evidence must cover every value"
        examples = rules.get("examples") or []
        assert len(examples) >= 2, f"{dim['id']}: needs at least two worked examples"
        for ex in examples:
            assert ex["municipality"] in slugs and ex["value"] in value_ids, (dim["id"], ex)
            assert str(ex["reasoning"]).strip() and str(ex["locator"]).strip(), (dim["id"], ex)


@pytest.mark.parametrize("data_dir", DATA_DIRS)
def test_each_final_code_is_the_coders_value_or_carries_an_adjudication_reason(data_dir):
    last, coders = last_round(data_dir)
    decisions = {
        (d["municipality"], d["dimension"]): d
        for d in load(data_dir / "coding" / "adjudication.yaml").get("decisions") or []
    }
    dims = [d["id"] for d in dimensions(data_dir)]
    n_agreed = n_adjudicated = 0
    for slug, doc in municipalities(data_dir).items():
        code = doc["municipality"]["code"]
        for dim in dims:
            final = doc["organisation"][dim]["value"]
            a, b = coders["a"].get((code, dim)), coders["b"].get((code, dim))
            if a == b == final:
                n_agreed += 1
                continue
            decision = decisions.get((code, dim))
            assert decision is not None, f"{slug} {dim}: final {final!r}, round {last} coders {a!r}/{b!r}, no reason"
            assert decision["value"] == final, f"{slug} {dim}: adjudicated {decision['value']!r} != final {final!r}"
            assert str(decision["reason_nl"]).strip() and str(decision["reason_en"]).strip(), (slug, dim)
            n_adjudicated += 1
    assert n_agreed + n_adjudicated == len(municipalities(data_dir)) * len(dims)


def test_real_export_reliability_equals_recomputation(built_warehouse, tmp_path, export_recomputation):
    """data/: the exported agreement table equals a recomputation from the exported independent codings."""
    rounds = len([p for p in (DATA / "coding").glob("round*") if p.is_dir()])
    assert export_recomputation(built_warehouse, DATA, tmp_path) == rounds * len(dimensions(DATA))


@pytest.mark.parametrize("data_dir", DATA_DIRS)
def test_every_coder_file_codes_every_unit_once(data_dir):
    codes = {doc["municipality"]["code"] for doc in municipalities(data_dir).values()}
    dims = {d["id"] for d in dimensions(data_dir)}
    values = {d["id"]: {v["id"] for v in d["values"]} for d in dimensions(data_dir)}
    files = sorted((data_dir / "coding").glob("round*/coder_*.yaml"))
    assert len(files) >= 2 and len(files) % 2 == 0, f"{data_dir / 'coding'}: expected coder_a and coder_b per round"
    for path in files:
        pairs = [(c["municipality"], c["dimension"]) for c in load(path)["codings"]]
        assert len(pairs) == len(set(pairs)), f"{path}: a unit is coded twice"
        assert set(pairs) == {(c, d) for c in codes for d in dims}, f"{path}: not every unit coded"
        for c in load(path)["codings"]:
            assert c["value"] in values[c["dimension"]], (path, c)
            assert str(c["justification"]).strip() and str(c["locator"]).strip(), (path, c)
