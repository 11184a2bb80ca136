"""Small building blocks shared by the core pages: labels from the warehouse, chart subtitles, messages."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from dashboard import db, filters, state
from dashboard.charts import source_line
from dashboard.i18n import t


@dataclass(frozen=True)
class Labels:
    """Names of dimensions, coded values and basic functions in one language, read from the warehouse."""

    lang: str
    dimensions: pd.DataFrame
    values: pd.DataFrame
    functions: pd.DataFrame

    @property
    def _suffix(self) -> str:
        return "en" if self.lang == "en" else "nl"

    def dimension_ids(self) -> list[str]:
        return list(self.dimensions["dimension_id"])

    def dimension(self, dim: str) -> str:
        row = self.dimensions[self.dimensions["dimension_id"] == dim]
        return str(row.iloc[0][f"label_{self._suffix}"]) if len(row) else dim

    def tentative(self, dim: str) -> bool:
        """The dimension's last-round Krippendorff's alpha is below 0.667 (data/coding/)."""
        if "tentative" not in self.dimensions.columns:
            return False
        row = self.dimensions[self.dimensions["dimension_id"] == dim]
        return bool(row.iloc[0]["tentative"]) if len(row) else False

    def dimension_choice(self, dim: str) -> str:
        """The label where a dimension is offered as a choice: '(voorlopig)' added when it is tentative."""
        label = self.dimension(dim)
        return t("rel_tentative_dimension", self.lang, label=label) if self.tentative(dim) else label

    def has_double_coding(self) -> bool:
        return bool(len(db.query("reliability")))

    def dimension_map(self) -> dict[str, str]:
        return dict(zip(self.dimensions["dimension_id"], self.dimensions[f"label_{self._suffix}"], strict=True))

    def value_ids(self, dim: str) -> list[str]:
        return list(self.values[self.values["dimension_id"] == dim]["value_id"])

    def value_map(self, dim: str) -> dict[str, str]:
        part = self.values[self.values["dimension_id"] == dim]
        return dict(zip(part["value_id"], part[f"label_{self._suffix}"], strict=True))

    def all_values(self) -> dict[tuple[str, str], str]:
        return {
            (d, v): lbl
            for d, v, lbl in zip(
                self.values["dimension_id"], self.values["value_id"], self.values[f"label_{self._suffix}"], strict=True
            )
        }

    def function_ids(self) -> list[str]:
        return list(self.functions["basic_function_id"])

    def function(self, fid: str) -> str:
        return self.function_map().get(fid, fid)

    def function_map(self) -> dict[str, str]:
        return dict(zip(self.functions["basic_function_id"], self.functions[f"name_{self._suffix}"], strict=True))


def labels(lang: str) -> Labels:
    return Labels(lang, db.query("dimensions"), db.query("dimension_values"), db.query("basic_functions"))


def filter_options() -> filters.FilterOptions:
    values = db.query("dimension_values")
    dims = {d: tuple(values[values["dimension_id"] == d]["value_id"]) for d in db.query("dimensions")["dimension_id"]}
    provinces = tuple(sorted(db.query("overview")["province"].unique(), key=str.casefold))
    return filters.FilterOptions(
        dimensions=dims, functions=tuple(db.query("basic_functions")["basic_function_id"]), provinces=provinces
    )


def filters_text(lang: str, lab: Labels | None = None) -> str:
    """'Selectie: 5 van 16 gemeenten · Provincie: Utrecht' for chart subtitles."""
    codes, total = state.filtered_codes(), state.total_municipalities()
    described = filters_description(lang, lab)
    return f"{t('core_selection', lang)}: {t('core_n_of_total', lang, n=len(codes), total=total)} · {described}"


def filters_description(lang: str, lab: Labels | None = None) -> str:
    """Only the active filters in words, e.g. 'Provincie: Utrecht' (or 'geen filters')."""
    lab = lab or labels(lang)
    return filters.describe(
        state.current_filters(),
        lang=lang,
        dimension_labels=lab.dimension_map(),
        value_labels=lab.all_values(),
        function_labels=lab.function_map(),
        none_text=t("core_no_filters", lang),
    )


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
        if isinstance(key, str) and (key.startswith("f_") or key.startswith(state.SHADOW_PREFIX + "f_")):
            # the 'agreed only' switch is a toggle (bool); every other filter is a multiselect (list)
            st.session_state[key] = False if key.endswith("f_agreed") else []
    for param in list(st.query_params.keys()):
        if param in (
            filters.PARAM_FUNCTIONS, filters.PARAM_SIZES, filters.PARAM_PROVINCES, filters.PARAM_AGREED
        ) or param.startswith(filters.ORG_PREFIX):
            del st.query_params[param]


def warehouse_problem(exc: Exception, lang: str) -> None:
    """A short message instead of a traceback when the warehouse cannot be read."""
    reason = str(exc)
    if reason.startswith("missing:"):
        st.error(t("core_wh_missing", lang), icon=":material/database_off:")
    else:
        st.error(t("core_wh_unreadable", lang), icon=":material/error:")
    st.caption(t("core_wh_hint", lang))


def municipality_options(
    overview: pd.DataFrame, codes: Sequence[str] | None = None
) -> tuple[list[str], dict[str, str]]:
    """(slugs in name order, slug -> name) for the municipalities in codes (all when None)."""
    df = overview if codes is None else overview[overview["municipality_code"].isin(list(codes))]
    df = df.sort_values("name", key=lambda s: s.str.casefold())
    return list(df["slug"]), dict(zip(df["slug"], df["name"], strict=True))


def slug_lookup(overview: pd.DataFrame) -> dict[str, str]:
    """slug or municipality code -> slug (the URL accepts both)."""
    out = dict(zip(overview["slug"], overview["slug"], strict=True))
    out.update(zip(overview["municipality_code"], overview["slug"], strict=True))
    return out


def group_labels(lang: str) -> dict[str, str]:
    """comparability_group id -> readable name (the id, prettified, when no translation exists)."""
    out = {}
    for group in db.query("indicators")["comparability_group"].unique():
        key = f"core_group_{group}"
        text = t(key, lang)
        out[group] = text if text != key else str(group).replace("_", " ").capitalize()
    return out
