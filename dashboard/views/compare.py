"""Vergelijken: two to four municipalities side by side — indicators (one axis per definition), the coded
organisational model, and practice examples per basic function in columns."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.core import charts, confidence
from dashboard.core.comparison import difference_mark
from dashboard.core.formatting import NOT_REPORTED
from dashboard.core.i18n import column, lang_code, t
from dashboard.core.safe_text import md_escape
from dashboard.runtime import db, state
from dashboard.ui import common, journeys
from dashboard.ui.chart_panel import prepare, render_chart

MAX_COMPARE = 4


def org_side_by_side(
    org: pd.DataFrame, slugs: list[str], names: dict[str, str], lab: common.Labels, lang: str, agreed_only: bool = False
):
    """Rows = dimensions, columns = municipalities, cells = coded value; a marker where they differ.

    An adjudicated value carries '(arbitrage)'; with the switch on it is shown as hidden and is not compared."""
    sfx = lang_code(lang)
    org = confidence.with_confidence(org, lang, agreed_only)
    col_dim = t("core_col_dimension", lang)
    dims = lab.dimension_ids()
    titles = [confidence.dimension_title(lab.dimension(d), lab.tentative(d), lang) for d in dims]
    table = pd.DataFrame({col_dim: titles})
    by_code = {}
    mark = f" ({t('rel_adjudicated_short', lang)})"

    def cell(part: pd.DataFrame, d: str) -> str:
        if d not in part.index:
            return NOT_REPORTED[lang]
        row = part.loc[d]
        if row["hidden"]:
            return t("rel_hidden_value", lang)
        return row[f"value_label_{sfx}"] + (mark if row["adjudicated"] else "")

    for slug in slugs:
        part = org[org["slug"] == slug].set_index("dimension_id")
        by_code[slug] = part
        table[names[slug]] = [cell(part, d) for d in dims]

    def value(slug: str, d: str) -> str | None:
        part = by_code[slug]
        if d not in part.index or part.loc[d, "hidden"]:
            return None
        return part.loc[d, "value_id"]

    marks = [difference_mark([value(s, d) for s in slugs]) for d in dims]
    table.insert(1, t("core_col_differs", lang), marks)
    return table


def adjudication_notes(
    org: pd.DataFrame, slugs: list[str], names: dict[str, str], lab: common.Labels, lang: str
) -> list[str]:
    """'Almelo – Regie: <reason>' for every adjudicated code of the chosen municipalities, in table order."""
    org = confidence.with_confidence(org, lang, False)
    rank = {d: i for i, d in enumerate(lab.dimension_ids())}
    rows = org[org["slug"].isin(slugs) & org["adjudicated"]]
    reason = column("adjudication_reason", lang)
    order = {s: i for i, s in enumerate(slugs)}
    rows = rows.assign(_s=rows["slug"].map(order), _d=rows["dimension_id"].map(rank)).sort_values(["_s", "_d"])
    return [f"{names[r.slug]} – {lab.dimension(r.dimension_id)}: {getattr(r, reason)}" for r in rows.itertuples()]


def residents(chosen: tuple[str, ...], codes: tuple[str, ...], names: dict[str, str], lang: str):
    """(definition notes, (Prepared chart, rows) or None): once per build, choice and language."""

    def build():
        values = db.query("indicator_values")
        values = common.in_language(values[values["municipality_code"].isin(codes)], lang)
        if values.empty:
            return [], None
        groups = common.group_labels(lang)
        notes = charts.definition_notes(values, lang, groups)
        rows = charts.prepare_indicator_rows(values, lang, label_by="municipality", group_labels=groups)
        chart = charts.indicator_rows_chart(
            rows,
            title=t("core_compare_residents_title", lang),
            subtitle=charts.subtitle_lines(
                ", ".join(names[s] for s in chosen),
                common.chart_source(lang, values["source_producer"].tolist()),
                width=95,
            ),
            lang=lang,
        )
        return notes, (prepare(chart, data=rows, lang=lang, family="indicator_rows"), rows)

    return db.per_build(("compare_residents", chosen, lang), build, large=True)


def org_model(chosen: tuple[str, ...], names: dict[str, str], lab: common.Labels, lang: str, agreed_only: bool):
    """(side-by-side table, adjudication notes): once per build, choice, language and switch."""

    def build():
        overview = db.query("overview")
        org = db.query("org_matrix").merge(overview[["municipality_code", "slug"]], on="municipality_code")
        table = org_side_by_side(org, list(chosen), names, lab, lang, agreed_only)
        return table, adjudication_notes(org, list(chosen), names, lab, lang)

    return db.per_build(("compare_org", chosen, lang, agreed_only), build, large=True)


def practice_cells(chosen: tuple[str, ...], codes: tuple[str, ...], names: dict[str, str], lang: str):
    """[(function heading, [(municipality heading, [practice markdown])])]: once per build, choice, language."""

    def build():
        lab = common.labels(lang)
        practices = db.query("practices", list(codes))
        sfx = lang_code(lang)
        out = []
        for fid in lab.function_ids():
            cells = []
            for slug, code in zip(chosen, codes, strict=True):
                part = practices[(practices["basic_function_id"] == fid) & (practices["municipality_code"] == code)]
                texts = [
                    f"*{md_escape(getattr(rec, f'title_{sfx}'))}*  \n{md_escape(getattr(rec, f'summary_{sfx}'))}"
                    f"  \n:grey[{md_escape(common.locator(rec.locator, lang))}]"
                    for rec in part.itertuples()
                ]
                cells.append((f"**{md_escape(names[slug])}**", texts))
            out.append((f"##### {md_escape(lab.function(fid))}", cells))
        return out

    return db.per_build(("compare_practices", chosen, lang), build, large=True)


def render() -> None:
    lang = state.current_lang()
    lab = common.labels(lang)
    overview = db.query("overview")
    lookup = common.slug_lookup(overview)
    codes = state.filtered_codes()

    def parse(raw: str) -> list[str]:
        items = list(dict.fromkeys(lookup[p.strip()] for p in raw.split(",") if p.strip()))
        if len(items) > MAX_COMPARE:  # keep the first four of a too-long shared link and name the rest
            state.notice(f"cmp={','.join(items[MAX_COMPARE:])}")
        return items[:MAX_COMPARE]

    state.bind(
        "cmp_sel",
        "cmp",
        default=[],
        parse=parse,
        valid=lambda v: len(v) <= MAX_COMPARE and all(s in lookup.values() for s in v),
    )
    chosen = list(st.session_state.get("cmp_sel", []))
    slugs, names = common.municipality_options(overview, codes)
    _all_slugs, all_names = common.municipality_options(overview)
    extra = [s for s in chosen if s not in slugs]  # chosen earlier, now outside the filters: keep them
    options = sorted([*slugs, *extra], key=lambda s: all_names[s].casefold())

    st.title(t("core_page_compare", lang))
    st.caption(t("core_compare_intro", lang))
    if not options:
        common.empty_state(lang, key="cmp_empty_reset")
        state.sync("cmp_sel", "cmp", default=[], serialize=state.csv_serialize)
        return
    st.multiselect(
        t("core_compare_choose", lang),
        options,
        format_func=all_names.get,
        key="cmp_sel",
        max_selections=MAX_COMPARE,
        placeholder=t("core_choose_municipalities", lang),
    )
    state.sync("cmp_sel", "cmp", default=[], serialize=state.csv_serialize)
    chosen = list(st.session_state.get("cmp_sel", []))
    if chosen:
        with st.container(horizontal=True, gap="medium", key="cmp_profiles"):
            for slug in chosen:
                journeys.to_profile(slug, t("core_profile_of", lang, name=all_names[slug]))
    if len(chosen) < 2:
        st.info(t("core_compare_need_two", lang), icon=":material/compare:")
        return

    chosen_codes = overview.set_index("slug").loc[chosen, "municipality_code"].tolist()
    names = {s: all_names[s] for s in chosen}
    agreed_only = state.current_filters().agreed_only

    st.subheader(t("core_residents", lang))
    notes, prepared = residents(tuple(chosen), tuple(chosen_codes), names, lang)
    if prepared is None:
        st.caption(t("core_no_indicators", lang))
    else:
        for note in notes:
            st.info(note, icon=":material/rule:")
        prep, rows = prepared
        render_chart(prep, slug="vergelijken_kenmerken", data=rows, lang=lang, key="cmp_ind", family="indicator_rows")

    st.subheader(t("core_org_model", lang))
    table, adjudications = org_model(tuple(chosen), names, lab, lang, agreed_only)
    # fixed widths that fit a 1280-pixel screen with the sidebar open; long labels wrap (row_height > 4rem)
    each = max(120, (780 - 250) // len(chosen))
    config = {
        t("core_col_dimension", lang): st.column_config.TextColumn(width=180),
        t("core_col_differs", lang): st.column_config.TextColumn(width=70),
        **{names[s]: st.column_config.TextColumn(width=each) for s in chosen},
    }
    st.dataframe(
        table,
        hide_index=True,
        width="stretch",
        key="cmp_org",
        row_height=66,
        height=38 + 66 * len(table),
        column_config=config,
    )
    st.caption(t("core_compare_org_help", lang))
    if adjudications:
        with st.container(key="cmp_adjudication"):
            st.caption(t("rel_compare_marks", lang) + "\n" + "\n".join(f"- {md_escape(n)}" for n in adjudications))
    if agreed_only:
        st.caption(t("rel_switch_on", lang))

    st.subheader(t("core_practices", lang))
    for heading, cells in practice_cells(tuple(chosen), tuple(chosen_codes), names, lang):
        st.markdown(heading)
        cols = st.columns(len(chosen))
        for col, (name, texts) in zip(cols, cells, strict=True):
            with col:
                # one element per cell, not one per practice: every element is a message to the browser, and
                # this grid was half of the page's messages with four municipalities
                st.markdown("\n\n".join([name, *texts]))
                if not texts:
                    st.caption(t("core_not_highlighted", lang))


render()
