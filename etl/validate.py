"""Validate the curated source files and report every problem at once.

Each problem names the file, the field path and the reason, so that a policy advisor who edited a
YAML file can find and fix it without reading Python. Nothing here writes anything.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from etl.schema import Municipality


class DataError(Exception):
    """Raised with the full list of problems when the data folder does not validate."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) in the data files:\n" + "\n".join(problems))


@dataclass
class Reference:
    """The shared reference data that municipality files point into."""

    indicators: dict = field(default_factory=dict)
    sources: dict = field(default_factory=dict)
    dimensions: dict = field(default_factory=dict)  # dimension id -> list of value ids
    raw: dict = field(default_factory=dict)  # file stem -> parsed YAML


REFERENCE_FILES = ("indicators", "sources", "org_model", "basic_functions", "routekaart", "insights", "dilemmas")


def _display(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def read_yaml(path: Path, problems: list[str]):
    """Parse one YAML file; on failure record why and return None."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as exc:
        problems.append(f"{_display(path)}: (file): not valid UTF-8 text (byte {exc.start}); save the file as UTF-8")
        return None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "(file)"
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        problems.append(f"{_display(path)}: {where}: malformed YAML: {reason}")
        return None


def _field_path(loc: tuple, data) -> str:
    """Turn a pydantic location into `teams[2].kind`, naming list items where we can."""
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts[-1] = f"{parts[-1]}[{item}]" if parts else f"[{item}]"
        else:
            parts.append(str(item))
    return ".".join(parts) or "(file)"


def _pydantic_problems(path: Path, exc: ValidationError, data) -> list[str]:
    out = []
    for err in exc.errors():
        where = _field_path(err["loc"], data)
        got = err.get("input")
        if err["type"] == "missing":
            out.append(f"{_display(path)}: {where}: required field is missing")
        elif err["type"] == "extra_forbidden":
            out.append(f"{_display(path)}: {where}: unknown field (check the spelling against data/README.md)")
        elif err["type"] == "literal_error":
            out.append(f"{_display(path)}: {where}: {got!r} is not one of {err['ctx']['expected'].replace(chr(39), '')}")
        else:
            msg = err["msg"].removeprefix("Value error, ")
            shown = "" if isinstance(got, (dict, list)) else f" (got {got!r})"
            out.append(f"{_display(path)}: {where}: {msg}{shown}")
    return out


def load_reference(data_dir: Path, problems: list[str]) -> Reference:
    ref = Reference()
    ref_dir = data_dir / "reference"
    for stem in REFERENCE_FILES:
        path = ref_dir / f"{stem}.yaml"
        if not path.exists():
            problems.append(f"{_display(path)}: (file): reference file is missing")
            continue
        parsed = read_yaml(path, problems)
        if parsed is not None:
            ref.raw[stem] = parsed
    ref.indicators = {i["id"]: i for i in ref.raw.get("indicators", {}).get("indicators", [])}
    ref.sources = {s["id"]: s for s in ref.raw.get("sources", {}).get("sources", [])}
    ref.dimensions = {
        d["id"]: [v["id"] for v in d["values"]] for d in ref.raw.get("org_model", {}).get("dimensions", [])
    }
    return ref


def check_references(path: Path, m: Municipality, ref: Reference) -> list[str]:
    """Rules that need the reference data: ids must exist, every dimension must be coded."""
    out = []
    where = _display(path)

    def need_source(field_path: str, source_id: str):
        if source_id not in ref.sources:
            out.append(f"{where}: {field_path}: source {source_id!r} is not in data/reference/sources.yaml")

    ident = m.municipality
    if ident.slug != path.stem:
        out.append(f"{where}: municipality.slug: {ident.slug!r} must equal the file name {path.stem!r}")
    need_source("municipality.population.source", ident.population.source)
    need_source("municipality.coordinates_source", ident.coordinates_source)
    for i, v in enumerate(m.indicators):
        if v.indicator not in ref.indicators:
            out.append(f"{where}: indicators[{i}].indicator: {v.indicator!r} is not in data/reference/indicators.yaml")
        need_source(f"indicators[{i}].source", v.source)
        if (v.qualifier == "range") != (v.value_upper is not None):
            out.append(f"{where}: indicators[{i}].value_upper: give value_upper exactly when qualifier is 'range'")
    for i, n in enumerate(m.notes):
        need_source(f"notes[{i}].source", n.source)
    for i, t in enumerate(m.teams):
        if (t.count is None) != (t.count_qualifier == "not_reported"):
            out.append(f"{where}: teams[{i}].count_qualifier: use 'not_reported' exactly when count is null")
    for dim, allowed in ref.dimensions.items():
        if dim not in m.organisation:
            out.append(f"{where}: organisation.{dim}: required dimension is missing (use value: not_reported)")
        elif m.organisation[dim].value not in allowed:
            out.append(
                f"{where}: organisation.{dim}.value: {m.organisation[dim].value!r} is not one of {', '.join(allowed)}"
            )
    for dim in m.organisation:
        if dim not in ref.dimensions:
            out.append(f"{where}: organisation.{dim}: unknown dimension (see data/reference/org_model.yaml)")
    return out


def load_municipalities(data_dir: Path, ref: Reference, problems: list[str]) -> list[tuple[Path, Municipality]]:
    folder = data_dir / "gemeenten"
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if not files:
        problems.append(f"{_display(folder)}: (folder): no municipality files (*.yaml) found")
        return []
    loaded = []
    for path in files:
        data = read_yaml(path, problems)
        if data is None:
            continue
        if not isinstance(data, dict):
            problems.append(f"{_display(path)}: (file): expected a mapping with municipality, teams, ... at the top")
            continue
        try:
            m = Municipality.model_validate(data)
        except ValidationError as exc:
            problems.extend(_pydantic_problems(path, exc, data))
            continue
        problems.extend(check_references(path, m, ref))
        loaded.append((path, m))
    seen: dict[str, Path] = {}
    letters: dict[str, Path] = {}
    for path, m in loaded:
        code = m.municipality.code
        if code in seen:
            problems.append(f"{_display(path)}: municipality.code: {code} is also used by {_display(seen[code])}")
        seen.setdefault(code, path)
        letter = m.municipality.appendix_letter
        if letter in letters:
            problems.append(
                f"{_display(path)}: municipality.appendix_letter: {letter!r} is also used by {_display(letters[letter])}"
            )
        letters.setdefault(letter, path)
    return loaded


def validate(data_dir: Path) -> tuple[Reference, list[Municipality]]:
    """Load and check everything under data_dir; raise DataError listing all problems."""
    problems: list[str] = []
    ref = load_reference(data_dir, problems)
    loaded = load_municipalities(data_dir, ref, problems)
    if problems:
        raise DataError(problems)
    return ref, [m for _, m in loaded]

