"""Helpers for the chart tests (tests/test_charts_*.py): the spec walk, the frame check, value rows."""

from __future__ import annotations

from pathlib import Path

ROOT_DATA = Path(__file__).resolve().parent.parent / "data"


def spec_of(chart) -> dict:
    """A builder's Vega-Lite spec, validated against Vega-Lite's JSON schema (the one Altair ships). Builders
    write plain dicts (dashboard/core/charts/base.py says why): an Altair object here is a regression."""
    from altair.utils.schemapi import validate_jsonschema
    from altair.vegalite.v6.schema.core import load_schema

    assert isinstance(chart, dict), f"a chart builder returned {type(chart).__name__}, not a plain Vega-Lite dict"
    validate_jsonschema(chart, load_schema())
    return chart


def walk(node):
    """Every dict in a spec, depth first."""
    if isinstance(node, dict):
        yield node
        for v in node.values():
            yield from walk(v)
    elif isinstance(node, list):
        for v in node:
            yield from walk(v)


def assert_framed(spec: dict, lang: str = "nl"):
    title = spec["title"]
    assert title["text"]
    sub = " ".join(title["subtitle"])
    assert ("Bron: KPMG (2019)" if lang == "nl" else "Source: KPMG (2019)") in sub
    assert spec["config"]["locale"]["number"]["decimal"] == ("," if lang == "nl" else ".")
    assert any("tooltip" in d for d in walk(spec)), "every chart has tooltips"


def value(name, muni, ind, v, *, group="g", ref=None, comparable=True, unit="percent", area=None, year=2018):
    return {
        "municipality_code": muni,
        "municipality_name": name,
        "indicator_id": ind,
        "label_nl": ind,
        "label_en": ind,
        "unit": unit,
        "comparability_group": group,
        "comparable_across_municipalities": comparable,
        "value": v,
        "value_upper": None,
        "qualifier": "exact",
        "national_reference": ref,
        "year": year,
        "period": None,
        "area": area,
        "source_title": "S",
        "source_producer": "CBS",
        "locator": "Bijlage 2a",
        "note_nl": None,
        "note_en": None,
        "population": 1000,
    }


def bar_layer(spec):
    return next(d for d in walk(spec) if isinstance(d.get("mark"), dict) and d["mark"].get("type") == "bar")


def range_value(name, muni, ind, low, high, **kw):
    row = value(name, muni, ind, low, **kw)
    row.update(value_upper=high, qualifier="range")
    return row
