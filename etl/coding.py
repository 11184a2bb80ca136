"""Decision rules, independent codings and adjudication: read, cross-check, and decide each final code's status.

Files (formats in data/README.md, "Double coding"):
- data/reference/org_model.yaml: `decision_rules` per dimension (English);
- data/coding/round<R>/coder_<a|b>.yaml: one coder's independent coding of every municipality on every
  dimension in round R;
- data/coding/adjudication.yaml: the final value and a one-line reason for every code that the coders of
  the last round did not both give.

A final code (the municipality file's organisation.<dimension>.value) is "agreed" when both coders of the
last round gave it, and "adjudicated" when an adjudication entry gives it. Anything else is a problem.

Without a data/coding/ folder the data set has no double coding yet: the build then runs without codings
(status NULL everywhere) and decision rules are optional. As soon as the folder exists every rule applies.
Problems are appended to the caller's list (file: field: reason), never raised here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from etl.schema import AdjudicationFile, CoderFile, DecisionRules, Municipality

CODERS = ("a", "b")
ROUND_DIR = re.compile(r"^round([1-9][0-9]*)$")
CODER_FILE = re.compile(r"^coder_([a-z])\.yaml$")
AGREED = "agreed"
ADJUDICATED = "adjudicated"
# A municipality that no coder file names (e.g. a seventeenth one added by copying the template) is coded once,
# by whoever wrote its file: its codes are valid but carry this status until two coders have coded it.
SINGLE_CODED = "single_coded"


@dataclass(frozen=True)
class CodedUnit:
    round: int
    coder: str
    municipality_code: str
    dimension_id: str
    value_id: str
    justification: str
    locator: str
    rules_version: int


@dataclass(frozen=True)
class FinalStatus:
    agreement: str  # agreed | adjudicated | single_coded
    reason_nl: str | None = None
    reason_en: str | None = None
    rule_change: bool | None = None


@dataclass
class CodingSet:
    codings: list[CodedUnit] = field(default_factory=list)  # every round, every coder, file order
    rounds: tuple[int, ...] = ()
    status: dict[tuple[str, str], FinalStatus] = field(default_factory=dict)  # (code, dimension) -> status

    @property
    def last_round(self) -> int | None:
        return self.rounds[-1] if self.rounds else None


Reader = Callable[[Path, list[str]], object]
ProblemsOf = Callable[[Path, ValidationError, object], list[str]]


def coding_dir(data_dir: Path) -> Path:
    return Path(data_dir) / "coding"


def load_rules(
    org_model: dict, where: str, slugs: set[str], required: bool, problems: list[str]
) -> dict[str, DecisionRules]:
    """Validate every dimension's decision_rules; `required`: a dimension without rules is a problem."""
    out: dict[str, DecisionRules] = {}
    dims = org_model.get("dimensions") if isinstance(org_model, dict) else None
    for i, dim in enumerate(dims if isinstance(dims, list) else []):
        if not isinstance(dim, dict):
            continue
        prefix = f"{where}: dimensions[{i}].decision_rules"
        raw = dim.get("decision_rules")
        if raw is None:
            if required:
                problems.append(
                    f"{prefix}: required field is missing (data/coding/ exists, so every dimension "
                    "needs its decision rules)"
                )
            continue
        try:
            rules = DecisionRules.model_validate(raw)
        except ValidationError as exc:
            for err in exc.errors():
                loc = ".".join(f"[{p}]" if isinstance(p, int) else str(p) for p in err["loc"]).replace(".[", "[")
                msg = (
                    "required field is missing"
                    if err["type"] == "missing"
                    else err["msg"].removeprefix("Value error, ")
                )
                if err["type"] == "extra_forbidden":
                    msg = "unknown field (check the spelling against data/README.md)"
                problems.append(f"{prefix}.{loc}: {msg}" if loc else f"{prefix}: {msg}")
            continue
        values = [str(v["id"]) for v in dim.get("values") or [] if isinstance(v, dict) and v.get("id") is not None]
        missing = [v for v in values if v not in rules.evidence]
        unknown = [v for v in rules.evidence if v not in values]
        if missing:
            problems.append(f"{prefix}.evidence: no evidence rule for {', '.join(missing)} (one entry per value)")
        if unknown:
            problems.append(f"{prefix}.evidence: {', '.join(unknown)} is not a value of this dimension")
        for j, ex in enumerate(rules.examples):
            if ex.municipality not in slugs:
                problems.append(
                    f"{prefix}.examples[{j}].municipality: {ex.municipality!r} is not a file in "
                    "data/gemeenten/ (use the slug, e.g. almelo)"
                )
            if ex.value not in values:
                problems.append(f"{prefix}.examples[{j}].value: {ex.value!r} is not one of {', '.join(values)}")
        out[str(dim.get("id"))] = rules
    return out


