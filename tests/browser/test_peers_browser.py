"""Peers page in a real browser: the upload journeys that AppTest cannot fully show (download a template,
fill it in, upload it; upload a broken file).

Uses the fixtures `streamlit_url` (base URL of a running `streamlit run dashboard/app.py`), `page` (a
Playwright page in Debian Chromium) and `wait_for_app` from tests/browser/conftest.py. Screenshots go to
test-artifacts/.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
PAGE_PATH = "vergelijkbare-gemeenten"
NAME = "Teststad <b>vet</b>"  # must come back as text, never as markup


def open_peers(page, streamlit_url: str, wait_for_app) -> None:
    page.goto(f"{streamlit_url.rstrip('/')}/{PAGE_PATH}")
    page.wait_for_selector("[data-testid='stApp']")
    wait_for_app(page)
    # Deep links must open without Streamlit's "Page not found" dialog (it appeared while the pages
    # lived in a folder named pages/, which Streamlit also treats as its legacy multipage folder).
    assert not page.get_by_role("dialog").filter(has_text="Page not found").count()
    page.get_by_text("mijn eigen gemeente", exact=True).click()
    wait_for_app(page)
    page.get_by_role("tab", name="Bestand uploaden").click()
    wait_for_app(page)


def upload(page, name: str, data: bytes, mime: str, wait_for_app) -> None:
    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
        files=[{"name": name, "mimeType": mime, "buffer": data}]
    )
    wait_for_app(page)


def download_template(page, label: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("button", name=label).click()
    return Path(info.value.path()).read_bytes()


def fill_yaml(template: bytes) -> bytes:
    data = yaml.safe_load(template)
    data["municipality"]["name"] = NAME
    data["municipality"]["population"]["value"] = 120000
    data["organisation"]["team_scope"]["value"] = "separate_youth_adult"
    data["organisation"]["early_signalling"]["value"] = "elsewhere"
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode("utf-8")


def fill_csv(template: bytes) -> bytes:
    rows = list(csv.DictReader(io.StringIO(template.decode("utf-8"))))
    row = rows[0] | {
        "name": NAME,
        "population": "120000",
        "team_scope": "separate_youth_adult",
        "early_signalling": "elsewhere",
    }
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerow(row)
    return out.getvalue().encode("utf-8")


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"peers_{name}.png"), full_page=True)


@pytest.mark.parametrize(
    ("label", "file_name", "mime", "fill"),
    [
        ("Sjabloon YAML", "mijn_gemeente.yaml", "application/yaml", fill_yaml),
        ("Sjabloon CSV", "mijn_gemeente.csv", "text/csv", fill_csv),
    ],
    ids=["yaml", "csv"],
)  # no '/' in test ids: they become screenshot file names
def test_upload_a_filled_template_and_see_peers_and_practices(
    page, streamlit_url, wait_for_app, label, file_name, mime, fill
):
    open_peers(page, streamlit_url, wait_for_app)
    filled = fill(download_template(page, label))
    upload(page, file_name, filled, mime, wait_for_app)
    assert page.locator("[data-testid='stException']").count() == 0
    # The name is shown literally: the tags are text, no <b> element was created from it.
    success = page.locator("[data-testid='stAlertContentSuccess']")
    assert NAME in success.inner_text()
    assert success.locator("b").count() == 0
    # Peers with their explanation, the org comparison and practice examples.
    assert page.get_by_text("Waarom deze gemeenten?").count() == 1
    assert page.locator("[data-testid='stVegaLiteChart']").count() >= 1
    assert page.locator("[data-testid='stTable']").count() == 1
    assert page.get_by_text("5. Praktijkvoorbeelden van de vergelijkbare gemeenten").count() == 1
    assert page.locator("[class*='st-key-peers_card_']").count() == 5
    first_peer = page.locator(".st-key-peers_card_1 strong").first.inner_text()
    peer_name = first_peer.split(". ", 1)[1]
    tabs = page.get_by_role("tab").filter(has_text="(")
    found = False
    for i in range(tabs.count()):
        tabs.nth(i).click()
        page.wait_for_timeout(200)
        if page.get_by_role("tabpanel").locator("strong", has_text=peer_name).count():
            found = True
            break
    assert found, f"no practice example of {peer_name} in any basic-function tab"
    # Nothing the user entered reaches the URL.
    assert "Teststad" not in page.url and "peer_ref" not in page.url and "120000" not in page.url
    shot(page, f"upload_{file_name.rsplit('.', 1)[1]}")


def test_a_malformed_file_shows_the_message_and_the_page_keeps_working(page, streamlit_url, wait_for_app):
    open_peers(page, streamlit_url, wait_for_app)
    upload(page, "kapot.csv", b"naam;inwoners\nX;veel\n", "text/csv", wait_for_app)
    error = page.locator("[data-testid='stAlertContentError']")
    error.wait_for()
    assert "onbekende kolommen: naam, inwoners" in error.inner_text()
    assert page.locator("[data-testid='stException']").count() == 0
    shot(page, "malformed")
    upload(page, "kapot.yaml", b"municipality: [oops\n", "application/yaml", wait_for_app)
    assert "geen geldige YAML" in page.locator("[data-testid='stAlertContentError']").inner_text()
    # The rest of the page still works: switch to one of the sixteen and see peers.
    page.get_by_text("een van de zestien gemeenten", exact=True).click()
    wait_for_app(page)
    assert page.get_by_text("Waarom deze gemeenten?").count() == 1
    assert page.locator("[data-testid='stException']").count() == 0


def test_the_form_reads_dutch_numbers(page, streamlit_url, wait_for_app):
    """Typed in a real browser: '45.000' is forty-five thousand (a number input made it 45), and the page says
    how it read every number."""
    page.goto(f"{streamlit_url.rstrip('/')}/{PAGE_PATH}")
    page.wait_for_selector("[data-testid='stApp']")
    wait_for_app(page)
    page.get_by_text("mijn eigen gemeente", exact=True).click()
    wait_for_app(page)
    page.get_by_label("Naam van uw gemeente").fill("Formstad")
    page.get_by_label("Inwonertal").fill("45.000")
    page.get_by_placeholder("bijv. 29.500").first.fill("29.500")
    page.get_by_role("button", name="Gebruik als referentie").click()
    wait_for_app(page)
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("[data-testid='stAlertContentError']").count() == 0
    read = page.locator("[data-testid='stAlertContentInfo']").filter(has_text="Zo gelezen").inner_text()
    assert "Inwonertal: 45.000" in read and "€ 29.500" in read
    assert "45.000 inwoners" in page.locator("[data-testid='stAlertContentSuccess']").inner_text()
    assert page.get_by_text("Waarom deze gemeenten?").count() == 1
    assert "45000" not in page.url and "Formstad" not in page.url
    shot(page, "form_dutch_numbers")
