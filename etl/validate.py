"""Validate the curated source files and report every problem at once.

Each problem names the file, the field path and the reason, so that a policy advisor who edited a
YAML file can find and fix it without reading Python. Nothing here writes anything.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from etl.coding import CodingSet, coding_dir, load_codings, load_rules
from etl.schema import BASIC_FUNCTION_IDS, DecisionRules, Municipality

# libyaml's C parser reads the same YAML ~8x faster than the pure-Python one (same results, same error
# positions; the wording of syntax errors differs slightly). Fall back when PyYAML was built without it.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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
    rules: dict[str, DecisionRules] = field(default_factory=dict)  # dimension id -> decision rules
    coding: CodingSet | None = None  # None: data/coding/ does not exist (no double coding yet)


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
        return yaml.load(text, Loader=YAML_LOADER)  # a safe loader: plain data, no Python objects
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


def pydantic_problems(path: Path, exc: ValidationError, data) -> list[str]:
    out = []
    for err in exc.errors():
        where = _field_path(err["loc"], data)
        got = err.get("input")
        if err["type"] == "missing":
            out.append(f"{_display(path)}: {where}: required field is missing")
        elif err["type"] == "extra_forbidden":
            out.append(f"{_display(path)}: {where}: unknown field (check the spelling against data/README.md)")
        elif err["type"] == "literal_error":
            allowed = err["ctx"]["expected"].replace("'", "")
            out.append(f"{_display(path)}: {where}: {got!r} is not one of {allowed}")
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
    out.extend(
        f"{where}: organisation.{dim}: unknown dimension (see data/reference/org_model.yaml)"
        for dim in m.organisation
        if dim not in ref.dimensions
    )
    return out


def load_municipalities(
    data_dir: Path, ref: Reference, problems: list[str], codes_seen: set[str] | None = None
) -> list[tuple[Path, Municipality]]:
    """Valid municipality files. codes_seen collects the code of every file that names one, valid or not, so
    that checks in other files (codings) do not repeat a problem already reported for the municipality file."""
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
        ident = data.get("municipality")
        if codes_seen is not None and isinstance(ident, dict) and isinstance(ident.get("code"), str):
            codes_seen.add(ident["code"].strip())
        try:
            m = Municipality.model_validate(data)
        except ValidationError as exc:
            problems.extend(pydantic_problems(path, exc, data))
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
            other = _display(letters[letter])
            problems.append(f"{_display(path)}: municipality.appendix_letter: {letter!r} is also used by {other}")
        letters.setdefault(letter, path)
    return loaded


# Required keys per reference list (load_reference itself only reads the ids).
REFERENCE_KEYS = {
    "basic_functions": (
        "basic_functions",
        ("id", "order", "name_nl", "name_en", "description_nl", "description_en", "locator"),
    ),
    "routekaart": ("steps", ("step", "basic_function", "summary_nl", "summary_en", "locator")),
    "insights": ("insights", ("id", "order", "summary_nl", "summary_en", "locator")),
    "dilemmas": ("dilemmas", ("id", "question_nl", "question_en", "summary_nl", "summary_en", "locator")),
    "indicators": (
        "indicators",
        ("id", "label_nl", "label_en", "unit", "comparability_group", "definition_en", "definition_nl"),
    ),
    "sources": ("sources", ("id", "producer", "title", "kind")),
    "org_model": (
        "dimensions",
        ("id", "order", "label_nl", "label_en", "question_nl", "question_en", "derived_from", "values"),
    ),
}
ORG_VALUE_KEYS = ("id", "label_nl", "label_en", "definition_nl", "definition_en")


def reference_problems(ref: Reference, data_dir: Path) -> list[str]:
    """Shape checks for the shared reference lists that municipality files do not cover.

    Without them a missing name or an unknown basic-function id in data/reference/ would surface as a database
    constraint error half-way through the build instead of a message that names the file and the field.
    """
    out: list[str] = []
    allowed = ", ".join(BASIC_FUNCTION_IDS)
    for stem, (key, required) in REFERENCE_KEYS.items():
        if stem not in ref.raw:
            continue  # missing or unparsable: load_reference has already said so
        where = _display(Path(data_dir, "reference", f"{stem}.yaml"))
        items = ref.raw[stem].get(key) if isinstance(ref.raw[stem], dict) else None
        if not isinstance(items, list):
            out.append(f"{where}: {key}: expected a list under the key {key!r}")
            continue
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                out.append(f"{where}: {key}[{i}]: expected a mapping")
                continue
            out.extend(f"{where}: {key}[{i}].{k}: required field is missing" for k in required if item.get(k) is None)
        if stem == "basic_functions":
            ids = [item.get("id") if isinstance(item, dict) else None for item in items]
            out.extend(
                f"{where}: {key}[{i}].id: {bf!r} is not one of {allowed}"
                for i, bf in enumerate(ids)
                if bf is not None and bf not in BASIC_FUNCTION_IDS
            )
            missing = [bf for bf in BASIC_FUNCTION_IDS if bf not in ids]
            out.extend(f"{where}: {key}: basic function {bf!r} is missing" for bf in missing)
        if stem in ("routekaart", "dilemmas"):
            for i, item in enumerate(items):
                bf = item.get("basic_function") if isinstance(item, dict) else None
                if bf is not None and bf not in BASIC_FUNCTION_IDS:
                    out.append(f"{where}: {key}[{i}].basic_function: {bf!r} is not one of {allowed}")
        if stem == "org_model":
            for i, dim in enumerate(items):
                values = dim.get("values") if isinstance(dim, dict) else None
                for j, value in enumerate(values if isinstance(values, list) else []):
                    out.extend(
                        f"{where}: {key}[{i}].values[{j}].{k}: required field is missing"
                        for k in ORG_VALUE_KEYS
                        if not isinstance(value, dict) or value.get(k) is None
                    )
    return out


def validate(data_dir: Path) -> tuple[Reference, list[Municipality]]:
    """Load and check everything under data_dir; raise DataError listing all problems."""
    problems: list[str] = []
    ref = load_reference(data_dir, problems)
    codes_seen: set[str] = set()
    loaded = load_municipalities(data_dir, ref, problems, codes_seen)
    problems.extend(reference_problems(ref, data_dir))
    if "org_model" in ref.raw:
        slugs = {p.stem for p in (data_dir / "gemeenten").glob("*.yaml")}
        where = _display(Path(data_dir, "reference", "org_model.yaml"))
        ref.rules = load_rules(ref.raw["org_model"], where, slugs, coding_dir(data_dir).is_dir(), problems)
    ref.coding = load_codings(
        data_dir, ref.dimensions, [m for _, m in loaded], codes_seen, read_yaml, pydantic_problems, _display, problems
    )
    if problems:
        raise DataError(problems)
    return ref, [m for _, m in loaded]
