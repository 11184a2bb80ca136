"""The pages of the app as dashboard/app.py declares them (its PAGES), for tests that go over every page.

Read from the entry script's source, not imported: importing it would run the app. A page added to the app is
then tested without anyone copying it into a list here.
"""

from __future__ import annotations

import ast
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "dashboard" / "app.py"


def declared_pages() -> tuple[tuple[str, str, str, str], ...]:
    """(file relative to app.py, title key, url path, icon) per page, in menu order."""
    tree = ast.parse(APP.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "PAGES" for t in node.targets):
            return tuple(ast.literal_eval(node.value))
    raise AssertionError("dashboard/app.py declares no PAGES")


PAGES = declared_pages()
PAGE_FILES = [path for path, _title, _url, _icon in PAGES]  # "views/overview.py", ...
URL_PATHS = {url: path for path, _title, url, _icon in PAGES}  # "overzicht" -> "views/overview.py"
