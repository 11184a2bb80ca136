"""Vergelijken: two to four municipalities side by side — indicators (one axis per definition), the coded
organisational model, and practice examples per basic function in columns."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import charts, db, state
from dashboard.formatting import NOT_REPORTED
from dashboard.i18n import t
from dashboard.safe_text import md_escape
from dashboard.ui import common
from dashboard.ui.chart_panel import render_chart

MAX_COMPARE = 4


def org_side_by_side(org: pd.DataFrame, slugs: list[str], names: dict[str, str], lab: common.Labels, lang: str):
    """Rows = dimensions, columns = municipalities, cells = coded value; a marker where they differ."""
    sfx = "en" if lang == "en" else "nl"
    col_dim = t("core_col_dimension", lang)
    table = pd.DataFrame({col_dim: [lab.dimension(d) for d in lab.dimension_ids()]})
    by_code = {}
    for slug in slugs:
        part = org[org["slug"] == slug].set_index("dimension_id")
        by_code[slug] = part
        table[names[slug]] = [
            part.loc[d, f"value_label_{sfx}"] if d in part.index else NOT_REPORTED[lang] for d in lab.dimension_ids()
        ]
    differs = [
        len({by_code[s].loc[d, "value_id"] if d in by_code[s].index else "not_reported" for s in slugs}) > 1
        for d in lab.dimension_ids()
    ]
    table.insert(1, t("core_col_differs", lang), ["≠" if d else "=" for d in differs])
    return table


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
    if len(chosen) < 2:
        st.info(t("core_compare_need_two", lang), icon=":material/compare:")
        return

    chosen_codes = overview.set_index("slug").loc[chosen, "municipality_code"].tolist()
    names = {s: all_names[s] for s in chosen}
    label_text = ", ".join(names[s] for s in chosen)

    st.subheader(t("core_residents", lang))
    values = db.query("indicator_values")
    values = values[values["municipality_code"].isin(chosen_codes)]
    if values.empty:
        st.caption(t("core_no_indicators", lang))
    else:
        for note in charts.definition_notes(values, lang, common.group_labels(lang)):
            st.info(note, icon=":material/rule:")
        rows = charts.prepare_indicator_rows(
            values, lang, label_by="municipality", group_labels=common.group_labels(lang)
        )
        chart = charts.indicator_rows_chart(
            rows,
            title=t("core_compare_residents_title", lang),
            subtitle=charts.subtitle_lines(
                label_text, common.chart_source(lang, values["source_producer"].tolist()), width=95
            ),
            lang=lang,
        )
        render_chart(chart, slug="vergelijken_kenmerken", data=rows, lang=lang, key="cmp_ind")

    st.subheader(t("core_org_model", lang))
    org = db.query("org_matrix").merge(overview[["municipality_code", "slug"]], on="municipality_code")
    table = org_side_by_side(org, chosen, names, lab, lang)
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

    st.subheader(t("core_practices", lang))
    practices = db.query("practices", chosen_codes)
    sfx = "en" if lang == "en" else "nl"
    for fid in lab.function_ids():
        st.markdown(f"##### {md_escape(lab.function(fid))}")
        cols = st.columns(len(chosen))
        for col, slug, code in zip(cols, chosen, chosen_codes, strict=True):
            part = practices[(practices["basic_function_id"] == fid) & (practices["municipality_code"] == code)]
            with col:
                st.markdown(f"**{md_escape(names[slug])}**")
                if part.empty:
                    st.caption(t("core_not_highlighted", lang))
                for rec in part.itertuples():
                    st.markdown(
                        f"*{md_escape(getattr(rec, f'title_{sfx}'))}*  \n{md_escape(getattr(rec, f'summary_{sfx}'))}"
                        f"  \n:grey[{md_escape(rec.locator)}]"
                    )


render()
