"""WCAG 2.1 AA in a real browser (issue 12): axe-core on every page and main state in both languages at three
sizes, the document language, one language at a time (also Streamlit's own texts), keyboard focus, hidden English
toolbars, no sideways scrolling on a phone and no request that leaves the server.

One walk (module fixture) visits every page of the sidebar navigation plus the main states of each page in Dutch
and English at a phone (390×844), a laptop (1280×800) and a projector (1920×1080). Per visit it runs axe-core
4.12.1 (bundled, and so pinned, by axe-playwright-python==0.1.8) with the WCAG 2.0/2.1 A and AA rules, records
every network request, the <html lang>, the page width against the window, the texts a user sees or hears
(visible text, aria-label, placeholder, title) and saves a screenshot of the whole page to
test-artifacts/screens/<size>-<lang>-<page>.png.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

from dashboard.core import settings
from dashboard.core.i18n import t
from tests.browser.conftest import ARTIFACTS, VIEWPORT, wait_until_idle

pytestmark = pytest.mark.browser

AXE_VERSION = "4.12.1"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHART_ALT_RULE = "svg-img-alt"
LANGS = ("nl", "en")
SIZES = {
    "390x844": {"width": 390, "height": 844},
    "1280x800": VIEWPORT,
    "1920x1080": {"width": 1920, "height": 1080},
}
# A11Y_SIZES=1280x800 (comma-separated) walks fewer sizes while working on one; every size is the default.
SIZES = {k: v for k, v in SIZES.items() if k in os.environ.get("A11Y_SIZES", ",".join(SIZES)).split(",")}
PHONE = "390x844"
SCREENS = ARTIFACTS / "screens"
SCREENSHOT_MAX_HEIGHT = 6000  # px; the tallest page (Over de data on a phone) is cut there

# Main states beyond a page's default view, keyed by the page's url path ("" is the default page). Every
# page of the navigation is visited in its default state anyway; these add the views a user reaches with
# a choice on the page.
EXTRA_STATES = {
    "": ["view=cards"],
    "profiel": ["gm=utrecht"],
    "vergelijken": ["cmp=utrecht,leiden"],
    "contrasten": [f"contrast={v}" for v in ("heatmap", "matrix", "scatter", "groups", "deviation")],
    "vergelijkbare-gemeenten": ["peer_ref=utrecht"],
}

# Words of the other language. In Dutch mode: Streamlit's own English (uploader, hints, placeholders, the labels
# screen readers hear, the toolbars) and English words of our interface; in English mode: Dutch interface words.
# Case-sensitive whole words: source titles and publishers stay as published ("Gemeente Utrecht", "Centraal
# Bureau voor de Statistiek"), so capitalised names are not in the Dutch list.
ENGLISH_WORDS = [
    "Upload", "per file", "Drag and drop", "Browse files", "Press Enter", "Help for", "Remove", "Choose an option",
    "Choose options", "No results", "Clear all", "Clear value", "Selected values", "Collapse sidebar",
    "Expand sidebar", "App pages", "Link to heading", "Copy to clipboard", "Scroll tabs", "Shortcut", "Title text",
    "visualization", "Show data", "Download as", "Fullscreen", "Error:", "not allowed", "or smaller", "municipality",
    "municipalities", "not reported", "Population", "Province", "Reset", "Show as table", "the", "and",
]  # fmt: skip
DUTCH_WORDS = [
    "niet gerapporteerd", "gemeente", "gemeenten", "inwoners", "Inwoners", "Uploaden", "per bestand",
    "Sleep", "Uitleg bij", "verwijderen", "Maak een keuze", "Kies een", "Geen resultaten", "Alles wissen",
    "Zijbalk", "Toon als tabel", "Wis", "hoogstens", "Druk op Enter", "Sneltoets", "Titel", "grafiek", "Fout:",
    "toegestaan", "Kenmerk", "kenmerk", "Provincie", "Taal", "Zoeken", "Vergelijk", "Gemiddeld", "landelijke",
]  # fmt: skip
OTHER_LANGUAGE = {
    "nl": re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ENGLISH_WORDS)) + r")(?![\w-])"),
    "en": re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, DUTCH_WORDS)) + r")(?![\w-])"),
}

# What a user sees or hears: visible text nodes and the labels of visible elements (hidden toolbars excluded).
READ_TEXTS = """() => {
  const out = [];
  const shown = (el) => el && el.checkVisibility({visibilityProperty: true});
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const n = walker.currentNode, text = n.nodeValue.trim();
    const el = n.parentElement;
    // code is not language: SQL, column names, file names
    const skip = 'script, style, code, pre, textarea, [translate="no"], [data-testid="stIconMaterial"]';
    if (!text || !shown(el) || el.closest(skip)) continue;
    out.push(text);
  }
  for (const el of document.body.querySelectorAll('[aria-label], [placeholder], [title], [aria-roledescription]')) {
    if (!shown(el) && el.tagName !== 'INPUT') continue;
    for (const a of ['aria-label', 'placeholder', 'title', 'aria-roledescription']) {
      const v = el.getAttribute(a);
      if (v) out.push(v);
    }
  }
  for (const el of document.body.querySelectorAll('input')) if (el.value && shown(el)) out.push(el.value);
  return out;
}"""

# The page may not scroll sideways: neither the document nor Streamlit's main area (which scrolls the page).
WIDTHS = """() => { const m = document.querySelector('[data-testid="stMain"]');
  return {doc: document.scrollingElement.scrollWidth, main: m ? m.scrollWidth : 0,
          main_client: m ? m.clientWidth : 0, window: window.innerWidth,
          height: m ? m.scrollHeight : document.scrollingElement.scrollHeight}; }"""


def _url(base: str, path: str, query: str, lang: str) -> str:
    params = "&".join(p for p in (query, f"lang={lang}") if p)
    return f"{base}/{path}?{params}"


def _name(path: str, query: str) -> str:
    """A file name part for a page and state: 'overzicht', 'contrasten-scatter', 'profiel-utrecht'."""
    page = path or "overzicht"
    state = re.sub(r"[^a-z0-9]+", "-", query.split("=", 1)[-1]) if query else ""
    return f"{page}-{state}" if state else page


def _settle(pg) -> None:
    """Page drawn, script idle and every chart drawn (Vega renders after the script run has finished).

    Right after a load the script state already says idle and <html lang> is Streamlit's "en" before the first
    run has drawn anything, so first wait for the page title and the injected language script."""
    pg.wait_for_function(
        """() => window.__ltStreamlitText && document.querySelector('[data-testid="stMain"] h1')""", timeout=60_000
    )
    wait_until_idle(pg)
    pg.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
                 .every(c => c.querySelector('svg, canvas'))"""
    )


