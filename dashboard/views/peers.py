"""Vergelijkbare gemeenten (peers): which of the sixteen municipalities are most like a reference?

Widgets and layout only. What is shown is computed in dashboard/core/peer_view.py (the method itself is
dashboard/core/similarity/, the chart dashboard/core/charts/peers.py); the input of a user's own municipality
(form, upload) is dashboard/ui/peer_own.py, which reads it with dashboard/core/peer_input.py and peer_checks.py.
The URL carries the reference (when it is one of the sixteen, as its slug), the weight preset, the weights that
differ from it and k, through dashboard.runtime.state.bind/sync like every other page.

Speed: the data set is built once per warehouse build (db.per_build) and a view once per input and language
(db.per_build's page-content memo); a rerun that changes nothing only draws.

Privacy: a user's own municipality (form or upload) lives only in st.session_state (peer_own.OWN_PROFILE), and
so does the view computed from it (peer_own.OWN_VIEW). It is never written to the warehouse, a file or a log,
never put in a cache shared between sessions (st.cache_*, db.per_build), and never put in the URL.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import streamlit as st

from dashboard.core import peer_view as pv
from dashboard.core import similarity as sim
from dashboard.core.i18n import t
from dashboard.core.journeys import MAX_COMPARE
from dashboard.core.safe_text import md_escape
from dashboard.runtime import db, state
from dashboard.ui import chart_panel, common, journeys, peer_own
from dashboard.ui.chart_panel import render_chart

log = logging.getLogger("lokale_teams")

# session_state keys (all prefixed, all session-only)
WEIGHTS = "peers_weights"  # criterion -> weight (outlives the sliders that are not shown)
KIND, REF, PRESET, K = "peers_ref_kind", "peers_ref", "peers_preset", "peers_k"  # widget keys
WEIGHTS_OPEN = "peers_w_open"  # the weights expander (open: the sliders are drawn)


def _dataset() -> pv.Dataset:
    agreed_only = state.current_filters().agreed_only
    return db.per_build(
        ("peers_dataset", agreed_only),
        lambda: pv.dataset_from_frames(
            db.query("indicators"),
            db.query("dimensions"),
            db.query("dimension_values"),
            db.query("overview"),
            db.query("indicator_values"),
            db.query("org_matrix"),
            agreed_only=agreed_only,
        ),
    )


# --- URL <-> session: state.bind before the widgets, state.sync after -----------------------------------


def _bind_url(ds: pv.Dataset) -> None:
    # The page removes peer_ref while it shows your own municipality, so one there now came from outside
    # (a journey link such as "find municipalities like this one" on a profile): show that municipality.
    if st.session_state.get(KIND) == "own" and state.from_outside(pv.QP_REF):
        st.session_state[KIND] = "municipality"
    state.bind(REF, pv.QP_REF, default=ds.codes[0], parse=ds.code_for, valid=lambda code: code in ds.slug_of)
    state.bind(PRESET, pv.QP_PRESET, default=pv.DEFAULT_PRESET, parse=state.choice_parse(list(sim.PRESETS)))
    state.bind(K, pv.QP_K, default=pv.K_DEFAULT, parse=pv.parse_k, valid=pv.valid_k)
    preset = st.session_state[PRESET]
    default = sim.preset_weights(preset, ds.cat)
    # the sliders moved last run are the newest weights; then a weights link from outside wins. Criteria of
    # this build only: after a rebuild with other indicators a new criterion starts at its preset weight.
    held = st.session_state.get(WEIGHTS) or {}
    weights = {criterion: float(held.get(criterion, value)) for criterion, value in default.items()}
    for criterion in weights:
        if _slider_key(criterion) in st.session_state:
            weights[criterion] = float(st.session_state[_slider_key(criterion)])
    st.session_state[WEIGHTS] = weights
    state.bind(WEIGHTS, pv.QP_W, default=default, parse=lambda raw: sim.weights_from_param(raw, preset, ds.cat))
    for criterion, value in st.session_state[WEIGHTS].items():
        st.session_state[_slider_key(criterion)] = value


def _sync_url(ds: pv.Dataset, ref: sim.Profile | None) -> None:
    if ref is not None and ref.key != sim.OWN_KEY:
        state.sync(REF, pv.QP_REF, default=None, serialize=lambda code: ds.slug_of[code])
    else:
        state.set_param(pv.QP_REF, None)  # nothing of your own municipality goes into the URL
    preset = st.session_state.get(PRESET) or pv.DEFAULT_PRESET
    state.sync(PRESET, pv.QP_PRESET, default=pv.DEFAULT_PRESET)
    state.sync(
        WEIGHTS,
        pv.QP_W,
        default=sim.preset_weights(preset, ds.cat),
        serialize=lambda w: sim.weights_to_param(w, preset, ds.cat),
    )
    state.sync(K, pv.QP_K, default=pv.K_DEFAULT)


# --- reference: one of the sixteen, or your own ------------------------------------------------------


def _apply_preset(cat: sim.Catalogue) -> None:
    """Preset callback: every weight to the preset, sliders included (callbacks run before widgets)."""
    weights = sim.preset_weights(st.session_state.get(PRESET) or pv.DEFAULT_PRESET, cat)
    st.session_state[WEIGHTS] = weights
    for key, value in weights.items():
        st.session_state[_slider_key(key)] = value


def _choose_reference(ds: pv.Dataset, lang: str) -> sim.Profile | None:
    kind = st.radio(
        t("peers_ref_kind", lang),
        ["municipality", "own"],
        horizontal=True,
        key=KIND,
        format_func=lambda k: t(f"peers_ref_{k}", lang),
        persist_state="session",
    )
    if kind == "municipality":
        names = ds.names
        code = st.selectbox(
            t("peers_ref_choose", lang), ds.codes, format_func=names.get, key=REF, persist_state="session"
        )
        return ds.profile(code)

    return peer_own.own_reference(ds, lang)


# --- weights ---------------------------------------------------------------------------------------------


def _slider_key(criterion: str) -> str:
    return f"peers_w_{criterion}"


def _weights(ref: sim.Profile, ds: pv.Dataset, lang: str) -> tuple[dict, int]:
    cat = ds.cat
    c1, c2 = st.columns([3, 2])
    c1.radio(
        t("peers_w_preset", lang),
        list(sim.PRESETS),
        horizontal=True,
        key=PRESET,
        format_func=lambda p: t(f"peers_preset_{p}", lang),
        on_change=_apply_preset,
        args=(cat,),
        persist_state="session",
    )
    k = c2.slider(t("peers_k", lang), 1, pv.K_MAX, key=K, persist_state="session")
    weights = st.session_state[WEIGHTS]
    usable_inds = [i for i in cat.comparable_indicators if i in ref.indicators and i in ds.scales]
    # Drawn only while open (a lazy expander): 17 to 40 sliders are most of a rerun's widgets, and the weights
    # live in WEIGHTS whether the sliders are drawn or not.
    box = st.expander(t("peers_w_expander", lang), key=WEIGHTS_OPEN, on_change="rerun")
    if not box.open:
        return weights, k
    with box:
        st.caption(t("peers_w_help", lang))
        col_ctx, col_org = st.columns([1, 2], gap="large")
        with col_ctx:
            st.markdown(f"**{t('peers_w_context', lang)}**")
            _slider(sim.SIZE, t("peers_w_size", lang), weights)
            for ind in usable_inds:
                _slider(sim.IND + ind, cat.indicators[ind].label(lang), weights)
            if not usable_inds:
                st.caption(t("peers_w_no_indicators", lang))
        with col_org:
            st.markdown(f"**{t('peers_w_org', lang)}**")
            halves = st.columns(2)
            for n, (dim, d) in enumerate(cat.dimensions.items()):
                label = d.label(lang)
                if dim in cat.tentative:  # starts at 0: the coders often disagreed on it
                    label = t("rel_tentative_dimension", lang, label=label)
                with halves[n % 2]:
                    _slider(sim.ORG + dim, label, weights)
    return weights, k


def _slider(criterion: str, label: str, weights: dict) -> None:
    weights[criterion] = st.slider(
        md_escape(label),
        0.0,
        sim.MAX_WEIGHT,
        step=0.5,
        format="%.1f",
        key=_slider_key(criterion),
        persist_state="session",
    )


# --- results ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Shown:
    """A PeerView with what the page draws from it made ready once: the chart (chart_panel.Prepared) and the
    two tables as Arrow, so a rerun with the same input only sends them (no spec, summary or conversion)."""

    view: pv.PeerView
    chart: chart_panel.Prepared
    table: Any  # view.table as an Arrow table
    org_table: Any  # view.org_table as an Arrow table


def _shown(ds: pv.Dataset, ref: sim.Profile, weights: dict, k: int, allowed: list[str], lang: str) -> Shown:
    """The view for this input: from the build's shared memo for one of the sixteen, from this session for
    your own municipality (never shared)."""
    ftext = common.filters_text(lang)
    key = pv.view_key(ref.key, weights, k, allowed, lang, ftext, state.current_filters().agreed_only)

    def build() -> Shown:
        view = pv.compute(
            ds,
            ref,
            weights,
            k,
            allowed,
            lang,
            filters_text=ftext,
            basic_functions=db.query("basic_functions"),
            practices_of=lambda codes: db.query("practices", codes),
        )
        chart = chart_panel.prepare(
            view.chart_spec, data=view.chart_data, lang=lang, title=view.chart_title, family="peers"
        )
        return Shown(view, chart, common.arrow_table(view.table), common.arrow_table(view.org_table))

    if ref.key != sim.OWN_KEY:
        return db.per_build(("peers_view", key), build, large=True)
    held = st.session_state.get(peer_own.OWN_VIEW)
    if held is not None and held[0] is ref and held[1] == key:
        return held[2]
    shown = build()
    st.session_state[peer_own.OWN_VIEW] = (ref, key, shown)
    return shown


def _gaps(view: pv.PeerView, lang: str) -> None:
    """What the reference itself lacks, said once. An indicator the reference simply does not report is
    the normal case (27 definitions, a handful per municipality): counted, not listed."""
    if not view.gaps_listed and not view.n_missing_indicators:
        return
    with st.expander(t("peers_gaps_title", lang, n=len(view.gaps_listed))):
        if view.gaps_listed:
            st.markdown("\n".join(f"- {md_escape(line)}" for line in view.gaps_listed))
        if view.n_missing_indicators:
            st.caption(t("peers_gaps_missing_indicators", lang, n=view.n_missing_indicators))


def _ranking(shown: Shown, ref: sim.Profile, lang: str) -> None:
    view = shown.view
    percent = {"min_value": 0, "max_value": 100, "format": "%d%%", "width": "small"}
    st.dataframe(
        shown.table,
        hide_index=True,
        width="stretch",
        key="peers_table",
        column_config={
            t("peers_col_peer", lang): st.column_config.TextColumn(width="small"),
            t("peers_col_score", lang): st.column_config.ProgressColumn(
                help=t("peers_col_score_help", lang), **percent
            ),
            t("peers_col_coverage", lang): st.column_config.ProgressColumn(
                help=t("peers_col_coverage_help", lang), **percent
            ),
        },
    )
    render_chart(
        shown.chart,
        slug="peers_scores",
        data=view.chart_data,
        lang=lang,
        key="peers_chart",
        title=view.chart_title,
        subtitle=common.filters_text(lang),
        source=view.chart_source,
        private=ref.key == sim.OWN_KEY,
        family="peers",
    )
    _gaps(view, lang)


def _cards(view: pv.PeerView, ds: pv.Dataset, ref: sim.Profile, slug: str | None, lang: str) -> None:
    st.markdown(f"**{t('peers_breakdown_title', lang)}**")
    here = journeys.current_params()
    for card in view.cards:
        with st.container(border=True, key=f"peers_card_{card.rank}"):
            st.markdown(
                t(
                    "peers_breakdown_item",
                    lang,
                    rank=card.rank,
                    name=md_escape(card.name),
                    score=card.score_text,
                    coverage=card.coverage_text,
                )
            )
            st.caption(md_escape(card.summary))
            with st.container(horizontal=True, gap="medium", key=f"peers_links_{card.rank}"):
                journeys.to_profile(ds.slug_of[card.key], t("peers_journey_profile", lang, name=card.name), here=here)
                if slug is not None:
                    journeys.to_compare(
                        [slug, ds.slug_of[card.key]],
                        t("peers_journey_compare_pair", lang, name=ref.name),
                        here=here,
                    )
            with st.expander(t("peers_breakdown_details", lang)):
                st.markdown(card.breakdown)


def _compare_link(ref_slug: str | None, peer_slugs: list[str], ref: sim.Profile, lang: str) -> None:
    """One click from the ranking to Compare: the first three peers and, when it is one of the sixteen, the
    reference (four is the most Compare shows at once)."""
    top = peer_slugs[: MAX_COMPARE - 1]
    if ref_slug is None and len(top) < 2:
        return
    label = (
        t("peers_journey_compare_top", lang, n=len(top), name=ref.name)
        if ref_slug
        else t("peers_journey_compare_top_own", lang, n=len(top))
    )
    journeys.to_compare(([ref_slug] if ref_slug else []) + top, label)


def _organisation(shown: Shown, lang: str) -> None:
    view = shown.view
    st.subheader(t("peers_org_title", lang))
    if state.current_filters().agreed_only:
        st.info(t("peers_agreed_only_note", lang), icon=":material/handshake:")
    if view.differences:
        st.markdown("\n".join(f"- {line}" for line in view.differences))
        if view.n_more_differences:
            st.caption(t("peers_org_more", lang, n=view.n_more_differences))
    else:
        st.caption(t("peers_org_none", lang))
    st.caption(t("peers_org_marker", lang, marker=pv.DIFFERENT.strip()))
    st.table(shown.org_table, hide_index=True)


def _practices(view: pv.PeerView, lang: str) -> None:
    st.subheader(t("peers_practices_title", lang))
    st.caption(t("peers_practices_caption", lang))
    tabs = st.tabs([tab.label for tab in view.practices])
    for container, tab in zip(tabs, view.practices, strict=True):
        with container:
            if tab.lines:  # one element per tab, not one per practice: each element costs every rerun
                st.markdown("\n\n".join(tab.lines))
            else:
                st.caption(t("peers_practices_none", lang))


def _method(lang: str) -> None:
    with st.expander(t("peers_method_title", lang), icon=":material/functions:"):
        st.markdown(t("peers_method_body", lang))


def main() -> None:
    lang = state.current_lang()
    st.title(t("peers_title", lang))
    st.caption(t("peers_intro", lang))
    try:
        ds = _dataset()
    except db.WarehouseError as exc:
        log.warning("peers: warehouse not readable: %s", exc)
        st.error(t("peers_no_warehouse", lang), icon=":material/database:")
        return
    _bind_url(ds)

    st.subheader(t("peers_ref_title", lang))
    ref = _choose_reference(ds, lang)
    if ref is None:
        st.info(t("peers_own_empty", lang), icon=":material/edit_note:")
        _method(lang)
        _sync_url(ds, None)
        return

    st.subheader(t("peers_w_title", lang))
    weights, k = _weights(ref, ds, lang)
    _sync_url(ds, ref)
    slug = None if ref.key == sim.OWN_KEY else ds.slug_of[ref.key]
    allowed = state.filtered_codes()
    shown = _shown(ds, ref, weights, k, allowed, lang)
    view = shown.view

    st.subheader(t("peers_results_title", lang, k=len(view.results), name=md_escape(ref.name)))
    if not view.n_usable:
        st.warning(t("peers_results_no_criteria", lang), icon=":material/warning:")
    st.caption(t("peers_results_caption", lang, n=view.n_usable, min=round(sim.DEFAULT_MIN_COVERAGE * 100)))
    n_candidates = len(set(allowed) & set(ds.slug_of))
    if n_candidates < len(ds.profiles):
        st.info(t("peers_results_filtered", lang, n=n_candidates, total=len(ds.profiles)), icon=":material/filter_alt:")
    if not view.results:
        st.warning(t("peers_results_none", lang), icon=":material/filter_alt_off:")
        _method(lang)
        return
    for key, params in view.warnings:
        st.warning(t(key, lang, **params), icon=":material/warning:")
    _compare_link(slug, [ds.slug_of[r.key] for r in view.results], ref, lang)
    col_left, col_right = st.columns([2, 3], gap="large")
    with col_left:
        _ranking(shown, ref, lang)
    with col_right:
        _cards(view, ds, ref, slug, lang)
    _organisation(shown, lang)
    _practices(view, lang)
    _method(lang)


main()
