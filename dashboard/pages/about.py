"""Over de data: source, codebook, indicator definitions, method notes of other features, limitations,
how to cite, and the version of the data being shown."""
from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard import about_extra, db, filters, state
from dashboard.i18n import t
from dashboard.ui import common

REPORT_CITATION = (
    "KPMG (2019). Basisfuncties voor lokale teams in kaart: de route en componenten onder de loep. "
    "Ministerie van VWS, kenmerk A1900017004."
)


def render() -> None:
    lang = state.current_lang()
    lab = common.labels(lang)
    sfx = "en" if lang == "en" else "nl"
    st.title(t("core_page_about", lang))

    st.header(t("core_about_source", lang))
    st.markdown(t("core_about_source_body", lang, citation=REPORT_CITATION))

    st.header(t("core_about_filters", lang))
    sizes = filters.SIZE_CLASS_LABELS[lang]
    st.markdown(t("core_about_filters_body", lang, sizes=", ".join(sizes[s] for s in filters.SIZE_CLASS_IDS)))

    st.header(t("core_about_codebook", lang))
    st.caption(t("core_about_codebook_help", lang))
    dims = db.query("dimensions")
    values = db.query("dimension_values")
    for d in dims.itertuples():
        with st.expander(f"{d.ordinal}. {getattr(d, f'label_{sfx}')}", expanded=False):
            st.markdown(f"*{d.question_en}*" if lang == "en" else f"{t('core_about_question', lang)} *{d.question_en}*")
            part = values[values["dimension_id"] == d.dimension_id]
            st.dataframe(
                pd.DataFrame(
                    {
                        t("core_col_value", lang): part[f"label_{sfx}"],
                        t("core_col_definition", lang): part["definition_en"],
                    }
                ),
                hide_index=True, width="stretch", key=f"ab_dim_{d.dimension_id}",
            )
            st.caption(f"{t('core_about_derived', lang)} {d.derived_from}")

    st.header(t("core_about_indicators", lang))
    st.caption(t("core_about_indicators_help", lang))
    ind = db.query("indicators")
    groups = common.group_labels(lang)
    st.dataframe(
        pd.DataFrame(
            {
                t("core_col_indicator", lang): ind[f"label_{sfx}"],
                t("core_col_group", lang): ind["comparability_group"].map(groups),
                t("core_col_unit", lang): ind["unit"].map(lambda u: t(f"core_unit_{u}", lang)),
                t("core_col_definition", lang): ind["definition_nl" if lang != "en" else "definition"],
                t("core_col_comparable", lang): ind["comparable_across_municipalities"].map(
                    lambda b: t("core_yes", lang) if b else t("core_no_comparable", lang)
                ),
                t("core_col_n_municipalities", lang): ind["n_municipalities"],
            }
        ),
        hide_index=True, width="stretch", key="ab_indicators",
        column_config={t("core_col_definition", lang): st.column_config.TextColumn(width="large")},
    )

    # ---- Method notes from other features (peers, exports, ...): see dashboard/about_extra/__init__.py ----
    sections, broken = about_extra.sections()
    for section in sections:
        try:
            section.render(lang)
        except Exception:  # noqa: BLE001 - one feature's notes must not break the page
            st.caption(t("core_about_section_failed", lang, name=section.name))
    for name in broken:
        st.caption(t("core_about_section_failed", lang, name=name))
    # --------------------------------------------------------------------------------------------------------

    st.header(t("core_about_limitations", lang))
    st.markdown(t("core_about_limitations_body", lang))

    st.header(t("core_about_cite", lang))
    meta = db.meta()
    st.markdown(t("core_about_cite_body", lang))
    st.code(
        t("core_about_cite_dashboard", lang, version=meta.get("data_version", "?"),
          built=meta.get("build_time", "?")[:10]),
        language=None, wrap_lines=True,
    )
    st.code(REPORT_CITATION, language=None, wrap_lines=True)

    st.header(t("core_about_version", lang))
    st.dataframe(
        pd.DataFrame(
            {
                t("core_col_key", lang): [t(f"core_meta_{k}", lang) for k in
                                          ("data_version", "build_time", "data_checksum", "schema_version")],
                t("core_col_value", lang): [meta.get(k, "–") for k in
                                            ("data_version", "build_time", "data_checksum", "schema_version")],
            }
        ),
        hide_index=True, width="stretch", key="ab_meta",
    )
    st.caption(t("core_about_totals", lang, n=state.total_municipalities()))


render()
