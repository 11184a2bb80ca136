"""The cache of rendered files (dashboard/core/exports/bytes_cache.py).

Why: every chart on a page offers a PNG and an SVG; rendering each on every rerun would make pages slow,
and an unbounded cache would grow with every filter a visitor tries.
"""

from __future__ import annotations

from dashboard.core import exports


def test_a_key_is_made_once_and_the_least_recently_used_goes_first():
    cache = exports.BytesCache(maxsize=2)
    made: list[str] = []

    def maker(key: str):
        def make() -> bytes:
            made.append(key)
            return key.encode()

        return make

    assert cache.get_or_make(("a",), maker("a")) == b"a"
    cache.get_or_make(("b",), maker("b"))
    cache.get_or_make(("a",), maker("a"))  # a hit: 'a' is now the most recently used
    cache.get_or_make(("c",), maker("c"))  # over maxsize: 'b' goes
    cache.get_or_make(("a",), maker("a"))
    cache.get_or_make(("b",), maker("b"))  # made again
    assert made == ["a", "b", "c", "b"]


def test_clear_empties_the_cache():
    cache = exports.BytesCache()
    made: list[int] = []
    cache.get_or_make(("k",), lambda: made.append(1) or b"x")
    cache.clear()
    cache.get_or_make(("k",), lambda: made.append(1) or b"x")
    assert made == [1, 1]
