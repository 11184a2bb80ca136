"""Exports and presentation mode in a real browser: pin two charts, download a PNG and the deck, present.

Uses the fixtures `streamlit_url`, `page` and `wait_for_app` from tests/browser/conftest.py. Downloads are
checked as files (PNG header, python-pptx read-back); screenshots of presentation mode at 1920x1080 and at
1280x800 (a common projector resolution) go to test-artifacts/ so a person can judge readability from the
back of the room. At both sizes title, chart, source line and the Vorige/Volgende row must fit on the screen
without scrolling.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from pptx import Presentation

from dashboard.core import exports

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CONTRASTS = "contrasten"


def goto(page, url: str, wait_for_app) -> None:
    page.goto(url)
    page.wait_for_selector("[data-testid='stApp']")
    wait_for_app(page)
    # Deep links must open without Streamlit's "Page not found" dialog (it appeared while the pages
    # lived in a folder named pages/, which Streamlit also treats as its legacy multipage folder).
    assert not page.get_by_role("dialog").filter(has_text="Page not found").count()


def button(page, key: str):
    # Streamlit renders a hidden copy of tooltip buttons for measuring; the first one is the real one.
    return page.locator(f".st-key-{key} button").first


def download(page, key: str) -> tuple[str, bytes]:
    with page.expect_download() as info:
        button(page, key).click()
    return info.value.suggested_filename, Path(info.value.path()).read_bytes()


def box(locator) -> dict:
    b = locator.bounding_box()
    assert b is not None, f"{locator} is not rendered"
    return b


def within(b: dict, size: dict) -> bool:
    return (
        b["y"] >= 0
        and b["y"] + b["height"] <= size["height"] + 0.5
        and b["x"] >= 0
        and b["x"] + b["width"] <= size["width"] + 0.5
    )


def assert_slide_fits(page, wait_for_app, name: str) -> dict:
    """Title, chart, source line and the next button are all inside the viewport, and nothing scrolls."""
    size = page.viewport_size
    chart = page.locator("[data-testid='stVegaLiteChart']")
    # After a resize the chart re-lays itself out; wait for that instead of sleeping (if it never fits, the
    # assertion below says what sticks out).
    with contextlib.suppress(PlaywrightTimeoutError):
        page.wait_for_function(
            """() => { const c = document.querySelector("[data-testid='stVegaLiteChart']");
                       return c && c.getBoundingClientRect().bottom <= innerHeight; }""",
            timeout=5_000,
        )
    wait_for_app(page)
    # The source is either a line under the chart (.present-source) or part of the chart's own subtitle,
    # which Streamlit renders as SVG text: the innermost element that holds "Bron:" is the line itself.
    source = (
        page.locator(".present-source, [data-testid='stVegaLiteChart'] text, [data-testid='stVegaLiteChart'] tspan")
        .filter(has_text="Bron:")
        .last
    )
    title = (
        page.locator("[data-testid='stVegaLiteChart'] text, [data-testid='stVegaLiteChart'] tspan")
        .filter(has_text="per gemeente")
        .first
    )
    measured = {
        "chart": box(chart),
        "title": box(title),
        "source": box(source),
        "next": box(button(page, "present_next")),
        "prev": box(button(page, "present_prev")),
    }
    outside = {k: v for k, v in measured.items() if not within(v, size)}
    page.screenshot(path=str(ARTIFACTS / name))
    assert not outside, f"outside the {size['width']}x{size['height']} viewport: {outside}"
    main = page.evaluate("""() => { const m = document.querySelector("[data-testid='stMain']");
                                     return [m.scrollHeight, m.clientHeight]; }""")
    assert main[0] <= main[1] + 1, f"the slide scrolls: {main}"
    return measured


def test_pin_two_charts_present_them_and_download_the_deck(page, streamlit_url, wait_for_app):
    page.set_viewport_size({"width": 1920, "height": 1080})
    goto(page, f"{streamlit_url}/{CONTRASTS}", wait_for_app)

    # First chart: the basic-function heat map (shown by default). Its PNG is built on click.
    name, png = download(page, "ct_heat__png")
    assert name == "lokale-teams_contrast_basisfuncties_2019.png"
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and exports.png_size(png)[0] >= 1600
    button(page, "ct_heat__pin").click()
    wait_for_app(page)
    assert button(page, "ct_heat__pin").inner_text().strip().endswith("Losmaken uit presentatie")

    # Second chart: the organisational-model matrix.
    page.locator("[data-testid='stMain']").get_by_text("Organisatiemodel", exact=True).first.click()
    wait_for_app(page)
    button(page, "ct_matrix__pin").click()
    wait_for_app(page)

    # Same session, other page: the pins travel in session state.
    page.locator("[data-testid='stSidebarNav'] a[href*='presentatie']").first.click()
    wait_for_app(page)
    assert page.locator(".st-key-present_pin_0").is_visible() and page.locator(".st-key-present_pin_1").is_visible()

    name, deck = download(page, "present_deck")
    assert name.startswith("lokale-teams_presentatie_") and name.endswith(".pptx")
    prs = Presentation(io.BytesIO(deck))
    titles = [slide.shapes.title.text for slide in prs.slides]
    assert len(titles) == 4
    assert titles[1] == "Uitgelichte basisfuncties per gemeente" and titles[2] == "Organisatiemodel per gemeente"
    assert titles[3] == "Bronnen en citeren"

    # Presentation mode: no sidebar or header, one chart, a counter, next/previous.
    page.locator(".st-key-present_toggle label").click()
    wait_for_app(page)
    assert "present=1" in page.url
    assert not page.locator("[data-testid='stSidebar']").is_visible()
    assert not page.locator("header[data-testid='stHeader']").is_visible()
    assert page.locator("[data-testid='stVegaLiteChart']").count() == 1
    assert page.get_by_text("1 / 2", exact=True).is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    large = assert_slide_fits(page, wait_for_app, "presentation_1_of_2.png")
    # Still large on a 1920x1080 screen: the chart takes most of the height, not a small fixed box.
    assert large["chart"]["height"] >= 0.8 * 1080, large["chart"]
    button(page, "present_next").click()
    wait_for_app(page)
    assert page.get_by_text("2 / 2", exact=True).is_visible()
    assert_slide_fits(page, wait_for_app, "presentation_2_of_2.png")
    assert not page.locator("[data-testid='stException']").count()

    # A 1280x800 projector: everything still on one screen, both slides.
    page.set_viewport_size({"width": 1280, "height": 800})
    assert_slide_fits(page, wait_for_app, "presentation_2_of_2_1280x800.png")
    button(page, "present_prev").click()
    wait_for_app(page)
    assert page.get_by_text("1 / 2", exact=True).is_visible()
    assert_slide_fits(page, wait_for_app, "presentation_1_of_2_1280x800.png")

    button(page, "present_exit").click()
    wait_for_app(page)
    assert page.locator("[data-testid='stSidebar']").is_visible()
    assert "present=1" not in page.url
