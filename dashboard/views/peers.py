"""Vergelijkbare gemeenten (peers): which of the sixteen municipalities are most like a reference?

Widgets and layout only. The method is dashboard/core/similarity.py, parsing and validation of a user's own
municipality is dashboard/core/peer_input.py.

Privacy: a user's own municipality (form or upload) lives only in st.session_state (OWN_PROFILE). It is
never written to the warehouse, a file or a log, never passed to a cross-session cache (st.cache_*), and
never put in the URL. The URL carries only the reference when it is one of the sixteen (slug), the weight
preset, the weights that differ from it and k.
"""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from dashboard.core import charts, peer_checks, peer_input, peer_templates, user_files
from dashboard.core import similarity as sim
from dashboard.core.formatting import NOT_REPORTED as NOT_REPORTED_TEXT
from dashboard.core.formatting import fmt_list, fmt_number
from dashboard.core.i18n import column, lang_code, t
from dashboard.core.journeys import MAX_COMPARE
from dashboard.core.safe_text import md_escape
from dashboard.runtime import db, state
from dashboard.ui import common, journeys
from dashboard.ui.chart_panel import render_chart

# session_state keys (all prefixed, all session-only)
OWN_PROFILE = "peers_own_profile"  # Profile of the user's own municipality
OWN_MESSAGES = "peers_own_messages"  # (kind, [messages]) of the last form submit or upload
OWN_READ = "peers_own_read"  # ["Inwonertal: 45.000", ...]: how the last form submit was read
UPLOAD_SEEN = "peers_upload_seen"  # file_id of the last parsed upload, so a file is parsed once
UPLOAD_GEN = "peers_upload_gen"  # bumped by "Gegevens wissen" to give the uploader a fresh, empty key
WEIGHTS = "peers_weights"  # criterion -> weight (outlives the sliders that are not shown)
URL_LOADED = "peers_url_loaded"
URL_REF_WRITTEN = "peers_url_ref_written"  # the peer_ref this page last put in the URL itself
K_DEFAULT, K_MAX = 5, 15
# URL parameters start with "peer" so the core pages never call them unknown (dashboard.runtime.state).
QP_REF, QP_K, QP_PRESET, QP_W = "peer_ref", "peer_k", "peer_preset", "peer_w"


def _reference():
    """The ids an uploaded file may point to, from the warehouse, once per build (runtime.db.per_build)."""
    return db.per_build(
        ("peer_reference",),
        lambda: peer_input.reference_from_warehouse(
            db.query("indicators"), db.query("sources"), db.query("dimension_values")
        ),
    )


def _dataset():
    cat = sim.catalogue_from_frames(db.query("indicators"), db.query("dimensions"), db.query("dimension_values"))
    overview = db.query("overview")
    profiles = sim.profiles_from_frames(
        overview, db.query("indicator_values"), db.query("org_matrix"), agreed_only=state.current_filters().agreed_only
    )
    return cat, profiles, overview


# --- URL <-> session ------------------------------------------------------------------------------------


def _load_url(cat: sim.Catalogue, overview: pd.DataFrame) -> None:
    """Once per session: a shared link sets reference, preset, weights and k. Later in the session only a
    reference this page did not write itself is taken over: a journey link such as "find municipalities like
    this one" on a profile."""
    qp = st.query_params
    ref = qp.get(QP_REF)
    if st.session_state.get(URL_LOADED):
        if ref and ref != st.session_state.get(URL_REF_WRITTEN):
            _use_reference(ref, overview)
        return
    st.session_state[URL_LOADED] = True
    if ref:
        _use_reference(ref, overview)
    preset = qp.get(QP_PRESET, "default")
    preset = preset if preset in sim.PRESETS else "default"
    st.session_state["peers_preset"] = preset
    st.session_state[WEIGHTS] = sim.weights_from_param(qp.get(QP_W), preset, cat)
    try:
        st.session_state["peers_k"] = min(max(int(qp.get(QP_K, K_DEFAULT)), 1), K_MAX)
    except ValueError:
        st.session_state["peers_k"] = K_DEFAULT


