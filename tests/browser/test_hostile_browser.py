"""Hostile input in a real browser: what Streamlit renders in the DOM holds no link, image or formatting from a
payload. AppTest (tests/hostile/) sees the markdown source; this sees what the frontend made of it, including
GitHub-style autolinks, which only the browser's markdown renderer creates.
"""

from __future__ import annotations

from urllib.parse import quote

import pytest
import yaml

from dashboard.core import peer_templates
from tests.hostile.payloads import HOST, IMAGE, LINK, PAYLOAD

pytestmark = pytest.mark.browser


def foreign_elements(page) -> dict[str, int]:
    return {
        "links": page.locator(f"a[href*='{HOST}']").count(),
        "images": page.locator(f"img[src*='{HOST}']").count(),
        "bold": page.locator("strong", has_text="PWNED").count(),
        "headings": page.locator("h1, h2, h3, h4, h5, h6", has_text="HEAD").count(),
        "icons": page.locator("[data-testid='stMarkdownContainer'] span[role='img'][aria-label='home icon']").count(),
    }


def nothing_foreign(page) -> bool:
    return not any(foreign_elements(page).values())


def test_hostile_url_parameters_show_as_text(page, streamlit_url, wait_for_app):
    query = "&".join(
        f"{name}={quote(value)}"
        for name, value in (
            ("zz", LINK),
            ("yy", IMAGE),
            ("xx", "**PWNED** # HEAD"),
            ("ww", f"www.{HOST}"),
            ("gm", f"x@{HOST}"),
            ("vv", ":material/home:"),
        )
    )
    page.goto(f"{streamlit_url}/profiel?{query}")
    page.wait_for_selector("[data-testid='stApp']")
    wait_for_app(page)
    notice = page.locator("[data-testid='stAlert']", has_text="genegeerd")
    notice.first.wait_for()
    text = notice.first.inner_text().replace("\u2060", "")  # word joiners break autolinks (safe_text.py)
    assert f"https://{HOST}/login" in text and "**PWNED**" in text  # named, literally
    assert nothing_foreign(page), foreign_elements(page)


def test_a_hostile_upload_shows_as_text(page, streamlit_url, wait_for_app):
    from tests.browser.test_peers_browser import open_peers, upload

    data = yaml.safe_load(peer_templates.template_bytes("yaml"))
    data["municipality"]["name"] = PAYLOAD[:80]
    open_peers(page, streamlit_url, wait_for_app)
    upload(page, "mijn.yaml", yaml.safe_dump(data, allow_unicode=True).encode(), "application/yaml", wait_for_app)
    page.get_by_text(f"[login](https:\u2060//{HOST}/login)").first.wait_for()  # the name, shown literally
    upload(page, f"{PAYLOAD[:30]}.csv", f"name,{PAYLOAD}\n1,2\n".encode(), "text/csv", wait_for_app)
    page.locator("[data-testid='stAlert']").first.wait_for()
    assert nothing_foreign(page), foreign_elements(page)


def test_a_hostile_query_error_shows_as_text(page, streamlit_url, wait_for_app):
    page.goto(f"{streamlit_url}/sql-console")
    page.wait_for_selector("[data-testid='stApp']")
    wait_for_app(page)
    editor = page.locator("textarea").first
    editor.fill(f'select * from "{PAYLOAD.replace(chr(39), "")}"')
    page.get_by_role("button", name="Uitvoeren").click()
    wait_for_app(page)
    error = page.locator("[data-testid='stAlert']", has_text="Query niet uitgevoerd")
    error.first.wait_for()
    assert f"https://{HOST}/login" in error.first.inner_text().replace("\u2060", "")
    assert nothing_foreign(page), foreign_elements(page)
