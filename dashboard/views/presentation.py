"""Presentatie: the pinned charts in order, full screen one at a time, or as a PowerPoint deck.

Presentation mode (toggle, or ?present=1 in the URL) hides the sidebar and Streamlit's chrome with CSS
that is injected only in this mode, enlarges the fonts and shows one chart per screen with its title and
source, readable from the back of a room. The chart takes the height the screen leaves free, so title,
chart, source and the Vorige/Volgende row fit without scrolling at 1280x800 as well as at 1920x1080.
Widgets and layout only; the logic is in dashboard.core.exports and dashboard.ui.chart_panel.
"""

from __future__ import annotations

import functools
import json
import logging

import streamlit as st

from dashboard.core import chart_text, exports, responsive
from dashboard.core.i18n import t
from dashboard.runtime import state
from dashboard.ui import common
from dashboard.ui.chart_panel import get_pins

log = logging.getLogger("lokale_teams")

MODE_KEY = "present_mode"  # plain session state: survives runs in which the toggle is not drawn
TOGGLE_KEY = "present_toggle"  # the toggle widget; its callback copies the value to MODE_KEY
INDEX_KEY = "present_index"
CHART_BOX_KEY = "present_chart_box"
#: Nominal chart height. In the browser PRESENT_CSS replaces it by the height the screen leaves free (the
#: chart stretches to fill its box); it is what the chart gets where that CSS does not apply. A fixed
#: integer height on the box is also what Streamlit needs to draw facet and concat charts at all.
DISPLAY_HEIGHT = 600

# Only injected in presentation mode. Test ids as rendered by Streamlit 1.67.
PRESENT_CSS = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stExpandSidebarButton"],
[data-testid="stSidebarNav"], header[data-testid="stHeader"], [data-testid="stToolbar"],
[data-testid="stDecoration"], [data-testid="stStatusWidget"], [data-testid="stAppDeployButton"],
[data-testid="stMainMenu"], [data-testid="stToastContainer"], footer { display: none !important; }
[data-testid="stMainBlockContainer"], .block-container {
    padding: 1.2rem 2.5rem 0.5rem 2.5rem !important; max-width: 100% !important; }
