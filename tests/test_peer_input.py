"""A user's own municipality (dashboard/core/peer_input.py): parsing and validation of form, YAML and CSV input.

Why these tests exist: uploads come from people, not from our pipeline. Every bad file must give a message
a policy advisor can act on, and none may raise (a bad file must never break the page).
"""

from __future__ import annotations

import random
from pathlib import Path

import duckdb
import pytest
import yaml

from dashboard.core import peer_checks, peer_templates, user_files
from dashboard.core import peer_input as pi
from dashboard.core import queries as q
from dashboard.core import similarity as sim
from dashboard.core.safe_text import md_escape
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
    return yaml.safe_load(peer_templates.template_bytes("yaml"))


def dump(data: dict) -> bytes:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


def csv_bytes(cat, **cells) -> bytes:
    cols = peer_templates.csv_columns(cat)
    row = {"name": "Mijnstad", "population": "50000", **cells}
    return (",".join(cols) + "\n" + ",".join(str(row.get(c, "")) for c in cols) + "\n").encode()


# --- templates ------------------------------------------------------------------------------------------


def test_both_templates_parse_to_the_same_profile(cat, ref):
    y = pi.parse_upload("peer_template.yaml", peer_templates.template_bytes("yaml"), cat, ref)
    c = pi.parse_upload("peer_template.csv", peer_templates.template_bytes("csv"), cat, ref)
    assert y.ok and c.ok, (y.errors, c.errors)
    assert y.profile.population == c.profile.population == 50000
    assert dict(y.profile.indicators) == dict(c.profile.indicators)
    assert dict(y.profile.org) == dict(c.profile.org)
    assert y.profile.key == sim.OWN_KEY


def test_csv_template_header_matches_the_codebook(cat):
    """If an indicator or dimension is added to data/reference, the downloadable template must follow."""
    assert peer_templates.template_bytes("csv").decode("utf-8") == peer_templates.make_template_csv(cat), (
        "regenerate with: python -c "
        "'from dashboard.core.peer_templates import write_template_csv; write_template_csv()'"
    )


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
    result = pi.parse_upload("groot.yaml", b"#" * (user_files.MAX_BYTES + 1), cat, ref)
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
    result = pi.parse_upload(
        "a.csv", csv_bytes(cat, population="veel", single_parent_households_pct="41.000"), cat, ref
    )
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
    data["indicators"].append(
        {
            "indicator": "single_parent_growth_pct",
            "value": 19,
            "qualifier": "exact",
            "source": "waarstaatjegemeente",
            "locator": "x",
        }
    )
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
    assert md_escape("<script>alert(1)</script>") == r"\<script\>alert\(1\)\</script\>"
    assert md_escape("[klik](javascript:x)") == "\\[klik\\]\\(javascript\\:\u2060x\\)"  # joiner: no autolink
    assert md_escape("**vet**\n# kop $x$") == r"\*\*vet\*\* \# kop \$x\$"


# --- numbers as typed in the form (parse_number) --------------------------------------------------------
# Hand-written expectations: the reviewer's case was a number_input reading Dutch "45.000" as 45.


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("45.000", 45000.0),  # Dutch thousands dot: forty-five thousand, never 45
        ("29.500", 29500.0),
        ("1.234.567", 1234567.0),
        ("45000", 45000.0),
        ("45 000", 45000.0),
        ("7,3", 7.3),  # Dutch decimal comma
        ("1.234,5", 1234.5),
        ("7.3", 7.3),  # a dot not followed by three digits cannot group thousands: the only reading is decimal
        ("€ 29.500", 29500.0),
        ("7,3%", 7.3),
        ("-1,5", -1.5),
        ("\u22121,5", -1.5),  # typographic minus
        (" 12 ", 12.0),
        ("", None),
        ("   ", None),
        (None, None),
    ],
)
def test_parse_number_dutch(raw, want):
    assert pi.parse_number(raw, "nl") == want


@pytest.mark.parametrize(
    ("raw", "want"),
    [
        ("45,000", 45000.0),  # English thousands comma
        ("1,234,567", 1234567.0),
        ("7.3", 7.3),
        ("1,234.5", 1234.5),
        ("7,3", 7.3),  # cannot be a thousands group: decimal
        ("45.000", 45.0),  # English reading; the population check then refuses 45
        ("€29,500", 29500.0),
    ],
)
def test_parse_number_english(raw, want):
    assert pi.parse_number(raw, "en") == want


@pytest.mark.parametrize(
    ("raw", "lang"),
    [
        ("veel", "nl"),
        ("1,234.5", "nl"),
        ("1.234,5", "en"),
        ("1.2.3", "nl"),
        ("45.00.0", "nl"),
        ("4 5", "nl"),
        ("12abc", "nl"),
        ("--3", "nl"),
        ("1e5", "nl"),
        ("0x1F", "nl"),
        ("nan", "nl"),
        ("inf", "en"),
    ],
)
def test_parse_number_refuses_what_it_cannot_read(raw, lang):
    with pytest.raises(ValueError):
        pi.parse_number(raw, lang)