def load_codings(
    data_dir: Path,
    dimensions: dict[str, list[str]],
    municipalities: list[Municipality],
    codes_seen: set[str],
    read_yaml: Reader,
    pydantic_problems: ProblemsOf,
    display: Callable[[Path], str],
    problems: list[str],
) -> CodingSet | None:
    """Read data/coding/ (None when the folder does not exist) and check it against the final codes.

    codes_seen: every municipality code named in data/gemeenten/, also in files that did not validate (their
    problems are reported there; codings for them are accepted here so the problem is not repeated).
    """
    folder = coding_dir(data_dir)
    if not folder.is_dir():
        return None
    codes = {m.municipality.code: m for m in municipalities}
    known = set(codes) | set(codes_seen)
    result = CodingSet()
    rounds: dict[int, Path] = {}
    for sub in sorted(folder.iterdir()):
        match = ROUND_DIR.match(sub.name)
        if sub.is_dir() and match:
            rounds[int(match.group(1))] = sub
        elif sub.is_dir():
            problems.append(f"{display(sub)}: (folder): unexpected folder; rounds are named round1, round2, ...")
    if not rounds:
        problems.append(f"{display(folder)}: (folder): no round folder (round1/ with coder_a.yaml and coder_b.yaml)")
        return result
    expected = list(range(1, max(rounds) + 1))
    gaps = [r for r in expected if r not in rounds]
    if gaps:
        problems.append(f"{display(folder)}: (folder): round folder(s) missing: {', '.join(f'round{r}' for r in gaps)}")
    result.rounds = tuple(sorted(rounds))
    by_round: dict[int, dict[str, dict[tuple[str, str], str]]] = {}
    for number, sub in sorted(rounds.items()):
        coders_here: dict[str, dict[tuple[str, str], str]] = {}
        for path in sorted(sub.glob("*.yaml")):
            name = CODER_FILE.match(path.name)
            if not name or name.group(1) not in CODERS:
                problems.append(
                    f"{display(path)}: (file): unexpected file; coder files are coder_a.yaml and coder_b.yaml"
                )
                continue
            values = _read_coder_file(
                path, number, name.group(1), dimensions, known, read_yaml, pydantic_problems, display, result, problems
            )
            if values is not None:
                coders_here[name.group(1)] = values
        problems.extend(
            f"{display(sub / f'coder_{coder}.yaml')}: (file): coder file is missing"
            for coder in CODERS
            if not (sub / f"coder_{coder}.yaml").exists()
        )
        if set(coders_here) == set(CODERS):
            named = {coder: {code for code, _dim in values} for coder, values in coders_here.items()}
            problems.extend(
                f"{display(sub / f'coder_{other}.yaml')}: codings: {code} is coded in coder_{coder}.yaml but not "
                "here (both coders code the same municipalities)"
                for coder, other in (("a", "b"), ("b", "a"))
                for code in sorted(named[coder] - named[other])
            )
        by_round[number] = coders_here
    last = by_round.get(max(rounds), {})
    decisions = _read_adjudication(
        folder / "adjudication.yaml", dimensions, known, read_yaml, pydantic_problems, display, problems
    )
    if decisions is None or set(last) != set(CODERS):
        return result  # the final check needs both last-round files and a readable adjudication file
    muni_files = {
        code: display(Path(data_dir) / "gemeenten" / f"{m.municipality.slug}.yaml") for code, m in codes.items()
    }
    result.status = _final_status(
        display(folder / "adjudication.yaml"), max(rounds), last, decisions, codes, muni_files, dimensions, problems
    )
    return result


def _read_coder_file(
    path, number, coder, dimensions, codes, read_yaml, pydantic_problems, display, result, problems
) -> dict[tuple[str, str], str] | None:
    where = display(path)
    data = read_yaml(path, problems)
    if data is None:
        return None
    if not isinstance(data, dict):
        problems.append(f"{where}: (file): expected a mapping with coder, round, rules_version, codings")
        return None
    try:
        doc = CoderFile.model_validate(data)
    except ValidationError as exc:
        problems.extend(pydantic_problems(path, exc, data))
        return None
    if doc.coder != coder:
        problems.append(f"{where}: coder: {doc.coder!r} must match the file name (coder_{coder}.yaml)")
    if doc.round != number:
        problems.append(f"{where}: round: {doc.round} must match the folder name (round{number})")
    seen: dict[tuple[str, str], int] = {}
    values: dict[tuple[str, str], str] = {}
    for i, c in enumerate(doc.codings):
        if c.municipality not in codes:
            problems.append(
                f"{where}: codings[{i}].municipality: {c.municipality} is not a municipality in data/gemeenten/"
            )
            continue
        if c.dimension not in dimensions:
            problems.append(
                f"{where}: codings[{i}].dimension: {c.dimension!r} is not a dimension in data/reference/org_model.yaml"
            )
            continue
        if c.value not in dimensions[c.dimension]:
            problems.append(
                f"{where}: codings[{i}].value: {c.value!r} is not one of {', '.join(dimensions[c.dimension])}"
            )
            continue
        key = (c.municipality, c.dimension)
        if key in seen:
            problems.append(
                f"{where}: codings[{i}]: {c.municipality} × {c.dimension} is also coded in "
                f"codings[{seen[key]}] (exactly once per file)"
            )
            continue
        seen[key] = i
        values[key] = c.value
        result.codings.append(
            CodedUnit(
                number, coder, c.municipality, c.dimension, c.value, c.justification, c.locator, doc.rules_version
            )
        )
    # A municipality the file does not name at all is not double-coded (SINGLE_CODED); one it names must be
    # coded on every dimension.
    named = {code for code, _dim in values}
    missing = [f"{code} × {dim}" for code in sorted(named) for dim in dimensions if (code, dim) not in values]
    if missing:
        shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        problems.append(f"{where}: codings: {len(missing)} municipality × dimension pair(s) not coded: {shown}")
    return values


