"""The registry of tidy export tables: one entry per table, nothing else to edit when a table is added.

Each ExportTable says what a researcher gets and how it hangs together: the SQL that reads it from the
warehouse, a title, every column's meaning in Dutch and English (with a unit where the column has one),
the primary key and the foreign keys. etl/export.py reads and writes the tables, etl/datapackage.py turns
this registry into the README and the Frictionless `datapackage.json`; field types are not repeated here
because they follow from the warehouse's own column types (DuckDB -> pandas -> Table Schema).

Rules every entry keeps: integers stay integers (nullable where the sketch may be silent); a list is never
a cell (make a long table instead); text never holds a line break (read_export_tables replaces them).
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Field:
    """One column: its name, its meaning in both languages and, when it has one, its unit."""

    name: str
    en: str
    nl: str
    unit: str | None = None

    def description(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    resource: str
    reference: tuple[str, ...]


def fk(columns: str | tuple[str, ...], resource: str, reference: str | tuple[str, ...] | None = None) -> ForeignKey:
    """fk("municipality_code", "municipalities"): the same column names on both sides unless given."""
    cols = (columns,) if isinstance(columns, str) else tuple(columns)
    ref = cols if reference is None else ((reference,) if isinstance(reference, str) else tuple(reference))
    return ForeignKey(cols, resource, ref)


@dataclass(frozen=True)
class ExportTable:
    name: str
    sql: str
    title_en: str
    title_nl: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = field(default=())

    def title(self, lang: str) -> str:
        return self.title_nl if lang == "nl" else self.title_en

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)


MUNICIPALITY = fk("municipality_code", "municipalities")

_F = Field  # short alias: the registry below is long
_MUNI_REF = _F(
    "municipality_code", "Municipality: CBS code (see municipalities)", "Gemeente: CBS-code (zie municipalities)"
)
_LOCATOR = _F("locator", "Where in the KPMG report this is found", "Vindplaats in het KPMG-rapport")

TABLES: tuple[ExportTable, ...] = (
    ExportTable(
        name="municipalities",
        sql="""
            select municipality_code, name, official_name, province, appendix_letter, population,
                   population_qualifier, population_year, population_source, population_locator,
                   latitude, longitude, slug
            from municipality
            order by municipality_code""",
        title_en="Municipalities: identity, province and population",
        title_nl="Gemeenten: naam, provincie en inwonertal",
        fields=(
            _F(
                "municipality_code",
                "CBS municipality code of 2019, e.g. GM0363 (Amsterdam); key of every other table",
                "CBS-gemeentecode van 2019, bv. GM0363 (Amsterdam); sleutel van alle andere tabellen",
            ),
            _F("name", "Display name", "Naam zoals getoond"),
            _F(
                "official_name",
                "Official name ('s-Gravenhage for Den Haag)",
                "Officiële naam ('s-Gravenhage voor Den Haag)",
            ),
            _F("province", "Province", "Provincie"),
            _F(
                "appendix_letter",
                "Letter of the municipality's sketch in appendix 2 of the report (a-p)",
                "Letter van de schets van de gemeente in bijlage 2 van het rapport (a-p)",
            ),
            _F(
                "population",
                "Number of inhabitants as given in the sketch",
                "Aantal inwoners zoals in de schets",
                unit="persons",
            ),
            _F(
                "population_qualifier",
                "exact | approx ('ca.') | more_than | less_than",
                "exact | approx ('ca.') | more_than (meer dan) | less_than (minder dan)",
            ),
            _F(
                "population_year",
                "Year of the population figure; empty when the sketch gives none",
                "Jaar van het inwonertal; leeg als de schets het niet noemt",
                unit="year",
            ),
            _F(
                "population_source",
                "Source of the population figure (see sources)",
                "Bron van het inwonertal (zie sources)",
            ),
            _F(
                "population_locator",
                "Where in the report the population figure is found",
                "Vindplaats van het inwonertal in het rapport",
            ),
            _F(
                "latitude",
                "Approximate centre, for the map only",
                "Benaderd middelpunt, alleen voor de kaart",
                unit="decimal degrees (WGS84)",
            ),
            _F(
                "longitude",
                "Approximate centre, for the map only",
                "Benaderd middelpunt, alleen voor de kaart",
                unit="decimal degrees (WGS84)",
            ),
            _F(
                "slug",
                "Short name used in dashboard links (?gm=...)",
                "Korte naam in links naar het dashboard (?gm=...)",
            ),
        ),
        primary_key=("municipality_code",),
        foreign_keys=(fk("population_source", "sources", "source_id"),),
    ),
    ExportTable(
        name="indicator_values",
        sql="""
            select v.indicator_value_id, v.municipality_code, v.indicator_id, v.value, v.value_upper, i.unit,
                   v.qualifier, v.national_reference, v.year, v.period, v.area, v.source_id as source, v.locator,
                   v.note_nl as note, v.note_en
            from indicator_value v
            join indicator i using (indicator_id)
            order by v.indicator_value_id""",
        title_en="Figures on residents, one row per figure",
        title_nl="Cijfers over inwoners, één rij per cijfer",
        fields=(
            _F("indicator_value_id", "Row id", "Rijnummer"),
            _MUNI_REF,
            _F(
                "indicator_id",
                "Indicator definition (see indicators); compare values only within one indicator_id",
                "Definitie van het cijfer (zie indicators); vergelijk alleen binnen één indicator_id",
            ),
            _F(
                "value",
                "Reported value in the unit of the row; the lower bound when qualifier is range",
                "Gerapporteerde waarde in de eenheid van de rij; de ondergrens als qualifier range is",
                unit="see column unit",
            ),
            _F(
                "value_upper",
                "Upper bound when qualifier is range, else empty",
                "Bovengrens als qualifier range is, anders leeg",
                unit="see column unit",
            ),
            _F(
                "unit",
                "percent (0-100) | euro | count | years",
                "percent (0-100) | euro | count (aantal) | years (jaren)",
            ),
            _F(
                "qualifier",
                "exact | approx ('ca.') | more_than | less_than | range",
                "exact | approx ('ca.') | more_than (meer dan) | less_than (minder dan) | range (bereik)",
            ),
            _F(
                "national_reference",
                "National figure the sketch gives next to the value; empty when none",
                "Landelijk cijfer dat de schets ernaast noemt; leeg als er geen is",
                unit="see column unit",
            ),
            _F(
                "year",
                "Reference year; empty when the sketch gives none",
                "Peiljaar; leeg als de schets het niet noemt",
                unit="year",
            ),
            _F("period", "Period of a growth figure, e.g. 2009-2018", "Periode bij een groeicijfer, bv. 2009-2018"),
            _F(
                "area",
                "Named district when the figure is not for the whole municipality; empty = whole municipality",
                "Wijk als het cijfer niet voor de hele gemeente geldt; leeg = hele gemeente",
            ),
            _F("source", "Source of the figure (see sources)", "Bron van het cijfer (zie sources)"),
            _LOCATOR,
            _F("note", "Remark on the figure (Dutch)", "Opmerking bij het cijfer (Nederlands)"),
            _F("note_en", "Remark on the figure (English)", "Opmerking bij het cijfer (Engels)"),
        ),
        primary_key=("indicator_value_id",),
        foreign_keys=(MUNICIPALITY, fk("indicator_id", "indicators"), fk("source", "sources", "source_id")),
    ),
    ExportTable(
        name="indicators",
        sql="""
            select indicator_id, label_nl, label_en, unit, definition, definition_nl,
                   comparability_group, comparable_across_municipalities
            from indicator
            order by comparability_group, indicator_id""",
        title_en="Definitions of the figures",
        title_nl="Definities van de cijfers",
        fields=(
            _F("indicator_id", "Indicator id; one id per definition", "Id van het cijfer; één id per definitie"),
            _F("label_nl", "Label (Dutch)", "Naam (Nederlands)"),
            _F("label_en", "Label (English)", "Naam (Engels)"),
            _F(
                "unit",
                "percent (0-100) | euro | count | years",
                "percent (0-100) | euro | count (aantal) | years (jaren)",
            ),
            _F("definition", "Definition (English)", "Definitie (Engels)"),
            _F("definition_nl", "Definition (Dutch)", "Definitie (Nederlands)"),
            _F(
                "comparability_group",
                "Theme shared by indicators with different definitions; they never share an axis",
                "Thema van cijfers met verschillende definities; die staan nooit op één as",
            ),
            _F(
                "comparable_across_municipalities",
                "false when values of this indicator differ in period or scope between municipalities",
                "false als de waarden per gemeente een andere periode of afbakening hebben",
            ),
        ),
        primary_key=("indicator_id",),
    ),
    ExportTable(
        name="teams",
        sql="""
            select team_id, municipality_code, team_name, team_kind, team_count, count_qualifier, target_group,
                   operated_by, direct_access, description_nl, description_en, locator
            from team
            order by municipality_code, ordinal""",
        title_en="Teams per municipality, one row per team type",
        title_nl="Teams per gemeente, één rij per soort team",
        fields=(
            _F("team_id", "Row id", "Rijnummer"),
            _MUNI_REF,
            _F(
                "team_name",
                "Name of the team (type) as the sketch gives it",
                "Naam van het team (de soort) zoals in de schets",
            ),
            _F(
                "team_kind",
                "wijkteam | toegangsteam | jeugd_gezinsteam | loket | front_office | expertiseteam | "
                "outreach_team | municipal_team | other",
                "wijkteam | toegangsteam | jeugd_gezinsteam | loket | "
                "front_office | expertiseteam | outreach_team | municipal_team | other (anders)",
            ),
            _F(
                "team_count",
                "Number of teams of this type; empty when not reported",
                "Aantal teams van deze soort; leeg als niet gerapporteerd",
                unit="teams",
            ),
            _F(
                "count_qualifier",
                "exact | approx | more_than | not_reported",
                "exact | approx (ca.) | more_than (meer dan) | not_reported (niet gerapporteerd)",
            ),
            _F(
                "target_group",
                "all_ages | youth_family | adults | not_reported",
                "all_ages (alle leeftijden) | youth_family (jeugd en gezin) | adults (volwassenen) | not_reported",
            ),
            _F(
                "operated_by",
                "Who runs or employs the team; not_reported when the sketch is silent",
                "Wie het team uitvoert of in dienst heeft; not_reported als de schets het niet zegt",
            ),
            _F(
                "direct_access",
                "Can residents go to the team directly: yes | no | not_reported",
                "Kunnen inwoners direct bij het team terecht: yes (ja) | no (nee) | not_reported",
            ),
            _F(
                "description_nl",
                "Short description in our own words (Dutch)",
                "Korte beschrijving in eigen woorden (Nederlands)",
            ),
            _F(
                "description_en",
                "Short description in our own words (English)",
                "Korte beschrijving in eigen woorden (Engels)",
            ),
            _LOCATOR,
        ),
        primary_key=("team_id",),
        foreign_keys=(MUNICIPALITY,),
    ),
    ExportTable(
        name="org_choices",
        sql="""
            select c.municipality_code, c.dimension_id, c.value_id, c.justification_nl as justification,
                   c.justification_en, c.locator, c.agreement, c.adjudication_reason_nl as adjudication_reason,
                   c.adjudication_reason_en
            from org_choice c
            join org_dimension d using (dimension_id)
            order by c.municipality_code, d.ordinal""",
        title_en="Coded organisational model, one row per municipality and dimension",
        title_nl="Gecodeerd organisatiemodel, één rij per gemeente en dimensie",
        fields=(
            _MUNI_REF,
            _F(
                "dimension_id",
                "Dimension of the organisational model (see org_values)",
                "Dimensie van het organisatiemodel (zie org_values)",
            ),
            _F(
                "value_id",
                "Coded value (see org_values); not_reported means the sketch does not say, which is "
                "never the same as 'no'",
                "Gecodeerde waarde (zie org_values); not_reported betekent dat de schets "
                "het niet zegt, en is nooit hetzelfde als 'nee'",
            ),
            _F(
                "justification",
                "Why this value was coded (Dutch, own words)",
                "Waarom deze waarde is gecodeerd (Nederlands, eigen woorden)",
            ),
            _F(
                "justification_en",
                "Why this value was coded (English, own words)",
                "Waarom deze waarde is gecodeerd (Engels, eigen woorden)",
            ),
            _LOCATOR,
            _F(
                "agreement",
                "agreed: both coders of the last round gave this value; adjudicated: decided after they "
                "differed (see org_codings_independent); single_coded: coded once, not (yet) by two coders",
                "agreed: beide codeurs van de laatste ronde gaven deze waarde; adjudicated: besloten nadat ze "
                "verschilden (zie org_codings_independent); single_coded: één keer gecodeerd, (nog) niet door "
                "twee codeurs",
            ),
            _F(
                "adjudication_reason",
                "Why the adjudicated value was chosen (Dutch); empty when agreed",
                "Waarom de waarde na arbitrage is gekozen (Nederlands); leeg als de codeurs het eens waren",
            ),
            _F(
                "adjudication_reason_en",
                "Why the adjudicated value was chosen (English); empty when agreed",
                "Waarom de waarde na arbitrage is gekozen (Engels); leeg als de codeurs het eens waren",
            ),
        ),
        primary_key=("municipality_code", "dimension_id"),
        foreign_keys=(MUNICIPALITY, fk(("dimension_id", "value_id"), "org_values")),
    ),
    ExportTable(
        name="org_codings_independent",
        sql="""
            select c.round, c.municipality_code, c.dimension_id as dimension, c.coder, c.value_id as value,
                   c.justification, c.locator, c.rules_version
            from org_coding c
            join org_dimension d using (dimension_id)
            order by c.round, c.municipality_code, d.ordinal, c.coder""",
        title_en="Independent codings: every coder's value per round, municipality and dimension",
        title_nl="Onafhankelijke coderingen: de waarde van elke codeur per ronde, gemeente en dimensie",
        fields=(
            _F(
                "round",
                "Coding round: 1 = decision rules version 1; 2 = after the rules were sharpened",
                "Coderingsronde: 1 = beslisregels versie 1; 2 = na het aanscherpen van de regels",
            ),
            _MUNI_REF,
            _F(
                "dimension",
                "Dimension of the organisational model (see org_values)",
                "Dimensie van het organisatiemodel (zie org_values)",
            ),
            _F(
                "coder",
                "a or b: two coders who worked independently from the rules and the sketch alone",
                "a of b: twee codeurs die los van elkaar werkten, alleen met de regels en de schets",
            ),
            _F(
                "value",
                "The value this coder gave (see org_values); the final code is in org_choices",
                "De waarde die deze codeur gaf (zie org_values); de definitieve code staat in org_choices",
            ),
            _F(
                "justification",
                "The coder's reason (English, own words)",
                "De reden van de codeur (Engels, eigen woorden)",
            ),
            _F(
                "locator",
                "Where in the KPMG report the coder found the evidence",
                "Waar in het KPMG-rapport de codeur het bewijs vond",
            ),
            _F(
                "rules_version",
                "Version of the decision rules the coder used",
                "Versie van de beslisregels die de codeur gebruikte",
            ),
        ),
        primary_key=("round", "municipality_code", "dimension", "coder"),
        foreign_keys=(MUNICIPALITY, fk(("dimension", "value"), "org_values", ("dimension_id", "value_id"))),
    ),
    ExportTable(
        name="coding_reliability",
        sql="""
            select r.round, coalesce(r.dimension_id, 'all_dimensions') as dimension, r.n_units, r.n_coders,
                   r.pct_agreement, r.alpha, r.is_last_round, r.tentative, r.below_target
            from coding_reliability r
            left join org_dimension d using (dimension_id)
            order by r.round, d.ordinal nulls last""",
        title_en="Agreement between the two coders per round and dimension (Krippendorff's alpha)",
        title_nl="Overeenstemming tussen de twee codeurs per ronde en dimensie (Krippendorffs alfa)",
        fields=(
            _F("round", "Coding round (see org_codings_independent)", "Coderingsronde (zie org_codings_independent)"),
            _F(
                "dimension",
                "Dimension; all_dimensions = all together (disagreements summed per dimension)",
                "Dimensie; all_dimensions = alle samen (onenigheid per dimensie opgeteld)",
            ),
            _F(
                "n_units",
                "Municipalities coded by both coders",
                "Gemeenten die beide codeurs codeerden",
                unit="municipalities",
            ),
            _F("n_coders", "Number of coders in the round", "Aantal codeurs in de ronde", unit="coders"),
            _F(
                "pct_agreement",
                "Share of municipalities both coders coded alike",
                "Deel van de gemeenten dat beide codeurs hetzelfde codeerden",
                unit="percent (0-100)",
            ),
            _F(
                "alpha",
                "Krippendorff's alpha, nominal: 1 = perfect agreement, 0 = chance level; empty = undefined "
                "(every value the same)",
                "Krippendorffs alfa, nominaal: 1 = volledig eens, 0 = toevalsniveau; "
                "leeg = niet te berekenen (alle waarden gelijk)",
            ),
            _F(
                "is_last_round",
                "True for the round whose codes decide 'agreed' versus 'adjudicated'",
                "Waar voor de ronde die bepaalt of een code 'agreed' of 'adjudicated' is",
            ),
            _F(
                "tentative",
                "The dimension's last-round alpha is below 0.667 (same on every round's row)",
                "De alfa van de dimensie in de laatste ronde is lager dan 0,667 (gelijk op elke rij)",
            ),
            _F(
                "below_target",
                "This row's alpha is below 0.80, or undefined",
                "De alfa van deze rij is lager dan 0,80, of niet te berekenen",
            ),
        ),
        primary_key=("round", "dimension"),
    ),
    ExportTable(
        name="org_values",
        sql="""
            select v.dimension_id, d.label_nl as dimension_label_nl, d.label_en as dimension_label_en,
                   v.value_id, v.label_nl, v.label_en, v.definition_nl, v.definition_en
            from org_value v
            join org_dimension d using (dimension_id)
            order by d.ordinal, v.ordinal""",
        title_en="Codebook of the organisational model",
        title_nl="Codeboek van het organisatiemodel",
        fields=(
            _F("dimension_id", "Dimension of the organisational model", "Dimensie van het organisatiemodel"),
            _F("dimension_label_nl", "Dimension label (Dutch)", "Naam van de dimensie (Nederlands)"),
            _F("dimension_label_en", "Dimension label (English)", "Naam van de dimensie (Engels)"),
            _F("value_id", "Allowed value", "Toegestane waarde"),
            _F("label_nl", "Value label (Dutch)", "Naam van de waarde (Nederlands)"),
            _F("label_en", "Value label (English)", "Naam van de waarde (Engels)"),
            _F("definition_nl", "What the value means (Dutch)", "Wat de waarde betekent (Nederlands)"),
            _F("definition_en", "What the value means (English)", "Wat de waarde betekent (Engels)"),
        ),
        primary_key=("dimension_id", "value_id"),
    ),
    ExportTable(
        name="practices",
        sql="""
            select practice_id, municipality_code, basic_function_id, title_nl, summary_nl, title_en, summary_en,
                   locator
            from practice
            order by municipality_code, ordinal""",
        title_en="Practice examples per basic function",
        title_nl="Praktijkvoorbeelden per basisfunctie",
        fields=(
            _F("practice_id", "Row id (see practice_figures)", "Rijnummer (zie practice_figures)"),
            _MUNI_REF,
            _F(
                "basic_function_id",
                "Basic function the example is listed under (see basic_functions)",
                "Basisfunctie waaronder het voorbeeld staat (zie basic_functions)",
            ),
            _F("title_nl", "Title (Dutch, own words)", "Titel (Nederlands, eigen woorden)"),
            _F("summary_nl", "Summary (Dutch, own words)", "Samenvatting (Nederlands, eigen woorden)"),
            _F("title_en", "Title (English, own words)", "Titel (Engels, eigen woorden)"),
            _F("summary_en", "Summary (English, own words)", "Samenvatting (Engels, eigen woorden)"),
            _LOCATOR,
        ),
        primary_key=("practice_id",),
        foreign_keys=(MUNICIPALITY, fk("basic_function_id", "basic_functions")),
    ),
    ExportTable(
        name="practice_figures",
        sql="""
            select practice_id, ordinal, label_nl, label_en, value, unit, qualifier
            from practice_figure
            order by practice_id, ordinal""",
        title_en="Figures named in the practice examples",
        title_nl="Cijfers uit de praktijkvoorbeelden",
        fields=(
            _F("practice_id", "Practice example (see practices)", "Praktijkvoorbeeld (zie practices)"),
            _F("ordinal", "Order within the example", "Volgorde binnen het voorbeeld"),
            _F("label_nl", "What is counted (Dutch)", "Wat er geteld is (Nederlands)"),
            _F("label_en", "What is counted (English)", "Wat er geteld is (Engels)"),
            _F(
                "value",
                "The figure, in the unit of the row",
                "Het cijfer, in de eenheid van de rij",
                unit="see column unit",
            ),
            _F("unit", "Unit of value (e.g. count, percent)", "Eenheid van value (bv. count, percent)"),
            _F(
                "qualifier",
                "exact | approx | more_than | less_than",
                "exact | approx (ca.) | more_than (meer dan) | less_than (minder dan)",
            ),
        ),
        primary_key=("practice_id", "ordinal"),
        foreign_keys=(fk("practice_id", "practices"),),
    ),
    ExportTable(
        name="basic_functions",
        sql="""
            select basic_function_id, name_nl, name_en, description_nl, description_en
            from basic_function
            order by ordinal""",
        title_en="The five basic functions",
        title_nl="De vijf basisfuncties",
        fields=(
            _F("basic_function_id", "Id of the basic function", "Id van de basisfunctie"),
            _F("name_nl", "Name (Dutch)", "Naam (Nederlands)"),
            _F("name_en", "Name (English)", "Naam (Engels)"),
            _F("description_nl", "Description (Dutch, own words)", "Beschrijving (Nederlands, eigen woorden)"),
            _F("description_en", "Description (English, own words)", "Beschrijving (Engels, eigen woorden)"),
        ),
        primary_key=("basic_function_id",),
    ),
    ExportTable(
        name="sources",
        sql="""
            select source_id, producer, title, subtitle, year, date_published, publisher, kind, licence, cited_in
            from source
            order by source_id""",
        title_en="Sources of the figures",
        title_nl="Bronnen van de cijfers",
        fields=(
            _F("source_id", "Source id used in the other tables", "Id van de bron in de andere tabellen"),
            _F("producer", "Who produced the source", "Maker van de bron"),
            _F("title", "Title", "Titel"),
            _F("subtitle", "Subtitle (empty when none)", "Ondertitel (leeg als er geen is)"),
            _F("year", "Year of the source; empty when unknown", "Jaar van de bron; leeg als onbekend", unit="year"),
            _F("date_published", "Publication date (ISO 8601) when known", "Publicatiedatum (ISO 8601) als bekend"),
            _F("publisher", "Publisher", "Uitgever"),
            _F(
                "kind",
                "report | website | statistics | policy document | project note",
                "report (rapport) | website | statistics (statistiek) | policy document (beleidsstuk) | "
                "project note (projectnotitie)",
            ),
            _F("licence", "Licence or rights statement when known", "Licentie of rechtenvermelding als bekend"),
            _F("cited_in", "Where the KPMG report cites the source", "Waar het KPMG-rapport de bron noemt"),
        ),
        primary_key=("source_id",),
    ),
)
