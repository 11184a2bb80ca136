"""Turn validated source data into warehouse rows. Pure: no files, no database, no clock.

Input is what etl/validate.py returns (a Reference and the Municipality models, in sorted file order);
output is one `Table` (column names + row tuples) per warehouse table, in foreign-key order. Column names
match etl/schema.sql exactly; etl/build.py checks that before inserting, so a schema change that is not
mirrored here fails loudly instead of shifting values into the wrong column.

Surrogate ids (indicator_value_id, team_id, practice_id, note_id) are assigned in file order and then list
order, so the same data always gives the same ids. Adding a municipality shifts the ids of the files sorted
after it: ids are stable per data version, not across versions; link on natural keys when you need that.
"""

from __future__ import annotations

from typing import NamedTuple

from etl import reliability
from etl.coding import CodingSet
from etl.schema import Municipality
from etl.validate import Reference


class Table(NamedTuple):
    columns: tuple[str, ...]
    rows: list[tuple]


# Insert order: every table comes after the tables its foreign keys point to. `meta` is written by build.py.
TABLE_ORDER = (
    "source",
    "basic_function",
    "routekaart_step",
    "insight",
    "dilemma",
    "indicator",
    "org_dimension",
    "org_value",
    "municipality",
    "indicator_value",
    "qualitative_note",
    "team",
    "org_choice",
    "practice",
    "practice_figure",
    "org_decision_rule",
    "org_rule_evidence",
    "org_rule_example",
    "org_rule_change",
    "org_coding",
    "coding_reliability",
)


def _items(ref: Reference, stem: str, key: str) -> list[dict]:
    return (ref.raw.get(stem) or {}).get(key) or []


def reference_tables(ref: Reference) -> dict[str, Table]:
    """Rows of the shared tables: sources, basic functions, routekaart, insights, dilemmas, codebooks."""
    sources = Table(
        (
            "source_id",
            "producer",
            "title",
            "subtitle",
            "year",
            "date_published",
            "publisher",
            "kind",
            "licence",
            "cited_in",
        ),
        [
            (
                s["id"],
                s["producer"],
                s["title"],
                s.get("subtitle"),
                s.get("year"),
                _text(s.get("date_published")),
                s.get("publisher"),
                s["kind"],
                s.get("licence"),
                s.get("cited_in"),
            )
            for s in _items(ref, "sources", "sources")
        ],
    )
    basic_functions = Table(
        ("basic_function_id", "ordinal", "name_nl", "name_en", "description_nl", "description_en", "locator"),
        [
            (b["id"], b["order"], b["name_nl"], b["name_en"], b["description_nl"], b["description_en"], b["locator"])
            for b in sorted(_items(ref, "basic_functions", "basic_functions"), key=lambda b: b["order"])
        ],
    )
    steps = Table(
        ("step", "basic_function_id", "summary_nl", "summary_en", "locator"),
        [
            (s["step"], s["basic_function"], s["summary_nl"], s["summary_en"], s["locator"])
            for s in sorted(_items(ref, "routekaart", "steps"), key=lambda s: s["step"])
        ],
    )
    insights = Table(
        ("insight_id", "ordinal", "summary_nl", "summary_en", "locator"),
        [
            (s["id"], s["order"], s["summary_nl"], s["summary_en"], s["locator"])
            for s in sorted(_items(ref, "insights", "insights"), key=lambda s: s["order"])
        ],
    )
    dilemmas = Table(
        ("dilemma_id", "basic_function_id", "question_nl", "question_en", "summary_nl", "summary_en", "locator"),
        [
            (
                d["id"],
                d.get("basic_function"),
                d["question_nl"],
                d["question_en"],
                d["summary_nl"],
                d["summary_en"],
                d["locator"],
            )
            for d in _items(ref, "dilemmas", "dilemmas")
        ],
    )
    indicators = Table(
        (
            "indicator_id",
            "label_nl",
            "label_en",
            "unit",
            "comparability_group",
            "definition",
            "definition_nl",
            "comparable_across_municipalities",
        ),
        [
            (
                i["id"],
                i["label_nl"],
                i["label_en"],
                i["unit"],
                i["comparability_group"],
                i["definition_en"],
                i["definition_nl"],
                bool(i.get("comparable_across_municipalities", True)),
            )
            for i in _items(ref, "indicators", "indicators")
        ],
    )
    dims = sorted(_items(ref, "org_model", "dimensions"), key=lambda d: d["order"])
    dimensions = Table(
        ("dimension_id", "ordinal", "label_nl", "label_en", "question_nl", "question_en", "derived_from"),
        [
            (d["id"], d["order"], d["label_nl"], d["label_en"], d["question_nl"], d["question_en"], d["derived_from"])
            for d in dims
        ],
    )
    values = Table(
        ("dimension_id", "value_id", "ordinal", "label_nl", "label_en", "definition_nl", "definition_en"),
        [
            (d["id"], v["id"], n, v["label_nl"], v["label_en"], v["definition_nl"], v["definition_en"])
            for d in dims
            for n, v in enumerate(d["values"], start=1)
        ],
    )
    return {
        "source": sources,
        "basic_function": basic_functions,
        "routekaart_step": steps,
        "insight": insights,
        "dilemma": dilemmas,
        "indicator": indicators,
        "org_dimension": dimensions,
        "org_value": values,
    }


