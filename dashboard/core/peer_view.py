"""What the peers page shows, computed without Streamlit: the data set, the URL values, and one PeerView per
(reference, weights, k, candidates, language). Pure: no Streamlit, no database (frames and callables come in).

The page (dashboard/views/peers.py) only draws: it builds a Dataset once per warehouse build and a PeerView
once per input (runtime.db.per_build), then puts widgets and these texts and tables on screen.
A PeerView for a user's own municipality is never put in a memo shared between sessions (privacy: see the page).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from dashboard.core import similarity as sim
from dashboard.core.charts import peer_score_chart, prepare_peer_scores, source_line, subtitle_lines
from dashboard.core.formatting import NOT_REPORTED as NOT_REPORTED_TEXT
from dashboard.core.formatting import fmt_list, fmt_number
from dashboard.core.i18n import column, lang_code, t
from dashboard.core.journeys import PEER_REF_PARAM
from dashboard.core.peer_checks import MAX_POPULATION, MIN_POPULATION
from dashboard.core.safe_text import md_escape

K_DEFAULT, K_MAX = 5, 15
# URL parameters start with "peer" so the core pages never call them unknown (dashboard.runtime.state).
QP_REF, QP_K, QP_PRESET, QP_W = PEER_REF_PARAM, "peer_k", "peer_preset", "peer_w"  # ref: what journey links set
DEFAULT_PRESET = "default"
MAX_DIFFERENCES = 8  # sentences about other choices shown; the rest is counted
DIFFERENT = "≠ "  # marks a real difference in the org table (text, not colour: it also reads without sight)


# --- the data set, once per warehouse build ------------------------------------------------------------


@dataclass(frozen=True)
class Dataset:
    cat: sim.Catalogue
    profiles: tuple[sim.Profile, ...]  # by name
    scales: Mapping[str, sim.Scale]  # fitted on all municipalities, whatever the filters
    slug_of: Mapping[str, str]  # municipality code -> url slug
    producers: Mapping[str, tuple[str, ...]]  # municipality code -> producers of its indicator figures
    # Lookups built once with the data set (a rerun at 2.000 municipalities must not rebuild them)
    codes: tuple[str, ...] = ()  # municipality codes, in the order of profiles
    names: Mapping[str, str] = field(default_factory=dict)  # municipality code -> name
    by_code: Mapping[str, sim.Profile] = field(default_factory=dict)
    code_of: Mapping[str, str] = field(default_factory=dict)  # slug or code -> code

    def profile(self, code: str) -> sim.Profile:
        return self.by_code[code]

    def code_for(self, raw: str) -> str:
        """A reference from the URL (slug or municipality code) -> its code; ValueError when unknown."""
        try:
            return self.code_of[raw]
        except KeyError:
            raise ValueError(raw) from None


def dataset_from_frames(
    indicators: pd.DataFrame,
    dimensions: pd.DataFrame,
    dimension_values: pd.DataFrame,
    overview: pd.DataFrame,
    indicator_values: pd.DataFrame,
    org_matrix: pd.DataFrame,
    *,
    agreed_only: bool,
) -> Dataset:
    """Everything the page needs that depends only on the warehouse (and the 'agreed only' switch)."""
    cat = sim.catalogue_from_frames(indicators, dimensions, dimension_values)
    profiles = tuple(sim.profiles_from_frames(overview, indicator_values, org_matrix, agreed_only=agreed_only))
    producers: dict[str, list[str]] = {}
    for code, producer in zip(indicator_values["municipality_code"], indicator_values["source_producer"], strict=True):
        producers.setdefault(code, []).append(producer)
    slug_of = dict(zip(overview["municipality_code"], overview["slug"], strict=True))
    return Dataset(
        cat=cat,
        profiles=profiles,
        scales=sim.fit_scales(profiles, cat),
        slug_of=slug_of,
        producers={code: tuple(p) for code, p in producers.items()},
        codes=tuple(p.key for p in profiles),
        names={p.key: p.name for p in profiles},
        by_code={p.key: p for p in profiles},
        code_of={**{slug: code for code, slug in slug_of.items()}, **{code: code for code in slug_of}},
    )


# --- URL values (parsed for dashboard.runtime.state.bind) ------------------------------------------------


def parse_k(raw: str) -> int:
    """?peer_k= -> k within 1..K_MAX; ValueError when it is no whole number."""
    return min(max(int(raw), 1), K_MAX)


def valid_k(value: Any) -> bool:
    return isinstance(value, int) and 1 <= value <= K_MAX


# --- one view per input ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Card:
    """One peer in the explanation column."""

    rank: int
    key: str
    name: str
    score_text: str  # "73%" or "—"
    coverage_text: str
    summary: str  # plain text (escape before markdown)
    breakdown: str  # markdown, escaped


@dataclass(frozen=True)
class PracticeTab:
    label: str  # markdown (escaped) with the count: "Toegang (3)"
    lines: tuple[str, ...]  # markdown, escaped; empty: no example among these peers


@dataclass(frozen=True)
class PeerView:
    results: tuple[sim.PeerResult, ...]
    n_usable: int  # criteria the reference can use
    gaps_listed: tuple[str, ...]  # what the reference lacks, in words (plain text)
    n_missing_indicators: int  # indicators the reference does not report: counted, not listed
    warnings: tuple[tuple[str, dict[str, Any]], ...]  # (catalogue key, params): likely input errors
    table: pd.DataFrame  # the ranking (gemeente, overeenkomst, dekking)
    chart_data: pd.DataFrame  # charts.prepare_peer_scores
    chart_spec: dict[str, Any]  # the chart as Vega-Lite
    chart_title: str
    chart_source: str
    cards: tuple[Card, ...]
    differences: tuple[str, ...]  # markdown, escaped, at most MAX_DIFFERENCES
    n_more_differences: int
    org_table: pd.DataFrame  # plain text cells; DIFFERENT marks a real difference
    practices: tuple[PracticeTab, ...]


def view_key(
    ref_key: str,
    weights: Mapping[str, float],
    k: int,
    allowed: Sequence[str],
    lang: str,
    filters_text: str,
    agreed_only: bool,
) -> tuple[Hashable, ...]:
    """Everything a PeerView of one of the sixteen depends on, besides the warehouse build."""
    return (ref_key, tuple(sorted(weights.items())), k, tuple(sorted(allowed)), lang, filters_text, agreed_only)


def compute(
    ds: Dataset,
    ref: sim.Profile,
    weights: Mapping[str, float],
    k: int,
    allowed: Sequence[str],
    lang: str,
    *,
    filters_text: str,
    basic_functions: pd.DataFrame,
    practices_of: Callable[[list[str]], pd.DataFrame],
) -> PeerView:
    """The ranking and everything said about it. practices_of(codes) returns those municipalities' practices."""
    cat = ds.cat
    allowed_set = set(allowed)
    candidates = [p for p in ds.profiles if p.key in allowed_set]
    results = tuple(sim.rank_peers(ref, candidates, cat, weights, ds.scales, k=k))
    usable, gaps = sim.reference_criteria(ref, cat, weights, ds.scales)
    listed = [(c, r) for c, r in gaps if not (c.startswith(sim.IND) and r == "ref_missing")]
    codes = [r.key for r in results]
    producers = [p for code in [*codes, ref.key] for p in ds.producers.get(code, ())]
    source = source_line(lang, producers)
    if ref.key == sim.OWN_KEY:
        source = f"{source}; {t('peers_chart_own_source', lang)}"
    title = t("peers_chart_title", lang)
    chart_data = prepare_peer_scores([(r.rank, r.name, r.score, r.coverage) for r in results], lang)
    spec: dict[str, Any] = {}
    if results:
        spec = peer_score_chart(
            chart_data, title=title, subtitle=subtitle_lines(filters_text, source, width=60), lang=lang
        )
    peers = [ds.profile(r.key) for r in results]
    diffs = sim.org_differences(ref, peers, cat)
    ref_name = None if ref.key == sim.OWN_KEY else ref.name  # "jij" only for your own municipality
    return PeerView(
        results=results,
        n_usable=len(usable),
        gaps_listed=tuple(
            t("peers_gap_" + reason, lang, label=sim.criterion_label(c, cat, lang)) for c, reason in listed
        ),
        n_missing_indicators=len(gaps) - len(listed),
        warnings=tuple(input_warnings(ref, results, lang)) if usable and results else (),
        table=results_table(results, lang),
        chart_data=chart_data,
        chart_spec=spec,
        chart_title=title,
        chart_source=source,
        cards=tuple(_card(r, cat, lang) for r in results),
        differences=tuple(md_escape(sim.difference_sentence(d, cat, lang, ref_name)) for d in diffs[:MAX_DIFFERENCES]),
        n_more_differences=max(len(diffs) - MAX_DIFFERENCES, 0),
        org_table=org_table(ref, peers, cat, lang),
        practices=practice_tabs(basic_functions, practices_of(codes) if codes else None, codes, ds.names, lang),
    )


