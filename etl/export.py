"""Tidy export tables and their writers (CSV, Parquet, one XLSX workbook). Pure: no Streamlit, no CLI.

`python -m etl export` and the dashboard's download buttons both use this module, so a researcher gets
the same columns whichever way they download:

    tables = read_export_tables(con)                      # dict name -> DataFrame, in EXPORT_TABLES order
    write_csv_dir(tables, Path("exports"))                # exports/municipalities.csv, ...
    write_parquet_dir(tables, Path("exports"))            # exports/municipalities.parquet, ...
    write_xlsx(tables, buffer_or_path, default_readme_rows(meta)) # one workbook, README sheet first

Spreadsheet safety: a text cell that starts with =, +, -, @, a tab or a carriage return is run as a formula
by Excel and LibreOffice (CSV/formula injection). CSV and XLSX writers prefix such cells with a single quote
(`neutralise_formulas`). Parquet is not opened by spreadsheets and keeps the text exactly as stored.
"""
from __future__ import annotations

import re
from collections import OrderedDict
from io import BytesIO
from pathlib import Path

import duckdb
import pandas as pd

from etl.build import DATA_VERSION

LICENCE_NOTE = (
    "Data curated by the lokale-teams project from KPMG (2019), 'Basisfuncties voor lokale teams in kaart', "
    "commissioned by the Dutch Ministry of VWS. Only facts and figures are taken from the report; all texts "
    "are summaries in our own words. The report itself is 'alle rechten voorbehouden' and is not reproduced. "
    "Cite the report (and the source named per figure) when you use these data."
)

# name -> SQL. Ordered: the order of files in the README and of sheets in the workbook.
EXPORT_TABLES: OrderedDict[str, str] = OrderedDict(
    municipalities="""
        select municipality_code, name, official_name, province, appendix_letter, population,
               population_qualifier, latitude, longitude, slug, population_year, population_source
        from municipality
        order by municipality_code""",
    indicator_values="""
        select v.municipality_code, v.indicator_id, v.value, i.unit, v.national_reference, v.qualifier, v.year,
               v.source_id as source, v.locator, v.value_upper, v.period, v.area, v.note_nl as note, v.note_en
        from indicator_value v
        join indicator i using (indicator_id)
        order by v.indicator_value_id""",
    indicators="""
        select indicator_id, label_nl, label_en, unit, definition, definition_nl, comparability_group,
               comparable_across_municipalities
        from indicator
        order by comparability_group, indicator_id""",
    teams="""
        select municipality_code, team_name, team_kind, team_count, count_qualifier, target_group, operated_by,
               direct_access, description_nl, description_en, locator
        from team
        order by municipality_code, ordinal""",
    org_choices="""
        select c.municipality_code, c.dimension_id, c.value_id, c.justification_nl as justification,
               c.justification_en, c.locator
        from org_choice c
        join org_dimension d using (dimension_id)
        order by c.municipality_code, d.ordinal""",
    org_values="""
        select v.dimension_id, d.label_nl as dimension_label_nl, d.label_en as dimension_label_en,
               v.value_id, v.label_nl, v.label_en, v.definition_nl, v.definition_en
        from org_value v
        join org_dimension d using (dimension_id)
        order by d.ordinal, v.ordinal""",
    practices="""
        select municipality_code, basic_function_id, title_nl, summary_nl, title_en, summary_en, locator
        from practice
        order by municipality_code, ordinal""",
    basic_functions="""
        select basic_function_id, name_nl, name_en, description_nl, description_en
        from basic_function
        order by ordinal""",
    sources="""
        select source_id, producer, title, subtitle, year, date_published, publisher, kind, licence, cited_in
        from source
        order by source_id""",
)

