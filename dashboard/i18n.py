"""Translations: every visible string goes through t(key, lang)."""
from dashboard.strings import core, exports, peers, reliability

LANGUAGES = ("nl", "en")
STRINGS: dict[str, tuple[str, str]] = {**core.STRINGS, **peers.STRINGS, **exports.STRINGS, **reliability.STRINGS}


def t(key: str, lang: str = "nl", **fmt) -> str:
    """The string for key in lang; a missing key shows itself so it is noticed, never crashes."""
    pair = STRINGS.get(key)
    text = key if pair is None else pair[LANGUAGES.index(lang) if lang in LANGUAGES else 0]
    return text.format(**fmt) if fmt else text
