"""Render a chart together with its downloads and the pin-to-presentation control.

Every page shows charts through render_chart(), so that exports and presentation mode work the same for
every chart. Under each chart: Download PNG, Download SVG, Download data (CSV of the rows behind it) and
Pin to presentation.

Images are rendered only when the user clicks a download button (st.download_button with a callable), on
Streamlit's worker thread, and cached per spec hash in dashboard.core.exports, so a page with ten charts costs
no rendering at all until somebody asks for a file.

Pins live in st.session_state[PINS_KEY] as a list of dicts
{slug, title, subtitle, source, spec (Vega-Lite JSON), data (DataFrame)}; the presentation page reads them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import Any

import pandas as pd
import pyarrow as pa
import streamlit as st
from streamlit import dataframe_util

from dashboard.core import chart_text, exports, responsive
from dashboard.core.i18n import t
from dashboard.core.safe_text import md_escape
from dashboard.runtime import db
from dashboard.ui.common import arrow_table

PINS_KEY = "presentation_pins"
# Every chart box is as wide as its column, never wider: the responsive charts measure this box
# (dashboard.core.responsive), and what still cannot shrink (a long subtitle line on a phone) scrolls inside
# the box instead of widening the page.
CHART_BOX_CSS = """<style>
[data-testid="stVegaLiteChart"] { width: 100% !important; max-width: 100%; overflow-x: auto; }
</style>"""


def get_pins() -> list[dict[str, Any]]:
    """The pinned charts of this session, in presentation order (the list itself: edits stick)."""
    return st.session_state.setdefault(PINS_KEY, [])


def is_pinned(slug: str) -> bool:
    return any(pin.get("slug") == slug for pin in st.session_state.get(PINS_KEY, []))


def make_pin(
    chart: dict[str, Any],
    *,
    slug: str,
    data: pd.DataFrame | None,
    title: str | None = None,
    subtitle: str | Iterable[str] | None = None,
    source: str | Iterable[str] | None = None,
) -> dict[str, Any]:
    """A pin: everything the presentation page and the deck need, independent of the page it came from."""
    spec = exports.chart_to_spec(chart)
    return {
        "slug": slug,
        "title": title or exports.spec_title(spec) or slug,
        "subtitle": _text(subtitle),
        "source": _text(source),
        "spec": exports.spec_json(spec),
        "data": data.copy() if isinstance(data, pd.DataFrame) else pd.DataFrame(data if data is not None else []),
    }


def _text(value: str | Iterable[str] | None) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return "\n".join(str(v) for v in value)


def _toggle_pin(chart, slug, data, title, subtitle, source, lang, description=None) -> None:
    """Button callback: pin the chart, or unpin it if it is pinned already (same slug: same chart)."""
    pins = get_pins()
    existing = [i for i, pin in enumerate(pins) if pin.get("slug") == slug]
    if existing:
        removed = pins.pop(existing[0])
        st.toast(t("exp_unpinned_toast", lang, title=removed.get("title", slug)))
        return
    pin = make_pin(chart, slug=slug, data=data, title=title, subtitle=subtitle, source=source)
    pin["description"] = description or pin["title"]
    pins.append(pin)
    st.toast(t("exp_pinned_toast", lang, title=pin["title"]))


@dataclass(frozen=True)
class Prepared:
    """Everything render_chart draws for one chart, built once: shared between reruns and sessions (never
    change it). spec is the whole Vega-Lite spec (downloads, pins and their cache key); drawn is what the
    page shows: no title block, the accessible description set, and the tabular datasets already as Arrow
    bytes, so Streamlit does not serialise them again on every rerun."""

    spec: dict[str, Any]
    drawn: dict[str, Any]
    heading: str | None
    own_title: str  # markdown, escaped
    own_subtitle: str  # markdown, escaped, one line per subtitle line
    summary: str | None  # markdown, escaped
    description: str
    table: Any  # the "show as table" rows as an Arrow table (None without a family)


def _arrow_datasets(spec: dict[str, Any]) -> dict[str, Any]:
    datasets = spec.get("datasets")
    if not isinstance(datasets, dict):
        return spec
    converted = {
        name: values if isinstance(values, bytes) or not isinstance(values, list) else _to_arrow(values)
        for name, values in datasets.items()
    }
    return {**spec, "datasets": converted}


def _to_arrow(rows: list) -> Any:
    """A dataset's rows as the Arrow IPC bytes Streamlit sends (it would convert them on every rerun).

    The rows are plain values (dashboard.core.charts.rows.records: text, numbers, booleans, and None where a
    value is missing, NaN and infinity included), so Arrow builds the table from them directly, in about a
    sixth of the time of Streamlit's own route through a pandas DataFrame (0,2 against 1,3 ms for 176 rows);
    the values read back the same (a whole-number column with gaps stays whole instead of becoming decimal).
    Rows without columns, rows whose keys differ and columns that mix types go Streamlit's route."""
    first = rows[0] if rows else None
    if not isinstance(first, dict) or (first.get("type") == "Feature" and "geometry" in first):
        return rows  # empty, or not a table (GeoJSON features): left to Streamlit, which keeps it in the spec
    keys = first.keys()
    # Arrow would drop rows without columns ("empty" datasets) and keep only the first row's keys
    if keys and all(isinstance(row, dict) and row.keys() == keys for row in rows):
        try:
            return dataframe_util.convert_arrow_table_to_arrow_bytes(pa.Table.from_pylist(rows))
        except (pa.ArrowException, TypeError, OverflowError):
            pass  # a column that mixes types, or keys that are not text: pandas decides, as Streamlit would
    return dataframe_util.convert_anything_to_arrow_bytes(rows)


