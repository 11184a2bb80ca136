"""Vergelijkbare gemeenten: the input of your own municipality (a form or an uploaded file), widgets only.

Reading and checking what the user entered is pure code (dashboard/core/peer_input.py, peer_checks.py); this
module draws the form, the uploader and the messages, and keeps the result in st.session_state.

Privacy: your own municipality lives only in st.session_state (OWN_PROFILE), and so does the view the page
computes from it (OWN_VIEW). It is never written to the warehouse, a file or a log, never put in a cache shared
between sessions (st.cache_*, db.per_build), and never put in the URL. clear() forgets all of it.
"""

from __future__ import annotations

import streamlit as st

from dashboard.core import peer_checks, peer_input, peer_templates, user_files
from dashboard.core import peer_view as pv
from dashboard.core import similarity as sim
from dashboard.core.formatting import fmt_number
from dashboard.core.i18n import column, t
from dashboard.core.safe_text import md_escape
from dashboard.runtime import db

# session_state keys (all prefixed, all session-only)
OWN_PROFILE = "peers_own_profile"  # Profile of the user's own municipality
OWN_MESSAGES = "peers_own_messages"  # (kind, [messages]) of the last form submit or upload
OWN_READ = "peers_own_read"  # ["Inwonertal: 45.000", ...]: how the last form submit was read
OWN_VIEW = "peers_own_view"  # (profile, view key, what the page shows) of the own municipality: this session only
UPLOAD_SEEN = "peers_upload_seen"  # file_id of the last parsed upload, so a file is parsed once
UPLOAD_GEN = "peers_upload_gen"  # bumped by "Gegevens wissen" to give the uploader a fresh, empty key


def _reference():
    """The ids an uploaded file may point to, from the warehouse, once per build."""
    return db.per_build(
        ("peer_reference",),
        lambda: peer_input.reference_from_warehouse(
            db.query("indicators"), db.query("sources"), db.query("dimension_values")
        ),
    )


def clear() -> None:
    """Forget everything the user entered: the profile, messages, form fields and the uploaded file (a new
    uploader key is the only way to empty a st.file_uploader)."""
    for key in [
        k
        for k in st.session_state
        if k in (OWN_PROFILE, OWN_MESSAGES, OWN_READ, OWN_VIEW, UPLOAD_SEEN) or str(k).startswith("peers_f_")
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


def _form(ds: pv.Dataset, lang: str) -> None:
    """Numbers are text fields read the way the interface language writes them (peer_input.parse_number):
    a number_input reads '45.000' as 45. After a submit the page says how every number was read."""
    cat = ds.cat
    usable = [i for i in cat.comparable_indicators if i in ds.scales]
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


def _upload(ds: pv.Dataset, lang: str) -> None:
    st.markdown(t("peers_upload_intro", lang))
    c1, c2 = st.columns(2)
    for col, kind, mime in ((c1, "yaml", "application/yaml"), (c2, "csv", "text/csv")):
        col.download_button(
            t(f"peers_upload_template_{kind}", lang),
            peer_templates.template_bytes(kind),
            file_name=f"mijn_gemeente.{kind}",
            mime=mime,
            key=f"peers_tpl_{kind}",
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
        _store(peer_input.parse_upload(upload.name, upload.getvalue(), ds.cat, _reference(), lang))
    elif upload is None:
        st.session_state.pop(UPLOAD_SEEN, None)
    with st.expander(t("peers_upload_columns", lang)):
        st.dataframe(pv.csv_columns_table(ds.cat, lang), hide_index=True, width="stretch")


def own_reference(ds: pv.Dataset, lang: str) -> sim.Profile | None:
    """The form and the upload in two tabs, their messages, and the municipality they gave (None: none yet)."""
    st.info(t("peers_privacy", lang), icon=":material/lock:")
    tab_form, tab_upload = st.tabs([t("peers_own_tab_form", lang), t("peers_own_tab_upload", lang)])
    with tab_form:
        _form(ds, lang)
    with tab_upload:
        _upload(ds, lang)
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
        c2.button(t("peers_own_clear", lang), on_click=clear, key="peers_own_clear", width="stretch")
    return own
