"""Over de data: source, codebook, indicator definitions, method notes of other features, limitations,
how to cite, and the version of the data being shown."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.core import filters
from dashboard.core.i18n import lang_code, t
from dashboard.core.safe_text import md_escape
from dashboard.runtime import db, state
from dashboard.ui import about_sections, common
from dashboard.ui.data_downloads import render_data_downloads


def render() -> None:
    lang = state.current_lang()
    sfx = lang_code(lang)
    st.title(t("core_page_about", lang))

    st.header(t("core_about_source", lang))
    st.markdown(t("core_about_source_body", lang, citation=md_escape(common.citation(lang))))

    st.header(t("core_about_filters", lang))
    sizes = filters.SIZE_CLASS_LABELS[lang]
    st.markdown(t("core_about_filters_body", lang, sizes=", ".join(sizes[s] for s in filters.SIZE_CLASS_IDS)))

    st.header(t("core_about_codebook", lang))
    st.caption(t("core_about_codebook_help", lang))
    dims = db.query("dimensions")
    values = db.query("dimension_values")
    for d in dims.itertuples():
        with st.expander(f"{d.ordinal}. {md_escape(getattr(d, f'label_{sfx}'))}", expanded=False):
            st.markdown(f"{t('core_about_question', lang)} *{md_escape(getattr(d, f'question_{sfx}'))}*")
            part = values[values["dimension_id"] == d.dimension_id]
            st.dataframe(
                pd.DataFrame(
                    {
                        t("core_col_value", lang): part[f"label_{sfx}"],
                        t("core_col_definition", lang): part[f"definition_{sfx}"],
                    }
                ),
                hide_index=True,
                width="stretch",
                key=f"ab_dim_{d.dimension_id}",
                row_height=66,
                height=38 + 66 * len(part),
                column_config={
                    t("core_col_value", lang): st.column_config.TextColumn(width=230),
                    t("core_col_definition", lang): st.column_config.TextColumn(width=520),
                },
            )
            st.caption(f"{t('core_about_derived', lang)} {md_escape(d.derived_from)}")

    st.header(t("core_about_indicators", lang))
    st.caption(t("core_about_indicators_help", lang))
    ind = db.query("indicators")
    groups = common.group_labels(lang)
    definition = {"nl": "definition_nl", "en": "definition"}[lang_code(lang)]  # the English column has no suffix
    # one expander per theme: the definitions are long texts that read better as a list than in a table
    for group, part in sorted(ind.groupby("comparability_group"), key=lambda g: groups[g[0]].casefold()):
        n = len(part)
        count = t("core_about_one_definition", lang) if n == 1 else t("core_about_n_definitions", lang, n=n)
        label = f"{md_escape(groups[group])} ({count})"
        with st.expander(label, expanded=False):
            for r in part.itertuples():
                flags = [
                    t(f"core_unit_{r.unit}", lang),
                    t("core_about_n_munis", lang, n=r.n_municipalities),
                ]
                if not r.comparable_across_municipalities:
                    flags.append(t("core_no_comparable", lang))
                st.markdown(
                    f"**{md_escape(getattr(r, f'label_{sfx}'))}** :grey[({'; '.join(flags)})]  \n"
                    f"{md_escape(getattr(r, definition))}  \n:grey[{md_escape(r.indicator_id)}]"
                )

    about_sections.render_reliability(lang)
    about_sections.render_peer_method(lang)
    about_sections.render_downloads(lang)

    st.header(t("core_about_limitations", lang))
    st.markdown(t("core_about_limitations_body", lang))

    st.header(t("a11y_statement_title", lang))
    st.markdown(t("a11y_statement_body", lang))

    st.header(t("core_about_cite", lang))
    meta = db.meta()
    st.markdown(t("core_about_cite_body", lang))
    st.code(
        t(
            "core_about_cite_dashboard",
            lang,
            version=meta.get("data_version", "?"),
            built=meta.get("build_time", "?")[:10],
        ),
        language=None,
        wrap_lines=True,
    )
    st.code(common.citation(lang), language=None, wrap_lines=True)

    st.header(t("core_about_version", lang))
    st.dataframe(
        pd.DataFrame(
            {
                t("core_col_key", lang): [
                    t(f"core_meta_{k}", lang) for k in ("data_version", "build_time", "data_checksum", "schema_version")
                ],
                t("core_col_value", lang): [
                    meta.get(k, "–") for k in ("data_version", "build_time", "data_checksum", "schema_version")
                ],
            }
        ),
        hide_index=True,
        width="stretch",
        key="ab_meta",
    )
    st.caption(t("core_about_totals", lang, n=state.total_municipalities()))
    render_data_downloads(lang=lang, codes=None, key="ab_downloads")


render()
