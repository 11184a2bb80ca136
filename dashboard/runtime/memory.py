"""Give memory that sessions have freed back to the operating system. No Streamlit import.

Streamlit runs every script run in a thread. glibc's malloc gives threads arenas of their own (up to eight
per core) and keeps freed memory in them, so the server's resident memory climbs with every batch of
sessions and does not come down when they close (measured with bench/load.py: about +10 MB per batch of 20
sessions). Two calls fix that on Linux/glibc, and are no-ops elsewhere:
- limit_arenas(): at most ARENAS malloc arenas for the whole process (mallopt M_ARENA_MAX);
- trim(): return free memory at the top of every arena to the OS (malloc_trim), at most every TRIM_SECONDS.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import threading
import time

ARENAS = 2
TRIM_SECONDS = 10.0
_M_ARENA_MAX = -8  # from glibc's malloc.h

_lock = threading.Lock()
_last_trim = float("-inf")


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
