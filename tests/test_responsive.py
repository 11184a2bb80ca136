"""Responsive drawing: the page draws the chart without its title block, the bars follow the window."""

from dashboard.core import responsive


def test_without_title_splits_title_and_subtitle_from_the_drawn_spec():
    spec = {"title": {"text": "Kaart", "subtitle": ["Bron: X", "noot"]}, "mark": "bar"}
    drawn, title, subtitle = responsive.without_title(spec)
    assert drawn == {"mark": "bar"} and title == "Kaart" and subtitle == ["Bron: X", "noot"]
    assert "title" in spec  # the export keeps its title


def test_without_title_handles_plain_and_missing_titles():
    assert responsive.without_title({"title": "T"})[1:] == ("T", [])
    assert responsive.without_title({"mark": "bar"}) == ({"mark": "bar"}, "", [])


def test_container_range_falls_back_to_the_export_width_and_stays_within_bounds():
    low, (expr,) = (
        responsive.container_range(520, 255, low=110, high=900)[0],
        responsive.container_range(520, 255, low=110, high=900)[1:],
    )
    assert low == 0
    text = expr["expr"]
    assert text.endswith(": 520") and "clamp(" in text and ", 110, 900)" in text and "- 255" in text


def test_wrapped_title_breaks_long_title_and_subtitle_lines_at_words():
    spec = {
        "title": {"text": "Gemiddeld besteedbaar huishoudensinkomen tegen bijstand", "subtitle": ["a b c d e"]},
        "mark": "bar",
    }
    out = responsive.wrapped_title(spec, title_chars=30, subtitle_chars=5)
    assert out["title"]["text"] == ["Gemiddeld besteedbaar", "huishoudensinkomen tegen", "bijstand"]
    assert out["title"]["subtitle"] == ["a b c", "d e"]
    assert spec["title"]["text"].startswith("Gemiddeld")  # the pin keeps its title