def prepare(
    chart: dict[str, Any],
    *,
    data: pd.DataFrame | None,
    lang: str,
    title: str | None = None,
    family: str | None = None,
    table: pd.DataFrame | None = None,
) -> Prepared:
    """Build the spec (once, without schema validation) and everything drawn from it (pure of Streamlit
    state; safe to call inside db.per_build). table replaces the family's "show as table" rows (a page that
    knows a smaller, readable table than every column of data)."""
    spec = exports.chart_to_spec(chart)
    frame = data if isinstance(data, pd.DataFrame) else pd.DataFrame()
    heading = title or exports.spec_title(spec)
    summary = chart_text.summary(family, frame, lang) if family else None
    description = f"{heading}. {summary}" if heading and summary else (summary or heading or "")
    if summary:
        summary = md_escape(summary)  # built from data: names and labels are text, never markdown
    drawn, own_title, own_subtitle = responsive.without_title(spec)
    drawn = _arrow_datasets(chart_text.accessible_spec(drawn, description))
    if family:
        table = arrow_table(table if table is not None else chart_text.table_view(family, frame, lang))
    return Prepared(
        spec,
        drawn,
        heading,
        f"**{md_escape(own_title)}**" if own_title else "",
        "  \n".join(md_escape(line) for line in own_subtitle),
        summary,
        description,
        table if family else None,
    )


def prepared(key: Hashable, build: Callable[[], tuple[Any, pd.DataFrame | None]], **kw: Any) -> tuple[Prepared, Any]:
    """(Prepared chart, its data) once per warehouse build and key (db.per_build). build() returns
    (chart, data); key must name every input the chart is built from (page, filter key, language, params).
    kw (lang, title, family) go to prepare()."""

    def make() -> tuple[Prepared, Any]:
        chart, data = build()
        return prepare(chart, data=data, **kw), data

    return db.per_build(("chart", key), make, large=True)


