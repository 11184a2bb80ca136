"""Chart specs fit to travel alone: a Vega-Lite spec from any chart, with its title, filters and source written
into it for an image file, or with projector-sized fonts for presentation mode. No rendering here."""

from __future__ import annotations

import copy
import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from dashboard.core.i18n import t

#: Exported PNGs are at least this many pixels wide, so they stay sharp on a slide or in a report.
MIN_PNG_WIDTH_PX = 1600
PNG_SCALE = 2.0


#: "Bron: ..." / "Source: ..." at the start of a line: a source line (chart builders write them so).
SOURCE_PREFIX = re.compile(r"^(bron|bronnen|source|sources)\s*:\s*", flags=re.IGNORECASE)


def chart_to_spec(chart: Any) -> dict[str, Any]:
    """A Vega-Lite spec as a dict from an Altair chart, a dict or a JSON string (always a fresh copy)."""
    if isinstance(chart, Mapping):
        return copy.deepcopy(dict(chart))
    if isinstance(chart, str | bytes):
        return json.loads(chart)
    if hasattr(chart, "to_dict"):
        # No schema validation: the builders are tested against the schema (tests/test_charts_*.py), and
        # validating on every draw cost about 40 % of a chart page's rerun.
        return chart.to_dict(validate=False)
    raise TypeError(f"not a chart or Vega-Lite spec: {type(chart).__name__}")


def spec_json(spec: Mapping[str, Any]) -> str:
    """Canonical JSON (sorted keys) so that equal specs hash equally."""
    return json.dumps(spec, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)


def spec_hash(spec: Mapping[str, Any] | str) -> str:
    text = spec if isinstance(spec, str) else spec_json(spec)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def title_parts(spec: Mapping[str, Any]) -> tuple[str, list[str]]:
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
    return title_parts(spec)[0]


def as_lines(value: str | Iterable[str] | None) -> list[str]:
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


def contains_text(spec: Mapping[str, Any], text: str) -> bool:
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
        "orient": "bottom",
        "anchor": "start",
        "frame": "bounds",
        "offset": 12,
        "fontSize": font_size,
        "fontWeight": "normal",
        "color": "#555555",
    }


def _ensure_static_size(spec: dict[str, Any], min_width: float) -> None:
    """Replace container-relative sizes (meaningless offline) and widen narrow single views.

    Maps keep their width (a wider frame only adds empty sea); the renderer scales them up instead.
    """
    if any(k in spec for k in _COMPOSITE_KEYS):
        return
    width = spec.get("width")
    geo = '"projection"' in json.dumps(spec, default=str)
    if width == "container" or width is None or (isinstance(width, int | float) and width < min_width and not geo):
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

    _, own_sub = title_parts(out)
    new_sub = [line for line in as_lines(subtitle) if not contains_text(out, line)]
    title_param = out.get("title")
    if title_param is None and (title or new_sub):
        # No title of its own: use the given one (or, lacking that, the first subtitle line as the title).
        title_param = {"text": title or new_sub.pop(0), "anchor": "start"}
    if title_param is not None and new_sub:
        title_param = dict(title_param) if isinstance(title_param, Mapping) else {"text": title_param}
        title_param["subtitle"] = own_sub + new_sub
    if title_param is not None:
        out["title"] = title_param

    source_lines = [line for line in as_lines(source) if not contains_text(out, line)]
    if not source_lines:
        return out
    if not SOURCE_PREFIX.match(source_lines[0]):
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
_MIN_TITLE_FONT = {
    "fontSize": PRESENTATION_FONT_SIZES["title"]["fontSize"],
    "subtitleFontSize": PRESENTATION_FONT_SIZES["title"]["subtitleFontSize"],
}


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
