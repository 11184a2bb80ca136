"""'Over de data' section: how the peer finder measures similarity (the same text as on its page)."""
import streamlit as st

from dashboard.i18n import t

ORDER = 20


def render(lang: str) -> None:
    st.subheader(t("peers.method.title", lang))
    st.markdown(t("peers.method.body", lang))
