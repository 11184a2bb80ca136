-- Warehouse schema for lokale-teams: every table, constraint and view in one file.
-- Tables are normalised and keyed; views (v_*) are what the dashboard reads.
-- Loaded by etl/build.py into a fresh database file; order matters for foreign keys.

create table meta (
    key varchar primary key,
    value varchar not null
);

create table source (
    source_id varchar primary key,
    producer varchar not null,
    title varchar not null,
    subtitle varchar,                     -- kept apart from title; a citation joins them with ': '
    year integer,
    date_published varchar,
    publisher varchar,
    kind varchar not null,
    licence varchar,
    cited_in varchar
);

create table basic_function (
    basic_function_id varchar primary key check (basic_function_id in (
        'veilige_leefomgeving', 'tijdig_signaleren', 'vindbare_toegankelijke_hulp', 'brede_blik', 'leren_verbeteren')),
    ordinal integer not null unique,
    name_nl varchar not null,
    name_en varchar not null,
    description_nl varchar not null,
    description_en varchar not null,
    locator varchar not null
);

create table routekaart_step (
    step integer primary key check (step between 0 and 10),
    basic_function_id varchar not null references basic_function (basic_function_id),
    summary_nl varchar not null,
    summary_en varchar not null,
    locator varchar not null
);

create table insight (
    insight_id varchar primary key,
    ordinal integer not null unique,
    summary_nl varchar not null,
    summary_en varchar not null,
    locator varchar not null
);

create table dilemma (
    dilemma_id varchar primary key,
    basic_function_id varchar references basic_function (basic_function_id),
    question_nl varchar not null,
    question_en varchar not null,
    summary_nl varchar not null,
    summary_en varchar not null,
    locator varchar not null
);

create table municipality (
    municipality_code varchar primary key check (regexp_full_match(municipality_code, 'GM[0-9]{4}')),
    slug varchar not null unique,
    name varchar not null,
    official_name varchar not null,
    province varchar not null,
    appendix_letter varchar not null unique,
    latitude double not null check (latitude between 50.7 and 53.6),
    longitude double not null check (longitude between 3.3 and 7.3),
    coordinates_source varchar not null references source (source_id),
    population integer not null check (population > 0),
    population_qualifier varchar not null check (population_qualifier in ('exact', 'approx', 'more_than', 'less_than', 'range')),
    population_year integer,
    population_source varchar not null references source (source_id),
    population_locator varchar not null,
    vision_nl varchar not null,
    vision_en varchar not null,
    vision_locator varchar not null,
    transition_nl varchar,
    transition_en varchar,
    transition_locator varchar
);

create table indicator (
    indicator_id varchar primary key,
    label_nl varchar not null,
    label_en varchar not null,
    unit varchar not null check (unit in ('percent', 'euro', 'count', 'years')),
    comparability_group varchar not null,
    definition varchar not null,          -- English definition
    definition_nl varchar not null,
    comparable_across_municipalities boolean not null default true
);

create table indicator_value (
    indicator_value_id integer primary key,
    municipality_code varchar not null references municipality (municipality_code),
    indicator_id varchar not null references indicator (indicator_id),
    value double not null,
    value_upper double,                   -- only for qualifier 'range'
    qualifier varchar not null check (qualifier in ('exact', 'approx', 'more_than', 'less_than', 'range')),
    national_reference double,            -- null: the sketch gives no national reference
    year integer,                         -- null: no year stated
    period varchar,
    area varchar,                         -- null: whole municipality
    source_id varchar not null references source (source_id),
    locator varchar not null,
    note_nl varchar,
    note_en varchar,
    check ((qualifier = 'range') = (value_upper is not null))
);

create table qualitative_note (
    note_id integer primary key,
    municipality_code varchar not null references municipality (municipality_code),
    topic varchar not null,
    text_nl varchar not null,
    text_en varchar not null,
    source_id varchar not null references source (source_id),
    locator varchar not null
);

create table team (
    team_id integer primary key,
    municipality_code varchar not null references municipality (municipality_code),
    ordinal integer not null,
    team_name varchar not null,
    team_kind varchar not null,
    team_count integer check (team_count >= 1),
    count_qualifier varchar not null check (count_qualifier in ('exact', 'approx', 'more_than', 'not_reported')),
    target_group varchar not null check (target_group in ('all_ages', 'youth_family', 'adults', 'not_reported')),
    operated_by varchar not null,
    direct_access varchar not null check (direct_access in ('yes', 'no', 'not_reported')),
    description_nl varchar not null,
    description_en varchar not null,
    locator varchar not null,
    check ((team_count is null) = (count_qualifier = 'not_reported'))
);

create table org_dimension (
    dimension_id varchar primary key,
    ordinal integer not null unique,
    label_nl varchar not null,
    label_en varchar not null,
    question_nl varchar not null,
    question_en varchar not null,
    derived_from varchar not null
);