def _text(value) -> str | None:
    # YAML reads an unquoted 2019-09-30 as a date; the warehouse keeps dates as ISO text.
    return None if value is None else str(value)


def municipality_row(m: Municipality) -> tuple:
    ident, pop = m.municipality, m.municipality.population
    t = m.transition
    return (
        ident.code,
        ident.slug,
        ident.name,
        ident.official_name,
        ident.province,
        ident.appendix_letter,
        ident.latitude,
        ident.longitude,
        ident.coordinates_source,
        pop.value,
        pop.qualifier,
        pop.year,
        pop.source,
        pop.locator,
        m.vision.nl,
        m.vision.en,
        m.vision.locator,
        t.nl if t else None,
        t.en if t else None,
        t.locator if t else None,
    )


MUNICIPALITY_COLUMNS = (
    "municipality_code",
    "slug",
    "name",
    "official_name",
    "province",
    "appendix_letter",
    "latitude",
    "longitude",
    "coordinates_source",
    "population",
    "population_qualifier",
    "population_year",
    "population_source",
    "population_locator",
    "vision_nl",
    "vision_en",
    "vision_locator",
    "transition_nl",
    "transition_en",
    "transition_locator",
)
INDICATOR_VALUE_COLUMNS = (
    "indicator_value_id",
    "municipality_code",
    "indicator_id",
    "value",
    "value_upper",
    "qualifier",
    "national_reference",
    "year",
    "period",
    "area",
    "source_id",
    "locator",
    "note_nl",
    "note_en",
)
NOTE_COLUMNS = ("note_id", "municipality_code", "topic", "text_nl", "text_en", "source_id", "locator")
TEAM_COLUMNS = (
    "team_id",
    "municipality_code",
    "ordinal",
    "team_name",
    "team_kind",
    "team_count",
    "count_qualifier",
    "target_group",
    "operated_by",
    "direct_access",
    "description_nl",
    "description_en",
    "locator",
)
CHOICE_COLUMNS = (
    "municipality_code",
    "dimension_id",
    "value_id",
    "justification_nl",
    "justification_en",
    "locator",
    "agreement",
    "adjudication_reason_nl",
    "adjudication_reason_en",
    "rule_change",
)
PRACTICE_COLUMNS = (
    "practice_id",
    "municipality_code",
    "basic_function_id",
    "ordinal",
    "title_nl",
    "summary_nl",
    "title_en",
    "summary_en",
    "locator",
)
FIGURE_COLUMNS = ("practice_id", "ordinal", "label_nl", "label_en", "value", "unit", "qualifier")


