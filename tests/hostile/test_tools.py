"""The load tool covers every page, and the memory helper does what dashboard/runtime/memory.py says."""

from __future__ import annotations

import ast
from pathlib import Path

from bench import load
from dashboard.runtime import memory

ROOT = Path(__file__).resolve().parents[2]


def test_the_load_tool_visits_every_page_of_the_app():
    tree = ast.parse((ROOT / "dashboard" / "app.py").read_text())
    pages = next(
        ast.literal_eval(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "PAGES"
    )
    # the default page (the overview) is served at the root: the tool asks for "", not for its url_path
    served = {"" if file == "views/overview.py" else url_path for file, _title, url_path, _icon in pages}
    assert served == {page for page, _ in load.PAGES}
    combos = load.scenarios()
    assert len(combos) == len(load.PAGES) * len(load.FILTERS) and len(set(combos)) == len(combos)


def test_memory_trim_is_rate_limited():
    if not memory.limit_arenas():  # not glibc: both calls are documented no-ops
        assert memory.trim() is False
        return
    assert memory.trim(now=1e9) is True
    assert memory.trim(now=1e9 + memory.TRIM_SECONDS / 2) is False
    assert memory.trim(now=1e9 + memory.TRIM_SECONDS) is True