def _use_reference(ref: str, overview: pd.DataFrame) -> None:
    match = overview[(overview["slug"] == ref) | (overview["municipality_code"] == ref)]
    st.session_state[URL_REF_WRITTEN] = ref  # reported or used once, not again on every rerun
    if len(match):
        st.session_state["peers_ref"] = match["municipality_code"].iloc[0]
        st.session_state["peers_ref_kind"] = "municipality"
    else:
        state.notice(f"{QP_REF}={ref}")


def _write_url(ref_slug: str | None, preset: str, weights: dict, k: int, cat: sim.Catalogue) -> None:
    st.session_state[URL_REF_WRITTEN] = ref_slug
    wanted = {
        QP_REF: ref_slug,
        QP_PRESET: None if preset == "default" else preset,
        QP_W: sim.weights_to_param(weights, preset, cat) or None,
        QP_K: None if k == K_DEFAULT else str(k),
    }
    for key, value in wanted.items():
        if value is None:
            if key in st.query_params:
                del st.query_params[key]
        elif st.query_params.get(key) != value:
            st.query_params[key] = value


# --- reference: one of the sixteen, or your own ------------------------------------------------------


def _apply_preset(cat: sim.Catalogue) -> None:
    """Preset callback: every weight to the preset, sliders included (callbacks run before widgets)."""
    weights = sim.preset_weights(st.session_state.get("peers_preset") or "default", cat)
    st.session_state[WEIGHTS] = weights
    for key, value in weights.items():
        st.session_state[f"peers_w_{key}"] = value


def _clear_own() -> None:
    """Forget everything the user entered: the profile, messages, form fields and the uploaded file (a new
    uploader key is the only way to empty a st.file_uploader)."""
    for key in [
        k
        for k in st.session_state
        if k in (OWN_PROFILE, OWN_MESSAGES, OWN_READ, UPLOAD_SEEN) or str(k).startswith("peers_f_")
    ]:
        del st.session_state[key]
    st.session_state[UPLOAD_GEN] = st.session_state.get(UPLOAD_GEN, 0) + 1


def _show_messages(lang: str) -> None:
    kind, messages = st.session_state.get(OWN_MESSAGES, (None, []))
    if not messages:
        return
    body = "\n".join(f"- {md_escape(m)}" for m in messages)
    if kind == "error":
        st.error(t("peers_own_errors", lang) + "\n\n" + body, icon=":material/error:")
        if OWN_PROFILE in st.session_state:
            st.caption(t("peers_own_previous_kept", lang, name=md_escape(st.session_state[OWN_PROFILE].name)))
    else:
        st.warning(body, icon=":material/warning:")


def _own_form(cat: sim.Catalogue, scales: dict, lang: str) -> None:
    """Numbers are text fields read the way the interface language writes them (peer_input.parse_number):
    a number_input reads '45.000' as 45. After a submit the page says how every number was read."""
    usable = [i for i in cat.comparable_indicators if i in scales]
    with st.form("peers_form", border=True, enter_to_submit=False):  # no English "Press Enter" hint
        c1, c2 = st.columns(2)
        name = c1.text_input(t("peers_form_name", lang), max_chars=peer_checks.MAX_NAME, key="peers_f_name")
        population = c2.text_input(
            t("peers_form_population", lang),
            max_chars=20,
            key="peers_f_population",
            placeholder=t("peers_form_placeholder_population", lang),
        )
        st.caption(t("peers_form_numbers", lang))
        st.markdown(f"**{t('peers_form_indicators', lang)}**")
        st.caption(t("peers_form_indicators_help", lang))
        values = {}
        cols = st.columns(2)
        for n, ind in enumerate(usable):
            d = cat.indicators[ind]
            values[ind] = cols[n % 2].text_input(
                f"{d.label(lang)} ({t('peers_unit_' + d.unit, lang)})",
                max_chars=20,
                placeholder=t("peers_form_placeholder_" + d.unit, lang),
                help=getattr(d, column("definition", lang)),
                key=f"peers_f_{ind}",
            )
        st.markdown(f"**{t('peers_form_org', lang)}**")
        org = {}
        cols = st.columns(2)
        for n, (dim, d) in enumerate(cat.dimensions.items()):
            org[dim] = cols[n % 2].selectbox(
                d.label(lang),
                options=[sim.NOT_REPORTED] + [v for v in d.value_ids if v != sim.NOT_REPORTED],
                format_func=lambda v, d=d: (
                    t("peers_dont_know_short", lang) if v == sim.NOT_REPORTED else d.value_label(v, lang)
                ),
                key=f"peers_f_{dim}",
            )
        submitted = st.form_submit_button(t("peers_form_submit", lang), type="primary", key="peers_f_submit")
    if submitted:
        result = peer_input.profile_from_form_text(name, population, values, org, cat, lang)
        _store(result)
        st.session_state[OWN_READ] = result.understood
    read = st.session_state.get(OWN_READ)
    if read:
        st.info(
            t("peers_own_understood", lang, values=" · ".join(md_escape(r) for r in read)), icon=":material/visibility:"
        )


