"""Hostile URLs: over a thousand generated (page, parameter, value) cases, then a sample on the real pages.

A URL reaches a page in exactly two ways (dashboard/runtime/state.py): a parameter's parser turns it into one of the
widget's options, or the part is dropped and named in the notice above the page. The generated cases run
that pipeline with the parsers the pages use, on the real codebook, and check that the notice's markdown
holds no link, image, formatting, HTML or autolink, and that each case costs little time and memory. A sample
then goes through AppTest on every page (the element tree: tests/hostile/payloads.py); the browser check is
tests/browser/test_hostile_browser.py.
"""

from __future__ import annotations

import ast
import re
import time
import tracemalloc
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from dashboard.core import filters, queries
from dashboard.core import settings as app_settings
from dashboard.runtime import state
from tests.app_pages import PAGE_FILES
from tests.hostile.payloads import HEADING, HOST, PAYLOAD, PAYLOADS, open_page, page_leaks

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "dashboard" / "app.py")
# The contrast views, read from the page's source (importing a page module would run the page).
VIEWS = ast.literal_eval(
    re.search(r"^VIEWS = (\(.*?\))$", (ROOT / "dashboard/views/contrasts.py").read_text(), re.MULTILINE).group(1)
)
PAGES = PAGE_FILES  # every page dashboard/app.py declares
MAX_CASE_S = 0.5  # typical: well under 1 ms; the bound only has to catch super-linear work
MAX_CASE_BYTES = 512 * 1024
# Markdown constructs a notice must never contain (markdown-it token types).
FORBIDDEN = {
    "link_open",
    "image",
    "strong_open",
    "em_open",
    "s_open",
    "html_inline",
    "html_block",
    "heading_open",
    "code_inline",
    "fence",
    "code_block",
    "blockquote_open",
    "bullet_list_open",
    "ordered_list_open",
    "table_open",
    "hr",
    "lheading_open",
}
MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


@pytest.fixture(scope="module")
def parsers(built_warehouse) -> dict:
    """Every URL parameter of the pages -> the parser its page binds it with (same options as the app)."""
    con = duckdb.connect(str(built_warehouse), read_only=True)
    try:
        overview = queries.overview(con)
        values = queries.dimension_values(con)
        dims = list(queries.dimensions(con)["dimension_id"])
        indicators = list(queries.indicators(con)["indicator_id"])
        functions = list(queries.basic_functions(con)["basic_function_id"])
    finally:
        con.close()
    lookup = {
        **dict(zip(overview["slug"], overview["slug"], strict=True)),
        **dict(zip(overview["municipality_code"], overview["slug"], strict=True)),
    }

    def practices_query(raw: str) -> str:
        if len(raw) > 200:
            raise ValueError(raw)
        return raw

    def compare(raw: str) -> list[str]:
        return list(dict.fromkeys(lookup[p.strip()] for p in raw.split(",") if p.strip()))[:4]

    out = {
        "lang": (state.choice_parse(state.LANGS), set(state.LANGS)),
        filters.PARAM_FUNCTIONS: (state.csv_parse(functions), set(functions)),
        filters.PARAM_SIZES: (state.csv_parse(list(filters.SIZE_CLASS_IDS)), set(filters.SIZE_CLASS_IDS)),
        filters.PARAM_PROVINCES: (state.csv_parse(sorted(set(overview["province"]))), set(overview["province"])),
        "view": (state.choice_parse(["table", "cards"]), {"table", "cards"}),
        "contrast": (state.choice_parse(VIEWS), set(VIEWS)),
        "gm": (lambda raw: lookup[raw], set(lookup.values())),
        "cmp": (compare, set(lookup.values())),
        "q": (practices_query, None),  # free text: a widget value and a SQL parameter, never markdown
    }
    for param in ("color", "sc_color", "dim"):
        out[param] = (state.choice_parse(dims), set(dims))
    for param in ("x", "y", "ind", "dev"):
        out[param] = (state.choice_parse(indicators), set(indicators))
    for dim in dims:
        options = list(values[values["dimension_id"] == dim]["value_id"])
        out[filters.ORG_PREFIX + dim] = (state.csv_parse(options), set(options))
    return out


