"""render_chart() and the presentation page, headless (streamlit.testing.v1.AppTest).

Why: every chart in the dashboard goes through render_chart, so a regression here removes the downloads or
the pin button from every page at once; and presentation mode must work from pins alone (it is opened
from a URL with ?present=1 on a projector, without visiting the chart pages again).
"""

from __future__ import annotations

import json
from pathlib import Path

import altair as alt
import pandas as pd
import pyarrow as pa
import pytest
from streamlit import dataframe_util
from streamlit.testing.v1 import AppTest

from dashboard.core import exports
from dashboard.core.safe_text import md_escape
from dashboard.ui import chart_panel
from dashboard.ui.chart_panel import PINS_KEY
from tests.app_pages import PAGE_FILES

ROOT = Path(__file__).resolve().parent.parent
PRESENTATION_PAGE = ROOT / "dashboard" / "views" / "presentation.py"
SQL_PAGE = ROOT / "dashboard" / "views" / "sql_console.py"


def charts(at: AppTest):
    """Vega-Lite chart elements (the element type was 'arrow_vega_lite_chart' before Streamlit 1.5x)."""
    return at.get("vega_lite_chart") or at.get("arrow_vega_lite_chart")


def two_charts_page():
    import altair as alt
    import pandas as pd

    from dashboard.ui.chart_panel import render_chart

    df = pd.DataFrame({"gemeente": ["Almelo", "Leiden"], "inkomen": [36500, 41000]})
    bar = alt.Chart(df).mark_bar().encode(x="inkomen:Q", y="gemeente:N").properties(title="Inkomen")
    render_chart(bar, slug="contrast_inkomen", data=df, lang="nl", key="c1", source="Bron: KPMG (2019)")
    render_chart(bar.mark_point(), slug="punten", data=df, lang="nl", key="c2", title="Punten")


def test_every_chart_gets_png_svg_csv_downloads_and_a_pin_button():
    at = AppTest.from_function(two_charts_page).run()
    assert not at.exception
    assert len(charts(at)) == 2
    names = {b.key: b for b in at.download_button}
    for key in ("c1", "c2"):
        assert {f"{key}__png", f"{key}__svg", f"{key}__csv"} <= set(names)
    labels = [b.label for b in at.download_button]
    assert labels.count("Download PNG") == 2 and labels.count("Download SVG") == 2
    assert labels.count("Download data") == 2
    assert at.button(key="c1__pin").label == "Vastpinnen voor presentatie"


@pytest.fixture
def deferred(monkeypatch) -> dict[str, dict]:
    """file name -> {callable, mimetype}: what each download button would serve when clicked."""
    from streamlit.runtime.media_file_manager import MediaFileManager

    seen: dict[str, dict] = {}
    original = MediaFileManager.add_deferred

    def spy(self, data_callable, mimetype, coordinates, file_name=None, **kwargs):
        seen[file_name] = {"callable": data_callable, "mimetype": mimetype}
        return original(self, data_callable, mimetype, coordinates, file_name, **kwargs)

    monkeypatch.setattr(MediaFileManager, "add_deferred", spy)
    return seen


def test_downloads_are_lazy_named_after_the_chart_and_valid(deferred):
    at = AppTest.from_function(two_charts_page).run()
    assert not at.exception
    assert all(b.proto.deferred_file_id for b in at.download_button)  # nothing rendered before a click
    assert {
        "lokale-teams_contrast_inkomen_2019.png",
        "lokale-teams_contrast_inkomen_2019.svg",
        "lokale-teams_contrast_inkomen_2019.csv",
        "lokale-teams_punten_2019.png",
    } <= set(deferred)
    png = deferred["lokale-teams_contrast_inkomen_2019.png"]["callable"]()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and exports.png_size(png)[0] >= 1600
    svg = deferred["lokale-teams_punten_2019.svg"]["callable"]().decode()
    assert "Inkomen" in svg and "40.000" in svg  # the chart's own title wins over title=; Dutch thousands
    csv = deferred["lokale-teams_contrast_inkomen_2019.csv"]["callable"]().decode()
    assert csv.splitlines() == ["gemeente,inkomen", "Almelo,36500", "Leiden,41000"]


