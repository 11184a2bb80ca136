"""Method notes other features add to the "Over de data" page, without editing that page.

How to add a section: create a module in this folder, e.g. dashboard/about_extra/peers.py, with

    ORDER = 20                      # sections are shown in ascending ORDER, then by module name
    def render(lang: str) -> None:  # draw with Streamlit; lang is "nl" or "en"
        st.subheader(...)

The about page calls render_all(lang) at a marked spot (after the indicator definitions, before the
limitations). A section that fails to import or raises is skipped with a short note, never a traceback,
so one feature cannot break the page.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    name: str
    order: int
    render: Callable[[str], None]


def sections() -> tuple[list[Section], list[str]]:
    """(sections in display order, names of modules that could not be loaded)."""
    found, broken = [], []
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        try:
            module = importlib.import_module(f"{__name__}.{info.name}")
        except Exception:  # noqa: BLE001 - a broken add-on must not break the page
            broken.append(info.name)
            continue
        render = getattr(module, "render", None)
        if callable(render):
            found.append(Section(info.name, int(getattr(module, "ORDER", 50)), render))
    return sorted(found, key=lambda s: (s.order, s.name)), broken