def _store(result: peer_checks.ParseResult) -> None:
    st.session_state.pop(OWN_READ, None)  # belongs to one form submit; the form path sets it again
    if result.ok:
        st.session_state[OWN_PROFILE] = result.profile
        st.session_state[OWN_MESSAGES] = ("warning", result.warnings)
    else:
        st.session_state[OWN_MESSAGES] = ("error", result.errors)


def _own_upload(cat: sim.Catalogue, lang: str) -> None:
    st.markdown(t("peers_upload_intro", lang))
    c1, c2 = st.columns(2)
    c1.download_button(
        t("peers_upload_template_yaml", lang),
        peer_templates.template_bytes("yaml"),
        file_name="mijn_gemeente.yaml",
        mime="application/yaml",
        key="peers_tpl_yaml",
        icon=":material/download:",
        on_click="ignore",
        width="stretch",
    )
    c2.download_button(
        t("peers_upload_template_csv", lang),
        peer_templates.template_bytes("csv"),
        file_name="mijn_gemeente.csv",
        mime="text/csv",
        key="peers_tpl_csv",
        icon=":material/download:",
        on_click="ignore",
        width="stretch",
    )
    upload = st.file_uploader(
        t("peers_upload_label", lang),
        type=["yaml", "yml", "csv"],
        key=f"peers_upload_{st.session_state.get(UPLOAD_GEN, 0)}",
        max_upload_size=user_files.MAX_MEGABYTES,
        help=t("peers_upload_help", lang),
    )
    if upload is not None and st.session_state.get(UPLOAD_SEEN) != upload.file_id:
        st.session_state[UPLOAD_SEEN] = upload.file_id
        _store(peer_input.parse_upload(upload.name, upload.getvalue(), cat, _reference(), lang))
    elif upload is None:
        st.session_state.pop(UPLOAD_SEEN, None)
    with st.expander(t("peers_upload_columns", lang)):
        st.dataframe(_csv_columns_table(cat, lang), hide_index=True, width="stretch")


def _csv_columns_table(cat: sim.Catalogue, lang: str) -> pd.DataFrame:
    rows = [
        ("name", t("peers_col_name", lang), t("peers_col_text", lang)),
        (
            "population",
            t("peers_col_population", lang),
            t(
                "peers_col_integer",
                lang,
                min=fmt_number(peer_checks.MIN_POPULATION, 0, lang),
                max=fmt_number(peer_checks.MAX_POPULATION, 0, lang),
            ),
        ),
    ]
    for ind in cat.comparable_indicators:
        d = cat.indicators[ind]
        rows.append((ind, d.label(lang), t("peers_unit_" + d.unit, lang)))
    for dim, d in cat.dimensions.items():
        rows.append((dim, d.label(lang), " | ".join(d.value_ids)))
    return pd.DataFrame(
        rows, columns=[t("peers_col_column", lang), t("peers_col_meaning", lang), t("peers_col_values", lang)]
    )