def test_pin_button_pins_and_unpins():
    at = AppTest.from_function(two_charts_page).run()
    at.button(key="c1__pin").click().run()
    assert not at.exception
    pins = at.session_state[PINS_KEY]
    assert [p["slug"] for p in pins] == ["contrast_inkomen"]
    pin = pins[0]
    assert pin["title"] == "Inkomen" and pin["source"] == "Bron: KPMG (2019)"
    assert json.loads(pin["spec"])["mark"]["type"] == "bar" and list(pin["data"].columns) == ["gemeente", "inkomen"]
    assert at.button(key="c1__pin").label == "Losmaken uit presentatie"
    at.button(key="c2__pin").click().run()
    assert [p["slug"] for p in at.session_state[PINS_KEY]] == ["contrast_inkomen", "punten"]
    at.button(key="c1__pin").click().run()
    assert [p["slug"] for p in at.session_state[PINS_KEY]] == ["punten"]


@pytest.fixture(autouse=True)
def real_warehouse_for_pages(built_warehouse, monkeypatch):
    """Pages read the warehouse (e.g. the deck's citation): every page test gets the one built from data/."""
    from dashboard.core import settings

    monkeypatch.setattr(settings, "WAREHOUSE_PATH", built_warehouse)


def make_pins(n: int) -> list[dict]:
    out = []
    for i in range(n):
        df = pd.DataFrame({"x": ["a", "b"], "y": [1000 * (i + 1), 41000]})
        chart = alt.Chart(df).mark_bar().encode(x="x:N", y="y:Q").properties(title=f"Grafiek {i + 1}")
        out.append(
            {
                "slug": f"g{i + 1}",
                "title": f"Grafiek {i + 1}",
                "subtitle": "Selectie: alle gemeenten",
                "source": "Bron: KPMG (2019), Bijlage 2",
                "spec": exports.spec_json(exports.chart_to_spec(chart)),
                "data": df,
            }
        )
    return out


def present(at: AppTest) -> AppTest:
    at.session_state[PINS_KEY] = make_pins(3)
    return at


def test_presentation_page_without_pins_explains_what_to_do():
    at = AppTest.from_file(str(PRESENTATION_PAGE)).run()
    assert not at.exception
    assert any("Nog geen grafieken vastgepind" in i.value for i in at.info)


def test_presentation_manager_lists_pins_and_offers_the_deck():
    at = present(AppTest.from_file(str(PRESENTATION_PAGE))).run()
    assert not at.exception
    assert at.download_button(key="present_deck").label == "Download PowerPoint"
    assert "Grafiek 1" in at.markdown[1].value or any("Grafiek 1" in m.value for m in at.markdown)
    at.button(key="present_down_0").click().run()
    assert [p["slug"] for p in at.session_state[PINS_KEY]] == ["g2", "g1", "g3"]
    at.button(key="present_remove_2").click().run()
    assert [p["slug"] for p in at.session_state[PINS_KEY]] == ["g2", "g1"]


def test_presentation_mode_from_the_url_shows_one_chart_with_big_fonts():
    at = present(AppTest.from_file(str(PRESENTATION_PAGE)))
    at.query_params["present"] = "1"
    at.run()
    assert not at.exception
    shown = charts(at)
    assert len(shown) == 1
    spec = json.loads(shown[0].proto.spec)
    assert spec["title"]["text"] == ["Grafiek 1"]  # wrapped into lines (one here)
    assert spec["config"]["axis"]["labelFontSize"] >= 18 and spec["config"]["title"]["fontSize"] >= 18
    assert any("1 / 3" in m.value for m in at.markdown)
    assert any("stSidebar" in m.value for m in at.markdown)  # the chrome-hiding CSS is injected
    assert at.button(key="present_prev").disabled