def _percent(share: float) -> str:
    return f"{round(share * 100)}%"


def _card(r: sim.PeerResult, cat: sim.Catalogue, lang: str) -> Card:
    return Card(
        rank=r.rank,
        key=r.key,
        name=r.name,
        score_text="—" if r.score is None else _percent(r.score),
        coverage_text=_percent(r.coverage),
        summary=sim.summary(r, cat, lang),
        breakdown=breakdown(r, cat, lang),
    )


def results_table(results: Sequence[sim.PeerResult], lang: str) -> pd.DataFrame:
    """The ranking as numbers 0..100 (the page shows them as progress bars with a %)."""
    return pd.DataFrame(
        {
            t("peers_col_peer", lang): [f"{r.rank}. {r.name}" for r in results],
            t("peers_col_score", lang): [None if r.score is None else round(r.score * 100) for r in results],
            t("peers_col_coverage", lang): [round(r.coverage * 100) for r in results],
        }
    )


def input_warnings(ref: sim.Profile, results: Sequence[sim.PeerResult], lang: str) -> list[tuple[str, dict[str, Any]]]:
    """Results that point at an input error (a 45 typed for 45.000 ranks everyone 0%): (key, params)."""
    out: list[tuple[str, dict[str, Any]]] = []
    best = max(r.coverage for r in results)
    if best < sim.DEFAULT_MIN_COVERAGE:
        out.append(
            ("peers_results_low_coverage", {"min": round(sim.DEFAULT_MIN_COVERAGE * 100), "best": _percent(best)})
        )
    if all(r.score is None or round(r.score * 100) == 0 for r in results):
        out.append(("peers_results_all_zero_own" if ref.key == sim.OWN_KEY else "peers_results_all_zero", {}))
    return out