def municipality_tables(
    municipalities: list[Municipality], dimension_order: list[str], coding: CodingSet | None = None
) -> dict[str, Table]:
    """Rows of the per-municipality tables, ids counted across files in the order given."""
    rank = {d: n for n, d in enumerate(dimension_order)}
    status = coding.status if coding is not None else {}
    out: dict[str, list[tuple]] = {
        name: []
        for name in (
            "municipality",
            "indicator_value",
            "qualitative_note",
            "team",
            "org_choice",
            "practice",
            "practice_figure",
        )
    }
    for m in municipalities:
        code = m.municipality.code
        out["municipality"].append(municipality_row(m))
        for v in m.indicators:
            out["indicator_value"].append(
                (
                    len(out["indicator_value"]) + 1,
                    code,
                    v.indicator,
                    v.value,
                    v.value_upper,
                    v.qualifier,
                    v.national_reference,
                    v.year,
                    v.period,
                    v.area,
                    v.source,
                    v.locator,
                    v.note_nl,
                    v.note_en,
                )
            )
        for n in m.notes:
            out["qualitative_note"].append(
                (len(out["qualitative_note"]) + 1, code, n.topic, n.nl, n.en, n.source, n.locator)
            )
        for ordinal, t in enumerate(m.teams, start=1):
            out["team"].append(
                (
                    len(out["team"]) + 1,
                    code,
                    ordinal,
                    t.name,
                    t.kind,
                    t.count,
                    t.count_qualifier,
                    t.target_group,
                    t.operated_by,
                    t.direct_access,
                    t.description_nl,
                    t.description_en,
                    t.locator,
                )
            )
        for dim, c in sorted(m.organisation.items(), key=lambda kv: (rank.get(kv[0], len(rank)), kv[0])):
            st = status.get((code, dim))
            out["org_choice"].append(
                (
                    code,
                    dim,
                    c.value,
                    c.justification_nl,
                    c.justification_en,
                    c.locator,
                    st.agreement if st else None,
                    st.reason_nl if st else None,
                    st.reason_en if st else None,
                    st.rule_change if st else None,
                )
            )
        for ordinal, p in enumerate(m.practices, start=1):
            practice_id = len(out["practice"]) + 1
            out["practice"].append(
                (
                    practice_id,
                    code,
                    p.basic_function,
                    ordinal,
                    p.title_nl,
                    p.summary_nl,
                    p.title_en,
                    p.summary_en,
                    p.locator,
                )
            )
            out["practice_figure"].extend(
                (practice_id, n, f.label_nl, f.label_en, f.value, f.unit, f.qualifier)
                for n, f in enumerate(p.figures, start=1)
            )
    columns = {
        "municipality": MUNICIPALITY_COLUMNS,
        "indicator_value": INDICATOR_VALUE_COLUMNS,
        "qualitative_note": NOTE_COLUMNS,
        "team": TEAM_COLUMNS,
        "org_choice": CHOICE_COLUMNS,
        "practice": PRACTICE_COLUMNS,
        "practice_figure": FIGURE_COLUMNS,
    }
    return {name: Table(columns[name], rows) for name, rows in out.items()}


RELIABILITY_COLUMNS = (
    "round",
    "dimension_id",
    "n_units",
    "n_coders",
    "pct_agreement",
    "alpha",
    "is_last_round",
    "tentative",
    "below_target",
)
CODING_COLUMNS = (
    "round",
    "rules_version",
    "municipality_code",
    "dimension_id",
    "coder",
    "value_id",
    "justification",
    "locator",
)


def rule_tables(ref: Reference, municipalities: list[Municipality], dimension_order: list[str]) -> dict[str, Table]:
    """Decision rules per dimension: the rule texts, evidence per value, worked examples, change history."""
    code_of = {m.municipality.slug: m.municipality.code for m in municipalities}
    dims = [d for d in dimension_order if d in ref.rules]
    return {
        "org_decision_rule": Table(
            ("dimension_id", "about", "not_about", "half_evidence", "per_domain", "contradictions"),
            [
                (d, r.about, r.not_about, r.half_evidence, r.per_domain, r.contradictions)
                for d in dims
                for r in [ref.rules[d]]
            ],
        ),
        "org_rule_evidence": Table(
            ("dimension_id", "value_id", "evidence"),
            [(d, v, text) for d in dims for v, text in ref.rules[d].evidence.items()],
        ),
        "org_rule_example": Table(
            ("dimension_id", "ordinal", "municipality_code", "value_id", "reasoning", "locator"),
            [
                (d, n, code_of[e.municipality], e.value, e.reasoning, e.locator)
                for d in dims
                for n, e in enumerate(ref.rules[d].examples, start=1)
            ],
        ),
        "org_rule_change": Table(
            ("dimension_id", "ordinal", "change_text"),
            [(d, n, text) for d in dims for n, text in enumerate(ref.rules[d].changes, start=1)],
        ),
    }


