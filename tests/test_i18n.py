"""The text catalogue (dashboard/core/i18n.py, dashboard/core/strings/) and the layout rules around it.

- every key renders in both languages, with the same placeholders in each;
- every key has one style: `area_name` in lower case (a double underscore joins a dimension and its value);
- every key the code asks for with a literal (t("...")) exists;
- no code compares the language itself (a "language ternary"): words come from the catalogue and
  two-language data columns are picked with i18n.column();
- nothing in dashboard/core/ imports Streamlit or the Streamlit-bound packages (the pure half of the layout).
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from dashboard.core.i18n import LANGUAGES, STRINGS, column, lang_code, t

DASHBOARD = Path(__file__).resolve().parent.parent / "dashboard"
CODE = sorted(p for p in DASHBOARD.rglob("*.py") if "strings" not in p.parts)


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(STRINGS))
def test_every_key_renders_in_both_languages(key):
    pair = STRINGS[key]
    assert isinstance(pair, tuple) and len(pair) == len(LANGUAGES), key
    nl, en = pair
    assert isinstance(nl, str) and isinstance(en, str)
    assert bool(nl.strip()) == bool(en.strip()), f"{key}: one language is empty"
    assert fields(nl) == fields(en), f"{key}: placeholders differ between the languages"
    values = dict.fromkeys(fields(nl), "X")
    for lang, expected in zip(LANGUAGES, pair, strict=True):
        rendered = t(key, lang, **values)
        assert rendered == (expected.format(**values) if values else expected)


KEY_STYLE = re.compile(r"[a-z][a-z0-9]*(__?[a-z0-9]+)+")


def test_every_key_has_the_one_key_style():
    odd = sorted(k for k in STRINGS if not KEY_STYLE.fullmatch(k))
    assert not odd, f"keys not in the area_name style: {odd[:10]}"
    assert not KEY_STYLE.fullmatch("peers.col.score")  # the old dotted style is refused


def test_unknown_language_falls_back_to_dutch_and_unknown_key_shows_itself():
    assert t("chart_value", "fr") == STRINGS["chart_value"][0]
    assert t("no.such.key", "en") == "no.such.key"
    assert column("label", "en") == "label_en" and column("label", "xx") == "label_nl"
    assert lang_code("en") == "en" and lang_code("") == "nl"


def _literal_keys(tree: ast.AST):
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "t"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.args[0].value, node.lineno


@pytest.mark.parametrize("path", CODE, ids=lambda p: str(p.relative_to(DASHBOARD)))
def test_every_literal_key_in_the_code_exists(path):
    missing = [f"{key} (line {line})" for key, line in _literal_keys(ast.parse(path.read_text())) if key not in STRINGS]
    assert missing == []


def _language_comparisons(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            operands = [node.left, *node.comparators]
            if any(isinstance(o, ast.Constant) and o.value in LANGUAGES for o in operands):
                yield node.lineno


@pytest.mark.parametrize("path", CODE, ids=lambda p: str(p.relative_to(DASHBOARD)))
def test_no_code_compares_the_language(path):
    assert list(_language_comparisons(ast.parse(path.read_text()))) == []


def test_the_language_check_catches_a_ternary():
    # the check above must be able to fail: the pattern it forbids, in the forms found before
    for source in ('x = "a" if lang == "en" else "b"', 'x = "b" if lang != "nl" else "a"', 'y = "en" == lang'):
        assert list(_language_comparisons(ast.parse(source))) == [1], source


@pytest.mark.parametrize("path", sorted((DASHBOARD / "core").rglob("*.py")), ids=lambda p: p.name)
def test_core_does_not_import_streamlit(path):
    imported = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            imported |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
    bound = [m for m in imported if m.startswith(("streamlit", "dashboard.runtime", "dashboard.ui"))]
    assert bound == []
