"""Render a chart together with its downloads and the pin-to-presentation control.

Every page shows charts through render_chart(), so that exports and presentation mode work the same
for every chart. (Owned by the exports work; this first version only draws the chart.)
"""
import altair as alt
import pandas as pd
import streamlit as st


def render_chart(chart: alt.TopLevelMixin, *, slug: str, data: pd.DataFrame, lang: str, key: str) -> None:
    """slug names the chart in file names (e.g. 'contrast_inkomen'); data is the rows behind it."""
    st.altair_chart(chart, use_container_width=True)
