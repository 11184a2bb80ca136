"""Contrasten: patterns across the filtered municipalities.

(a) heatmap municipality × basic function, (b) org-model matrix, (c) scatter of two indicators,
(d) one indicator split by the values of one dimension, (e) deviation from the national reference.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.core import chart_text, charts, confidence
from dashboard.core.i18n import STRINGS, column, lang_code, t
from dashboard.runtime import db, state
from dashboard.ui import common
from dashboard.ui.chart_panel import prepare, render_chart

VIEWS = ("heatmap", "matrix", "scatter", "groups", "deviation")
# Selectbox keys end in the language: a widget keeps showing the option text it was drawn with, so after a
# language switch a new widget is drawn; its value carries over through the URL (state.bind/sync).
# Narrow screens: the grid scrolls sideways. Wide screens (1600 px and up): the SVG grows with the page, up
# to 1.4 times its size, so the words in the cells are easier to read from a distance.
MATRIX_SCROLL_CSS = """<style>
.st-key-ct_matrix_box [data-testid="stVegaLiteChart"] { overflow-x: auto; max-width: 100%; }
@media (min-width: 1600px) {
  .st-key-ct_matrix_box [data-testid="stVegaLiteChart"] svg.marks { width: 1130px; height: auto; }
}
</style>"""


def _subtitle(ftext: str, lang: str, producers=()) -> list[str]:
    return charts.subtitle_lines(ftext, common.chart_source(lang, producers), width=110)


def _indicator_label(indicators: pd.DataFrame, lang: str):
    col = column("label", lang)
    labels = dict(zip(indicators["indicator_id"], indicators[col], strict=True))
    return lambda i: labels.get(i, i)


def _memo(view: str, params: tuple, build):
    """One contrast view's drawing for this build, filter state and language (plus the view's own params)."""
    return db.per_build(("contrasts", view, state.filters_key(), *params), build, large=True)


def indicator_context(codes: list[str], lang: str) -> dict:
    """The indicator values of the filtered municipalities and the choices built from them: once per build,
    set of municipalities and language (filter states that select the same municipalities share it: nothing
    in it names the filters). Shared: do not change."""

    def build() -> dict:
        values = db.query("indicator_values")
        values = common.in_language(values[values["municipality_code"].isin(codes)], lang)
        indicators = db.query("indicators")
        return {
            "values": values,
            "indicators": indicators,
            "label": _indicator_label(indicators, lang),
            "units": dict(zip(indicators["indicator_id"], indicators["unit"], strict=True)),
            **charts.indicator_choices(values),
        }

    return db.per_build(("contrasts", "context", tuple(codes), lang), build, large=True)


def heatmap(codes, lab, lang, ftext):
    def build():
        overview = db.query("overview")
        shown = overview[overview["municipality_code"].isin(codes)]
        hl = db.query("highlights")
        hl = hl[hl["municipality_code"].isin(codes)]
        chart = charts.function_heatmap(
            hl,
            shown,
            db.query("basic_functions"),
            title=t("core_heatmap_title", lang),
            subtitle=_subtitle(ftext, lang),
            lang=lang,
        )
        data = hl.merge(shown[["municipality_code", "name"]], on="municipality_code")
        return prepare(chart, data=data, lang=lang, family="heatmap"), data

    prep, data = _memo("heatmap", (lang,), build)
    render_chart(prep, slug="contrast_basisfuncties", data=data, lang=lang, key="ct_heat", family="heatmap")
    st.caption(t("core_heatmap_help", lang))


def matrix(codes, lab, lang, ftext):
    agreed_only = state.current_filters().agreed_only

    def build():
        org = db.query("org_matrix")
        org = org[org["municipality_code"].isin(codes)]
        org = confidence.with_confidence(org, lang, agreed_only)
        org = org[~org["hidden"]]  # hidden by the switch: an empty cell, never the grey 'not reported'
        chart = charts.org_matrix_chart(
            org,
            matrix_key(lang),
            confidence.with_tentative_labels(db.query("dimensions")),
            title=t("core_matrix_title", lang),
            subtitle=_subtitle(ftext, lang),
            lang=lang,
            key_title=t("core_matrix_key", lang),
        )
        return (
            prepare(chart, data=org, lang=lang, family="org_matrix", table=matrix_table(org, lang)),
            org,
            confidence.has_status(org),
        )

    prep, org, has_status = _memo("matrix", (lang, agreed_only), build)
    # The grid keeps its cell size (words must stay readable); on a narrow screen it scrolls sideways
    # instead of being cut off.
    st.markdown(MATRIX_SCROLL_CSS, unsafe_allow_html=True)
    with st.container(key="ct_matrix_box"):
        render_chart(
            prep,
            slug="contrast_organisatiemodel",
            data=org,
            lang=lang,
            key="ct_matrix",
            width="content",
            family="org_matrix",
        )
    st.caption(t("core_matrix_help", lang))
    if has_status:
        st.caption(t("rel_matrix_mark", lang))
    if agreed_only:
        st.caption(t("rel_matrix_hidden", lang))


def matrix_key(lang: str):
    """The matrix's colours and words per (dimension, value): from the codebook alone, so once per build and
    language, whatever the filters. Shared: do not change."""

    def build():
        values = db.query("dimension_values")
        return charts.org_matrix_key(values, lang, short_labels(values, lang))

    return db.per_build(("matrix_key", lang), build)


def matrix_table(org: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The matrix as a readable table (its "show as table" view): municipality, dimension, value, the
    justification and, with double coding, the coding status; not every id and both languages' columns (at
    2000 municipalities those more than doubled what every rerun sends)."""
    sfx = lang_code(lang)
    columns = {
        "municipality_name": t("ctext_col_municipality", lang),
        f"dimension_label_{sfx}": t("core_col_dimension", lang),
        f"value_label_{sfx}": t("core_col_value", lang),
        f"justification_{sfx}": t("core_col_justification", lang),
        "locator": t("ctext_col_locator", lang),
    }
    if confidence.has_status(org):
        columns["status"] = t("rel_col_coding", lang)
    present = {c: name for c, name in columns.items() if c in org.columns}
    return org[list(present)].rename(columns=present).reset_index(drop=True)


