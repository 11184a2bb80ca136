"""WCAG 2.1 AA in a real browser (issue 12): axe-core on every page and main state in both languages, the
document language, keyboard focus, hidden English toolbars and no request that leaves the server.

One walk (module fixture) visits every page of the sidebar navigation plus the main states of each page in
Dutch and English, runs axe-core 4.12.1 (bundled, and so pinned, by axe-playwright-python==0.1.8) with the
WCAG 2.0/2.1 A and AA rules, and records every network request and the <html lang> of each visit.
"""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import urlsplit

import pytest

from tests.browser.conftest import VIEWPORT, wait_until_idle

pytestmark = pytest.mark.browser

AXE_VERSION = "4.12.1"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
CHART_ALT_RULE = "svg-img-alt"
LANGS = ("nl", "en")

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


def _url(base: str, path: str, query: str, lang: str) -> str:
    params = "&".join(p for p in (query, f"lang={lang}") if p)
    return f"{base}/{path}?{params}"


def _settle(pg) -> None:
    """Script idle and every chart drawn (Vega renders after the script run has finished)."""
    wait_until_idle(pg)
    pg.wait_for_function(
        """() => [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')]
                 .every(c => c.querySelector('svg, canvas'))"""
    )


def _navigation_paths(pg, base: str) -> list[str]:
    """The url path of every page in the sidebar navigation, in menu order ('' for the default page)."""
    pg.goto(f"{base}/?lang=nl")
    _settle(pg)
    hrefs = pg.eval_on_selector_all('[data-testid="stSidebarNav"] a', "links => links.map(a => a.href)")
    return [urlsplit(h).path.strip("/") for h in hrefs]


@pytest.fixture(scope="module")
def walk(_browser, streamlit_url):
    """Visit every page and state in both languages; axe results, <html lang> and every requested URL."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    context = _browser.new_context(viewport=VIEWPORT, locale="nl-NL")
    pg = context.new_page()
    pg.set_default_timeout(60_000)
    requests: list[str] = []
    pg.on("request", lambda req: requests.append(req.url))
    try:
        nav = _navigation_paths(pg, streamlit_url)
        visits = []
        for lang in LANGS:
            for path in nav:
                for query in ["", *EXTRA_STATES.get(path, [])]:
                    url = _url(streamlit_url, path, query, lang)
                    pg.goto(url)
                    _settle(pg)
                    result = axe.run(pg, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
                    visits.append(
                        {
                            "url": url,
                            "lang": lang,
                            "html_lang": pg.evaluate("document.documentElement.lang"),
                            "engine": result.response["testEngine"]["version"],
                            "violations": result.response["violations"],
                        }
                    )
        yield {"nav": nav, "visits": visits, "requests": requests}
    finally:
        context.close()


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
    assert len(walk["visits"]) == states * len(LANGS)


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
