"""The load tool covers every page, and the memory helper does what dashboard/runtime/memory.py says."""

from __future__ import annotations

import ast
import random
import time
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
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


class _FakeServer:
    """Stands in for load.open_session: every session is a socket that answers each rerun request with a clean
    finish; records which session sent which (page, query string), and how many sessions were open at once."""

    def __init__(self):
        self.sessions: list[list[tuple[str, str]]] = []
        self.open = 0
        self.most_open = 0

    async def connect(self, _url):
        server, views = self, []
        self.sessions.append(views)
        self.open += 1
        self.most_open = max(self.most_open, self.open)

        class Session:
            async def send(self, data: bytes) -> None:
                msg = BackMsg()
                msg.ParseFromString(data)
                views.append((msg.rerun_script.page_name, msg.rerun_script.query_string))

            async def recv(self) -> bytes:
                return _finished().SerializeToString()

            async def close(self) -> None:
                server.open -= 1

        return Session()


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


def test_each_load_session_records_the_page_views_it_made(monkeypatch):
    server = _FakeServer()
    monkeypatch.setattr(load, "open_session", server.connect)
    order = [("profiel", "gm=utrecht"), ("", "lang=en"), ("contrasten", "contrast=matrix&size=ge_250k")]
    visited: list[tuple[str, str]] = []
    stats = load.Stats()
    monkeypatch.setattr(load, "time", _Clock(views=5))  # load's own clock only, not asyncio's
    rng = random.Random(1)
    loop_support.run(load.session("ws://fake", 100.0, order, (0.0, 0.0), stats, rng, visited))
    # five views: the order once, then from its start again (a session cycles through its order)
    assert visited == [order[0], order[1], order[2], order[0], order[1]]
    assert server.sessions == [visited]
    assert stats.runs == 5 and stats.errors == []


class _Clock:
    """The `time` module as bench/load.py sees it: monotonic() is 0 until `views` page views have started, then
    past any deadline (session() reads it once before each view); perf_counter() is the real one."""

    perf_counter = staticmethod(time.perf_counter)

    def __init__(self, views: int):
        self.calls = 0
        self.views = views

    def monotonic(self) -> float:
        self.calls += 1
        return 0.0 if self.calls <= self.views else 1e9


def test_the_baseline_replays_every_recorded_session_alone_and_in_order(monkeypatch):
    server = _FakeServer()
    monkeypatch.setattr(load, "open_session", server.connect)
    recorded = [
        [("", "prov=Utrecht,Zuid-Holland"), ("profiel", "gm=almelo"), ("", "")],
        [("over-de-data", "lang=en")],
        [("contrasten", "contrast=groups&bf=leren_verbeteren"), ("contrasten", "contrast=groups")],
    ]
    stats = load.Stats()
    loop_support.run(load.replay("ws://fake", recorded, stats))
    assert server.sessions == recorded  # one new session per recorded session, the same views in the same order
    assert server.most_open == 1  # one session at a time: nobody else on the server
    assert stats.runs == 6 and len(stats.latencies) == 6 and stats.errors == []


def test_the_warm_up_visits_every_combination_in_a_new_session_of_its_own(monkeypatch):
    # a session keeps its language and filters between views: one session walking every combination would stay
    # in English after its second view and pile up the filters, so most Dutch and single-filter views stay cold
    server = _FakeServer()
    monkeypatch.setattr(load, "open_session", server.connect)
    stats = load.Stats()
    loop_support.run(load._visit_all("ws://fake", stats))
    # the combinations themselves are checked above (every page of the app, each with six filter states)
    combos = load.scenarios()
    assert server.sessions == [[combo] for combo in combos]
    assert server.most_open == 1 and stats.runs == len(combos) == 17 * 6


def test_memory_trim_is_rate_limited():
    if not memory.limit_arenas():  # not glibc: both calls are documented no-ops
        assert memory.trim() is False
        return
    assert memory.trim(now=1e9) is True
    assert memory.trim(now=1e9 + memory.TRIM_SECONDS / 2) is False
    assert memory.trim(now=1e9 + memory.TRIM_SECONDS) is True
