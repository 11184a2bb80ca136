"""Send the server's websocket messages when they are written, not 40 ms later. No Streamlit import.

Every page view reaches the browser as a burst of small websocket messages. asyncio switches off Nagle's
algorithm (TCP_NODELAY) for every connection it serves, but only for sockets whose `proto` attribute says TCP,
and Streamlit's server binds its listening socket with `socket.socket(family=...)`, whose `proto` is 0; accepted
connections inherit that 0, so asyncio leaves Nagle on. The kernel then holds each small message until the
browser has acknowledged the previous one, and the browser's system delays that acknowledgement (40 ms on Linux;
Windows' delayed-acknowledgement timer is 200 ms). Measured with bench/load.py: a page view right after the
previous one took 51 ms at the median, of which about 27 ms was this wait (24 ms with TCP_NODELAY). The same
check and its consequence are described upstream in python/cpython#148783 and kserve/kserve#6054.

enable_nodelay() replaces asyncio's check with one that looks at the socket's family and type only, so every
connection accepted after the call gets TCP_NODELAY, and sets it on the TCP connections the process already
has open (the first visitor's: its first page view is the first run of app.py). app.py calls it on every run;
after the first call it returns at once.
"""

from __future__ import annotations

import logging
import os
import socket
from asyncio import base_events
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger("lokale_teams")

_TCP_FAMILIES = {socket.AF_INET, socket.AF_INET6}
# asyncio's own check, as found when this module was first imported (the tests put it back to compare)
ASYNCIO_SET_NODELAY = base_events.__dict__.get("_set_nodelay")


def set_nodelay(sock: socket.socket) -> None:
    """TCP_NODELAY on a TCP stream socket, also when its `proto` attribute says 0 (unspecified); other sockets
    are left as they are (a Unix socket has no Nagle; SCTP has no TCP options)."""
    if sock.family in _TCP_FAMILIES and sock.type == socket.SOCK_STREAM and sock.proto in (0, socket.IPPROTO_TCP):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


def enable_nodelay() -> bool:
    """Make asyncio set TCP_NODELAY on every TCP connection it sets up from now on, and set it on the process's
    open TCP connections (idempotent). False when this Python's asyncio has no such hook (then nothing changes)."""
    if base_events.__dict__.get("_set_nodelay") is set_nodelay:
        return True
    if not callable(base_events.__dict__.get("_set_nodelay")) or not hasattr(socket, "TCP_NODELAY"):
        log.warning("asyncio has no _set_nodelay hook: Nagle's algorithm stays on for the server's connections")
        return False
    base_events._set_nodelay = set_nodelay  # type: ignore[attr-defined]  # the one hook asyncio has
    for sock in _open_sockets():
        try:
            if not sock.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN):
                set_nodelay(sock)
        except OSError as exc:  # closed meanwhile: nothing to fix
            log.debug("TCP_NODELAY on an open socket: %s", exc)
        finally:
            sock.close()  # closes our duplicate only
    return True


def _open_sockets() -> Iterator[socket.socket]:
    """A socket object on a duplicate of every socket descriptor this process has open (Linux: /proc/self/fd;
    elsewhere none). The caller closes them; the originals stay open."""
    fd_dir = Path("/proc/self/fd")
    if not fd_dir.is_dir():
        return
    for entry in list(fd_dir.iterdir()):
        try:
            fd = os.dup(int(entry.name))
        except (OSError, ValueError):  # closed meanwhile, or the directory's own descriptor
            continue
        try:
            sock = socket.socket(fileno=fd)
        except OSError:  # not a socket
            os.close(fd)
            continue
        yield sock
