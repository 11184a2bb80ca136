"""Exports without Streamlit: chart images, file names, the PowerPoint deck and data downloads.

Everything here is a pure function of its inputs so that it can be unit-tested and benchmarked without a
running app. The pages only wire these functions to buttons (dashboard/ui/chart_panel.py,
dashboard/ui/data_downloads.py, dashboard/views/presentation.py).

Why the image pipeline looks the way it does:
- Charts are rendered offline with vl-convert (no browser), so a PNG is the same on every machine.
- The on-screen chart may rely on context the page gives it (a heading above it, a caption below). A
  downloaded image travels alone, so title, subtitle (the active filters) and source are written into the
  spec before rendering if the chart builder has not already put them there.
- The number locale is passed to the renderer: a Dutch reader expects "41.000" and "7,3%", not "41,000".
"""
from __future__ import annotations

import copy
import datetime as dt
import hashlib
import io
import json
import logging
import math
import re
import struct
import threading
import unicodedata
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from typing import Any

import pandas as pd

from dashboard.core import queries
from dashboard.core.formatting import vega_locale
from dashboard.core.i18n import t
from etl.datapackage import FORMATS

log = logging.getLogger(__name__)

# --- Locales ------------------------------------------------------------------------------------------------



#: The year of the data in every file name: the dataset is a 2019 snapshot, not "today".
DATA_YEAR = 2019
FILE_PREFIX = "lokale-teams"

#: Exported PNGs are at least this many pixels wide, so they stay sharp on a slide or in a report.
MIN_PNG_WIDTH_PX = 1600
PNG_SCALE = 2.0

DASHBOARD_NAME = "Dashboard lokale-teams"


#: "Bron: ..." / "Source: ..." at the start of a line: a source line (chart builders write them so).
_SOURCE_PREFIX = re.compile(r"^(bron|bronnen|source|sources)\s*:\s*", flags=re.IGNORECASE)


def format_locale(lang: str) -> dict[str, Any]:
    """d3-format locale for the interface language: the same one the charts carry in config.locale."""
    return vega_locale(lang)


def time_format_locale(lang: str) -> dict[str, Any] | None:
    """d3-time-format locale (month and day names), or None to keep the renderer's default."""
    try:
        import vl_convert as vlc

        return dict(vlc.get_time_format_locale(t("locale_bcp47", lang)))
    except (ImportError, ValueError) as exc:  # an old vl-convert without the locale: the renderer's default
        log.warning("no time format locale for %s: %s", lang, exc)
        return None


def format_date(day: dt.date, lang: str = "nl") -> str:
    """'24 november 2025' / '24 November 2025' (Babel's CLDR data: the server's own locale is not ours)."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(day, "d MMMM y", locale=t("locale_cldr", lang))


# --- File names ---------------------------------------------------------------------------------------------

_SLUG_DROP = re.compile(r"[^a-z0-9]+")


def slugify(text: str, *, max_length: int = 80, fallback: str = "grafiek") -> str:
    """ASCII, lowercase, words joined by underscores; safe in every file system and URL.

    Accents are folded ("Súdwest-Fryslân" -> "sudwest_fryslan"), path separators and dots can never
    survive (so a slug cannot climb out of a folder), and an empty result falls back to a fixed word.
    """
    folded = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii").lower()
    slug = _SLUG_DROP.sub("_", folded).strip("_")
    slug = slug[:max_length].rstrip("_")
    return slug or fallback


def export_filename(slug: str, extension: str, *, year: int = DATA_YEAR) -> str:
    """lokale-teams_<slug>_2019.<ext>, e.g. lokale-teams_contrast_inkomen_2019.png."""
    return f"{FILE_PREFIX}_{slugify(slug)}_{year}.{slugify(extension, fallback='bin')}"


# --- Specs --------------------------------------------------------------------------------------------------


def chart_to_spec(chart: Any) -> dict[str, Any]:
    """A Vega-Lite spec as a dict from an Altair chart, a dict or a JSON string (always a fresh copy)."""
    if isinstance(chart, Mapping):
        return copy.deepcopy(dict(chart))
    if isinstance(chart, str | bytes):
        return json.loads(chart)
    if hasattr(chart, "to_dict"):
        # No schema validation: the builders are tested against the schema (tests/test_charts.py), and
        # validating on every draw cost about 40 % of a chart page's rerun.
        return chart.to_dict(validate=False)
    raise TypeError(f"not a chart or Vega-Lite spec: {type(chart).__name__}")


def spec_json(spec: Mapping[str, Any]) -> str:
    """Canonical JSON (sorted keys) so that equal specs hash equally."""
    return json.dumps(spec, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def spec_hash(spec: Mapping[str, Any] | str) -> str:
    text = spec if isinstance(spec, str) else spec_json(spec)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _title_parts(spec: Mapping[str, Any]) -> tuple[str, list[str]]:
    title = spec.get("title")
    if title is None:
        return "", []
    if isinstance(title, str):
        return title, []
    if isinstance(title, list):
        return "\n".join(map(str, title)), []
    text = title.get("text", "")
    text = "\n".join(map(str, text)) if isinstance(text, list) else str(text or "")
    sub = title.get("subtitle") or []
    return text, [str(s) for s in ([sub] if isinstance(sub, str) else sub)]


def spec_title(spec: Mapping[str, Any]) -> str:
    """The chart's own title, or '' when the spec has none."""
    return _title_parts(spec)[0]


