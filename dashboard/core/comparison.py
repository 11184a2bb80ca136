"""The 'differs' mark of the side-by-side comparison: '=' and '≠' only where every value is known."""

from __future__ import annotations

from collections.abc import Iterable

UNKNOWN_MARK = "?"


def difference_mark(values: Iterable[str | None], unknown: Iterable[str] = ("not_reported",)) -> str:
    """'≠' when two known values differ, '=' when all values are known and equal, '?' otherwise.

    A value is unknown when it is None or in `unknown` (e.g. 'not_reported', or a value hidden by a switch);
    two unknown values are never 'equal': nothing says the municipalities organise it alike.
    """
    unknown_ids = set(unknown)
    values = list(values)
    known = {v for v in values if v is not None and v not in unknown_ids}
    if len(known) > 1:
        return "≠"
    if any(v is None or v in unknown_ids for v in values):
        return UNKNOWN_MARK
    return "="
