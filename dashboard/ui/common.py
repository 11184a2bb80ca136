"""Small building blocks shared by the core pages: labels from the warehouse, chart subtitles, messages."""

from __future__ import annotations

import logging
from collections.abc import Sequence

import pandas as pd
import pyarrow as pa
import streamlit as st
from streamlit import dataframe_util

from dashboard.core import filters, source_text
from dashboard.core.charts import source_line
from dashboard.core.i18n import t
from dashboard.core.labels import Labels
from dashboard.runtime import db, state
from etl.citation import dashboard_citation, report_citation, report_source

log = logging.getLogger("lokale_teams")


def arrow_table(frame: pd.DataFrame) -> pa.Table:
    """frame as the Arrow table st.dataframe would make of it (with Streamlit's own type fixes): a table
    memoised in this form is not converted again on every rerun."""
    return dataframe_util.convert_pandas_df_to_arrow_table(frame)


def citation(lang: str) -> str:
    """How to cite the report, in `lang`, from the warehouse's source table (the one citation of the app), once
    per warehouse build and language (it scans the whole source table).

    Only from the warehouse: without the report's row etl.citation would read data/reference/sources.yaml,
    which the running app never does (it may serve a warehouse built from another data folder)."""

    def build() -> str:
        source = report_source(db.query("sources"))
        if source is None:
            log.warning("the warehouse has no row for the report in its source table: citing the dashboard only")
            return dashboard_citation(lang)
        return report_citation(lang, source)

    return db.per_build(("citation", lang), build)


def labels(lang: str) -> Labels:
    """The label maps of one language, built once per warehouse build (db.per_build)."""
    return db.per_build(
        ("labels", lang),
        lambda: Labels.from_frames(
            lang,
            db.query("dimensions"),
            db.query("dimension_values"),
            db.query("basic_functions"),
            double_coded=bool(len(db.query("reliability"))),
        ),
    )


def locator(text, lang: str) -> str:
    """A locator in lang (dashboard.core.source_text): in English the fixed words and basic functions are
    translated and the Dutch report is named."""
    names = db.per_build(
        "function_names_en",
        lambda: dict(zip(db.query("basic_functions")["name_nl"], db.query("basic_functions")["name_en"], strict=True)),
    )
    return source_text.locator(text, lang, names)


def source_title(text, lang: str) -> str:
    return source_text.source_title(text, lang)