def _as_lines(value: str | Iterable[str] | None) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [line for line in value.splitlines() if line.strip()]
    return [str(v) for v in value if str(v).strip()]


def _strings(node: Any) -> Iterable[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, Mapping):
        for key, value in node.items():
            if key != "datasets":  # the data rows are not annotations
                yield from _strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)


def _squash(text: str) -> str:
    return " ".join(text.split())


def _contains_text(spec: Mapping[str, Any], text: str) -> bool:
    """Whether text already appears in the spec (title, subtitle, a text mark...).

    Whitespace-insensitive and across neighbouring strings, because chart builders wrap long subtitle and
    source lines into several list items.
    """
    if not text or not text.strip():
        return True
    return _squash(text) in _squash(" ".join(_strings(spec)))


_COMPOSITE_KEYS = ("vconcat", "hconcat", "concat", "facet", "repeat")
# Properties that Vega-Lite only accepts on the outermost spec.
_TOP_LEVEL_ONLY = ("$schema", "config", "datasets", "background", "padding", "autosize", "usermeta")


def _footer_title(lines: list[str], font_size: float) -> dict[str, Any]:
    """The source line(s) as a title under the whole chart, left-aligned with the chart's own title."""
    return {
        "text": lines if len(lines) > 1 else lines[0],
        "orient": "bottom", "anchor": "start", "frame": "bounds", "offset": 12,
        "fontSize": font_size, "fontWeight": "normal", "color": "#555555",
    }


def _ensure_static_size(spec: dict[str, Any], min_width: float) -> None:
    """Replace container-relative sizes (meaningless offline) and widen narrow single views.

    Maps keep their width (a wider frame only adds empty sea); the renderer scales them up instead.
    """
    if any(k in spec for k in _COMPOSITE_KEYS):
        return
    width = spec.get("width")
    geo = '"projection"' in json.dumps(spec, default=str)
    if width == "container" or width is None:
        spec["width"] = min_width
    elif isinstance(width, int | float) and width < min_width and not geo:
        spec["width"] = min_width
    if spec.get("height") == "container":
        spec["height"] = 400


