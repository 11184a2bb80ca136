"""The query layer (dashboard/core/queries.py) against a warehouse built from the real data/.

Why: every page reads through these functions; a query that breaks or interpolates user text would show a
traceback or let a search box change the SQL.
"""

import shutil

import duckdb
import pytest

from dashboard.core import queries as q


@pytest.fixture(scope="module")
def con(built_warehouse):
    c = duckdb.connect(str(built_warehouse), read_only=True)
    yield c
    c.close()


def test_sql_lives_in_named_constants_without_string_formatting():
    constants = [v for k, v in vars(q).items() if k.isupper() and isinstance(v, str)]
    assert len(constants) >= 15
    for sql in constants:
        assert "{" not in sql and "%s" not in sql, sql


def test_overview_has_every_municipality(con):
    df = q.overview(con)
    n = con.execute("select count(*) from municipality").fetchone()[0]
    assert len(df) == n >= 3
    assert str(df["team_count_reported"].dtype) == "Int64"  # missing stays missing, never 0
    assert all(isinstance(v, tuple) for v in df["highlighted_functions"])


# Expected rows per query, counted straight from the base tables (not through the query or its view).
BASE_COUNTS = {
    "meta": "select count(*) from meta",
    "org_matrix": "select (select count(*) from municipality) * (select count(*) from org_dimension)",
    "highlights": "select count(*) from (select distinct municipality_code, basic_function_id from practice)",
    "basic_functions": "select count(*) from basic_function",
    "dimensions": "select count(*) from org_dimension",
    "dimension_values": "select count(*) from org_value",
    "indicators": "select count(*) from indicator",
    "indicator_values": "select count(*) from indicator_value",
    "sources": "select count(*) from source",
    "routekaart": "select count(*) from routekaart_step",
}


@pytest.mark.parametrize("name", sorted(BASE_COUNTS))
def test_table_queries_return_every_row_of_their_table(con, name):
    df = getattr(q, name)(con)
    want = con.execute(BASE_COUNTS[name]).fetchone()[0]
    assert len(df) == want > 0  # an org matrix cell per municipality and dimension, none dropped or doubled


def test_table_queries_come_in_their_documented_order(con):
    assert list(q.basic_functions(con)["ordinal"]) == sorted(q.basic_functions(con)["ordinal"])
    dims = q.dimensions(con)
    assert list(dims["ordinal"]) == sorted(dims["ordinal"]) and dims["dimension_id"].is_unique
    values = q.dimension_values(con)
    assert list(zip(values["dimension_ordinal"], values["ordinal"], strict=True)) == sorted(
        zip(values["dimension_ordinal"], values["ordinal"], strict=True)
    )


def test_per_municipality_queries(con):
    code = q.overview(con)["municipality_code"].iloc[0]
    assert len(q.municipality(con, code)) == 1
    assert len(q.teams(con, code)) >= 1
    assert len(q.practices(con, [code])) >= 1
    # expected counts straight from the base tables (not through the query under test)
    n_notes = con.execute("select count(*) from qualitative_note where municipality_code = ?", [code]).fetchone()[0]
    notes = q.notes(con, code)
    assert len(notes) == n_notes and notes["source_title"].notna().all()
    n_figures = con.execute(
        "select count(*) from practice_figure f join practice p using (practice_id) where p.municipality_code = ?",
        [code],
    ).fetchone()[0]
    assert len(q.practice_figures(con, [code])) == n_figures
    src = q.municipality_sources(con, code)
    assert {"population", "coordinates"} <= {u for uses in src["used_for"] for u in uses}


def test_search_matches_dutch_and_english_case_insensitive(con):
    practices = q.practices(con, list(q.overview(con)["municipality_code"]))
    row = practices.iloc[0]
    codes = list(q.overview(con)["municipality_code"])
    word_en = max(row["title_en"].split(), key=len)
    word_nl = max(row["title_nl"].split(), key=len)
    for word in (word_en.upper(), word_nl.lower()):
        found = q.practice_search(con, codes, word)
        assert row["practice_id"] in set(found["practice_id"])
    # all terms must occur: adding a nonsense term finds nothing
    assert q.practice_search(con, codes, f"{word_en} zzqqxx").empty
    # empty search = everything for the codes
    assert len(q.practice_search(con, codes, "")) == len(practices)


@pytest.fixture
def writable(built_warehouse, tmp_path):
    """A writable copy of the warehouse where one practice holds SQL, LIKE wildcards and a backslash as text."""
    path = tmp_path / "w.duckdb"
    shutil.copy(built_warehouse, path)
    c = duckdb.connect(str(path))
    first = c.execute("select practice_id from practice order by practice_id limit 1").fetchone()[0]
    c.execute(
        "update practice set title_en = ? where practice_id = ?",
        ["x'; drop table practice; -- 100% a_b back\\slash " + "a" * 80, first],
    )
    yield c, first
    c.close()


@pytest.mark.parametrize("text", ["'; drop table practice; --", "100%", "_", "\\", "a" * 500, "0%"])
def test_search_text_is_data_not_sql(writable, text):
    con, planted = writable
    codes = list(q.overview(con)["municipality_code"])
    before = con.execute("select count(*) from practice").fetchone()[0]
    found = q.practice_search(con, codes, text)
    # the oracle: every practice whose four texts contain every term literally (no wildcards, no SQL)
    terms = q.search_terms(text)
    everything = q.practices(con, codes)
    haystacks = {
        row.practice_id: " ".join(str(getattr(row, c)) for c in ("title_nl", "summary_nl", "title_en", "summary_en"))
        for row in everything.itertuples()
    }
    want = {pid for pid, hay in haystacks.items() if all(term in hay.lower() for term in terms)}
    assert set(found["practice_id"]) == want
    if text != "0%":
        assert planted in want  # the planted text is found as written
    assert len(want) < len(everything)  # "%" and "_" are no wildcards: they do not match everything
    # the writable connection could have dropped the table: it did not
    assert con.execute("select count(*) from practice").fetchone()[0] == before > 0


def test_search_terms_are_bounded():
    assert q.search_terms("  Huisarts  SCHOOL ") == ["huisarts", "school"]
    assert len(q.search_terms(" ".join(["w"] * 50))) == 10


def test_codes_filter_practices(con):
    codes = list(q.overview(con)["municipality_code"])
    assert set(q.practices(con, codes[:1])["municipality_code"]) == {codes[0]}
    assert q.practices(con, []).empty