def test_presentation_mode_steps_through_the_pins_and_exits():
    at = present(AppTest.from_file(str(PRESENTATION_PAGE)))
    at.query_params["present"] = "1"
    at.run()
    at.button(key="present_next").click().run()
    at.button(key="present_next").click().run()
    assert any("3 / 3" in m.value for m in at.markdown)
    assert json.loads(charts(at)[0].proto.spec)["title"]["text"] == ["Grafiek 3"]
    assert at.button(key="present_next").disabled
    at.button(key="present_prev").click().run()
    assert any("2 / 3" in m.value for m in at.markdown)
    at.button(key="present_exit").click().run()
    assert not at.exception
    assert not any("stSidebar" in m.value for m in at.markdown)  # CSS only in presentation mode
    assert at.toggle(key="present_toggle").value is False


def test_presentation_toggle_turns_the_mode_on():
    at = present(AppTest.from_file(str(PRESENTATION_PAGE))).run()
    at.toggle(key="present_toggle").set_value(True).run()
    assert not at.exception
    assert len(charts(at)) == 1


@pytest.fixture
def sql_page(monkeypatch, tmp_path):
    from dashboard.core import settings
    from etl.build import build_warehouse

    target = tmp_path / "warehouse.duckdb"
    build_warehouse(ROOT / "tests" / "fixtures" / "data", target, log=lambda _line: None)
    monkeypatch.setattr(settings, "WAREHOUSE_PATH", target)
    return AppTest.from_file(str(SQL_PAGE), default_timeout=15)


def test_sql_console_page_runs_a_query_and_offers_downloads(sql_page):
    at = sql_page.run()
    assert not at.exception
    at.button(key="sql_ex_sql_example_overview").click().run()
    at.button(key="sql_run").click().run()
    assert not at.exception and not at.error
    assert len(at.dataframe) == 1 and len(at.dataframe[0].value) == 3
    assert {b.key for b in at.download_button} == {"sql_download_csv", "sql_download_xlsx"}


def test_sql_console_page_refuses_with_a_short_message(sql_page):
    at = sql_page.run()
    at.text_area(key="sql_text").set_value("drop table municipality").run()
    at.button(key="sql_run").click().run()
    assert not at.exception
    # DuckDB's and the console's messages are shown as text: markdown characters arrive escaped.
    refusal = md_escape("Alleen SELECT-queries zijn toegestaan, geen DROP.")
    assert at.error[0].value == "Query niet uitgevoerd: " + refusal


@pytest.mark.parametrize(
    ("sql", "shown"),
    [
        ("select 1; select 2", "Eén statement per keer; dit zijn er 2."),
        ("install httpfs", "Alleen SELECT-queries zijn toegestaan, geen INSTALL."),
        ("copy (select 1) to '/tmp/lokale_teams_escape.csv'", "Alleen SELECT-queries zijn toegestaan, geen COPY."),
    ],
)
def test_sql_console_page_refuses_in_dutch(sql_page, sql, shown):
    at = sql_page.run()
    at.text_area(key="sql_text").set_value(sql).run()
    at.button(key="sql_run").click().run()
    assert not at.exception
    assert at.error[0].value == f"Query niet uitgevoerd: {md_escape(shown)}"


def test_sql_console_page_time_limit_message_is_dutch(sql_page, monkeypatch):
    from dashboard.core import sql_console
    from dashboard.runtime import sql_worker

    # A real runaway query is covered in tests/test_sql_console.py; here only the message matters.
    monkeypatch.setattr(
        sql_worker, "run_in_worker", lambda path, sql: sql_console.QueryResult.failed("sql_err_timeout", seconds=2.5)
    )
    at = sql_page.run()
    at.button(key="sql_run").click().run()
    assert not at.exception
    assert at.error[0].value == "Query niet uitgevoerd: " + md_escape("Query gestopt na de tijdslimiet van 2,5 s.")


def test_sql_console_page_counts_one_row_in_the_singular_and_shows_null(sql_page):
    at = sql_page.run()
    at.text_area(key="sql_text").set_value("select 1 as a, null as b").run()
    at.button(key="sql_run").click().run()
    assert not at.exception and not at.error
    assert at.caption[-1].value.startswith("1 rij in ")
    assert at.dataframe[0].proto.placeholder == "NULL"  # shown instead of Streamlit's "None"
    at.text_area(key="sql_text").set_value("select * from range(2)").run()
    at.button(key="sql_run").click().run()
    assert at.caption[-1].value.startswith("2 rijen in ")


