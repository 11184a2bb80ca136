"""The one read-only DuckDB connection of the app, and cached query results.

- One connection per process (a module global), opened read-only; every query runs on its own cursor,
  because a DuckDB connection object is not thread-safe and Streamlit runs sessions in threads.
- Query results and per_build() values live in bounded LRU memos (BuildMemo) that belong to the
  warehouse's identity (path, inode, mtime, size); st.cache_data would pickle and hash on every call.
  Values per selection (a query over a set of codes, page content per filter state) go to a second, much
  smaller memo, so trying many filter combinations cannot fill the memory.
- app.py wraps each script run in run_scope(): the file's identity is checked once per rerun, not per query.
- The ETL replaces the warehouse file atomically (os.replace). `refresh()` runs at the start of every
  script run: when the file's identity changed it opens the new file, closes the old connection and drops
  the memo, so from the next rerun on every page shows the new build, and never a file that is
  still being written (the ETL writes to a temporary file first).
- Failures reach the user as a short WarehouseError message, never as a traceback.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from dashboard.core import queries, settings
from dashboard.core.sizes import approx_bytes

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
        st_ = Path(path).stat()
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
            _MEMO.clear()
            _LARGE.clear()
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


_WAREHOUSE = Warehouse()


def _warehouse() -> Warehouse:
    """The process's one warehouse handle (a module global: cheaper than st.cache_resource on every call)."""
    return _WAREHOUSE


_resolved_path: list[tuple[object, Path]] = []  # (the setting as read, the Path made of it)


def warehouse_path() -> Path:
    # Read at call time so tests (and operators) can point settings at another file; the Path is made once
    # per value of the setting.
    raw = settings.WAREHOUSE_PATH
    cached = _resolved_path[0] if _resolved_path else None
    if cached is not None and cached[0] is raw:
        return cached[1]
    path = Path(raw)
    _resolved_path[:] = [(raw, path)]
    return path


_MISSING = object()  # a memo value may itself be None


class BuildMemo:
    """A bounded LRU memo of values that depend only on one warehouse build (and their key).

    Every entry belongs to the build it was made from (the file's Identity); when another build is
    swapped in, the whole memo is dropped, so nothing outlives the data it came from. At most `max_entries`
    values are kept, and with `max_bytes` at most that many bytes as estimated by core.sizes.approx_bytes (a
    single value larger than that is returned but not kept); the least recently used goes first.
    Thread-safe: Streamlit runs sessions in threads.
    Cheaper than st.cache_data, which pickles and hashes its arguments and its value on every call.
    """

    def __init__(self, max_entries: int = 4096, max_bytes: int | None = None) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self._values: OrderedDict[Hashable, object] = OrderedDict()
        self._sizes: dict[Hashable, int] = {}  # only with max_bytes
        self.bytes = 0  # estimated bytes held (with max_bytes)
        self._identity: Identity | None = None
        self.builds = 0  # how often a value was built (tests read this)

    def __len__(self) -> int:
        return len(self._values)

    def items(self) -> list[tuple[Hashable, object]]:
        """What the memo holds now, least recently used first (tests check what a session may not share)."""
        with self._lock:
            return list(self._values.items())

    def clear(self) -> None:
        with self._lock:
            self._drop_all()
            self._identity = None

    def _drop_all(self) -> None:
        self._values.clear()
        self._sizes.clear()
        self.bytes = 0

    def get(self, identity: Identity, key: Hashable, build: Callable[[], Any]) -> Any:
        """The value for key on this build: memoised, or build() now (outside the lock) and kept."""
        with self._lock:
            if self._identity != identity:
                self._drop_all()
                self._identity = identity
            try:
                value = self._values[key]
            except KeyError:
                pass
            else:
                self._values.move_to_end(key)
                return value
        value = build()
        size = approx_bytes(value) if self.max_bytes is not None else 0  # outside the lock: it walks the value
        with self._lock:
            self.builds += 1
            if self._identity != identity or (self.max_bytes is not None and size > self.max_bytes):
                return value
            self._forget(key)  # another thread may have built the same key meanwhile
            self._values[key] = value
            if self.max_bytes is not None:
                self._sizes[key] = size
                self.bytes += size
            while len(self._values) > self.max_entries or (self.max_bytes is not None and self.bytes > self.max_bytes):
                self._forget(next(iter(self._values)))
        return value

    def _forget(self, key: Hashable) -> None:
        if self._values.pop(key, _MISSING) is not _MISSING:
            self.bytes -= self._sizes.pop(key, 0)