def breakdown(result: sim.PeerResult, cat: sim.Catalogue, lang: str) -> str:
    """Every criterion of one pair as a markdown list, heaviest first: the explanation, then its weight and
    similarity. Escaped, because a reference value may come from an upload."""
    lines = []
    for c in sorted(result.criteria, key=lambda c: (-c.weight, not c.used)):
        if c.used and c.similarity is not None:
            numbers = t(
                "peers_breakdown_used",
                lang,
                weight=fmt_number(c.weight, None, lang),
                sim=fmt_number(c.similarity, 2, lang),
            )
            mark = "✓" if c.similarity >= 0.5 else "✗"
        else:
            numbers = t("peers_breakdown_skipped", lang, weight=fmt_number(c.weight, None, lang))
            mark = "–"
        lines.append(f"- {mark} {md_escape(sim.explain(c, result.name, cat, lang))} · *{md_escape(numbers)}*")
    return "\n".join(lines)


def value_label(d: sim.DimensionDef | None, value: str | None, lang: str) -> str:
    """The reference's choice in words. Not reported is written out: in the other columns "—" means 'none'."""
    if value in (None, sim.NOT_REPORTED) or d is None:
        return NOT_REPORTED_TEXT[lang_code(lang)]
    return d.value_label(value, lang)


