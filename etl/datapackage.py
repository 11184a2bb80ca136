"""What travels with every data download: the Frictionless `datapackage.json` and the README.

Pure functions of the tables (etl/export_tables.py registry + the DataFrames read from the warehouse), so
`python -m etl export` and the dashboard's downloads describe the files in exactly the same words:

    descriptor(tables, fmt="csv", lang="en", meta=meta)          # dict, json.dumps it to datapackage.json
    readme_markdown(tables, fmt="csv", lang="nl", meta=meta)     # README.md text for a zip
    readme_rows(tables, fmt="xlsx", lang="nl", meta=meta)        # (label, text) rows for the README sheet

Field types follow the pandas dtypes the warehouse query gave (DuckDB INTEGER -> integer, DOUBLE -> number,
BOOLEAN -> boolean, VARCHAR -> string), so the descriptor can never claim a type the file does not have.
The descriptor follows Frictionless Data Package v1 (profile tabular-data-package), which every
Frictionless tool reads; units are a `unit` property on a field (Table Schema allows extra properties).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd

from etl.build import DATA_VERSION
from etl.citation import dashboard_citation, report_citation, report_source
from etl.export_tables import TABLES, ExportTable

FORMATS = ("csv", "xlsx", "parquet")
PACKAGE_NAME = "lokale-teams"
MEDIATYPES = {
    "csv": "text/csv",
    "parquet": "application/vnd.apache.parquet",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
REGISTRY: dict[str, ExportTable] = {table.name: table for table in TABLES}


@dataclass(frozen=True)
class Selection:
    """A download restricted to some municipalities: which ones and the filters in words."""

    codes: tuple[str, ...]
    filters: str


def field_type(series: pd.Series) -> str:
    """Table Schema type of a column, from its dtype (nullable integers are integers, never numbers)."""
    dtype = series.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return "boolean"
    if pd.api.types.is_integer_dtype(dtype):
        return "integer"
    if pd.api.types.is_float_dtype(dtype):
        return "number"
    return "string"


def resource_path(name: str, fmt: str) -> str:
    return f"{name}.{fmt}"


def _schema(table: ExportTable, df: pd.DataFrame, lang: str) -> dict:
    fields = []
    for column in df.columns:
        doc = table.field(column)
        entry = {"name": column, "type": field_type(df[column])}
        if doc is not None:
            entry["description"] = doc.description(lang)
            if doc.unit:
                entry["unit"] = unit_text(doc.unit, lang)
        if column in table.primary_key:
            entry["constraints"] = {"required": True}
        fields.append(entry)
    schema: dict = {"fields": fields, "missingValues": [""], "primaryKey": list(table.primary_key)}
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": list(key.fields), "reference": {"resource": key.resource, "fields": list(key.reference)}}
            for key in table.foreign_keys
        ]
    return schema


def _texts(lang: str) -> dict[str, str]:
    nl = lang == "nl"
    return {
        "title": "Lokale teams: hoe 16 Nederlandse gemeenten hun lokale teams organiseren (tidy data)"
        if nl
        else "Lokale teams: how 16 Dutch municipalities organise their local social teams (tidy data)",
        "description": (
            "Feiten en cijfers uit bijlage 2 van KPMG (2019), in opdracht van het ministerie van VWS, als "
            "nette tabellen: één rij per waarneming, codes uitgelegd in codeboektabellen."
            if nl
            else "Facts and figures from appendix 2 of KPMG (2019), commissioned by the Dutch Ministry of VWS, as "
            "tidy tables: one row per observation, codes explained in codebook tables."
        ),
        "licence": (
            "Het rapport van KPMG (2019) zelf is 'alle rechten voorbehouden' en wordt niet overgenomen. Alleen "
            "feiten en cijfers komen eruit; alle teksten zijn samenvattingen in eigen woorden van het project "
            "lokale-teams. Noem het rapport (en de bron per cijfer) als je deze data gebruikt."
            if nl
            else "The KPMG (2019) report itself is 'all rights reserved' and is not reproduced. Only facts and figures "
            "are taken from it; every text is a summary in the lokale-teams project's own words. Cite the report "
            "(and the source given per figure) when you use these data."
        ),
        "licence_title": "Feiten en cijfers uit KPMG (2019); teksten in eigen woorden"
        if nl
        else "Facts and figures from KPMG (2019); texts in our own words",
    }


def descriptor(
    tables: Mapping[str, pd.DataFrame],
    *,
    fmt: str,
    lang: str = "en",
    meta: Mapping[str, str] | None = None,
    selection: Selection | None = None,
    workbook: str | None = None,
) -> dict:
    """The Frictionless Data Package descriptor for these tables written as `fmt` files.

    fmt csv / parquet: one file per table next to datapackage.json; fmt xlsx: `workbook` holds a sheet per
    table (named like the table). meta is the warehouse meta table (data_version, build_time, data_checksum).
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    meta = meta or {}
    words = _texts(lang)
    resources = []
    for name, df in tables.items():
        table = REGISTRY[name]
        resource = {
            "name": name,
            "title": table.title(lang),
            "profile": "tabular-data-resource",
            "path": workbook if fmt == "xlsx" else resource_path(name, fmt),
            "format": fmt,
            "mediatype": MEDIATYPES[fmt],
            "schema": _schema(table, df, lang),
        }
        if fmt == "csv":
            resource["encoding"] = "utf-8"
            resource["dialect"] = {"delimiter": ",", "quoteChar": '"', "doubleQuote": True, "header": True}
        if fmt == "xlsx":
            resource["dialect"] = {"excel": {"sheet": name[:31]}}  # Frictionless v5 Excel control
        resources.append(resource)
    description = words["description"]
    if selection is not None:
        description += " " + _selection_sentence(selection, lang)
    package: dict[str, object] = {
        "profile": "tabular-data-package",
        "name": PACKAGE_NAME if selection is None else f"{PACKAGE_NAME}-selection",
        "title": words["title"],
        "description": description,
        "version": meta.get("data_version", DATA_VERSION),
        "licenses": [{"name": "LicenseRef-lokale-teams", "title": words["licence_title"]}],
        "rights": words["licence"],
        "sources": [{"title": report_citation(lang, report_source(tables.get("sources")))}],
        "citation": f"{report_citation(lang, report_source(tables.get('sources')))} {dashboard_citation(lang)}",
        "keywords": ["lokale teams", "sociaal domein", "gemeenten", "Wmo", "Jeugdwet"],
        "language": lang,
        "resources": resources,
    }
    if meta.get("build_time"):
        package["created"] = meta["build_time"]
    if meta.get("data_checksum"):
        package["dataChecksum"] = meta["data_checksum"]
    if selection is not None:
        package["selection"] = {"municipality_codes": list(selection.codes), "filters": selection.filters}
    return package


