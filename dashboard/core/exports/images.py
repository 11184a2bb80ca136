"""Chart images: a spec rendered offline to PNG or SVG by vl-convert, in the reader's number locale, cached per spec."""

from __future__ import annotations

import logging
import math
import re
import struct
from collections.abc import Iterable
from typing import Any

from dashboard.core.exports.bytes_cache import BytesCache
from dashboard.core.exports.specs import (
    MIN_PNG_WIDTH_PX,
    PNG_SCALE,
    chart_to_spec,
    presentation_spec,
    spec_hash,
    spec_json,
    with_annotations,
)
from dashboard.core.formatting import vega_locale
from dashboard.core.i18n import t

log = logging.getLogger(__name__)


def format_locale(lang: str) -> dict[str, Any]:
    """d3-format locale for the interface language: the same one the charts carry in config.locale."""
    return vega_locale(lang)


def time_format_locale(lang: str) -> dict[str, Any] | None:
    """d3-time-format locale (month and day names), or None to keep the renderer's default."""
    try:
        import vl_convert as vlc

        # the catalogue names only tags vl-convert knows (nl-NL, en-GB); its stubs list them as a Literal
        return dict(vlc.get_time_format_locale(t("locale_bcp47", lang)))  # type: ignore[arg-type]
    except (ImportError, ValueError) as exc:  # an old vl-convert without the locale: the renderer's default
        log.warning("no time format locale for %s: %s", lang, exc)
        return None


_render_cache = BytesCache()


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
    return with_annotations(
        spec, title=title, subtitle=subtitle, source=source, source_font_size=18 if presentation else 11, lang=lang
    )


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
    text = spec_json(
        export_spec(chart, title=title, subtitle=subtitle, source=source, presentation=presentation, lang=lang)
    )
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
