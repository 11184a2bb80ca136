"""Sections of the 'Over de data' page that belong to a feature: coding reliability, the peer finder's method,
and what the downloads promise. Each is a plain function the about page calls in order.

Reliability: how reliable the organisational-model coding is, and the decision rules behind it.

The agreement table puts round 1 next to the last round (data/coding/, computed by etl/reliability.py); the
decision rules are English only, so the Dutch page says so.
"""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from dashboard.core.formatting import fmt_number
from dashboard.core.i18n import lang_code, t
from dashboard.core.safe_text import md_escape
from dashboard.runtime import db
from dashboard.ui import common


def status_key(alpha: float | None, tentative: bool) -> str:
    if alpha is None or (isinstance(alpha, float) and math.isnan(alpha)):
        return "rel_status_undefined"
    if tentative:
        return "rel_status_tentative"
    return "rel_status_below" if alpha < 0.80 else "rel_status_ok"


def _num(x, decimals: int, lang: str) -> str:
    return "–" if x is None or pd.isna(x) else fmt_number(float(x), decimals, lang)


def reliability_table(rel: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per dimension and one for all together: alpha and % agreed in round 1 and the last round."""
    sfx = lang_code(lang)
    last = int(rel["last_round"].max())
    rows = []
    for r in rel.itertuples():
        overall = r.dimension_id is None or pd.isna(r.dimension_id)
        rows.append(
            {
                t("rel_col_dimension", lang): t("rel_overall", lang)
                if overall
                else getattr(r, f"dimension_label_{sfx}"),
                t("rel_col_first_alpha", lang): _num(r.first_alpha, 2, lang),
                t("rel_col_first_pct", lang): _num(r.first_pct_agreement, 0, lang),
                t("rel_col_last_alpha", lang, r=last): _num(r.last_alpha, 2, lang),
                t("rel_col_last_pct", lang, r=last): _num(r.last_pct_agreement, 0, lang),
                t("rel_col_n", lang): int(r.last_n_units),
                t("rel_col_status", lang): ""
                if overall
                else t(status_key(None if pd.isna(r.last_alpha) else float(r.last_alpha), bool(r.tentative)), lang),
            }
        )
    return pd.DataFrame(rows)


def rule_texts(lang: str) -> list[tuple[str, str]]:
    """(expander label, markdown) per decision rule (pure of Streamlit drawing)."""
    rules = db.query("decision_rules")
    sfx = lang_code(lang)
    evidence, examples, changes = db.query("rule_evidence"), db.query("rule_examples"), db.query("rule_changes")
    out = []
    for r in rules.itertuples():
        ev = evidence[evidence["dimension_id"] == r.dimension_id]
        ex = examples[examples["dimension_id"] == r.dimension_id]
        ch = changes[changes["dimension_id"] == r.dimension_id]
        value_lines = "\n".join(
            f"- *{md_escape(getattr(e, f'label_{sfx}'))}* (`{e.value_id}`): {md_escape(e.evidence)}"
            for e in ev.itertuples()
        )
        example_lines = "\n".join(
            f"- {md_escape(e.municipality_name)} → *{md_escape(getattr(e, f'label_{sfx}'))}*: "
            f"{md_escape(e.reasoning)} :grey[({md_escape(common.locator(e.locator, lang))})]"
            for e in ex.itertuples()
        )
        parts = [
            f"**{t('rel_rules_about', lang)}.** {md_escape(r.about)}",
            f"**{t('rel_rules_not_about', lang)}.** {md_escape(r.not_about)}",
            f"**{t('rel_rules_evidence', lang)}**\n{value_lines}",
            f"**{t('rel_rules_half', lang)}.** {md_escape(r.half_evidence)}",
            f"**{t('rel_rules_domain', lang)}.** {md_escape(r.per_domain)}",
            f"**{t('rel_rules_contradictions', lang)}.** {md_escape(r.contradictions)}",
            f"**{t('rel_rules_examples', lang)}**\n{example_lines}",
        ]
        if not ch.empty:
            parts.append(
                f"**{t('rel_rules_changes', lang)}**\n"
                + "\n".join(f"- {md_escape(c.change_text)}" for c in ch.itertuples())
            )
        out.append((f"{r.ordinal}. {md_escape(getattr(r, f'label_{sfx}'))}", "\n\n".join(parts)))
    return out


def _rules(rules: list[tuple[str, str]], lang: str) -> None:
    if not rules:
        return
    st.subheader(t("rel_rules_title", lang))
    st.caption(t("rel_rules_english", lang))
    for label, text in rules:
        with st.expander(label, expanded=False):
            st.markdown(text)


def reliability_content(lang: str) -> tuple[object, int, list[tuple[str, str]]]:
    """(agreement table as Arrow or None, its rows, decision rules): once per build and language."""

    def build():
        rel = db.query("reliability")
        table = None if rel.empty else reliability_table(rel, lang)
        rows = 0 if table is None else len(table)
        return (None if table is None else common.arrow_table(table)), rows, rule_texts(lang)

    return db.per_build(("about_reliability", lang), build)


def render_reliability(lang: str) -> None:
    st.header(t("rel_about_title", lang))
    table, rows, rules = reliability_content(lang)
    if table is None:
        st.caption(t("rel_about_none", lang))
    else:
        st.markdown(t("rel_about_body", lang))
        st.dataframe(table, hide_index=True, width="stretch", key="ab_reliability", height=38 + 35 * rows)
        st.caption(t("rel_about_overall", lang))
    _rules(rules, lang)


def render_peer_method(lang: str) -> None:
    """How the peer finder measures similarity (the same text as on its page)."""
    st.subheader(t("peers_method_title", lang))
    st.markdown(t("peers_method_body", lang))


def render_downloads(lang: str) -> None:
    """What the downloads, presentation mode and SQL console offer and promise."""
    st.subheader(t("exp_about_title", lang))
    st.markdown(t("exp_about_body", lang))