def _selection_sentence(selection: Selection, lang: str) -> str:
    n = len(selection.codes)
    if lang == "nl":
        return f"Selectie van {n} gemeenten (filters: {selection.filters}); codeboek- en brontabellen zijn volledig."
    return f"Selection of {n} municipalities (filters: {selection.filters}); codebook and source tables are whole."


# --- README ---------------------------------------------------------------------------------------------------

_FORMAT_NOTES = {
    ("csv", "nl"): [
        (
            "Eén CSV-bestand per tabel: UTF-8, komma als scheidingsteken, kopregel, tekst tussen dubbele "
            "aanhalingstekens waar nodig. Een leeg veld betekent: niet gegeven in de schets (nooit nul of 'nee')."
        ),
        "Gehele getallen staan zonder decimalen; ja/nee-kolommen als True/False.",
        (
            "Een tekstcel die met =, +, -, @, tab of CR begint, krijgt een ' ervoor, zodat een spreadsheet haar "
            "niet als formule uitvoert. De Parquet-download bevat de tekst precies zoals opgeslagen."
        ),
    ],
    ("csv", "en"): [
        (
            "One CSV file per table: UTF-8, comma-separated, header row, text quoted with double quotes where "
            "needed. An empty field means: not given in the sketch (never zero or 'no')."
        ),
        "Integers are written without decimals; yes/no columns as True/False.",
        (
            "A text cell starting with =, +, -, @, tab or CR gets a leading ' so a spreadsheet does not run it as a "
            "formula. The Parquet download holds the text exactly as stored."
        ),
    ],
    ("xlsx", "nl"): [
        (
            "Eén werkblad per tabel, met dezelfde naam als de tabel; dit README-blad eerst. Een lege cel betekent: "
            "niet gegeven in de schets (nooit nul of 'nee')."
        ),
        (
            "Het blad datapackage bevat datapackage.json (Frictionless), één regel per rij: plak kolom A "
            "onder elkaar in een bestand naast de werkmap om het door software te laten lezen."
        ),
        (
            "Een tekstcel die met =, +, -, @, tab of CR begint, krijgt een ' ervoor, zodat Excel haar niet als "
            "formule uitvoert."
        ),
    ],
    ("xlsx", "en"): [
        (
            "One sheet per table, named like the table; this README sheet first. An empty cell means: not given in "
            "the sketch (never zero or 'no')."
        ),
        (
            "The datapackage sheet holds datapackage.json (Frictionless), one line per row: join column A into a "
            "file next to the workbook to let software read it."
        ),
        "A text cell starting with =, +, -, @, tab or CR gets a leading ' so Excel does not run it as a formula.",
    ],
    ("parquet", "nl"): [
        (
            "Eén Parquet-bestand per tabel, met de kolomtypen van het datawarehouse (gehele getallen als int32, "
            "decimale getallen als double, ja/nee als boolean). Een lege waarde (null) betekent: niet gegeven in "
            "de schets. Tekst staat er precies zoals opgeslagen."
        ),
    ],
    ("parquet", "en"): [
        (
            "One Parquet file per table, with the warehouse's column types (integers as int32, decimals as double, "
            "yes/no as boolean). A null means: not given in the sketch. Text is exactly as stored."
        ),
    ],
}