def in_language(values: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Indicator rows with their locator and source title in lang (for charts, tooltips and tables)."""
    out = values.copy()
    if "locator" in out:
        out["locator"] = [locator(v, lang) for v in out["locator"]]
    if "source_title" in out:
        out["source_title"] = [source_title(v, lang) for v in out["source_title"]]
    return out


def filter_options() -> filters.FilterOptions:
    """What each sidebar filter offers, built once per warehouse build."""

    def build() -> filters.FilterOptions:
        values = db.query("dimension_values")
        dims = {
            d: tuple(values.loc[values["dimension_id"] == d, "value_id"])
            for d in db.query("dimensions")["dimension_id"]
        }
        provinces = tuple(sorted(db.query("overview")["province"].unique(), key=str.casefold))
        return filters.FilterOptions(
            dimensions=dims, functions=tuple(db.query("basic_functions")["basic_function_id"]), provinces=provinces
        )

    return db.per_build(("filter_options",), build)


def filters_text(lang: str, lab: Labels | None = None) -> str:
    """'Selectie: 5 van 16 gemeenten · Provincie: Utrecht' for chart subtitles."""
    codes, total = state.filtered_codes(), state.total_municipalities()
    described = filters_description(lang, lab)
    return f"{t('core_selection', lang)}: {t('core_n_of_total', lang, n=len(codes), total=total)} · {described}"


def filters_description(lang: str, lab: Labels | None = None) -> str:
    """Only the active filters in words, e.g. 'Provincie: Utrecht' (or 'geen filters'); once per build,
    filter state and language."""
    chosen = state.current_filters()

    def build() -> str:
        labs = lab or labels(lang)
        return filters.describe(
            chosen,
            lang=lang,
            dimension_labels=labs.dimension_map(),
            value_labels=labs.all_values(),
            function_labels=labs.function_map(),
            none_text=t("core_no_filters", lang),
        )

    return db.per_build(("filters_description", filters.state_key(chosen), lang), build)


def chart_source(lang: str, producers: Sequence[str] = ()) -> str:
    return source_line(lang, producers)


def empty_state(lang: str, *, key: str) -> None:
    """The filters leave nothing: say so, say why, offer the reset."""
    st.warning(t("core_empty_title", lang), icon=":material/filter_alt_off:")
    st.markdown(t("core_empty_body", lang))
    st.button(t("core_reset", lang), key=key, on_click=reset_filters, type="primary")


def reset_filters() -> None:
    """Clear every sidebar filter (widget values and what the URL said)."""
    for key in list(st.session_state.keys()):
        if isinstance(key, str) and (key.startswith(("f_", state.SHADOW_PREFIX + "f_"))):
            # the 'agreed only' switch is a toggle (bool); every other filter is a multiselect (list)
            st.session_state[key] = False if key.endswith("f_agreed") else []
    for param in list(st.query_params.keys()):
        if param in (
            filters.PARAM_FUNCTIONS,
            filters.PARAM_SIZES,
            filters.PARAM_PROVINCES,
            filters.PARAM_AGREED,
        ) or param.startswith(filters.ORG_PREFIX):
            del st.query_params[param]


def warehouse_problem(exc: Exception, lang: str) -> None:
    """A short message instead of a traceback when the warehouse cannot be read."""
    log.warning("warehouse not readable: %s", exc)
    reason = str(exc)
    if reason.startswith("missing:"):
        st.error(t("core_wh_missing", lang), icon=":material/database_off:")
    else:
        st.error(t("core_wh_unreadable", lang), icon=":material/error:")
    st.caption(t("core_wh_hint", lang))


def municipality_options(
    overview: pd.DataFrame, codes: Sequence[str] | None = None
) -> tuple[list[str], dict[str, str]]:
    """(slugs in name order, slug -> name) for the municipalities in codes (all when None), once per build
    and set of codes. Shared values: do not change them."""

    def build() -> tuple[list[str], dict[str, str]]:
        df = overview if codes is None else overview[overview["municipality_code"].isin(list(codes))]
        df = df.sort_values("name", key=lambda s: s.str.casefold())
        return list(df["slug"]), dict(zip(df["slug"], df["name"], strict=True))

    return db.per_build(
        ("municipality_options", None if codes is None else tuple(codes)), build, large=codes is not None
    )


def slug_lookup(overview: pd.DataFrame) -> dict[str, str]:
    """slug or municipality code -> slug (the URL accepts both), once per build. Shared: do not change it."""

    def build() -> dict[str, str]:
        out = dict(zip(overview["slug"], overview["slug"], strict=True))
        out.update(zip(overview["municipality_code"], overview["slug"], strict=True))
        return out

    return db.per_build(("slug_lookup",), build)


def code_of(slug: str) -> str:
    """slug -> municipality code, once per build."""
    overview = db.query("overview")
    codes = db.per_build(("code_of",), lambda: dict(zip(overview["slug"], overview["municipality_code"], strict=True)))
    return codes[slug]


def group_labels(lang: str) -> dict[str, str]:
    """comparability_group id -> readable name (the id, prettified, when no translation exists), once per build."""

    def build() -> dict[str, str]:
        out = {}
        for group in db.query("indicators")["comparability_group"].unique():
            key = f"core_group_{group}"
            text = t(key, lang)
            out[group] = text if text != key else str(group).replace("_", " ").capitalize()
        return out

    return db.per_build(("group_labels", lang), build)
