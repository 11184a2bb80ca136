"""Text from data files, uploads and query results reaches every page as text, never as markdown.

A copy of the fixture data gets PAYLOAD (a link, an image, bold, HTML, a colour directive, autolinks) appended
to every free-text field (names, titles, summaries, descriptions, justifications, locators, sources, labels of
the codebook...); the warehouse built from it is shown on every page and every page variant, in both
languages, and AppTest's element tree is searched for anything of the payload that would render. New pages
are covered without changing this test: the list comes from dashboard/app.py.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from dashboard.core import settings
from dashboard.core.safe_text import md_escape
from etl.build import build_warehouse
from tests.hostile.payloads import HOST, PAYLOAD, leaks, markdown_texts, open_page, page_leaks

ROOT = Path(__file__).resolve().parents[2]
MAX_PAGE_S = 30.0  # two AppTest runs; typically 0,3-1 s
MAX_PAGE_GROWTH_MB = 100.0  # what one page view may add to this process (first views fill shared caches)
APP = str(ROOT / "dashboard" / "app.py")
# Fields that hold ids, codes or numbers (the ETL checks them against the codebook); everything else is text.
ID_FIELDS = {
    "id",
    "slug",
    "code",
    "kind",
    "value",
    "basic_function",
    "province",
    "source",
    "target_group",
    "qualifier",
    "count_qualifier",
    "unit",
    "indicator",
    "dimension",
    "comparability_group",
    "appendix_letter",
    "coordinates_source",
    "direct_access",
    "date_published",
    "year",
    "area",
    "municipality",
    "coder",
}  # the last two: coding files (data/coding/) name municipalities by code


def poison(node, key=None):
    if isinstance(node, dict):
        return {k: poison(v, k) for k, v in node.items()}
    if isinstance(node, list):
        return [poison(v, key) for v in node]
    if isinstance(node, str) and key not in ID_FIELDS:
        return f"{node} {PAYLOAD}"
    return node


def _page_list() -> list[str]:
    import ast

    tree = ast.parse((ROOT / "dashboard" / "app.py").read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "PAGES":
            return [f"views/{Path(entry[0]).name}" for entry in ast.literal_eval(node.value)]
    raise AssertionError("PAGES not found in dashboard/app.py")


PAGE_VARIANTS = {
    "views/overview.py": [{}, {"view": "cards"}],
    "views/profile.py": [{"gm": "teststad"}, {"gm": "fixtureburg"}, {"gm": "proefdorp"}],
    "views/compare.py": [{"cmp": "teststad,fixtureburg,proefdorp"}],
    "views/contrasts.py": [{"contrast": v} for v in ("heatmap", "matrix", "scatter", "groups", "deviation")],
    "views/practices.py": [{}, {"q": "evil"}],
    "views/peers.py": [{}],
    "views/presentation.py": [{}],
    "views/sql_console.py": [{}],
    "views/about.py": [{}],
}


@pytest.fixture(scope="module")
def hostile_warehouse(tmp_path_factory):
    data = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(ROOT / "tests" / "fixtures" / "data", data)
    for path in data.rglob("*.yaml"):
        path.write_text(
            yaml.safe_dump(
                poison(yaml.safe_load(path.read_text(encoding="utf-8"))), allow_unicode=True, sort_keys=False
            ),
            encoding="utf-8",
        )
    target = data / "warehouse.duckdb"
    build_warehouse(data, target, log=lambda _line: None)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(settings, "WAREHOUSE_PATH", target)
        mp.setattr(settings, "DATA_DIR", data)
        yield target


def test_every_page_of_the_app_has_variants_here():
    assert set(_page_list()) == set(PAGE_VARIANTS)


CASES = [
    (page, params, lang) for page, variants in PAGE_VARIANTS.items() for params in variants for lang in ("nl", "en")
]


@pytest.mark.parametrize(
    ("page", "params", "lang"),
    CASES,
    ids=[f"{p.split('/')[1][:-3]}-{'&'.join(f'{k}={v}' for k, v in q.items())}-{lang}" for p, q, lang in CASES],
)
def test_data_file_text_shows_as_text_on_every_page(hostile_warehouse, page, params, lang):
    before = _rss_mb()
    start = time.perf_counter()
    at = open_page(page, {**params, "lang": lang})
    assert time.perf_counter() - start < MAX_PAGE_S
    assert _rss_mb() - before < MAX_PAGE_GROWTH_MB
    assert not at.exception, [e.value for e in at.exception]
    assert page_leaks(at) == []


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def test_the_payload_really_is_on_the_pages(hostile_warehouse):
    # Control: the payload reaches the page (escaped), so the test above searched the right text.
    at = open_page("views/profile.py", {"gm": "teststad"})
    assert any("Teststad" in h.value for h in at.header)
    body = "\n".join(m.value for m in at.markdown)
    assert md_escape(PAYLOAD) in body


def test_the_leak_check_can_fail():
    at = AppTest.from_string(f"import streamlit as st\nst.markdown({PAYLOAD!r})\nst.caption('ok')")
    at.run()
    assert page_leaks(at) and leaks(PAYLOAD) and not leaks(md_escape(PAYLOAD))


@pytest.fixture
def real_warehouse(built_warehouse, monkeypatch):
    monkeypatch.setattr(settings, "WAREHOUSE_PATH", built_warehouse)
    return built_warehouse


def test_sql_console_error_with_markdown_shows_as_text(real_warehouse):
    at = AppTest.from_file(str(ROOT / "dashboard" / "views" / "sql_console.py"), default_timeout=30)
    at.run()
    payload = PAYLOAD.replace("'", "")
    at.text_area(key="sql_text").set_value(f'select * from "{payload}"').run()
    at.button(key="sql_run").click().run()
    assert not at.exception
    assert at.error and HOST.replace(".", "\\.") in at.error[0].value
    assert page_leaks(at) == []


def test_uploaded_markdown_name_and_messages_show_as_text(real_warehouse):
    from dashboard.core import peer_input as pi
    from dashboard.core import peer_templates

    data = yaml.safe_load(peer_templates.template_bytes("yaml"))
    data["municipality"]["name"] = PAYLOAD[:80]
    result = pi.parse_upload("p.yaml", yaml.safe_dump(data).encode(), *_catalogue(real_warehouse))
    assert result.ok and HOST in result.profile.name
    hostile_errors = pi.parse_upload(f"{PAYLOAD}.csv", f"name,{PAYLOAD}\n1,2\n".encode(), *_catalogue(real_warehouse))
    assert not hostile_errors.ok
    for state_key, value in (
        ("peers_own_profile", result.profile),
        ("peers_own_messages", ("error", hostile_errors.errors)),
    ):
        at = AppTest.from_file(str(ROOT / "dashboard" / "views" / "peers.py"), default_timeout=60)
        at.session_state["peers_ref_kind"] = "own"
        at.session_state[state_key] = value
        at.run()
        assert not at.exception, [e.value for e in at.exception]
        assert page_leaks(at) == []
        assert "evil\\.example" in "\n".join(v for _k, v in markdown_texts(at))  # it is there, as text


def _catalogue(warehouse):
    import duckdb

    from dashboard.core import queries
    from dashboard.core.similarity import catalogue_from_frames
    from etl.validate import load_reference

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        cat = catalogue_from_frames(queries.indicators(con), queries.dimensions(con), queries.dimension_values(con))
    finally:
        con.close()
    return cat, load_reference(ROOT / "data", [])