def with_annotations(
    spec: Mapping[str, Any],
    *,
    title: str | None = None,
    subtitle: str | Iterable[str] | None = None,
    source: str | Iterable[str] | None = None,
    min_width: float = MIN_PNG_WIDTH_PX / PNG_SCALE,
    source_font_size: float = 11,
    lang: str = "nl",
) -> dict[str, Any]:
    """A copy of spec that carries title, subtitle and source itself, sized for an image file.

    Nothing the chart builder wrote is replaced: a title is added only if the spec has none, subtitle and
    source lines only if their text is not already somewhere in the spec. The source goes in a footer
    view under the chart (a vconcat), where readers of a report look for it.
    """
    out = copy.deepcopy(dict(spec))
    _ensure_static_size(out, min_width)

    _, own_sub = _title_parts(out)
    new_sub = [line for line in _as_lines(subtitle) if not _contains_text(out, line)]
    title_param = out.get("title")
    if title_param is None and (title or new_sub):
        # No title of its own: use the given one (or, lacking that, the first subtitle line as the title).
        title_param = {"text": title or new_sub.pop(0), "anchor": "start"}
    if title_param is not None and new_sub:
        title_param = dict(title_param) if isinstance(title_param, Mapping) else {"text": title_param}
        title_param["subtitle"] = own_sub + new_sub
    if title_param is not None:
        out["title"] = title_param

    source_lines = [line for line in _as_lines(source) if not _contains_text(out, line)]
    if not source_lines:
        return out
    if not _SOURCE_PREFIX.match(source_lines[0]):
        source_lines[0] = t("exp_source_prefix", lang) + ": " + source_lines[0]

    # Wrap the chart in a one-view vconcat whose own title, at the bottom, is the source line. Properties
    # that Vega-Lite accepts only at the top move out; the chart keeps its title and everything else.
    outer: dict[str, Any] = {k: out.pop(k) for k in _TOP_LEVEL_ONLY if k in out}
    outer["autosize"] = {"type": "pad"}
    outer["vconcat"] = [out]
    outer["title"] = _footer_title(source_lines, source_font_size)
    return outer


#: Minimum font sizes for a chart shown on a projector: readable from the back of a room at 1920x1080.
PRESENTATION_FONT_SIZES: dict[str, dict[str, float]] = {
    "title": {"fontSize": 34, "subtitleFontSize": 22},
    "axis": {"labelFontSize": 20, "titleFontSize": 22},
    "legend": {"labelFontSize": 20, "titleFontSize": 22},
    "header": {"labelFontSize": 20, "titleFontSize": 22},
    "text": {"fontSize": 20},
    "mark": {"fontSize": 20},
}


_MIN_FONT = {"fontSize": 18, "labelFontSize": 18, "titleFontSize": 18, "subtitleFontSize": 18}
_MIN_TITLE_FONT = {"fontSize": PRESENTATION_FONT_SIZES["title"]["fontSize"],
                   "subtitleFontSize": PRESENTATION_FONT_SIZES["title"]["subtitleFontSize"]}


def _raise_font_sizes(node: Any, minimum: Mapping[str, float] = _MIN_FONT) -> None:
    """Walk a spec and lift explicit font sizes below the minimum (explicit sizes beat the config).

    Chart titles get the title sizes, everything else (axis, legend, text marks) at least 18 px.
    """
    if isinstance(node, dict):
        for key, value in node.items():
            if key in minimum and isinstance(value, int | float):
                node[key] = max(value, minimum[key])
            elif key == "title" and isinstance(value, dict) and "text" in value:
                _raise_font_sizes(value, {**_MIN_FONT, **_MIN_TITLE_FONT})
            else:
                _raise_font_sizes(value, minimum)
    elif isinstance(node, list):
        for item in node:
            _raise_font_sizes(item, minimum)


def _widen_limits(node: Any, factor: float) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in {"labelLimit", "titleLimit", "limit"} and isinstance(value, int | float) and value > 0:
                node[key] = int(value * factor)
            else:
                _widen_limits(value, factor)
    elif isinstance(node, list):
        for item in node:
            _widen_limits(item, factor)


#: usermeta key of a chart whose cells have a fixed size (a grid of words): in presentation mode its step
#: sizes, line heights and offsets grow by this factor with the fonts, so the words still fit their cells.
PRESENTATION_GROW = "presentation_grow"
_GROWING_KEYS = {"step", "lineHeight", "dy"}


def _grow_sizes(node: Any, factor: float) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _GROWING_KEYS and isinstance(value, int | float):
                node[key] = round(value * factor, 1)
            else:
                _grow_sizes(value, factor)
    elif isinstance(node, list):
        for item in node:
            _grow_sizes(item, factor)


