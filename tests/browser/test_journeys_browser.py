"""Journeys and data downloads in a real browser (Debian Chromium, real Streamlit server).

Why: AppTest cannot click a page link or check what a shared URL opens. Here an advisor goes from a profile
to "find municipalities like this one", on to "compare these 3", and from there to a profile, in English
with a province filter; every step must keep language and filter, and each link's address must open the
same view in a fresh browser. Then the data downloads are fetched as a user does and validated with
frictionless against their own datapackage.json. Expected municipalities come from data/gemeenten/.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import openpyxl
import pytest
import yaml
from frictionless import validate

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
PROVINCE = "Zuid-Holland"
MAIN_MULTISELECT = "[data-testid='stMainBlockContainer'] [data-testid='stMultiSelect']"  # not the sidebar's


def province_names() -> dict[str, str]:
    out = {}
    for path in sorted((ROOT / "data" / "gemeenten").glob("*.yaml")):
        muni = yaml.safe_load(path.read_text(encoding="utf-8"))["municipality"]
        if muni["province"] == PROVINCE:
            out[muni["slug"]] = muni["name"]
    return out


def query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(url).query).items()}


def link(page, label: str):
    return page.locator("a", has_text=label).first


def test_profile_to_peers_to_compare_to_profile_keeps_language_and_filter(page, streamlit_url, wait_for_app, _browser):
    names = province_names()
    base = streamlit_url.rstrip("/")
    page.goto(f"{base}/profiel?gm=den_haag&prov={PROVINCE}&lang=en")
    wait_for_app(page)

    find = link(page, "Find municipalities like Den Haag")
    assert query(find.get_attribute("href")) == {"lang": "en", "prov": PROVINCE, "peer_ref": "den_haag"}
    find.click()
    wait_for_app(page)
    assert urlparse(page.url).path.endswith("/vergelijkbare-gemeenten")
    assert query(page.url)["peer_ref"] == "den_haag" and query(page.url)["lang"] == "en"
    assert page.get_by_role("heading", name="most similar municipalities to Den Haag").count()

    compare = link(page, "Compare Den Haag with these 3")
    href = compare.get_attribute("href")
    chosen = query(href)["cmp"].split(",")
    assert chosen[0] == "den_haag" and set(chosen) == set(names), "peers inside the filtered province"
    compare.click()
    wait_for_app(page)
    assert urlparse(page.url).path.endswith("/vergelijken")
    assert query(page.url)["cmp"].split(",") == chosen and query(page.url)["prov"] == PROVINCE
    shown = page.locator(MAIN_MULTISELECT).first.inner_text()
    positions = [shown.find(names[s]) for s in chosen]
    assert -1 not in positions and positions == sorted(positions), shown  # all four, in the link's order
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "journey_compare_1280.png"))

    # the address is shareable: a fresh browser opens the same comparison
    fresh = _browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    try:
        fresh.goto(page.url)
        wait_for_app(fresh)
        shown_fresh = fresh.locator(MAIN_MULTISELECT).first.inner_text()
        assert all(names[s] in shown_fresh for s in chosen), shown_fresh
        assert fresh.locator("[data-testid='stSidebar']", has_text=PROVINCE).count()
    finally:
        fresh.context.close()

    target = chosen[2]
    link(page, f"Profile of {names[target]}").click()
    wait_for_app(page)
    assert query(page.url) == {"lang": "en", "prov": PROVINCE, "gm": target}
    assert page.get_by_role("heading", name=names[target]).count()
    assert page.locator("[data-testid='stSidebar']", has_text=PROVINCE).count()


def fetch(page, label: str, nth: int = 0) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.get_by_role("button", name=label).nth(nth).click()
    download = info.value
    return download.suggested_filename, Path(download.path()).read_bytes()


def test_selection_downloads_are_tidy_and_validate(page, streamlit_url, wait_for_app, tmp_path):
    names = province_names()
    page.goto(f"{streamlit_url.rstrip('/')}/?prov={PROVINCE}")
    wait_for_app(page)
    page.get_by_text("Huidige selectie", exact=False).first.scroll_into_view_if_needed()

    name, data = fetch(page, "CSV (zip)")  # the first row of buttons is the selection
    assert name == "lokale-teams_selectie_csv_2019.zip"
    folder = tmp_path / "csv"
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        zf.extractall(folder)
    report = validate(str(folder / "datapackage.json"))
    assert report.valid, [e.message for t in report.tasks for e in t.errors][:5]
    municipalities = (folder / "municipalities.csv").read_text(encoding="utf-8").splitlines()
    assert len(municipalities) == 1 + len(names)
    assert "## Tabellen" in (folder / "README.md").read_text(encoding="utf-8")
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert PROVINCE in descriptor["selection"]["filters"]

    name, data = fetch(page, "Excel")
    assert name == "lokale-teams_selectie_2019.xlsx"
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames[0] == "README" and book.sheetnames[-1] == "datapackage"
    assert book["municipalities"].max_row == 1 + len(names)

    name, data = fetch(page, "Parquet (zip)", nth=1)  # the second row: the full dataset
    assert name == "lokale-teams_dataset_parquet_2019.zip"
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert {"README.md", "datapackage.json", "municipalities.parquet"} <= set(zf.namelist())


MATRIX_SVG = ".st-key-ct_matrix_box svg.marks"


def test_organisation_matrix_fits_or_scrolls_and_fits_the_projector(page, streamlit_url, wait_for_app, _browser):
    base = streamlit_url.rstrip("/")
    page.goto(f"{base}/contrasten?contrast=matrix")
    wait_for_app(page)
    main = page.locator("[data-testid='stMainBlockContainer']").bounding_box()
    svg = page.locator(MATRIX_SVG).bounding_box()
    assert svg["x"] + svg["width"] <= main["x"] + main["width"], "the matrix fits the 1280-px page"
    # words, not letters, in the cells: Almelo's team scope (data/gemeenten/almelo.yaml: integral_0_100)
    assert page.locator(f"{MATRIX_SVG} text", has_text="0-100-team").count() >= 1
    cell = page.locator(f"{MATRIX_SVG} text", has_text="Uitgangspunt").first
    cell.hover()
    tooltip = page.locator("#vg-tooltip-element")
    tooltip.wait_for(state="visible")
    assert "Uitdrukkelijk uitgangspunt" in tooltip.inner_text()  # the full label in the tooltip

    # a phone: the grid keeps its cell size and scrolls sideways inside its box, the page does not
    phone = _browser.new_context(viewport={"width": 390, "height": 844}).new_page()
    try:
        phone.goto(f"{base}/contrasten?contrast=matrix")
        wait_for_app(phone)
        box = phone.locator(".st-key-ct_matrix_box [data-testid='stVegaLiteChart']")
        widths = box.evaluate("e => [e.clientWidth, e.scrollWidth, getComputedStyle(e).overflowX]")
        assert widths[1] > widths[0] and widths[2] == "auto"
        assert phone.evaluate("() => document.documentElement.scrollWidth") <= 390
    finally:
        phone.context.close()

    # pinned and shown in presentation mode at 1920x1080: the whole matrix is on the screen
    page.set_viewport_size({"width": 1920, "height": 1080})
    page.get_by_role("button", name="Vastpinnen voor presentatie").first.click()
    wait_for_app(page)
    page.get_by_role("link", name="Presentatie").first.click()
    wait_for_app(page)
    page.get_by_text("Presentatiemodus").first.click()
    wait_for_app(page)
    slide = page.locator(".st-key-present_chart_box svg.marks").bounding_box()
    assert slide["width"] > 0 and slide["x"] + slide["width"] <= 1920 and slide["y"] + slide["height"] <= 1080
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "matrix_presentation_1920.png"))
