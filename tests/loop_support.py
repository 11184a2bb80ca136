"""asyncio in tests that may run after the browser tests: Playwright's sync API keeps an event loop running in
the main thread, where asyncio.run then refuses to start another."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor


def run(coro):
    """asyncio.run(coro) in a thread of its own; returns its result or raises its exception."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()
