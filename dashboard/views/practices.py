"""Praktijkvoorbeelden: search the practice examples (Dutch and English titles and summaries), combined with
the sidebar filters, grouped by basic function, each with its municipality and locator."""

from __future__ import annotations

import streamlit as st

from dashboard.core.i18n import lang_code, t
from dashboard.core.safe_text import md_escape
from dashboard.runtime import db, state
from dashboard.ui import common

MAX_QUERY = 200


def results(codes: list[str], text: str, lang: str) -> tuple[int, int, list]:
    """(practices found, municipalities they come from, [(function heading, [(practice id, card markdown)])]):
    once per build, filter state, search text and language."""

    def build():
        lab = common.labels(lang)
        found = db.query("practice_search", list(codes), text)
        sfx = lang_code(lang)
        fn_filter = state.current_filters().functions
        sections = []
        for fid in lab.function_ids():
            part = found[found["basic_function_id"] == fid]
            if part.empty and (fn_filter and fid not in fn_filter):
                continue
            cards = [
                (
                    rec.practice_id,
                    (
                        f"**{md_escape(getattr(rec, f'title_{sfx}'))}** — {md_escape(rec.municipality_name)}  \n"
                        f"{md_escape(getattr(rec, f'summary_{sfx}'))}  \n"
                        f":grey[{md_escape(common.locator(rec.locator, lang))}]"
                    ),
                )
                for rec in part.itertuples()
            ]
            sections.append((f"{md_escape(lab.function(fid))} ({len(part)})", cards))
        return len(found), found["municipality_code"].nunique(), sections

    return db.per_build(("practices", state.filters_key(), text, lang), build, large=True)


def render() -> None:
    lang = state.current_lang()
    codes = state.filtered_codes()
    st.title(t("core_page_practices", lang))
    st.caption(t("core_practices_intro", lang))

    def parse(raw: str) -> str:
        if len(raw) > MAX_QUERY:
            raise ValueError(raw)
        return raw

    state.bind("pr_q", "q", default="", parse=parse)
    st.text_input(
        t("core_search", lang),
        key="pr_q",
        placeholder=t("core_search_placeholder", lang),
        max_chars=MAX_QUERY,
        icon=":material/search:",
    )
    state.sync("pr_q", "q", default="")
    if not codes:
        common.empty_state(lang, key="pq_empty_reset")
        return
    text = st.session_state.get("pr_q", "") or ""
    found, n_munis, sections = results(codes, text, lang)
    st.markdown(t("core_practices_found", lang, n=found, m=n_munis))
    if not found:
        st.info(t("core_practices_none", lang), icon=":material/search_off:")
        return
    for heading, cards in sections:
        st.subheader(heading)
        if not cards:
            st.caption(t("core_practices_none_here", lang))
            continue
        for practice_id, card in cards:
            with st.container(border=True, key=f"pq_{practice_id}"):
                st.markdown(card)


render()