_LABELS = {
    "nl": {
        "what": "Wat",
        "selection": "Selectie",
        "cite": "Zo citeer je",
        "licence": "Rechten",
        "version": "Dataversie",
        "built": "Gebouwd op",
        "checksum": "Controlegetal data",
        "files": "Bestanden",
        "format": "Bestandsformaat",
        "descriptor": "Beschrijving voor software",
        "tables": "Tabellen",
        "column": "Kolom",
        "type": "Type",
        "unit": "Eenheid",
        "meaning": "Betekenis",
        "key": "Sleutel",
        "refs": "Verwijst naar",
        "rows": "rijen",
        "table": "tabel",
        "descriptor_text": "datapackage.json beschrijft elke tabel met kolomtypen, eenheden, sleutels en "
        "verwijzingen (Frictionless Data Package, te lezen met bv. frictionless of R/Python).",
        "all": "alle 16 gemeenten, geen filters",
        "municipalities": "aantal gemeenten",
    },
    "en": {
        "what": "What",
        "selection": "Selection",
        "cite": "How to cite",
        "licence": "Rights",
        "version": "Data version",
        "built": "Built at",
        "checksum": "Data checksum",
        "files": "Files",
        "format": "File format",
        "descriptor": "Description for software",
        "tables": "Tables",
        "column": "Column",
        "type": "Type",
        "unit": "Unit",
        "meaning": "Meaning",
        "key": "Key",
        "refs": "Refers to",
        "rows": "rows",
        "table": "table",
        "descriptor_text": "datapackage.json describes every table with column types, units, keys and "
        "references (Frictionless Data Package, readable with e.g. frictionless or R/Python).",
        "all": "all 16 municipalities, no filters",
        "municipalities": "number of municipalities",
    },
}


def _lang(lang: str) -> str:
    return "nl" if lang == "nl" else "en"


# Units are written in the README's and descriptor's language; Table Schema type names stay as they are in
# the descriptor (software reads them) and get a Dutch gloss in a Dutch README.
_UNITS_NL = {
    "persons": "personen",
    "year": "jaar",
    "decimal degrees (WGS84)": "decimale graden (WGS84)",
    "see column unit": "zie kolom unit",
    "teams": "teams",
}
_TYPES_NL = {
    "integer": "integer (geheel getal)",
    "number": "number (getal)",
    "string": "string (tekst)",
    "boolean": "boolean (ja/nee)",
}


def unit_text(unit: str | None, lang: str) -> str:
    if not unit:
        return ""
    return _UNITS_NL.get(unit, unit) if _lang(lang) == "nl" else unit


def type_text(type_name: str, lang: str) -> str:
    return _TYPES_NL.get(type_name, type_name) if _lang(lang) == "nl" else type_name