def render_chart(
    chart: dict[str, Any] | Prepared,
    *,
    slug: str,
    data: pd.DataFrame,
    lang: str,
    key: str,
    title: str | None = None,
    subtitle: str | Iterable[str] | None = None,
    source: str | Iterable[str] | None = None,
    on_select: str | Callable[[], None] = "ignore",
    private: bool = False,
    width: str = "stretch",
    family: str | None = None,
) -> Any:
    """Draw chart with PNG/SVG/CSV downloads and a pin button under it.

    slug names the chart in file names (e.g. 'contrast_inkomen' -> lokale-teams_contrast_inkomen_2019.png);
    data is the exact rows behind the chart (the CSV download); key makes the widget keys unique on a page.
    title, subtitle (the active filters) and source are written into the exported images when the chart's
    own spec does not already contain them; pass them whenever the page shows them outside the chart.
    on_select is passed to st.vega_lite_chart (e.g. "rerun" for a clickable map); the selection state it returns
    is returned here (None when on_select is "ignore").
    private=True keeps rendered images out of the process-wide cache (charts built from a user's own data).
    width="content" draws a chart at its own size (a grid whose cell sizes are fixed) instead of stretching it.
    family (see dashboard.core.chart_text.FAMILIES) picks the one-sentence summary shown above the chart and the
    columns of its "Show as table" view; the summary is also the drawn chart's accessible description.
    """
    # The spec is built once, without schema validation, and serves the drawing, the downloads and the pin;
    # a Prepared chart (prepared()) was built on an earlier rerun or by another session.
    prep = chart if isinstance(chart, Prepared) else prepare(chart, data=data, lang=lang, title=title, family=family)
    spec = prep.spec
    description = prep.description or slug
    st.markdown(CHART_BOX_CSS, unsafe_allow_html=True)
    if prep.own_title:
        st.markdown(prep.own_title)
    if prep.own_subtitle:
        st.caption(prep.own_subtitle)
    if prep.summary:
        st.caption(prep.summary)
    drawn = prep.drawn if prep.description else {**prep.drawn, "description": description}
    event = st.vega_lite_chart(drawn, width=width, key=f"{key}__chart", on_select=on_select)
    if prep.table is not None:
        with st.expander(t("ctext_show_table", lang), icon=":material/table_rows:"):
            st.dataframe(prep.table, hide_index=True, width="stretch", key=f"{key}__table")
    slug = exports.slugify(slug)

    def png() -> bytes:
        return exports.chart_png(spec, lang=lang, title=title, subtitle=subtitle, source=source, cache=not private)

    def svg() -> bytes:
        return exports.chart_svg(spec, lang=lang, title=title, subtitle=subtitle, source=source, cache=not private)

    def csv() -> bytes:
        return exports.dataframe_csv_bytes(data if data is not None else pd.DataFrame())

    with st.container(horizontal=True, gap="small", key=f"{key}__exports"):
        st.download_button(
            t("exp_download_png", lang),
            data=png,
            file_name=exports.export_filename(slug, "png"),
            mime="image/png",
            key=f"{key}__png",
            on_click="ignore",
            icon=":material/image:",
            help=t("exp_download_png_help", lang),
            type="tertiary",
        )
        st.download_button(
            t("exp_download_svg", lang),
            data=svg,
            file_name=exports.export_filename(slug, "svg"),
            mime="image/svg+xml",
            key=f"{key}__svg",
            on_click="ignore",
            icon=":material/draw:",
            help=t("exp_download_svg_help", lang),
            type="tertiary",
        )
        st.download_button(
            t("exp_download_data", lang),
            data=csv,
            file_name=exports.export_filename(slug, "csv"),
            mime="text/csv",
            key=f"{key}__csv",
            on_click="ignore",
            icon=":material/table:",
            help=t("exp_download_data_help", lang),
            type="tertiary",
        )
        pinned = is_pinned(slug)
        st.button(
            t("exp_unpin" if pinned else "exp_pin", lang),
            key=f"{key}__pin",
            type="tertiary",
            icon=":material/keep_off:" if pinned else ":material/keep:",
            on_click=_toggle_pin,
            args=(spec, slug, data, title, subtitle, source, lang, description),
        )
    return None if on_select == "ignore" else event