def _choose_reference(cat, profiles, overview, scales, lang) -> sim.Profile | None:
    kind = st.radio(
        t("peers_ref_kind", lang),
        ["municipality", "own"],
        horizontal=True,
        key="peers_ref_kind",
        format_func=lambda k: t(f"peers_ref_{k}", lang),
        persist_state="session",
    )
    if kind == "municipality":
        codes = [p.key for p in profiles]
        if st.session_state.get("peers_ref") not in codes:
            st.session_state["peers_ref"] = codes[0]
        names = {p.key: p.name for p in profiles}
        code = st.selectbox(
            t("peers_ref_choose", lang), codes, format_func=names.get, key="peers_ref", persist_state="session"
        )
        return next(p for p in profiles if p.key == code)

    st.info(t("peers_privacy", lang), icon=":material/lock:")
    tab_form, tab_upload = st.tabs([t("peers_own_tab_form", lang), t("peers_own_tab_upload", lang)])
    with tab_form:
        _own_form(cat, scales, lang)
    with tab_upload:
        _own_upload(cat, lang)
    _show_messages(lang)
    own = st.session_state.get(OWN_PROFILE)
    if own is not None:
        c1, c2 = st.columns([4, 1], vertical_alignment="center")
        if own.population is None:  # an upload with only a bound for the population
            active = t("peers_own_active_no_population", lang, name=md_escape(own.name))
        else:
            active = t(
                "peers_own_active", lang, name=md_escape(own.name), population=fmt_number(own.population, 0, lang)
            )
        c1.success(active, icon=":material/check_circle:")
        c2.button(t("peers_own_clear", lang), on_click=_clear_own, key="peers_own_clear", width="stretch")
    return own


# --- weights ---------------------------------------------------------------------------------------------


def _weights(ref: sim.Profile, cat: sim.Catalogue, scales: dict, lang: str) -> tuple[dict, str, int]:
    c1, c2 = st.columns([3, 2])
    preset = c1.radio(
        t("peers_w_preset", lang),
        list(sim.PRESETS),
        horizontal=True,
        key="peers_preset",
        format_func=lambda p: t(f"peers_preset_{p}", lang),
        on_change=_apply_preset,
        args=(cat,),
        persist_state="session",
    )
    k = c2.slider(t("peers_k", lang), 1, K_MAX, key="peers_k", persist_state="session")
    weights = st.session_state.setdefault(WEIGHTS, sim.preset_weights(preset, cat))
    usable_inds = [i for i in cat.comparable_indicators if i in ref.indicators and i in scales]
    with st.expander(t("peers_w_expander", lang), expanded=False):
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
                with halves[n % 2]:
                    label = d.label(lang)
                    if dim in cat.tentative:  # starts at 0: the coders often disagreed on it
                        label = t("rel_tentative_dimension", lang, label=label)
                    _slider(sim.ORG + dim, label, weights)
    return weights, preset, k


def _slider(criterion: str, label: str, weights: dict) -> None:
    key = f"peers_w_{criterion}"
    if key not in st.session_state:
        st.session_state[key] = float(weights.get(criterion, 0.0))
    weights[criterion] = st.slider(
        md_escape(label), 0.0, sim.MAX_WEIGHT, step=0.5, format="%.1f", key=key, persist_state="session"
    )


# --- results ---------------------------------------------------------------------------------------------


def _results_table(results, lang) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("peers_col_peer", lang): [f"{r.rank}. {r.name}" for r in results],
            t("peers_col_score", lang): [None if r.score is None else round(r.score * 100) for r in results],
            t("peers_col_coverage", lang): [round(r.coverage * 100) for r in results],
        }
    )


def _gaps(gaps, cat, lang) -> None:
    """What the reference itself lacks, said once. An indicator the reference simply does not report is
    the normal case (27 definitions, a handful per municipality): counted, not listed."""
    listed = [(c, r) for c, r in gaps if not (c.startswith(sim.IND) and r == "ref_missing")]
    n_missing = len(gaps) - len(listed)
    if not listed and not n_missing:
        return
    with st.expander(t("peers_gaps_title", lang, n=len(listed))):
        if listed:
            st.markdown(
                "\n".join(
                    f"- {md_escape(t('peers_gap_' + reason, lang, label=sim.criterion_label(c, cat, lang)))}"
                    for c, reason in listed
                )
            )
        if n_missing:
            st.caption(t("peers_gaps_missing_indicators", lang, n=n_missing))


