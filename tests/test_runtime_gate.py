"""dashboard/runtime/gate.py: one script run at a time, and never stuck behind a run that holds on."""

from __future__ import annotations

import logging
import threading
import time

from dashboard.runtime import gate


def test_a_second_run_waits_until_the_first_leaves():
    events: list[str] = []
    inside = threading.Event()
    release = threading.Event()

    def first() -> None:
        with gate.one_run_at_a_time() as taken:
            assert taken
            events.append("first in")
            inside.set()
            release.wait(5)
            events.append("first out")

    def second() -> None:
        inside.wait(5)
        with gate.one_run_at_a_time() as taken:
            assert taken
            events.append("second in")

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    inside.wait(5)
    time.sleep(0.2)  # the second run has had time to enter, if the gate let it
    assert events == ["first in"]
    release.set()
    for thread in threads:
        thread.join(5)
    assert events == ["first in", "first out", "second in"]


def test_a_run_goes_ahead_after_waiting_in_vain(caplog):
    held = threading.Event()
    release = threading.Event()

    def holder() -> None:
        with gate.one_run_at_a_time():
            held.set()
            release.wait(5)

    thread = threading.Thread(target=holder)
    thread.start()
    held.wait(5)
    try:
        start = time.monotonic()
        with caplog.at_level(logging.WARNING, logger="lokale_teams"), gate.one_run_at_a_time(wait_s=0.2) as taken:
            waited = time.monotonic() - start
        assert taken is False and 0.2 <= waited < 2
        assert "goes ahead without it" in caplog.text
    finally:
        release.set()
        thread.join(5)
    with gate.one_run_at_a_time(wait_s=1) as taken:  # released by its holder, not by the run that skipped it
        assert taken


def test_the_gate_is_released_when_a_run_ends_with_an_exception():
    try:
        with gate.one_run_at_a_time():
            raise RuntimeError("st.stop() and st.rerun() end a run with an exception")
    except RuntimeError:
        pass
    with gate.one_run_at_a_time(wait_s=0.5) as taken:
        assert taken
