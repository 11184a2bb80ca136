"""The one read-only DuckDB connection of the app, and cached query results.

- One connection per process (st.cache_resource), opened read-only; every query runs on its own cursor,
  because a DuckDB connection object is not thread-safe and Streamlit runs sessions in threads.
- Query results are cached with st.cache_data, keyed by the query name, its parameters and the
  warehouse's identity (path, inode, mtime, size).
- The ETL replaces the warehouse file atomically (os.replace). `refresh()` runs at the start of every
  script run: when the file's identity changed it opens the new file, closes the old connection and clears
  the cached results, so from the next rerun on every page shows the new build, and never a file that is
  still being written (the ETL writes to a temporary file first).
- Failures reach the user as a short WarehouseError message, never as a traceback.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from dashboard.core import queries, settings

log = logging.getLogger(__name__)


class WarehouseError(RuntimeError):
    """The warehouse is missing or cannot be read; the message is meant for the user."""


@dataclass(frozen=True)
class Identity:
    path: str
    inode: int
    mtime_ns: int
    size: int


def file_identity(path: Path) -> Identity | None:
    """What changes when the ETL swaps in a new file; None when there is no file."""
    try:
        st_ = os.stat(path)
    except OSError:
        return None
    return Identity(str(Path(path).resolve()), st_.st_ino, st_.st_mtime_ns, st_.st_size)


class Warehouse:
    """Holds the current connection; swaps it when the file on disk is replaced."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.con: duckdb.DuckDBPyConnection | None = None
        self.identity: Identity | None = None
        self.swaps = 0  # how often a new file was opened (tests read this)

    def current(self, path: Path) -> tuple[duckdb.DuckDBPyConnection, Identity]:
        ident = file_identity(path)
        if ident is None:
            raise WarehouseError(f"missing:{path}")
        if ident == self.identity and self.con is not None:
            return self.con, self.identity
        with self._lock:
            if ident == self.identity and self.con is not None:
                return self.con, self.identity
            # Close first: DuckDB shares one database instance per path inside a process, so a new
            # connect() while the old connection is open would hand back the old file's contents.
            old, self.con, self.identity = self.con, None, None
            if old is not None:
                try:
                    old.close()
                except duckdb.Error as exc:  # already closed or broken: the new file is opened either way
                    log.info("closing the previous warehouse connection failed: %s", exc)
            _cached_query.clear()
            for _attempt in range(5):
                try:
                    con = duckdb.connect(str(path), read_only=True)
                except duckdb.Error as exc:
                    raise WarehouseError(f"unreadable:{exc.__class__.__name__}") from exc
                after = file_identity(path)
                if after == ident and _same_build(con, path):
                    break
                # replaced while we opened it, or another connection in this process kept the old file
                # alive: try again on what is on disk now
                con.close()
                time.sleep(0.05)
                ident = after
                if ident is None:
                    raise WarehouseError(f"missing:{path}")
            else:
                raise WarehouseError("unreadable:unstable")
            self.con, self.identity = con, ident
            self.swaps += 1
            return self.con, self.identity

    def close(self) -> None:
        with self._lock:
            if self.con is not None:
                self.con.close()
            self.con, self.identity = None, None


def _same_build(con: duckdb.DuckDBPyConnection, path: Path) -> bool:
    """True when `con` shows the file on disk now (checked through a separate, private database instance)."""
    probe = duckdb.connect(":memory:")
    try:
        queries.attach_probe(probe, str(path))
        return queries.build_stamp(con) == queries.build_stamp(probe, probe=True)
    except duckdb.Error as exc:  # the file on disk is being replaced: not the same build, look again
        log.info("probe of %s failed: %s", path, exc)
        return False
    finally:
        probe.close()


@st.cache_resource(show_spinner=False)
def _warehouse() -> Warehouse:
    return Warehouse()


def warehouse_path() -> Path:
    # Read at call time so tests (and operators) can point settings at another file.
    return Path(settings.WAREHOUSE_PATH)


def refresh() -> Identity:
    """Check the file and (re)open it if it changed. Call once at the start of every script run."""
    _con, ident = _warehouse().current(warehouse_path())
    return ident


QUERY_FUNCTIONS: dict[str, Callable[..., pd.DataFrame]] = {
    name: getattr(queries, name)
    for name in (
        "meta",
        "overview",
        "org_matrix",
        "highlights",
        "basic_functions",
        "dimensions",
        "dimension_values",
        "indicators",
        "indicator_values",
        "municipality",
        "teams",
        "notes",
        "practices",
        "practice_figures",
        "practice_search",
        "sources",
        "municipality_sources",
        "routekaart",
        "reliability",
        "decision_rules",
        "rule_evidence",
        "rule_examples",
        "rule_changes",
    )
}


@st.cache_data(show_spinner=False, max_entries=2048)
def _cached_query(name: str, identity: Identity, args: tuple) -> pd.DataFrame:
    wh = _warehouse()
    for attempt in range(2):
        con, _ident = wh.current(Path(identity.path))
        try:
            return QUERY_FUNCTIONS[name](con, *args)
        except duckdb.ConnectionException:
            # another session swapped the file and closed the old connection under us: retry once
            if attempt:
                raise
    raise AssertionError("unreachable")


def query(name: str, *args) -> pd.DataFrame:
    """Run a named query from dashboard.core.queries (cached). Raises WarehouseError with a short reason."""
    wh = _warehouse()
    _con, ident = wh.current(warehouse_path())
    frozen = tuple(tuple(a) if isinstance(a, list) else a for a in args)
    try:
        return _cached_query(name, ident, frozen).copy(deep=False)
    except WarehouseError:
        raise
    except duckdb.Error as exc:
        raise WarehouseError(f"query:{name}:{exc.__class__.__name__}") from exc


def connection() -> duckdb.DuckDBPyConnection:
    """The current read-only connection, for code outside queries.py (e.g. downloads built on click).

    Never run queries on it directly from several threads: call .cursor() per query and close the cursor.
    """
    con, _ident = _warehouse().current(warehouse_path())
    return con


_per_build_lock = threading.Lock()
_per_build: dict[object, object] = {}
_per_build_identity: list[Identity | None] = [None]


def per_build(key: object, build: Callable[[], object]):
    """`build()` once per warehouse build and key (label maps, option lists), shared by every session.

    The memo is dropped as soon as another file is swapped in, so nothing outlives the data it came from.
    Values are shared: callers must not change them.
    """
    _con, ident = _warehouse().current(warehouse_path())
    with _per_build_lock:
        if _per_build_identity[0] != ident:
            _per_build.clear()
            _per_build_identity[0] = ident
        if key in _per_build:
            return _per_build[key]
    value = build()
    with _per_build_lock:
        if _per_build_identity[0] == ident:
            _per_build[key] = value
    return value


def current_identity() -> Identity | None:
    return _warehouse().identity


def meta() -> dict[str, str]:
    df = query("meta")
    return dict(zip(df["key"], df["value"], strict=True))