def _screenshot(pg, size: str, lang: str, name: str, height: int) -> None:
    """The whole page: Streamlit scrolls its main area, not the document, so the window is made as tall as the
    page for the picture (charts keep their width) and put back after."""
    view = SIZES[size]
    SCREENS.mkdir(parents=True, exist_ok=True)
    tall = min(max(height, view["height"]), SCREENSHOT_MAX_HEIGHT)
    pg.set_viewport_size({"width": view["width"], "height": tall})
    pg.wait_for_timeout(300)
    pg.screenshot(path=str(SCREENS / f"{size}-{lang}-{name}.png"))
    pg.set_viewport_size(view)


def _navigation_paths(pg, base: str) -> list[str]:
    """The url path of every page in the sidebar navigation, in menu order ('' for the default page)."""
    pg.goto(f"{base}/?lang=nl")
    _settle(pg)
    hrefs = pg.eval_on_selector_all('[data-testid="stSidebarNav"] a', "links => links.map(a => a.href)")
    return [urlsplit(h).path.strip("/") for h in hrefs]


@pytest.fixture(scope="module")
def walk(_browser, streamlit_url):
    """Visit every page and state in both languages at three sizes: axe results, <html lang>, widths, texts,
    every requested URL; a screenshot per visit."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    requests: list[str] = []
    visits = []
    nav: list[str] = []
    for size, view in SIZES.items():
        context = _browser.new_context(viewport=view, locale="nl-NL")
        pg = context.new_page()
        pg.set_default_timeout(60_000)
        pg.on("request", lambda req: requests.append(req.url))
        try:
            nav = nav or _navigation_paths(pg, streamlit_url)
            for lang in LANGS:
                for path in nav:
                    for query in ["", *EXTRA_STATES.get(path, [])]:
                        url = _url(streamlit_url, path, query, lang)
                        pg.goto(url)
                        _settle(pg)
                        pg.wait_for_function(f"document.documentElement.lang === '{lang}'", timeout=15_000)
                        result = axe.run(pg, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
                        widths = pg.evaluate(WIDTHS)
                        visits.append(
                            {
                                "url": url,
                                "size": size,
                                "lang": lang,
                                "html_lang": pg.evaluate("document.documentElement.lang"),
                                "engine": result.response["testEngine"]["version"],
                                "violations": result.response["violations"],
                                "widths": widths,
                                "texts": pg.evaluate(READ_TEXTS),
                            }
                        )
                        _screenshot(pg, size, lang, _name(path, query), widths["height"])
        finally:
            context.close()
    yield {"nav": nav, "visits": visits, "requests": requests}


def _violations(visits, keep) -> dict[str, list[str]]:
    """rule id -> 'url: target' for every violating node whose rule passes `keep`."""
    found = defaultdict(list)
    for visit in visits:
        for rule in visit["violations"]:
            if keep(rule["id"]):
                for node in rule["nodes"]:
                    found[rule["id"]].append(f"{visit['url']}: {node['target']} {node.get('failureSummary', '')[:160]}")
    return dict(found)


# These two drive the app themselves. The style sheet and the language script are injected at the end of a run
# (dashboard/ui/a11y.py); under CI load they land after the script state says "idle", so both tests wait for the
# language script (it comes after the style sheet) before they look — bounded, so a missing script still fails.
READY = "document.documentElement.lang === '{lang}'"


def test_language_switch_in_the_app_updates_html_lang(page, streamlit_url, wait_for_app):
    page.goto(f"{streamlit_url}/?lang=nl")
    wait_for_app(page)
    page.wait_for_function(READY.format(lang="nl"), timeout=15_000)
    page.get_by_text("English", exact=True).click()
    wait_for_app(page)
    page.wait_for_function(READY.format(lang="en"), timeout=15_000)
    page.get_by_text("Nederlands", exact=True).click()
    wait_for_app(page)
    page.wait_for_function(READY.format(lang="nl"), timeout=15_000)


def test_keyboard_focus_is_visible(page, streamlit_url, wait_for_app):
    """Tab through the first 25 stops of the overview: each focused element draws an outline or a ring."""
    page.goto(f"{streamlit_url}/?lang=nl")
    wait_for_app(page)
    page.wait_for_function(READY.format(lang="nl"), timeout=15_000)
    seen = []
    for _ in range(25):
        page.keyboard.press("Tab")
        seen.append(
            page.evaluate(
                """() => { const e = document.activeElement; const s = getComputedStyle(e);
                   return {tag: e.tagName, text: (e.innerText || e.getAttribute('aria-label') || '').slice(0, 30),
                           outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2,
                           ring: s.boxShadow !== 'none'}; }"""
            )
        )
    assert len({(s["tag"], s["text"]) for s in seen}) >= 10, seen  # Tab really moves through the page
    invisible = [s for s in seen if s["tag"] != "BODY" and not (s["outline"] or s["ring"])]
    assert invisible == []


def test_walk_covers_every_navigation_page_and_state(walk):
    nav = walk["nav"]
    # the menu of dashboard/app.py: nine pages, the SQL console included when enabled (the default)
    assert len(nav) >= 8 and "" in nav and "over-de-data" in nav, nav
    assert set(EXTRA_STATES) <= set(nav), "a state names a page the navigation no longer has"
    states = len(nav) + sum(len(v) for v in EXTRA_STATES.values())
    assert len(walk["visits"]) == states * len(LANGS) * len(SIZES)
    shots = {p.name for p in SCREENS.glob("*.png")}
    for size in SIZES:
        for lang in LANGS:
            assert f"{size}-{lang}-overzicht.png" in shots and f"{size}-{lang}-over-de-data.png" in shots


def test_axe_engine_is_the_pinned_version(walk):
    assert {v["engine"] for v in walk["visits"]} == {AXE_VERSION}


def test_no_wcag_violations_on_any_page(walk):
    """0 violations of every WCAG 2.1 A/AA rule (the chart SVG rule is also reported on its own below)."""
    found = _violations(walk["visits"], lambda rule: True)
    assert found == {}, "\n".join(
        f"{rule}: {len(nodes)} nodes\n  " + "\n  ".join(nodes[:10]) for rule, nodes in found.items()
    )


def test_every_chart_svg_has_a_text_alternative(walk):
    found = _violations(walk["visits"], lambda rule: rule == CHART_ALT_RULE)
    assert found == {}, f"{sum(len(n) for n in found.values())} chart SVG nodes without a text alternative"


def test_document_language_follows_interface_language(walk):
    wrong = [(v["url"], v["html_lang"]) for v in walk["visits"] if v["html_lang"] != v["lang"]]
    assert wrong == []


def test_no_request_leaves_the_server(walk, streamlit_url):
    server = urlsplit(streamlit_url).netloc
    assert walk["requests"], "the request recorder saw nothing"
    outside = sorted(
        {
            u
            for u in walk["requests"]
            if urlsplit(u).scheme in ("http", "https", "ws", "wss") and urlsplit(u).netloc != server
        }
    )
    assert outside == []


def test_favicon_is_served_by_the_app(page, streamlit_url, wait_for_app):
    page.goto(f"{streamlit_url}/?lang=nl")
    wait_for_app(page)
    href = page.eval_on_selector("link[rel~='icon']", "l => l.href")
    assert urlsplit(href).netloc == urlsplit(streamlit_url).netloc
    assert page.request.get(href).headers["content-type"] == "image/png"


def test_chart_and_table_toolbars_are_hidden(page, streamlit_url, wait_for_app):
    """The English-only toolbars (Show data, Download as PNG, Fullscreen, table search) never show."""
    page.goto(f"{streamlit_url}/profiel?gm=utrecht&lang=nl")
    wait_for_app(page)
    chart = page.locator('[data-testid="stVegaLiteChart"]').first
    chart.hover()
    assert page.locator('[data-testid="stElementToolbar"]').count() >= 1  # Streamlit still renders them
    assert page.locator('[data-testid="stElementToolbar"]:visible').count() == 0
    for label in ("Show data", "Download as PNG", "Fullscreen"):
        assert page.get_by_role("button", name=label).filter(visible=True).count() == 0


def test_no_page_scrolls_sideways_on_a_phone(walk):
    """At 390 px neither the document nor Streamlit's main area is wider than the window (1.4.10 Reflow)."""
    wide = [
        (v["url"], v["widths"])
        for v in walk["visits"]
        if v["size"] == PHONE
        and (v["widths"]["doc"] > v["widths"]["window"] or v["widths"]["main"] > v["widths"]["main_client"])
    ]
    assert wide == []


