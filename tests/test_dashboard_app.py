"""The dashboard end to end in-process (streamlit.testing AppTest), on a warehouse built from data/.

Why: every page must render for every user without a traceback, the sidebar filters must select exactly
the municipalities the source files say, and a shared link with a broken parameter must still open.
Expected sets are computed from the YAML files in data/gemeenten/, never typed in.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from dashboard.core import settings
from dashboard.core.safe_text import md_escape
from tests.app_pages import PAGE_FILES

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")
PAGES = PAGE_FILES  # every page dashboard/app.py declares
FUNCTIONS = [
    "veilige_leefomgeving",
    "tijdig_signaleren",
    "vindbare_toegankelijke_hulp",
    "brede_blik",
    "leren_verbeteren",
]


def source_municipalities() -> list[dict]:
    files = sorted((Path(settings.DATA_DIR) / "gemeenten").glob("*.yaml"))
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in files]


@pytest.fixture(scope="module", autouse=True)
def real_warehouse(built_warehouse):
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(settings, "WAREHOUSE_PATH", built_warehouse)
        yield built_warehouse


def app(params: dict | None = None, page: str | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    if page and page != "views/overview.py":
        at.switch_page(page)
    if params:
        at.query_params.update(params)
    if page or params:
        at.run()
    return at


def charts(at: AppTest) -> list:
    return at.get("vega_lite_chart")


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info]
    parts += [w.value for w in at.warning] + [e.value for e in at.error] + [t.value for t in at.title]
    parts += [h.value for h in at.header] + [s.value for s in at.subheader]
    return "\n".join(str(p) for p in parts)


def assert_clean(at: AppTest):
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders(page):
    at = app(page=page)
    assert_clean(at)
    assert at.title, "every page has a title"
    n = len(source_municipalities())
    assert f"{n} van {n} gemeenten" in texts(at)


def test_overview_has_map_and_table():
    at = app()
    assert_clean(at)
    assert charts(at), "the map is drawn"
    table = at.dataframe[0].value
    assert len(table) == len(source_municipalities())


@pytest.mark.parametrize("function_id", FUNCTIONS)
def test_function_filter_selects_exactly_the_highlighting_municipalities(function_id):
    munis = source_municipalities()
    expected = {
        m["municipality"]["code"] for m in munis if any(p["basic_function"] == function_id for p in m["practices"])
    }
    at = app()
    at.multiselect(key="f_bf_nl").set_value([function_id]).run()
    assert_clean(at)
    assert set(at.session_state["_filtered_codes"]) == expected
    assert f"{len(expected)} van {len(munis)} gemeenten" in texts(at)
    assert at.query_params.get("bf") in (function_id, [function_id])  # the view is a shareable URL
    if expected:
        names = {m["municipality"]["name"] for m in munis if m["municipality"]["code"] in expected}
        assert set(at.dataframe[0].value.iloc[:, 0]) == names


def _empty_combination() -> dict:
    """A province and a basic function that no municipality has together (from the source files)."""
    munis = source_municipalities()
    provinces = sorted({m["municipality"]["province"] for m in munis})
    for prov in provinces:
        for fid in FUNCTIONS:
            if not any(
                m["municipality"]["province"] == prov and any(p["basic_function"] == fid for p in m["practices"])
                for m in munis
            ):
                return {"prov": prov, "bf": fid}
    pytest.skip("every province highlights every function; no empty combination in this data")


@pytest.mark.parametrize(
    "page", ["views/overview.py", "views/compare.py", "views/contrasts.py", "views/practices.py", "views/profile.py"]
)
def test_empty_result_explains_itself_and_offers_reset(page):
    combo = _empty_combination()
    at = app(params=combo, page=page)
    assert_clean(at)
    assert at.session_state["_filtered_codes"] == []
    assert "Geen gemeenten voldoen aan deze filters." in texts(at)
    reset = [b for b in at.button if b.label == "Filters wissen" and not b.disabled]
    assert reset
    reset[0].click().run()
    assert_clean(at)
    assert len(at.session_state["_filtered_codes"]) == len(source_municipalities())


MALFORMED = {
    "bf": "nonsense,brede_blik",
    "size": "enormous",
    "prov": "Atlantis",
    "org.nope": "x",
    "org.team_scope": "sideways",
    "gm": "'; drop table municipality; --",
    "cmp": "a,b,c,d,e,f",
    "contrast": "pie",
    "x": "nope",
    "y": "",
    "dim": "1=1",
    "view": "carousel",
    "color": "rainbow",
    "lang": "de",
    "q": "x" * 500,
    "utm_source": "newsletter",
}


@pytest.mark.parametrize("page", PAGES)
def test_malformed_params_are_ignored_with_a_notice(page):
    at = app(params=MALFORMED, page=page)
    assert_clean(at)
    notices = " ".join(i.value for i in at.info)
    assert "genegeerd" in notices
    assert "bf" not in at.query_params or at.query_params["bf"] in ("brede_blik", ["brede_blik"])


def test_language_toggle_switches_everything_to_english():
    at = app()
    at.radio(key="lang").set_value("en").run()
    assert_clean(at)
    n = len(source_municipalities())
    body = texts(at)
    assert at.title[0].value == "Overview"
    assert f"{n} of {n} municipalities" in body
    assert "gemeenten" not in body.replace("Basisfuncties voor lokale teams", "")
    assert at.query_params.get("lang") in ("en", ["en"])
    at.switch_page("views/about.py").run()
    assert_clean(at)
    assert at.title[0].value == "About the data"


def test_profile_from_url_shows_every_section():
    munis = source_municipalities()
    slug = munis[0]["municipality"]["slug"]
    at = app(params={"gm": slug}, page="views/profile.py")
    assert_clean(at)
    body = texts(at)
    for heading in (
        "Kenmerken van inwoners",
        "Teams",
        "Organisatiemodel (gecodeerd)",
        "Praktijkvoorbeelden per basisfunctie",
        "Bronnen",
    ):
        assert heading in body
    assert munis[0]["municipality"]["name"] in body
    if munis[0]["indicators"]:
        spec = charts(at)[0].proto.spec
        # the page sets title and source as text beside the chart; the drawn spec carries the description
        assert '"locale"' in spec and '"description"' in spec and md_escape("Bron: KPMG (2019)") in body


def test_compare_keeps_the_first_four_of_a_longer_link():
    slugs = [m["municipality"]["slug"] for m in source_municipalities()[:5]]
    at = app(params={"cmp": ",".join(slugs)}, page="views/compare.py")
    assert_clean(at)
    assert at.multiselect(key="cmp_sel").value == slugs[:4]
    assert md_escape(f"cmp={slugs[4]}") in " ".join(i.value for i in at.info)  # shown as text


def test_notices_never_echo_control_characters_or_endless_text():
    at = app(params={"gm": "\x00" + "A" * 400}, page="views/profile.py")
    assert_clean(at)
    notice = " ".join(i.value for i in at.info)
    assert "\x00" not in notice and "A" * 100 not in notice and md_escape("gm=?AAA") in notice


def test_compare_two_municipalities():
    munis = source_municipalities()
    slugs = [m["municipality"]["slug"] for m in munis[:2]]
    at = app(params={"cmp": ",".join(slugs)}, page="views/compare.py")
    assert_clean(at)
    assert at.multiselect(key="cmp_sel").value == slugs
    # the org table, not a chart's "Show as table" view
    org_table = next(d.value for d in at.dataframe if "Dimensie" in d.value.columns)
    assert len(org_table) == 11  # one row per dimension of the codebook
    assert {m["municipality"]["name"] for m in munis[:2]} <= set(org_table.columns)


@pytest.mark.parametrize("view", ["heatmap", "matrix", "scatter", "groups", "deviation"])
def test_every_contrast_view(view):
    at = app(params={"contrast": view}, page="views/contrasts.py")
    assert_clean(at)
    assert charts(at) or at.info, "a chart, or a message saying why there is none"
    for chart in charts(at):
        assert '"description"' in chart.proto.spec and md_escape("KPMG (2019)") in texts(at)


def test_practice_search_and_url():
    munis = source_municipalities()
    title = munis[0]["practices"][0]["title_en"]
    word = max(title.split(), key=len)
    at = app(params={"q": word}, page="views/practices.py")
    assert_clean(at)
    body = texts(at)
    assert munis[0]["practices"][0]["title_nl"] in body
    assert at.query_params.get("q") in (word, [word])


def test_invalid_data_shows_problems_not_a_traceback(fixture_data_dir, tmp_path):
    broken = fixture_data_dir / "gemeenten" / sorted(p.name for p in (fixture_data_dir / "gemeenten").iterdir())[0]
    broken.write_text(broken.read_text(encoding="utf-8").replace("province:", "provinsie:", 1), encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(settings, "DATA_DIR", fixture_data_dir)
        mp.setattr(settings, "WAREHOUSE_PATH", tmp_path / "none" / "warehouse.duckdb")
        at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert at.error and "fout" in at.error[0].value
    assert "provinsie" in texts(at)


# Fixed Dutch words of data fields (locators, our additions to source titles) that English mode translates
DUTCH_DATA_WORDS = {
    "Bijlage 2",
    "Kenmerken inwoners gemeente",
    "basisfuncties uitgelicht",
    "editie niet vermeld",
    "gemeentewebsite",
    "Missie en visie",
}


def _only_in(lang: str) -> set[str]:
    """Interface strings (the whole catalogue) that exist only in one language: their appearance in the other
    is a leak; in English also the fixed Dutch words of data fields."""
    from dashboard.core.i18n import STRINGS

    i = 0 if lang == "nl" else 1
    own = {pair[1 - i] for pair in STRINGS.values()}  # 'Download data' is a Dutch label too
    found = {
        pair[i]
        for pair in STRINGS.values()
        # single words are skipped: names like "Basisfuncties" occur in titles of both languages
        if pair[0] != pair[1] and " " in pair[i].strip() and "{" not in pair[i] and pair[i] not in own
    }
    return found | (DUTCH_DATA_WORDS if lang == "nl" else set())


def _texts_in(node) -> list[str]:
    """Every string inside a nested YAML structure, longest first (so no part of a longer text is left over)."""
    if isinstance(node, str):
        return [node.strip()]  # the ETL strips surrounding whitespace
    items = node.values() if isinstance(node, dict) else node if isinstance(node, list) else []
    return sorted((t for item in items for t in _texts_in(item)), key=len, reverse=True)


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_no_other_language_leaks_into_the_interface(page, lang):
    munis = source_municipalities()
    params = {
        "lang": lang,
        "gm": munis[0]["municipality"]["slug"],
        "cmp": ",".join(m["municipality"]["slug"] for m in munis[:2]),
    }
    at = app(params=params, page=page)
    assert_clean(at)
    body = texts(at) + "\n".join(str(getattr(w, "label", "")) for w in list(at.button) + list(at.selectbox))
    # what charts say and hold (description, tooltips with locators) and the table views
    body += "\n".join(json.dumps(json.loads(c.proto.spec), ensure_ascii=False) for c in charts(at))
    body += "\n".join(d.value.to_csv() for d in at.dataframe if hasattr(d.value, "to_csv"))
    # "derived from" quotes the report's Dutch headings in both languages
    org_model = yaml.safe_load((Path(settings.DATA_DIR) / "reference" / "org_model.yaml").read_text("utf-8"))
    for d in org_model["dimensions"]:
        body = body.replace(d["derived_from"], "")
    # the decision rules are English only by design (data/README.md); the Dutch page says so. Sentences only
    # (ids such as 'direct' would cut holes in longer texts), longest first.
    for text in _texts_in([d.get("decision_rules") for d in org_model["dimensions"]]):
        if " " in text:  # shown through md_escape, so the escaped form is what the page holds
            body = body.replace(md_escape(text), "").replace(text, "")
    other = _only_in("en" if lang == "nl" else "nl")
    leaks = sorted(s for s in other if s in body)
    assert not leaks, leaks


def test_every_core_string_key_used_exists():
    import re

    from dashboard.core.strings.core import STRINGS

    used = set()
    for path in [
        ROOT / "dashboard" / "app.py",
        *(ROOT / "dashboard" / "views").glob("*.py"),
        *(ROOT / "dashboard" / "ui").glob("*.py"),
    ]:
        used |= set(re.findall(r"[\"'](core_[a-z_]+)[\"']", path.read_text(encoding="utf-8")))
    missing = sorted(k for k in used if k not in STRINGS and not k.endswith("_"))
    assert not missing, missing


def test_overview_opens_a_profile():
    munis = source_municipalities()
    slug, name = munis[-1]["municipality"]["slug"], munis[-1]["municipality"]["name"]
    at = app()
    at.selectbox(key="ov_pick").set_value(slug).run()
    at.button(key="ov_open").click().run()
    assert_clean(at)
    assert at.query_params.get("gm") in (slug, [slug])
    assert at.selectbox(key="pr_gm").value == slug
    assert name in [h.value for h in at.header]