def test_shown_as_read_keeps_every_decimal():
    assert pi.shown_as_read(45000.0, "count") == "45.000"
    assert pi.shown_as_read(29.5, "euro") == "€ 29,5"  # not rounded to "€ 30": the misreading stays visible
    assert pi.shown_as_read(7.25, "percent") == "7,25%"
    assert pi.shown_as_read(45000.0, "count", "en") == "45,000"
    assert pi.shown_as_read(7.3, "percent", "en") == "7.3%"


def test_form_text_reads_dutch_numbers(cat):
    result = pi.profile_from_form_text(
        "Mijnstad",
        "45.000",
        {
            "single_parent_households_pct": "7,3",
            "disposable_income_household_eur": "29.500",
            "social_assistance_pct": "",
        },
        {"team_scope": "integral_0_100"},
        cat,
    )
    assert result.ok, result.errors
    p = result.profile
    assert p.population == 45000.0
    assert dict(p.indicators) == {"single_parent_households_pct": 7.3, "disposable_income_household_eur": 29500.0}
    label_pop = "Inwonertal"
    label_inc = cat.indicators["disposable_income_household_eur"].label("nl")
    label_sp = cat.indicators["single_parent_households_pct"].label("nl")
    assert result.understood == [f"{label_pop}: 45.000", f"{label_sp}: 7,3%", f"{label_inc}: € 29.500"]


def test_form_text_reads_english_numbers(cat):
    result = pi.profile_from_form_text("Mytown", "45,000", {"single_parent_households_pct": "7.3"}, {}, cat, lang="en")
    assert result.ok, result.errors
    assert result.profile.population == 45000.0
    assert dict(result.profile.indicators) == {"single_parent_households_pct": 7.3}
    assert result.understood[0] == "Population: 45,000"


def test_form_text_not_a_number_names_the_field(cat):
    label = cat.indicators["social_assistance_pct"].label("nl")
    result = pi.profile_from_form_text("Mijnstad", "veel", {"social_assistance_pct": "vier"}, {}, cat)
    assert not result.ok
    assert any(e.startswith("Inwonertal: ‘veel’ is geen getal") for e in result.errors)
    assert any(e.startswith(f"{label}: ‘vier’ is geen getal") for e in result.errors)
    assert "Inwonertal ontbreekt." not in result.errors  # one message per problem


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("45", "Inwonertal: 45 inwoners is minder dan welke Nederlandse gemeente ook (reken op minstens 500)"),
        ("0", "Inwonertal: inwonertal moet groter zijn dan 0"),
        ("2.500.000", "Inwonertal: 2.500.000 inwoners is meer dan welke Nederlandse gemeente ook"),
        ("45.000,5", "Inwonertal: inwonertal is een heel getal (nu 45.000,5)"),
    ],
)
def test_form_text_implausible_population(cat, raw, fragment):
    result = pi.profile_from_form_text("Mijnstad", raw, {}, {}, cat)
    assert not result.ok
    assert result.errors[0].startswith(fragment), result.errors
    assert "45.000" in result.errors[0] or raw == "45.000,5"  # the hint shows how to write thousands


def test_population_bounds_are_the_same_for_uploads(cat, ref):
    small = pi.parse_upload("a.csv", csv_bytes(cat, population="45"), cat, ref)
    assert not small.ok and "population: 45 inwoners is minder dan" in small.errors[0]
    assert pi.parse_upload("a.csv", csv_bytes(cat, population=str(peer_checks.MIN_POPULATION)), cat, ref).ok
    assert pi.profile_from_form_text("Mijnstad", str(peer_checks.MIN_POPULATION), {}, {}, cat).ok
    assert pi.profile_from_form_text("Mijnstad", "2.000.000", {}, {}, cat).ok


def test_form_text_implausible_income_and_percentage(cat):
    inc = cat.indicators["disposable_income_household_eur"].label("nl")
    pct = cat.indicators["single_parent_households_pct"].label("nl")
    result = pi.profile_from_form_text(
        "Mijnstad",
        "45.000",
        {"disposable_income_household_eur": "29,5", "single_parent_households_pct": "7.300"},
        {},
        cat,
    )
    assert not result.ok
    text = "\n".join(result.errors)
    assert f"{inc}: € 29,5 ligt buiten het bereik 1.000 tot 1.000.000" in text
    assert f"{pct}: 7.300% ligt buiten het bereik 0 tot 100" in text
    assert f"{pct}: 7.300%" in result.understood  # said as read, so the user sees the slip


def test_reference_from_the_warehouse_holds_the_ids_of_data_reference(built_warehouse):
    """The page checks uploads against the warehouse, not data/ at runtime: the ids must be the same."""
    problems: list[str] = []
    from_yaml = load_reference(ROOT / "data", problems)
    assert problems == []
    con = duckdb.connect(str(built_warehouse), read_only=True)
    try:
        ref = pi.reference_from_warehouse(q.indicators(con), q.sources(con), q.dimension_values(con))
    finally:
        con.close()
    assert set(ref.indicators) == set(from_yaml.indicators)
    assert set(ref.sources) == set(from_yaml.sources)
    assert {d: sorted(v) for d, v in ref.dimensions.items()} == {d: sorted(v) for d, v in from_yaml.dimensions.items()}
