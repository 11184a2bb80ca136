"""How to cite the report and this dashboard, composed from the report's entry in the source list.

The report's title and subtitle are stored as separate fields, so the citation has one source of truth;
every page, export and slide that cites the report calls report_citation(lang, source). Code that reads
the warehouse (the dashboard, `python -m etl export`) passes the warehouse's source row (report_source);
only without one does this module read data/reference/sources.yaml.
"""

from collections.abc import Mapping
from functools import cache
from typing import Any

import yaml

from etl.paths import DATA_DIR

REPORT_SOURCE_ID = "kpmg_2019"


@cache
def _report_source_yaml() -> dict:
    sources = yaml.safe_load((DATA_DIR / "reference" / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    return next(s for s in sources if s["id"] == REPORT_SOURCE_ID)


def report_source(sources: Any) -> dict | None:
    """The report's row of the warehouse's source table (a DataFrame with source_id, title, subtitle)."""
    if sources is None or "source_id" not in getattr(sources, "columns", ()):
        return None
    rows = sources[sources["source_id"] == REPORT_SOURCE_ID]
    return None if rows.empty else rows.iloc[0].to_dict()


def report_title(source: Mapping[str, Any] | None = None) -> str:
    """'Title: subtitle' of the KPMG report."""
    source = source or _report_source_yaml()
    subtitle = source.get("subtitle")
    return f"{source['title']}: {subtitle}" if isinstance(subtitle, str) and subtitle else str(source["title"])


_COMMISSIONED = {
    "nl": "In opdracht van het Ministerie van VWS, kenmerk",
    "en": "Commissioned by the Ministry of VWS, reference",
}


def report_citation(lang: str = "nl", source: Mapping[str, Any] | None = None) -> str:
    commissioned = _COMMISSIONED.get(lang, _COMMISSIONED["nl"])
    return f"KPMG (2019). {report_title(source)}. {commissioned} A1900017004."


def dashboard_citation(lang: str = "nl") -> str:
    if lang == "nl":
        return "Dashboard lokale-teams: interactieve weergave van Bijlage 2 van het KPMG-rapport (2019)."
    return "Dashboard lokale-teams: interactive view of Appendix 2 of the KPMG report (2019)."
