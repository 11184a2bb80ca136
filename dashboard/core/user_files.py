"""The one reader for files a user uploads (YAML and CSV): bounded in size, time and memory. Pure: no Streamlit.

Every limit is checked before the expensive step it protects, so the cost of a hostile file is bounded by
MAX_BYTES and linear in it:

* size: MAX_BYTES before anything is decoded (the uploader widget has the same limit, MAX_MEGABYTES);
* YAML: parsed by libyaml (PyYAML's C parser) as a stream of events first. Anchors, aliases and explicit tags
  are refused (an alias bomb expands a few kB into gigabytes; a municipality file needs none of them), and
  nesting depth and node count are capped while streaming, so deep nesting or a million keys stop early. Only
  a stream that passed is built into Python objects, with the C loader;
* CSV: the number of lines and of columns is counted on the raw text before the csv module or any per-column
  check runs; every later step is linear in the number of columns;
* messages: limit_messages() keeps at most MAX_MESSAGES, each at most MAX_MESSAGE_CHARS, plus "and N more".

Refusals raise UserFileError with a message key of dashboard/core/strings/peers.py and its parameters.
"""

from __future__ import annotations

import csv
import io

import yaml

from dashboard.core.i18n import t
from dashboard.core.safe_text import shorten

MAX_MEGABYTES = 1
MAX_BYTES = MAX_MEGABYTES * 1024 * 1024  # a municipality file is 5 to 20 kB
MAX_YAML_DEPTH = 12  # a municipality file nests 4 levels deep (practices -> item -> field)
MAX_YAML_NODES = 20_000  # the largest file in data/gemeenten/ has about 1.000
MAX_CSV_LINES = 20  # a header and one data row; a few more only to say "expected one row"
MAX_CSV_COLUMNS = 200  # the template has 20 columns
MAX_MESSAGES = 10
MAX_MESSAGE_CHARS = 300
MAX_FILENAME_CHARS = 60

if not getattr(yaml, "__with_libyaml__", False):  # pragma: no cover - PyYAML wheels ship libyaml
    raise ImportError("PyYAML without libyaml: the upload reader needs the C parser")


class UserFileError(ValueError):
    """The file is refused before it is interpreted; key and params make the message (dashboard.core.i18n.t)."""

    def __init__(self, key: str, **params):
        self.key = key
        self.params = params
        super().__init__(key)

    def text(self, lang: str) -> str:
        return t(self.key, lang, **self.params)


def display_name(filename: str | None) -> str:
    """The file's own name (never a path a browser might send), shortened."""
    name = (filename or "upload").replace("\\", "/").rsplit("/", 1)[-1] or "upload"
    return shorten("".join(ch if ch.isprintable() else "?" for ch in name), MAX_FILENAME_CHARS)


def decode(filename: str, data: bytes) -> str:
    """Checked text of an upload: size first, then UTF-8 (with or without BOM), no NUL bytes."""
    shown = display_name(filename)
    if len(data) > MAX_BYTES:
        raise UserFileError("peers_err_too_large", file=shown, size=f"{len(data) / 1024 / 1024:.1f}")
    if not data.strip():
        raise UserFileError("peers_err_empty", file=shown)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserFileError("peers_err_encoding", file=shown, pos=exc.start) from None
    if "\x00" in text:
        raise UserFileError("peers_err_encoding", file=shown, pos=text.index("\x00"))
    return text


def load_yaml(text: str, filename: str = "upload"):
    """One YAML document as Python objects, or UserFileError. See the module docstring for the limits."""
    shown = display_name(filename)
    depth = nodes = 0
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
                raise UserFileError("peers_err_yaml_alias", file=shown, where=_where(event))
            if getattr(event, "tag", None) is not None:  # libyaml reports a tag only when one was written
                raise UserFileError("peers_err_yaml_tag", file=shown, where=_where(event))
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_YAML_DEPTH:
                    raise UserFileError("peers_err_yaml_depth", file=shown, where=_where(event), max=MAX_YAML_DEPTH)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            if isinstance(event, yaml.NodeEvent):
                nodes += 1
                if nodes > MAX_YAML_NODES:
                    raise UserFileError("peers_err_yaml_nodes", file=shown, max=f"{MAX_YAML_NODES:_}".replace("_", "."))
        return yaml.load(text, Loader=yaml.CSafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{mark.line + 1}:{mark.column + 1}" if mark else "?"
        reason = getattr(exc, "problem", None) or "syntax"
        if "nesting depth" in reason:  # libyaml's own limit (1000 levels) can come before ours
            raise UserFileError("peers_err_yaml_depth", file=shown, where=where, max=MAX_YAML_DEPTH) from None
        raise UserFileError("peers_err_yaml", file=shown, where=where, reason=shorten(reason, 80)) from None


def _where(event) -> str:
    mark = getattr(event, "start_mark", None)
    return f"{mark.line + 1}:{mark.column + 1}" if mark else "?"


def read_csv(text: str, filename: str = "upload") -> list[list[str]]:
    """Rows of a small CSV (comma, semicolon or tab, chosen from the header), or UserFileError."""
    shown = display_name(filename)
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if not lines:
        raise UserFileError("peers_err_empty", file=shown)
    if len(lines) > MAX_CSV_LINES:
        raise UserFileError("peers_err_csv_rows", file=shown, n=len(lines) - 1)
    header_line = lines[0]
    delimiter = max((",", ";", "\t"), key=header_line.count)
    widest = max(line.count(delimiter) for line in lines) + 1
    if widest > MAX_CSV_COLUMNS:
        raise UserFileError("peers_err_csv_columns_many", file=shown, n=widest, max=MAX_CSV_COLUMNS)
    try:
        return list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter))
    except csv.Error as exc:
        raise UserFileError("peers_err_csv_syntax", file=shown, reason=shorten(str(exc), 80)) from None


def limit_messages(messages: list[str], lang: str = "nl") -> list[str]:
    """At most MAX_MESSAGES messages of at most MAX_MESSAGE_CHARS each, then one 'and N more'."""
    shown = [shorten(m, MAX_MESSAGE_CHARS) for m in messages[:MAX_MESSAGES]]
    if len(messages) > MAX_MESSAGES:
        shown.append(t("peers_err_more", lang, n=len(messages) - MAX_MESSAGES))
    return shown