create table org_value (
    dimension_id varchar not null references org_dimension (dimension_id),
    value_id varchar not null,
    ordinal integer not null,
    label_nl varchar not null,
    label_en varchar not null,
    definition_nl varchar not null,
    definition_en varchar not null,
    primary key (dimension_id, value_id)
);

create table org_choice (
    municipality_code varchar not null references municipality (municipality_code),
    dimension_id varchar not null references org_dimension (dimension_id),
    value_id varchar not null,
    justification_nl varchar not null,
    justification_en varchar not null,
    locator varchar not null,
    -- Double coding (data/coding/): agreed = both last-round coders gave this value; adjudicated = decided
    -- in data/coding/adjudication.yaml with a reason. All four are null while the data set has no double coding.
    agreement varchar check (agreement in ('agreed', 'adjudicated', 'single_coded')),
    adjudication_reason_nl varchar,
    adjudication_reason_en varchar,
    rule_change boolean,                  -- the disagreement came from an unclear rule that was sharpened
    primary key (municipality_code, dimension_id),
    foreign key (dimension_id, value_id) references org_value (dimension_id, value_id),
    check ((agreement = 'adjudicated') = (adjudication_reason_en is not null and adjudication_reason_nl is not null))
);

-- Decision rules per dimension (data/reference/org_model.yaml, English only).
create table org_decision_rule (
    dimension_id varchar primary key references org_dimension (dimension_id),
    about varchar not null,
    not_about varchar not null,
    half_evidence varchar not null,
    per_domain varchar not null,
    contradictions varchar not null
);

create table org_rule_evidence (
    dimension_id varchar not null references org_dimension (dimension_id),
    value_id varchar not null,
    evidence varchar not null,
    primary key (dimension_id, value_id),
    foreign key (dimension_id, value_id) references org_value (dimension_id, value_id)
);

create table org_rule_example (
    dimension_id varchar not null references org_dimension (dimension_id),
    ordinal integer not null,
    municipality_code varchar not null references municipality (municipality_code),
    value_id varchar not null,
    reasoning varchar not null,
    locator varchar not null,
    primary key (dimension_id, ordinal),
    foreign key (dimension_id, value_id) references org_value (dimension_id, value_id)
);

create table org_rule_change (
    dimension_id varchar not null references org_dimension (dimension_id),
    ordinal integer not null,
    change_text varchar not null,
    primary key (dimension_id, ordinal)
);

-- Independent codings (data/coding/round<R>/coder_<a|b>.yaml): one row per round, municipality, dimension, coder.
create table org_coding (
    round integer not null check (round >= 1),
    rules_version integer not null check (rules_version >= 1),
    municipality_code varchar not null references municipality (municipality_code),
    dimension_id varchar not null references org_dimension (dimension_id),
    coder varchar not null check (coder in ('a', 'b')),
    value_id varchar not null,
    justification varchar not null,
    locator varchar not null,
    primary key (round, municipality_code, dimension_id, coder),
    foreign key (dimension_id, value_id) references org_value (dimension_id, value_id)
);

-- Agreement per round and dimension (dimension_id null: all dimensions together), computed by etl/reliability.py.
create table coding_reliability (
    round integer not null,
    dimension_id varchar references org_dimension (dimension_id),
    n_units integer not null,             -- units coded by both coders (municipalities)
    n_coders integer not null,
    pct_agreement double check (pct_agreement between 0 and 100),
    alpha double,                         -- Krippendorff's alpha, nominal; null = undefined (no variation)
    is_last_round boolean not null,
    tentative boolean not null,           -- the dimension's LAST-round alpha < 0.667 (same on every round's row)
    below_target boolean not null,        -- this row's alpha < 0.80 or undefined
    unique (round, dimension_id)
);

create table practice (
    practice_id integer primary key,
    municipality_code varchar not null references municipality (municipality_code),
    basic_function_id varchar not null references basic_function (basic_function_id),
    ordinal integer not null,
    title_nl varchar not null,
    summary_nl varchar not null,
    title_en varchar not null,
    summary_en varchar not null,
    locator varchar not null
);

create table practice_figure (
    practice_id integer not null references practice (practice_id),
    ordinal integer not null,
    label_nl varchar not null,
    label_en varchar not null,
    value double not null,
    unit varchar not null,
    qualifier varchar not null,
    primary key (practice_id, ordinal)
);

-- Views the dashboard reads -------------------------------------------------------------------

-- One row per (municipality, basic function) that the appendix highlights with practice examples.
create view v_highlight as
select municipality_code, basic_function_id, count(*) as n_practices
from practice
group by municipality_code, basic_function_id;