# Column definitions for the README sheet (and data/README.md). Units are stated where a column has one.
COLUMN_DOCS: dict[str, dict[str, str]] = {
    "municipalities": {
        "municipality_code": "CBS gemeentecode of 2019, e.g. GM0363 (Amsterdam); key of every other table",
        "name": "Display name",
        "official_name": "Official name where it differs ('s-Gravenhage for Den Haag)",
        "province": "Province",
        "appendix_letter": "Letter of the municipality's sketch in Bijlage 2 of the report (a-p)",
        "population": "Number of inhabitants as given in the sketch (persons)",
        "population_qualifier": "exact | approx ('ca.') | more_than | less_than",
        "latitude": "Approximate centroid, decimal degrees (WGS84), for the map only",
        "longitude": "Approximate centroid, decimal degrees (WGS84), for the map only",
        "slug": "File name of the source file in data/gemeenten/",
        "population_year": "Year of the population figure; empty when the sketch gives none",
        "population_source": "Source id of the population figure (see sources)",
    },
    "indicator_values": {
        "municipality_code": "Municipality (see municipalities)",
        "indicator_id": "Indicator definition (see indicators); compare values only within one indicator_id",
        "value": "Reported value, in the indicator's unit; the lower bound when qualifier is range",
        "unit": "percent (0-100) | euro | count | years",
        "national_reference": "National figure the sketch gives next to the value; empty when none is given",
        "qualifier": "exact | approx ('ca.') | more_than | less_than | range",
        "year": "Reference year; empty when the sketch gives none",
        "source": "Source id (see sources)",
        "locator": "Where in the report the figure is found",
        "value_upper": "Upper bound when qualifier is range",
        "period": "Period for growth figures, e.g. 2009-2018",
        "area": "Named district when the figure is not for the whole municipality",
        "note": "Remark on the figure (Dutch)",
        "note_en": "Remark on the figure (English)",
    },
    "indicators": {
        "indicator_id": "Indicator id; one id per definition",
        "label_nl": "Label (Dutch)",
        "label_en": "Label (English)",
        "unit": "percent (0-100) | euro | count | years",
        "definition": "Definition (English)",
        "definition_nl": "Definition (Dutch)",
        "comparability_group": "Indicators on a similar theme with different definitions; never on one axis",
        "comparable_across_municipalities": "False when values of this indicator differ in period or scope",
    },
    "teams": {
        "municipality_code": "Municipality (see municipalities)",
        "team_name": "Name of the team (type) as the sketch gives it",
        "team_kind": "wijkteam | toegangsteam | jeugd_gezinsteam | loket | front_office | expertiseteam | "
                     "outreach_team | municipal_team | other",
        "team_count": "Number of teams of this type; empty when not reported",
        "count_qualifier": "exact | approx | more_than | not_reported",
        "target_group": "all_ages | youth_family | adults | not_reported",
        "operated_by": "Who runs or employs the team; not_reported when the sketch is silent",
        "direct_access": "Can residents go to the team directly: yes | no | not_reported",
        "description_nl": "Short description in our own words (Dutch)",
        "description_en": "Short description in our own words (English)",
        "locator": "Where in the report this is found",
    },
    "org_choices": {
        "municipality_code": "Municipality (see municipalities)",
        "dimension_id": "Dimension of the organisational model (see org_values)",
        "value_id": "Coded value; not_reported means the sketch does not say (never the same as 'no')",
        "justification": "Why this value was coded (Dutch, own words)",
        "justification_en": "Why this value was coded (English, own words)",
        "locator": "Where in the report the evidence is found",
    },
    "org_values": {
        "dimension_id": "Dimension of the organisational model",
        "dimension_label_nl": "Dimension label (Dutch)",
        "dimension_label_en": "Dimension label (English)",
        "value_id": "Allowed value",
        "label_nl": "Value label (Dutch)",
        "label_en": "Value label (English)",
        "definition_nl": "What the value means (Dutch)",
        "definition_en": "What the value means (English)",
    },
    "practices": {
        "municipality_code": "Municipality (see municipalities)",
        "basic_function_id": "Basic function the example is listed under (see basic_functions)",
        "title_nl": "Title (Dutch, own words)",
        "summary_nl": "Summary (Dutch, own words)",
        "title_en": "Title (English, own words)",
        "summary_en": "Summary (English, own words)",
        "locator": "Where in the report the example is found",
    },
    "basic_functions": {
        "basic_function_id": "Id of the basic function (basisfunctie)",
        "name_nl": "Name (Dutch)",
        "name_en": "Name (English)",
        "description_nl": "Description (Dutch, own words)",
        "description_en": "Description (English, own words)",
    },
    "sources": {
        "source_id": "Source id used in the other tables",
        "producer": "Who produced the source",
        "title": "Title",
        "subtitle": "Subtitle (empty when none)",
        "year": "Year of the source; empty when unknown",
        "date_published": "Publication date (ISO) when known",
        "publisher": "Publisher",
        "kind": "report | website | statistics | policy document | project note",
        "licence": "Licence or rights statement when known",
        "cited_in": "Where the KPMG report cites the source",
    },
}

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# Control characters that the XLSX format cannot store (openpyxl refuses them).
_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def read_export_tables(con: duckdb.DuckDBPyConnection) -> dict[str, pd.DataFrame]:
    """Run every EXPORT_TABLES query on `con` (read-only is enough); returns name -> DataFrame in order."""
    return {name: con.execute(sql).df() for name, sql in EXPORT_TABLES.items()}