def _published_names() -> list[str]:
    """Titles, subtitles and producers of the sources in data/: names as published (mostly Dutch), shown as they
    are in both languages, so they are taken out of a text before it is searched. Longest first."""
    names: set[str] = set()

    def collect(node) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("title", "subtitle", "producer", "source_title") and isinstance(value, str):
                    names.add(value.strip())
                collect(value)
        elif isinstance(node, list):
            for item in node:
                collect(item)

    data = Path(settings.DATA_DIR)
    for path in [data / "reference" / "sources.yaml", *sorted((data / "gemeenten").glob("*.yaml"))]:
        collect(yaml.safe_load(path.read_text(encoding="utf-8")))
    return sorted((n for n in names if len(n) > 3), key=len, reverse=True)


def _other_language(visits) -> dict[str, set[str]]:
    """'lang url' -> 'word: the text it is in' for every text of a visit that holds a word of the other language."""
    published = _published_names()
    found = defaultdict(set)
    for v in visits:
        for shown in v["texts"]:
            text = shown
            for name in published:
                if name in text:
                    text = text.replace(name, "")
            for match in OTHER_LANGUAGE[v["lang"]].finditer(text):
                found[f"{v['lang']} {v['url']}"].add(f"{match.group(0)!r}: {text[:90]!r}")
    return dict(found)


