"""Chart builders (dashboard/core/charts/maps.py): inspect the Vega-Lite spec, no browser.

Why: the map is the overview page's first chart; a municipality drawn in the sea or
without its tooltip would be the first thing a reader distrusts.
"""

from __future__ import annotations

from dashboard.core import charts as c
from tests.chart_support import assert_framed, spec_of, walk


def test_map_chart(warehouse_frames):
    dv = warehouse_frames["dimension_values"]
    emp = dv[dv.dimension_id == "employer"]
    labels = dict(zip(emp.value_id, emp.label_nl, strict=True))
    functions = warehouse_frames["basic_functions"]
    pts = c.prepare_map_points(
        warehouse_frames["overview"],
        warehouse_frames["org_matrix"],
        "employer",
        labels,
        dict(zip(functions.basic_function_id, functions.name_nl, strict=True)),
        {},
        "nl",
    )
    assert len(pts) == len(warehouse_frames["overview"])
    spec = spec_of(
        c.map_chart(
            pts,
            value_order=list(labels),
            value_labels=labels,
            colour_title="Werkgever",
            title="Kaart",
            subtitle=[c.source_line("nl")],
            lang="nl",
        )
    )
    assert_framed(spec)
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks[0] == "geoshape" and "circle" in marks
    circle = next(layer for layer in spec["layer"] if layer["mark"]["type"] == "circle")
    enc = circle["encoding"]
    assert enc["longitude"]["field"] == "longitude" and enc["latitude"]["field"] == "latitude"
    assert enc["size"]["field"] == "population"
    scale = enc["color"]["scale"]
    if "Niet gerapporteerd" in scale["domain"]:
        assert scale["range"][scale["domain"].index("Niet gerapporteerd")] == c.NOT_REPORTED_GREY
    assert set(scale["range"]) <= set(c.OKABE_ITO) | {c.NOT_REPORTED_GREY}
    params = [p for d in walk(spec) for p in d.get("params", []) if isinstance(p, dict)]
    assert any(p.get("name") == c.MAP_SELECTION and p.get("select", {}).get("fields") == ["slug"] for p in params)
    assert all(layer.get("projection", {}).get("type") == "mercator" for layer in spec["layer"])


def test_outline_rings_are_closed_and_in_the_netherlands():
    for feature in c.nl_outline()["features"]:
        ring = feature["geometry"]["coordinates"][0]
        assert ring[0] == ring[-1]
        assert all(3.3 <= lon <= 7.3 and 50.7 <= lat <= 53.6 for lon, lat in ring)
