"""The sidebar every page shares: language toggle, filters, 'N van 16 gemeenten' and the reset button."""

from __future__ import annotations

import logging

import streamlit as st

from dashboard.core import filters
from dashboard.core.i18n import t
from dashboard.core.safe_text import md_escape
from dashboard.runtime import db, state
from dashboard.ui.common import Labels, filter_options, reset_filters

log = logging.getLogger("lokale_teams")

LANG_LABELS = {"nl": "Nederlands", "en": "English"}


def language_toggle() -> str:
    state.bind(state.LANG_KEY, state.LANG_PARAM, default="nl", parse=state.choice_parse(state.LANGS))
    lang = state.current_lang()
    st.sidebar.radio(
        t("core_language", lang),
        state.LANGS,
        format_func=LANG_LABELS.get,
        key=state.LANG_KEY,
        horizontal=True,
    )
    state.sync(state.LANG_KEY, state.LANG_PARAM, default="nl")
    return state.current_lang()


def _multiselect(
    container, label: str, key: str, param: str, options: list[str], format_func, lang: str, **kw
) -> list[str]:
    key = state.lang_key(key, lang)  # the chosen tags show option texts: a new widget after a language switch
    state.bind(key, param, default=[], parse=state.csv_parse(options), valid=lambda v: all(x in options for x in v))
    container.multiselect(label, options, format_func=format_func, key=key, placeholder=t("core_any", lang), **kw)
    state.sync(key, param, default=[], serialize=state.csv_serialize)
    return list(st.session_state.get(key, []))


def filter_sidebar(lang: str, lab: Labels) -> filters.FilterState:
    """Draw the filters; return the filter state. Widget keys: f_bf, f_size, f_prov, f_org_<dimension>, each
    with the language appended (state.lang_key)."""
    options = filter_options()
    sb = st.sidebar
    sb.markdown(f"**{t('core_filters', lang)}**")
    functions = _multiselect(
        sb,
        t("core_filter_function", lang),
        "f_bf",
        filters.PARAM_FUNCTIONS,
        list(options.functions),
        lab.function,
        lang,
        help=t("core_filter_function_help", lang),
    )
    size_labels = filters.SIZE_CLASS_LABELS[lang]
    sizes = _multiselect(
        sb,
        t("core_filter_size", lang),
        "f_size",
        filters.PARAM_SIZES,
        list(options.sizes),
        lambda s: size_labels.get(s, s),
        lang,
        help=t("core_filter_size_help", lang),
    )
    provinces = _multiselect(
        sb,
        t("core_filter_province", lang),
        "f_prov",
        filters.PARAM_PROVINCES,
        list(options.provinces),
        str,
        lang,
    )
    agreed_only = agreed_switch(sb, lang) if lab.has_double_coding() else False
    dims: dict[str, tuple[str, ...]] = {}
    n_org = sum(1 for d in options.dimensions if st.session_state.get(state.lang_key(f"f_org_{d}", lang)))
    label = t("core_filter_org", lang) + (f" ({n_org})" if n_org else "")
    with sb.expander(label, expanded=bool(n_org)):
        for dim, values in options.dimensions.items():
            vmap = lab.value_map(dim)
            tentative = lab.tentative(dim)
            dims[dim] = tuple(
                _multiselect(
                    st,
                    md_escape(lab.dimension_choice(dim)),  # a widget label renders markdown; the label is data
                    f"f_org_{dim}",
                    filters.ORG_PREFIX + dim,
                    list(values),
                    lambda v, m=vmap: m.get(v, v),
                    lang,
                    help=t("rel_tentative_help", lang) if tentative else None,
                )
            )
    return filters.FilterState(
        dimensions=dims,
        functions=tuple(functions),
        sizes=tuple(sizes),
        provinces=tuple(provinces),
        agreed_only=agreed_only,
    )


AGREED_KEY = "f_agreed"


def _flag_parse(raw: str) -> bool:
    if raw != "1":
        raise ValueError(raw)
    return True


def agreed_switch(container, lang: str) -> bool:
    """'Only codes both coders agreed on': adjudicated codes count as excluded everywhere (URL ?agreed=1)."""
    state.bind(AGREED_KEY, filters.PARAM_AGREED, default=False, parse=_flag_parse, valid=lambda v: isinstance(v, bool))
    container.toggle(t("rel_switch", lang), key=AGREED_KEY, help=t("rel_switch_help", lang))
    state.sync(AGREED_KEY, filters.PARAM_AGREED, default=False, serialize=lambda _v: "1")
    on = bool(st.session_state.get(AGREED_KEY))
    if on:
        container.caption(t("rel_switch_on", lang))
    return on


def selection_summary(lang: str, n: int, total: int, active: bool) -> None:
    """Always visible: how many municipalities pass, and a way back to all of them."""
    box = st.sidebar.container(border=True, key="selection_summary")
    box.markdown(f"**{t('core_n_of_total', lang, n=n, total=total)}**")
    box.button(
        t("core_reset", lang),
        key="reset_filters_sidebar",
        on_click=reset_filters,
        disabled=not active,
        width="stretch",
        icon=":material/restart_alt:",
    )


def data_footer(lang: str) -> None:
    try:
        meta = db.meta()
    except db.WarehouseError as exc:
        log.warning("no data version for the sidebar: %s", exc)
        return
    st.sidebar.caption(
        t("core_data_version", lang, version=meta.get("data_version", "?"), built=meta.get("build_time", "?")[:10])
    )