def short_labels(values: pd.DataFrame, lang: str) -> dict[tuple[str, str], str]:
    """The cell words per (dimension, value) from the text catalogue; values without an entry are left out
    (the chart then shows their full label, cut to fit)."""
    out = {}
    for dim, value in zip(values["dimension_id"], values["value_id"], strict=True):
        key = f"core_orgshort_{dim}__{value}"
        if key in STRINGS:
            out[(dim, value)] = t(key, lang)
    return out


def scatter(codes, lab, lang, ftext, ctx):
    eligible, label = ctx["eligible"], ctx["label"]
    if len(eligible) < 2:
        st.info(t("core_scatter_too_few", lang), icon=":material/scatter_plot:")
        return
    dims = lab.dimension_ids()
    dx, dy = ctx["pair"]
    state.bind(f"ct_x_{lang}", "x", default=dx, parse=state.choice_parse(eligible), valid=lambda v: v in eligible)
    state.bind(f"ct_y_{lang}", "y", default=dy, parse=state.choice_parse(eligible), valid=lambda v: v in eligible)
    state.bind(
        f"ct_color_{lang}", "sc_color", default="team_scope", parse=state.choice_parse(dims), valid=lambda v: v in dims
    )
    c1, c2, c3 = st.columns(3)
    c1.selectbox(t("core_scatter_x", lang), eligible, format_func=label, key=f"ct_x_{lang}")
    c2.selectbox(t("core_scatter_y", lang), eligible, format_func=label, key=f"ct_y_{lang}")
    c3.selectbox(t("core_colour_by", lang), dims, format_func=lab.dimension_choice, key=f"ct_color_{lang}")
    state.sync(f"ct_x_{lang}", "x", default=dx)
    state.sync(f"ct_y_{lang}", "y", default=dy)
    state.sync(f"ct_color_{lang}", "sc_color", default="team_scope")
    x_id, y_id = st.session_state[f"ct_x_{lang}"], st.session_state[f"ct_y_{lang}"]
    dim = st.session_state[f"ct_color_{lang}"]
    st.caption(t("core_scatter_help", lang))
    if x_id == y_id:
        st.info(t("core_scatter_same", lang), icon=":material/info:")
        return
    agreed_only = state.current_filters().agreed_only

    def build():
        values = ctx["values"]
        value_order, value_labels = confidence.value_choices(lab.value_ids(dim), lab.value_map(dim), agreed_only, lang)
        org = confidence.hide_excluded(db.query("org_matrix"), agreed_only, lang)
        pts = charts.prepare_scatter(values, db.query("overview"), org, x_id, y_id, dim, value_labels, lang)
        if len(pts) < 3:
            return None, pts
        units = ctx["units"]
        producers = values[values["indicator_id"].isin([x_id, y_id])]["source_producer"].tolist()
        chart = charts.scatter_chart(
            pts,
            x_title=chart_text.without_reference(label(x_id)),
            y_title=chart_text.without_reference(label(y_id)),
            x_unit=units[x_id],
            y_unit=units[y_id],
            value_order=value_order,
            value_labels=value_labels,
            colour_title=lab.dimension(dim),
            title=t("core_scatter_title", lang, n=len(pts)),
            subtitle=_subtitle(ftext, lang, producers),
            lang=lang,
        )
        return prepare(chart, data=pts, lang=lang, family="scatter"), pts

    prep, pts = _memo("scatter", (lang, agreed_only, x_id, y_id, dim), build)
    if prep is None:
        st.info(t("core_scatter_no_overlap", lang, n=len(pts)), icon=":material/info:")
        return
    render_chart(prep, slug=f"contrast_{x_id}_{y_id}", data=pts, lang=lang, key="ct_scatter", family="scatter")