def _header_rows(tables, fmt, lang, meta, selection) -> list[tuple[str, str]]:
    lab = _LABELS[_lang(lang)]
    words = _texts(_lang(lang))
    meta = meta or {}
    chosen = (
        f"{lab['municipalities']}: {len(selection.codes)} · {selection.filters}"
        if selection is not None
        else lab["all"]
    )
    rows = [
        (lab["what"], words["description"]),
        (lab["selection"], chosen),
        (
            lab["cite"],
            (f"{report_citation(_lang(lang), report_source(tables.get('sources')))} {dashboard_citation(_lang(lang))}"),
        ),
        (lab["licence"], words["licence"]),
        (lab["version"], meta.get("data_version", DATA_VERSION)),
    ]
    if meta.get("build_time"):
        rows.append((lab["built"], meta["build_time"]))
    if meta.get("data_checksum"):
        rows.append((lab["checksum"], meta["data_checksum"]))
    rows += [(lab["format"], note) for note in _FORMAT_NOTES[(fmt, _lang(lang))]]
    rows.append((lab["descriptor"], lab["descriptor_text"]))
    return rows


def _key_text(table: ExportTable, lang: str) -> tuple[str, str]:
    key = ", ".join(table.primary_key)
    refs = "; ".join(f"{', '.join(k.fields)} -> {k.resource}.{', '.join(k.reference)}" for k in table.foreign_keys)
    return key, refs


def readme_rows(
    tables: Mapping[str, pd.DataFrame],
    *,
    fmt: str = "xlsx",
    lang: str = "en",
    meta: Mapping[str, str] | None = None,
    selection: Selection | None = None,
) -> list[tuple[str, str]]:
    """README sheet rows (label, text) in one language: provenance, then per table and column its meaning."""
    lab = _LABELS[_lang(lang)]
    rows = _header_rows(tables, fmt, lang, meta, selection)
    for name, df in tables.items():
        table = REGISTRY[name]
        key, refs = _key_text(table, lang)
        text = f"{table.title(lang)} ({len(df)} {lab['rows']}). {lab['key']}: {key}"
        rows.append((name, text + (f". {lab['refs']}: {refs}" if refs else "")))
        for column in df.columns:
            doc = table.field(column)
            parts = [type_text(field_type(df[column]), lang)]
            if doc is not None and doc.unit:
                parts.append(unit_text(doc.unit, lang))
            parts.append(doc.description(lang) if doc is not None else "")
            rows.append((f"{name}.{column}", " · ".join(parts)))
    return rows


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|")


def readme_markdown(
    tables: Mapping[str, pd.DataFrame],
    *,
    fmt: str,
    lang: str = "en",
    meta: Mapping[str, str] | None = None,
    selection: Selection | None = None,
    files: Sequence[str] | None = None,
) -> str:
    """README.md for a folder or zip of `fmt` files, in one language."""
    lab = _LABELS[_lang(lang)]
    lines = [f"# {_texts(_lang(lang))['title']}", ""]
    for label, text in _header_rows(tables, fmt, lang, meta, selection):
        lines.append(f"- **{label}**: {text}")
    lines += ["", f"## {lab['files']}", ""]
    for name in files or ["datapackage.json", *[resource_path(n, fmt) for n in tables]]:
        stem = name.rsplit(".", 1)[0]
        title = (
            REGISTRY[stem].title(lang)
            if stem in REGISTRY
            else (lab["descriptor"] if name == "datapackage.json" else "")
        )
        rows = f" ({len(tables[stem])} {lab['rows']})" if stem in tables else ""
        lines.append(f"- `{name}`: {title}{rows}")
    lines += ["", f"## {lab['tables']}"]
    for name, df in tables.items():
        table = REGISTRY[name]
        key, refs = _key_text(table, lang)
        lines += ["", f"### {name}", "", f"{table.title(lang)}. {lab['key']}: `{key}`."]
        if refs:
            lines.append(f"{lab['refs']}: {refs}.")
        lines += ["", f"| {lab['column']} | {lab['type']} | {lab['unit']} | {lab['meaning']} |", "|---|---|---|---|"]
        for column in df.columns:
            doc = table.field(column)
            unit = unit_text(doc.unit, lang) if doc is not None else ""
            meaning = doc.description(lang) if doc is not None else ""
            kind = type_text(field_type(df[column]), lang)
            lines.append(f"| `{column}` | {kind} | {_cell(unit)} | {_cell(meaning)} |")
    return "\n".join(lines) + "\n"
