"""The load tool covers every page, and the memory helper does what dashboard/runtime/memory.py says."""

from __future__ import annotations

import ast
from pathlib import Path

from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from bench import load
from dashboard.runtime import memory
from tests import loop_support

ROOT = Path(__file__).resolve().parents[2]


def test_the_load_tool_visits_every_page_of_the_app():
    tree = ast.parse((ROOT / "dashboard" / "app.py").read_text())
    pages = next(
        ast.literal_eval(node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "PAGES"
    )
    # the default page (the overview, default=True in dashboard/app.py) is served at the root: the tool asks for
    # "", not for its url_path
    served = {"" if file == "views/overview.py" else url_path for file, _title, url_path, _icon in pages}
    assert served == {page for page, _ in load.PAGES}
    combos = load.scenarios()
    assert len(combos) == len(load.PAGES) * len(load.FILTERS) and len(set(combos)) == len(combos)


class _FakeSocket:
    """Answers a rerun request with the given ForwardMsgs (what the server would send), then nothing."""

    def __init__(self, messages):
        self.sent: list[bytes] = []
        self._replies = [m.SerializeToString() for m in messages]

    async def send(self, data: bytes) -> None:
        self.sent.append(data)

    async def recv(self) -> bytes:
        return self._replies.pop(0)


def _finished() -> ForwardMsg:
    msg = ForwardMsg()
    msg.script_finished = ForwardMsg.FINISHED_SUCCESSFULLY
    return msg


def test_the_load_tool_counts_page_not_found_as_an_error():
    not_found = ForwardMsg()
    not_found.page_not_found.page_name = "overzicht"
    stats = load.Stats()
    loop_support.run(load.page_view(_FakeSocket([not_found, _finished()]), "overzicht", "", stats))
    assert stats.runs == 1
    assert stats.errors == ["page not found: 'overzicht'?"]
    clean = load.Stats()
    loop_support.run(load.page_view(_FakeSocket([_finished()]), "", "", clean))
    assert clean.runs == 1 and clean.errors == []


def test_memory_trim_is_rate_limited():
    if not memory.limit_arenas():  # not glibc: both calls are documented no-ops
        assert memory.trim() is False
        return
    assert memory.trim(now=1e9) is True
    assert memory.trim(now=1e9 + memory.TRIM_SECONDS / 2) is False
    assert memory.trim(now=1e9 + memory.TRIM_SECONDS) is True
