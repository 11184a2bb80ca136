"""The query layer (dashboard/core/queries.py) against a warehouse built from the real data/.

Why: every page reads through these functions; a query that breaks or interpolates user text would show a
traceback or let a search box change the SQL.
"""

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


@pytest.mark.parametrize(
    "name",
    [
        "meta",
        "org_matrix",
        "highlights",
        "basic_functions",
        "dimensions",
        "dimension_values",
        "indicators",
        "indicator_values",
        "sources",
        "routekaart",
    ],
)
def test_table_queries_run(con, name):
    df = getattr(q, name)(con)
    assert len(df) > 0


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


@pytest.mark.parametrize("text", ["'; drop table practice; --", "100%", "_", "\\", "a" * 500])
def test_search_text_is_data_not_sql(con, text):
    codes = list(q.overview(con)["municipality_code"])
    before = con.execute("select count(*) from practice").fetchone()[0]
    found = q.practice_search(con, codes, text)
    # the text is matched literally (no LIKE wildcards, no SQL): every hit contains every term as written
    for row in found.itertuples():
        haystack = " ".join(str(getattr(row, c)) for c in ("title_nl", "summary_nl", "title_en", "summary_en")).lower()
        assert all(term in haystack for term in q.search_terms(text))
    assert con.execute("select count(*) from practice").fetchone()[0] == before > 0


def test_search_terms_are_bounded():
    assert q.search_terms("  Huisarts  SCHOOL ") == ["huisarts", "school"]
    assert len(q.search_terms(" ".join(["w"] * 50))) == 10


def test_codes_filter_practices(con):
    codes = list(q.overview(con)["municipality_code"])
    assert set(q.practices(con, codes[:1])["municipality_code"]) == {codes[0]}
    assert q.practices(con, []).empty
