"""dashboard/core/sizes.py: the byte estimate that bounds the page-content memo (runtime/db.py)."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pyarrow as pa

from dashboard.core.sizes import OVERHEAD, approx_bytes


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
