"""Interface strings (core): key -> (Dutch, English). Dutch is the default language."""

STRINGS: dict[str, tuple[str, str]] = {
    # navigation
    "core_page_overview": ("Overzicht", "Overview"),
    "core_page_profile": ("Gemeenteprofiel", "Municipality profile"),
    "core_page_compare": ("Vergelijken", "Compare"),
    "core_page_contrasts": ("Contrasten", "Contrasts"),
    "core_page_practices": ("Praktijkvoorbeelden", "Practice examples"),
    "core_page_peers": ("Vergelijkbare gemeenten", "Peers"),
    "core_page_presentation": ("Presentatie", "Presentation"),
    "core_page_sql": ("SQL-console", "SQL console"),
    "core_page_about": ("Over de data", "About the data"),
    # sidebar
    "core_language": ("Taal", "Language"),
    "core_filters": ("Filters", "Filters"),
    "core_any": ("Alle", "All"),
    "core_filter_function": ("Uitgelichte basisfunctie", "Highlighted basic function"),
    "core_filter_function_help": (
        "Gemeenten waarvan de schets in bijlage 2 deze basisfunctie met praktijkvoorbeelden uitlicht. Bij meer keuzes: een van de gekozen functies.",
        "Municipalities whose sketch in appendix 2 highlights this basic function with practice examples. With several choices: any of them.",
    ),
    "core_filter_size": ("Inwoners", "Population"),
    "core_filter_size_help": (
        "Grootteklasse op basis van het inwonertal in de schets: < 50.000, 50.000–100.000, 100.000–250.000, ≥ 250.000.",
        "Size class from the population the sketch reports: < 50,000, 50,000–100,000, 100,000–250,000, ≥ 250,000.",
    ),
    "core_filter_province": ("Provincie", "Province"),
    "core_filter_org": ("Organisatiemodel", "Organisational model"),
    "core_n_of_total": ("{n} van {total} gemeenten", "{n} of {total} municipalities"),
    "core_reset": ("Filters wissen", "Reset filters"),
    "core_data_version": ("Dataversie {version}, gebouwd {built}", "Data version {version}, built {built}"),
    "core_selection": ("Selectie", "Selection"),
    "core_no_filters": ("geen filters", "no filters"),
    # messages
    "core_empty_title": ("Geen gemeenten voldoen aan deze filters.", "No municipality matches these filters."),
    "core_empty_body": (
        "Elke filter sluit gemeenten uit; samen laten ze er geen over. Binnen één filter is één van de gekozen waarden genoeg, tussen filters moeten alle kloppen. Haal een filter weg in de zijbalk of begin opnieuw:",
        "Every filter excludes municipalities; together they leave none. Within one filter any chosen value is enough, across filters all must hold. Remove a filter in the sidebar or start again:",
    ),
    "core_params_ignored": (
        "Deze onderdelen van de link zijn genegeerd omdat ze niet (meer) bestaan of niet passen: {params}",
        "These parts of the link were ignored because they do not (or no longer) exist or do not fit: {params}",
    ),
    "core_unexpected": (
        "Deze pagina kon niet worden getoond. Probeer het opnieuw of kies een andere pagina; de fout is gelogd.",
        "This page could not be shown. Try again or choose another page; the error has been logged.",
    ),
    "core_building": ("De gegevens worden klaargezet…", "Preparing the data…"),
    "core_data_invalid": (
        "De gegevens in data/ bevatten {n} fout(en); er is nog geen database om te tonen.",
        "The files in data/ contain {n} problem(s); there is no database to show yet.",
    ),
    "core_data_invalid_old": (
        "De gegevens in data/ bevatten {n} fout(en); het dashboard toont de laatste geldige versie.",
        "The files in data/ contain {n} problem(s); the dashboard shows the last valid version.",
    ),
    "core_data_invalid_hint": (
        "Herstel de genoemde bestanden en velden (zie data/README.md) en laad de pagina opnieuw, of draai `python -m etl build`.",
        "Fix the files and fields named above (see data/README.md) and reload the page, or run `python -m etl build`.",
    ),
    "core_data_readonly": (
        "Er is nog geen database en de server mag in de datamap niet schrijven. Vraag de beheerder om `python -m etl build` te draaien.",
        "There is no database yet and the server may not write to the data folder. Ask the operator to run `python -m etl build`.",
    ),
    "core_data_readonly_old": (
        "De gegevens zijn gewijzigd, maar de server mag in de datamap niet schrijven; het dashboard toont de laatst gebouwde versie.",
        "The data changed, but the server may not write to the data folder; the dashboard shows the last version that was built.",
    ),
    "core_wh_missing": ("De database is niet gevonden.", "The database was not found."),
    "core_wh_unreadable": ("De database kon niet worden gelezen.", "The database could not be read."),
    "core_wh_hint": (
        "Bouw hem opnieuw met `python -m etl build` en laad de pagina opnieuw.",
        "Rebuild it with `python -m etl build` and reload the page.",
    ),
    # shared words
    "core_municipality": ("Gemeente", "Municipality"),
    "core_choose_municipality": ("Kies een gemeente", "Choose a municipality"),
    "core_choose_municipalities": ("Kies gemeenten", "Choose municipalities"),
    "core_indicator": ("Kenmerk", "Indicator"),
    "core_colour_by": ("Kleur naar", "Colour by"),
    "core_split_by": ("Uitsplitsen naar", "Split by"),
    "core_yes": ("ja", "yes"),
    "core_no_comparable": ("nee, per gemeente andere periode", "no, other period per municipality"),
    "core_approx": ("ca.", "approx."),
    "core_not_highlighted": ("Niet uitgelicht in de schets.", "Not highlighted in the sketch."),
    "core_residents": ("Kenmerken van inwoners", "Resident characteristics"),
    "core_no_indicators": ("De schets geeft geen cijfers over inwoners.", "The sketch gives no figures on residents."),
    "core_org_model": ("Organisatiemodel (gecodeerd)", "Organisational model (coded)"),
    "core_practices": ("Praktijkvoorbeelden per basisfunctie", "Practice examples by basic function"),
    "core_teams": ("Teams", "Teams"),
    "core_sources": ("Bronnen", "Sources"),
    # table columns
    "core_col_municipality": ("Gemeente", "Municipality"),
    "core_col_province": ("Provincie", "Province"),
    "core_col_population": ("Inwoners", "Population"),
    "core_col_scope": ("Reikwijdte team", "Team scope"),
    "core_col_teams": ("Aantal teams", "Number of teams"),
    "core_col_functions": ("Uitgelichte basisfuncties", "Highlighted basic functions"),
    "core_col_team": ("Team", "Team"),
    "core_col_kind": ("Soort", "Kind"),
    "core_col_count": ("Aantal", "Number"),
    "core_col_target": ("Doelgroep", "Target group"),
    "core_col_operated_by": ("Uitgevoerd door", "Run by"),
    "core_col_direct_access": ("Direct bereikbaar", "Direct access"),
    "core_col_description": ("Beschrijving", "Description"),
    "core_col_locator": ("Vindplaats", "Locator"),
    "core_col_dimension": ("Dimensie", "Dimension"),
    "core_col_value": ("Waarde", "Value"),
    "core_col_justification": ("Toelichting", "Justification"),
    "core_col_differs": ("Verschil", "Differs"),
    "core_col_indicator": ("Kenmerk", "Indicator"),
    "core_col_group": ("Thema (vergelijkbaarheidsgroep)", "Theme (comparability group)"),
    "core_col_unit": ("Eenheid", "Unit"),
    "core_col_definition": ("Definitie", "Definition"),
    "core_col_comparable": ("Vergelijkbaar tussen gemeenten", "Comparable across municipalities"),
    "core_col_n_municipalities": ("Aantal gemeenten", "Municipalities"),
    "core_col_key": ("Gegeven", "Item"),
    # enumerations
    "core_kind_wijkteam": ("wijkteam", "neighbourhood team"),
    "core_kind_toegangsteam": ("toegangsteam", "access team"),
    "core_kind_jeugd_gezinsteam": ("jeugd- en gezinsteam", "youth and family team"),
    "core_kind_loket": ("loket", "counter"),
    "core_kind_front_office": ("frontoffice", "front office"),
    "core_kind_expertiseteam": ("expertiseteam", "expertise team"),
    "core_kind_outreach_team": ("outreachend team", "outreach team"),
    "core_kind_municipal_team": ("gemeentelijk team", "municipal team"),
    "core_kind_overleg": ("overleg of platform", "meeting or platform"),
    "core_kind_other": ("anders", "other"),
    "core_target_all_ages": ("alle leeftijden", "all ages"),
    "core_target_youth_family": ("jeugd en gezin", "youth and family"),
    "core_target_adults": ("volwassenen", "adults"),
    "core_target_not_reported": ("niet gerapporteerd", "not reported"),
    "core_access_yes": ("ja", "yes"),
    "core_access_no": ("nee", "no"),
    "core_access_not_reported": ("niet gerapporteerd", "not reported"),
    "core_unit_percent": ("procent", "percent"),
    "core_unit_euro": ("euro", "euro"),
    "core_unit_count": ("aantal", "count"),
    "core_unit_years": ("jaren", "years"),
    "core_used_population": ("inwonertal", "population"),
    "core_used_coordinates": ("kaartpositie", "map position"),
    "core_used_indicator": ("kenmerken inwoners", "resident characteristics"),
    "core_used_note": ("toelichting", "notes"),
    "core_group_low_education": ("Laag opgeleid", "Low education"),
    "core_group_education_high": ("Hoog opgeleid", "High education"),
    "core_group_income": ("Inkomen", "Income"),
    "core_group_income_distribution": ("Inkomensverdeling", "Income distribution"),
    "core_group_poverty": ("Armoede", "Poverty"),
    "core_group_single_parent": ("Eenoudergezinnen", "Single parents"),
    "core_group_single_parent_growth": ("Groei eenoudergezinnen", "Growth in single parents"),
    "core_group_single_parent_count": ("Aantal eenoudergezinnen", "Number of single parents"),
    "core_group_household_status": ("Burgerlijke staat", "Marital status"),
    "core_group_unemployment": ("Werkloosheid", "Unemployment"),
    "core_group_labour_participation": ("Arbeidsparticipatie", "Labour participation"),
    "core_group_social_assistance": ("Bijstand", "Social assistance"),
    "core_group_health": ("Gezondheid", "Health"),
    "core_group_population_growth": ("Bevolkingsgroei", "Population growth"),
    # overview
    "core_overview_intro": (
        "Zestien gemeenten uit bijlage 2 van het KPMG-rapport (2019): hoe zij hun lokale teams organiseren en welke basisfuncties hun schets uitlicht. Gebruik de filters in de zijbalk; klik op een stip op de kaart, een rij in de tabel of kies een gemeente om het profiel te openen.",
        "Sixteen municipalities from appendix 2 of the KPMG report (2019): how they organise their local teams and which basic functions their sketch highlights. Use the filters in the sidebar; click a dot on the map, a table row, or choose a municipality to open its profile.",
    ),
    "core_map_colour": ("Kleur op de kaart", "Map colour"),
    "core_map_title": ("Gemeenten naar {dimension}", "Municipalities by {dimension}"),
    "core_map_help": (
        "Grootte van de stip = aantal inwoners; grijs = niet gerapporteerd in de schets. De kaart is een vereenvoudigde omtrek van Nederland.",
        "Dot size = population; grey = not reported in the sketch. The map is a simplified outline of the Netherlands.",
    ),
    "core_open_profile": ("Profiel openen", "Open a profile"),
    "core_open_profile_button": ("Open profiel", "Open profile"),
    "core_profile_of": ("Profiel van {name}", "Profile of {name}"),
    "core_find_like": ("Vind gemeenten zoals {name}", "Find municipalities like {name}"),
    "core_find_like_help": (
        "Opent Vergelijkbare gemeenten met deze gemeente als referentie; uw filters blijven staan.",
        "Opens Similar municipalities with this municipality as the reference; your filters stay as they are.",
    ),
    "core_compare_with": ("Vergelijk {name} met…", "Compare {name} with…"),
    "core_compare_with_help": (
        "Opent Vergelijken met deze gemeente al gekozen; kies er daar één tot drie bij.",
        "Opens Compare with this municipality already chosen; add one to three others there.",
    ),
    "core_municipalities_heading": ("{n} van {total} gemeenten", "{n} of {total} municipalities"),
    "core_view": ("Weergave", "View"),
    "core_view_table": ("Tabel", "Table"),
    "core_view_cards": ("Kaarten", "Cards"),
    "core_table_help": (
        "'ca.' en 'meer dan' zoals in de schets; 'ten minste': van een deel van de teams is het aantal niet gerapporteerd. Klik op een rij voor het profiel.",
        "'approx.' and 'more than' as in the sketch; 'at least': the number of some teams is not reported. Click a row for the profile.",
    ),
    # profile
    "core_profile_choose": (
        "Kies hierboven een gemeente, of open een profiel vanuit het overzicht.",
        "Choose a municipality above, or open a profile from the overview.",
    ),
    "core_official_name": ("officieel: {name}", "official name: {name}"),
    "core_appendix": ("schets in bijlage 2{letter}", "sketch in appendix 2{letter}"),
    "core_vision": ("Visie:", "Vision:"),
    "core_transition": ("In verandering:", "In transition:"),
    "core_residents_title": ("Kenmerken van inwoners van {name}", "Resident characteristics of {name}"),
    "core_sources_list": (
        "Bronnen van de cijfers (zoals de schets ze noemt): {sources}",
        "Sources of the figures (as the sketch names them): {sources}",
    ),
    "core_notes": ("Toelichting zonder cijfers", "Notes without figures"),
    "core_team_total": (
        "Teams en loketten samen, voor zover de schets het aantal noemt: {n}",
        "Teams and counters together, as far as the sketch gives their number: {n}",
    ),
    "core_org_model_help": (
        "Onze codering van de schets op elf dimensies (zie Over de data). 'Niet gerapporteerd' betekent: de schets zegt het niet — niet 'nee'.",
        "Our coding of the sketch on eleven dimensions (see About the data). 'Not reported' means: the sketch does not say — not 'no'.",
    ),
    "core_profile_sources_note": (
        "De schetsen noemen hun bronnen; wij hebben die bronnen niet zelf geraadpleegd.",
        "The sketches name their sources; we have not consulted those sources ourselves.",
    ),
    # compare
    "core_compare_intro": (
        "Zet twee tot vier gemeenten naast elkaar. Cijfers staan alleen op één as als ze dezelfde definitie hebben.",
        "Put two to four municipalities side by side. Figures share an axis only when they have the same definition.",
    ),
    "core_compare_choose": ("Gemeenten (2 tot 4)", "Municipalities (2 to 4)"),
    "core_compare_need_two": (
        "Kies ten minste twee gemeenten: voeg er hierboven een of meer toe.",
        "Choose at least two municipalities: add one or more above.",
    ),
    "core_compare_residents_title": (
        "Kenmerken van inwoners, per definitie",
        "Resident characteristics, by definition",
    ),
    "core_compare_org_help": (
        "≠: de gekozen gemeenten verschillen op deze dimensie; =: ze hebben dezelfde waarde; ?: niet te vergelijken, want minstens één waarde is niet gerapporteerd of verborgen.",
        "≠: the chosen municipalities differ on this dimension; =: they have the same value; ?: not comparable, because at least one value is not reported or hidden.",
    ),
    # contrasts
    "core_contrasts_intro": (
        "Patronen over de gefilterde gemeenten. Zestien gemeenten zijn geen steekproef: lees verschillen als beschrijving, niet als effect.",
        "Patterns across the filtered municipalities. Sixteen municipalities are not a sample: read differences as description, not as effects.",
    ),
    "core_contrast_view": ("Weergave", "View"),
    "core_contrast_heatmap": ("Basisfuncties", "Basic functions"),
    "core_contrast_matrix": ("Organisatiemodel", "Organisational model"),
    "core_contrast_scatter": ("Twee kenmerken", "Two indicators"),
    "core_contrast_groups": ("Groepen", "Groups"),
    "core_contrast_deviation": ("Afwijking van landelijk", "Deviation from national"),
    "core_heatmap_title": ("Uitgelichte basisfuncties per gemeente", "Highlighted basic functions per municipality"),
    "core_heatmap_help": (
        "Getal = aantal praktijkvoorbeelden in de schets; 0 = de schets licht deze basisfunctie niet uit (dat zegt niet dat de gemeente er niets aan doet).",
        "Number = practice examples in the sketch; 0 = the sketch does not highlight this basic function (which does not mean the municipality does nothing about it).",
    ),
    "core_matrix_title": ("Organisatiemodel per gemeente", "Organisational model per municipality"),
    "core_matrix_key": (
        "Sleutel: elke kolom heeft eigen kleuren; hieronder per kolom wat ze betekenen (– = niet gerapporteerd)",
        "Key: each column has its own colours; below each column what they mean (– = not reported)",
    ),
    "core_matrix_help": (
        (
            "In elke cel de gecodeerde keuze in het kort; beweeg over een cel voor de volledige waarde, de toelichting "
            "en de vindplaats in het rapport. Gelijke kleur in één kolom = dezelfde keuze."
        ),
        (
            "Each cell holds the coded choice in short; hover over a cell for the full value, the justification and "
            "where it is found in the report. Same colour within a column = the same choice."
        ),
    ),
    # Short words for a coded value inside a matrix cell (at most 12 characters): core_orgshort_<dim>__<value>
    "core_orgshort_team_scope__integral_0_100": ("0-100-team", "0-100 team"),
    "core_orgshort_team_scope__separate_youth_adult": ("Jeugd/volw.", "Youth/adult"),
    "core_orgshort_team_scope__front_door_with_teams": ("Voordeur", "Front door"),
    "core_orgshort_support_provision__provides_support": ("Biedt hulp", "Gives help"),
    "core_orgshort_support_provision__access_only": ("Alleen toeg.", "Access only"),
    "core_orgshort_support_provision__differs_per_domain": ("Per domein", "Per domain"),
    "core_orgshort_resident_access__direct": ("Direct", "Direct"),
    "core_orgshort_resident_access__via_front_door": ("Via voordeur", "Front door"),
    "core_orgshort_resident_access__differs_per_domain": ("Per domein", "Per domain"),
    "core_orgshort_triage__by_team": ("Team", "Team"),
    "core_orgshort_triage__by_front_door": ("Voordeur", "Front door"),
    "core_orgshort_triage__differs_per_domain": ("Per domein", "Per domain"),
    "core_orgshort_employer__municipality": ("Gemeente", "Municipality"),
    "core_orgshort_employer__independent_foundation": ("Stichting", "Foundation"),
    "core_orgshort_employer__cooperative": ("Coöperatie", "Cooperative"),
    "core_orgshort_employer__provider_partnership": ("Aanbieders", "Providers"),
    "core_orgshort_employer__welfare_organisation": ("Welzijn", "Welfare org."),
    "core_orgshort_employer__mixed": ("Gemengd", "Mixed"),
    "core_orgshort_staffing_profile__generalist_t_shaped": ("T-shaped", "T-shaped"),
    "core_orgshort_staffing_profile__specialist": ("Specialisten", "Specialists"),
    "core_orgshort_staffing_profile__mixed": ("Gemengd", "Mixed"),
    "core_orgshort_early_signalling__with_team": ("Bij team", "With team"),
    "core_orgshort_early_signalling__elsewhere": ("Elders", "Elsewhere"),
    "core_orgshort_one_family_one_plan__stated": ("Uitgangspunt", "Stated"),
    "core_orgshort_one_family_one_plan__partly_stated": ("Deels", "Partly"),
    "core_orgshort_regie__team_professional": ("Team", "Team"),
    "core_orgshort_regie__municipality": ("Gemeente", "Municipality"),
    "core_orgshort_regie__family_with_support": ("Gezin", "Family"),
    "core_orgshort_regie__decided_per_case": ("Per casus", "Per case"),
    "core_orgshort_team_funding__subsidy": ("Subsidie", "Subsidy"),
    "core_orgshort_team_funding__contract": ("Contract", "Contract"),
    "core_orgshort_team_funding__in_house": ("Eigen dienst", "In-house"),
    "core_orgshort_care_purchasing__regional": ("Regionaal", "Regional"),
    "core_orgshort_care_purchasing__municipal": ("Gemeentelijk", "Municipal"),
    "core_scatter_x": ("Kenmerk horizontaal", "Indicator, horizontal"),
    "core_scatter_y": ("Kenmerk verticaal", "Indicator, vertical"),
    "core_scatter_help": (
        "Alleen kenmerken met één definitie die voor ten minste drie gemeenten bekend is; per gemeente de waarde voor de hele gemeente, meest recente jaar.",
        "Only indicators with one definition known for at least three municipalities; per municipality the whole-municipality value, most recent year.",
    ),
    "core_scatter_same": ("Kies twee verschillende kenmerken.", "Choose two different indicators."),
    "core_scatter_no_overlap": (
        "Maar {n} gemeente(n) hebben beide kenmerken; te weinig voor een spreidingsdiagram.",
        "Only {n} municipality(ies) have both indicators; too few for a scatter plot.",
    ),
    "core_scatter_too_few": (
        "Te weinig kenmerken met ten minste drie waarden in deze selectie.",
        "Too few indicators with at least three values in this selection.",
    ),
    "core_scatter_title": (
        "Twee kenmerken naast elkaar ({n} gemeenten)",
        "Two indicators compared ({n} municipalities)",
    ),
    "core_groups_title": ("{indicator} naar {dimension}", "{indicator} by {dimension}"),
    "core_groups_help": (
        "Elke stip is een gemeente; n = aantal gemeenten in de groep. Er staan bewust geen gemiddelden: met zo weinig gemeenten zeggen die weinig.",
        "Each dot is a municipality; n = municipalities in the group. There are deliberately no averages: with so few municipalities they say little.",
    ),
    "core_deviation_title": (
        "Verschil met de landelijke referentie: {indicator}",
        "Difference from the national reference: {indicator}",
    ),
    "core_deviation_help": (
        "Waarde min de landelijke referentie die de schets erbij noemt. Gemeenten zonder referentie staan er niet in.",
        "Value minus the national reference the sketch gives with it. Municipalities without a reference are left out.",
    ),
    "core_deviation_none": (
        "Geen kenmerken met een landelijke referentie in deze selectie.",
        "No indicators with a national reference in this selection.",
    ),
    # practices
    "core_practices_intro": (
        "Zoek in titels en samenvattingen (Nederlands en Engels) van de praktijkvoorbeelden; de filters in de zijbalk gelden ook.",
        "Search the titles and summaries (Dutch and English) of the practice examples; the sidebar filters apply too.",
    ),
    "core_search": ("Zoeken", "Search"),
    "core_search_placeholder": ("bijv. huisarts, school, wachtlijst", "e.g. GP, school, waiting list"),
    "core_practices_found": ("{n} voorbeelden uit {m} gemeenten", "{n} examples from {m} municipalities"),
    "core_practices_none": (
        "Geen voorbeelden gevonden. Probeer een ander woord of minder woorden (alle woorden moeten voorkomen).",
        "No examples found. Try another word or fewer words (all words must occur).",
    ),
    "core_practices_none_here": ("Geen voorbeelden bij deze basisfunctie.", "No examples for this basic function."),
    # about
    "core_about_source": ("Bron", "Source"),
    "core_about_source_body": (
        "Alle gegevens komen uit bijlage 2 van **{citation}** Het rapport beschrijft vijf basisfuncties van lokale teams en schetst in bijlage 2 zestien gemeenten: kenmerken van inwoners, de organisatie van de teams en praktijkvoorbeelden per basisfunctie. De cijfers over inwoners zijn de cijfers die de schetsen noemen, met de landelijke referentie die zij erbij geven; de schetsen citeren zelf hun bronnen (CBS, Waarstaatjegemeente.nl, AlleCijfers.nl en lokale monitors).",
        "All data come from appendix 2 of **{citation}** The report describes five basic functions of local teams and sketches sixteen municipalities in appendix 2: resident characteristics, how the teams are organised, and practice examples per basic function. Resident figures are those the sketches give, with the national reference they give next to them; the sketches cite their own sources (CBS, Waarstaatjegemeente.nl, AlleCijfers.nl and local monitors).",
    ),
    "core_about_filters": ("Filters en links", "Filters and links"),
    "core_about_filters_body": (
        "Binnen één filter is één van de gekozen waarden genoeg; tussen filters moeten alle kloppen. Grootteklassen naar het inwonertal in de schets: {sizes}. 'Niet gerapporteerd' is een eigen keuze. Elke weergave staat in de link (URL), zodat u hem kunt delen.",
        "Within one filter any chosen value is enough; across filters all must hold. Size classes by the population in the sketch: {sizes}. 'Not reported' is a choice of its own. Every view is in the link (URL), so you can share it.",
    ),
    "core_about_codebook": ("Codeboek organisatiemodel", "Codebook of the organisational model"),
    "core_about_codebook_help": (
        "Elf dimensies waarop wij elke schets hebben gecodeerd, met de toegestane waarden.",
        "Eleven dimensions on which we coded every sketch, with the allowed values.",
    ),
    "core_about_question": ("Vraag:", "Question:"),
    "core_about_derived": ("Afgeleid van:", "Derived from:"),
    "core_about_indicators": ("Definities van de kenmerken", "Indicator definitions"),
    "core_about_indicators_help": (
        "Eén regel per definitie. Kenmerken in hetzelfde thema met een andere definitie staan nooit op één as.",
        "One row per definition. Indicators in the same theme with a different definition never share an axis.",
    ),
    "core_about_n_definitions": ("{n} definities", "{n} definitions"),
    "core_about_one_definition": ("1 definitie", "1 definition"),
    "core_about_n_munis": ("{n} gemeente(n)", "{n} municipality(ies)"),
    "core_about_limitations": ("Beperkingen", "Limitations"),
    "core_about_limitations_body": (
        (
            "- **Momentopname 2019.** De schetsen beschrijven de situatie rond 2019; veel gemeenten hebben hun teams sindsdien veranderd.\n"
            "- **Interviews en deskresearch.** De schetsen zijn gebaseerd op gesprekken en documenten, niet op een vaste vragenlijst; wat een schets niet noemt, is 'niet gerapporteerd', niet 'afwezig'.\n"
            "- **Geen steekproef.** Zestien gemeenten zijn gekozen om de variatie te laten zien; ze vertegenwoordigen niet alle 355 gemeenten van 2019. Verschillen tussen groepen zijn beschrijvingen, geen effecten.\n"
            "- **Codering is interpretatie.** Het organisatiemodel is onze lezing van de schets, met toelichting en vindplaats per waarde; een andere lezer kan anders coderen. Hoe vaak twee onafhankelijke codeurs het eens waren, staat onder ‘Hoe betrouwbaar is de codering?’.\n"
            "- **Definities verschillen.** Dezelfde term (inkomen, laag opgeleid) heeft in verschillende schetsen een andere bron of noemer; het dashboard houdt ze apart."
        ),
        (
            "- **2019 snapshot.** The sketches describe the situation around 2019; many municipalities have changed their teams since.\n"
            "- **Interviews and desk research.** The sketches are based on conversations and documents, not a fixed questionnaire; what a sketch does not mention is 'not reported', not 'absent'.\n"
            "- **Not a sample.** Sixteen municipalities were chosen to show variety; they do not represent all 355 municipalities of 2019. Differences between groups are descriptions, not effects.\n"
            "- **Coding is interpretation.** The organisational model is our reading of the sketch, with a justification and locator per value; another reader may code differently. How often two independent coders agreed is shown under ‘How reliable is the coding?’.\n"
            "- **Definitions differ.** The same term (income, low education) has another source or denominator in different sketches; the dashboard keeps them apart."
        ),
    ),
    "core_about_cite": ("Zo verwijst u", "How to cite"),
    "core_about_cite_body": (
        "Verwijs naar het dashboard én naar het rapport waar de gegevens uit komen:",
        "Cite the dashboard and the report the data come from:",
    ),
    "core_about_cite_dashboard": (
        "Dashboard lokale-teams (dataversie {version}, gebouwd {built}). Interactieve weergave van bijlage 2 van KPMG (2019), Basisfuncties voor lokale teams in kaart.",
        "Dashboard lokale-teams (data version {version}, built {built}). Interactive view of appendix 2 of KPMG (2019), Basisfuncties voor lokale teams in kaart.",
    ),
    "core_about_version": ("Versie van de gegevens", "Data version"),
    "core_meta_data_version": ("Dataversie", "Data version"),
    "core_meta_build_time": ("Gebouwd (UTC)", "Built (UTC)"),
    "core_meta_data_checksum": ("Controlegetal (sha256 van data/)", "Checksum (sha256 of data/)"),
    "core_meta_schema_version": ("Schemaversie", "Schema version"),
    "core_about_totals": ("Deze database bevat {n} gemeenten.", "This database holds {n} municipalities."),
}