def org_table(ref: sim.Profile, peers: Sequence[sim.Profile], cat: sim.Catalogue, lang: str) -> pd.DataFrame:
    """One row per choice: the reference's value, the peers that share it, the peers that chose otherwise and
    those that did not say. A real difference (a reported choice on both sides) starts with DIFFERENT. Holds no
    user text (st.table renders cells as markdown): the reference column is headed 'referentie', not by its name."""
    rows = []
    for c in sim.org_comparison(ref, peers, cat):
        d = cat.dimensions[c.dimension]
        other = " · ".join(f"{d.value_label(v, lang)}: {fmt_list(list(names), lang)}" for v, names in c.other)
        reported = c.ref_value not in (None, sim.NOT_REPORTED)
        rows.append(
            {
                t("peers_col_dimension", lang): d.label(lang),
                t("peers_col_ref_choice", lang): value_label(d, c.ref_value, lang),  # never "—"
                t("peers_col_same", lang): fmt_list(list(c.same), lang) or "—",
                t("peers_col_other", lang): (DIFFERENT + other if reported else other) if other else "—",
                t("peers_col_not_reported", lang): fmt_list(list(c.not_reported), lang) or "—",
            }
        )
    return pd.DataFrame(rows)


def practice_tabs(
    basic_functions: pd.DataFrame,
    practices: pd.DataFrame | None,
    codes: Sequence[str],
    names: Mapping[str, str],
    lang: str,
) -> tuple[PracticeTab, ...]:
    """Per basic function: its examples among these peers, peers in rank order, as escaped markdown."""
    order = {c: i for i, c in enumerate(codes)}
    name_col, title_col, summary_col = column("name", lang), column("title", lang), column("summary", lang)
    by_function: dict[str, list[tuple[int, int, str]]] = {}
    if practices is not None and not practices.empty:
        for code, bf, ordinal, title, summary in zip(
            practices["municipality_code"],
            practices["basic_function_id"],
            practices["ordinal"],
            practices[title_col],
            practices[summary_col],
            strict=True,
        ):
            line = f"**{md_escape(names.get(code, code))}** · {md_escape(title)}  \n{md_escape(summary)}"
            by_function.setdefault(bf, []).append((order.get(code, len(order)), int(ordinal), line))
    tabs = []
    for bf, label in zip(basic_functions["basic_function_id"], basic_functions[name_col], strict=True):
        found = sorted(by_function.get(bf, []), key=lambda x: x[:2])
        tabs.append(PracticeTab(f"{md_escape(label)} ({len(found)})", tuple(line for *_, line in found)))
    return tuple(tabs)


def csv_columns_table(cat: sim.Catalogue, lang: str) -> pd.DataFrame:
    """The columns an uploaded CSV may have, what they mean and which values they take."""
    rows = [
        ("name", t("peers_col_name", lang), t("peers_col_text", lang)),
        (
            "population",
            t("peers_col_population", lang),
            t(
                "peers_col_integer",
                lang,
                min=fmt_number(MIN_POPULATION, 0, lang),
                max=fmt_number(MAX_POPULATION, 0, lang),
            ),
        ),
    ]
    for ind in cat.comparable_indicators:
        d = cat.indicators[ind]
        rows.append((ind, d.label(lang), t("peers_unit_" + d.unit, lang)))
    rows.extend((dim, d.label(lang), " | ".join(d.value_ids)) for dim, d in cat.dimensions.items())
    return pd.DataFrame(
        rows, columns=[t("peers_col_column", lang), t("peers_col_meaning", lang), t("peers_col_values", lang)]
    )