def test_one_language_on_every_page(walk):
    """No visible text, label, placeholder or title of any page holds a word of the other language."""
    size = "1280x800" if "1280x800" in SIZES else next(iter(SIZES))  # words do not depend on the size
    found = _other_language([v for v in walk["visits"] if v["size"] == size])
    assert found == {}, "\n".join(f"{k}:\n  " + "\n  ".join(sorted(w)[:12]) for k, w in found.items())


def _shows_language(pg, lang: str) -> None:
    pg.wait_for_function(f"document.documentElement.lang === '{lang}'", timeout=15_000)


# What every choice shows: its label, the text in a selectbox's field and a multiselect's chosen tags, and the
# options of radios and segmented controls.
CHOICES = """() => [...document.querySelectorAll(
    '[data-testid="stSelectbox"], [data-testid="stMultiSelect"], [data-testid="stRadio"], [data-testid="stButtonGroup"]'
    )].map(
    w => w.innerText.replace(/\\s+/g, ' ').trim() + ' = '
         + [...w.querySelectorAll('input')].map(i => i.value).join('|'))"""

SWITCH_STATES = [
    "?bf=brede_blik&size=100k_250k&org.team_scope=separate_youth_adult&color=employer",
    "contrasten?contrast=scatter",
    "contrasten?contrast=groups",
    "contrasten?contrast=deviation",
]


