"""One script run at a time in the server process, so that page views that arrive together finish one after
another instead of all late.

Streamlit runs every session's script in a thread of its own, and Python runs one thread at a time (the GIL).
When three or four page views arrive in the same moment (bench/load.py: 20 sessions), the threads take turns
every few milliseconds, so all of them finish at about the sum of their times, and the event loop that sends
their elements waits for the GIL between every message. Taking turns per whole run instead gives the same total
work, but the first visitor gets the page after one run's time, the second after two, and so on.

Nothing slow waits inside the gate: the SQL console's worker runs in a button callback, which Streamlit calls
before the script (outside app.main, so outside the gate), and image exports run when a download is asked for,
outside any script run. A run that still holds the gate longer than WAIT_S (a warehouse rebuild, say) does not
block the others: after WAIT_S a run goes ahead without it and a log line says so.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

log = logging.getLogger("lokale_teams")

WAIT_S = 5.0  # longer than any page run (the slowest measured is ~0,5 s under load), shorter than patience

_gate = threading.Lock()


@contextmanager
def one_run_at_a_time(wait_s: float = WAIT_S) -> Iterator[bool]:
    """Hold the process's run gate for the duration of the block; yields whether it was taken (False: it waited
    wait_s in vain and goes ahead anyway)."""
    taken = _gate.acquire(timeout=wait_s)
    if not taken:
        log.warning("run gate: still held after %.1f s; this run goes ahead without it", wait_s)
    try:
        yield taken
    finally:
        if taken:
            _gate.release()
