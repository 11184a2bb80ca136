"""A user's own municipality (dashboard/peer_input.py): parsing and validation of form, YAML and CSV input.

Why these tests exist: uploads come from people, not from our pipeline. Every bad file must give a message
a policy advisor can act on, and none may raise (a bad file must never break the page).
"""
from __future__ import annotations

import random
from pathlib import Path

import duckdb
import pytest
import yaml

from dashboard import peer_input as pi
from dashboard import queries as q
from dashboard import similarity as sim
from etl.validate import load_reference

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def cat(built_warehouse) -> sim.Catalogue:
    con = duckdb.connect(str(built_warehouse), read_only=True)
    try:
        return sim.catalogue_from_frames(q.indicators(con), q.dimensions(con), q.dimension_values(con))
    finally:
        con.close()


@pytest.fixture(scope="module")
def ref():
    problems: list[str] = []
    reference = load_reference(ROOT / "data", problems)
    assert not problems
    return reference


def template_yaml() -> dict:
    return yaml.safe_load(pi.template_bytes("yaml"))


def dump(data: dict) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


def csv_bytes(cat, **cells) -> bytes:
    cols = pi.csv_columns(cat)
    row = {"name": "Mijnstad", "population": "50000", **cells}
    return (",".join(cols) + "\n" + ",".join(str(row.get(c, "")) for c in cols) + "\n").encode()


# --- templates ------------------------------------------------------------------------------------------

def test_both_templates_parse_to_the_same_profile(cat, ref):
    y = pi.parse_upload("peer_template.yaml", pi.template_bytes("yaml"), cat, ref)
    c = pi.parse_upload("peer_template.csv", pi.template_bytes("csv"), cat, ref)
    assert y.ok and c.ok, (y.errors, c.errors)
    assert y.profile.population == c.profile.population == 50000
    assert dict(y.profile.indicators) == dict(c.profile.indicators)
    assert dict(y.profile.org) == dict(c.profile.org)
    assert y.profile.key == sim.OWN_KEY


def test_csv_template_header_matches_the_codebook(cat):
    """If an indicator or dimension is added to data/reference, the downloadable template must follow."""
    assert pi.template_bytes("csv").decode("utf-8") == pi.make_template_csv(cat), (
        "regenerate with: python -c 'from dashboard.peer_input import write_template_csv; write_template_csv()'")


def test_a_real_municipality_file_can_be_uploaded(cat, ref):
    data = (ROOT / "data" / "gemeenten" / "leiden.yaml").read_bytes()
    result = pi.parse_upload("mijn-kopie.yaml", data, cat, ref)  # file name differs from the slug: allowed
    assert result.ok, result.errors
    assert result.profile.name == "Leiden"


# --- file-level problems --------------------------------------------------------------------------------

@pytest.mark.parametrize("data", [b"", b"   \n\n  "])
def test_empty_file(cat, ref, data):
    result = pi.parse_upload("leeg.csv", data, cat, ref)
    assert not result.ok and "leeg" in result.errors[0]


def test_file_over_one_megabyte(cat, ref):
    result = pi.parse_upload("groot.yaml", b"#" * (pi.MAX_BYTES + 1), cat, ref)
    assert not result.ok and "1 MB" in result.errors[0]


def test_wrong_encoding(cat, ref):
    data = "name,population\nSüdstadt,5000\n".encode("cp1252")
    result = pi.parse_upload("excel.csv", data, cat, ref)
    assert not result.ok and "UTF-8" in result.errors[0]


def test_utf8_with_bom_is_fine(cat, ref):
    result = pi.parse_upload("bom.csv", b"\xef\xbb\xbf" + csv_bytes(cat), cat, ref)
    assert result.ok, result.errors


def test_binary_and_unknown_extension(cat, ref):
    assert "UTF-8" in pi.parse_upload("x.csv", b"ab\x00cd", cat, ref).errors[0]
    assert ".yaml" in pi.parse_upload("x.xlsx", b"PK stuff", cat, ref).errors[0]


def test_random_bytes_never_raise(cat, ref):
    rng = random.Random(0)
    for i in range(200):
        data = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 300)))
        for name in ("x.csv", "x.yaml"):
            result = pi.parse_upload(name, data, cat, ref)
            assert result.errors or result.ok, i


# --- CSV ------------------------------------------------------------------------------------------------

def test_csv_wrong_columns(cat, ref):
    result = pi.parse_upload("a.csv", b"naam,inwoners,foo\nX,1,2\n", cat, ref)
    text = " ".join(result.errors)
    assert "naam" in text and "foo" in text  # unknown columns named
    assert "name" in text and "population" in text  # missing required columns named


def test_csv_non_numeric_and_thousands(cat, ref):
    result = pi.parse_upload("a.csv", csv_bytes(cat, population="veel", single_parent_households_pct="41.000"),
                             cat, ref)
    text = " ".join(result.errors)
    assert "'veel' is geen getal" in text
    assert "single_parent_households_pct: 41.000 is dubbelzinnig" in text


def test_csv_out_of_range(cat, ref):
    result = pi.parse_upload("a.csv", csv_bytes(cat, population="-5", single_parent_households_pct="120"), cat, ref)
    text = " ".join(result.errors)
    assert "groter zijn dan 0" in text
    assert "single_parent_households_pct: 120 ligt buiten het bereik 0 tot 100" in text


def test_csv_growth_may_be_negative(cat, ref):
    result = pi.parse_upload("a.csv", csv_bytes(cat, population_growth_since_2000_pct="-3"), cat, ref)
    assert result.ok, result.errors


