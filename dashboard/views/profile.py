"""Gemeenteprofiel: one municipality — residents against national references, teams, the coded
organisational model with justification and locator, practice examples per basic function, sources."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from dashboard.core import charts, confidence
from dashboard.core.formatting import NOT_REPORTED, fmt_figure, fmt_population, fmt_team_count
from dashboard.core.i18n import column, lang_code, t
from dashboard.core.safe_text import md_escape
from dashboard.runtime import db, state
from dashboard.ui import common, journeys
from dashboard.ui.chart_panel import prepare, render_chart


def team_card_texts(teams: pd.DataFrame, lang: str) -> list[tuple[str, str, str]]:
    """Per team: (facts line, description, locator) in markdown (pure of Streamlit)."""
    desc = column("description", lang)
    nr = NOT_REPORTED[lang]
    out = []
    for team in teams.itertuples():
        count = (
            fmt_team_count(team.team_count, lower_bound=(team.count_qualifier == "more_than"), lang=lang)
            if team.count_qualifier != "approx" or pd.isna(team.team_count)
            else f"{t('core_approx', lang)} {int(team.team_count)}"
        )
        facts = [
            t(f"core_kind_{team.team_kind}", lang),
            f"{t('core_col_count', lang)}: {count}",
            f"{t('core_col_target', lang)}: {t(f'core_target_{team.target_group}', lang)}",
            (
                f"{t('core_col_operated_by', lang)}: "
                f"{nr if team.operated_by == 'not_reported' else md_escape(team.operated_by)}"
            ),
            f"{t('core_col_direct_access', lang)}: {t(f'core_access_{team.direct_access}', lang)}",
        ]
        out.append(
            (
                f"**{md_escape(team.team_name)}**  \n:grey[{' · '.join(facts)}]",
                md_escape(getattr(team, desc)),
                md_escape(common.locator(team.locator, lang)),
            )
        )
    return out


def _team_cards(cards: list[tuple[str, str, str]]) -> None:
    """One bordered card per team: facts on one line, the description, the locator. Cards wrap on any
    screen width, where a nine-column table would hide descriptions behind a horizontal scroll."""
    for i, (facts, description, locator) in enumerate(cards):
        with st.container(border=True, key=f"pr_team_{i}"):
            st.markdown(facts)
            st.markdown(description)
            st.caption(locator)


def _org_table(org: pd.DataFrame, lang: str, agreed_only: bool = False) -> pd.DataFrame:
    """Dimension, value, justification (the locator in brackets) and, with double coding, whether both coders
    agreed or the value was adjudicated (with the reason). A code hidden by the sidebar switch says so."""
    sfx = lang_code(lang)
    org = confidence.with_confidence(org, lang, agreed_only)
    tentative = org["dimension_tentative"] if "dimension_tentative" in org.columns else [False] * len(org)
    table = pd.DataFrame(
        {
            t("core_col_dimension", lang): [
                confidence.dimension_title(label, bool(tent), lang)
                for label, tent in zip(org[f"dimension_label_{sfx}"], tentative, strict=True)
            ],
            t("core_col_value", lang): org[f"value_label_{sfx}"].where(~org["hidden"], t("rel_hidden_value", lang)),
            t("core_col_justification", lang): (
                org[f"justification_{sfx}"] + " (" + org["locator"].map(lambda x: common.locator(x, lang)) + ")"
            ).where(~org["hidden"], ""),
        }
    )
    if confidence.has_status(org):
        table[t("rel_col_coding", lang)] = list(org["status"])
    return table


def practice_texts(practices: pd.DataFrame, figures: pd.DataFrame, lab: common.Labels, lang: str) -> list:
    """[(function heading, [practice markdown])] (pure of Streamlit)."""
    sfx = lang_code(lang)
    out = []
    for fid in lab.function_ids():
        part = practices[practices["basic_function_id"] == fid]
        texts = []
        for rec in part.itertuples():
            figs = figures[figures["practice_id"] == rec.practice_id]
            fig_text = ""
            if not figs.empty:
                fig_text = "  \n" + " · ".join(
                    f"{md_escape(getattr(f, f'label_{sfx}'))}: "
                    f"{md_escape(fmt_figure(f.value, f.unit, f.qualifier, lang))}"
                    for f in figs.itertuples()
                )
            texts.append(
                f"**{md_escape(getattr(rec, f'title_{sfx}'))}**  \n"
                f"{md_escape(getattr(rec, f'summary_{sfx}'))}{fig_text}  \n"
                f":grey[{md_escape(common.locator(rec.locator, lang))}]"
            )
        out.append((f"##### {md_escape(lab.function(fid))}", texts))
    return out


def practices_by_function(sections: list, lang: str) -> None:
    for heading, texts in sections:
        st.markdown(heading)
        if not texts:
            st.caption(t("core_not_highlighted", lang))
        else:  # one block of paragraphs: a rerun draws one element per function, not one per example
            st.markdown("\n\n".join(texts))


def residents(code: str, slug: str, name: str, lang: str):
    """(Prepared chart, rows, sources caption) or None when there are no figures: once per build."""

    def build():
        values = db.query("indicator_values")
        values = common.in_language(values[values["municipality_code"] == code], lang)
        if values.empty:
            return None
        rows = charts.prepare_indicator_rows(values, lang, label_by="context")
        source = common.chart_source(lang, values["source_producer"].tolist())
        chart = charts.indicator_rows_chart(
            rows,
            title=t("core_residents_title", lang, name=name),
            subtitle=charts.subtitle_lines(None, source, width=95),
            lang=lang,
        )
        sources = t("core_sources_list", lang, sources=md_escape("; ".join(sorted(set(values["source_title"])))))
        return prepare(chart, data=rows, lang=lang, family="indicator_rows"), rows, sources

    return db.per_build(("profile_residents", code, slug, lang), build, large=True)


def page_texts(code: str, lang: str, agreed_only: bool):
    """Notes, team cards, org table, practices and sources of one municipality: once per build."""

    def build():
        sfx = lang_code(lang)
        lab = common.labels(lang)
        notes = [
            f"- {md_escape(getattr(n, f'text_{sfx}'))} "
            f":grey[({md_escape(common.source_title(n.source_title, lang))}; "
            f"{md_escape(common.locator(n.locator, lang))})]"
            for n in db.query("notes", code).itertuples()
        ]
        org = db.query("org_matrix")
        sources = []
        for s in db.query("municipality_sources", code).itertuples():
            uses = ", ".join(t(f"core_used_{u}", lang) for u in s.used_for)
            year = f" ({int(s.year)})" if pd.notna(s.year) else ""
            sources.append(f"- {md_escape(s.producer)}{year}. *{md_escape(s.title)}*. :grey[{uses}]")
        overview = db.query("overview")
        return {
            "head": header_texts(overview[overview["municipality_code"] == code].iloc[0], code, lang),
            "notes": notes,
            "cards": team_card_texts(db.query("teams", code), lang),
            "has_status": confidence.has_status(org),
            "org": common.arrow_table(_org_table(org[org["municipality_code"] == code], lang, agreed_only)),
            "practices": practice_texts(db.query("practices", [code]), db.query("practice_figures", [code]), lab, lang),
            "sources": sources,
        }

    return db.per_build(("profile_texts", code, lang, agreed_only), build, large=True)


def header_texts(row: pd.Series, code: str, lang: str) -> dict:
    """Name, facts line, vision, transition and team total of one municipality (markdown; pure of drawing)."""
    muni = db.query("municipality", code).iloc[0]
    sfx = lang_code(lang)
    facts = [
        f"{t('core_col_province', lang)}: {md_escape(row['province'])}",
        f"{t('core_col_population', lang)}: {fmt_population(row['population'], row['population_qualifier'], lang)}"
        + (f" ({int(muni['population_year'])})" if pd.notna(muni["population_year"]) else ""),
        t("core_appendix", lang, letter=row["appendix_letter"]),
    ]
    if muni["official_name"] != row["name"]:
        facts.insert(0, t("core_official_name", lang, name=md_escape(muni["official_name"])))
    transition = None
    if pd.notna(muni["transition_nl"]):
        transition = (
            f"**{t('core_transition', lang)}** {md_escape(muni[f'transition_{sfx}'])}  \n"
            f":grey[{md_escape(common.locator(muni['transition_locator'], lang))}]"
        )
    return {
        "name": str(row["name"]),
        "heading": md_escape(row["name"]),
        "facts": " · ".join(facts),
        "vision": (
            f"**{t('core_vision', lang)}** {md_escape(muni[f'vision_{sfx}'])}  \n"
            f":grey[{md_escape(common.locator(muni['vision_locator'], lang))}]"
        ),
        "transition": transition,
        "team_total": t(
            "core_team_total",
            lang,
            n=fmt_team_count(
                row["team_count_reported"],
                lower_bound=bool(row["team_count_is_lower_bound"]),
                incomplete=bool(row["team_count_incomplete"]),
                lang=lang,
            ),
        ),
    }


def _header(head: dict, slug: str, lang: str) -> None:
    """Name, facts, the journeys to peers and compare, the vision and the transition."""
    st.header(head["heading"])
    st.caption(head["facts"])
    name = head["name"]
    with st.container(horizontal=True, gap="medium", key="pr_journeys"):
        journeys.to_peers(slug, t("core_find_like", lang, name=name), help=t("core_find_like_help", lang))
        journeys.to_compare([slug], t("core_compare_with", lang, name=name), help=t("core_compare_with_help", lang))
    st.markdown(head["vision"])
    if head["transition"]:
        st.info(head["transition"], icon=":material/autorenew:")


def render() -> None:
    lang = state.current_lang()
    overview = db.query("overview")
    lookup = common.slug_lookup(overview)
    codes = state.filtered_codes()

    state.bind("pr_gm", "gm", default=None, parse=lambda raw: lookup[raw], valid=lambda v: v is None or v in lookup)
    if st.session_state.get("pr_gm") is None and state.recall("last_gm") in lookup:
        st.session_state["pr_gm"] = state.recall("last_gm")
    current = st.session_state.get("pr_gm")
    slugs, names = common.municipality_options(overview, codes)
    if current and current not in slugs:  # a municipality outside the filters stays choosable once chosen
        _all_slugs, all_names = common.municipality_options(overview)
        slugs = sorted([*slugs, current], key=lambda s: all_names[s].casefold())
        names = {**names, current: all_names[current]}

    st.title(t("core_page_profile", lang))
    if not slugs:
        common.empty_state(lang, key="pr_empty_reset")
        state.sync("pr_gm", "gm", default=None)
        return
    st.selectbox(
        t("core_municipality", lang),
        slugs,
        format_func=names.get,
        key="pr_gm",
        index=None,
        placeholder=t("core_choose_municipality", lang),
    )
    state.sync("pr_gm", "gm", default=None)
    slug = st.session_state.get("pr_gm")
    if not slug:
        st.info(t("core_profile_choose", lang), icon=":material/location_city:")
        return
    state.remember("last_gm", slug)
    code = common.code_of(slug)
    agreed_only = state.current_filters().agreed_only
    texts = page_texts(code, lang, agreed_only)
    head = texts["head"]
    _header(head, slug, lang)

    # residents against national references
    st.subheader(t("core_residents", lang))
    drawn = residents(code, slug, head["name"], lang)
    if drawn is None:
        st.caption(t("core_no_indicators", lang))
    else:
        prep, rows, sources = drawn
        render_chart(
            prep, slug=f"profiel_{slug}_kenmerken", data=rows, lang=lang, key="pr_ind", family="indicator_rows"
        )
        st.caption(sources)
    if texts["notes"]:
        st.markdown(f"**{t('core_notes', lang)}**")
        for note in texts["notes"]:
            st.markdown(note)

    st.subheader(t("core_teams", lang))
    st.caption(head["team_total"])
    _team_cards(texts["cards"])

    st.subheader(t("core_org_model", lang))
    st.caption(t("core_org_model_help", lang))
    if texts["has_status"]:
        st.caption(t("rel_profile_help", lang))
    if agreed_only:
        st.caption(t("rel_switch_on", lang))
    st.table(texts["org"], hide_index=True, border="horizontal")

    st.subheader(t("core_practices", lang))
    practices_by_function(texts["practices"], lang)

    st.subheader(t("core_sources", lang))
    for source in texts["sources"]:
        st.markdown(source)
    st.caption(t("core_profile_sources_note", lang))


render()
