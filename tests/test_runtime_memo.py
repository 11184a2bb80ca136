"""The per-build memo behind db.query and db.per_build, and the filter key pages memoise on.

Why: every page rerun reads its frames, label maps and chart specs from this memo instead of rebuilding
them (issue 11: reruns several times cheaper). It must stay bounded, never serve a value from another build
after the ETL swapped the file, and never let a caller's change reach the next caller.
"""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.core import filters, settings
from dashboard.runtime import db
from etl.build import build_warehouse


def ident(n: int) -> db.Identity:
    return db.Identity(path="/w.duckdb", inode=n, mtime_ns=n, size=n)


def test_memo_builds_once_per_key_and_build():
    memo = db.BuildMemo(max_entries=10)
    calls: list[str] = []

    def build(value: str):
        calls.append(value)
        return value

    assert memo.get(ident(1), "a", lambda: build("a1")) == "a1"
    assert memo.get(ident(1), "a", lambda: build("again")) == "a1"  # memoised
    assert memo.get(ident(1), "b", lambda: build("b1")) == "b1"
    assert calls == ["a1", "b1"]


def test_memo_is_bounded_and_drops_the_least_recently_used():
    memo = db.BuildMemo(max_entries=3)
    for key in "abc":
        memo.get(ident(1), key, lambda k=key: k)
    memo.get(ident(1), "a", lambda: "rebuilt")  # touch a: b is now the least recently used
    memo.get(ident(1), "d", lambda: "d")
    assert len(memo) == 3
    assert memo.get(ident(1), "b", lambda: "b2") == "b2"  # was dropped, built again
    assert memo.get(ident(1), "a", lambda: "never") == "a"  # kept: it was used recently
    for n in range(100):
        memo.get(ident(1), n, lambda n=n: n)
    assert len(memo) == 3


def test_memo_is_dropped_when_the_build_changes():
    memo = db.BuildMemo()
    memo.get(ident(1), "a", lambda: "old")
    memo.get(ident(1), "b", lambda: "old b")
    assert memo.get(ident(2), "a", lambda: "new") == "new"
    assert len(memo) == 1  # nothing of build 1 survives
    assert memo.get(ident(2), "b", lambda: "new b") == "new b"


def test_memo_does_not_keep_a_value_built_for_a_build_that_was_replaced_meanwhile():
    memo = db.BuildMemo()

    def slow_build():
        memo.get(ident(2), "other", lambda: "x")  # another session swapped in build 2 while we built
        return "stale"

    assert memo.get(ident(1), "a", slow_build) == "stale"  # the caller still gets its value ...
    assert memo.get(ident(2), "a", lambda: "fresh") == "fresh"  # ... but build 2 never sees it


@pytest.fixture
def fixture_warehouse(fixture_data_dir, tmp_path, monkeypatch):
    target = tmp_path / "w.duckdb"
    build_warehouse(fixture_data_dir, target, log=lambda _l: None)
    monkeypatch.setattr(settings, "DATA_DIR", fixture_data_dir)
    monkeypatch.setattr(settings, "WAREHOUSE_PATH", target)
    db.refresh()
    return target


def test_query_returns_copies_that_cannot_corrupt_the_memo(fixture_warehouse):
    first = db.query("overview")
    n, columns = len(first), list(first.columns)
    first["municipality_code"] = "changed"  # replace a column
    first["extra"] = 1  # add one
    first.iloc[0, list(first.columns).index("name")] = "changed in place"  # write into a cell
    again = db.query("overview")
    assert len(again) == n and list(again.columns) == columns
    assert "changed" not in set(again["municipality_code"])
    assert "changed in place" not in set(again["name"])


def test_query_and_per_build_follow_a_rebuilt_warehouse(fixture_warehouse):
    n_before = len(db.query("overview"))
    assert db.per_build("count", lambda: n_before) == n_before
    real = settings.ROOT / "data"
    build_warehouse(real, fixture_warehouse, log=lambda _l: None)  # os.replace, as the ETL does
    with db.run_scope():
        n_after = len(db.query("overview"))
        assert n_after == len(list((real / "gemeenten").glob("*.yaml"))) != n_before
        assert db.per_build("count", lambda: n_after) == n_after  # the old value went with the old build


def test_run_scope_checks_the_file_once_per_run(fixture_warehouse, monkeypatch):
    checks: list[object] = []
    real = db.file_identity

    def counting(path):
        checks.append(path)
        return real(path)

    monkeypatch.setattr(db, "file_identity", counting)
    with db.run_scope():
        for _ in range(5):
            db.query("overview")
            db.per_build("x", lambda: 1)
    assert len(checks) == 1
    db.query("overview")  # outside a run: checked on every call, as before
    assert len(checks) == 2


