"""Integrity of the curated data in data/: complete, sourced, and faithful to the KPMG appendix.

Why these rules exist: the dashboard is only as honest as these files. A figure without a source
cannot be cited, an unknown codebook value silently drops out of a filter, and a practice example
under the wrong basic function puts a municipality in the wrong heatmap cell. Expected values below
come from our own reading of the report (Bijlage 2), not from the files they check.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from etl.validate import DataError, validate

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
VERBATIM_CHECK = ROOT.parent / "shared" / "tools" / "verbatim_check.py"

# Codes of 2019 (CBS), appendix letters as in Bijlage 2 ("1)" in the text is l).
EXPECTED_MUNICIPALITIES = {
    "almelo": ("GM0141", "a"),
    "brunssum": ("GM0899", "b"),
    "enschede": ("GM0153", "c"),
    "groningen": ("GM0014", "d"),
    "haarlem": ("GM0392", "e"),
    "kaag_en_braassem": ("GM1884", "f"),
    "leiden": ("GM0546", "g"),
    "montferland": ("GM1955", "h"),
    "roosendaal": ("GM1674", "i"),
    "utrecht": ("GM0344", "j"),
    "velsen": ("GM0453", "k"),
    "den_haag": ("GM0518", "l"),
    "veenendaal": ("GM0345", "m"),
    "rotterdam": ("GM0599", "n"),
    "nijmegen": ("GM0268", "o"),
    "amsterdam": ("GM0363", "p"),
}

V, T, VT, B, L = (
    "veilige_leefomgeving",
    "tijdig_signaleren",
    "vindbare_toegankelijke_hulp",
    "brede_blik",
    "leren_verbeteren",
)
# The headings under "basisfuncties uitgelicht" per sketch, read from Bijlage 2 by hand.
EXPECTED_HIGHLIGHTS = {
    "almelo": {VT, B, L},
    "brunssum": {V, VT, B},
    "enschede": {V, VT, B, L},
    "groningen": {VT, B, L},
    "haarlem": {VT, B},
    "kaag_en_braassem": {T, VT, B, L},
    "leiden": {T, VT, B},
    "montferland": {VT, B, L},
    "roosendaal": {T, B, L},
    "utrecht": {T, B, L},
    "velsen": {T, VT, B, L},
    "den_haag": {B, VT, L},
    "veenendaal": {B, VT},
    "rotterdam": {B, VT, T},
    "nijmegen": {VT, B, T, L},
    "amsterdam": {VT, B, T, L},
}


def load(slug: str) -> dict:
    return yaml.safe_load((DATA / "gemeenten" / f"{slug}.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def validated():
    return validate(DATA)


def test_all_sixteen_sketches_are_present_with_their_codes_and_letters(validated):
    _, municipalities = validated
    found = {m.municipality.slug: (m.municipality.code, m.municipality.appendix_letter) for m in municipalities}
    assert found == EXPECTED_MUNICIPALITIES


@pytest.mark.parametrize("slug", sorted(EXPECTED_HIGHLIGHTS))
def test_highlight_pairs_match_the_appendix(slug):
    """Exactly the basic functions the appendix lists practice examples under — no more, no fewer."""
    practices = load(slug)["practices"]
    assert {p["basic_function"] for p in practices} == EXPECTED_HIGHLIGHTS[slug]


def test_den_haag_keeps_its_official_name(validated):
    _, municipalities = validated
    den_haag = next(m for m in municipalities if m.municipality.slug == "den_haag")
    assert den_haag.municipality.official_name == "'s-Gravenhage"


def test_figures_named_in_the_issue_are_structured():
    """Spot checks against numbers printed in the report."""
    almelo_figures = {f["value"] for p in load("almelo")["practices"] for f in p.get("figures", [])}
    assert {542, 221, 91} <= almelo_figures
    brunssum_figures = {f["value"] for p in load("brunssum")["practices"] for f in p.get("figures", [])}
    assert 23 in brunssum_figures
    roosendaal_figures = {
        (f["value"], f["unit"]) for p in load("roosendaal")["practices"] for f in p.get("figures", [])
    }
    assert (28, "fte") in roosendaal_figures


def test_rotterdam_keeps_more_than_forty_teams():
    teams = load("rotterdam")["teams"]
    assert any(t["count"] == 40 and t["count_qualifier"] == "more_than" for t in teams)


def test_income_definitions_are_kept_apart():
    """€41.000 (household disposable income) and €32.000 (AlleCijfers) are different indicators."""
    by_reference = {}
    for slug in EXPECTED_MUNICIPALITIES:
        for v in load(slug)["indicators"]:
            if v["national_reference"] in (41000, 32000):
                by_reference.setdefault(v["national_reference"], set()).add(v["indicator"])
    assert by_reference[41000] == {"disposable_income_household_eur"}
    assert by_reference[32000] == {"average_income_per_year_eur_ref32k"}


def test_single_parent_definitions_are_kept_apart():
    assert {v["indicator"] for v in load("utrecht")["indicators"]} >= {"youth_in_single_parent_family_pct"}
    assert "single_parent_households_pct" not in {v["indicator"] for v in load("utrecht")["indicators"]}
    almelo = {v["indicator"]: v for v in load("almelo")["indicators"]}
    assert almelo["single_parent_households_pct"]["value"] == 8.0
    assert almelo["single_parent_households_pct"]["national_reference"] == 7.3


def test_transitions_described_in_the_report_are_recorded():
    # A pilot or a new set-up under way, read from Bijlage 2 (Almelo's roll-out, Amsterdam's 2021
    # Buurteams, Leiden's joint-team pilot, Enschede's OJA pilot, Den Haag's multidisciplinary team
    # roll-out, Veenendaal's district pilot, Groningen's new management model, Montferland's merger,
    # Utrecht's 2020 contracts).
    for slug in (
        "almelo",
        "amsterdam",
        "leiden",
        "enschede",
        "den_haag",
        "veenendaal",
        "groningen",
        "montferland",
        "utrecht",
    ):
        assert load(slug).get("transition"), f"{slug}: the report describes a transition"


# Words that only occur in basic-function names; a locator part holding one must be a canonical name.
BASIC_FUNCTION_WORDS = ("leefomgeving", "signaleren", "vindba", "toegankelijk", "brede blik", "verbeteren")
PRACTICE_SECTION = "basisfuncties uitgelicht: "


def _canonical_basic_function_names() -> set[str]:
    reference = yaml.safe_load((DATA / "reference" / "basic_functions.yaml").read_text(encoding="utf-8"))
    return {bf["name_nl"] for bf in reference["basic_functions"]}


def _locators(node, path="") -> list[tuple[str, str]]:
    """Every (path, locator) pair in a parsed YAML document."""
    if isinstance(node, dict):
        found = []
        for key, value in node.items():
            here = f"{path}.{key}" if path else str(key)
            if key == "locator" and isinstance(value, str):
                found.append((here, value))
            else:
                found.extend(_locators(value, here))
        return found
    if isinstance(node, list):
        return [pair for i, item in enumerate(node) for pair in _locators(item, f"{path}[{i}]")]
    return []


def _locator_problems(locator: str, letter: str, canonical: set[str]) -> list[str]:
    """Problems with one municipality-file locator under the rule of data/README.md.

    Form: `Bijlage 2<letter>, <heading>[; <heading>...][; basisfuncties uitgelicht: <name>[; <name>...]]`,
    where the practice section comes last and each <name> is a name_nl from basic_functions.yaml.
    """
    prefix = f"Bijlage 2{letter}, "
    if not locator.startswith(prefix):
        return [f"does not start with {prefix!r}"]
    problems = []
    parts = locator[len(prefix) :].split("; ")
    in_practice_section = False
    for part in parts:
        if part.startswith(PRACTICE_SECTION):
            if in_practice_section:
                problems.append("names the practice section twice")
            in_practice_section = True
        name = part.removeprefix(PRACTICE_SECTION)
        if in_practice_section:
            if name not in canonical:
                problems.append(f"{name!r} is not a canonical basic-function name")
        elif "basisfunct" in part.lower() or any(w in part.lower() for w in BASIC_FUNCTION_WORDS):
            problems.append(f"{part!r} names a basic function outside 'basisfuncties uitgelicht: ...'")
    return problems


def test_locator_rule_holds_for_hand_made_cases():
    canonical = _canonical_basic_function_names()
    good = [
        "Bijlage 2a, Organisatie",
        "Bijlage 2a, basisfuncties uitgelicht: Tijdig signaleren van de vraag",
        (
            "Bijlage 2a, Organisatie; Samenwerken; "
            "basisfuncties uitgelicht: Handelen met een brede blik; Leren en verbeteren"
        ),
    ]
    bad = [
        "Bijlage 2b, Organisatie",  # wrong letter
        "Bijlage 2a, basisfuncties uitgelicht: Tijdig signaleren van vraag",  # old spelling
        "Bijlage 2a, Organisatie; count from basisfuncties uitgelicht: Vindbare en toegankelijke hulp",  # prose
        "Bijlage 2a, Leren en verbeteren",  # name without the practice section
        "Bijlage 2a, basisfuncties uitgelicht: Leren en verbeteren; Organisatie",  # section not last
    ]
    assert all(_locator_problems(loc, "a", canonical) == [] for loc in good)
    assert all(_locator_problems(loc, "a", canonical) for loc in bad)


@pytest.mark.parametrize("slug", sorted(EXPECTED_MUNICIPALITIES))
def test_locators_outside_organisation_follow_the_locator_rule(slug):
    doc = load(slug)
    letter = EXPECTED_MUNICIPALITIES[slug][1]
    canonical = _canonical_basic_function_names()
    problems = [
        f"{path}: {locator!r}: {problem}"
        for block, value in doc.items()
        if block != "organisation"
        for path, locator in _locators(value, block)
        for problem in _locator_problems(locator, letter, canonical)
    ]
    assert problems == []


def test_each_practice_cites_the_section_of_its_own_basic_function():
    names = {
        bf["id"]: bf["name_nl"]
        for bf in yaml.safe_load((DATA / "reference" / "basic_functions.yaml").read_text(encoding="utf-8"))[
            "basic_functions"
        ]
    }
    wrong = []
    for slug in EXPECTED_MUNICIPALITIES:
        for i, practice in enumerate(load(slug)["practices"]):
            _, _, cited = practice["locator"].partition(PRACTICE_SECTION)
            if names[practice["basic_function"]] not in cited.split("; "):
                wrong.append(f"{slug} practices[{i}]: {practice['locator']!r}")
    assert wrong == []


def test_organisation_locators_follow_the_locator_rule():
    canonical = _canonical_basic_function_names()
    problems = [
        f"{slug} {path}: {problem}"
        for slug, (_, letter) in EXPECTED_MUNICIPALITIES.items()
        for path, locator in _locators(load(slug)["organisation"], "organisation")
        for problem in _locator_problems(locator, letter, canonical)
    ]
    assert problems == []


def test_reference_locators_use_canonical_basic_function_names():
    canonical = _canonical_basic_function_names()
    problems = []
    for path in sorted((DATA / "reference").glob("*.yaml")):
        for where, locator in _locators(yaml.safe_load(path.read_text(encoding="utf-8"))):
            problems.extend(
                f"{path.name} {where}: {chunk!r}"
                for chunk in locator.replace(": ", "; ").replace(", ", "; ").split("; ")
                if any(w in chunk.lower() for w in BASIC_FUNCTION_WORDS) and chunk not in canonical
            )
    assert problems == []


def test_every_number_has_a_source_and_locator():
    for slug in EXPECTED_MUNICIPALITIES:
        doc = load(slug)
        numbers = [doc["municipality"]["population"], *doc["indicators"]]
        for item in numbers:
            assert item.get("source") and item.get("locator"), f"{slug}: {item}"


# --- the validator must catch each kind of broken edit -------------------------------------------


def _broken_copy(tmp_path: Path, slug: str, mutate) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target, ignore=shutil.ignore_patterns("*.duckdb*"))
    path = target / "gemeenten" / f"{slug}.yaml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    mutate(doc)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return target


def _problems(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        validate(data_dir)
    return info.value.problems


def _drop_vision(doc):
    del doc["vision"]


def _unknown_scope(doc):
    doc["organisation"]["team_scope"]["value"] = "o-100"


def _unknown_function(doc):
    doc["practices"][0]["basic_function"] = "preventie"


def _no_source(doc):
    del doc["indicators"][0]["source"]


def _no_locator(doc):
    del doc["indicators"][0]["locator"]


def _bad_code(doc):
    doc["municipality"]["code"] = "0141"


def _empty_summary(doc):
    doc["practices"][0]["summary_en"] = "   "


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (_drop_vision, "vision: required field is missing"),
        (_unknown_scope, "organisation.team_scope.value: 'o-100' is not one of integral_0_100"),
        (_unknown_function, "practices[0].basic_function"),
        (_no_source, "indicators[0].source: required field is missing"),
        (_no_locator, "indicators[0].locator: required field is missing"),
        (_bad_code, "municipality.code"),
        (_empty_summary, "practices[0].summary_en"),
    ],
)
def test_validator_names_file_and_field(tmp_path, mutate, field):
    problems = _problems(_broken_copy(tmp_path, "almelo", mutate))
    assert any("almelo.yaml" in p and field in p for p in problems), problems


def test_duplicate_gemeentecode_is_reported(tmp_path):
    data_dir = _broken_copy(tmp_path, "brunssum", lambda doc: doc["municipality"].update(code="GM0141"))
    problems = _problems(data_dir)
    assert any("brunssum.yaml: municipality.code: GM0141 is also used by" in p for p in problems), problems


def test_no_sentences_copied_from_the_report():
    """Facts may carry over from the seeds; sentences may not (the report is 'alle rechten voorbehouden')."""
    if not VERBATIM_CHECK.exists():
        pytest.skip(f"verbatim checker not found at {VERBATIM_CHECK}")
    result = subprocess.run(
        [sys.executable, str(VERBATIM_CHECK), str(ROOT)], check=False, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout


def test_codebook_and_indicators_stay_documented():
    """data/README.md is the codebook people read; every id in the reference files must appear in it."""
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    org_model = yaml.safe_load((DATA / "reference" / "org_model.yaml").read_text(encoding="utf-8"))
    indicators = yaml.safe_load((DATA / "reference" / "indicators.yaml").read_text(encoding="utf-8"))
    ids = [d["id"] for d in org_model["dimensions"]]
    ids += [f"`{v['id']}`" for d in org_model["dimensions"] for v in d["values"]]
    ids += [i["id"] for i in indicators["indicators"]]
    missing = [i for i in ids if i not in readme]
    assert not missing, f"not documented in data/README.md: {missing}"
