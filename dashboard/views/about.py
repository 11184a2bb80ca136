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


def about_texts(lang: str) -> dict:
    """The codebook and the indicator definitions as markdown lists, and the version table (Arrow): once per
    build and language (db.per_build). A list of texts draws far cheaper than a table per dimension."""
    sfx = lang_code(lang)
    dims = db.query("dimensions")
    values = db.query("dimension_values")
    codebook = []
    for d in dims.itertuples():
        part = values[values["dimension_id"] == d.dimension_id]
        items = "\n".join(
            f"- **{md_escape(label)}**: {md_escape(definition)}"
            for label, definition in zip(part[f"label_{sfx}"], part[f"definition_{sfx}"], strict=True)
        )
        codebook.append(
            (
                f"{d.ordinal}. {md_escape(getattr(d, f'label_{sfx}'))}",
                (
                    f"{t('core_about_question', lang)} *{md_escape(getattr(d, f'question_{sfx}'))}*\n\n{items}\n\n"
                    f":grey[{t('core_about_derived', lang)} {md_escape(d.derived_from)}]"
                ),
            )
        )
    ind = db.query("indicators")
    groups = common.group_labels(lang)
    definition = {"nl": "definition_nl", "en": "definition"}[lang_code(lang)]  # the English column has no suffix
    indicators = []
    for group, part in sorted(ind.groupby("comparability_group"), key=lambda g: groups[g[0]].casefold()):
        n = len(part)
        count = t("core_about_one_definition", lang) if n == 1 else t("core_about_n_definitions", lang, n=n)
        entries = []
        for r in part.itertuples():
            flags = [t(f"core_unit_{r.unit}", lang), t("core_about_n_munis", lang, n=r.n_municipalities)]
            if not r.comparable_across_municipalities:
                flags.append(t("core_no_comparable", lang))
            entries.append(
                f"**{md_escape(getattr(r, f'label_{sfx}'))}** :grey[({'; '.join(flags)})]  \n"
                f"{md_escape(getattr(r, definition))}  \n:grey[{md_escape(r.indicator_id)}]"
            )
        indicators.append((f"{md_escape(groups[group])} ({count})", "\n\n".join(entries)))
    meta = db.meta()
    keys = ("data_version", "build_time", "data_checksum", "schema_version")
    table = pd.DataFrame(
        {
            t("core_col_key", lang): [t(f"core_meta_{k}", lang) for k in keys],
            t("core_col_value", lang): [meta.get(k, "–") for k in keys],
        }
    )
    return {"codebook": codebook, "indicators": indicators, "meta": common.arrow_table(table)}


def render() -> None:
    lang = state.current_lang()
    st.title(t("core_page_about", lang))

    st.header(t("core_about_source", lang))
    st.markdown(t("core_about_source_body", lang, citation=md_escape(common.citation(lang))))

    st.header(t("core_about_filters", lang))
    sizes = filters.SIZE_CLASS_LABELS[lang]
    st.markdown(t("core_about_filters_body", lang, sizes=", ".join(sizes[s] for s in filters.SIZE_CLASS_IDS)))

    content = db.per_build(("about_texts", lang), lambda: about_texts(lang))
    st.header(t("core_about_codebook", lang))
    st.caption(t("core_about_codebook_help", lang))
    for label, text in content["codebook"]:
        with st.expander(label, expanded=False):
            st.markdown(text)

    st.header(t("core_about_indicators", lang))
    st.caption(t("core_about_indicators_help", lang))
    # one expander per theme: the definitions are long texts that read better as a list than in a table
    for label, text in content["indicators"]:
        with st.expander(label, expanded=False):
            st.markdown(text)

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
        content["meta"],
        hide_index=True,
        width="stretch",
        key="ab_meta",
    )
    st.caption(t("core_about_totals", lang, n=state.total_municipalities()))
    render_data_downloads(lang=lang, codes=None, key="ab_downloads")


render()