def presentation_spec(
    spec: Mapping[str, Any], *, width: float | str = "container", height: float = 560
) -> dict[str, Any]:
    """A copy of spec with projector-sized fonts (every font >= 18 px) and a large plot area."""
    out = copy.deepcopy(dict(spec))
    grow = (out.get("usermeta") or {}).get(PRESENTATION_GROW)
    if isinstance(grow, int | float) and grow > 1:
        _grow_sizes({k: v for k, v in out.items() if k != "datasets"}, grow)
    _raise_font_sizes(out)
    config = out.setdefault("config", {})
    for section, sizes in PRESENTATION_FONT_SIZES.items():
        part = config.setdefault(section, {})
        for key, minimum in sizes.items():
            current = part.get(key)
            part[key] = max(current, minimum) if isinstance(current, int | float) else minimum
    # Labels were measured for 11 px text: give the larger text proportionally more room.
    _widen_limits(out, 1.7)
    config.setdefault("axis", {}).setdefault("labelLimit", 320)
    legend = config.setdefault("legend", {})
    legend.setdefault("labelLimit", 320)
    legend["titleLimit"] = max(legend.get("titleLimit", 0), 480)
    legend["symbolSize"] = max(legend.get("symbolSize", 0), 240)
    out["padding"] = {"left": 5, "top": 5, "right": 40, "bottom": 5}  # room for slanted column labels
    if not any(k in out for k in _COMPOSITE_KEYS):
        out["width"] = width
        out["height"] = height  # also for {"step": ...} bar lists: the bands share the screen height
    return out


# --- Rendering ----------------------------------------------------------------------------------------------


class _BytesCache:
    """A small thread-safe LRU: the download callables run on Streamlit's worker threads."""

    def __init__(self, maxsize: int = 256):
        self._data: OrderedDict[tuple, bytes] = OrderedDict()
        self._lock = threading.Lock()
        self.maxsize = maxsize

    def get_or_make(self, key: tuple, make: Callable[[], bytes]) -> bytes:
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                return self._data[key]
        value = make()
        with self._lock:
            self._data[key] = value
            while len(self._data) > self.maxsize:
                self._data.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._data.clear()


_render_cache = _BytesCache()


def png_size(png: bytes) -> tuple[int, int]:
    """(width, height) from a PNG's IHDR header."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return struct.unpack(">II", png[16:24])


_SVG_WIDTH = re.compile(r'<svg[^>]*?\swidth="([0-9.]+)"')


def _render_svg_text(spec_text: str, lang: str) -> str:
    import vl_convert as vlc

    kwargs: dict[str, Any] = {"format_locale": format_locale(lang)}
    time_locale = time_format_locale(lang)
    if time_locale:
        kwargs["time_format_locale"] = time_locale
    return vlc.vegalite_to_svg(spec_text, **kwargs)


def _render_png(spec_text: str, scale: float, lang: str) -> bytes:
    """Vega-Lite -> SVG -> PNG. Going through the SVG tells the chart's width before rasterising, so the
    scale that reaches MIN_PNG_WIDTH_PX is chosen up front (one render, also for narrow facet grids)."""
    import vl_convert as vlc

    svg = _render_svg_text(spec_text, lang)
    match = _SVG_WIDTH.search(svg)
    width = float(match.group(1)) if match else 0.0
    if width and width * scale < MIN_PNG_WIDTH_PX:
        scale = math.ceil(MIN_PNG_WIDTH_PX / width * 100) / 100
    return vlc.svg_to_png(svg, scale=scale)


def _render_svg(spec_text: str, lang: str) -> bytes:
    return _render_svg_text(spec_text, lang).encode("utf-8")


def export_spec(
    chart: Any,
    *,
    title: str | None = None,
    subtitle: str | Iterable[str] | None = None,
    source: str | Iterable[str] | None = None,
    presentation: bool = False,
    lang: str = "nl",
) -> dict[str, Any]:
    """The spec exactly as it will be rendered to a file."""
    spec = chart_to_spec(chart)
    if presentation:
        spec = presentation_spec(spec, width=MIN_PNG_WIDTH_PX / PNG_SCALE + 100, height=440)
    return with_annotations(spec, title=title, subtitle=subtitle, source=source,
                            source_font_size=18 if presentation else 11, lang=lang)


def chart_png(
    chart: Any,
    *,
    lang: str = "nl",
    title: str | None = None,
    subtitle: str | Iterable[str] | None = None,
    source: str | Iterable[str] | None = None,
    presentation: bool = False,
    scale: float = PNG_SCALE,
    cache: bool = True,
) -> bytes:
    """PNG bytes, at least 1600 px wide, with title, subtitle and source in the image.

    cache=False for charts derived from a user's own entered data: that must not outlive the session."""
    text = spec_json(export_spec(chart, title=title, subtitle=subtitle, source=source, presentation=presentation,
                                 lang=lang))
    if not cache:
        return _render_png(text, scale, lang)
    key = ("png", spec_hash(text), lang, scale)
    return _render_cache.get_or_make(key, lambda: _render_png(text, scale, lang))


