"""Overzicht: the filtered municipalities as a table or cards, and a map of the Netherlands."""

from __future__ import annotations

import dataclasses

import pandas as pd
import streamlit as st

from dashboard.core import charts, confidence, journeys
from dashboard.core.formatting import fmt_list, fmt_population, fmt_team_count
from dashboard.core.i18n import t
from dashboard.core.safe_text import md_escape
from dashboard.runtime import db, state
from dashboard.ui import common
from dashboard.ui import journeys as journey_links
from dashboard.ui.chart_panel import prepare, render_chart
from dashboard.ui.data_downloads import render_data_downloads

WRAP_ROW_HEIGHT = 100  # Streamlit wraps text only in rows taller than 4rem; five lines fit the function list

# The map is drawn at one size (charts.MAP_PAGE_SIZE, fits a 390 px phone); a wide, tall window enlarges the whole
# drawing with CSS zoom: dots, names and legends grow together, so the names that map_labels placed apart stay
# apart, and clicks and tooltips still hit their dot (SVG events). The Netherlands is taller than wide, so on a
# landscape screen the window's height limits the map: each step needs both the width (map column = 3/5 of the
# page column) and the height to show the zoomed map whole.
MAP_ZOOM_CSS = """<style>
@media (min-width: 1400px) and (min-height: 760px) { .st-key-ov_map__chart .vega-embed { zoom: 1.3; } }
@media (min-width: 1700px) and (min-height: 900px) { .st-key-ov_map__chart .vega-embed { zoom: 1.6; } }
@media (min-width: 2400px) and (min-height: 1300px) { .st-key-ov_map__chart .vega-embed { zoom: 2.2; } }
</style>"""


def lower_first(text: str) -> str:
    """'Reikwijdte van het team' -> 'reikwijdte van het team' inside a sentence ('Eén' -> 'één')."""
    return "één" + text[3:] if text.startswith("Eén") else text[:1].lower() + text[1:]


def open_profile(slug: str) -> None:
    params = journeys.profile_params(journey_links.current_params(), slug)  # keeps language and filters
    st.switch_page(journeys.PROFILE_PAGE, query_params=params)