def test_sql_console_page_respects_the_operator_switch(sql_page, monkeypatch):
    from dashboard.core import settings

    monkeypatch.setattr(settings, "SQL_CONSOLE_ENABLED", False)
    at = sql_page.run()
    assert not at.exception and not at.text_area
    assert "LOKALE_TEAMS_SQL_CONSOLE=off" in at.info[0].value


def data_downloads_page():
    from dashboard.ui.data_downloads import render_data_downloads

    render_data_downloads(lang="nl", codes=["GM9901"], filters="Provincie: Testland", key="dl")


def test_data_downloads_offer_selection_and_full_dataset(sql_page, deferred):
    import io
    import zipfile

    import openpyxl

    from etl.export import EXPORT_TABLES

    at = AppTest.from_function(data_downloads_page, default_timeout=15).run()
    assert not at.exception
    assert {b.key for b in at.download_button} == {
        f"dl__{part}__{fmt}" for part in ("sel", "full") for fmt in ("csv", "xlsx", "parquet")
    }
    with zipfile.ZipFile(io.BytesIO(deferred["lokale-teams_selectie_csv_2019.zip"]["callable"]())) as zf:
        municipalities = zf.read("municipalities.csv").decode().strip().splitlines()
        readme = zf.read("README.md").decode()
    assert municipalities[0].startswith("municipality_code,") and len(municipalities) == 2
    assert municipalities[1].startswith("GM9901,")
    assert "Provincie: Testland" in readme and "## Tabellen" in readme  # the interface language: Dutch
    book = openpyxl.load_workbook(io.BytesIO(deferred["lokale-teams_selectie_2019.xlsx"]["callable"]()))
    assert book.sheetnames[0] == "README"
    assert ("Selectie", "aantal gemeenten: 1 · Provincie: Testland") in list(book["README"].iter_rows(values_only=True))
    full = openpyxl.load_workbook(io.BytesIO(deferred["lokale-teams_dataset_2019.xlsx"]["callable"]()))
    assert full.sheetnames == ["README", *EXPORT_TABLES, "datapackage"]
    with zipfile.ZipFile(io.BytesIO(deferred["lokale-teams_dataset_parquet_2019.zip"]["callable"]())) as zf:
        assert sorted(zf.namelist()) == sorted(
            ["README.md", "datapackage.json", *(f"{name}.parquet" for name in EXPORT_TABLES)]
        )


APP = ROOT / "dashboard" / "app.py"
# Every page that draws charts, with the URL parameters that make it draw them (profile and compare need a
# selection). The about and practice-search pages draw no charts by design; presentation has its own test.
CHART_PAGES = {
    "overview.py": {},
    "profile.py": {"gm": "almelo"},
    "compare.py": {"cmp": "almelo,enschede"},
    "contrasts.py": {},
    "peers.py": {},
}


def test_chart_page_list_is_complete():
    """A new page with charts must be added to CHART_PAGES, or its downloads go untested."""
    pages = {Path(p).name for p in PAGE_FILES}  # every page dashboard/app.py declares
    assert pages - set(CHART_PAGES) == {"about.py", "practices.py", "presentation.py", "sql_console.py"}


@pytest.mark.parametrize("page_file", sorted(CHART_PAGES))
def test_every_chart_on_every_page_has_its_downloads(page_file, built_warehouse, monkeypatch):
    """Each Vega-Lite chart a page draws comes with PNG, SVG and data downloads and a pin button."""
    from dashboard.core import settings

    monkeypatch.setattr(settings, "WAREHOUSE_PATH", built_warehouse)
    at = AppTest.from_file(str(APP), default_timeout=60).run()  # the app's first run sets up the selection
    at.switch_page(f"views/{page_file}")
    at.query_params.update(CHART_PAGES[page_file])
    at.run()
    assert not at.exception
    shown = charts(at)
    assert shown, f"{page_file} drew no chart with {CHART_PAGES[page_file]}"
    keys = {b.key for b in at.download_button if b.key}
    chart_keys = sorted(k[: -len("__png")] for k in keys if k.endswith("__png"))
    assert len(chart_keys) == len(shown), f"charts drawn without render_chart on {page_file}"
    for key in chart_keys:
        assert {f"{key}__svg", f"{key}__csv"} <= keys
        assert at.button(key=f"{key}__pin")


