"""Criteria and weights (dashboard/core/similarity/weights.py): presets and the URL parameter.

Why: the peer page tells policy advisors which municipalities are "like" theirs; a shared link must reproduce the
weights it was made with, and a tentative dimension must not count until the user says so.
"""

from __future__ import annotations

from dashboard.core import similarity as s
from dashboard.core.similarity import Catalogue


def test_weights_round_trip_through_the_url(cat):
    w = s.preset_weights("default", cat)
    w.update({"size": 1.0, "org.intake": 0.0, "ind.a_pct": 2.5})
    param = s.weights_to_param(w, "default", cat)
    assert param == "size:1,ind.a_pct:2.5,org.intake:0"
    assert s.weights_from_param(param, "default", cat) == w
    # Hand-edited URLs: unknown keys, junk and out-of-range values are ignored or clipped.
    assert s.weights_from_param("size:abc,nope:3,org.scope:99,ind.c_growth:4", "default", cat) == dict(
        s.preset_weights("default", cat), **{"org.scope": s.MAX_WEIGHT}
    )


def test_presets(cat):
    org = s.preset_weights("organisation", cat)
    ctx = s.preset_weights("context", cat)
    assert org["size"] == 0 and org["ind.a_pct"] == 0 and org["org.scope"] > 0
    assert ctx["size"] > 0 and ctx["ind.a_pct"] > 0 and ctx["org.scope"] == 0


def test_tentative_dimension_starts_at_weight_zero(cat):
    tentative = Catalogue(cat.indicators, cat.dimensions, frozenset({"intake"}))
    for preset in s.PRESETS:
        weights = s.preset_weights(preset, tentative)
        assert weights["org.intake"] == 0.0
        assert weights["org.scope"] == s.preset_weights(preset, cat)["org.scope"]