def _read_adjudication(path, dimensions, codes, read_yaml, pydantic_problems, display, problems):
    where = display(path)
    if not path.exists():
        problems.append(
            f"{where}: (file): adjudication file is missing (use `decisions: []` when the coders agreed on everything)"
        )
        return None
    data = read_yaml(path, problems)
    if data is None:
        return None
    if not isinstance(data, dict):
        problems.append(f"{where}: (file): expected a mapping with a list under decisions")
        return None
    try:
        doc = AdjudicationFile.model_validate(data)
    except ValidationError as exc:
        problems.extend(pydantic_problems(path, exc, data))
        return None
    out = {}
    for i, d in enumerate(doc.decisions):
        if d.municipality not in codes:
            problems.append(
                f"{where}: decisions[{i}].municipality: {d.municipality} is not a municipality in data/gemeenten/"
            )
        elif d.dimension not in dimensions:
            problems.append(
                f"{where}: decisions[{i}].dimension: {d.dimension!r} is not a dimension in "
                "data/reference/org_model.yaml"
            )
        elif d.value not in dimensions[d.dimension]:
            problems.append(
                f"{where}: decisions[{i}].value: {d.value!r} is not one of {', '.join(dimensions[d.dimension])}"
            )
        elif (d.municipality, d.dimension) in out:
            problems.append(f"{where}: decisions[{i}]: {d.municipality} × {d.dimension} is decided twice")
        else:
            out[(d.municipality, d.dimension)] = (i, d)
    return out


def _final_status(where, last_round, last, decisions, codes, muni_files, dimensions, problems):
    """agreed / adjudicated / single_coded per final code; every other case is a problem naming the file to fix.

    single_coded: the municipality is named in no coder file of the last round (its codes have one author)."""
    status: dict[tuple[str, str], FinalStatus] = {}
    double_coded = {code for coder in last.values() for code, _dim in coder}
    for code, m in sorted(codes.items()):
        slug_file = muni_files[code]
        for dim in dimensions:
            choice = m.organisation.get(dim)
            if choice is None:
                continue  # reported by the municipality checks
            final = choice.value
            a, b = last["a"].get((code, dim)), last["b"].get((code, dim))
            entry = decisions.get((code, dim))
            if code not in double_coded and final in dimensions[dim]:
                if entry is not None:
                    problems.append(
                        f"{where}: decisions[{entry[0]}]: {code} is in no coder file; there is nothing "
                        "to adjudicate (remove the entry, or add the municipality to both coder files)"
                    )
                status[(code, dim)] = FinalStatus(SINGLE_CODED)
                continue
            if a is None or b is None or final not in dimensions[dim]:
                continue  # already reported: a pair missing from a coder file, or a value outside the codebook
            if a == b == final:
                if entry is not None:
                    problems.append(
                        f"{where}: decisions[{entry[0]}]: both round-{last_round} coders gave "
                        f"{final!r} for {code} × {dim}; an agreed code needs no adjudication (remove "
                        "the entry)"
                    )
                status[(code, dim)] = FinalStatus(AGREED)
            elif entry is None:
                problems.append(
                    f"{slug_file}: organisation.{dim}.value: {final!r} is not what both round-"
                    f"{last_round} coders gave ({a!r}, {b!r}) and {where} has no decision for "
                    f"{code} × {dim}"
                )
            elif entry[1].value != final:
                problems.append(
                    f"{where}: decisions[{entry[0]}].value: {entry[1].value!r} differs from the final "
                    f"code {final!r} in {slug_file} (organisation.{dim}.value)"
                )
            else:
                d = entry[1]
                status[(code, dim)] = FinalStatus(ADJUDICATED, d.reason_nl, d.reason_en, d.rule_change)
    return status
