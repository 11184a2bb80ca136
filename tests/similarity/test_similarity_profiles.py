"""What the peer method works on (dashboard/core/similarity/profiles.py): point values and profiles.

Why: the peer page tells policy advisors which municipalities are "like" theirs; a district figure, a bound or a
range read as the municipality's own number would make advice on figures the report does not give.
"""

from __future__ import annotations

import pandas as pd

from dashboard.core import similarity as s
from dashboard.core.similarity import Profile


def test_point_values_skip_districts_bounds_and_ranges():
    values, issues = s.point_values(
        [
            ("x", 1.0, "exact", 2017, None),
            ("x", 2.0, "approx", 2018, None),  # later year wins
            ("y", 3.0, "exact", None, "Noord"),  # a district is not the municipality
            ("z", 4.0, "more_than", None, None),
            ("r", 5.0, "range", None, None),
        ]
    )
    assert values == {"x": 2.0}
    assert issues == {"y": "district", "z": "bound", "r": "range"}


def test_agreed_only_switch_excludes_adjudicated_codes_with_its_own_reason(cat):

    overview = pd.DataFrame(
        {
            "municipality_code": ["R", "A"],
            "name": ["Refstad", "Astad"],
            "population": [1000, 1000],
            "population_qualifier": ["exact", "exact"],
        }
    )
    values = pd.DataFrame(
        columns=["municipality_code", "indicator_id", "indicator_value_id", "value", "qualifier", "year", "area"]
    )
    org = pd.DataFrame(
        {
            "municipality_code": ["R", "R", "A", "A"],
            "dimension_id": ["scope", "intake"] * 2,
            "value_id": ["x", "p", "x", "p"],
            "agreement": ["agreed", "agreed", "adjudicated", "agreed"],
        }
    )
    ref, peer = sorted(s.profiles_from_frames(overview, values, org, agreed_only=True), key=lambda p: p.key != "R")
    assert peer.org_excluded == frozenset({"scope"}) and not peer.org_adjudicated
    usable, _ = s.reference_criteria(ref, cat, {"org.scope": 1.0, "org.intake": 1.0}, {})
    result = s.compare(ref, peer, cat, usable, {})
    scope = next(c for c in result.criteria if c.key == "org.scope")
    assert scope.reason == "peer_excluded" and not scope.used
    assert "adjudicated" in s.explain(scope, "Astad", cat, "en")
    # the same data without the switch: the adjudicated code counts, at half weight
    ref, peer = sorted(s.profiles_from_frames(overview, values, org), key=lambda p: p.key != "R")
    assert peer.org_adjudicated == frozenset({"scope"}) and not peer.org_excluded
    # and a peer whose code is hidden does not appear among the choices in the comparison table
    hidden = Profile("A", "Astad", None, org={"scope": "y", "intake": "p"}, org_excluded=frozenset({"scope"}))
    scope_row = next(c for c in s.org_comparison(ref, [hidden], cat) if c.dimension == "scope")
    assert scope_row.other == () and scope_row.not_reported == ()
