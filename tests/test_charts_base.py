"""The frame every chart shares (dashboard/core/charts/base.py): the source line. No browser.

Why: an export travels alone; without its source line it could not be cited.
"""

from __future__ import annotations

from dashboard.core import charts as c


def test_source_line_names_indicator_sources():
    assert c.source_line("nl", ["CBS", "VNG", "CBS", "KPMG"]) == (
        "Bron: KPMG (2019), Basisfuncties voor lokale teams in kaart, bijlage 2; cijfers in de schetsen uit CBS, VNG"
    )