def _score_chart(results, lang, subtitle: list[str]) -> tuple[alt.Chart, pd.DataFrame]:
    """Bullet bars: coverage as a wide light bar, similarity as a narrow dark bar on top."""
    score, cover, peer = t("peers_col_score", lang), t("peers_col_coverage", lang), t("peers_col_peer", lang)
    data = pd.DataFrame(
        {
            "rank": [r.rank for r in results],
            peer: [r.name for r in results],
            score: [r.score for r in results],
            cover: [r.coverage for r in results],
        }
    )
    long = data.melt(id_vars=["rank", peer], value_vars=[cover, score], var_name="measure", value_name="value")
    base = alt.Chart(long).encode(
        y=alt.Y(f"{peer}:N", sort=[r.name for r in results], title=None, axis=alt.Axis(labelLimit=140)),
        x=alt.X("value:Q", title=None, scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format=".0%", tickCount=5)),
        color=alt.Color(
            "measure:N",
            sort=[cover, score],
            title=None,
            scale=alt.Scale(domain=[cover, score], range=["#c9d6e0", "#1f5f8b"]),
            legend=alt.Legend(orient="top"),
        ),
        tooltip=[
            alt.Tooltip(f"{peer}:N"),
            alt.Tooltip("measure:N", title=" "),
            alt.Tooltip("value:Q", format=".0%", title=" "),
        ],
    )
    layered = alt.layer(
        base.transform_filter(alt.datum.measure == cover).mark_bar(size=20),
        base.transform_filter(alt.datum.measure == score).mark_bar(size=8),
    ).properties(height=alt.Step(30))
    return charts.frame(layered, title=t("peers_chart_title", lang), subtitle=subtitle, lang=lang), data


def _chart_source(ref: sim.Profile, codes: list[str], lang: str) -> str:
    """The full source line, naming the producers of the indicator figures of the municipalities shown."""

    values = db.query("indicator_values")
    producers = values.loc[values["municipality_code"].isin(codes), "source_producer"].tolist()
    source = common.chart_source(lang, producers)
    return f"{source}; {t('peers_chart_own_source', lang)}" if ref.key == sim.OWN_KEY else source


def _input_warnings(ref: sim.Profile, results, lang: str) -> None:
    """Results that point at an input error, said above the table (a 45 typed for 45.000 ranks everyone 0%)."""
    best = max(r.coverage for r in results)
    if best < sim.DEFAULT_MIN_COVERAGE:
        st.warning(
            t(
                "peers_results_low_coverage",
                lang,
                min=round(sim.DEFAULT_MIN_COVERAGE * 100),
                best=f"{round(best * 100)}%",
            ),
            icon=":material/warning:",
        )
    if all(r.score is None or round(r.score * 100) == 0 for r in results):
        key = "peers_results_all_zero_own" if ref.key == sim.OWN_KEY else "peers_results_all_zero"
        st.warning(t(key, lang), icon=":material/warning:")


def _breakdown(result, cat, lang) -> str:
    """Every criterion of one pair as a markdown list, heaviest first: the explanation, then its weight and
    similarity. Escaped, because a reference value may come from an upload."""
    lines = []
    for c in sorted(result.criteria, key=lambda c: (-c.weight, not c.used)):
        numbers = (
            t("peers_breakdown_used", lang, weight=_num(c.weight, lang), sim=_num(c.similarity, lang, 2))
            if c.used
            else t("peers_breakdown_skipped", lang, weight=_num(c.weight, lang))
        )
        mark = "✓" if c.used and c.similarity >= 0.5 else ("✗" if c.used else "–")
        lines.append(f"- {mark} {md_escape(sim.explain(c, result.name, cat, lang))} · *{md_escape(numbers)}*")
    return "\n".join(lines)


def _num(x: float, lang: str, decimals: int | None = None) -> str:
    return fmt_number(x, decimals, lang)