def chart_svg(
    chart: Any,
    *,
    lang: str = "nl",
    title: str | None = None,
    subtitle: str | Iterable[str] | None = None,
    source: str | Iterable[str] | None = None,
    cache: bool = True,
) -> bytes:
    """SVG bytes (UTF-8) with title, subtitle and source as text elements (cache: see chart_png)."""
    text = spec_json(export_spec(chart, title=title, subtitle=subtitle, source=source, lang=lang))
    if not cache:
        return _render_svg(text, lang)
    key = ("svg", spec_hash(text), lang)
    return _render_cache.get_or_make(key, lambda: _render_svg(text, lang))


def clear_render_cache() -> None:
    _render_cache.clear()


# --- Data downloads -----------------------------------------------------------------------------------------


def _neutralise(df: pd.DataFrame) -> pd.DataFrame:
    from etl.export import neutralise_formulas  # one rule for every spreadsheet the project writes

    return neutralise_formulas(df)


def _flatten_for_files(df: pd.DataFrame) -> pd.DataFrame:
    """Lists and dicts (e.g. highlighted_functions) as '; '-joined text: CSV and Excel cells are flat.

    DuckDB hands a LIST column to pandas as numpy arrays, whose str() is a bracketed print-out with line
    breaks; they are joined like lists. Separator: '; ' (said in the help of every 'Download data' button)."""
    out = df.copy()
    for column in out.columns:
        if out[column].dtype == object and out[column].map(_is_sequence).any():
            out[column] = out[column].map(
                lambda v: LIST_SEPARATOR.join(map(str, list(v))) if _is_sequence(v) and not isinstance(v, dict)
                else json.dumps(v, ensure_ascii=False) if isinstance(v, dict) else v
            )
    return out


LIST_SEPARATOR = "; "


def _is_sequence(value: Any) -> bool:
    import numpy as np

    return isinstance(value, list | tuple | dict | np.ndarray)


def dataframe_csv_bytes(df: pd.DataFrame | Iterable[Mapping[str, Any]]) -> bytes:
    """The rows as UTF-8 CSV (comma, header, no index), cells that a spreadsheet would run neutralised."""
    frame = df if isinstance(df, pd.DataFrame) else pd.DataFrame(list(df))
    return _neutralise(_flatten_for_files(frame)).to_csv(index=False).encode("utf-8")


def _sheet_name(name: str, taken: set[str]) -> str:
    base = re.sub(r"[\[\]:*?/\\]", "_", str(name))[:31] or "data"
    candidate, n = base, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{base[:28]}_{n}"
    taken.add(candidate.lower())
    return candidate


def xlsx_bytes(tables: Mapping[str, pd.DataFrame], readme_rows: list[tuple[str, str]] | None = None) -> bytes:
    """One workbook, README sheet first, a sheet per table, written by etl.export.write_xlsx.

    write_xlsx neutralises formulas and strips what XLSX cannot store; here lists become text and sheet
    names are made unique and legal first.
    """
    from etl.export import write_xlsx

    taken: set[str] = {"readme"}
    clean = {_sheet_name(name, taken): _flatten_for_files(df) for name, df in tables.items()}
    buffer = io.BytesIO()
    write_xlsx(clean, buffer, list(readme_rows or []))
    return buffer.getvalue()


DOWNLOAD_FORMATS = FORMATS  # csv, xlsx, parquet: the order of the buttons
DOWNLOAD_EXTENSIONS = {"csv": "zip", "xlsx": "xlsx", "parquet": "zip"}