@pytest.mark.parametrize("page_file", ["about.py", "practices.py"])
def test_pages_without_charts_draw_none(page_file, built_warehouse, monkeypatch):
    from dashboard.core import settings

    monkeypatch.setattr(settings, "WAREHOUSE_PATH", built_warehouse)
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    at.switch_page(f"views/{page_file}").run()
    assert not at.exception
    assert charts(at) == []


def test_every_contrast_view_has_its_downloads(built_warehouse, monkeypatch):
    """The contrasts page draws one chart per view; each view's chart goes through render_chart."""
    from dashboard.core import settings

    monkeypatch.setattr(settings, "WAREHOUSE_PATH", built_warehouse)
    at = AppTest.from_file(str(APP), default_timeout=60).run()
    at.switch_page("views/contrasts.py").run()
    seen: set[str] = set()
    for view in ("heatmap", "matrix", "scatter", "groups", "deviation"):
        at.button_group(key="ct_view").set_value(view).run()
        assert not at.exception
        pngs = [b.key for b in at.download_button if b.key and b.key.endswith("__png")]
        assert len(pngs) == len(charts(at)), view
        seen.update(pngs)
    assert len(seen) >= 4, seen  # the views really changed


def _arrow_rows(data: bytes) -> tuple[list[str], list[dict]]:
    table = pa.ipc.open_stream(data).read_all()
    return table.column_names, table.to_pylist()


def _went_through_pandas(data: bytes) -> bool:
    """Streamlit's route writes pandas' metadata into the schema; Arrow's own table has none."""
    return b"pandas" in (pa.ipc.open_stream(data).schema.metadata or {})


def test_chart_rows_become_arrow_bytes_with_the_same_values_and_nulls():
    # rows as charts.rows.records gives them: text, whole and decimal numbers, booleans, None for missing
    rows = [
        {"name": "Almelo", "population": 73095, "share": 7.3, "agreed": True},
        {"name": "Ede", "population": None, "share": None, "agreed": False},
        {"name": None, "population": 120000, "share": 41.5, "agreed": None},
    ]
    data = chart_panel._to_arrow(rows)
    assert not _went_through_pandas(data)
    schema = pa.ipc.open_stream(data).schema
    # the whole-number column with a gap stays whole (pandas would make it decimal)
    assert [str(f.type) for f in schema] == ["string", "int64", "double", "bool"]
    columns, back = _arrow_rows(data)
    assert columns == ["name", "population", "share", "agreed"]
    assert back == rows
    # Streamlit's own route (through a pandas DataFrame) reads back as the same values: the drawing does not change
    theirs = dataframe_util.convert_anything_to_arrow_bytes(rows)
    assert _went_through_pandas(theirs)
    assert _arrow_rows(theirs)[1] == rows


def test_chart_rows_that_mix_types_or_keys_or_have_no_columns_take_streamlits_route():
    mixed = [{"value": 1}, {"value": "een"}]  # Arrow refuses a column of numbers and text
    data = chart_panel._to_arrow(mixed)
    assert _went_through_pandas(data) and len(_arrow_rows(data)[1]) == 2
    uneven = [{"a": 1}, {"a": 2, "b": 3}]  # Arrow would keep only the first row's keys
    data = chart_panel._to_arrow(uneven)
    assert _went_through_pandas(data)
    columns, back = _arrow_rows(data)
    assert columns == ["a", "b"]
    assert back[1] == {"a": 2, "b": 3}
    no_columns = [{}, {}]  # charts.base.named_data's "empty" dataset: Arrow would keep no rows at all
    data = chart_panel._to_arrow(no_columns)
    assert _went_through_pandas(data)
    assert pa.ipc.open_stream(data).read_all().num_rows == 2
    number_keys = [{1: "x"}]  # not text: Arrow raises TypeError
    assert _went_through_pandas(chart_panel._to_arrow(number_keys))
    features = [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [5.1, 52.1]}}]
    assert chart_panel._to_arrow(features) is features  # GeoJSON stays in the spec for Vega-Lite
