"""The PowerPoint deck: a title slide, one slide per pinned chart and a closing slide with sources and citation."""

from __future__ import annotations

import datetime as dt
import io
import json
import math
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from dashboard.core.exports.images import chart_png, png_size
from dashboard.core.exports.specs import SOURCE_PREFIX, as_lines, chart_to_spec, spec_title, title_parts
from dashboard.core.i18n import t

DASHBOARD_NAME = "Dashboard lokale-teams"


def format_date(day: dt.date, lang: str = "nl") -> str:
    """'24 november 2025' / '24 November 2025' (Babel's CLDR data: the server's own locale is not ours)."""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(day, "d MMMM y", locale=t("locale_cldr", lang))


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
    from pptx.util import Inches

    today = today or dt.date.today()
    prs = Presentation()
    prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
    filter_text = "; ".join(as_lines(filters)) or t("exp_no_filters", lang)
    _title_slide(prs, title or t("exp_deck_default_title", lang), filter_text, citation, today, lang)
    sources_seen: list[str] = []
    for pin in pins:
        for line in as_lines(pin.get("source")):
            if line not in sources_seen:
                sources_seen.append(line)
        _chart_slide(prs, pin, citation, render_png or chart_png, lang)
    _closing_slide(prs, sources_seen, citation, today, dashboard_url, lang)
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def _margin() -> int:
    from pptx.util import Inches

    return int(Inches(0.5))


def _grey():
    from pptx.dml.color import RGBColor

    return RGBColor(0x55, 0x55, 0x55)


def _place(shape, left, top, width, height) -> None:
    shape.left, shape.top, shape.width, shape.height = int(left), int(top), int(width), int(height)
    frame = shape.text_frame  # no inner margin: the title lines up with the text boxes below it
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0


def _set_text(shape, text: str, size: float, *, bold: bool = False, color=None, left: bool = False) -> None:
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Pt

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


def _textbox(slide, text, left, top, width, height, size, **kw):
    from pptx.enum.text import MSO_AUTO_SIZE

    box = slide.shapes.add_textbox(int(left), int(top), int(width), int(height))
    frame = box.text_frame
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = 0
    frame.auto_size = MSO_AUTO_SIZE.NONE
    _set_text(box, text, size, **kw)
    return box


def _title_slide(prs, deck_title: str, filter_text: str, citation: str, today: dt.date, lang: str) -> None:
    from pptx.util import Inches

    margin = _margin()
    full_width = prs.slide_width - 2 * margin
    slide = prs.slides.add_slide(prs.slide_layouts[0])
    _place(slide.shapes.title, margin, Inches(2.0), full_width, Inches(1.6))
    _set_text(slide.shapes.title, deck_title, 40, bold=True)
    subtitle = slide.placeholders[1]
    _place(subtitle, margin, Inches(3.8), full_width, Inches(2.2))
    lines = [
        format_date(today, lang),
        t("exp_deck_filters", lang, filters=filter_text),
        t("exp_source_prefix", lang) + ": " + citation,
    ]
    _set_text(subtitle, "\n".join(lines), 20, color=_grey())


def _chart_slide(prs, pin: Mapping[str, Any], citation: str, render_png: Callable[..., bytes], lang: str) -> None:
    from pptx.enum.text import MSO_ANCHOR
    from pptx.util import Emu, Inches, Pt

    margin = _margin()
    full_width = prs.slide_width - 2 * margin
    spec = _pin_spec(pin)
    chart_title = str(pin.get("title") or spec_title(spec) or pin.get("slug") or "")
    source = pin.get("source")
    # The slide carries title, filters and source as text; the image is the chart alone, so nothing is
    # printed twice and the plot gets the room.
    _, spec_subtitle = title_parts(spec)
    subtitle_lines = list(dict.fromkeys([*spec_subtitle, *as_lines(pin.get("subtitle"))]))
    subtitle_lines = [line for line in subtitle_lines if line not in as_lines(source)]
    image_spec = {k: v for k, v in spec.items() if k != "title"}

    slide = prs.slides.add_slide(prs.slide_layouts[5])  # title only
    # Layout from the top down, with heights estimated from text length, so a long title or a
    # four-line subtitle pushes the chart down instead of overlapping it.
    title_size = 30 if len(chart_title) <= 55 else 24
    title_h = Pt(title_size * 1.3) * math.ceil(len(chart_title) / (55 if title_size == 30 else 72))
    _place(slide.shapes.title, margin, Inches(0.25), full_width, title_h)
    slide.shapes.title.text_frame.vertical_anchor = MSO_ANCHOR.TOP
    _set_text(slide.shapes.title, chart_title, title_size, bold=True, left=True)
    top = Inches(0.25) + title_h + Inches(0.08)
    if subtitle_lines:
        sub_h = Pt(13 * 1.25) * sum(math.ceil(max(1, len(line)) / 125) for line in subtitle_lines)
        _textbox(slide, "\n".join(subtitle_lines), margin, top, full_width, sub_h, 13, color=_grey())
        top += sub_h
    top += Inches(0.12)
    source_in_subtitle = any(SOURCE_PREFIX.match(line) for line in subtitle_lines)
    note = _source_note(source, citation, lang) if source or not source_in_subtitle else ""
    bottom = Inches(6.85) if note else Inches(7.25)
    png = render_png(image_spec, lang=lang, presentation=True)
    width_px, height_px = png_size(png)
    scale = min(full_width / width_px, (bottom - top) / height_px)
    pic_w, pic_h = int(width_px * scale), int(height_px * scale)
    slide.shapes.add_picture(io.BytesIO(png), int(margin + (full_width - pic_w) / 2), int(top), Emu(pic_w), Emu(pic_h))
    if note:
        _textbox(slide, note, margin, Inches(6.9), full_width, Inches(0.45), 13, color=_grey())
    slide.notes_slide.notes_text_frame.text = "\n".join([chart_title, *subtitle_lines, note]).strip()


def _closing_slide(
    prs, sources_seen: list[str], citation: str, today: dt.date, dashboard_url: str | None, lang: str
) -> None:
    from pptx.util import Inches

    margin = _margin()
    full_width = prs.slide_width - 2 * margin
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    _place(slide.shapes.title, margin, Inches(0.4), full_width, Inches(1.0))
    _set_text(slide.shapes.title, t("exp_deck_sources_title", lang), 32, bold=True, left=True)
    url = f" {dashboard_url}" if dashboard_url else ""
    body = [
        t("exp_deck_how_to_cite", lang),
        citation,
        f"{DASHBOARD_NAME} ({format_date(today, lang)}).{url} " + t("exp_deck_dashboard_note", lang),
        "",
        t("exp_deck_chart_sources", lang),
        *(SOURCE_PREFIX.sub("", line) for line in sources_seen),
        t("exp_deck_sources_note", lang),
    ]
    _textbox(slide, "\n".join(body), margin, Inches(1.6), full_width, Inches(5.4), 18)


def _source_note(source: str | Iterable[str] | None, citation: str, lang: str) -> str:
    """'Bron: ...' once, whether or not the chart's source text already starts with the word."""
    text = "; ".join(as_lines(source)) or citation
    if SOURCE_PREFIX.match(text):
        return text
    return t("exp_source_prefix", lang) + ": " + text
