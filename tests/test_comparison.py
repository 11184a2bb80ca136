"""The side-by-side 'differs' mark never calls two unknowns equal."""

from dashboard.core.comparison import difference_mark


def test_two_unknowns_are_not_comparable():
    assert difference_mark(["not_reported", "not_reported"]) == "?"
    assert difference_mark([None, None]) == "?"


def test_known_values():
    assert difference_mark(["wijk", "wijk"]) == "="
    assert difference_mark(["wijk", "stad"]) == "≠"


def test_a_known_difference_stays_a_difference_next_to_an_unknown():
    assert difference_mark(["wijk", "stad", "not_reported"]) == "≠"
    assert difference_mark(["wijk", None]) == "?"