def dataset_download(
    con: Any,
    fmt: str,
    *,
    lang: str = "nl",
    codes: Iterable[str] | None = None,
    filters: str | None = None,
) -> bytes:
    """One data download: the tidy export tables (etl/export.py) with README and datapackage.json.

    codes None: the full dataset; else the same tables restricted to those municipalities (reference
    tables stay whole). csv and parquet come as a zip (README.md, datapackage.json, a file per table);
    xlsx is one workbook (README sheet, a sheet per table, the descriptor on the last sheet).
    """
    from etl.datapackage import Selection
    from etl.export import package_files, read_export_tables, select_municipalities, zip_bytes

    if fmt not in DOWNLOAD_FORMATS:
        raise ValueError(f"unknown download format {fmt!r}")
    tables = read_export_tables(con)
    selection = None
    if codes is not None:
        chosen = tuple(sorted(set(codes)))
        tables = select_municipalities(tables, chosen)
        selection = Selection(chosen, filters or t("exp_no_filters", lang))
    name = download_filename(fmt, selection=selection is not None)
    files = package_files(tables, fmt=fmt, lang=lang, meta=queries.meta_dict(con), selection=selection,
                          workbook_name=name)
    return files[name] if fmt == "xlsx" else zip_bytes(files)


def download_filename(fmt: str, *, selection: bool) -> str:
    """lokale-teams_selectie_csv_2019.zip, lokale-teams_dataset_2019.xlsx, ..."""
    slug = ("selectie" if selection else "dataset") + ("" if fmt == "xlsx" else f"_{fmt}")
    return export_filename(slug, DOWNLOAD_EXTENSIONS[fmt])


# --- PowerPoint deck ----------------------------------------------------------------------------------------



def _pin_spec(pin: Mapping[str, Any]) -> dict[str, Any]:
    spec = pin.get("spec")
    return json.loads(spec) if isinstance(spec, str) else chart_to_spec(spec)


