"""Map names never overlap each other, a dot or a province name; what finds no spot is listed."""

import itertools

import pandas as pd

from dashboard.core import map_labels as ml

# the three known collisions of the old right-of-the-dot placement (positions from data/gemeenten/)
POINTS = pd.DataFrame(
    {
        "name": ["Amsterdam", "Haarlem", "Velsen", "Leiden", "Kaag en Braassem", "Roosendaal"],
        "longitude": [4.90, 4.64, 4.63, 4.49, 4.64, 4.46],
        "latitude": [52.37, 52.38, 52.46, 52.16, 52.19, 51.53],
    }
)
RADII = [16.9, 8.0, 6.0, 7.5, 5.0, 6.0]
PROVINCES = pd.DataFrame({"name": ["Noord-Brabant"], "lon": [4.6], "lat": [51.53]})


def boxes(placed):
    return [
        ml._box(row.label_lon * ml.PX_PER_DEGREE, ml._y(row.label_lat), ml.CHAR_PX * len(row.name), ml.LINE_PX)
        for row in placed.itertuples()
        if pd.notna(row.label_lon)
    ]


def test_labels_overlap_no_label_no_dot_and_no_province_name():
    placed = ml.place_labels(POINTS, RADII, PROVINCES)
    labels = boxes(placed)
    assert all(not ml._overlaps(a, b) for a, b in itertools.combinations(labels, 2))
    dots = [
        ml._box(lon * ml.PX_PER_DEGREE, ml._y(lat), 2 * r, 2 * r)
        for lon, lat, r in zip(POINTS["longitude"], POINTS["latitude"], RADII, strict=True)
    ]
    province = ml._box(4.6 * ml.PX_PER_DEGREE, ml._y(51.53), ml.CHAR_PX * len("Noord-Brabant"), ml.LINE_PX)
    assert all(not ml._overlaps(label, dot) for label in labels for dot in dots)
    assert all(not ml._overlaps(label, province) for label in labels)


def test_every_name_is_either_placed_or_listed():
    placed = ml.place_labels(POINTS, RADII, PROVINCES)
    named = set(placed.loc[placed["label_lon"].notna(), "name"])
    assert named | set(ml.unlabelled(placed)) == set(POINTS["name"])
    assert "Amsterdam" in named  # the biggest dot is placed first


def test_a_lone_dot_gets_its_label_to_the_right():
    placed = ml.place_labels(POINTS.iloc[:1], [10.0])
    assert placed.loc[0, "label_lon"] > 4.90 and abs(placed.loc[0, "label_lat"] - 52.37) < 1e-9
