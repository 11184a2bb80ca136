"""Charts that follow the width of the page: an x range computed in the browser from the container's width.

Vega-Lite's width "container" does not work for faceted charts (the indicator rows), so such charts get a
small fixed cell width and an x scale whose range is an expression on the window's width; Vega's default
autosize ('pad') then grows the drawing to the marks. Where there is no window (image export through
vl-convert) the fixed export width is used, so downloads stay as they were.
"""

from __future__ import annotations

import textwrap

# The page column's width estimated from the browser window: Vega computes a range once, when the view is
# built and before it is attached to its container, so containerSize() is still undefined then; the window is
# known. Below 768 px Streamlit hides the sidebar (1 rem page margins); above, the sidebar takes about
# 300 px and the main block has larger margins.
COLUMN_WIDTH = "(windowSize()[0] < 768 ? windowSize()[0] - 40 : windowSize()[0] - 440)"


def container_range(export_width: int, reserved: int | str, low: int = 110, high: int = 900) -> list:
    """An x scale range [0, w]: w = the page column's width minus `reserved` pixels (label column, margins;
    a number or a Vega expression), kept within [low, high]; export_width when the chart is drawn without a
    window (image export)."""
    known = "isValid(windowSize()[0]) && windowSize()[0] > 0"
    expr = f"{known} ? clamp({COLUMN_WIDTH} - {reserved}, {low}, {high}) : {export_width}"
    return [0, {"expr": expr}]


def without_title(spec: dict) -> tuple[dict, str, list[str]]:
    """The spec to draw on the page, without its title block, plus that title and its subtitle lines.

    On the page the title and subtitle are set as text that wraps with the column (a phone does not need a
    700-pixel subtitle line, a projector does not shrink it to 8 px); exports keep them inside the image."""
    title = spec.get("title")
    drawn = {k: v for k, v in spec.items() if k != "title"}
    if title is None:
        return drawn, "", []
    if isinstance(title, str | list):
        text = title if isinstance(title, str) else " ".join(map(str, title))
        return drawn, text, []
    text = title.get("text", "")
    text = " ".join(map(str, text)) if isinstance(text, list) else str(text or "")
    sub = title.get("subtitle") or []
    return drawn, text, [str(s) for s in ([sub] if isinstance(sub, str) else sub)]


def wrapped_title(spec: dict, title_chars: int, subtitle_chars: int) -> dict:
    """A copy of spec whose title and subtitle lines are wrapped at word boundaries (Vega draws a list of
    strings as lines), so large presentation text breaks instead of running off the slide."""
    title = spec.get("title")
    if not isinstance(title, dict):
        title = {"text": title} if isinstance(title, str) else None
    if title is None:
        return dict(spec)
    text = title.get("text", "")
    text = " ".join(map(str, text)) if isinstance(text, list) else str(text or "")
    sub = title.get("subtitle") or []
    sub = [sub] if isinstance(sub, str) else [str(s) for s in sub]
    out_title = {**title, "text": textwrap.wrap(text, title_chars, break_long_words=False) or [""]}
    if sub:
        out_title["subtitle"] = [
            line for s in sub for line in (textwrap.wrap(s, subtitle_chars, break_long_words=False) or [""])
        ]
    return {**spec, "title": out_title}
