"""Coding confidence in the dashboard (AppTest) on the fictional fixture, which has double coding.

Fixture facts (tests/fixtures/data/coding/, see tests/test_coding.py): Teststad (GM9903) x team scope was
adjudicated ("Fixture reason ..."); every other code was agreed; team scope is tentative (last-round alpha
12/22 = 0.545 < 0.667), regie is not (alpha 1.0); round-1 alpha of regie is -0.25.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
import yaml
from streamlit.testing.v1 import AppTest

from dashboard.core import settings
from dashboard.core.safe_text import md_escape
from etl.build import build_warehouse

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "dashboard" / "app.py")
FIXTURE = ROOT / "tests" / "fixtures" / "data"


def fixture_reason(lang: str) -> str:
    doc = yaml.safe_load((FIXTURE / "coding" / "adjudication.yaml").read_text(encoding="utf-8"))
    return doc["decisions"][0][f"reason_{lang}"]


@pytest.fixture(scope="module", autouse=True)
def fixture_app(tmp_path_factory):
    data = tmp_path_factory.mktemp("conf") / "data"
    shutil.copytree(FIXTURE, data)
    warehouse = data / "warehouse.duckdb"
    build_warehouse(data, warehouse, log=lambda _l: None)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(settings, "DATA_DIR", data)
        mp.setattr(settings, "WAREHOUSE_PATH", warehouse)
        yield


def app(page: str, params: dict | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page(page)
    if params:
        at.query_params.update(params)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def all_text(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [c.value for c in at.caption] + [i.value for i in at.info]
    parts += [h.value for h in at.header] + [s.value for s in at.subheader]
    return "\n".join(str(p) for p in parts)


def frame_with(at: AppTest, column: str):
    return next(df.value for df in at.dataframe if column in df.value.columns)


def org_table(at: AppTest):
    return next(tbl.value for tbl in at.table if "Codering" in tbl.value.columns or "Coding" in tbl.value.columns)


def test_profile_marks_adjudicated_code_with_reason_and_agreed_codes():
    at = app("views/profile.py", {"gm": "teststad"})
    table = org_table(at)
    status = dict(zip(table["Dimensie"], table["Codering"], strict=True))
    assert status["Reikwijdte van het team (voorlopig)"] == f"door arbitrage bepaald: {fixture_reason('nl')}"
    assert status["Wie voert de regie?"] == "beide codeurs eens"
    en = app("views/profile.py", {"gm": "teststad", "lang": "en"})
    status = dict(zip(org_table(en)["Dimension"], org_table(en)["Coding"], strict=True))
    assert status["Team scope (tentative)"] == f"decided by adjudication: {fixture_reason('en')}"


def test_sidebar_switch_hides_adjudicated_codes_and_travels_in_the_url():
    at = app("views/profile.py", {"gm": "teststad"})
    at.toggle(key="f_agreed").set_value(True).run()
    assert at.query_params.get("agreed") == ["1"] or at.query_params.get("agreed") == "1"
    assert any("door arbitrage zijn bepaald, zijn uitgesloten" in c.value for c in at.sidebar.caption)
    table = org_table(at)
    values = dict(zip(table["Dimensie"], table["Waarde"], strict=True))
    assert values["Reikwijdte van het team (voorlopig)"].startswith("verborgen (door arbitrage bepaald")
    assert values["Wie voert de regie?"] == "Niet gerapporteerd"


def test_switch_excludes_adjudicated_codes_from_filters():
    # Only Teststad has team scope 'not reported', and that code was adjudicated.
    at = app("views/overview.py", {"org.team_scope": "not_reported"})
    assert "1 van 3 gemeenten" in "\n".join(m.value for m in at.sidebar.markdown)
    at = app("views/overview.py", {"org.team_scope": "not_reported", "agreed": "1"})
    assert "0 van 3 gemeenten" in "\n".join(m.value for m in at.sidebar.markdown)
    assert at.toggle(key="f_agreed").value is True


def test_overview_shows_a_hidden_code_as_hidden_not_as_not_reported():
    at = app("views/overview.py", {"agreed": "1", "color": "team_scope"})
    points = chart_rows(at.get("vega_lite_chart")[0])
    teststad = points[points["name"] == "Teststad"].iloc[0]
    assert teststad["colour_label"].startswith("verborgen (door arbitrage bepaald")
    assert teststad["scope_label"].startswith("verborgen")
    table = frame_with(at, "Gemeente")
    assert table.set_index("Gemeente").loc["Teststad"].iloc[2].startswith("verborgen")
    plain = app("views/overview.py", {"color": "team_scope"})
    points = chart_rows(plain.get("vega_lite_chart")[0])
    assert points[points["name"] == "Teststad"].iloc[0]["colour_label"] == "Niet gerapporteerd"


def test_reset_clears_the_switch():
    at = app("views/overview.py", {"agreed": "1"})
    assert at.toggle(key="f_agreed").value is True
    at.button(key="reset_filters_sidebar").click().run()
    assert at.toggle(key="f_agreed").value is False
    assert "agreed" not in at.query_params


def test_tentative_dimension_says_so_in_the_filter():
    at = app("views/overview.py")
    # widget labels render markdown, so the data-derived label is escaped (dashboard.core.safe_text.md_escape):
    # undo the backslashes to read it as the user sees it
    labels = {m.label.replace("\\", ""): m for m in at.sidebar.multiselect}  # undo md_escape
    assert "Reikwijdte van het team (voorlopig)" in labels
    assert "alfa van Krippendorff onder 0,667" in labels["Reikwijdte van het team (voorlopig)"].help
    assert "Wie voert de regie?" in labels  # alpha 1.0: no mark


def test_compare_marks_adjudicated_cells_and_lists_the_reason():
    at = app("views/compare.py", {"cmp": "fixtureburg,teststad"})
    table = frame_with(at, "Teststad")
    row = table[table["Dimensie"] == "Reikwijdte van het team (voorlopig)"].iloc[0]
    assert row["Teststad"] == "Niet gerapporteerd (arbitrage)"
    assert row["Fixtureburg"] == "Integraal"
    assert md_escape(f"Teststad – Reikwijdte van het team: {fixture_reason('nl')}") in all_text(at)  # shown as text


def chart_rows(element) -> pd.DataFrame:
    """The data of a Vega-Lite chart element (Streamlit sends it as Arrow IPC beside the spec)."""
    frames = [pa.ipc.open_stream(d.data.data).read_all().to_pandas() for d in element.proto.datasets]
    return pd.concat(frames) if frames else pd.DataFrame()


def test_matrix_marks_adjudicated_cells_with_reason_in_tooltip():
    at = app("views/contrasts.py", {"contrast": "matrix"})
    element = at.get("vega_lite_chart")[0]
    data = chart_rows(element)
    cell = data[(data["municipality_name"] == "Teststad") & data["dimension"].str.startswith("Reikwijdte")].iloc[0]
    assert cell["short_label"] == "–*"  # 'not reported' plus the adjudication mark
    assert cell["status"] == f"door arbitrage bepaald: {fixture_reason('nl')}"
    assert cell["dimension"] == "Reikwijdte van het team (voorlopig)"
    other = data[(data["municipality_name"] == "Fixtureburg") & data["dimension"].str.startswith("Reikwijdte")]
    # Fixtureburg's team scope is integral_0_100, whose cell words are '0-100-team'; both coders agreed
    assert other.iloc[0]["short_label"] == "0-100-team" and other.iloc[0]["status"] == "beide codeurs eens"
    assert '"title": "Codering"' in element.proto.spec  # the status is in the tooltip
    assert "door arbitrage bepaald" in all_text(at)
    hidden = app("views/contrasts.py", {"contrast": "matrix", "agreed": "1"})
    data = chart_rows(hidden.get("vega_lite_chart")[0])
    data = data[data["municipality_name"].notna()]  # the cells, not the key under the columns
    assert len(data) == 5 and "–*" not in set(data["short_label"])  # the adjudicated cell is left empty
    assert "Lege vakjes" in all_text(hidden)


def test_about_shows_reliability_table_round_one_next_to_last():
    at = app("views/about.py")
    table = frame_with(at, "Alfa ronde 1")
    rows = {r["Dimensie"]: r for _, r in table.iterrows()}
    # hand-computed in tests/test_coding.py: team scope 12/22 in both rounds; regie -0.25 then 1.0
    assert rows["Reikwijdte van het team"]["Alfa ronde 1"] == "0,55"
    assert rows["Reikwijdte van het team"]["Alfa ronde 2"] == "0,55"
    assert rows["Reikwijdte van het team"]["Oordeel"] == "voorlopig (< 0,667)"
    assert rows["Wie voert de regie?"]["Alfa ronde 1"] == "\u22120,25"
    assert rows["Wie voert de regie?"]["Alfa ronde 2"] == "1,00"
    assert rows["Wie voert de regie?"]["% eens ronde 1"] == "33"
    assert rows["Alle dimensies samen"]["n (gecodeerde keuzes)"] == 6
    text = all_text(at)
    assert "Krippendorffs alfa" in text
    assert "alleen in het Engels beschikbaar" in text  # rules are English only
    assert md_escape("Fixture rule: whether one team serves all ages.") in text  # data shown as text
    en = app("views/about.py", {"lang": "en"})
    assert "Alpha round 2" in frame_with(en, "Alpha round 1").columns
    assert "Krippendorff's alpha" in all_text(en)


def test_peer_page_leaves_tentative_dimension_out_by_default():
    at = app("views/peers.py", {"peer": "fixtureburg"})
    at.session_state["peers_w_open"] = True  # the weights expander draws its sliders only while open
    at.run()
    sliders = {s.key: s for s in at.slider}
    assert sliders["peers_w_org.team_scope"].value == 0.0
    assert sliders["peers_w_org.team_scope"].label == md_escape("Reikwijdte van het team (voorlopig)")
    assert sliders["peers_w_org.regie"].value == 1.0
    assert "telt voor dat paar half zo zwaar" in all_text(at)  # the method text says so


def test_every_reliability_string_used_exists_in_both_languages():
    import re

    from dashboard.core.strings.reliability import STRINGS

    used = set()
    for path in [*(ROOT / "dashboard").rglob("*.py")]:
        used |= set(re.findall(r"[\"'](rel_[a-z_]+)[\"']", path.read_text(encoding="utf-8")))
    assert used, "the views use the reliability strings"
    assert sorted(k for k in used if k not in STRINGS) == []
    assert all(nl.strip() and en.strip() and nl != en for nl, en in STRINGS.values())
    assert sorted(k for k in STRINGS if k not in used) == []  # no dead strings
