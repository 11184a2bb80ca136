"""How sure a coded choice is, in words: agreed by both coders or adjudicated, hidden by the sidebar switch.

Pure (no Streamlit). Works on rows of v_org_matrix (columns agreement, adjudication_reason_nl/_en,
dimension_tentative). Without double coding the agreement column is null and every function says nothing.
"""

from __future__ import annotations

import pandas as pd

from dashboard.core.filters import NOT_AGREED, excluded_mask
from dashboard.core.i18n import lang_code, t

ADJUDICATED = "adjudicated"
AGREED = "agreed"
SINGLE_CODED = "single_coded"  # a municipality no coder file names yet (etl/coding.py): one author, not checked


def has_status(org: pd.DataFrame) -> bool:
    """True when the data set has double coding (some coded choice carries agreed/adjudicated)."""
    return "agreement" in org.columns and bool(org["agreement"].notna().any())


def status_text(agreement: str | None, reason_nl: str | None, reason_en: str | None, lang: str) -> str:
    """'beide codeurs eens' / 'door arbitrage bepaald: <reason>' / 'niet dubbel gecodeerd: ...' / '' (no double
    coding at all)."""
    if agreement == AGREED:
        return t("rel_agreed", lang)
    if agreement == ADJUDICATED:
        reason = {"nl": reason_nl, "en": reason_en}[lang_code(lang)]
        return t("rel_adjudicated", lang, reason=reason or "")
    if agreement == SINGLE_CODED:
        return t("rel_single_coded", lang)
    return ""


def with_confidence(org: pd.DataFrame, lang: str, agreed_only: bool) -> pd.DataFrame:
    """Copy of org with `status` (words), `adjudicated` (bool) and `hidden` (hidden by the switch) columns."""
    out = org.copy()
    if "agreement" not in out.columns:
        out["agreement"] = None
        out["adjudication_reason_nl"] = None
        out["adjudication_reason_en"] = None
    out["status"] = [
        status_text(a, rn, re, lang)
        for a, rn, re in zip(
            out["agreement"], out["adjudication_reason_nl"], out["adjudication_reason_en"], strict=True
        )
    ]
    out["adjudicated"] = out["agreement"].isin(NOT_AGREED).fillna(False).astype(bool)
    out["hidden"] = excluded_mask(out, agreed_only)
    return out


def dimension_title(label: str, tentative: bool, lang: str) -> str:
    return t("rel_tentative_dimension", lang, label=label) if tentative else label


def with_tentative_labels(dimensions: pd.DataFrame) -> pd.DataFrame:
    """Copy of the dimensions query with '(voorlopig)' / '(tentative)' in label_nl / label_en where tentative."""
    out = dimensions.copy()
    if "tentative" not in out.columns:
        return out
    for sfx in ("nl", "en"):
        out[f"label_{sfx}"] = [
            dimension_title(label, bool(tent), sfx)
            for label, tent in zip(out[f"label_{sfx}"], out["tentative"], strict=True)
        ]
    return out


# A code hidden by the switch, as a value of its own in charts that colour or group by a dimension: never
# merged into 'not reported'. Not a codebook value (ids in the codebook are snake_case words).
HIDDEN_VALUE = "__hidden_adjudicated__"


def hide_excluded(org: pd.DataFrame, agreed_only: bool, lang: str) -> pd.DataFrame:
    """Copy of org where codes hidden by the switch carry HIDDEN_VALUE and the hidden label (both languages)."""
    hidden = excluded_mask(org, agreed_only)
    if not hidden.any():
        return org
    out = org.copy()
    out.loc[hidden, "value_id"] = HIDDEN_VALUE
    for sfx in ("nl", "en"):
        if f"value_label_{sfx}" in out.columns:
            out.loc[hidden, f"value_label_{sfx}"] = t("rel_hidden_value", sfx)
    return out


def value_choices(
    value_ids: list[str], value_labels: dict[str, str], agreed_only: bool, lang: str
) -> tuple[list[str], dict[str, str]]:
    """A dimension's value ids and labels, with the hidden pseudo-value last when the switch is on."""
    if not agreed_only:
        return list(value_ids), dict(value_labels)
    return [*value_ids, HIDDEN_VALUE], {**value_labels, HIDDEN_VALUE: t("rel_hidden_value", lang)}
