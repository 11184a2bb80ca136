"""The peer method in words: a sentence per criterion, a one-line summary per peer and a sentence per
organisational difference, all through the text catalogue t()."""

from __future__ import annotations

from dashboard.core.formatting import fmt_list, fmt_number, fmt_unit, shared_decimals
from dashboard.core.i18n import t
from dashboard.core.similarity.org_choices import OrgDifference
from dashboard.core.similarity.profiles import NOT_REPORTED, Catalogue
from dashboard.core.similarity.scoring import CriterionResult, PeerResult
from dashboard.core.similarity.weights import IND, ORG, SIZE


def criterion_label(key: str, cat: Catalogue, lang: str) -> str:
    """Short noun for a criterion, as used in sentences ('teamreikwijdte')."""
    if key == SIZE:
        return t("peers_crit_size", lang)
    if key.startswith(IND):
        indicator = cat.indicators.get(key[len(IND) :])
        return indicator.label(lang) if indicator else key
    dim = key[len(ORG) :]
    noun = t(f"peers_dim_{dim}", lang)
    if noun != f"peers_dim_{dim}":
        return noun
    dimension = cat.dimensions.get(dim)
    return dimension.label(lang) if dimension else dim


def explain(r: CriterionResult, peer_name: str, cat: Catalogue, lang: str, left_out: bool = True) -> str:
    """One criterion of one pair in words, e.g. 'inwonertal 35% kleiner (72.600 tegen 111.000)'.

    A skipped criterion says why and ends in ' — weggelaten' (unless left_out=False).
    """
    text = _explain(r, peer_name, cat, lang)
    return text + t("peers_left_out", lang) if left_out and not r.used else text


def _explain(r: CriterionResult, peer_name: str, cat: Catalogue, lang: str) -> str:
    label = criterion_label(r.key, cat, lang)
    if r.kind == "size":
        return _explain_size(r, label, peer_name, lang)
    if r.kind == "indicator":
        return _explain_indicator(r, label, peer_name, cat, lang)
    return _explain_org(r, label, peer_name, cat, lang)


def _explain_size(r: CriterionResult, label: str, peer_name: str, lang: str) -> str:
    if not r.used:
        return t(f"peers_why_{r.reason}", lang, label=label, peer=peer_name)
    peer, ref = _number(r.peer_value), _number(r.ref_value)
    ratio = peer / ref
    nums = {"peer": fmt_number(peer, 0, lang), "ref": fmt_number(ref, 0, lang)}
    if abs(ratio - 1) < 0.05:
        return t("peers_size_same", lang, **nums)
    if ratio < 1:
        return t("peers_size_smaller", lang, pct=round((1 - ratio) * 100), **nums)
    if ratio < 2:
        return t("peers_size_larger", lang, pct=round((ratio - 1) * 100), **nums)
    return t("peers_size_times", lang, times=fmt_number(ratio, 1, lang), **nums)


def _explain_indicator(r: CriterionResult, label: str, peer_name: str, cat: Catalogue, lang: str) -> str:
    indicator = cat.indicators[r.key[len(IND) :]]
    if r.used:
        places = shared_decimals(r.peer_value, r.ref_value)  # one precision in one sentence
        return t(
            "peers_ind_used",
            lang,
            label=label,
            peer=_nbsp(fmt_unit(r.peer_value, indicator.unit, lang, places)),
            ref=_nbsp(fmt_unit(r.ref_value, indicator.unit, lang, places)),
        )
    if r.reason == "other_definition":
        group = t(f"peers_group_{indicator.group}", lang)
        group = label if group == f"peers_group_{indicator.group}" else group
        other = cat.indicators.get(r.other) if r.other else None
        return t(
            "peers_why_other_definition",
            lang,
            label=group,
            peer=peer_name,
            other=other.label(lang) if other else r.other,
        )
    return t(f"peers_why_{r.reason}", lang, label=label, peer=peer_name)


def _explain_org(r: CriterionResult, label: str, peer_name: str, cat: Catalogue, lang: str) -> str:
    dimension = cat.dimensions[r.key[len(ORG) :]]
    if not r.used:
        return t(f"peers_why_{r.reason or 'peer_not_reported'}", lang, label=label, peer=peer_name)
    note = t("peers_org_adjudicated", lang) if r.adjudicated else ""
    peer_choice = dimension.value_label(str(r.peer_value), lang)  # a used org criterion holds two value ids
    if r.similarity == 1.0:
        return t("peers_org_same", lang, label=label, value=peer_choice) + note
    ref_choice = dimension.value_label(str(r.ref_value), lang)
    return t("peers_org_different", lang, label=label, value=peer_choice, ref=ref_choice) + note


def _number(value: float | str | None) -> float:
    """A used size criterion holds a number on both sides (scoring.compare puts them there)."""
    if not isinstance(value, int | float):
        raise TypeError(f"a number was expected, not {value!r}")
    return float(value)


def summary(result: PeerResult, cat: Catalogue, lang: str) -> str:
    """One line per peer: size, how many organisational choices match, the indicators, what was left out.

    The full per-criterion breakdown is `explain` on every criterion; this is the short version for a table.
    """
    parts = []
    by_kind: dict[str, list[CriterionResult]] = {"size": [], "indicator": [], "org": []}
    for c in result.criteria:
        by_kind[c.kind].append(c)
    parts += [explain(c, result.name, cat, lang) for c in by_kind["size"] if c.used]
    org_used = [c for c in by_kind["org"] if c.used]
    if org_used:
        same = [c for c in org_used if c.similarity == 1.0]
        parts.append(t("peers_sum_org", lang, same=len(same), n=len(org_used)))
    parts += [explain(c, result.name, cat, lang) for c in by_kind["indicator"] if c.used][:2]
    skipped = [c for c in result.criteria if not c.used]
    if skipped:
        first = sorted(skipped, key=lambda c: c.reason != "other_definition")[0]
        key = "peers_sum_skipped1" if len(skipped) == 1 else "peers_sum_skipped"
        parts.append(t(key, lang, n=len(skipped), example=explain(first, result.name, cat, lang, left_out=False)))
    return "; ".join(parts)


def _nbsp(text: str) -> str:
    """Keep '€ 35.000' on one line."""
    return text.replace("€ ", "€\u00a0")


def difference_sentence(d: OrgDifference, cat: Catalogue, lang: str, ref_name: str | None = None) -> str:
    """'3 van de 5 vergelijkbare gemeenten (A, B en C) kiezen bij ‘Triage’ voor ‘X’; jij: ‘Y’'.

    ref_name None: the reference is the user's own municipality ('jij'); otherwise the reference is one of
    the sixteen and is named ('Leiden: ‘Y’', 'Leiden: niet gerapporteerd').
    """
    dim = cat.dimensions[d.dimension]
    unknown = d.ref_value == NOT_REPORTED
    value = None if unknown else dim.value_label(d.ref_value, lang)
    if ref_name is None:
        ref = t("peers_diff_own_unknown", lang) if unknown else t("peers_diff_own", lang, value=value)
    else:
        ref = (
            t("peers_diff_named_unknown", lang, name=ref_name)
            if unknown
            else t("peers_diff_named", lang, name=ref_name, value=value)
        )
    return t(
        "peers_diff1" if d.count == 1 else "peers_diff",
        lang,
        count=d.count,
        n=d.n_peers,
        dim=dim.label(lang),
        value=dim.value_label(d.value, lang),
        ref=ref,
        names=fmt_list(list(d.names), lang),
    )
