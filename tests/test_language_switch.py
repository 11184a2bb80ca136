"""After a language switch in the sidebar every choice keeps its value and shows it in the new language (issue 12).

Streamlit keeps the displayed option texts of a keyed widget when only format_func changes, so widgets whose
options are words of the interface language are keyed per language (state.lang_key). These AppTests hold the
state side: the value goes over to the other language's widget, and a value changed in one language is the one
the other language shows afterwards (never an older one). tests/browser/test_accessibility.py checks what the
browser displays.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from dashboard.core import settings
from dashboard.core.i18n import t

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")


@pytest.fixture(scope="module", autouse=True)
def real_warehouse(built_warehouse):
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(settings, "WAREHOUSE_PATH", built_warehouse)
        yield built_warehouse


def _functions() -> dict[str, tuple[str, str]]:
    """basic function id -> (Dutch label, English label), from the reference data."""
    ref = yaml.safe_load((Path(settings.DATA_DIR) / "reference" / "basic_functions.yaml").read_text("utf-8"))
    items = ref["basic_functions"] if isinstance(ref, dict) else ref
    return {f["id"]: (f["name_nl"], f["name_en"]) for f in items}


def _switch(at: AppTest, lang: str) -> AppTest:
    at.radio(key="lang").set_value(lang).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _keys(at: AppTest, kind: str) -> set[str]:
    return {w.key for w in at.get(kind) if w.key}


def test_sidebar_filter_keeps_its_value_and_shows_it_in_the_new_language():
    functions = _functions()
    fid = sorted(functions)[0]
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"lang": "nl", "bf": fid})
    at.run()
    ms = at.multiselect(key="f_bf_nl")
    assert ms.value == [fid]
    assert functions[fid][0] in ms.options
    _switch(at, "en")
    assert "f_bf_nl" not in _keys(at, "multiselect")  # a new widget, drawn with English option texts
    ms = at.multiselect(key="f_bf_en")
    assert ms.value == [fid]
    assert functions[fid][1] in ms.options and functions[fid][0] not in ms.options
    assert ms.label == t("core_filter_function", "en")
    _switch(at, "nl")
    assert at.multiselect(key="f_bf_nl").value == [fid]


def test_a_value_changed_after_a_switch_is_the_one_the_other_language_shows():
    """nl: choose a filter and a map colour; en: clear the filter, colour back to the default; nl again: the
    newer values, not the ones chosen first in Dutch."""
    fid = sorted(_functions())[0]
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.multiselect(key="f_bf_nl").set_value([fid]).run()
    colours = at.selectbox(key="ov_color_nl").options
    default = at.selectbox(key="ov_color_nl").value
    assert len(colours) > 1
    at.selectbox(key="ov_color_nl").select_index(len(colours) - 1).run()
    chosen = at.selectbox(key="ov_color_nl").value
    assert chosen != default
    _switch(at, "en")
    assert at.multiselect(key="f_bf_en").value == [fid]
    assert at.selectbox(key="ov_color_en").value == chosen
    at.multiselect(key="f_bf_en").set_value([]).run()
    at.selectbox(key="ov_color_en").set_value(default).run()
    _switch(at, "nl")
    assert at.multiselect(key="f_bf_nl").value == []
    assert at.selectbox(key="ov_color_nl").value == default
    assert "bf" not in at.query_params and "color" not in at.query_params
