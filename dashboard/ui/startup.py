"""Make sure a warehouse exists before anything is drawn (so `streamlit run dashboard/app.py` works on a
fresh checkout), and turn invalid data into a readable list of problems instead of a traceback.

etl.build.ensure_warehouse compares checksums of data/ with the warehouse's meta table and rebuilds
atomically when they differ. The check reads every data file, so it runs at most once per CHECK_SECONDS
per process, not on every rerun; a rebuild it triggers is picked up by dashboard.runtime.db on the next rerun.
A missing warehouse is checked at once, not after CHECK_SECONDS (recover()), so a deleted or broken file is
rebuilt before the next page is drawn. A data folder the server may not write to is not a data error: the
last warehouse keeps being served, with a short note and no server path.
"""

from __future__ import annotations

import logging
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import streamlit as st

from dashboard.core import settings
from dashboard.core.i18n import t
from dashboard.core.safe_text import md_escape, strip_paths

log = logging.getLogger("lokale_teams")

CHECK_SECONDS = 30.0
MAX_PROBLEMS_SHOWN = 50


@dataclass
class BuildGuard:
    lock: threading.Lock = field(default_factory=threading.Lock)
    checked_at: float = float("-inf")
    problems: list[str] = field(default_factory=list)
    failed: bool = False
    read_only: bool = False  # the build could not write next to the warehouse (permissions, read-only disk)


@st.cache_resource(show_spinner=False)
def _guard(data_dir: str, warehouse: str) -> BuildGuard:
    return BuildGuard()


def _check(guard: BuildGuard, data_dir: Path, warehouse: Path, lang: str) -> None:
    try:
        from etl.build import ensure_warehouse
        from etl.validate import DataError
    except ImportError:  # the ETL is not installed next to the app: serve whatever warehouse exists
        guard.problems, guard.failed = [], False
        return
    guard.read_only = False
    try:
        with st.spinner(t("core_building", lang)):
            ensure_warehouse(data_dir, warehouse)
        guard.problems, guard.failed = [], False
    except DataError as exc:
        guard.problems, guard.failed = list(exc.problems), True
    except Exception as exc:
        if not _writable(warehouse.parent):
            # DuckDB reports this as an IOException, the OS as PermissionError or EROFS: ask the folder itself
            guard.problems, guard.failed, guard.read_only = [], False, True
            return
        log.exception("building the warehouse failed")
        guard.problems, guard.failed = [strip_paths(f"{exc.__class__.__name__}: {exc}")], True


def _writable(folder: Path) -> bool:
    """Whether a file can be created in folder (a real attempt: permissions, ACLs, read-only mounts)."""
    try:
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".lokale-teams-probe-"):
            return True
    except OSError as exc:
        log.info("data folder %s is not writable: %s", folder, exc)
        return False


def ensure_data(lang: str) -> bool:
    """True when a warehouse can be served. Shows a friendly message when the data are invalid."""
    data_dir, warehouse = Path(settings.DATA_DIR), Path(settings.WAREHOUSE_PATH)
    guard = _guard(str(data_dir), str(warehouse))
    due = lambda: time.monotonic() - guard.checked_at >= CHECK_SECONDS or not warehouse.is_file()  # noqa: E731
    if due():
        with guard.lock:
            if due():
                _check(guard, data_dir, warehouse, lang)
                guard.checked_at = time.monotonic()
    have_old = warehouse.is_file()
    if guard.read_only:
        if have_old:
            st.caption(t("core_data_readonly_old", lang))
            return True
        st.error(t("core_data_readonly", lang), icon=":material/error:")
        return False
    if not guard.failed:
        return True
    shown = guard.problems[:MAX_PROBLEMS_SHOWN]
    more = len(guard.problems) - len(shown)
    body = "\n".join(f"- {md_escape(p)}" for p in shown) + (f"\n- … (+{more})" if more > 0 else "")
    if have_old:
        with st.expander(t("core_data_invalid_old", lang, n=len(guard.problems)), icon=":material/warning:"):
            st.markdown(body)
            st.caption(t("core_data_invalid_hint", lang))
        return True
    st.error(t("core_data_invalid", lang, n=len(guard.problems)), icon=":material/error:")
    st.markdown(body)
    st.caption(t("core_data_invalid_hint", lang))
    return False


def force_recheck() -> None:
    """Tests: make the next ensure_data() call check the data again."""
    _guard.clear()


def recover(lang: str) -> bool:
    """After the warehouse could not be opened (deleted, or replaced by something unreadable): check and
    rebuild now, in this run, instead of after CHECK_SECONDS (ensure_warehouse rebuilds a file whose meta
    table cannot be read). True when a warehouse can be served again."""
    data_dir, warehouse = Path(settings.DATA_DIR), Path(settings.WAREHOUSE_PATH)
    _guard(str(data_dir), str(warehouse)).checked_at = float("-inf")
    return ensure_data(lang)
