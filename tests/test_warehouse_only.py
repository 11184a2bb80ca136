"""The dashboard reads the warehouse only, never data/ at runtime (it may serve a warehouse built elsewhere).

The report's citation (etl.citation) falls back to data/reference/sources.yaml when it is given no source row;
here that fallback raises, so every path below must have taken the report's row from the warehouse.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.core import exports, settings
from dashboard.core import queries as q
from etl import citation

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "app.py")


@pytest.fixture(autouse=True)
def _no_data_folder(monkeypatch, built_warehouse):
    def refuse() -> dict:
        raise AssertionError("read data/reference/sources.yaml at runtime")

    monkeypatch.setattr(citation, "_report_source_yaml", refuse)
    monkeypatch.setattr(settings, "WAREHOUSE_PATH", built_warehouse)


def test_data_package_cites_the_report_from_the_warehouse(built_warehouse):
    con = duckdb.connect(str(built_warehouse), read_only=True)
    try:
        row = citation.report_source(q.sources(con))
        files = zipfile.ZipFile(io.BytesIO(exports.dataset_download(con, "csv")))
    finally:
        con.close()
    assert row is not None and row["title"]
    readme = files.read("README.md").decode("utf-8")
    assert citation.report_citation("nl", row) in readme


def test_about_page_cites_the_report_from_the_warehouse(built_warehouse):
    con = duckdb.connect(str(built_warehouse), read_only=True)
    try:
        want = citation.report_citation("nl", citation.report_source(q.sources(con)))
    finally:
        con.close()
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.switch_page("views/about.py").run()
    assert not at.exception
    assert any(code.value == want for code in at.code)
