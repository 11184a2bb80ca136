"""Interface strings (exports): key -> (Dutch, English). Dutch is the default language."""

STRINGS: dict[str, tuple[str, str]] = {}