def _org_table(ref, peers, cat, lang):
    """One row per choice: the reference's value, the peers that share it, the peers that chose otherwise
    (highlighted) and those that did not say. Fixed columns, so it fits for any k. Holds no user text
    (st.table renders cells as markdown): the reference column is headed 'referentie', not by its name."""
    rows = []
    for c in sim.org_comparison(ref, peers, cat):
        d = cat.dimensions[c.dimension]
        rows.append(
            {
                t("peers_col_dimension", lang): d.label(lang),
                t("peers_col_ref_choice", lang): _value_label(d, c.ref_value, lang),  # never "—": see style
                t("peers_col_same", lang): fmt_list(list(c.same), lang) or "—",
                t("peers_col_other", lang): " · ".join(
                    f"{d.value_label(v, lang)}: {fmt_list(list(names), lang)}" for v, names in c.other
                )
                or "—",
                t("peers_col_not_reported", lang): fmt_list(list(c.not_reported), lang) or "—",
            }
        )
    df = pd.DataFrame(rows)
    other_col, ref_col = t("peers_col_other", lang), t("peers_col_ref_choice", lang)
    not_reported = _value_label(None, sim.NOT_REPORTED, lang)

    def style(frame: pd.DataFrame) -> pd.DataFrame:
        # A real difference needs a reported choice on both sides: no highlight where the reference did not say.
        css = pd.DataFrame("", index=frame.index, columns=frame.columns)
        css[other_col] = [
            "background-color: #fbe7c6" if o != "—" and r != not_reported else ""
            for o, r in zip(frame[other_col], frame[ref_col], strict=True)
        ]
        return css

    return df.style.apply(style, axis=None).hide(axis="index")


def _value_label(d: sim.DimensionDef | None, value: str | None, lang: str) -> str:
    """The reference's choice in words. Not reported is written out: in the other columns "—" means 'none'."""
    if value in (None, sim.NOT_REPORTED) or d is None:
        return NOT_REPORTED_TEXT[lang_code(lang)]
    return d.value_label(value, lang)


def _practices(codes: list[str], names: dict[str, str], lang: str) -> None:
    bfs = db.query("basic_functions")
    practices = db.query("practices", codes)
    name_col = column("name", lang)
    tabs = st.tabs(
        [
            f"{md_escape(r[name_col])} ({(practices['basic_function_id'] == r['basic_function_id']).sum()})"
            for _, r in bfs.iterrows()
        ]
    )
    for tab, (_, bf) in zip(tabs, bfs.iterrows(), strict=True):
        with tab:
            rows = practices[practices["basic_function_id"] == bf["basic_function_id"]]
            if rows.empty:
                st.caption(t("peers_practices_none", lang))
            order = {c: i for i, c in enumerate(codes)}  # peers in rank order
            rows = rows.assign(_o=rows["municipality_code"].map(order)).sort_values(["_o", "ordinal"])
            for _, p in rows.iterrows():
                title = p[column("title", lang)]
                summary = p[column("summary", lang)]
                st.markdown(
                    f"**{md_escape(names[p['municipality_code']])}** · {md_escape(title)}  \n{md_escape(summary)}"
                )


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


def _method(lang: str) -> None:
    with st.expander(t("peers_method_title", lang), icon=":material/functions:"):
        st.markdown(t("peers_method_body", lang))


