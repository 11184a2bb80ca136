"""Hostile payloads and the checks that they stay text, shared by tests/hostile/ and the browser test.

A payload carries every kind of markdown/HTML a page could render: a link, an image (tracking pixel), bold,
a heading, raw HTML, a Streamlit colour directive and icon, a formula and two autolinks. All point at HOST, so a
rendered page can be searched for it: escaped text never contains HOST verbatim (the dot is escaped).
"""

from __future__ import annotations

import re

HOST = "evil.example"
LINK = f"[login](https://{HOST}/login)"
IMAGE = f"![x](https://{HOST}/p.png)"
BOLD = "**PWNED**"
PAYLOAD = (
    f"{LINK} {IMAGE} {BOLD} <img src=https://{HOST}/i.png> :red[R] :material/home: $x^2$ www.{HOST} "
    f"<a href='https://{HOST}'>a</a>"
)
HEADING = f"# HEAD {LINK}"
PAYLOADS = [PAYLOAD, HEADING, IMAGE, f"https://{HOST}/x", f"www.{HOST}", f"x@{HOST}"]

# AppTest element types whose text Streamlit renders as markdown.
MARKDOWN_TYPES = {
    "markdown",
    "caption",
    "error",
    "warning",
    "info",
    "success",
    "title",
    "header",
    "subheader",
    "toast",
    "expandable",
    "tab",
    "heading",
}


def leaks(text: str) -> list[str]:
    """What of a payload would render in this markdown source: [] when it is all shown as text."""
    found = []
    if HOST in text:  # escaped text reads evil\.example
        found.append(f"{HOST} unescaped")
    if BOLD in text:
        found.append("bold unescaped")
    if re.search(r"(?<!\\)<(img|a)\b", text):
        found.append("html unescaped")
    if re.search(r"(^|\n)#+ HEAD", text):
        found.append("heading unescaped")
    if ":material/" in text:  # an icon: Streamlit replaces it after parsing, so escaping alone does not stop it
        found.append("icon unbroken")
    return found


def markdown_texts(at) -> list[tuple[str, str]]:
    """(element type, markdown source) of every element of an AppTest run that renders markdown: bodies of
    markdown-like elements, and labels and help texts of every widget."""
    out = []

    def walk(node) -> None:
        kind = getattr(node, "type", "")
        if kind in MARKDOWN_TYPES:
            for attr in ("value", "body", "label"):
                value = getattr(node, attr, None)
                if isinstance(value, str):
                    out.append((kind, value))
        else:
            for attr in ("label", "help", "placeholder"):
                value = getattr(node, attr, None)
                if isinstance(value, str):
                    out.append((kind, value))
        children = getattr(node, "children", None)
        if isinstance(children, dict):
            for child in children.values():
                walk(child)

    for root in (at.main, at.sidebar):  # AppTest's public roots: the page and the sidebar
        walk(root)
    return out


def page_leaks(at) -> list[str]:
    return [f"{kind}: {problem}: {text[:160]!r}" for kind, text in markdown_texts(at) for problem in leaks(text)]


def open_page(page: str, params: dict):
    """AppTest of dashboard/app.py showing `page` with URL parameters (a first run registers the pages)."""
    from pathlib import Path

    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(Path(__file__).resolve().parents[2] / "dashboard" / "app.py"), default_timeout=60)
    at.run()
    if page != "views/overview.py":
        at.switch_page(page)
    at.query_params.update(params)
    at.run()
    return at