def neutralise_formulas(df: pd.DataFrame) -> pd.DataFrame:
    """Copy of df where every text cell a spreadsheet could run as a formula is prefixed with a single quote.

    A cell is dangerous when it starts with =, +, -, @ (or their full-width forms ＝ ＋ － ＠), a tab or a
    carriage return, also after leading whitespace, no-break spaces or line breaks (spreadsheets skip those).
    Only text cells change; numbers stay numbers, and text that is just a number ("-5", "+3.5") is left alone
    (a spreadsheet reads it as that number, never as a formula).
    """
    out = df.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(_neutralise_cell, na_action="ignore")
    return out


_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def _neutralise_cell(value):
    if not isinstance(value, str):
        return value
    if value.startswith(("\t", "\r")):
        return "'" + value
    start = value.lstrip()  # str.lstrip also removes no-break spaces, line breaks and other Unicode spaces
    if start.startswith(FORMULA_TRIGGERS) and not _PLAIN_NUMBER.fullmatch(start):
        return "'" + value
    return value


def default_readme_rows(
    meta: dict[str, str] | None = None, tables: dict[str, pd.DataFrame] | None = None
) -> list[tuple[str, str]]:
    """Rows (field, text) for the README sheet: provenance, licence, data version, every column's meaning.

    meta: the warehouse `meta` table as a dict (data_version, build_time, data_checksum); optional.
    tables: when given, only these tables' columns are described (in this order), else all EXPORT_TABLES.
    """
    meta = meta or {}
    rows = [
        ("title", "Lokale teams: how 16 Dutch municipalities organise local social teams (tidy data)"),
        ("source", "KPMG (2019), 'Basisfuncties voor lokale teams in kaart' (full title in the sources sheet), "
                   "commissioned by the Ministry of VWS. Bijlage 2 holds the municipality sketches (a-p)."),
        ("licence", LICENCE_NOTE),
        ("data_version", meta.get("data_version", DATA_VERSION)),
    ]
    rows += [(key, meta[key]) for key in ("build_time", "data_checksum") if key in meta]
    rows.append(("sources", "Every figure names its source id; the sources sheet lists them with title and producer."))
    for name in tables or EXPORT_TABLES:
        docs = COLUMN_DOCS.get(name, {})
        columns = list(tables[name].columns) if tables is not None else list(docs)
        rows.append((name, f"table with {len(columns)} columns"))
        rows += [(f"{name}.{col}", docs.get(col, "")) for col in columns]
    return rows


def write_csv_dir(tables: dict[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    """Write <out_dir>/<name>.csv per table (UTF-8, comma, header row, formulas neutralised); returns paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, df in tables.items():
        path = out_dir / f"{name}.csv"
        neutralise_formulas(df).to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
        paths.append(path)
    return paths


def write_parquet_dir(tables: dict[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    """Write <out_dir>/<name>.parquet per table (pyarrow, text kept exactly as stored); returns paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, df in tables.items():
        path = out_dir / f"{name}.parquet"
        df.to_parquet(path, index=False, engine="pyarrow")
        paths.append(path)
    return paths


def write_xlsx(
    tables: dict[str, pd.DataFrame],
    target: Path | str | BytesIO,
    readme_rows: list[tuple[str, str]] | None = None,
) -> None:
    """Write one workbook to a path or a BytesIO: a README sheet (if readme_rows is given) and a sheet per table.

    Sheet names are the table names (at most 31 characters, as Excel requires). Text is neutralised against
    formula injection and stripped of control characters XLSX cannot store. The header row is frozen.
    """
    with pd.ExcelWriter(target, engine="openpyxl") as writer:
        if readme_rows is not None:
            readme = pd.DataFrame(readme_rows, columns=["field", "description"])
            _write_sheet(writer, "README", readme, widths=(32, 120))
        for name, df in tables.items():
            _write_sheet(writer, name[:31], df)


def _write_sheet(writer: pd.ExcelWriter, sheet: str, df: pd.DataFrame, widths: tuple[int, ...] | None = None) -> None:
    clean = neutralise_formulas(df)
    for col in clean.columns:
        if clean[col].dtype == object or pd.api.types.is_string_dtype(clean[col]):
            clean[col] = clean[col].map(lambda v: _ILLEGAL_XLSX.sub("", v) if isinstance(v, str) else v)
    clean.to_excel(writer, sheet_name=sheet, index=False, freeze_panes=(1, 0))
    ws = writer.sheets[sheet]
    for i, col in enumerate(clean.columns):
        width = widths[i] if widths else min(60, max(10, len(str(col)) + 2))
        ws.column_dimensions[ws.cell(row=1, column=i + 1).column_letter].width = width