def test_filter_key_is_stable_and_distinct():
    a = filters.FilterState(dimensions={"teamvorm": ("breed",), "leeg": ()}, provinces=("Utrecht",))
    same = filters.FilterState(dimensions={"teamvorm": ("breed",)}, provinces=("Utrecht",))
    assert filters.state_key(a) == filters.state_key(same)
    assert hash(filters.state_key(a)) == hash(filters.state_key(same))
    variants = [
        filters.FilterState(),
        filters.FilterState(provinces=("Utrecht",)),
        filters.FilterState(sizes=("Utrecht",)),
        filters.FilterState(functions=("Utrecht",)),
        filters.FilterState(agreed_only=True),
        filters.FilterState(dimensions={"teamvorm": ("breed",)}),
        filters.FilterState(dimensions={"teamvorm": ("smal",)}),
        filters.FilterState(dimensions={"schaal": ("breed",)}),
        filters.FilterState(dimensions={"teamvorm": ("breed", "smal")}),
        filters.FilterState(dimensions={"teamvorm": ("smal", "breed")}),  # order shows in the description
    ]
    keys = [filters.state_key(v) for v in variants]
    assert len(set(keys)) == len(keys)


def test_selection_frame_is_shared_not_rebuilt(fixture_warehouse):
    built: list[int] = []

    def build():
        built.append(1)
        return pd.DataFrame({"a": [1]})

    with db.run_scope():
        first = db.per_build(("frame",), build)
        second = db.per_build(("frame",), build)
    assert first is second and built == [1]


def test_page_content_per_filter_state_is_kept_in_a_small_memo(fixture_warehouse):
    """Page content (large=True) and queries over a set of codes have a value per selection: only
    LARGE_ENTRIES of them are kept, however many filter combinations a visitor tries."""
    built: list[int] = []
    with db.run_scope():
        for n in range(db.LARGE_ENTRIES + 10):
            db.per_build(("page", n), lambda n=n: built.append(n) or n, large=True)
        assert len(db._LARGE) <= db.LARGE_ENTRIES
        codes = list(db.query("overview")["municipality_code"])
        small_before, large_before = len(db._MEMO), len(db._LARGE)
        db.query("practices", codes[:1])
        db.query("practices", codes[:2])
        assert len(db._MEMO) == small_before  # both went to the memo of selections
        assert len(db._LARGE) == min(large_before + 2, db.LARGE_ENTRIES)
        assert db.per_build(("page", db.LARGE_ENTRIES + 9), lambda: "rebuilt", large=True) == db.LARGE_ENTRIES + 9
        assert len(built) == db.LARGE_ENTRIES + 10
        assert db.per_build(("page", 0), lambda: "rebuilt", large=True) == "rebuilt"  # the oldest was dropped


def test_memo_with_a_byte_budget_drops_the_oldest_until_it_fits():
    """Bounded by memory, not by count: three 40 KB texts in a 100 KB budget keep the newest two."""
    memo = db.BuildMemo(max_entries=100, max_bytes=100_000)
    ident = db.Identity("w", 1, 1, 1)
    for key in ("a", "b", "c"):
        memo.get(ident, key, lambda key=key: key * 40_000)
    assert len(memo) == 2
    assert 80_000 <= memo.bytes <= 100_000
    assert memo.get(ident, "a", lambda: "rebuilt") == "rebuilt"  # the oldest went first
    assert memo.get(ident, "c", lambda: "rebuilt") == "c" * 40_000


def test_memo_never_keeps_a_value_larger_than_its_budget():
    memo = db.BuildMemo(max_entries=100, max_bytes=10_000)
    ident = db.Identity("w", 1, 1, 1)
    big = memo.get(ident, "big", lambda: "x" * 50_000)
    assert len(big) == 50_000  # the caller still gets it
    assert len(memo) == 0 and memo.bytes == 0


def test_memo_byte_count_returns_to_zero_when_the_build_changes():
    memo = db.BuildMemo(max_entries=100, max_bytes=1_000_000)
    memo.get(db.Identity("w", 1, 1, 1), "a", lambda: "x" * 1000)
    assert memo.bytes > 1000
    memo.get(db.Identity("w", 2, 2, 2), "b", lambda: "y" * 10)
    assert len(memo) == 1 and 10 < memo.bytes < 1000


def test_forget_page_content_drops_page_content_and_keeps_the_rest(fixture_warehouse):
    """bench_pages --cold measures first views with it: page content must be built again, while label maps and
    whole-table queries (the small memo, the same for every filter state) stay."""
    with db.run_scope():
        db.per_build(("label map",), lambda: "labels")
        db.per_build(("page", "cold"), lambda: "page v1", large=True)
        db.forget_page_content()
        assert db.per_build(("page", "cold"), lambda: "page v2", large=True) == "page v2"
        assert db.per_build(("label map",), lambda: "rebuilt") == "labels"
