"""File names (dashboard/core/exports/names.py).

Why: a downloaded file lands in a folder full of others; its name must say what it is and be safe
in every file system (no accents, no path separators).
"""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.core import exports


def test_export_filename_says_what_the_chart_is():
    assert exports.export_filename("contrast_inkomen", "png") == "lokale-teams_contrast_inkomen_2019.png"
    assert exports.export_filename("Contrast: inkomen (€)", "svg") == "lokale-teams_contrast_inkomen_2019.svg"


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("Súdwest-Fryslân", "sudwest_fryslan"),
        ("../../etc/passwd", "etc_passwd"),
        ("a/b\\c:d*e?f", "a_b_c_d_e_f"),
        ("", "grafiek"),
        ("€€€", "grafiek"),
        ("x" * 200, "x" * 80),
    ],
)
def test_slugify_is_safe_for_file_names(raw, expected):
    assert exports.slugify(raw) == expected


@pytest.mark.parametrize(
    "fmt, selection, expected",
    [
        ("csv", True, "lokale-teams_selectie_csv_2019.zip"),
        ("parquet", False, "lokale-teams_dataset_parquet_2019.zip"),
        ("xlsx", False, "lokale-teams_dataset_2019.xlsx"),  # one workbook, not a zip
    ],
)
def test_download_filename_says_whole_or_selection_and_format(fmt, selection, expected):
    assert exports.download_filename(fmt, selection=selection) == expected


def test_deck_filename_carries_the_day_it_was_made():
    assert exports.deck_filename(today=dt.date(2019, 9, 30)) == "lokale-teams_presentatie_2019-09-30.pptx"
