"""Accessibility fixes Streamlit 1.67 offers no option for, injected once per run (WCAG 2.1 AA, issue 12).

- Contrast: captions (st.caption) are drawn at 60 % opacity (#828180 on white, 3,88:1) and the keyboard hint on
  a primary button (the SQL console's Ctrl + Enter) in light blue on our blue (2,86:1); the [theme] section has
  no colour for either, so a small style sheet sets colours of at least 4,5:1.
- Focus: links, buttons, tabs and form fields show a clear outline when reached with the keyboard (2.4.7).
- One download path: the chart and table toolbars (Show data, Download as PNG, Fullscreen, table search and
  CSV download) are English-only and duplicate the app's own downloads, so they are hidden.
- Language of the page (3.1.1): Streamlit always renders <html lang="en">; a one-line script sets the
  document's lang to the interface language.
"""

from __future__ import annotations

import streamlit as st

# #595959 on white is 7,0:1 and on the sidebar grey (#f0f2f6) 6,3:1.
CAPTION_COLOR = "#595959"
# the focus outline: the Okabe-Ito blue of primaryColor, 5,2:1 against white (non-text contrast needs 3:1).
FOCUS_COLOR = "#0072B2"

STYLE = f"""<style>
/* prefixed with stApp so these rules outrank Streamlit's single-class emotion rules */
[data-testid="stApp"] [data-testid="stCaptionContainer"] {{ opacity: 1; color: {CAPTION_COLOR}; }}
[data-testid="stApp"] [data-testid="stCaptionContainer"] p {{ color: {CAPTION_COLOR}; }}
[data-testid="stApp"] button kbd {{ color: #ffffff; opacity: 1; }}
[data-testid="stApp"] :is(a, button, summary, [role="tab"], [role="option"], input, textarea):focus-visible {{
  outline: 3px solid {FOCUS_COLOR}; outline-offset: 2px;
}}
/* the scrollable main area takes focus on Tab too; its outline is drawn inside so the window edge cannot hide it */
[data-testid="stApp"] main:focus-visible {{ outline: 3px solid {FOCUS_COLOR}; outline-offset: -3px; }}
[data-testid="stApp"] [data-testid="stElementToolbar"] {{ display: none; }}
</style>"""

LANGUAGES = ("nl", "en")


def lang_script(lang: str) -> str:
    """A script that sets <html lang> to the interface language (only 'nl' or 'en' ever reach the page)."""
    code = lang if lang in LANGUAGES else "nl"
    return f'<script>document.documentElement.lang = "{code}";</script>'


def apply(lang: str) -> None:
    """Inject the style sheet and the language script (call once per run, after the language is known)."""
    st.html(STYLE)
    st.html(lang_script(lang), unsafe_allow_javascript=True)