def groups(codes, lab, lang, ftext, ctx):
    label = ctx["label"]
    if not ctx["eligible"]:
        st.info(t("core_scatter_too_few", lang), icon=":material/info:")
        return
    dims = lab.dimension_ids()
    eligible = ctx["by_coverage"]
    state.bind(
        f"ct_ind_{lang}", "ind", default=eligible[0], parse=state.choice_parse(eligible), valid=lambda v: v in eligible
    )
    state.bind(f"ct_dim_{lang}", "dim", default="team_scope", parse=state.choice_parse(dims), valid=lambda v: v in dims)
    c1, c2 = st.columns(2)
    c1.selectbox(t("core_indicator", lang), eligible, format_func=label, key=f"ct_ind_{lang}")
    c2.selectbox(t("core_split_by", lang), dims, format_func=lab.dimension_choice, key=f"ct_dim_{lang}")
    state.sync(f"ct_ind_{lang}", "ind", default=eligible[0])
    state.sync(f"ct_dim_{lang}", "dim", default="team_scope")
    ind, dim = st.session_state[f"ct_ind_{lang}"], st.session_state[f"ct_dim_{lang}"]
    agreed_only = state.current_filters().agreed_only

    def build():
        value_order, value_labels = confidence.value_choices(lab.value_ids(dim), lab.value_map(dim), agreed_only, lang)
        org = confidence.hide_excluded(db.query("org_matrix"), agreed_only, lang)
        pts = charts.prepare_group_contrast(ctx["values"], org, ind, dim, value_order, value_labels, lang)
        producers = pts["source_producer"].tolist()
        chart = charts.group_contrast_chart(
            pts,
            indicator_title=chart_text.without_reference(label(ind)),
            unit=ctx["units"][ind],
            group_title=lab.dimension(dim),
            value_order=value_order,
            value_labels=value_labels,
            title=t("core_groups_title", lang, indicator=label(ind), dimension=lab.dimension(dim)),
            subtitle=_subtitle(ftext, lang, producers),
            lang=lang,
        )
        return prepare(chart, data=pts, lang=lang, family="groups"), pts

    prep, pts = _memo("groups", (lang, agreed_only, ind, dim), build)
    render_chart(prep, slug=f"contrast_{ind}_{dim}", data=pts, lang=lang, key="ct_groups", family="groups")
    st.caption(t("core_groups_help", lang))


def deviation(codes, lab, lang, ftext, ctx):
    eligible, label = ctx["with_reference"], ctx["label"]
    if not eligible:
        st.info(t("core_deviation_none", lang), icon=":material/info:")
        return
    state.bind(
        f"ct_dev_{lang}", "dev", default=eligible[0], parse=state.choice_parse(eligible), valid=lambda v: v in eligible
    )
    st.selectbox(t("core_indicator", lang), eligible, format_func=label, key=f"ct_dev_{lang}")
    state.sync(f"ct_dev_{lang}", "dev", default=eligible[0])
    ind = st.session_state[f"ct_dev_{lang}"]

    def build():
        pts = charts.prepare_deviation(ctx["values"], ind, lang)
        chart = charts.deviation_chart(
            pts,
            indicator_title=label(ind),
            unit=ctx["units"][ind],
            title=t("core_deviation_title", lang, indicator=label(ind)),
            subtitle=_subtitle(ftext, lang, pts["source_producer"].tolist()),
            lang=lang,
        )
        return prepare(chart, data=pts, lang=lang, family="deviation"), pts

    prep, pts = _memo("deviation", (lang, ind), build)
    render_chart(prep, slug=f"contrast_afwijking_{ind}", data=pts, lang=lang, key="ct_dev_chart", family="deviation")
    st.caption(t("core_deviation_help", lang))


def render() -> None:
    lang = state.current_lang()
    lab = common.labels(lang)
    codes = state.filtered_codes()
    st.title(t("core_page_contrasts", lang))
    st.caption(t("core_contrasts_intro", lang))
    state.bind("ct_view", "contrast", default="heatmap", parse=state.choice_parse(VIEWS))
    st.segmented_control(
        t("core_contrast_view", lang),
        VIEWS,
        format_func=lambda v: t(f"core_contrast_{v}", lang),
        key="ct_view",
        label_visibility="collapsed",
    )
    if st.session_state.get("ct_view") is None:
        st.session_state["ct_view"] = "heatmap"
    state.sync("ct_view", "contrast", default="heatmap")
    if not codes:
        common.empty_state(lang, key="ct_empty_reset")
        return
    view = st.session_state["ct_view"]
    ftext = common.filters_text(lang, lab)
    if view == "heatmap":
        heatmap(codes, lab, lang, ftext)
    elif view == "matrix":
        matrix(codes, lab, lang, ftext)
    else:
        ctx = indicator_context(codes, lang)
        {"scatter": scatter, "groups": groups, "deviation": deviation}[view](codes, lab, lang, ftext, ctx)


render()
