"""Every SQL statement the dashboard runs, as named constants, with one function per statement.

Pure: no Streamlit. Each function takes a DuckDB connection (or cursor), opens its own cursor (a DuckDB
connection object must not be shared between threads, a cursor per query is the documented way) and returns
a pandas DataFrame. Values always travel as parameters, never by string formatting. Pages read the views
of etl/schema.sql (v_*) and a few small reference tables.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import duckdb
import pandas as pd

log = logging.getLogger("lokale_teams")

META = "select key, value from meta order by key"

# Identity of a warehouse build, read on the open connection and on a private probe of the file on disk
# attached as "probe" (runtime.db compares both to see whether the ETL swapped in a new file).
BUILD_STAMP = "select key, value from meta where key in ('build_time', 'data_checksum') order by key"
PROBE_BUILD_STAMP = "select key, value from probe.meta where key in ('build_time', 'data_checksum') order by key"

OVERVIEW = "select * from v_municipality_overview order by name"

ORG_MATRIX = """
select *
from v_org_matrix
order by municipality_name, dimension_ordinal
"""

HIGHLIGHTS = """
select h.municipality_code, h.basic_function_id, h.n_practices, bf.ordinal as basic_function_ordinal
from v_highlight h
join basic_function bf using (basic_function_id)
order by h.municipality_code, bf.ordinal
"""

BASIC_FUNCTIONS = """
select basic_function_id, ordinal, name_nl, name_en, description_nl, description_en, locator
from basic_function
order by ordinal
"""

# tentative: the dimension's last-round Krippendorff's alpha < 0.667 (false without double coding).
DIMENSIONS = """
select d.dimension_id, d.ordinal, d.label_nl, d.label_en, d.question_nl, d.question_en, d.derived_from,
    coalesce(r.tentative, false) as tentative
from org_dimension d
left join coding_reliability r on r.dimension_id = d.dimension_id and r.is_last_round
order by d.ordinal
"""

# Agreement per dimension: round 1 next to the last round; the overall row (dimension_id null) last.
RELIABILITY = """
select *
from v_reliability_summary
order by dimension_ordinal
"""

DECISION_RULES = """
select r.*, d.ordinal, d.label_nl, d.label_en
from org_decision_rule r
join org_dimension d using (dimension_id)
order by d.ordinal
"""

RULE_EVIDENCE = """
select e.dimension_id, e.value_id, e.evidence, v.label_nl, v.label_en
from org_rule_evidence e
join org_value v using (dimension_id, value_id)
order by e.dimension_id, v.ordinal
"""

RULE_EXAMPLES = """
select x.dimension_id, x.ordinal, m.name as municipality_name, x.value_id, v.label_nl, v.label_en, x.reasoning,
    x.locator
from org_rule_example x
join municipality m using (municipality_code)
join org_value v using (dimension_id, value_id)
order by x.dimension_id, x.ordinal
"""

RULE_CHANGES = """
select dimension_id, ordinal, change_text
from org_rule_change
order by dimension_id, ordinal
"""

DIMENSION_VALUES = """
select v.dimension_id, v.value_id, v.ordinal, v.label_nl, v.label_en, v.definition_nl, v.definition_en,
    d.ordinal as dimension_ordinal
from org_value v
join org_dimension d using (dimension_id)
order by d.ordinal, v.ordinal
"""

INDICATORS = """
with coverage as (
    select indicator_id, count(distinct municipality_code) as n_municipalities, count(*) as n_values
    from indicator_value
    group by indicator_id
)
select i.*, coalesce(c.n_municipalities, 0) as n_municipalities, coalesce(c.n_values, 0) as n_values
from indicator i
left join coverage c using (indicator_id)
order by i.comparability_group, i.indicator_id
"""

INDICATOR_VALUES = """
select *
from v_indicator_values
order by comparability_group, indicator_id, municipality_name, area nulls first, year desc nulls last
"""

MUNICIPALITY = "select * from municipality where municipality_code = ?"

TEAMS = """
select *
from team
where municipality_code = ?
order by ordinal
"""

NOTES = """
select n.*, s.title as source_title, s.producer as source_producer
from qualitative_note n
join source s using (source_id)
where n.municipality_code = ?
order by n.note_id
"""

PRACTICES = """
select p.*, coalesce(f.n_figures, 0) as n_figures
from v_practices p
left join (select practice_id, count(*) as n_figures from practice_figure group by practice_id) f using (practice_id)
where list_contains(?::varchar[], p.municipality_code)
order by p.basic_function_ordinal, p.municipality_name, p.ordinal
"""

PRACTICE_FIGURES = """
select f.*
from practice_figure f
join practice p using (practice_id)
where list_contains(?::varchar[], p.municipality_code)
order by f.practice_id, f.ordinal
"""

# Every search term (lower-cased) must occur somewhere in the Dutch or English title or summary.
PRACTICE_SEARCH = """
select *
from v_practices
where list_contains(?::varchar[], municipality_code)
  and len(list_filter(
        ?::varchar[],
        lambda term: not contains(lower(concat_ws(' ', title_nl, summary_nl, title_en, summary_en)), term)
      )) = 0
