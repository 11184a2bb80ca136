"""Filter logic and its URL form (dashboard/core/filters.py), without Streamlit.

Why: the sidebar filters decide which municipalities every page shows; a wrong size class or a lost
"not reported" silently changes a benchmark.
"""

import pandas as pd
import pytest

from dashboard.core import filters as fl

OVERVIEW = pd.DataFrame(
    {
        "municipality_code": ["GM1", "GM2", "GM3", "GM4"],
        "population": [49_999, 50_000, 250_000, 120_000],
        "province": ["Utrecht", "Utrecht", "Limburg", "Drenthe"],
    }
)
ORG = pd.DataFrame(
    {
        "municipality_code": ["GM1", "GM2", "GM3", "GM4"],
        "dimension_id": ["team_scope"] * 4,
        "value_id": ["integral_0_100", "not_reported", "separate_youth_adult", "integral_0_100"],
    }
)
HIGHLIGHTS = pd.DataFrame(
    {"municipality_code": ["GM1", "GM1", "GM3"], "basic_function_id": ["brede_blik", "leren_verbeteren", "brede_blik"]}
)
OPTIONS = fl.FilterOptions(
    dimensions={"team_scope": ("integral_0_100", "separate_youth_adult", "not_reported")},
    functions=("brede_blik", "leren_verbeteren", "tijdig_signaleren"),
    provinces=("Drenthe", "Limburg", "Utrecht"),
)


@pytest.mark.parametrize(
    ("population", "expected"),
    [
        (0, "lt_50k"),
        (49_999, "lt_50k"),
        (50_000, "50k_100k"),
        (99_999, "50k_100k"),
        (100_000, "100k_250k"),
        (249_999, "100k_250k"),
        (250_000, "ge_250k"),
        (900_000, "ge_250k"),
        (None, None),
    ],
)
def test_size_class_bounds(population, expected):
    assert fl.size_class(population) == expected


def test_no_filter_keeps_everything_in_order():
    assert fl.apply_filters(fl.FilterState(), OVERVIEW, ORG, HIGHLIGHTS) == ["GM1", "GM2", "GM3", "GM4"]


def test_within_filter_any_across_filters_all():
    state = fl.FilterState(provinces=("Utrecht", "Limburg"), functions=("brede_blik",))
    assert fl.apply_filters(state, OVERVIEW, ORG, HIGHLIGHTS) == ["GM1", "GM3"]
    state = fl.FilterState(provinces=("Utrecht",), sizes=("50k_100k",))
    assert fl.apply_filters(state, OVERVIEW, ORG, HIGHLIGHTS) == ["GM2"]


def test_not_reported_is_its_own_option():
    state = fl.FilterState(dimensions={"team_scope": ("not_reported",)})
    assert fl.apply_filters(state, OVERVIEW, ORG, HIGHLIGHTS) == ["GM2"]


def test_function_filter_uses_highlights():
    state = fl.FilterState(functions=("leren_verbeteren",))
    assert fl.apply_filters(state, OVERVIEW, ORG, HIGHLIGHTS) == ["GM1"]
    state = fl.FilterState(functions=("tijdig_signaleren",))
    assert fl.apply_filters(state, OVERVIEW, ORG, HIGHLIGHTS) == []


def test_params_round_trip():
    state = fl.FilterState(
        dimensions={"team_scope": ("integral_0_100", "not_reported")},
        functions=("brede_blik",),
        sizes=("lt_50k",),
        provinces=("Utrecht",),
    )
    params = fl.to_params(state)
    assert params == {
        "bf": "brede_blik",
        "size": "lt_50k",
        "prov": "Utrecht",
        "org.team_scope": "integral_0_100,not_reported",
    }
    back, notices = fl.from_params(params, OPTIONS)
    assert notices == [] and back == state


def test_malformed_params_are_dropped_and_reported():
    state, notices = fl.from_params(
        {
            "bf": "brede_blik,nonsense",
            "size": "huge",
            "prov": ["Utrecht", "Atlantis"],
            "org.nope": "x",
            "org.team_scope": ",,",
        },
        OPTIONS,
    )
    assert state.functions == ("brede_blik",)
    assert state.sizes == ()
    assert state.provinces == ("Utrecht",)
    assert state.dimensions["team_scope"] == ()
    assert "bf=nonsense" in notices and "size=huge" in notices and "prov=Atlantis" in notices
    assert "org.nope" in notices


def test_describe_names_active_filters():
    state = fl.FilterState(provinces=("Utrecht",), sizes=("ge_250k",))
    text = fl.describe(state, lang="nl", dimension_labels={}, value_labels={}, function_labels={}, none_text="-")
    assert text == "Inwoners: ≥ 250.000 · Provincie: Utrecht"
    assert (
        fl.describe(
            fl.FilterState(),
            lang="en",
            dimension_labels={},
            value_labels={},
            function_labels={},
            none_text="no filters",
        )
        == "no filters"
    )
