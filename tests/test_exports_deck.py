"""The PowerPoint deck (dashboard/core/exports/deck.py).

Why: a presenter opens the deck in PowerPoint or LibreOffice in front of an audience; it must open
without repair, fit every chart on its slide and cite the report in the deck's language.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess

import pandas as pd
import pytest
from pptx import Presentation

from dashboard.core import exports
from etl.citation import report_citation
from tests.export_support import SOURCE, SUBTITLE, income_chart


def pins(n: int = 2) -> list[dict]:
    out = []
    for i in range(n):
        chart = income_chart(title=f"Grafiek {i + 1}")
        out.append(
            {
                "slug": f"grafiek_{i + 1}",
                "title": f"Grafiek {i + 1}",
                "subtitle": SUBTITLE,
                "source": SOURCE,
                "spec": exports.spec_json(exports.chart_to_spec(chart)),
                "data": pd.DataFrame({"a": [1]}),
            }
        )
    return out


@pytest.fixture(scope="module")
def deck_bytes() -> bytes:
    return exports.build_deck(
        pins(2), title="Lokale teams", filters=SUBTITLE, today=dt.date(2019, 9, 30), citation=report_citation("nl")
    )


def test_deck_has_title_chart_and_closing_slides(deck_bytes):
    prs = Presentation(io.BytesIO(deck_bytes))
    slides = list(prs.slides)
    assert len(slides) == 4
    titles = [s.shapes.title.text for s in slides]
    assert titles == ["Lokale teams", "Grafiek 1", "Grafiek 2", "Bronnen en citeren"]
    first = " ".join(sh.text_frame.text for sh in slides[0].shapes if sh.has_text_frame)
    assert "30 september 2019" in first and "Provincie: Overijssel" in first
    for slide in slides[1:3]:
        pictures = [sh for sh in slide.shapes if sh.shape_type == 13]
        assert len(pictures) == 1 and pictures[0].left >= 0
        assert pictures[0].left + pictures[0].width <= prs.slide_width
        assert pictures[0].top + pictures[0].height <= prs.slide_height
        assert any("Bron" in sh.text_frame.text for sh in slide.shapes if sh.has_text_frame)
    closing = " ".join(sh.text_frame.text for sh in slides[-1].shapes if sh.has_text_frame)
    assert "A1900017004" in closing and "Ministerie van VWS" in closing and "Dashboard lokale-teams" in closing


def test_dates_in_the_deck_follow_its_language():
    assert exports.format_date(dt.date(2019, 9, 30)) == "30 september 2019"
    assert exports.format_date(dt.date(2019, 9, 30), "en") == "30 September 2019"


def test_deck_without_pins_still_opens():
    prs = Presentation(io.BytesIO(exports.build_deck([], citation=report_citation("nl"))))
    assert len(prs.slides) == 2


def test_english_deck_cites_and_speaks_english():
    prs = Presentation(
        io.BytesIO(exports.build_deck([], lang="en", citation=report_citation("en"), today=dt.date(2019, 9, 30)))
    )
    first, closing = (" ".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame) for slide in prs.slides)
    assert "30 September 2019" in first and "Source: KPMG (2019)" in first and "no filters" in first
    assert "Sources and how to cite" in closing and "Commissioned by the Ministry of VWS" in closing
    assert "Bron" not in first + closing and "opdracht" not in first + closing


@pytest.mark.slow
def test_deck_opens_in_libreoffice_without_repair(deck_bytes, tmp_path):
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        pytest.skip("libreoffice is not installed; the python-pptx read-back tests still ran")
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(deck_bytes)
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        [
            office,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(deck),
        ],
        check=False,  # the return code is asserted below
        capture_output=True,
        text=True,
        timeout=180,
    )
    pdf = tmp_path / "deck.pdf"
    assert result.returncode == 0 and pdf.is_file(), result.stdout + result.stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data)) == 4  # title, two charts, closing
