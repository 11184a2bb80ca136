"""Chart text alternatives: summaries and table headers (dashboard.core.chart_text). key -> (Dutch, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    "ctext_show_table": ("Toon als tabel", "Show as table"),
    "ctext_summary_label": ("Wat de grafiek laat zien", "What the chart shows"),
    "ctext_empty": ("De grafiek bevat geen waarden.", "The chart holds no values."),
    "ctext_map": (
        "Kaart van Nederland met {n} gemeenten, gekleurd naar de gekozen kenmerkwaarde: {groups}.",
        "Map of the Netherlands with {n} municipalities, coloured by the chosen value: {groups}.",
    ),
    "ctext_indicator_rows": (
        "{n} waarden van {k} kenmerken uit {places}; per kenmerk is de balk de waarde en het streepje de landelijke referentie.",
        "{n} values of {k} indicators from {places}; per indicator the bar is the value and the tick the national reference.",
    ),
    "ctext_heatmap": (
        "{m} gemeenten lichten samen {f} basisfuncties uit met in totaal {n} praktijkvoorbeelden.",
        "{m} municipalities highlight {f} basic functions with {n} practice examples in total.",
    ),
    "ctext_org_matrix": (
        "Organisatiemodel van {m} gemeenten op {d} kenmerken.",
        "Organisational model of {m} municipalities on {d} dimensions.",
    ),
    "ctext_scatter": (
        "{n} gemeenten; horizontaal van {x_low} tot {x_high}, verticaal van {y_low} tot {y_high}.",
        "{n} municipalities; horizontally from {x_low} to {x_high}, vertically from {y_low} to {y_high}.",
    ),
    "ctext_groups": (
        "{n} gemeenten in {g} groepen; laagste waarde {low}, hoogste {high}.",
        "{n} municipalities in {g} groups; lowest value {low}, highest {high}.",
    ),
    "ctext_deviation": (
        "{above} gemeenten boven, {below} onder en {equal} gelijk aan de landelijke referentie; grootste verschil: {name} ({difference}).",
        "{above} municipalities above, {below} below and {equal} equal to the national reference; largest difference: {name} ({difference}).",
    ),
    "ctext_peers": (
        "{n} vergelijkbare gemeenten; het meest vergelijkbaar is {name} ({score}).",
        "{n} peer municipalities; the most similar is {name} ({score}).",
    ),
    "ctext_one_municipality": ("{m} gemeente", "{m} municipality"),
    "ctext_municipalities": ("{m} gemeenten", "{m} municipalities"),
    "chart_map_unlabelled": (
        "Zonder naam op de kaart (geen vrije plek naast de stip; naam in de tooltip en de tabel): {names}",
        "Not named on the map (no free spot beside the dot; name in the tooltip and the table): {names}",
    ),
    "src_locator_dutch_report": ("{locator}", "{locator} (in the Dutch report)"),
    "a11y_statement_title": ("Toegankelijkheid", "Accessibility"),
    "a11y_statement_body": (
        (
            "Het dashboard is gebouwd voor WCAG 2.1 niveau AA. **Wat getest wordt:** axe-core (regels wcag2a, "
            "wcag2aa, wcag21a en wcag21aa) in een echte browser op elke pagina en de belangrijkste toestanden "
            "(kaart, tabel en kaartjes, profiel, vergelijken, alle vijf contrasten, praktijkvoorbeelden, "
            "vergelijkbare gemeenten, presentatie, SQL-console, deze pagina), in het Nederlands en het Engels. "
            "Elke pagina is bekeken op een telefoon (390×844), een laptop (1280×800) en een projector (1920×1080).\n\n"
            "**Grafieken:** elke grafiek heeft een titel en een zin die zegt wat ze laat zien, berekend uit dezelfde "
            "rijen; 'Toon als tabel' geeft dezelfde getallen als tabel, 'Download data' als CSV. Een waarde staat "
            "aan het eind van de eigen balk; twee onbekende waarden heten nooit gelijk ('?'). Namen op de kaart "
            "overlappen niet; een naam zonder vrije plek staat onder de kaart.\n\n"
            "**Taal:** de interface is helemaal Nederlands of helemaal Engels; een test toont elke pagina in beide "
            "talen en zoekt naar tekst van de andere taal. Vindplaatsen verwijzen naar het Nederlandstalige rapport; "
            "in het Engels zijn de vaste woorden vertaald en staat dat erbij. Titels van bronnen blijven zoals ze "
            "zijn gepubliceerd.\n\n"
            "**Bekende beperkingen:** de stippen en balken zelf zijn niet met het toetsenbord te bereiken (de zin en "
            "de tabel geven dezelfde informatie); op een telefoon kan een brede grafiek of de organisatiematrix binnen "
            "het eigen vak zijwaarts schuiven; enkele teksten van Streamlit zelf (zoals in het uploadvak) zijn niet "
            "te vertalen."
        ),
        (
            "The dashboard is built for WCAG 2.1 level AA. **What is tested:** axe-core (rules wcag2a, wcag2aa, "
            "wcag21a and wcag21aa) in a real browser on every page and its main states (map, table and cards, "
            "profile, compare, all five contrasts, practice examples, peers, presentation, SQL console, this page), "
            "in Dutch and in English. Every page has been looked at on a phone (390×844), a laptop (1280×800) and a "
            "projector (1920×1080).\n\n"
            "**Charts:** every chart has a title and a sentence saying what it shows, computed from the same rows; "
            "'Show as table' gives the same numbers as a table, 'Download data' as CSV. A value sits at the end of "
            "its own bar; two unknown values are never called equal ('?'). Names on the map do not overlap; a name "
            "without a free spot is listed under the map.\n\n"
            "**Language:** the interface is entirely Dutch or entirely English; a test shows every page in both "
            "languages and looks for text of the other one. Locators point into the Dutch-language report; in "
            "English their fixed words are translated and that is said. Source titles stay as published.\n\n"
            "**Known limits:** the dots and bars themselves cannot be reached with the keyboard (the sentence and the "
            "table give the same information); on a phone a wide chart or the organisation matrix may scroll "
            "sideways inside its own box; a few of Streamlit's own texts (such as in the upload box) cannot be "
            "translated."
        ),
    ),
    "ctext_col_municipality": ("Gemeente", "Municipality"),
    "ctext_col_province": ("Provincie", "Province"),
    "ctext_col_population": ("Inwoners", "Population"),
    "ctext_col_colour": ("Kleur (kenmerkwaarde)", "Colour (value)"),
    "ctext_col_teams": ("Teams", "Teams"),
    "ctext_col_indicator": ("Kenmerk", "Indicator"),
    "ctext_col_bar": ("Balk", "Bar"),
    "ctext_col_value": ("Waarde", "Value"),
    "ctext_col_reference": ("Landelijke referentie", "National reference"),
    "ctext_col_source": ("Bron", "Source"),
    "ctext_col_locator": ("Vindplaats", "Locator"),
    "ctext_col_function": ("Basisfunctie", "Basic function"),
    "ctext_col_practices": ("Praktijkvoorbeelden", "Practice examples"),
    "ctext_col_x": ("Horizontaal", "Horizontal"),
    "ctext_col_y": ("Verticaal", "Vertical"),
    "ctext_col_group": ("Groep", "Group"),
    "ctext_col_difference": ("Verschil met referentie", "Difference from reference"),
}