def selection(fkey: tuple, codes: list[str], agreed_only: bool, lang: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(org matrix with the switch applied, the filtered municipalities in name order): once per build,
    filter state and language. Shared frames: do not change them."""

    def build():
        overview = db.query("overview")
        # the sidebar switch: adjudicated codes become a 'hidden' value of their own (never 'not reported')
        org = confidence.hide_excluded(db.query("org_matrix"), agreed_only, lang)
        shown = overview[overview["municipality_code"].isin(codes)].sort_values("name", key=lambda s: s.str.casefold())
        hidden_scope = org[(org["dimension_id"] == "team_scope") & (org["value_id"] == confidence.HIDDEN_VALUE)]
        shown = shown.assign(
            team_scope=shown["team_scope"].where(
                ~shown["municipality_code"].isin(hidden_scope["municipality_code"]), confidence.HIDDEN_VALUE
            )
        )
        return org, shown

    return db.per_build(("overview_selection", fkey, lang), build, large=True)


def map_chart(fkey, shown, org, colour_dim, lab, agreed_only, lang):
    """(Prepared map, its points): once per build, filter state, colour dimension and language."""

    def build():
        value_order, value_labels = confidence.value_choices(
            lab.value_ids(colour_dim), lab.value_map(colour_dim), agreed_only, lang
        )
        _ids, scope_labels = confidence.value_choices(
            lab.value_ids("team_scope"), lab.value_map("team_scope"), agreed_only, lang
        )
        points = charts.prepare_map_points(shown, org, colour_dim, value_labels, lab.function_map(), scope_labels, lang)
        chart = charts.map_chart(
            points,
            value_order=value_order,
            value_labels=value_labels,
            colour_title=lab.dimension(colour_dim),
            title=t("core_map_title", lang, dimension=lower_first(lab.dimension(colour_dim))),
            subtitle=charts.subtitle_lines(common.filters_text(lang, lab), common.chart_source(lang), width=70),
            lang=lang,
        )
        prep = prepare(chart, data=points, lang=lang, family="map")
        return dataclasses.replace(prep, drawn={**prep.drawn, **charts.MAP_PAGE_SIZE}), points

    return db.per_build(("overview_map", fkey, colour_dim, lang), build, large=True)


def table_rows(fkey, shown: pd.DataFrame, lab: common.Labels, agreed_only: bool, lang: str):
    """(rows, the table drawn: rows without the slug, as Arrow) of the filtered municipalities: once per build,
    filter state and language."""

    def build():
        _ids, scope = confidence.value_choices(
            lab.value_ids("team_scope"), lab.value_map("team_scope"), agreed_only, lang
        )
        rows = pd.DataFrame(
            {
                "slug": shown["slug"],
                t("core_col_municipality", lang): shown["name"],
                t("core_col_province", lang): shown["province"],
                t("core_col_population", lang): [
                    fmt_population(p, q, lang)
                    for p, q in zip(shown["population"], shown["population_qualifier"], strict=True)
                ],
                t("core_col_scope", lang): shown["team_scope"].fillna("not_reported").map(lambda v: scope.get(v, v)),
                t("core_col_teams", lang): [
                    fmt_team_count(c, lower_bound=bool(lb), incomplete=bool(inc), lang=lang)
                    for c, lb, inc in zip(
                        shown["team_count_reported"],
                        shown["team_count_is_lower_bound"],
                        shown["team_count_incomplete"],
                        strict=True,
                    )
                ],
                t("core_col_functions", lang): shown["highlighted_functions"].map(
                    lambda fs: fmt_list([lab.function(f) for f in fs], lang) or "–"
                ),
            }
        )
        return rows, common.arrow_table(rows.drop(columns="slug"))

    return db.per_build(("overview_rows", fkey, lang), build, large=True)


def render() -> None:
    lang = state.current_lang()
    lab = common.labels(lang)
    st.title(t("core_page_overview", lang))
    st.caption(t("core_overview_intro", lang))

    overview = db.query("overview")
    agreed_only = state.current_filters().agreed_only
    codes = state.filtered_codes()
    fkey = state.filters_key()
    org, shown = selection(fkey, codes, agreed_only, lang)

    # widgets bound to the URL: ?view=table|cards, ?color=<dimension id>
    dims = lab.dimension_ids()
    state.bind("ov_view", "view", default="table", parse=state.choice_parse(["table", "cards"]))
    # keyed by language: after a switch a new selectbox shows the new option texts (value kept via the URL)
    state.bind(
        f"ov_color_{lang}", "color", default="team_scope", parse=state.choice_parse(dims), valid=lambda v: v in dims
    )

    if shown.empty:
        common.empty_state(lang, key="ov_empty_reset")
        # keep the bound widgets' URL values while nothing else is drawn
        state.sync("ov_view", "view", default="table")
        state.sync(f"ov_color_{lang}", "color", default="team_scope")
        return

    map_col, side_col = st.columns([3, 2], gap="large")
    with side_col:
        st.selectbox(t("core_map_colour", lang), dims, format_func=lab.dimension_choice, key=f"ov_color_{lang}")
        state.sync(f"ov_color_{lang}", "color", default="team_scope")
        slugs, names = common.municipality_options(overview, codes)
        st.markdown(f"**{t('core_open_profile', lang)}**")
        pick = st.selectbox(
            t("core_municipality", lang),
            slugs,
            format_func=names.get,
            key="ov_pick",
            index=None,
            placeholder=t("core_choose_municipality", lang),
            label_visibility="collapsed",
        )
        if st.button(
            t("core_open_profile_button", lang),
            key="ov_open",
            disabled=pick is None,
            type="primary",
            icon=":material/arrow_forward:",
        ):
            open_profile(pick)
        st.caption(t("core_map_help", lang))

    with map_col:
        colour_dim = st.session_state[f"ov_color_{lang}"]
        prep, points = map_chart(fkey, shown, org, colour_dim, lab, agreed_only, lang)
        st.markdown(MAP_ZOOM_CSS, unsafe_allow_html=True)
        # Clicking a municipality opens its profile (the selectbox next to the map does the same).
        event = render_chart(
            prep,
            slug="overzicht_kaart",
            data=points,
            lang=lang,
            key="ov_map",
            on_select="rerun",
            family="map",
            width="content",
        )
        picked = (event or {}).get("selection", {}).get(charts.MAP_SELECTION) or []
        if picked and isinstance(picked, list) and isinstance(picked[0], dict) and picked[0].get("slug"):
            open_profile(str(picked[0]["slug"]))

    st.divider()
    head_col, view_col = st.columns([3, 2])
    head_col.subheader(t("core_municipalities_heading", lang, n=len(shown), total=state.total_municipalities()))
    with view_col:
        st.segmented_control(
            t("core_view", lang),
            ["table", "cards"],
            format_func=lambda v: t(f"core_view_{v}", lang),
            key="ov_view",
            label_visibility="collapsed",
        )
        if st.session_state.get("ov_view") is None:  # a segmented control can be cleared; keep a view
            st.session_state["ov_view"] = "table"
    state.sync("ov_view", "view", default="table")

    rows, drawn_rows = table_rows(fkey, shown, lab, agreed_only, lang)

    if st.session_state.get("ov_view", "table") == "table":
        st.caption(t("core_table_help", lang))
        event = st.dataframe(
            drawn_rows,
            hide_index=True,
            width="stretch",
            on_select="rerun",
            selection_mode="single-row",
            key="ov_table",
            row_height=WRAP_ROW_HEIGHT,  # Streamlit wraps text only in rows taller than 4rem
            height=38 + WRAP_ROW_HEIGHT * len(rows),
            column_config={
                t("core_col_municipality", lang): st.column_config.TextColumn(width=110),
                t("core_col_province", lang): st.column_config.TextColumn(width=115),
                t("core_col_population", lang): st.column_config.TextColumn(width=85),
                t("core_col_scope", lang): st.column_config.TextColumn(width=150),
                t("core_col_teams", lang): st.column_config.TextColumn(width=118),
                t("core_col_functions", lang): st.column_config.TextColumn(width=215),
            },
        )
        selected = getattr(getattr(event, "selection", None), "rows", []) or []
        if selected:
            open_profile(rows.iloc[selected[0]]["slug"])
    else:
        per_row = 3
        records = rows.to_dict("records")
        for start in range(0, len(records), per_row):
            cols = st.columns(per_row)
            for col, rec in zip(cols, records[start : start + per_row], strict=False):
                with col.container(border=True, key=f"ov_card_{rec['slug']}"):
                    st.markdown(
                        f"**{md_escape(rec[t('core_col_municipality', lang)])}** · "
                        f"{md_escape(rec[t('core_col_province', lang)])}"
                    )
                    st.markdown(
                        f"{t('core_col_population', lang)}: {md_escape(rec[t('core_col_population', lang)])}  \n"
                        f"{t('core_col_scope', lang)}: {md_escape(rec[t('core_col_scope', lang)])}  \n"
                        f"{t('core_col_teams', lang)}: {md_escape(rec[t('core_col_teams', lang)])}  \n"
                        f"{t('core_col_functions', lang)}: {md_escape(rec[t('core_col_functions', lang)])}"
                    )
                    journey_links.to_profile(rec["slug"], t("core_open_profile_button", lang))

    st.divider()
    filters_on = state.current_filters().active
    render_data_downloads(
        lang=lang,
        codes=codes if filters_on else None,
        filters=common.filters_description(lang, lab) if filters_on else None,
        key="ov_downloads",
    )


render()
