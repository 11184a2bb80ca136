"""The one way text from outside reaches markdown: md_escape(). Pure: no Streamlit.

"Outside" is anything the code did not write itself: a URL parameter, an uploaded file, a SQL query or its
result, DuckDB's error messages, and the curated data files (a typo such as `[a](b)` in a summary must not
become a link). Streamlit's markdown renders links, images, bold, headings, `:red[...]` colours, `$...$`
formulas and GitHub-style autolinks (`https://…`, `www.…`, `a@b.nl`); every one of them starts from a character
escaped here, so the text shows literally. tests/hostile/ checks every page against payloads in every field.
"""

from __future__ import annotations

import re

#: Every character that starts markdown, HTML, a Streamlit directive (`:material/...:`, `:red[...]`) or an
#: autolink (`:` in `https:`, `.` in `www.`, `@` in e-mail addresses) is backslash-escaped.
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$&:=\"'^%@])")
_LINE_BREAKS = re.compile(r"[\r\n\t\v\f\u0085\u2028\u2029]+")
_INVISIBLE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
#: How much of a value from outside a message quotes: enough to recognise it, never a flood.
QUOTE_CHARS = 80


# GitHub-style autolinks and Streamlit's icons (:material/home:) are found in the text AFTER markdown is parsed,
# so a backslash does not stop them: a WORD JOINER (U+2060, invisible, not read aloud) is put where each
# pattern needs two characters side by side: "https:⁠//", "mailto:⁠x", ":⁠material/…", "www⁠.", "name⁠@host".
_AUTOLINK_BREAKS = (
    (re.compile(r":(?=[/\w])"), ":\u2060"),
    (re.compile(r"(?i)\b(www)(?=\.)"), "\\1\u2060"),
    (re.compile(r"(?<=[\w.+-])@"), "\u2060@"),
)


def md_escape(text, limit: int | None = None) -> str:
    """Text that st.markdown (and every widget label, caption or alert) shows literally, on one line.

    limit shortens the text first (with "…"), for values quoted inside messages. Never combine the result
    with unsafe_allow_html.
    """
    one_line = _LINE_BREAKS.sub(" ", str(text))  # keeps no-break spaces
    one_line = _INVISIBLE.sub("", one_line)  # bidi overrides and zero-width characters could disguise text
    if limit is not None:
        one_line = shorten(one_line, limit)
    for pattern, replacement in _AUTOLINK_BREAKS:
        one_line = pattern.sub(replacement, one_line)
    return _MD_SPECIAL.sub(r"\\\1", one_line)


#: An absolute path of two or more parts (/work/x/warehouse.duckdb), not a division such as 1/2.
_ABSOLUTE_PATH = re.compile(r"(?<![\w./])/(?:[\w.@+-]+/)+[\w.@+-]*")


def strip_paths(text: str) -> str:
    """text with every absolute server path replaced by its last part: a message never shows where files live."""
    return _ABSOLUTE_PATH.sub(lambda m: "…/" + m.group(0).rstrip("/").rsplit("/", 1)[-1], str(text))


def shorten(text, limit: int = QUOTE_CHARS) -> str:
    """At most `limit` characters of text, ending in "…" when cut."""
    text = str(text)
    return text if len(text) <= limit else text[: max(limit - 1, 0)] + "…"


def quote(value, limit: int = QUOTE_CHARS) -> str:
    """A user's value for a message (not yet escaped): repr-like for text, shortened to `limit` characters."""
    if isinstance(value, str):
        return "'" + shorten(value, limit - 2) + "'"
    return shorten(value, limit)