def test_csv_unknown_codebook_value(cat, ref):
    result = pi.parse_upload("a.csv", csv_bytes(cat, team_scope="iets_anders"), cat, ref)
    assert not result.ok
    assert "team_scope: 'iets_anders' is geen waarde uit het codeboek" in result.errors[0]
    assert "integral_0_100" in result.errors[0]


def test_csv_dont_know_and_blank_mean_not_reported(cat, ref):
    result = pi.parse_upload("a.csv", csv_bytes(cat, team_scope="not_reported", triage=""), cat, ref)
    assert result.ok and result.profile.org["team_scope"] == result.profile.org["triage"] == sim.NOT_REPORTED


def test_csv_semicolon_and_decimal_comma(cat, ref):
    data = b"name;population;single_parent_households_pct\nMijnstad;50000;7,3\n"
    result = pi.parse_upload("excel.csv", data, cat, ref)
    assert result.ok, result.errors
    assert result.profile.indicators == {"single_parent_households_pct": 7.3}


def test_csv_exactly_one_row(cat, ref):
    assert "gegevensregels" in pi.parse_upload("a.csv", csv_bytes(cat) + b"B,2\n", cat, ref).errors[0]
    assert "kopregel" in pi.parse_upload("a.csv", b"name,population\n", cat, ref).errors[0]


def test_csv_messages_in_english(cat, ref):
    result = pi.parse_upload("a.csv", csv_bytes(cat, population="lots"), cat, ref, lang="en")
    assert "'lots' is not a number" in result.errors[0]


# --- YAML -----------------------------------------------------------------------------------------------

def test_yaml_malformed(cat, ref):
    result = pi.parse_upload("a.yaml", b"municipality: [unclosed\n  name: x\n", cat, ref)
    assert not result.ok and "YAML" in result.errors[0]


def test_yaml_not_a_mapping(cat, ref):
    assert "municipality:" in pi.parse_upload("a.yaml", b"- just\n- a list\n", cat, ref).errors[0]


def test_yaml_schema_errors_come_from_the_etl_validator(cat, ref):
    data = template_yaml()
    data["municipality"]["population"]["value"] = -10
    data["municipality"]["inhabitants"] = 5
    result = pi.parse_upload("mijn.yaml", dump(data), cat, ref)
    text = "\n".join(result.errors)
    assert "mijn.yaml: municipality.population.value: Input should be greater than 0" in text
    assert "mijn.yaml: municipality.inhabitants: unknown field" in text


def test_yaml_unknown_codebook_value_and_indicator(cat, ref):
    data = template_yaml()
    data["organisation"]["triage"]["value"] = "door_de_buurman"
    data["indicators"][0]["indicator"] = "geluk_pct"
    text = "\n".join(pi.parse_upload("mijn.yaml", dump(data), cat, ref).errors)
    assert "organisation.triage.value: 'door_de_buurman' is not one of by_team" in text
    assert "indicators[0].indicator: 'geluk_pct' is not in data/reference/indicators.yaml" in text


def test_yaml_percentage_above_100(cat, ref):
    data = template_yaml()
    data["indicators"][0]["value"] = 130.0  # single_parent_households_pct
    result = pi.parse_upload("mijn.yaml", dump(data), cat, ref)
    assert "single_parent_households_pct: 130 ligt buiten het bereik 0 tot 100" in result.errors[0]


def test_yaml_bounds_and_incomparable_are_kept_out(cat, ref):
    data = template_yaml()
    data["indicators"][0]["qualifier"] = "more_than"
    data["indicators"].append({"indicator": "single_parent_growth_pct", "value": 19, "qualifier": "exact",
                               "source": "waarstaatjegemeente", "locator": "x"})
    result = pi.parse_upload("mijn.yaml", dump(data), cat, ref)
    assert result.ok, result.errors
    assert result.profile.indicator_issues == {"single_parent_households_pct": "bound"}
    assert any("single_parent_growth_pct" in w for w in result.warnings)


# --- form -----------------------------------------------------------------------------------------------

def test_form_requires_name_and_population(cat):
    result = pi.profile_from_form("  ", None, {}, {}, cat)
    assert not result.ok
    assert "Naam ontbreekt." in result.errors and "Inwonertal ontbreekt." in result.errors


def test_form_good_values(cat):
    values = {"single_parent_households_pct": 6.5, "social_assistance_pct": None}
    result = pi.profile_from_form("Mijnstad", 42000, values, {"team_scope": "integral_0_100"}, cat)
    assert result.ok, result.errors
    p = result.profile
    assert (p.name, p.population, dict(p.indicators)) == ("Mijnstad", 42000.0, {"single_parent_households_pct": 6.5})
    assert p.org["team_scope"] == "integral_0_100" and p.org["triage"] == sim.NOT_REPORTED


def test_form_out_of_range(cat):
    result = pi.profile_from_form("Mijnstad", 42000, {"social_assistance_pct": 101.0}, {}, cat)
    assert not result.ok and "social_assistance_pct: 101" in result.errors[0]


# --- escaping -------------------------------------------------------------------------------------------

def test_md_escape_shows_markup_as_text():
    assert pi.md_escape("<script>alert(1)</script>") == r"\<script\>alert\(1\)\</script\>"
    assert pi.md_escape("[klik](javascript:x)") == r"\[klik\]\(javascript\:x\)"
    assert pi.md_escape("**vet**\n# kop $x$") == r"\*\*vet\*\* \# kop \$x\$"