_MEMO = BuildMemo()  # query results, label maps, option lists: small, few per build
# Page content per filter state (charts with their data, tables): each can be megabytes at 2000
# municipalities, and there is one per page, filter combination and language, so this memo is bounded by
# estimated bytes. 64 entries were too few: a visitor mix of 17 page variants x 6 filter/language states
# cycled through them and missed every time (bench/load.py); 96 MB holds that mix at 16 municipalities.
LARGE_ENTRIES = 2048
LARGE_BYTES = 96 * 2**20
_LARGE = BuildMemo(max_entries=LARGE_ENTRIES, max_bytes=LARGE_BYTES)
_scope = threading.local()  # the identity checked at the start of this thread's script run (run_scope)


def _identity_now() -> Identity:
    """The current build's identity: the one run_scope() checked for this rerun, else checked now."""
    ident = getattr(_scope, "identity", None)
    if ident is not None:
        return ident
    _con, ident = _WAREHOUSE.current(warehouse_path())
    return ident


def refresh() -> Identity:
    """Check the file and (re)open it if it changed. Call once at the start of every script run."""
    _con, ident = _WAREHOUSE.current(warehouse_path())
    return ident


@contextmanager
def run_scope() -> Iterator[Identity]:
    """One script run: the warehouse is checked (and reopened when it was replaced) once, at the start, and
    every query and per_build() inside uses that build. A swap during the run shows from the next rerun."""
    ident = refresh()
    previous = getattr(_scope, "identity", None)
    _scope.identity = ident
    try:
        yield ident
    finally:
        _scope.identity = previous


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


def _run_query(name: str, identity: Identity, args: tuple) -> pd.DataFrame:
    for attempt in range(2):
        con = _WAREHOUSE.con
        if attempt or con is None or _WAREHOUSE.identity != identity:
            con, _ident = _WAREHOUSE.current(Path(identity.path))
        try:
            return QUERY_FUNCTIONS[name](con, *args)
        except duckdb.ConnectionException:
            # another session swapped the file and closed the old connection under us: retry once
            if attempt:
                raise
    raise AssertionError("unreachable")


def query(name: str, *args) -> pd.DataFrame:
    """Run a named query from dashboard.core.queries (memoised per build). Raises WarehouseError with a short
    reason. The frame is a shallow copy: adding or replacing columns never reaches the memo."""
    ident = _identity_now()
    frozen = tuple(tuple(a) if isinstance(a, list) else a for a in args)
    try:
        # a query over a set of codes (or a search text with one) has a result per selection: the small memo
        memo = _LARGE if any(isinstance(a, tuple) for a in frozen) else _MEMO
        frame = memo.get(ident, ("query", name, frozen), lambda: _run_query(name, ident, frozen))
    except WarehouseError:
        raise
    except duckdb.Error as exc:
        raise WarehouseError(f"query:{name}:{exc.__class__.__name__}") from exc
    return frame.copy(deep=False)


def connection() -> duckdb.DuckDBPyConnection:
    """The current read-only connection, for code outside queries.py (e.g. downloads built on click).

    Never run queries on it directly from several threads: call .cursor() per query and close the cursor.
    """
    con, _ident = _WAREHOUSE.current(warehouse_path())
    return con


def per_build(key: Hashable, build: Callable[[], Any], *, large: bool = False) -> Any:
    """`build()` once per warehouse build and key (label maps, option lists, chart specs), shared by every
    session; the memo is bounded (least recently used first) and dropped when another file is swapped in.
    large=True for page content keyed by a filter state (a chart with its data, a table): those go to a memo
    that keeps only LARGE_ENTRIES values, so trying many filter combinations cannot fill the memory.
    Values are shared: callers must not change them."""
    return (_LARGE if large else _MEMO).get(_identity_now(), ("per_build", key), build)


def forget_page_content() -> None:
    """Drop the page-content memo (per_build(large=True) and queries over a selection), as a new filter state
    finds it: bench/bench_pages.py --cold measures what a first view costs."""
    _LARGE.clear()


def current_identity() -> Identity | None:
    return _WAREHOUSE.identity


def meta() -> dict[str, str]:
    """The build's meta table as a dict (shared: do not change it)."""

    def build() -> dict[str, str]:
        df = query("meta")
        return dict(zip(df["key"], df["value"], strict=True))

    return per_build(("meta",), build)
