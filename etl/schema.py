"""The shape of the curated source files in data/, as pydantic models.

This module is the contract between the people who edit data/ and everything downstream: the ETL
validates against it, the integrity tests use it, and data/README.md documents the same fields.
Cross-file rules (ids that must exist in data/reference/, unique codes) live in etl/validate.py,
because a single file cannot know them.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

BASIC_FUNCTION_IDS = (
    "veilige_leefomgeving",
    "tijdig_signaleren",
    "vindbare_toegankelijke_hulp",
    "brede_blik",
    "leren_verbeteren",
)
GEMEENTECODE = re.compile(r"^GM\d{4}$")

# Qualifiers keep what the report says about precision ("ca.", "meer dan") next to the number.
Qualifier = Literal["exact", "approx", "more_than", "less_than", "range"]
CountQualifier = Literal["exact", "approx", "more_than", "not_reported"]
TargetGroup = Literal["all_ages", "youth_family", "adults", "not_reported"]
DirectAccess = Literal["yes", "no", "not_reported"]
TeamKind = Literal[
    "wijkteam",  # neighbourhood or district team
    "toegangsteam",  # access / intake team
    "jeugd_gezinsteam",  # youth and family team
    "loket",  # counter / front door for residents
    "front_office",  # central phone/mail desk
    "expertiseteam",  # city-wide expertise or specialist team
    "outreach_team",  # outreaching teams (bemoeizorg)
    "municipal_team",  # municipal department team (Team Wmo, Team Jeugd)
    "overleg",  # a meeting or platform of partners the sketch names as a unit; not counted as a team
    "other",
]
Province = Literal[
    "Groningen",
    "Friesland",
    "Drenthe",
    "Overijssel",
    "Flevoland",
    "Gelderland",
    "Utrecht",
    "Noord-Holland",
    "Zuid-Holland",
    "Zeeland",
    "Noord-Brabant",
    "Limburg",
]


class Strict(BaseModel):
    """Unknown keys are errors: a typo in a field name must not silently drop data."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


NonEmpty = Field(min_length=1)


class Population(Strict):
    value: int = Field(gt=0)
    qualifier: Qualifier
    source: str = NonEmpty
    year: int | None = None
    locator: str = NonEmpty


class Identity(Strict):
    code: str
    name: str = NonEmpty
    official_name: str = NonEmpty
    slug: str = Field(pattern=r"^[a-z0-9_]+$")
    province: Province
    # Bijlage 2 uses a-p; two letters leave room for municipalities beyond the report (and the 400-file benchmark).
    # The report uses a..p; up to three letters so synthetic benchmark folders can reach 5000 municipalities.
    appendix_letter: str = Field(pattern=r"^[a-z]{1,3}$")
    latitude: float = Field(ge=50.7, le=53.6)
    longitude: float = Field(ge=3.3, le=7.3)
    coordinates_source: str = NonEmpty
    population: Population

    @field_validator("code")
    @classmethod
    def _gemeentecode(cls, v: str) -> str:
        if not GEMEENTECODE.match(v):
            raise ValueError(f"{v!r} is not a CBS gemeentecode like GM0363")
        return v


class BilingualText(Strict):
    nl: str = NonEmpty
    en: str = NonEmpty
    locator: str = NonEmpty


class IndicatorValue(Strict):
    indicator: str = NonEmpty
    value: float
    value_upper: float | None = None  # only for qualifier "range": value is the lower bound
    qualifier: Qualifier = "exact"
    national_reference: float | None = None  # None: the sketch gives no reference
    year: int | None = None  # None: the sketch gives no year
    period: str | None = None  # e.g. "2009–2018" for growth figures; shown as is, so no words
    area: str | None = None  # None: whole municipality; else a named district
    source: str = NonEmpty
    locator: str = NonEmpty
    note_nl: str | None = Field(default=None, min_length=1)
    note_en: str | None = Field(default=None, min_length=1)


class QualitativeNote(Strict):
    topic: str = NonEmpty  # an indicator id or a short theme word (income, health, ...)
    nl: str = NonEmpty
    en: str = NonEmpty
    source: str = NonEmpty
    locator: str = NonEmpty