-- Key facts per municipality for the overview table, map and filters.
create view v_municipality_overview as
with team_totals as (
    select
        municipality_code,
        count(*) as n_team_types,
        sum(team_count) as team_count_reported,
        bool_or(count_qualifier = 'more_than') as team_count_is_lower_bound,
        bool_or(count_qualifier = 'not_reported') as team_count_incomplete
    from team
    -- a meeting or platform of partners is listed with the teams but is not a team or counter
    where team_kind <> 'overleg'
    group by municipality_code
),
highlights as (
    select
        municipality_code,
        list(h.basic_function_id order by bf.ordinal) as highlighted_functions,
        sum(n_practices) as n_practices
    from v_highlight h
    join basic_function bf using (basic_function_id)
    group by municipality_code
)
select
    m.municipality_code,
    m.slug,
    m.name,
    m.official_name,
    m.province,
    m.appendix_letter,
    m.population,
    m.population_qualifier,
    m.latitude,
    m.longitude,
    scope.value_id as team_scope,
    coalesce(t.n_team_types, 0) as n_team_types,
    t.team_count_reported,
    coalesce(t.team_count_is_lower_bound, false) as team_count_is_lower_bound,
    coalesce(t.team_count_incomplete, false) as team_count_incomplete,
    coalesce(h.highlighted_functions, []::varchar[]) as highlighted_functions,
    coalesce(h.n_practices, 0) as n_practices,
    m.transition_nl is not null as in_transition
from municipality m
left join org_choice scope
    on scope.municipality_code = m.municipality_code and scope.dimension_id = 'team_scope'
left join team_totals t on t.municipality_code = m.municipality_code
left join highlights h on h.municipality_code = m.municipality_code;

-- Indicator values with their definition, municipality and source, ready to chart.
create view v_indicator_values as
select
    v.indicator_value_id,
    v.municipality_code,
    m.name as municipality_name,
    m.population,
    v.indicator_id,
    i.label_nl,
    i.label_en,
    i.unit,
    i.comparability_group,
    i.comparable_across_municipalities,
    v.value,
    v.value_upper,
    v.qualifier,
    v.national_reference,
    v.value - v.national_reference as deviation_from_reference,
    v.year,
    v.period,
    v.area,
    v.source_id,
    s.title as source_title,
    s.producer as source_producer,
    v.locator,
    v.note_nl,
    v.note_en
from indicator_value v
join indicator i using (indicator_id)
join municipality m using (municipality_code)
join source s on s.source_id = v.source_id;

-- The coded organisational model, with labels, one row per municipality and dimension.
create view v_org_matrix as
select
    c.municipality_code,
    m.name as municipality_name,
    c.dimension_id,
    d.ordinal as dimension_ordinal,
    d.label_nl as dimension_label_nl,
    d.label_en as dimension_label_en,
    c.value_id,
    ov.ordinal as value_ordinal,
    ov.label_nl as value_label_nl,
    ov.label_en as value_label_en,
    c.justification_nl,
    c.justification_en,
    c.locator,
    c.agreement,
    c.adjudication_reason_nl,
    c.adjudication_reason_en,
    c.rule_change,
    coalesce(r.tentative, false) as dimension_tentative
from org_choice c
join municipality m using (municipality_code)
join org_dimension d using (dimension_id)
join org_value ov on ov.dimension_id = c.dimension_id and ov.value_id = c.value_id
left join coding_reliability r on r.dimension_id = c.dimension_id and r.is_last_round;

-- Reliability per dimension (and overall, dimension_id null, last): first round next to the last round.
create view v_reliability_summary as
select
    l.dimension_id,
    coalesce(d.ordinal, 1000000) as dimension_ordinal,
    d.label_nl as dimension_label_nl,
    d.label_en as dimension_label_en,
    f.round as first_round,
    f.n_units as first_n_units,
    f.pct_agreement as first_pct_agreement,
    f.alpha as first_alpha,
    l.round as last_round,
    l.n_units as last_n_units,
    l.pct_agreement as last_pct_agreement,
    l.alpha as last_alpha,
    l.tentative,
    l.below_target
from coding_reliability l
join coding_reliability f on f.round = 1 and f.dimension_id is not distinct from l.dimension_id
left join org_dimension d on d.dimension_id = l.dimension_id
where l.is_last_round;

-- Practice examples with municipality and basic-function names.
create view v_practices as
select
    p.practice_id,
    p.municipality_code,
    m.name as municipality_name,
    m.appendix_letter,
    p.basic_function_id,
    bf.ordinal as basic_function_ordinal,
    bf.name_nl as basic_function_nl,
    bf.name_en as basic_function_en,
    p.ordinal,
    p.title_nl,
    p.summary_nl,
    p.title_en,
    p.summary_en,
    p.locator
from practice p
join municipality m using (municipality_code)
join basic_function bf using (basic_function_id);