order by basic_function_ordinal, municipality_name, ordinal
"""

SOURCES = "select * from source order by producer, title"

# Sources a municipality's figures and notes cite, with the kind of use.
MUNICIPALITY_SOURCES = """
with used as (
    select population_source as source_id, 'population' as used_for from municipality where municipality_code = ?
    union all
    select coordinates_source, 'coordinates' from municipality where municipality_code = ?
    union all
    select source_id, 'indicator' from indicator_value where municipality_code = ?
    union all
    select source_id, 'note' from qualitative_note where municipality_code = ?
)
select s.*, list(distinct u.used_for order by u.used_for) as used_for
from used u
join source s using (source_id)
group by all
order by s.producer, s.title
"""

ROUTEKAART = """
select r.step, r.basic_function_id, r.summary_nl, r.summary_en, r.locator
from routekaart_step r
order by r.step
"""


def _df(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence | None = None) -> pd.DataFrame:
    cur = con.cursor()
    try:
        return cur.execute(sql, params).df() if params is not None else cur.execute(sql).df()
    finally:
        cur.close()


def meta(con) -> pd.DataFrame:
    return _df(con, META)


def meta_dict(con) -> dict[str, str]:
    """The meta table as a dict (data version, build time, ...); empty when the file has none."""
    try:
        return {str(k): str(v) for k, v in meta(con).itertuples(index=False)}
    except duckdb.CatalogException as exc:
        log.info("warehouse has no meta table: %s", exc)
        return {}


def build_stamp(con, *, probe: bool = False) -> tuple:
    """(build_time, data_checksum) rows of the warehouse on `con`, or of the file attached as "probe"."""
    cur = con.cursor()
    try:
        return tuple(cur.execute(PROBE_BUILD_STAMP if probe else BUILD_STAMP).fetchall())
    finally:
        cur.close()


def attach_probe(con, path: str) -> None:
    """Attach a warehouse file read-only as "probe". ATTACH takes no parameters; the path is ours
    (settings), quotes are doubled all the same."""
    quoted = str(path).replace("'", "''")
    con.execute(f"attach '{quoted}' as probe (read_only)")


def overview(con) -> pd.DataFrame:
    df = _df(con, OVERVIEW)
    # sums come back as floats; whole numbers read better and a missing team count stays missing
    df["n_practices"] = df["n_practices"].fillna(0).astype("int64")
    df["team_count_reported"] = df["team_count_reported"].astype("Int64")
    df["highlighted_functions"] = df["highlighted_functions"].map(lambda v: tuple(v) if v is not None else ())
    return df


def org_matrix(con) -> pd.DataFrame:
    return _df(con, ORG_MATRIX)


def highlights(con) -> pd.DataFrame:
    return _df(con, HIGHLIGHTS)


def basic_functions(con) -> pd.DataFrame:
    return _df(con, BASIC_FUNCTIONS)


def dimensions(con) -> pd.DataFrame:
    return _df(con, DIMENSIONS)


def dimension_values(con) -> pd.DataFrame:
    return _df(con, DIMENSION_VALUES)


def reliability(con) -> pd.DataFrame:
    return _df(con, RELIABILITY)


def decision_rules(con) -> pd.DataFrame:
    return _df(con, DECISION_RULES)


def rule_evidence(con) -> pd.DataFrame:
    return _df(con, RULE_EVIDENCE)


def rule_examples(con) -> pd.DataFrame:
    return _df(con, RULE_EXAMPLES)


def rule_changes(con) -> pd.DataFrame:
    return _df(con, RULE_CHANGES)


def indicators(con) -> pd.DataFrame:
    return _df(con, INDICATORS)


def indicator_values(con) -> pd.DataFrame:
    return _df(con, INDICATOR_VALUES)


def municipality(con, code: str) -> pd.DataFrame:
    return _df(con, MUNICIPALITY, [code])


def teams(con, code: str) -> pd.DataFrame:
    df = _df(con, TEAMS, [code])
    df["team_count"] = df["team_count"].astype("Int64")
    return df


def notes(con, code: str) -> pd.DataFrame:
    return _df(con, NOTES, [code])


def practices(con, codes: Sequence[str]) -> pd.DataFrame:
    return _df(con, PRACTICES, [list(codes)])


def practice_figures(con, codes: Sequence[str]) -> pd.DataFrame:
    return _df(con, PRACTICE_FIGURES, [list(codes)])


def search_terms(text: str) -> list[str]:
    """'  Huisarts  school ' -> ['huisarts', 'school']; at most 10 terms of at most 80 characters."""
    return [t[:80] for t in str(text or "").lower().split()][:10]


def practice_search(con, codes: Sequence[str], text: str) -> pd.DataFrame:
    return _df(con, PRACTICE_SEARCH, [list(codes), search_terms(text)])


def sources(con) -> pd.DataFrame:
    return _df(con, SOURCES)


def municipality_sources(con, code: str) -> pd.DataFrame:
    return _df(con, MUNICIPALITY_SOURCES, [code, code, code, code])


def routekaart(con) -> pd.DataFrame:
    return _df(con, ROUTEKAART)
