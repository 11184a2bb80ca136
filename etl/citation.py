"""How to cite the report and this dashboard, composed from data/reference/sources.yaml.

The report's title and subtitle are stored as separate fields there, so the citation has one source
of truth; every page, export and slide that cites the report calls report_citation().
"""
from functools import cache

import yaml

from etl.paths import DATA_DIR

REPORT_SOURCE_ID = "kpmg_2019"


@cache
def _report_source() -> dict:
    sources = yaml.safe_load((DATA_DIR / "reference" / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    return next(s for s in sources if s["id"] == REPORT_SOURCE_ID)


def report_title() -> str:
    """'Title: subtitle' of the KPMG report."""
    source = _report_source()
    return f"{source['title']}: {source['subtitle']}" if source.get("subtitle") else source["title"]


def report_citation(lang: str = "nl") -> str:
    commissioned = "In opdracht van het Ministerie van VWS" if lang == "nl" else "Commissioned by the Ministry of VWS"
    return f"KPMG (2019). {report_title()}. {commissioned}, kenmerk A1900017004."


def dashboard_citation(lang: str = "nl") -> str:
    if lang == "nl":
        return "Dashboard lokale-teams: interactieve weergave van Bijlage 2 van het KPMG-rapport (2019)."
    return "Dashboard lokale-teams: interactive view of Appendix 2 of the KPMG report (2019)."