class Team(Strict):
    name: str = NonEmpty
    kind: TeamKind
    count: int | None = Field(default=None, ge=1)
    count_qualifier: CountQualifier
    target_group: TargetGroup
    operated_by: str = NonEmpty  # who runs or employs it; "not_reported" if the sketch is silent
    direct_access: DirectAccess
    description_nl: str = NonEmpty
    description_en: str = NonEmpty
    locator: str = NonEmpty

    @field_validator("direct_access", mode="before")
    @classmethod
    def _yaml_boolean(cls, v):
        # YAML 1.1 reads an unquoted yes/no as a boolean; accept it rather than punish the editor.
        if isinstance(v, bool):
            return "yes" if v else "no"
        return v


class CodedChoice(Strict):
    value: str = NonEmpty
    justification_nl: str = NonEmpty
    justification_en: str = NonEmpty
    locator: str = NonEmpty


class Figure(Strict):
    label_nl: str = NonEmpty
    label_en: str = NonEmpty
    value: float
    unit: Literal["count", "percent", "fte", "euro", "days", "weeks", "months", "years"]
    qualifier: Qualifier = "exact"


class Practice(Strict):
    basic_function: str
    title_nl: str = NonEmpty
    summary_nl: str = NonEmpty
    title_en: str = NonEmpty
    summary_en: str = NonEmpty
    locator: str = NonEmpty
    figures: list[Figure] = []

    @field_validator("basic_function")
    @classmethod
    def _known_function(cls, v: str) -> str:
        if v not in BASIC_FUNCTION_IDS:
            raise ValueError(f"{v!r} is not one of {', '.join(BASIC_FUNCTION_IDS)}")
        return v


class Municipality(Strict):
    """One file in data/gemeenten/."""

    municipality: Identity
    vision: BilingualText
    transition: BilingualText | None = None  # set when the sketch describes a reorganisation under way
    indicators: list[IndicatorValue]
    notes: list[QualitativeNote] = []
    teams: list[Team] = Field(min_length=1)
    organisation: dict[str, CodedChoice]
    practices: list[Practice] = Field(min_length=1)


# --- coding reliability (issue 10; formats in data/README.md, "Double coding") ------------------------------
# Decision rules live in data/reference/org_model.yaml under each dimension's `decision_rules` (English only).


class RuleExample(Strict):
    municipality: str = NonEmpty  # slug of a file in data/gemeenten/
    value: str = NonEmpty
    reasoning: str = NonEmpty
    locator: str = NonEmpty


class DecisionRules(Strict):
    about: str = NonEmpty
    not_about: str = NonEmpty
    evidence: dict[str, str]  # value id -> which statements support it; one entry per value of the dimension
    half_evidence: str = NonEmpty
    per_domain: str = NonEmpty
    contradictions: str = NonEmpty
    examples: list[RuleExample] = Field(min_length=2)
    changes: list[str] = []  # history of sharpening, one line each

    @field_validator("evidence")
    @classmethod
    def _texts(cls, v: dict[str, str]) -> dict[str, str]:
        empty = [k for k, text in v.items() if not isinstance(text, str) or not text.strip()]
        if empty:
            raise ValueError(f"evidence text is empty for {', '.join(map(str, empty))}")
        return v


class Coding(Strict):
    """One coder's value for one municipality on one dimension."""

    municipality: str = Field(pattern=GEMEENTECODE.pattern)
    dimension: str = NonEmpty
    value: str = NonEmpty
    justification: str = NonEmpty
    locator: str = NonEmpty


class CoderFile(Strict):
    """data/coding/round<R>/coder_<a|b>.yaml"""

    coder: Literal["a", "b"]
    round: int = Field(ge=1)
    rules_version: int = Field(ge=1)
    codings: list[Coding] = Field(min_length=1)


class Decision(Strict):
    """One adjudicated final code: the value the coders of the last round did not both give."""

    municipality: str = Field(pattern=GEMEENTECODE.pattern)
    dimension: str = NonEmpty
    value: str = NonEmpty
    reason_en: str = NonEmpty
    reason_nl: str = NonEmpty
    rule_change: bool


class AdjudicationFile(Strict):
    """data/coding/adjudication.yaml"""

    decisions: list[Decision] = []