def hostile_text():
    fragments = st.sampled_from(
        [
            *PAYLOADS,
            "**",
            "__",
            "`",
            "<script>",
            "\\",
            "\n# ",
            ":red[",
            "$",
            "|",
            "~~~",
            "&#x6a;",
            "javascript:",
            "%5B",
            "\u202e",
            "\x00",
            "\u200b",
            "1. ",
            "> ",
            "- [ ]",
        ]
    )
    return st.lists(st.one_of(fragments, st.text(max_size=40)), max_size=6).map("".join)


def assert_shows_as_text(message: str, escaped_part: str) -> None:
    tokens = []
    for token in MD.parse(message):
        tokens.append(token.type)
        tokens.extend(child.type for child in token.children or [])
    assert not FORBIDDEN & set(tokens), (message, tokens)
    # GitHub-style autolinks (www., https:, e-mail) need an unescaped '.', ':' or '@'
    assert not re.search(r"(?<!\\)[.:@]", escaped_part.replace("\\\\", "")), escaped_part
    assert HOST not in message and "**PWNED**" not in message


@settings(max_examples=1200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    page=st.sampled_from(PAGES),
    known=st.booleans(),
    name=hostile_text(),
    value=hostile_text(),
    lang=st.sampled_from(["nl", "en"]),
    data=st.data(),
)
def test_generated_urls_end_as_an_option_or_as_escaped_text(parsers, page, known, name, value, lang, data):
    param = data.draw(st.sampled_from(sorted(parsers))) if known else name
    tracemalloc.start()
    start = time.perf_counter()
    accepted = None
    if param in parsers:
        parse, options = parsers[param]
        try:
            accepted = parse(value)
        except (ValueError, TypeError, KeyError):  # what state.bind() catches
            accepted = None
    if accepted is not None and options is not None:
        chosen = accepted if isinstance(accepted, list) else [accepted]
        assert set(chosen) <= options  # only a known option reaches the widget, never the raw text
    else:
        shown = state.notice_text(f"{param}={value}")
        message = state.notices_message([shown], lang)
        assert len(shown) <= state.NOTICE_MAX_CHARS
        assert_shows_as_text(message, message.split(": ", 1)[1] if ": " in message else message)
    elapsed = time.perf_counter() - start
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert elapsed < MAX_CASE_S and peak < MAX_CASE_BYTES


# --- a sample through the real pages (AppTest) -------------------------------------------------------------


@pytest.fixture(scope="module")
def real_warehouse(built_warehouse):
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(app_settings, "WAREHOUSE_PATH", built_warehouse)
        yield built_warehouse


SAMPLE = [
    {"zz": f"[login](https://{HOST}/login)"},
    {"zz": f"![x](https://{HOST}/p.png)", "yy": "**PWNED** # kop"},
    {"gm": PAYLOAD, "cmp": HEADING, "bf": PAYLOAD},
    {PAYLOAD[:40]: "1", "contrast": f"www.{HOST}", "q": PAYLOAD},
    {"lang": PAYLOAD, "org.team_scope": f"x@{HOST}", "view": "<script>alert(1)</script>"},
]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("params", SAMPLE, ids=[f"sample{i}" for i in range(len(SAMPLE))])
def test_hostile_links_on_every_page_show_only_text(real_warehouse, page, params):
    start = time.perf_counter()
    at = open_page(page, params)
    assert time.perf_counter() - start < 30
    assert not at.exception, [e.value for e in at.exception]
    assert page_leaks(at) == []
    notices = " ".join(i.value for i in at.info)
    if "zz" in params:  # every page names an unknown parameter (dashboard/app.py checks them for all)
        assert "genegeerd" in notices and "evil\\.example" in notices  # named, as text
