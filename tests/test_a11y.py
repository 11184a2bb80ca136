"""dashboard/ui/a11y.py without a browser: the rules that put Streamlit's own texts in the interface language, and
the accessibility statement against what the browser tests really check (tests/browser/test_accessibility.py)."""

from __future__ import annotations

import json
import re

import pytest

from dashboard.core.i18n import STRINGS, t
from dashboard.ui import a11y
from tests.browser import test_accessibility as browser


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_streamlit_text_rule_compiles_and_keeps_its_parts(lang):
    for where, source, replacement in a11y.streamlit_text_rules(lang):
        assert where in ("text", "attr", "both")
        groups = re.compile(source).groups  # the rules keep to what Python and JavaScript read alike
        used = {int(n) for n in re.findall(r"\$(\d)", replacement)}
        assert used == set(range(1, groups + 1)), (source, replacement)  # every kept part, and nothing else


@pytest.mark.parametrize(
    ("streamlit", "dutch", "english"),
    [
        ("Upload", "Uploaden", "Upload"),
        ("1MB per file", "1 MB per bestand", "1 MB per file"),
        (
            "File must be 1.0MB or smaller.",
            "Het bestand mag hoogstens 1 MB groot zijn.",
            "File must be 1 MB or smaller.",
        ),
        ("Help for Inwoners", "Uitleg bij Inwoners", "Help for Inwoners"),
        ("You can only select up to 4 options. Remove an option first.", t("stui_max_options", "nl", n=4), None),
        ("Press Enter to apply", "Druk op Enter om toe te passen", "Press Enter to apply"),
    ],
)
def test_rules_rewrite_streamlit_texts(streamlit, dutch, english):
    """What the page script does, done here with the same rules (first match wins, the whole text must match)."""

    def rewrite(text, lang):
        for _where, source, replacement in a11y.streamlit_text_rules(lang):
            if re.fullmatch(source, text):
                return re.sub(source, replacement.replace("$", "\\"), text)
        return text

    assert rewrite(streamlit, "nl") == dutch
    assert rewrite(streamlit, "en") == (english or streamlit)


def test_the_page_script_carries_the_rules_safely():
    script = a11y.streamlit_text_script("nl")
    assert script.startswith("<script>") and script.count("</script>") == 1
    cfg = json.loads(script.split("const cfg = ", 1)[1].split(";\n", 1)[0])
    assert cfg["rules"] == [list(r) for r in a11y.streamlit_text_rules("nl")]
    assert cfg["attrs"] == list(a11y.TEXT_ATTRS)
    assert a11y.streamlit_text_script("xx") == script  # an unknown language falls back to Dutch


def test_every_rule_key_is_in_the_catalogue_and_every_streamlit_key_is_used():
    used = {key for _w, _s, key, _g in a11y.STREAMLIT_TEXTS}
    assert used <= set(STRINGS)
    assert {k for k in STRINGS if k.startswith("stui_")} == used


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_statement_says_what_the_browser_tests_check(lang):
    body = t("a11y_statement_body", lang)
    assert f"axe-core {browser.AXE_VERSION}" in body
    for tag in browser.WCAG_TAGS:
        assert tag in body
    for size in browser.SIZES:
        assert size.replace("x", "×") in body
