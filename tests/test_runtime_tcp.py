"""TCP_NODELAY on the server's connections (dashboard/runtime/tcp.py).

The premise first (Streamlit's listening socket has proto 0, and asyncio then leaves Nagle on), then the fix on a
real asyncio server and on a connection that was open before it, then the real Streamlit server: its
connections' sockets are read from outside the process (pidfd_getfd, Linux 5.6+) and must have TCP_NODELAY set.
"""

from __future__ import annotations

import asyncio
import ctypes
import errno
import os
import socket
from pathlib import Path

import pytest
from streamlit.web.server.starlette import starlette_server

from dashboard.runtime import tcp
from tests import loop_support


def _listener_like_streamlit() -> socket.socket:
    # what starlette_server._bind_socket does: socket.socket(family=...) without a proto
    sock = socket.socket(family=socket.AF_INET)
    sock.bind(("127.0.0.1", 0))
    sock.listen(8)
    sock.setblocking(False)
    return sock


def _nodelay_of_accepted(listener: socket.socket) -> int:
    """TCP_NODELAY as asyncio leaves it on a connection accepted from `listener`."""

    async def run() -> int:
        seen: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        async def on_connect(_reader, writer) -> None:
            sock = writer.transport.get_extra_info("socket")
            seen.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
            writer.close()

        server = await asyncio.start_server(on_connect, sock=listener)
        async with server:
            _reader, writer = await asyncio.open_connection(*listener.getsockname())
            value = await asyncio.wait_for(seen, 5)
            writer.close()
            return value

    return loop_support.run(run())


@pytest.fixture
def stock_asyncio(monkeypatch):
    """asyncio's own _set_nodelay for the test, and whatever was there before put back after it."""
    # AppTest runs app.py in this process, which calls enable_nodelay(): start every test from asyncio's own
    monkeypatch.setattr(tcp.base_events, "_set_nodelay", tcp.ASYNCIO_SET_NODELAY)
    assert tcp.ASYNCIO_SET_NODELAY is not tcp.set_nodelay


def test_streamlits_listening_socket_says_proto_zero():
    sock = starlette_server._bind_socket("127.0.0.1", 0, 8)  # private: the premise of the fix
    try:
        assert sock.proto == 0
    finally:
        sock.close()


def test_stock_asyncio_leaves_nagle_on_for_such_a_listener(stock_asyncio):
    # If this starts failing, asyncio (or Streamlit's listener) was fixed upstream and tcp.py can go.
    listener = _listener_like_streamlit()
    assert _nodelay_of_accepted(listener) == 0


def test_enable_nodelay_turns_nagle_off_for_connections_accepted_afterwards(stock_asyncio):
    assert tcp.enable_nodelay() is True
    assert tcp.enable_nodelay() is True  # idempotent
    listener = _listener_like_streamlit()
    assert _nodelay_of_accepted(listener) != 0


def test_enable_nodelay_also_fixes_connections_already_open(stock_asyncio):
    listener = _listener_like_streamlit()
    client = socket.create_connection(listener.getsockname())
    listener.setblocking(True)
    accepted, _peer = listener.accept()
    try:
        assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0
        assert tcp.enable_nodelay() is True
        assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
        assert listener.fileno() >= 0 and accepted.fileno() >= 0  # the originals stay open
    finally:
        for sock in (accepted, client, listener):
            sock.close()


def test_set_nodelay_leaves_non_tcp_sockets_alone():
    left, right = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        for sock in (left, udp):
            with pytest.raises(OSError):  # the premise: TCP_NODELAY on these is an error
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            tcp.set_nodelay(sock)  # so this passing means it did not try
    finally:
        for sock in (left, right, udp):
            sock.close()


def test_enable_nodelay_changes_nothing_without_asyncios_hook(monkeypatch):
    monkeypatch.delattr(tcp.base_events, "_set_nodelay")
    assert tcp.enable_nodelay() is False
    assert "_set_nodelay" not in tcp.base_events.__dict__


# --- the real server ----------------------------------------------------------------------------------------

_SYS_PIDFD_GETFD = 438  # the same number on every Linux architecture but alpha


def _sockets_of(pid: int, port: int) -> list[tuple[int, int]]:
    """(peer port, TCP_NODELAY) of every connection process `pid` holds on its local `port`, read through
    duplicates of its descriptors (pidfd_getfd, Linux 5.6+)."""
    libc = ctypes.CDLL(None, use_errno=True)
    try:
        pidfd = os.pidfd_open(pid)
    except OSError as exc:
        pytest.fail(f"pidfd_open: {exc}: cannot read the server's sockets")
    found = []
    try:
        for entry in Path(f"/proc/{pid}/fd").iterdir():
            try:
                if not str(entry.readlink()).startswith("socket:"):
                    continue
            except OSError:  # closed meanwhile
                continue
            dup = libc.syscall(_SYS_PIDFD_GETFD, pidfd, int(entry.name), 0)
            if dup < 0:
                err = ctypes.get_errno()
                if err == errno.EBADF:  # closed between the listing and now
                    continue
                pytest.fail(f"pidfd_getfd: {os.strerror(err)}: cannot read the server's sockets")
            sock = socket.socket(fileno=dup)
            try:
                if sock.family not in (socket.AF_INET, socket.AF_INET6) or sock.type != socket.SOCK_STREAM:
                    continue
                if sock.getsockname()[1] != port or sock.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN):
                    continue
                found.append((sock.getpeername()[1], sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)))
            except OSError:  # a connection closing meanwhile (no peer any more)
                continue
            finally:
                sock.close()
    finally:
        os.close(pidfd)
    return found


@pytest.mark.slow
def test_the_running_app_serves_every_connection_without_nagle(tmp_path):
    from bench import load

    port = _free_port()
    # a warehouse path that does not exist yet: the app builds it from data/ on its first page view
    proc = load.start_server(port, tmp_path / "warehouse.duckdb", tmp_path / "server.log")
    try:
        seen = loop_support.run(_two_sessions(f"ws://127.0.0.1:{port}/_stcore/stream", proc.pid, port))
    finally:
        load.stop_server(proc)
    assert seen["first, before any page view"] == 0  # the premise, on the real server: Nagle on
    assert seen["first, after its page view"] != 0  # accepted before the fix ran: set on the open connection
    assert seen["second"] != 0  # accepted after it: set by asyncio through the replaced check


async def _two_sessions(url: str, pid: int, port: int) -> dict[str, int]:
    from bench import load

    def nodelay(ws) -> int:
        local_port = ws.transport.get_extra_info("sockname")[1]
        matches = [nd for peer_port, nd in _sockets_of(pid, port) if peer_port == local_port]
        assert len(matches) == 1, f"server sockets for client port {local_port}: {matches}"
        return matches[0]

    seen = {}
    first = await load.open_session(url)
    try:
        seen["first, before any page view"] = nodelay(first)
        views = load.Stats()
        await load.page_view(first, "over-de-data", "", views)  # runs app.py for the first time: the fix
        second = await load.open_session(url)
        try:
            await load.page_view(second, "over-de-data", "", views)
            assert views.errors == []
            seen["first, after its page view"] = nodelay(first)
            seen["second"] = nodelay(second)
        finally:
            await second.close()
    finally:
        await first.close()
    return seen


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
