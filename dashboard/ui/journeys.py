"""Journey links between pages (st.page_link) that keep language and filters: see dashboard/core/journeys.py."""

from __future__ import annotations

import logging

import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from dashboard.core import journeys
from dashboard.core.safe_text import md_escape

log = logging.getLogger("lokale_teams")


def current_params() -> dict[str, list[str]]:
    """The URL's parameters now; the sidebar has already written the active filters and language into it."""
    return {key: st.query_params.get_all(key) for key in st.query_params}


def link(page: str, label: str, params: dict[str, str], *, icon: str, help: str | None = None) -> None:
    try:
        # the label holds a municipality name from the data: shown as text, never as markdown
        st.page_link(page, label=md_escape(label), query_params=params, icon=icon, help=help)
    except StreamlitPageNotFoundError:
        # the page runs on its own (a unit test without st.navigation): there is nothing to link to
        log.info("no link to %s: the page is not part of a navigation", page)


def to_profile(slug: str, label: str, *, help: str | None = None, here: dict[str, list[str]] | None = None) -> None:
    """here: current_params(), when a page draws many links in one run (read once, not per link)."""
    link(
        journeys.PROFILE_PAGE,
        label,
        journeys.profile_params(current_params() if here is None else here, slug),
        icon=":material/location_city:",
        help=help,
    )


def to_compare(
    slugs: list[str], label: str, *, help: str | None = None, here: dict[str, list[str]] | None = None
) -> None:
    link(
        journeys.COMPARE_PAGE,
        label,
        journeys.compare_params(current_params() if here is None else here, slugs),
        icon=":material/compare:",
        help=help,
    )


def to_peers(slug: str, label: str, *, help: str | None = None) -> None:
    link(journeys.PEERS_PAGE, label, journeys.peers_params(current_params(), slug), icon=":material/groups:", help=help)
