"""Praktijkvoorbeelden: search the practice examples (Dutch and English titles and summaries), combined with
the sidebar filters, grouped by basic function, each with its municipality and locator."""

from __future__ import annotations

import streamlit as st

from dashboard.core.i18n import lang_code, t
from dashboard.core.safe_text import md_escape
from dashboard.runtime import db, state
from dashboard.ui import common

MAX_QUERY = 200


def render() -> None:
    lang = state.current_lang()
    lab = common.labels(lang)
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
    found = db.query("practice_search", list(codes), text)
    n_munis = found["municipality_code"].nunique()
    st.markdown(t("core_practices_found", lang, n=len(found), m=n_munis))
    if found.empty:
        st.info(t("core_practices_none", lang), icon=":material/search_off:")
        return
    sfx = lang_code(lang)
    fn_filter = state.current_filters().functions
    for fid in lab.function_ids():
        part = found[found["basic_function_id"] == fid]
        if part.empty and (fn_filter and fid not in fn_filter):
            continue
        st.subheader(f"{md_escape(lab.function(fid))} ({len(part)})")
        if part.empty:
            st.caption(t("core_practices_none_here", lang))
            continue
        for rec in part.itertuples():
            with st.container(border=True, key=f"pq_{rec.practice_id}"):
                st.markdown(
                    f"**{md_escape(getattr(rec, f'title_{sfx}'))}** — {md_escape(rec.municipality_name)}  \n"
                    f"{md_escape(getattr(rec, f'summary_{sfx}'))}  \n"
                    f":grey[{md_escape(common.locator(rec.locator, lang))}]"
                )


render()