[data-testid="stMain"] p, [data-testid="stMain"] li, [data-testid="stMain"] button p { font-size: 1.45rem !important; }
.present-title { font-size: 2.8rem; font-weight: 700; line-height: 1.15; margin: 0 0 0.2rem 0; }
.present-subtitle { font-size: 1.5rem; color: #444; margin: 0 0 0.4rem 0; }
.present-source { font-size: 1.3rem; color: #555; margin: 0.2rem 0 0 0; }
.present-counter { font-size: 1.6rem; font-weight: 600; text-align: center; }
/* Fit the slide to the screen (1280x800 projectors as well as 1920x1080): the page is one viewport tall,
   the chart box gets the height the source line and the controls leave, the chart stretches to fill it. */
[data-testid="stMainBlockContainer"] { height: 100vh; height: 100dvh; }
[data-testid="stMainBlockContainer"] > [data-testid="stVerticalBlock"] { height: 100%; }
[data-testid="stLayoutWrapper"]:has(> .st-key-present_chart_box) {
    flex: 1 1 0 !important; height: auto !important; min-height: 360px; }
.st-key-present_chart_box { height: 100% !important; max-height: none !important; overflow: hidden !important; }
/* A chart drawn at a fixed size (the organisation matrix: cells sized for their words) is scaled down as a
   whole to fit the box instead of being cut off; charts that already fit are not changed. */
.st-key-present_chart_box [data-testid="stVegaLiteChart"] { height: 100%; }
.st-key-present_chart_box svg.marks { max-width: 100%; max-height: 100%; width: auto; height: auto; }
</style>
"""


def _escape(text: str) -> str:
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")


def _init_mode() -> None:
    """?present=1 turns the mode on when the page is opened; the toggle keeps the URL in step."""
    if MODE_KEY not in st.session_state:
        st.session_state[MODE_KEY] = str(st.query_params.get("present", "")).lower() in {"1", "true", "yes", "on"}
    if INDEX_KEY not in st.session_state:
        try:
            st.session_state[INDEX_KEY] = max(0, int(st.query_params.get("pres_slide", "1")) - 1)
        except ValueError:
            log.info("presentation: pres_slide is not a number; starting at the first slide")
            st.session_state[INDEX_KEY] = 0


def _sync_url() -> None:
    if st.session_state.get(MODE_KEY):
        st.query_params["present"] = "1"
        st.query_params["pres_slide"] = str(st.session_state.get(INDEX_KEY, 0) + 1)
    else:
        for name in ("present", "pres_slide"):
            if name in st.query_params:
                del st.query_params[name]


def _step(delta: int, total: int) -> None:
    st.session_state[INDEX_KEY] = min(max(0, st.session_state.get(INDEX_KEY, 0) + delta), max(0, total - 1))


def _set_mode(on: bool) -> None:
    st.session_state[MODE_KEY] = on


def _move(index: int, delta: int) -> None:
    pins = get_pins()
    target = index + delta
    if 0 <= index < len(pins) and 0 <= target < len(pins):
        pins[index], pins[target] = pins[target], pins[index]


def _remove(index: int) -> None:
    pins = get_pins()
    if 0 <= index < len(pins):
        pins.pop(index)


def _clear() -> None:
    get_pins().clear()
    st.session_state[INDEX_KEY] = 0


def _display_spec(pin: dict) -> dict:
    """The pinned spec with its title and filters written in, at projector font sizes."""
    spec = json.loads(pin["spec"]) if isinstance(pin.get("spec"), str) else exports.chart_to_spec(pin["spec"])
    spec = exports.with_annotations(spec, title=pin.get("title"), subtitle=pin.get("subtitle"))
    # Streamlit fits the whole chart (title and axes included) into the box of show_slide, which the CSS
    # sizes to the viewport minus the source line and the navigation row.
    # 34 px title and 22 px subtitle: about 50 and 100 characters fit a 1280-pixel screen; longer ones wrap
    spec = responsive.wrapped_title(spec, title_chars=50, subtitle_chars=100)
    return exports.presentation_spec(spec, width="container", height=DISPLAY_HEIGHT)


def _slide_specs(pin: dict) -> tuple[dict, dict]:
    """(display spec, the drawn spec with its accessible description) of a pin; a pin's spec is JSON text, so
    the pair is memoised on that text (a slide is redrawn on every rerun of the presenter's session)."""
    if not isinstance(pin.get("spec"), str):
        spec = _display_spec(pin)
        return spec, chart_text.accessible_spec(spec, pin.get("description") or pin.get("title") or "")
    return _slide_specs_of(pin["spec"], pin.get("title"), pin.get("subtitle"), pin.get("description"))


@functools.lru_cache(maxsize=64)
def _slide_specs_of(spec: str, title: str | None, subtitle: str | None, description: str | None) -> tuple[dict, dict]:
    shown = _display_spec({"spec": spec, "title": title, "subtitle": subtitle})
    return shown, chart_text.accessible_spec(shown, description or title or "")


def _deck_builder(pins: list[dict], lang: str, filters: str | None):
    snapshot = [dict(pin) for pin in pins]
    cite = common.citation(lang)

    def build() -> bytes:
        return exports.build_deck(snapshot, lang=lang, title=t("pres_deck_title", lang), filters=filters, citation=cite)

    return build


def _active_filters(lang: str) -> str | None:
    """The dashboard's active filters in words (for the title slide), when the app has computed them."""
    return common.filters_text(lang) if state.total_municipalities() else None


def show_slide(pins: list[dict], lang: str) -> None:
    st.markdown(PRESENT_CSS, unsafe_allow_html=True)
    total = len(pins)
    index = min(st.session_state.get(INDEX_KEY, 0), total - 1)
    st.session_state[INDEX_KEY] = index
    pin = pins[index]
    spec, described = _slide_specs(pin)
    # theme=None: Streamlit's theme thins out axis labels at projector font sizes; without it the slide
    # looks like the exported PNG and the deck.
    with st.container(key=CHART_BOX_KEY, height=DISPLAY_HEIGHT, border=False):
        st.vega_lite_chart(described, width="stretch", height="stretch", theme=None, key=f"present_chart_{index}")
    source = pin.get("source")
    if source and not exports.contains_text(spec, source):
        st.markdown(
            f'<p class="present-source">{_escape(t("exp_source_prefix", lang))}: {_escape(source)}</p>',
            unsafe_allow_html=True,
        )
    with st.container(horizontal=True, vertical_alignment="center", horizontal_alignment="center", gap="large"):
        st.button(
            t("pres_prev", lang),
            key="present_prev",
            icon=":material/arrow_back:",
            on_click=_step,
            args=(-1, total),
            disabled=index == 0,
            shortcut="Left",
        )
        st.markdown(
            f'<div class="present-counter">{t("pres_counter", lang, n=index + 1, total=total)}</div>',
            unsafe_allow_html=True,
        )
        st.button(
            t("pres_next", lang),
            key="present_next",
            icon=":material/arrow_forward:",
            on_click=_step,
            args=(1, total),
            disabled=index >= total - 1,
            shortcut="Right",
        )
        st.button(
            t("pres_exit", lang),
            key="present_exit",
            icon=":material/close:",
            on_click=_set_mode,
            args=(False,),
            type="tertiary",
            shortcut="Esc",
        )


def show_manager(pins: list[dict], lang: str) -> None:
    st.title(t("pres_page_title", lang))
    st.markdown(t("pres_intro", lang))
    st.toggle(
        t("pres_toggle", lang),
        value=bool(st.session_state.get(MODE_KEY)) and bool(pins),
        key=TOGGLE_KEY,
        help=t("pres_toggle_help", lang),
        disabled=not pins,
        on_change=lambda: _set_mode(bool(st.session_state.get(TOGGLE_KEY))),
    )
    if not pins:
        st.info(t("pres_empty", lang))
        return
    filters = _active_filters(lang)
    with st.container(horizontal=True, gap="small"):
        st.download_button(
            t("pres_deck_download", lang),
            data=_deck_builder(pins, lang, filters),
            file_name=exports.deck_filename(),
            key="present_deck",
            mime="application/vnd.openxmlformats-officedocument.presentationml.presentation",
            on_click="ignore",
            icon=":material/slideshow:",
            type="primary",
            help=t("pres_deck_help", lang),
        )
        st.button(t("pres_clear", lang), key="present_clear", on_click=_clear, icon=":material/delete_sweep:")
    st.subheader(t("pres_pinned_heading", lang, n=len(pins)))
    for i, pin in enumerate(pins):
        with st.container(border=True, key=f"present_pin_{i}"):
            cols = st.columns([6, 1, 1, 1], vertical_alignment="center")
            cols[0].markdown(f"**{i + 1}. {_escape(pin.get('title') or pin.get('slug'))}**")
            if pin.get("subtitle"):
                cols[0].caption(pin["subtitle"])
            cols[1].button(
                t("pres_move_up", lang),
                key=f"present_up_{i}",
                on_click=_move,
                args=(i, -1),
                disabled=i == 0,
                icon=":material/arrow_upward:",
                type="tertiary",
            )
            cols[2].button(
                t("pres_move_down", lang),
                key=f"present_down_{i}",
                on_click=_move,
                args=(i, 1),
                disabled=i == len(pins) - 1,
                icon=":material/arrow_downward:",
                type="tertiary",
            )
            cols[3].button(
                t("pres_remove", lang),
                key=f"present_remove_{i}",
                on_click=_remove,
                args=(i,),
                icon=":material/close:",
                type="tertiary",
            )


def main() -> None:
    lang = state.current_lang()
    _init_mode()
    pins = get_pins()
    if st.session_state.get(MODE_KEY) and pins:
        show_slide(pins, lang)
    else:
        show_manager(pins, lang)
    _sync_url()


main()
