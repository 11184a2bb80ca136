"""Exports (dashboard/core/exports.py): images, file names, spreadsheets, Parquet and the PowerPoint deck.

Why these tests exist: an exported file travels without the dashboard around it. It must say what it
shows (title, filters, source), keep Dutch number formatting, be sharp enough for a slide (>= 1600 px),
never run a formula when opened in a spreadsheet, and open in PowerPoint/LibreOffice without repair.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import altair as alt
import duckdb
import openpyxl
import pandas as pd
import pytest
from pptx import Presentation

from dashboard.core import exports
from etl.citation import report_citation
from etl.export import EXPORT_TABLES

ROOT = Path(__file__).resolve().parent.parent

TITLE = "Besteedbaar inkomen per huishouden"
SUBTITLE = "Provincie: Overijssel · Inwoners: 50.000–100.000"
SOURCE = "Bron: KPMG (2019), Bijlage 2; CBS Inkomen van huishoudens 2017"


@pytest.fixture(scope="module")
def warehouse(fixture_warehouse) -> Path:
    return fixture_warehouse


@pytest.fixture
def con(warehouse):
    connection = duckdb.connect(str(warehouse), read_only=True)
    yield connection
    connection.close()


def income_chart(**props) -> alt.LayerChart:
    df = pd.DataFrame({"gemeente": ["Almelo", "Enschede", "Hengelo"], "inkomen": [36500, 41000, 32200]})
    base = alt.Chart(df).encode(y=alt.Y("gemeente:N"), x=alt.X("inkomen:Q", title="Inkomen (€)"))
    return (base.mark_bar() + base.mark_text(align="left", dx=4).encode(text=alt.Text("inkomen:Q", format=",.0f"))
            ).properties(width="container", **props)


# --- file names ---------------------------------------------------------------------------------------------

def test_export_filename_says_what_the_chart_is():
    assert exports.export_filename("contrast_inkomen", "png") == "lokale-teams_contrast_inkomen_2019.png"
    assert exports.export_filename("Contrast: inkomen (€)", "svg") == "lokale-teams_contrast_inkomen_2019.svg"


@pytest.mark.parametrize("raw, expected", [
    ("Súdwest-Fryslân", "sudwest_fryslan"),
    ("../../etc/passwd", "etc_passwd"),
    ("a/b\\c:d*e?f", "a_b_c_d_e_f"),
    ("", "grafiek"),
    ("€€€", "grafiek"),
    ("x" * 200, "x" * 80),
])
def test_slugify_is_safe_for_file_names(raw, expected):
    assert exports.slugify(raw) == expected


# --- images -------------------------------------------------------------------------------------------------

def test_png_is_valid_and_at_least_1600_px_wide():
    png = exports.chart_png(income_chart(), title=TITLE, subtitle=SUBTITLE, source=SOURCE)
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = exports.png_size(png)
    assert width >= 1600 and height > 200


def test_png_of_a_narrow_composite_chart_is_still_1600_px_wide():
    df = pd.DataFrame({"g": ["a", "b"], "v": [1, 2], "f": ["x", "y"]})
    chart = alt.Chart(df).mark_bar().encode(x="g:N", y="v:Q").properties(width=80, height=80).facet(column="f:N")
    width, _ = exports.png_size(exports.chart_png(chart, title="Facet"))
    assert width >= 1600


def test_svg_carries_title_filters_source_and_dutch_numbers():
    svg = exports.chart_svg(income_chart(), title=TITLE, subtitle=SUBTITLE, source=SOURCE).decode("utf-8")
    assert svg.lstrip().startswith("<svg")
    for text in (TITLE, "Provincie: Overijssel", "Bron: KPMG (2019), Bijlage 2"):
        assert text in svg
    assert "41.000" in svg and "41,000" not in svg


def test_english_export_uses_english_number_format():
    svg = exports.chart_svg(income_chart(), lang="en", title=TITLE).decode("utf-8")
    assert "41,000" in svg


def test_title_and_source_already_in_the_spec_are_not_repeated():
    chart = income_chart(title=alt.TitleParams(TITLE, subtitle=[SUBTITLE, SOURCE]))
    spec = exports.export_spec(chart, title=TITLE, subtitle=SUBTITLE, source=SOURCE)
    text = json.dumps(spec, ensure_ascii=False)
    assert text.count(TITLE) == 1 and text.count(SOURCE) == 1
    assert "vconcat" not in spec  # no footer needed


def test_missing_title_subtitle_and_source_are_added_not_dropped():
    spec = exports.export_spec(income_chart(), title=TITLE, subtitle=SUBTITLE, source=SOURCE)
    chart = spec["vconcat"][0]
    assert chart["title"]["text"] == TITLE and SUBTITLE in chart["title"]["subtitle"]
    assert spec["title"]["orient"] == "bottom" and spec["title"]["text"] == SOURCE
    assert chart["width"] * exports.PNG_SCALE >= exports.MIN_PNG_WIDTH_PX  # no 'container' offline
    assert "config" in spec and "datasets" in spec and "config" not in chart  # top-level-only moved out


def test_source_without_prefix_gets_one_and_wrapped_lines_count_as_present():
    spec = exports.export_spec(income_chart(), source="KPMG (2019), Bijlage 2")
    assert spec["title"]["text"] == "Bron: KPMG (2019), Bijlage 2"
    long_source = ("Bron: KPMG (2019), Basisfuncties voor lokale teams in kaart, bijlage 2; "
                   "cijfers in de schetsen uit CBS")
    wrapped = income_chart(title=alt.TitleParams(TITLE, subtitle=[long_source[:60], long_source[61:]]))
    assert "vconcat" not in exports.export_spec(wrapped, source=long_source)


def test_chart_title_wins_over_argument_and_subtitle_is_appended():
    spec = exports.export_spec(income_chart(title="Eigen titel"), title=TITLE, subtitle=SUBTITLE)
    assert spec["title"]["text"] == "Eigen titel" and spec["title"]["subtitle"] == [SUBTITLE]


def test_presentation_spec_uses_projector_font_sizes():
    chart = income_chart(title="T").configure_axis(labelFontSize=9).configure_text(fontSize=8)
    spec = exports.presentation_spec(exports.chart_to_spec(chart))
    config = spec["config"]
    assert config["axis"]["labelFontSize"] >= 18 and config["axis"]["titleFontSize"] >= 18
    assert config["title"]["fontSize"] >= 18 and config["legend"]["labelFontSize"] >= 18

    def font_sizes(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key.endswith("ontSize") and isinstance(value, int | float):
                    yield value
                else:
                    yield from font_sizes(value)
        elif isinstance(node, list):
            for item in node:
                yield from font_sizes(item)

    assert min(font_sizes(spec)) >= 18


def test_rendered_bytes_are_cached_per_spec():
    exports.clear_render_cache()
    first = exports.chart_png(income_chart(), title="cache")
    assert exports.chart_png(income_chart(), title="cache") is first
    assert exports.chart_png(income_chart(), title="cache 2") is not first


def test_dutch_format_locale():
    locale = exports.format_locale("nl")
    assert locale["decimal"] == "," and locale["thousands"] == "."
    assert exports.format_date(dt.date(2019, 9, 30)) == "30 september 2019"


# --- data files ---------------------------------------------------------------------------------------------

def test_csv_neutralises_formulas_and_keeps_numbers():
    df = pd.DataFrame({"naam": ["=HYPERLINK(\"http://x\")", "+31 6", "-2+3", "@SUM(A1)", "gewoon"],
                       "v": [-1, 2, 3, 4, 5]})
    back = pd.read_csv(io.BytesIO(exports.dataframe_csv_bytes(df)))
    assert back["naam"].tolist() == ["'=HYPERLINK(\"http://x\")", "'+31 6", "'-2+3", "'@SUM(A1)", "gewoon"]
    assert back["v"].tolist() == [-1, 2, 3, 4, 5]


def test_csv_flattens_lists():
    df = pd.DataFrame({"f": [["brede_blik", "leren_verbeteren"]]})
    assert b"brede_blik; leren_verbeteren" in exports.dataframe_csv_bytes(df)


def test_csv_flattens_numpy_arrays_from_duckdb_lists():
    """DuckDB LIST columns arrive as numpy arrays, whose str() is a bracketed print-out with line breaks."""
    frame = duckdb.sql("select ['tijdig_signaleren', 'vindbare_toegankelijke_hulp', 'brede_blik', "
                       "'leren_verbeteren'] as f").df()
    text = exports.dataframe_csv_bytes(frame).decode()
    assert text == "f\ntijdig_signaleren; vindbare_toegankelijke_hulp; brede_blik; leren_verbeteren\n"


def test_xlsx_cells_that_look_like_formulas_are_text():
    book = openpyxl.load_workbook(io.BytesIO(exports.xlsx_bytes({"t": pd.DataFrame({"a": ["=1+1", "ok"]})})))
    cell = book["t"]["A2"]
    assert cell.value == "'=1+1" and cell.data_type == "s"


def test_full_dataset_xlsx_has_readme_tables_and_descriptor(con):
    book = openpyxl.load_workbook(io.BytesIO(exports.dataset_download(con, "xlsx", lang="nl")))
    assert book.sheetnames == ["README", *EXPORT_TABLES, "datapackage"]
    readme = {row[0]: row[1] for row in book["README"].iter_rows(min_row=2, values_only=True)}
    # a Dutch README has Dutch labels and Dutch column meanings
    assert readme["Dataversie"] and "KPMG" in readme["Rechten"] and "A1900017004" in readme["Zo citeer je"]
    assert readme["municipalities.population"] == \
        "integer (geheel getal) · personen · Aantal inwoners zoals in de schets"
    header = [c.value for c in book["municipalities"][1]]
    assert header[:3] == ["municipality_code", "name", "official_name"]


def test_select_municipalities_keeps_reference_tables_whole(con):
    from etl.export import read_export_tables, select_municipalities

    tables = select_municipalities(read_export_tables(con), [])
    assert len(tables["municipalities"]) == 0 and len(tables["practice_figures"]) == 0
    assert len(tables["basic_functions"]) == 5


def test_full_dataset_xlsx_neutralises_formulas_in_the_warehouse(warehouse, tmp_path):
    tampered = tmp_path / "tampered.duckdb"
    shutil.copy(warehouse, tampered)
    with duckdb.connect(str(tampered)) as rw:
        rw.execute("update practice set title_nl = '=HYPERLINK(\"http://evil\",\"klik\")'")
    with duckdb.connect(str(tampered), read_only=True) as ro:
        book = openpyxl.load_workbook(io.BytesIO(exports.dataset_download(ro, "xlsx")))
    sheet = book["practices"]
    column = [c.value for c in sheet[1]].index("title_nl")
    values = [row[column] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert values and all(v.startswith("'=") for v in values)
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def test_selection_xlsx_holds_only_the_selected_municipalities(con):
    codes = [row[0] for row in con.execute("select municipality_code from municipality order by 1").fetchall()]
    data = exports.dataset_download(con, "xlsx", lang="en", codes=codes[:1], filters="Province: Testland")
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames[0] == "README"
    got = {row[0] for row in book["municipalities"].iter_rows(min_row=2, values_only=True)}
    assert got == {codes[0]}
    readme = dict(book["README"].iter_rows(min_row=2, values_only=True))
    assert readme["Selection"] == "number of municipalities: 1 · Province: Testland"


def test_parquet_zip_has_readme_descriptor_and_one_file_per_table(con):
    with zipfile.ZipFile(io.BytesIO(exports.dataset_download(con, "parquet", lang="en"))) as zf:
        assert zf.namelist()[:2] == ["README.md", "datapackage.json"]
        assert sorted(zf.namelist()[2:]) == sorted(f"{name}.parquet" for name in EXPORT_TABLES)
        frame = pd.read_parquet(io.BytesIO(zf.read("municipalities.parquet")))
        readme = zf.read("README.md").decode()
    assert "municipality_code" in frame.columns and len(frame) >= 1
    assert "## Tables" in readme and "### municipalities" in readme


# --- PowerPoint -----------------------------------------------------------------------------------------------

def pins(n: int = 2) -> list[dict]:
    out = []
    for i in range(n):
        chart = income_chart(title=f"Grafiek {i + 1}")
        out.append({"slug": f"grafiek_{i + 1}", "title": f"Grafiek {i + 1}", "subtitle": SUBTITLE,
                    "source": SOURCE, "spec": exports.spec_json(exports.chart_to_spec(chart)),
                    "data": pd.DataFrame({"a": [1]})})
    return out


@pytest.fixture(scope="module")
def deck_bytes() -> bytes:
    return exports.build_deck(pins(2), title="Lokale teams", filters=SUBTITLE, today=dt.date(2019, 9, 30),
                              citation=report_citation("nl"))


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


def test_deck_without_pins_still_opens():
    prs = Presentation(io.BytesIO(exports.build_deck([], citation=report_citation("nl"))))
    assert len(prs.slides) == 2


def test_english_deck_cites_and_speaks_english():
    prs = Presentation(io.BytesIO(exports.build_deck([], lang="en", citation=report_citation("en"),
                                                     today=dt.date(2019, 9, 30))))
    first, closing = (" ".join(sh.text_frame.text for sh in slide.shapes if sh.has_text_frame) for slide in prs.slides)
    assert "30 September 2019" in first and "Source: KPMG (2019)" in first and "no filters" in first
    assert "Sources and how to cite" in closing and "Commissioned by the Ministry of VWS" in closing
    assert "Bron" not in first + closing and "opdracht" not in first + closing


def test_english_selection_readme_cites_the_report_in_english_from_the_warehouse(con):
    title, subtitle = con.execute("select title, subtitle from source where source_id = 'kpmg_2019'").fetchone()
    code = con.execute("select min(municipality_code) from municipality").fetchone()[0]
    book = openpyxl.load_workbook(io.BytesIO(exports.dataset_download(con, "xlsx", lang="en", codes=[code])))
    text = " ".join(str(v) for row in book["README"].iter_rows(values_only=True) for v in row if v)
    assert "Commissioned by the Ministry of VWS" in text and "In opdracht" not in text
    assert title in text and (not subtitle or subtitle in text)
    assert "no filters" in text


@pytest.mark.slow
def test_deck_opens_in_libreoffice_without_repair(deck_bytes, tmp_path):
    office = shutil.which("libreoffice") or shutil.which("soffice")
    if office is None:
        pytest.skip("libreoffice is not installed; the python-pptx read-back tests still ran")
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(deck_bytes)
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        [office, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(deck)],
        capture_output=True, text=True, timeout=180,
    )
    pdf = tmp_path / "deck.pdf"
    assert result.returncode == 0 and pdf.is_file(), result.stdout + result.stderr
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data)) == 4  # title, two charts, closing


def test_private_renders_stay_out_of_the_shared_cache():
    """Images of a user's own municipality must not outlive the session in a process-wide cache."""
    exports.clear_render_cache()
    private_png = exports.chart_png(income_chart(), title=TITLE, source=SOURCE, cache=False)
    exports.chart_svg(income_chart(), title=TITLE, source=SOURCE, cache=False)
    assert private_png[:8] == b"\x89PNG\r\n\x1a\n"
    assert len(exports.images._render_cache._data) == 0
    exports.chart_png(income_chart(), title=TITLE, source=SOURCE)
    assert len(exports.images._render_cache._data) == 1
