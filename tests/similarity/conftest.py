"""The small catalogue and four towns the similarity tests compute by hand (tests/similarity/)."""

from __future__ import annotations

import pytest

from dashboard.core.similarity import Catalogue, DimensionDef, IndicatorDef, Profile
from tests.similarity.sample import NR


@pytest.fixture
def cat() -> Catalogue:
    # a_pct and b_pct measure one theme with two definitions (group g1); c_growth is never comparable.
    inds = {
        "a_pct": IndicatorDef("a_pct", "Indicator A", "Indicator A", "percent", "g1"),
        "b_pct": IndicatorDef("b_pct", "Indicator B", "Indicator B", "percent", "g1"),
        "c_growth": IndicatorDef("c_growth", "Groei C", "Growth C", "percent", "g2", comparable=False),
    }
    dims = {
        "scope": DimensionDef("scope", "Reikwijdte", "Scope", (("x", "X", "X"), ("y", "Y", "Y"), (NR, "NR", "NR"))),
        "intake": DimensionDef("intake", "Intake", "Intake", (("p", "P", "P"), ("q", "Q", "Q"), (NR, "NR", "NR"))),
    }
    return Catalogue(inds, dims)


@pytest.fixture
def towns() -> list[Profile]:
    return [
        Profile("R", "Refstad", 100_000, {"a_pct": 10.0, "c_growth": 5.0}, {}, {"scope": "x", "intake": "p"}),
        Profile("A", "Astad", 100_000, {"a_pct": 12.0}, {}, {"scope": "x", "intake": "q"}),
        Profile("B", "Bstad", 10_000, {"a_pct": 10.0}, {}, {"scope": "y", "intake": "p"}),
        Profile("C", "Cstad", 50_000, {"b_pct": 10.0, "c_growth": 5.0}, {}, {"scope": "x", "intake": NR}),
    ]
