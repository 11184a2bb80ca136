"""Helpers for the export tests (tests/test_exports_*.py): a small income chart and the texts it carries."""

from __future__ import annotations

import altair as alt
import pandas as pd

TITLE = "Besteedbaar inkomen per huishouden"
SUBTITLE = "Provincie: Overijssel · Inwoners: 50.000–100.000"
SOURCE = "Bron: KPMG (2019), Bijlage 2; CBS Inkomen van huishoudens 2017"


def income_chart(**props) -> alt.LayerChart:
    df = pd.DataFrame({"gemeente": ["Almelo", "Enschede", "Hengelo"], "inkomen": [36500, 41000, 32200]})
    base = alt.Chart(df).encode(y=alt.Y("gemeente:N"), x=alt.X("inkomen:Q", title="Inkomen (€)"))
    return (
        base.mark_bar() + base.mark_text(align="left", dx=4).encode(text=alt.Text("inkomen:Q", format=",.0f"))
    ).properties(width="container", **props)