def main() -> None:
    lang = state.current_lang()
    st.title(t("peers_title", lang))
    st.caption(t("peers_intro", lang))
    try:
        cat, profiles, overview = _dataset()
    except db.WarehouseError:
        st.error(t("peers_no_warehouse", lang), icon=":material/database:")
        return
    scales = sim.fit_scales(profiles, cat)
    _load_url(cat, overview)

    st.subheader(t("peers_ref_title", lang))
    ref = _choose_reference(cat, profiles, overview, scales, lang)
    if ref is None:
        st.info(t("peers_own_empty", lang), icon=":material/edit_note:")
        _method(lang)
        _write_url(
            None,
            st.session_state.get("peers_preset") or "default",
            st.session_state.get(WEIGHTS, {}),
            st.session_state.get("peers_k", K_DEFAULT),
            cat,
        )
        return

    st.subheader(t("peers_w_title", lang))
    weights, preset, k = _weights(ref, cat, scales, lang)
    slug = None if ref.key == sim.OWN_KEY else overview.loc[overview["municipality_code"] == ref.key, "slug"].iloc[0]
    _write_url(slug, preset or "default", weights, k, cat)

    allowed = set(state.filtered_codes())
    candidates = [p for p in profiles if p.key in allowed]
    results = sim.rank_peers(ref, candidates, cat, weights, scales, k=k)
    usable, gaps = sim.reference_criteria(ref, cat, weights, scales)

    st.subheader(t("peers_results_title", lang, k=len(results), name=md_escape(ref.name)))
    if not usable:
        st.warning(t("peers_results_no_criteria", lang), icon=":material/warning:")
    st.caption(t("peers_results_caption", lang, n=len(usable), min=round(sim.DEFAULT_MIN_COVERAGE * 100)))
    if len(candidates) < len(profiles):
        st.info(t("peers_results_filtered", lang, n=len(candidates), total=len(profiles)), icon=":material/filter_alt:")
    if not results:
        st.warning(t("peers_results_none", lang), icon=":material/filter_alt_off:")
        _method(lang)
        return
    if usable:
        _input_warnings(ref, results, lang)
    slug_of = dict(zip(overview["municipality_code"], overview["slug"], strict=True))
    _compare_link(slug, [slug_of[r.key] for r in results], ref, lang)
    col_left, col_right = st.columns([2, 3], gap="large")
    with col_left:
        st.dataframe(
            _results_table(results, lang),
            hide_index=True,
            width="stretch",
            key="peers_table",
            column_config={
                t("peers_col_peer", lang): st.column_config.TextColumn(width="small"),
                t("peers_col_score", lang): st.column_config.ProgressColumn(
                    min_value=0, max_value=100, format="%d%%", help=t("peers_col_score_help", lang), width="small"
                ),
                t("peers_col_coverage", lang): st.column_config.ProgressColumn(
                    min_value=0, max_value=100, format="%d%%", help=t("peers_col_coverage_help", lang), width="small"
                ),
            },
        )
        ftext = common.filters_text(lang)
        source = _chart_source(ref, [r.key for r in results] + [ref.key], lang)
        chart, data = _score_chart(results, lang, charts.subtitle_lines(ftext, source, width=60))
        render_chart(
            chart,
            slug="peers_scores",
            data=data,
            lang=lang,
            key="peers_chart",
            title=t("peers_chart_title", lang),
            subtitle=ftext,
            source=source,
            private=ref.key == sim.OWN_KEY,
            family="peers",
        )
        _gaps(gaps, cat, lang)
    with col_right:
        st.markdown(f"**{t('peers_breakdown_title', lang)}**")
        for r in results:
            score = "—" if r.score is None else f"{r.score:.0%}"
            with st.container(border=True, key=f"peers_card_{r.rank}"):
                st.markdown(
                    t(
                        "peers_breakdown_item",
                        lang,
                        rank=r.rank,
                        name=md_escape(r.name),
                        score=score,
                        coverage=f"{r.coverage:.0%}",
                    )
                )
                st.caption(md_escape(sim.summary(r, cat, lang)))
                with st.container(horizontal=True, gap="medium", key=f"peers_links_{r.rank}"):
                    journeys.to_profile(slug_of[r.key], t("peers_journey_profile", lang, name=r.name))
                    if slug is not None:
                        journeys.to_compare(
                            [slug, slug_of[r.key]], t("peers_journey_compare_pair", lang, name=ref.name)
                        )
                with st.expander(t("peers_breakdown_details", lang)):
                    st.markdown(_breakdown(r, cat, lang))

    peers = [next(p for p in profiles if p.key == r.key) for r in results]
    st.subheader(t("peers_org_title", lang))
    if state.current_filters().agreed_only:
        st.info(t("peers_agreed_only_note", lang), icon=":material/handshake:")
    diffs = sim.org_differences(ref, peers, cat)
    if diffs:
        ref_name = None if ref.key == sim.OWN_KEY else ref.name  # "jij" only for your own municipality
        st.markdown("\n".join(f"- {md_escape(sim.difference_sentence(d, cat, lang, ref_name))}" for d in diffs[:8]))
        if len(diffs) > 8:
            st.caption(t("peers_org_more", lang, n=len(diffs) - 8))
    else:
        st.caption(t("peers_org_none", lang))
    st.table(_org_table(ref, peers, cat, lang))

    st.subheader(t("peers_practices_title", lang))
    st.caption(t("peers_practices_caption", lang))
    _practices([r.key for r in results], {p.key: p.name for p in profiles}, lang)

    _method(lang)


main()
