"""A policy advisor's journey in a real browser: filter on a basic function, open a municipality's profile
from the overview, compare two municipalities, switch to English.

Why: AppTest does not run the frontend; this checks that the real server renders charts (Vega-Lite in
Chromium), that widgets, page switches and URLs work together, and that no step shows an exception.
Expected values are computed from data/gemeenten/*.yaml. Screenshots of every step go to test-artifacts/
(the first, 1_overview.png at 1280×800, is the one to copy to docs/screenshot-overview.png when the
overview changes; tests never write tracked files).
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
import yaml

from dashboard.core import settings

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"


def source() -> list[dict]:
    files = sorted((Path(settings.DATA_DIR) / "gemeenten").glob("*.yaml"))
    return [yaml.safe_load(p.read_text(encoding="utf-8")) for p in files]


def function_names() -> dict[str, str]:
    ref = yaml.safe_load((Path(settings.DATA_DIR) / "reference" / "basic_functions.yaml").read_text("utf-8"))
    return {f["id"]: f["name_nl"] for f in ref["basic_functions"]}


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"journey_{name}.png"))


def assert_healthy(page) -> None:
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.get_by_text("Traceback").count() == 0


def assert_chart(page) -> None:
    chart = page.locator("[data-testid='stVegaLiteChart']").first
    chart.wait_for(state="visible")
    # Vega has drawn something (an svg or canvas with size) inside the chart element
    chart.locator("canvas, svg").first.wait_for(state="visible")


def pick(page, container, label: str, option: str) -> None:
    """Choose `option` in the select/multiselect whose label is `label`."""
    widget = (
        container.locator("[data-testid='stMultiSelect'], [data-testid='stSelectbox']")
        .filter(has=page.get_by_text(label, exact=True))
        .first
    )
    multi = widget.get_attribute("data-testid") == "stMultiSelect"
    widget.locator("input").first.click()
    page.get_by_role("option", name=option, exact=True).first.click()
    if multi:  # a multiselect keeps its menu open; Escape closes it (in a selectbox it would clear the choice)
        page.keyboard.press("Escape")


def test_policy_advisor_journey(page, streamlit_url, wait_for_app):
    munis = source()
    total = len(munis)
    names = function_names()

    # 1. The overview opens with a map and every municipality
    page.goto(streamlit_url)
    wait_for_app(page)
    assert_chart(page)
    assert_healthy(page)
    page.get_by_text(f"{total} van {total} gemeenten").first.wait_for()
    page.wait_for_timeout(500)  # let Vega finish its last layout pass before the screenshot
    shot(page, "1_overview")

    # 2. Filter on the basic function highlighted by the fewest (but at least two) municipalities
    counts = {
        fid: {m["municipality"]["code"] for m in munis if any(p["basic_function"] == fid for p in m["practices"])}
        for fid in names
    }
    fid = min((f for f in counts if len(counts[f]) >= 2), key=lambda f: (len(counts[f]), f))
    expected = sorted(m["municipality"]["name"] for m in munis if m["municipality"]["code"] in counts[fid])
    sidebar = page.locator("[data-testid='stSidebar']")
    pick(page, sidebar, "Uitgelichte basisfunctie", names[fid])
    wait_for_app(page)
    page.get_by_text(f"{len(expected)} van {total} gemeenten").first.wait_for()
    assert f"bf={fid}" in page.url
    assert_chart(page)
    assert_healthy(page)
    shot(page, "2_filtered")

    # 3. Open the profile of the first filtered municipality from the overview
    target = expected[0]
    slug = next(m["municipality"]["slug"] for m in munis if m["municipality"]["name"] == target)
    main = page.locator("[data-testid='stMain']")
    pick(page, main, "Gemeente", target)
    wait_for_app(page)
    main.get_by_role("button", name="Open profiel").click()
    wait_for_app(page)
    page.wait_for_url(re.compile(r"/profiel\?.*gm=" + re.escape(slug)))
    main.get_by_role("heading", name=target).first.wait_for()
    page.get_by_text("Organisatiemodel (gecodeerd)").first.wait_for()
    if next(m for m in munis if m["municipality"]["slug"] == slug)["indicators"]:
        assert_chart(page)
    assert_healthy(page)
    assert f"bf={fid}" in page.url, "the filter survives the page switch"
    shot(page, "3_profile")

    # 4. Compare two municipalities
    page.locator("[data-testid='stSidebarNav']").get_by_text("Vergelijken", exact=True).click()
    wait_for_app(page)
    for name in expected[:2]:
        pick(page, main, "Gemeenten (2 tot 4)", name)
        wait_for_app(page)
    page.get_by_text("Organisatiemodel (gecodeerd)").first.wait_for()
    assert "cmp=" in page.url
    assert_healthy(page)
    shot(page, "4_compare")

    # 5. Switch the interface to English
    sidebar.get_by_text("English", exact=True).click()
    wait_for_app(page)
    main.get_by_role("heading", name="Compare").first.wait_for()
    page.locator("[data-testid='stSidebarNav']").get_by_text("Overview", exact=True).wait_for()
    sidebar.get_by_text(f"{len(expected)} of {total} municipalities").first.wait_for()
    assert "lang=en" in page.url
    assert_healthy(page)
    shot(page, "5_english")


def test_shared_link_with_broken_parameters_opens(page, streamlit_url, wait_for_app):
    page.goto(f"{streamlit_url}/contrasten?contrast=pie&bf=nonsense&zzz=1")
    wait_for_app(page)
    assert_healthy(page)
    page.get_by_text("genegeerd", exact=False).first.wait_for()
    assert_chart(page)
    shot(page, "broken_link")


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/profiel?gm={slug}",
        "/vergelijken?cmp={slug},{slug2}",
        "/contrasten?contrast=matrix",
        "/contrasten?contrast=scatter",
        "/praktijkvoorbeelden",
        "/over-de-data",
    ],
)
def test_no_horizontal_scrolling(page, streamlit_url, wait_for_app, path, size):
    munis = source()
    url = streamlit_url + path.format(slug=munis[0]["municipality"]["slug"], slug2=munis[1]["municipality"]["slug"])
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(url)
    wait_for_app(page)
    assert_healthy(page)
    widths = page.evaluate(
        """() => {
            const main = document.querySelector("[data-testid='stMain']");
            return [document.documentElement.scrollWidth, window.innerWidth, main.scrollWidth, main.clientWidth];
        }"""
    )
    assert widths[0] <= widths[1] and widths[2] <= widths[3], widths


MAP = ".st-key-ov_map__chart"
# Each municipality name's rendered box on the overview map (the SVG text of the names layer), in screen pixels.
MAP_NAMES_JS = """() => {
    const out = [];
    for (const t of document.querySelectorAll('.st-key-ov_map__chart text')) {
        const d = t.__data__;
        if (d && d.datum && d.datum.slug === undefined && d.datum.name && d.datum.label_lon !== undefined) {
            const r = t.getBoundingClientRect();
            out.push({name: d.datum.name, x: r.x, y: r.y, w: r.width, h: r.height});
        }
    }
    return out;
}"""
MAP_DOT_JS = """(name) => {
    for (const p of document.querySelectorAll('.st-key-ov_map__chart path')) {
        const d = p.__data__;
        if (d && d.datum && d.datum.name === name && d.mark.marktype === 'symbol') {
            p.scrollIntoView({block: 'center'});
            const r = p.getBoundingClientRect();
            return [r.x + r.width / 2, r.y + r.height / 2];
        }
    }
    return null;
}"""


def _map_box(page) -> dict:
    svg = page.locator(f"{MAP} svg.marks").first
    svg.wait_for(state="visible")
    page.wait_for_function(f"() => document.querySelectorAll('{MAP} text').length > 0")
    return svg.bounding_box()


def test_overview_map_fits_a_phone_and_grows_on_a_projector(page, streamlit_url, wait_for_app):
    """Issue 12: the map is whole on a phone (no sideways scrolling inside its box) and, on a 1920x1080
    projector, enlarged (CSS zoom) while still fitting the screen's height; its names never overlap."""
    sizes = {}
    for width, height in ((390, 844), (1920, 1080)):
        page.set_viewport_size({"width": width, "height": height})
        page.goto(streamlit_url + "/")
        wait_for_app(page)
        box = _map_box(page)
        names = page.evaluate(MAP_NAMES_JS)
        assert names, "no municipality names drawn on the map"
        for a, b in itertools.combinations(names, 2):  # no two names overlap on the screen
            apart = a["x"] + a["w"] <= b["x"] or b["x"] + b["w"] <= a["x"]
            apart = apart or a["y"] + a["h"] <= b["y"] or b["y"] + b["h"] <= a["y"]
            assert apart, (width, a["name"], b["name"])
        scroll = page.evaluate(
            f"() => {{ const e = document.querySelector('{MAP} [data-testid=stVegaLiteChart]'); "
            "return [e.scrollWidth, e.clientWidth]; }"
        )
        assert scroll[0] <= scroll[1], (width, scroll)  # nothing of the map hidden behind a sideways scroll
        sizes[width] = (box, max(n["h"] for n in names))
        page.screenshot(path=str(ARTIFACTS / f"overview_map_{width}.png"))
    phone, projector = sizes[390], sizes[1920]
    assert phone[0]["x"] + phone[0]["width"] <= 390
    assert projector[0]["width"] >= 1.5 * phone[0]["width"]  # zoom 1,6 on a 1920x1080 screen
    assert projector[0]["height"] <= 1080  # the whole map fits the projector's height
    assert projector[1] >= 1.5 * phone[1]  # and its names grow with it (10 px text drawn at 16 px)


def test_a_click_on_a_zoomed_map_dot_opens_that_profile(page, streamlit_url, wait_for_app):
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.goto(streamlit_url + "/")
    wait_for_app(page)
    _map_box(page)
    page.evaluate(MAP_DOT_JS, "Amsterdam")  # scrolls the dot into view
    x, y = page.evaluate(MAP_DOT_JS, "Amsterdam")
    page.mouse.click(x, y)
    page.wait_for_function("() => location.pathname.endsWith('/profiel') && location.search.includes('gm=amsterdam')")
    page.get_by_role("heading", name="Amsterdam").first.wait_for()
    assert_healthy(page)
