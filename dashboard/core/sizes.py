"""An estimate of how many bytes a memoised value holds, so a memo can be bounded by memory, not by count.

Exact sizes would need a walk through every Python object; this counts what dominates the memo's values:
DataFrames and Arrow tables by their buffers, text by its length, containers and plain objects by what
they hold. It errs on the high side for small objects (a fixed overhead each), which is the safe side for a
bound. A long list or tuple (a chart's rows) is estimated from an evenly spread sample of its items: walking
every row of every dataset was about a tenth of building a page's charts for a new filter state.
"""

from __future__ import annotations

import sys
from typing import Any

OVERHEAD = 64  # bytes charged per container, object or item, roughly what CPython spends on one
MAX_DEPTH = 12  # deeper than any chart spec; beyond it an object counts by its shallow size
SAMPLE = 64  # items of a longer list or tuple that are walked; the rest are counted at their average


def approx_bytes(value: Any) -> int:
    """Estimated bytes held by value (shared objects counted once)."""
    return _size(value, set(), 0)


def _size(value: Any, seen: set[int], depth: int) -> int:
    if id(value) in seen or value is None or isinstance(value, bool | int | float):
        return 0  # counted once; small singletons and numbers are in their container's overhead
    seen.add(id(value))
    if isinstance(value, str | bytes | bytearray):
        return OVERHEAD + len(value)
    nbytes = _buffer_bytes(value)
    if nbytes is not None:
        return OVERHEAD + nbytes
    if depth >= MAX_DEPTH:
        return sys.getsizeof(value)
    return _children_size(value, seen, depth + 1)


def _children_size(value: Any, seen: set[int], depth: int) -> int:
    if isinstance(value, dict):
        return OVERHEAD + sum(_size(k, seen, depth) + _size(v, seen, depth) + 16 for k, v in value.items())
    if isinstance(value, list | tuple) and len(value) > SAMPLE:
        step = len(value) / SAMPLE
        walked = sum(_size(value[int(i * step)], seen, depth) + 8 for i in range(SAMPLE))
        return OVERHEAD + walked * len(value) // SAMPLE
    if isinstance(value, list | tuple | set | frozenset):
        return OVERHEAD + sum(_size(item, seen, depth) + 8 for item in value)
    fields = getattr(value, "__dict__", None)
    if fields is None and hasattr(value, "__slots__"):
        fields = {name: getattr(value, name, None) for name in value.__slots__}
    if isinstance(fields, dict):
        return OVERHEAD + sum(_size(v, seen, depth) for v in fields.values())
    return sys.getsizeof(value)


def _buffer_bytes(value: Any) -> int | None:
    """Bytes of a pandas or Arrow object's data, or None for anything else (checked by name: no imports)."""
    module = type(value).__module__
    if module.startswith("pandas"):
        usage = getattr(value, "memory_usage", None)
        if callable(usage):
            used = usage(deep=True)
            return int(used.sum()) if hasattr(used, "sum") else int(used)
    if module.startswith("pyarrow"):
        nbytes = getattr(value, "nbytes", None)
        if isinstance(nbytes, int):
            return nbytes
    return None
