"""TCP_NODELAY on the server's connections (dashboard/runtime/tcp.py).

The premise first (Streamlit's listening socket has proto 0, and asyncio then leaves Nagle on), then the fix on a
real asyncio server and on a connection that was open before it, then the real Streamlit server: its
connections' sockets are read from outside the process (pidfd_getfd, Linux 5.6+) and must have TCP_NODELAY set.
"""

from __future__ import annotations

import asyncio
import ctypes
import os
import shutil
import socket
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from streamlit.web.server.starlette import starlette_server

from dashboard.runtime import tcp


def _run(coro):
    """asyncio.run in a thread of its own: the browser tests' Playwright keeps an event loop running in this one."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


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

    return _run(run())


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
    try:
        tcp.set_nodelay(left)  # would raise OSError if it tried TCP_NODELAY on a Unix socket
    finally:
        left.close()
        right.close()
    udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        tcp.set_nodelay(udp)
    finally:
        udp.close()


# --- the real server ----------------------------------------------------------------------------------------

_SYS_PIDFD_OPEN, _SYS_PIDFD_GETFD = 434, 438  # x86_64 and aarch64 share these numbers


def _sockets_of(pid: int, port: int) -> list[tuple[tuple, int]]:
    """(peer address, TCP_NODELAY) of every established connection process `pid` holds on local `port`, read
    through duplicates of its descriptors (pidfd_getfd)."""
    libc = ctypes.CDLL(None, use_errno=True)
    pidfd = libc.syscall(_SYS_PIDFD_OPEN, pid, 0)
    if pidfd < 0:
        pytest.fail(f"pidfd_open not permitted here (errno {ctypes.get_errno()}): cannot read the server's sockets")
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
                pytest.fail(f"pidfd_getfd not permitted here (errno {ctypes.get_errno()})")
            sock = socket.socket(fileno=dup)
            try:
                if sock.family not in (socket.AF_INET, socket.AF_INET6) or sock.type != socket.SOCK_STREAM:
                    continue
                if sock.getsockname()[1] != port or sock.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN):
                    continue
                found.append((sock.getpeername(), sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)))
            finally:
                sock.close()
    finally:
        os.close(pidfd)
    return found


@pytest.mark.slow
def test_the_running_app_serves_every_connection_without_nagle(fixture_warehouse):
    from bench import load

    port = _free_port()
    with tempfile.TemporaryDirectory() as tmp:
        log_path = Path(tmp) / "server.log"
        # a private copy: the server serves data/ and rebuilds a warehouse made from other data in place
        warehouse = Path(tmp) / "warehouse.duckdb"
        shutil.copyfile(fixture_warehouse, warehouse)
        proc = load.start_server(port, warehouse, log_path)
        try:
            url = f"ws://127.0.0.1:{port}/_stcore/stream"
            peers = _run(_two_sessions(url, proc.pid, port))
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    first, second = peers
    assert first != 0  # accepted before the app module (and the fix) was imported: set on the open connection
    assert second != 0  # accepted afterwards: set by asyncio through the replaced check


async def _two_sessions(url: str, pid: int, port: int) -> tuple[int, int]:
    from bench import load

    values = []
    first = await load.open_session(url)
    try:
        await load.page_view(first, "over-de-data", "", load.Stats())  # imports the app: the fix is on from now
        second = await load.open_session(url)
        try:
            await load.page_view(second, "over-de-data", "", load.Stats())
            for ws in (first, second):
                local_port = ws.transport.get_extra_info("sockname")[1]
                matches = [nd for peer, nd in _sockets_of(pid, port) if peer[1] == local_port]
                assert len(matches) == 1, f"no server socket for client port {local_port}"
                values.append(matches[0])
        finally:
            await second.close()
    finally:
        await first.close()
    return values[0], values[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
