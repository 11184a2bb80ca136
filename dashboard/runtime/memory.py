"""Give memory that sessions have freed back to the operating system. No Streamlit import.

Streamlit runs every script run in a thread. glibc's malloc gives threads arenas of their own (up to eight
per core) and keeps freed memory in them, so the server's resident memory climbs with every batch of
sessions and does not come down when they close (measured with bench/load.py: about +10 MB per batch of 20
sessions). Two calls fix that on Linux/glibc, and are no-ops elsewhere:
- limit_arenas(): at most ARENAS malloc arenas for the whole process (mallopt M_ARENA_MAX);
- trim(): return free memory at the top of every arena to the OS (malloc_trim), at most every TRIM_SECONDS.

And one for Python's cycle collector: freeze_after_warmup() moves everything alive after the process's first
script runs (modules, the warehouse connection, shared memos: about 150.000 objects) into the collector's
permanent generation. Streamlit's full collection after every run is switched off (.streamlit/config.toml:
it cost about 80 ms per page view); without the freeze, Python's own full collections would still walk those
objects now and then and add the same 80 ms to some visitor's page view (seen as the P95 of bench/load.py).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import threading
import time

ARENAS = 2
TRIM_SECONDS = 10.0
_M_ARENA_MAX = -8  # from glibc's malloc.h

FREEZE_AFTER_RUNS = 3  # the first runs import every page's modules and fill the per-build memos

_lock = threading.Lock()
_last_trim = float("-inf")
_runs = 0


def _libc():
    name = ctypes.util.find_library("c")
    if not name:
        return None
    try:
        libc = ctypes.CDLL(name)
        libc.mallopt  # noqa: B018 - glibc only: musl and others lack these
        libc.malloc_trim  # noqa: B018
    except (OSError, AttributeError):
        return None
    return libc


_LIBC = _libc()


def limit_arenas(arenas: int = ARENAS) -> bool:
    """Cap malloc arenas for the process; True when it took effect."""
    return bool(_LIBC is not None and _LIBC.mallopt(_M_ARENA_MAX, arenas))


def trim(now: float | None = None) -> bool:
    """Return freed memory to the OS if the last trim is older than TRIM_SECONDS; True when it trimmed."""
    global _last_trim
    if _LIBC is None:
        return False
    now = time.monotonic() if now is None else now
    with _lock:
        if now - _last_trim < TRIM_SECONDS:
            return False
        _last_trim = now
    _LIBC.malloc_trim(0)
    return True


def freeze_after_warmup() -> bool:
    """Call at the end of every script run: after FREEZE_AFTER_RUNS runs, collect once and freeze what is left
    (gc.freeze), so later full collections only walk objects made since. True on the run that froze."""
    global _runs
    with _lock:
        _runs += 1
        if _runs != FREEZE_AFTER_RUNS:
            return False
    gc.collect()  # garbage first: what is frozen is never collected
    gc.freeze()
    return True