def build_deck(
    pins: list[Mapping[str, Any]],
    *,
    lang: str = "nl",
    title: str | None = None,
    filters: str | Iterable[str] | None = None,
    today: dt.date | None = None,
    dashboard_url: str | None = None,
    render_png: Callable[..., bytes] | None = None,
    citation: str,
) -> bytes:
    """A 16:9 .pptx: title slide, one slide per pinned chart, a closing slide with sources and citation.

    citation is the report's citation in `lang` (from the warehouse: ui.common.citation).

    pins are the presentation pins ({slug, title, spec (JSON), data, source?, subtitle?}). The images are
    the same PNGs as the chart downloads, rendered with projector-sized fonts.
    """
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
    from pptx.util import Emu, Inches, Pt

    render_png = render_png or chart_png
    today = today or dt.date.today()
    deck_title = title or t("exp_deck_default_title", lang)
    filter_text = "; ".join(_as_lines(filters)) or t("exp_no_filters", lang)

    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    margin = Inches(0.5)
    full_width = prs.slide_width - 2 * margin
    grey = RGBColor(0x55, 0x55, 0x55)

    def place(shape, left, top, width, height):
        shape.left, shape.top, shape.width, shape.height = int(left), int(top), int(width), int(height)
        frame = shape.text_frame  # no inner margin: the title lines up with the text boxes below it
        frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0

    def set_text(shape, text: str, size: float, *, bold: bool = False, color=None, left: bool = False) -> None:
        frame = shape.text_frame
        frame.word_wrap = True
        lines = text.split("\n")
        frame.text = lines[0]
        for line in lines[1:]:
            frame.add_paragraph().text = line
        for paragraph in frame.paragraphs:
            if left:
                paragraph.alignment = PP_ALIGN.LEFT
            for run in paragraph.runs:
                run.font.size = Pt(size)
                run.font.bold = bold
                if color is not None:
                    run.font.color.rgb = color

    def textbox(slide, text, left, top, width, height, size, **kw):
        box = slide.shapes.add_textbox(int(left), int(top), int(width), int(height))
        frame = box.text_frame
        frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
        frame.auto_size = MSO_AUTO_SIZE.NONE
        set_text(box, text, size, **kw)
        return box

    # Title slide
    slide = prs.slides.add_slide(prs.slide_layouts[0])
    place(slide.shapes.title, margin, Inches(2.0), full_width, Inches(1.6))
    set_text(slide.shapes.title, deck_title, 40, bold=True)
    subtitle = slide.placeholders[1]
    place(subtitle, margin, Inches(3.8), full_width, Inches(2.2))
    set_text(subtitle, "\n".join([
        format_date(today, lang),
        t("exp_deck_filters", lang, filters=filter_text),
        t("exp_source_prefix", lang) + ": " + citation,
    ]), 20, color=grey)

    # One slide per chart
    title_only = prs.slide_layouts[5]
    sources_seen: list[str] = []
    for pin in pins:
        spec = _pin_spec(pin)
        chart_title = str(pin.get("title") or spec_title(spec) or pin.get("slug") or "")
        source = pin.get("source")
        for line in _as_lines(source):
            if line not in sources_seen:
                sources_seen.append(line)
        # The slide carries title, filters and source as text; the image is the chart alone, so nothing is
        # printed twice and the plot gets the room.
        _, spec_subtitle = _title_parts(spec)
        subtitle_lines = list(dict.fromkeys([*spec_subtitle, *_as_lines(pin.get("subtitle"))]))
        subtitle_lines = [line for line in subtitle_lines if line not in _as_lines(source)]
        image_spec = {k: v for k, v in spec.items() if k != "title"}

        slide = prs.slides.add_slide(title_only)
        # Layout from the top down, with heights estimated from text length, so a long title or a
        # four-line subtitle pushes the chart down instead of overlapping it.
        title_size = 30 if len(chart_title) <= 55 else 24
        title_h = Pt(title_size * 1.3) * math.ceil(len(chart_title) / (55 if title_size == 30 else 72))
        place(slide.shapes.title, margin, Inches(0.25), full_width, title_h)
        slide.shapes.title.text_frame.vertical_anchor = MSO_ANCHOR.TOP
        set_text(slide.shapes.title, chart_title, title_size, bold=True, left=True)
        top = Inches(0.25) + title_h + Inches(0.08)
        if subtitle_lines:
            sub_h = Pt(13 * 1.25) * sum(math.ceil(max(1, len(line)) / 125) for line in subtitle_lines)
            textbox(slide, "\n".join(subtitle_lines), margin, top, full_width, sub_h, 13, color=grey)
            top += sub_h
        top += Inches(0.12)
        source_in_subtitle = any(_SOURCE_PREFIX.match(line) for line in subtitle_lines)
        note = _source_note(source, citation, lang) if source or not source_in_subtitle else ""
        bottom = Inches(6.85) if note else Inches(7.25)
        png = render_png(image_spec, lang=lang, presentation=True)
        width_px, height_px = png_size(png)
        scale = min(full_width / width_px, (bottom - top) / height_px)
        pic_w, pic_h = int(width_px * scale), int(height_px * scale)
        slide.shapes.add_picture(io.BytesIO(png), int(margin + (full_width - pic_w) / 2), int(top),
                                 Emu(pic_w), Emu(pic_h))
        if note:
            textbox(slide, note, margin, Inches(6.9), full_width, Inches(0.45), 13, color=grey)
        slide.notes_slide.notes_text_frame.text = "\n".join([chart_title, *subtitle_lines, note]).strip()

    # Closing slide: sources and how to cite
    slide = prs.slides.add_slide(title_only)
    place(slide.shapes.title, margin, Inches(0.4), full_width, Inches(1.0))
    set_text(slide.shapes.title, t("exp_deck_sources_title", lang), 32, bold=True, left=True)
    url = f" {dashboard_url}" if dashboard_url else ""
    body = [
        t("exp_deck_how_to_cite", lang),
        citation,
        f"{DASHBOARD_NAME} ({format_date(today, lang)}).{url} " + t("exp_deck_dashboard_note", lang),
    ]
    body += ["", t("exp_deck_chart_sources", lang)]
    if sources_seen:
        body += [_SOURCE_PREFIX.sub("", line) for line in sources_seen]
    body.append(t("exp_deck_sources_note", lang))
    textbox(slide, "\n".join(body), margin, Inches(1.6), full_width, Inches(5.4), 18)

    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def _source_note(source: str | Iterable[str] | None, citation: str, lang: str) -> str:
    """'Bron: ...' once, whether or not the chart's source text already starts with the word."""
    text = "; ".join(_as_lines(source)) or citation
    if _SOURCE_PREFIX.match(text):
        return text
    return t("exp_source_prefix", lang) + ": " + text


def deck_filename(*, today: dt.date | None = None) -> str:
    return f"{FILE_PREFIX}_presentatie_{(today or dt.date.today()).isoformat()}.pptx"