def reliability_rows(coding: CodingSet | None, dimension_order: list[str]) -> list[tuple]:
    """One row per round and dimension, then one per round for all dimensions together (dimension_id None).

    Units are municipalities; each coder's value is one observation. The dimension's tentative flag comes
    from its last round and is repeated on every round's row, so a filter on one row never contradicts another.
    """
    if coding is None or not coding.rounds:
        return []
    units: dict[tuple[int, str], dict[str, dict[str, str]]] = {}
    coders: dict[int, set[str]] = {}
    for c in coding.codings:
        units.setdefault((c.round, c.dimension_id), {}).setdefault(c.municipality_code, {})[c.coder] = c.value_id
        coders.setdefault(c.round, set()).add(c.coder)
    last = coding.last_round
    if last is None:  # rounds is not empty, so there is a last round; this tells the type checker
        return []

    def unit_lists(rnd: int, dim: str) -> list[list[str | None]]:
        order = sorted(coders.get(rnd, ()))
        return [[by_coder.get(k) for k in order] for _code, by_coder in sorted(units.get((rnd, dim), {}).items())]

    last_alpha: dict[str | None, float | None] = {
        dim: reliability.krippendorff_alpha_nominal(unit_lists(last, dim)) for dim in dimension_order
    }
    last_alpha[None] = reliability.pooled_alpha_nominal([unit_lists(last, dim) for dim in dimension_order])
    rows = []
    for rnd in coding.rounds:
        for dim in [*dimension_order, None]:
            if dim is None:
                groups = [unit_lists(rnd, d) for d in dimension_order]
                pooled = [u for g in groups for u in g]
                result = reliability.agreement(pooled)
                alpha = reliability.pooled_alpha_nominal(groups)
            else:
                result = reliability.agreement(unit_lists(rnd, dim))
                alpha = result.alpha
            rows.append(
                (
                    rnd,
                    dim,
                    result.n_units,
                    len(coders.get(rnd, ())),
                    _rounded(result.pct_agreement, 4),
                    _rounded(alpha, 6),
                    rnd == last,
                    reliability.is_tentative(last_alpha[dim]),
                    reliability.below_target(alpha),
                )
            )
    return rows


def _rounded(x: float | None, digits: int) -> float | None:
    # Stored rounded so that every export format (CSV, XLSX, Parquet) carries the same number.
    return None if x is None else round(x, digits)


def coding_tables(coding: CodingSet | None, dimension_order: list[str]) -> dict[str, Table]:
    rank = {d: n for n, d in enumerate(dimension_order)}
    codings = sorted(
        coding.codings if coding is not None else [],
        key=lambda c: (c.round, c.municipality_code, rank.get(c.dimension_id, len(rank)), c.coder),
    )
    return {
        "org_coding": Table(
            CODING_COLUMNS,
            [
                (
                    c.round,
                    c.rules_version,
                    c.municipality_code,
                    c.dimension_id,
                    c.coder,
                    c.value_id,
                    c.justification,
                    c.locator,
                )
                for c in codings
            ],
        ),
        "coding_reliability": Table(RELIABILITY_COLUMNS, reliability_rows(coding, dimension_order)),
    }


def transform(ref: Reference, municipalities: list[Municipality]) -> dict[str, Table]:
    """All warehouse tables except `meta`, keyed by table name, in TABLE_ORDER."""
    tables = reference_tables(ref)
    dimension_order = [row[0] for row in tables["org_dimension"].rows]
    tables.update(municipality_tables(municipalities, dimension_order, ref.coding))
    tables.update(rule_tables(ref, municipalities, dimension_order))
    tables.update(coding_tables(ref.coding, dimension_order))
    return {name: tables[name] for name in TABLE_ORDER}


def summary_counts(tables: dict[str, Table]) -> dict[str, int]:
    """The counts the build prints after each stage."""
    return {
        "municipalities": len(tables["municipality"].rows),
        "indicator values": len(tables["indicator_value"].rows),
        "teams": len(tables["team"].rows),
        "coded choices": len(tables["org_choice"].rows),
        "practices": len(tables["practice"].rows),
    }
