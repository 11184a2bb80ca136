"""The downloadable templates for a user's own municipality (YAML and CSV). Pure: no Streamlit.

The files are static, reviewed assets (dashboard/core/assets/); the CSV one is generated from the codebook by
make_template_csv, and a test checks that the asset still matches it.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from dashboard.core.similarity import Catalogue

ASSETS = Path(__file__).resolve().parent / "assets"
TEMPLATE_YAML = ASSETS / "peer_template.yaml"
TEMPLATE_CSV = ASSETS / "peer_template.csv"


def template_bytes(kind: str) -> bytes:
    """The downloadable templates (static, reviewed files: dashboard/core/assets/)."""
    return (TEMPLATE_YAML if kind == "yaml" else TEMPLATE_CSV).read_bytes()


def csv_columns(cat: Catalogue) -> list[str]:
    """The documented CSV columns, in template order."""
    return ["name", "population", *cat.comparable_indicators, *cat.dimensions]


# The example row of the CSV template: the same values as dashboard/core/assets/peer_template.yaml.
TEMPLATE_ROW = {
    "name": "Mijn gemeente",
    "population": "50000",
    "single_parent_households_pct": "7.0",
    "disposable_income_household_eur": "38000",
    "low_education_labour_force_pct": "15.0",
    "social_assistance_pct": "4.5",
    "team_scope": "integral_0_100",
    "support_provision": "provides_support",
    "resident_access": "direct",
    "triage": "by_team",
    "early_signalling": "with_team",
}


def make_template_csv(cat: Catalogue) -> str:
    """The CSV template for this codebook. Regenerate the asset after a codebook change with
    `python -c "from dashboard.core.peer_templates import write_template_csv; write_template_csv()"`."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    cols = csv_columns(cat)
    writer.writerow(cols)
    writer.writerow([TEMPLATE_ROW.get(c, "") for c in cols])
    return buf.getvalue()


def write_template_csv(warehouse: Path | None = None) -> None:
    """Developer helper (not used by the app): rewrite dashboard/core/assets/peer_template.csv from the warehouse."""
    import duckdb

    from dashboard.core import queries, settings
    from dashboard.core.similarity import catalogue_from_frames

    con = duckdb.connect(str(warehouse or settings.WAREHOUSE_PATH), read_only=True)
    try:
        cat = catalogue_from_frames(queries.indicators(con), queries.dimensions(con), queries.dimension_values(con))
    finally:
        con.close()
    TEMPLATE_CSV.write_text(make_template_csv(cat), encoding="utf-8")
