"""Source titles and locators in the interface language.

Locators point into the Dutch report ('Bijlage 2h, Organisatie; basisfuncties uitgelicht: Leren en
verbeteren'); in English the fixed words are translated (appendix, section names, the basic functions, whose
English names are in the data) and the result says that it points into the Dutch report. Publication titles
are names and keep their Dutch wording; only our own additions in brackets are translated.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from dashboard.core.i18n import lang_code, t

# the report and the sources are Dutch: only an English interface translates their fixed words
TRANSLATES = {"nl": False, "en": True}
# Dutch -> English for the fixed words of locators; longer phrases first (they contain shorter ones)
LOCATOR_WORDS: tuple[tuple[str, str], ...] = (
    ("Kenmerken inwoners gemeente", "Characteristics of residents"),
    ("basisfuncties uitgelicht", "basic functions highlighted"),
    ("Missie en visie", "Mission and vision"),
    ("Samenwerking Jeugd", "Cooperation on youth"),
    ("Samenwerking", "Cooperation"),
    ("Samenwerken", "Cooperation"),
    ("Kwaliteitskader", "Quality framework"),
    ("Organisatie", "Organisation"),
    ("Visie", "Vision"),
    ("Bijlage", "Appendix"),
)
TITLE_WORDS: tuple[tuple[str, str], ...] = (
    ("(editie niet vermeld)", "(edition not stated)"),
    ("(gemeentewebsite)", "(municipal website)"),
    ("(website)", "(website)"),
    ("geraadpleegd", "consulted"),
    ("gemeenteprofiel", "municipal profile"),
)


# Titles of the project's own sources (data/reference/sources.yaml, producer 'lokale-teams project'): written by
# us, not published, so they are shown in the interface language
OWN_TITLES = {
    "Approximate municipal centroids compiled for the map (not from the report)": "src_title_project_coordinates",
}


def _replace_all(text: str, pairs) -> str:
    for dutch, english in pairs:
        text = re.sub(re.escape(dutch), english, text, flags=re.IGNORECASE)
    return text


def locator(text: str | None, lang: str, function_names: Mapping[str, str] | None = None) -> str:
    """The locator as shown in lang: Dutch unchanged; English with fixed words and basic-function names
    translated (function_names: Dutch name -> English name) and a note that it points into the Dutch report."""
    if text is None or str(text).strip() == "":
        return ""
    text = str(text)
    if not TRANSLATES[lang_code(lang)]:
        return text
    names = sorted((function_names or {}).items(), key=lambda kv: -len(kv[0]))
    english = _replace_all(_replace_all(text, names), LOCATOR_WORDS)
    return t("src_locator_dutch_report", lang, locator=english)


def source_title(text: str | None, lang: str) -> str:
    """A publication title: its own words unchanged, our bracketed additions and fixed words in lang."""
    if text is None:
        return ""
    text = str(text)
    if text.strip() in OWN_TITLES:
        return t(OWN_TITLES[text.strip()], lang)
    return _replace_all(text, TITLE_WORDS) if TRANSLATES[lang_code(lang)] else text