@pytest.mark.parametrize("state", SWITCH_STATES)
def test_every_choice_shows_the_new_language_at_once_after_a_switch(page, streamlit_url, wait_for_app, state):
    """Switch in the sidebar: every selectbox, multiselect, radio and segmented control shows what a fresh load
    of the same URL in that language shows (values kept, texts in the new language), both ways."""
    page.goto(f"{streamlit_url}/{state}&lang=nl" if "?" in state else f"{streamlit_url}/{state}?lang=nl")
    _settle(page)
    _shows_language(page, "nl")
    first = page.evaluate(CHOICES)
    for lang, button in (("en", "English"), ("nl", "Nederlands")):
        page.get_by_text(button, exact=True).click()
        wait_for_app(page)
        _shows_language(page, lang)
        switched = page.evaluate(CHOICES)
        page.goto(page.url)  # the URL carries every value; a fresh load is the reference
        _settle(page)
        _shows_language(page, lang)
        assert switched == page.evaluate(CHOICES)
    assert page.evaluate(CHOICES) == first


def _uploader_texts(pg) -> str:
    return pg.evaluate(
        """() => { const u = document.querySelector('[data-testid="stFileUploader"]');
           return u.innerText + ' | ' + [...u.querySelectorAll('[aria-label]')].map(e => e.getAttribute('aria-label'))
           .join(' | '); }"""
    )


def test_file_uploader_speaks_the_interface_language(page, streamlit_url, wait_for_app):
    """Streamlit's uploader texts (button, size line, refusal messages, labels for screen readers) in Dutch, and
    again in English after a switch; the size line says the app's 1 MB."""
    page.goto(f"{streamlit_url}/vergelijkbare-gemeenten?lang=nl")
    wait_for_app(page)
    page.get_by_text(t("peers_ref_own", "nl"), exact=True).click()
    wait_for_app(page)
    page.get_by_role("tab", name=t("peers_own_tab_upload", "nl")).click()
    page.wait_for_selector('[data-testid="stFileUploader"]')
    page.wait_for_function(
        """() => document.querySelector('[data-testid="stFileUploader"]').innerText
                              .includes('per bestand')""",
        timeout=15_000,
    )
    big = {"name": "groot.csv", "mimeType": "text/csv", "buffer": b"a," * 600_000}
    wrong = {"name": "brief.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4"}
    page.set_input_files('[data-testid="stFileUploaderDropzoneInput"]', files=[big])
    page.wait_for_selector('[data-testid="stFileUploader"] [role="alert"]')
    page.set_input_files('[data-testid="stFileUploaderDropzoneInput"]', files=[wrong])
    page.wait_for_function("""() => document.querySelectorAll('[data-testid="stFileUploader"] [role="alert"]')
                              .length === 2""")
    dutch = _uploader_texts(page)
    for text in (
        t("stui_too_large", "nl", size="1", unit="MB"),
        t("stui_type_refused", "nl", kind="application/pdf"),
        t("stui_remove", "nl", label="groot.csv"),
        t("stui_help_for", "nl", label=t("peers_upload_label", "nl")),
        "1,2 MB",
    ):
        assert text in dutch, (text, dutch)
    assert not OTHER_LANGUAGE["nl"].search(dutch), dutch

    page.get_by_text("English", exact=True).click()
    wait_for_app(page)
    _shows_language(page, "en")
    page.wait_for_function(
        """() => document.querySelector('[data-testid="stFileUploader"]').innerText
                              .includes('File must be')""",
        timeout=15_000,
    )
    english = _uploader_texts(page)
    for text in ("File must be 1 MB or smaller.", "application/pdf files are not allowed.", "Remove groot.csv"):
        assert text in english, (text, english)
    assert not OTHER_LANGUAGE["en"].search(english), english


def test_form_hints_and_messages_speak_the_interface_language(page, streamlit_url, wait_for_app):
    """The search field's Enter hint, a selectbox's 'no results' and the compare limit message in Dutch."""
    page.goto(f"{streamlit_url}/praktijkvoorbeelden?lang=nl")
    wait_for_app(page)
    page.get_by_placeholder(t("core_search_placeholder", "nl")).fill("huisarts")
    page.get_by_text(t("stui_enter_apply", "nl")).wait_for()
    page.goto(f"{streamlit_url}/vergelijken?cmp=utrecht,leiden,haarlem,rotterdam&lang=nl")
    wait_for_app(page)
    page.get_by_label(t("core_compare_choose", "nl")).click()
    page.get_by_text(t("stui_max_options", "nl", n=4)).wait_for()
    page.keyboard.press("Escape")
    page.goto(f"{streamlit_url}/profiel?lang=nl")
    wait_for_app(page)
    page.get_by_role("combobox", name=t("core_municipality", "nl")).fill("zzzz")
    page.get_by_text(t("stui_no_results", "nl"), exact=True).wait_for()
