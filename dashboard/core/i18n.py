"""The text catalogue: every word the interface, charts, exports and messages show goes through t(key, lang).

Keys live in dashboard/core/strings/ (one module per feature area), each with its Dutch and English text.
Data columns that exist in both languages (label_nl / label_en) are picked with column(base, lang), so no
code needs to compare the language itself.
"""

from dashboard.core.strings import chart_text, core, exports, peers, reliability, streamlit_ui, words

LANGUAGES = ("nl", "en")
STRINGS: dict[str, tuple[str, str]] = {
    **core.STRINGS,
    **peers.STRINGS,
    **exports.STRINGS,
    **reliability.STRINGS,
    **words.STRINGS,
    **chart_text.STRINGS,
    **streamlit_ui.STRINGS,
}


def lang_code(lang: str) -> str:
    """'nl' or 'en': an unknown language falls back to Dutch, the default of the interface."""
    return lang if lang in LANGUAGES else LANGUAGES[0]


def column(base: str, lang: str) -> str:
    """The name of a two-language data column: column('label', 'en') -> 'label_en'."""
    return f"{base}_{lang_code(lang)}"


def t(key: str, lang: str = "nl", **fmt) -> str:
    """The string for key in lang; a missing key shows itself so it is noticed, never crashes."""
    pair = STRINGS.get(key)
    text = key if pair is None else pair[LANGUAGES.index(lang_code(lang))]
    return text.format(**fmt) if fmt else text
