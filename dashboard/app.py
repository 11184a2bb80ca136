"""Entry point: `streamlit run dashboard/app.py`.

Declares the pages (st.navigation), makes sure the warehouse exists, draws the shared sidebar (language,
filters, 'N van 16 gemeenten', reset) and runs the chosen page. Pages hold widgets and layout only; they
read the filter result through dashboard.runtime.state and data through dashboard.runtime.db.
"""

from __future__ import annotations

import logging
from pathlib import Path

import streamlit as st

# `dashboard` imports as a package because the project is installed (`pip install -e . --no-deps`, which `make`
# does); `streamlit run` itself puts only dashboard/ on the path.
from dashboard.core import filters, settings
from dashboard.core.i18n import t
from dashboard.runtime import db, gate, memory, state, tcp
from dashboard.ui import a11y, common, sidebar, startup

log = logging.getLogger("lokale_teams")
FAVICON = Path(__file__).resolve().parent / "core" / "assets" / "favicon.png"

# (file relative to this script, title key, url path, icon), in menu order.
PAGES = (
    ("views/overview.py", "core_page_overview", "overzicht", ":material/map:"),
    ("views/profile.py", "core_page_profile", "profiel", ":material/location_city:"),
    ("views/compare.py", "core_page_compare", "vergelijken", ":material/compare:"),
    ("views/contrasts.py", "core_page_contrasts", "contrasten", ":material/grid_on:"),
    ("views/practices.py", "core_page_practices", "praktijkvoorbeelden", ":material/lightbulb:"),
    ("views/peers.py", "core_page_peers", "vergelijkbare-gemeenten", ":material/groups:"),
    ("views/presentation.py", "core_page_presentation", "presentatie", ":material/slideshow:"),
    ("views/sql_console.py", "core_page_sql", "sql-console", ":material/terminal:"),
    ("views/about.py", "core_page_about", "over-de-data", ":material/info:"),
)


def build_pages(lang: str) -> list:
    """st.Page objects in menu order."""
    pages = []
    for path, title_key, url_path, icon in PAGES:
        if path == "views/sql_console.py" and not settings.SQL_CONSOLE_ENABLED:
            continue
        page = st.Page(
            path, title=t(title_key, lang), url_path=url_path, icon=icon, default=(path == "views/overview.py")
        )
        pages.append(page)
    return pages


def check_unknown_params(lang: str) -> None:
    """URL parameters no widget of this run used: name them briefly and drop them."""
    known = state.bound_params()
    for param in list(st.query_params.keys()):
        if param in known or param.startswith(state.EXTERNAL_PARAM_PREFIXES):
            continue
        state.notice(f"{param}={','.join(st.query_params.get_all(param))}")
        del st.query_params[param]


memory.limit_arenas()  # once per process is enough; repeated calls are harmless (see dashboard/runtime/memory.py)
tcp.enable_nodelay()  # page views reach the browser without a 40 ms wait per view (dashboard/runtime/tcp.py)


def main() -> None:
    memory.trim()  # what earlier (and closed) sessions freed goes back to the OS, at most every 10 s
    # a local PNG: a :material: icon makes every page load fetch the favicon from fonts.gstatic.com
    st.set_page_config(page_title="Lokale teams", page_icon=str(FAVICON), layout="wide")
    state.begin_run()
    lang = state.current_lang()
    pages = build_pages(lang)
    current = st.navigation(pages)
    lang = sidebar.language_toggle()
    a11y.apply(lang)

    if not startup.ensure_data(lang):
        st.stop()
    try:
        try:
            db.refresh()
        except db.WarehouseError:
            # deleted or replaced by an unreadable file: rebuild now rather than fail for CHECK_SECONDS
            if not startup.recover(lang):
                st.stop()
            db.refresh()
    except db.WarehouseError as exc:
        common.warehouse_problem(exc, lang)
        st.stop()
    with db.run_scope():  # the warehouse is checked once per rerun; every query below uses that build
        run_page(current, lang)
    memory.freeze_after_warmup()


def selection(chosen: filters.FilterState) -> tuple[tuple[str, ...], int]:
    """(codes passing the filters, number of municipalities), once per build and filter state."""

    def build() -> tuple[tuple[str, ...], int]:
        overview = db.query("overview")
        codes = filters.apply_filters(chosen, overview, db.query("org_matrix"), db.query("highlights"))
        return tuple(codes), len(overview)

    return db.per_build(("selection", filters.state_key(chosen)), build, large=True)


def run_page(current, lang: str) -> None:
    try:
        lab = common.labels(lang)
        summary_slot = st.sidebar.container()
        chosen = sidebar.filter_sidebar(lang, lab)
        codes, total = selection(chosen)
        state.set_selection(chosen, codes, total)
        with summary_slot:
            sidebar.selection_summary(lang, len(codes), total, chosen.active)
        sidebar.data_footer(lang)
    except db.WarehouseError as exc:
        common.warehouse_problem(exc, lang)
        st.stop()

    notice_slot = st.container()
    try:
        current.run()
    except db.WarehouseError as exc:
        common.warehouse_problem(exc, lang)
    except Exception:
        log.exception("page %s failed", current.url_path)
        st.error(t("core_unexpected", lang), icon=":material/error:")

    check_unknown_params(lang)
    found = state.notices()
    if found:
        notice_slot.info(state.notices_message(found, lang), icon=":material/link_off:")


# Page views that arrive together finish one after another instead of all late (dashboard/runtime/gate.py).
with gate.one_run_at_a_time():
    main()
