"""dashboard/core/sizes.py: the byte estimate that bounds the page-content memo (runtime/db.py)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pyarrow as pa

from dashboard.core.sizes import OVERHEAD, SAMPLE, approx_bytes


def test_text_counts_its_length():
    assert approx_bytes("x" * 1000) == OVERHEAD + 1000
    assert approx_bytes(b"x" * 10) == OVERHEAD + 10


def test_containers_add_what_they_hold_and_shared_objects_count_once():
    text = "y" * 5000
    assert approx_bytes([text, text]) < 2 * 5000  # the same string twice is held once
    assert approx_bytes({"a": "z" * 3000, "b": ["w" * 2000]}) > 5000


def test_dataframes_and_arrow_tables_count_their_buffers():
    frame = pd.DataFrame({"n": range(100_000)})  # 800 KB of int64
    assert 800_000 <= approx_bytes(frame) <= 900_000
    table = pa.table({"n": pa.array(range(100_000), pa.int64())})
    assert 800_000 <= approx_bytes(table) <= 900_000


def test_plain_objects_count_their_fields():
    @dataclass
    class Prepared:
        spec: dict
        data: pa.Table

    value = Prepared({"title": "t" * 1000}, pa.table({"n": pa.array(range(10_000), pa.int64())}))
    assert approx_bytes(value) >= 80_000 + 1000


def test_a_cycle_ends():
    loop: list = []
    loop.append(loop)
    assert approx_bytes(loop) < 1000


def test_a_long_list_of_rows_is_estimated_from_a_sample_within_ten_percent():
    # 10.000 rows, each a dict with its own text of 100-1.099 characters (mean 599,5): by hand, about
    # 10.000 x (dict 64 + text 64 + 599,5 + 16 per entry + 8 per item) = 7,5 MB, plus the shared key once
    rows = [{"text": "x" * (100 + (i * 7919) % 1000)} for i in range(10_000)]
    by_hand = 10_000 * (64 + 64 + 599.5 + 16 + 8) + 64 + (64 + len("text"))
    assert len(rows) > SAMPLE
    assert 0.9 * by_hand <= approx_bytes(rows) <= 1.1 * by_hand


def test_a_short_list_is_walked_whole():
    rows = ["a" * 10, "b" * 20, "c" * 30]
    assert approx_bytes(rows) == OVERHEAD + sum(OVERHEAD + n + 8 for n in (10, 20, 30))
