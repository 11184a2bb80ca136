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
    placed = ml.place_labels(POINTS, RADII)
    labels = boxes(placed)
    assert all(not ml._overlaps(a, b) for a, b in itertools.combinations(labels, 2))
    dots = [
        ml._box(lon * ml.PX_PER_DEGREE, ml._y(lat), 2 * r, 2 * r)
        for lon, lat, r in zip(POINTS["longitude"], POINTS["latitude"], RADII, strict=True)
    ]
    assert all(not ml._overlaps(label, dot) for label in labels for dot in dots)
    # a province name is drawn only where it covers no name and no dot
    for province in ml.free_labels(placed, RADII, PROVINCES).itertuples():
        box = ml._name_box(province.lon, province.lat, province.name)
        assert all(not ml._overlaps(label, box) for label in labels + dots)


def test_every_name_is_either_placed_or_listed():
    placed = ml.place_labels(POINTS, RADII)
    named = set(placed.loc[placed["label_lon"].notna(), "name"])
    assert named | set(ml.unlabelled(placed)) == set(POINTS["name"])
    assert "Amsterdam" in named  # the biggest dot is placed first


def test_a_lone_dot_gets_its_label_to_the_right():
    placed = ml.place_labels(POINTS.iloc[:1], [10.0])
    assert placed.loc[0, "label_lon"] > 4.90 and abs(placed.loc[0, "label_lat"] - 52.37) < 1e-9


def test_a_province_name_is_dropped_where_it_would_cover_a_dot_or_a_name():
    placed = ml.place_labels(POINTS, RADII)
    provinces = pd.DataFrame(
        {
            "name": ["Noord-Holland", "Limburg"],
            "lon": [4.90, 5.90],  # on the Amsterdam dot / far from every dot
            "lat": [52.37, 51.00],
        }
    )
    kept = ml.free_labels(placed, RADII, provinces)
    assert list(kept["name"]) == ["Limburg"]


def test_names_are_placed_at_the_scale_the_page_draws_the_map():
    """PX_PER_DEGREE may not exceed the page's real scale (the outline's width of longitude in MAP_PAGE_SIZE's
    width, as Vega's fit projection draws it): at a smaller real scale the name gaps would shrink."""
    from dashboard.core.charts import MAP_PAGE_SIZE, nl_outline

    lons: list[float] = []

    def walk(coords) -> None:
        if isinstance(coords[0], int | float):
            lons.append(coords[0])
        else:
            for c in coords:
                walk(c)

    for feature in nl_outline()["features"]:
        walk(feature["geometry"]["coordinates"])
    page_scale = MAP_PAGE_SIZE["width"] / (max(lons) - min(lons))  # 300 px / 3,85 degrees = 77,9
    assert 0.95 * page_scale <= ml.PX_PER_DEGREE <= page_scale
