"""Session and URL state: language, widget <-> query-parameter binding, notices, the current selection.

Every view is a shareable URL: each stateful widget is bound to one query parameter with `bind()` before
it is drawn and written back with `sync()` after. Priority when a widget is first drawn in a session (or
drawn again after a page switch, when Streamlit has forgotten it): the URL, then the value the user had
before on this session, then the default. A URL value that cannot be used is dropped and named in a short
notice; it never raises.

For the other feature pages (peers, exports, presentation):
- `current_lang()` -> "nl" | "en"
- `current_filters()` -> dashboard.core.filters.FilterState of the sidebar
- `filtered_codes()` -> municipality codes passing the sidebar filters (all when no filter is set)
- `filters_key()` -> a hashable key of those filters, for memo keys (db.per_build)
- `bind()` / `sync()` for your own widgets and URL parameters; parameters that start with one of
  EXTERNAL_PARAM_PREFIXES are never reported as unknown by the core pages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from dashboard.core.filters import FilterState, state_key
from dashboard.core.i18n import t
from dashboard.core.safe_text import md_escape, shorten

LANG_KEY = "lang"
LANG_PARAM = "lang"
LANGS = ("nl", "en")
SHADOW_PREFIX = "_keep__"
NOTICES_KEY = "_notices"
BOUND_PARAMS_KEY = "_bound_params"
FILTERS_KEY = "_filters"
CODES_KEY = "_filtered_codes"
TOTAL_KEY = "_total_municipalities"
FILTERS_STATE_KEY = "_filters_key"
SYNCED_KEY = "_synced_params"

# Query parameters owned by other feature pages; the core never calls them unknown or removes them.
EXTERNAL_PARAM_PREFIXES = ("peer", "peers", "pres", "sql", "export", "exp", "embed")

_MISSING = object()


def current_lang() -> str:
    """The interface language: the sidebar toggle, else ?lang=, else Dutch."""
    value = st.session_state.get(LANG_KEY)
    if value in LANGS:
        return value
    raw = st.query_params.get(LANG_PARAM)
    return raw if raw in LANGS else "nl"


def begin_run() -> None:
    """Reset what is collected per script run (notices, the parameters bound by this run's widgets)."""
    st.session_state[NOTICES_KEY] = []
    st.session_state[BOUND_PARAMS_KEY] = set()


NOTICE_MAX_CHARS = 60  # a shared link can carry any text; show only enough to recognise it


def notice_text(text: str) -> str:
    """What a notice keeps of a URL part (pure): printable characters only, at most NOTICE_MAX_CHARS."""
    text = "".join(ch if ch.isprintable() else "?" for ch in text)
    return shorten(text, NOTICE_MAX_CHARS)


def notices_message(found: list[str], lang: str) -> str:
    """The markdown of the notice above the page (pure): every URL part escaped, so it shows as text."""
    return t("core_params_ignored", lang, params=", ".join(md_escape(n) for n in found))


def notice(text: str) -> None:
    """Queue a short message for the top of the page (shown by app.py after the page has run)."""
    notices = st.session_state.setdefault(NOTICES_KEY, [])
    text = notice_text(text)
    if text not in notices:
        notices.append(text)


def notices() -> list[str]:
    return list(st.session_state.get(NOTICES_KEY, []))


def bound_params() -> set[str]:
    return set(st.session_state.get(BOUND_PARAMS_KEY, set()))


def _raw_param(param: str) -> str | None:
    values = st.query_params.get_all(param)
    if not values:
        return None
    return ",".join(values)


def lang_key(base: str, lang: str) -> str:
    """The key of a widget whose option texts are words of the interface language: one widget per language.

    Streamlit keeps a keyed widget's displayed option texts (a multiselect's chosen tags, a selectbox's text)
    when only format_func changes, so after a language switch they stayed in the old language until a reload.
    A new key per language draws a new widget with the new texts; bind() and sync() give the value over
    through the URL and one shadow shared by the languages (the option values themselves are codes).
    """
    return f"{base}_{lang if lang in LANGS else LANGS[0]}"


def _shadow_key(key: str) -> str:
    """The shadow of a widget value, shared by the language variants of a key (see lang_key)."""
    for lang in LANGS:
        if key.endswith(f"_{lang}"):
            return SHADOW_PREFIX + key.removesuffix(f"_{lang}")
    return SHADOW_PREFIX + key


def bind(
    key: str,
    param: str,
    *,
    default: Any,
    parse: Callable[[str], Any],
    valid: Callable[[Any], bool] | None = None,
) -> None:
    """Give widget `key` its value before it is drawn: from ?param=, from earlier in the session, or default.

    parse(raw) turns the URL text into a widget value and raises ValueError when it cannot; valid(value)
    says whether a value (from any place) still fits the widget's options. Invalid values are dropped with
    a notice. Call sync(key, param, ...) after drawing the widget.
    """
    st.session_state.setdefault(BOUND_PARAMS_KEY, set()).add(param)
    ok = valid or (lambda _v: True)
    raw = _raw_param(param)
    synced = st.session_state.setdefault(SYNCED_KEY, {})
    # The URL wins when it was set from outside (a shared link, st.switch_page/st.page_link with
    # query_params); a URL we wrote ourselves on the previous run never overrides a newer widget value.
    external = raw is not None and synced.get(param, _MISSING) != raw
    if key in st.session_state and not external:
        if not ok(st.session_state[key]):
            st.session_state[key] = default
        return
    if raw is not None:
        try:
            value = parse(raw)
        except (ValueError, TypeError, KeyError):
            value = _MISSING
        if value is not _MISSING and ok(value):
            st.session_state[key] = value
            synced[param] = raw
            return
        notice(f"{param}={raw}")
        synced[param] = raw  # reported once; sync() will replace it
    if key in st.session_state and ok(st.session_state[key]):
        return
    shadow = st.session_state.get(_shadow_key(key), _MISSING)
    st.session_state[key] = shadow if shadow is not _MISSING and ok(shadow) else default


def from_outside(param: str) -> bool:
    """True when ?param= holds a value this session did not write itself (a shared link, a journey link)."""
    raw = _raw_param(param)
    return raw is not None and st.session_state.get(SYNCED_KEY, {}).get(param, _MISSING) != raw


def sync(key: str, param: str, *, default: Any, serialize: Callable[[Any], str] = str) -> None:
    """After drawing widget `key`: remember its value and mirror it in the URL (left out when default)."""
    value = st.session_state.get(key, default)
    st.session_state[_shadow_key(key)] = value
    text = "" if value == default or value is None else serialize(value)
    set_param(param, text or None)


def set_param(param: str, value: str | None) -> None:
    """Set or remove one URL parameter without touching the others."""
    current = _raw_param(param)
    if value:
        if current != value:
            st.query_params[param] = value
    elif current is not None:
        del st.query_params[param]
    st.session_state.setdefault(SYNCED_KEY, {})[param] = value or None


def csv_parse(allowed: Callable[[], list[str]] | list[str] | tuple[str, ...]):
    """A parse() for multiselects: 'a,b' -> ['a', 'b'], raising ValueError on any unknown item."""

    def parse(raw: str) -> list[str]:
        options = allowed() if callable(allowed) else allowed
        items = [p.strip() for p in raw.split(",") if p.strip()]
        if any(i not in options for i in items):
            raise ValueError(raw)
        return list(dict.fromkeys(items))

    return parse


def csv_serialize(value) -> str:
    return ",".join(value or [])


def choice_parse(allowed: list[str] | tuple[str, ...]):
    def parse(raw: str) -> str:
        if raw not in allowed:
            raise ValueError(raw)
        return raw

    return parse


def set_selection(filters: FilterState, codes: list[str] | tuple[str, ...], total: int) -> None:
    st.session_state[FILTERS_KEY] = filters
    st.session_state[FILTERS_STATE_KEY] = state_key(filters)
    st.session_state[CODES_KEY] = list(codes)
    st.session_state[TOTAL_KEY] = total


def filters_key() -> tuple:
    """A hashable key of the sidebar filters of this run (dashboard.core.filters.state_key): pages put it in
    the key of what they memoise per build (db.per_build), next to the language and their own parameters."""
    key = st.session_state.get(FILTERS_STATE_KEY)
    return key if key is not None else state_key(current_filters())


def current_filters() -> FilterState:
    return st.session_state.get(FILTERS_KEY) or FilterState()


def filtered_codes() -> list[str]:
    """Municipality codes that pass the sidebar filters (computed by app.py before the page runs)."""
    return list(st.session_state.get(CODES_KEY, []))


def total_municipalities() -> int:
    return int(st.session_state.get(TOTAL_KEY, 0))


def remember(key: str, value: Any) -> None:
    """Keep a value for this session that is not a widget (e.g. the last municipality looked at)."""
    st.session_state[SHADOW_PREFIX + key] = value


def recall(key: str, default: Any = None) -> Any:
    return st.session_state.get(SHADOW_PREFIX + key, default)
