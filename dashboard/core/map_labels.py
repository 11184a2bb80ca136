"""Map name labels that never overlap: each name goes to the first free spot around its dot, or, when none
is free, off the map into a list (the tooltip and the table still name every municipality).

Pure geometry in screen pixels of the app's map (Mercator, PX_PER_DEGREE pixels per degree of
longitude as the page draws it; the deck and the PNG draw the same map larger, so the gaps only grow).
Labels are centred on the spot chosen here (text align center, baseline middle), so one pair of coordinates
per name is enough for Vega-Lite, which cannot encode text alignment per datum.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import pandas as pd

# longitude, as the page draws the map (dashboard.core.charts.maps.MAP_PAGE_SIZE: the outline's 3,85 degrees in
# 300 px, 77,9 px per degree): the smallest drawing. Zoomed on a wide screen, or larger in the PNG and the deck,
# every gap only grows; a little under the true scale errs on the same side.
PX_PER_DEGREE = 77.0
CHAR_PX = 5.5  # width of one character of 10 px text: the widest name measured in the browser is 5,35 px a character
LINE_PX = 13.0  # height of a label line
GAP_PX = 3.0


def _y(lat: float) -> float:
    """Mercator y in pixels (grows downwards like the screen)."""
    k = PX_PER_DEGREE * 180 / math.pi
    return -k * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


def _lat(y: float) -> float:
    k = PX_PER_DEGREE * 180 / math.pi
    return math.degrees(2 * math.atan(math.exp(-y / k)) - math.pi / 2)


def _box(cx: float, cy: float, w: float, h: float) -> tuple[float, float, float, float]:
    return cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2


def _overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _dot_box(lon: float, lat: float, radius: float) -> tuple[float, float, float, float]:
    return _box(lon * PX_PER_DEGREE, _y(lat), 2 * radius, 2 * radius)


def _name_box(lon: float, lat: float, name: object) -> tuple[float, float, float, float]:
    """The box of a name centred on (lon, lat)."""
    return _box(lon * PX_PER_DEGREE, _y(lat), CHAR_PX * len(str(name)), LINE_PX)


def place_labels(points: pd.DataFrame, radius_px: Sequence[float], name_col: str = "name") -> pd.DataFrame:
    """points (longitude, latitude, name) -> the same rows with label_lon/label_lat (NaN: no free spot).

    Bigger dots are placed first (their names matter most); candidate spots: right, left, above, below, then
    the four diagonals, then the same a little further out. Boxes of placed names and all dots must not overlap
    (context names such as provinces come after, in free_labels)."""
    df = points.reset_index(drop=True).copy()
    radii = list(radius_px)
    xs = [lon * PX_PER_DEGREE for lon in df["longitude"]]
    ys = [_y(lat) for lat in df["latitude"]]
    taken = [_dot_box(lon, lat, r) for lon, lat, r in zip(df["longitude"], df["latitude"], radii, strict=True)]
    n_dots = len(taken)
    label_lon, label_lat = [math.nan] * len(df), [math.nan] * len(df)
    order = sorted(range(len(df)), key=lambda i: (-radii[i], str(df.loc[i, name_col])))
    for i in order:
        w, h, r = CHAR_PX * len(str(df.loc[i, name_col])), LINE_PX, radii[i]
        dx, dy = r + GAP_PX + w / 2, r + GAP_PX + h / 2
        ring = ((dx, 0), (-dx, 0), (0, -dy), (0, dy), (dx, -dy), (-dx, -dy), (dx, dy), (-dx, dy))
        further = tuple((ox + (r + h) * (ox > 0) - (r + h) * (ox < 0), oy * 2) for ox, oy in ring)
        for ox, oy in ring + further:
            box = _box(xs[i] + ox, ys[i] + oy, w, h)
            others = (other for j, other in enumerate(taken) if j != i or j >= n_dots)  # not its own dot
            if not any(_overlaps(box, other) for other in others):
                taken.append(box)
                label_lon[i], label_lat[i] = (xs[i] + ox) / PX_PER_DEGREE, _lat(ys[i] + oy)
                break
    df["label_lon"], df["label_lat"] = label_lon, label_lat
    return df


def free_labels(placed: pd.DataFrame, radius_px: Sequence[float], labels: pd.DataFrame) -> pd.DataFrame:
    """The rows of labels (context names such as provinces: name, lon, lat) whose box overlaps no dot and no
    placed name of `placed` (place_labels' result). Municipality names go first; a province name that would
    push one away from its dot is left out (the map is a sketch, the provinces are context)."""
    boxes = [
        _dot_box(lon, lat, r) for lon, lat, r in zip(placed["longitude"], placed["latitude"], radius_px, strict=True)
    ]
    boxes.extend(
        _name_box(row.label_lon, row.label_lat, row.name)
        for row in placed.itertuples()
        if not math.isnan(row.label_lon)
    )
    keep = [not any(_overlaps(_name_box(o.lon, o.lat, o.name), b) for b in boxes) for o in labels.itertuples()]
    return labels[keep]


def unlabelled(placed: pd.DataFrame, name_col: str = "name") -> list[str]:
    """Names that found no free spot, alphabetically."""
    return sorted(placed.loc[placed["label_lon"].isna(), name_col].astype(str), key=str.casefold)
