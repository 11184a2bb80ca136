"""'Over de data' section: what the downloads, presentation mode and SQL console offer and promise."""
import streamlit as st

from dashboard.i18n import t

ORDER = 30


def render(lang: str) -> None:
    st.subheader(t("exp_about_title", lang))
    st.markdown(t("exp_about_body", lang))
