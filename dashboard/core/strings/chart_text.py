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
    "src_title_project_coordinates": (
        "Benaderde middelpunten van de gemeenten, samengesteld voor de kaart (niet uit het rapport)",
        "Approximate municipal centroids compiled for the map (not from the report)",
    ),
    "a11y_statement_title": ("Toegankelijkheid", "Accessibility"),
    "a11y_statement_body": (
        (
            "Het dashboard is gebouwd voor WCAG 2.1 niveau AA. Dit is wat bij elke wijziging automatisch getest "
            "wordt, in een echte browser (Chromium):\n\n"
            "- **axe-core 4.12.1** met alle regels voor WCAG 2.0 en 2.1 op niveau A en AA (de labels wcag2a, "
            "wcag2aa, wcag21a en wcag21aa) op elke pagina van het menu en de belangrijkste toestanden: kaart met "
            "tabel en met kaartjes, een profiel, een vergelijking, alle vijf contrasten, vergelijkbare gemeenten "
            "met een referentie, presentatie, SQL-console en deze pagina. Dat gebeurt in het Nederlands en het "
            "Engels, op drie formaten: telefoon (390×844), laptop (1280×800) en projector (1920×1080). De uitkomst "
            "moet nul overtredingen zijn.\n"
            "- **Telefoon:** geen pagina schuift zijwaarts; tabellen breken hun tekst af en grafieken volgen de "
            "breedte van het scherm. Van elke pagina wordt op elk formaat een schermafdruk gemaakt om na te "
            "kijken.\n"
            "- **Toetsenbord:** met Tab komt u langs de knoppen, velden en tabbladen, en wat de focus heeft krijgt "
            "een duidelijke rand.\n"
            "- **Taal:** de pagina meldt de gekozen taal aan de browser (lang). Een test zoekt op elke pagina naar "
            "woorden uit de andere taal, ook in de eigen teksten van Streamlit (het uploadvak, hints, "
            "foutmeldingen, labels voor schermlezers). Na het wisselen van taal tonen alle keuzelijsten hun waarde "
            "direct in de nieuwe taal.\n"
            "- **Geen derden:** elk verzoek van de browser gaat naar de server van het dashboard zelf; er komen "
            "geen lettertypen, scripts of pictogrammen van andere servers.\n\n"
            "**Grafieken:** elke grafiek heeft een titel en een zin die zegt wat ze laat zien, berekend uit dezelfde "
            "rijen; 'Toon als tabel' geeft dezelfde getallen als tabel, 'Download data' als CSV. Een waarde staat "
            "aan het eind van de eigen balk; twee onbekende waarden heten nooit gelijk ('?'). Namen op de kaart "
            "overlappen niet; een naam zonder vrije plek staat onder de kaart. Op een breed en hoog scherm (zoals een "
            "projector) wordt de hele kaart groter getekend, met stippen, namen en legenda; op een liggend scherm "
            "bepaalt de hoogte hoe groot de kaart kan worden.\n\n"
            "**Bekende beperkingen:** de stippen en balken zelf zijn niet met het toetsenbord te bereiken (de zin en "
            "de tabel geven dezelfde informatie). Op een telefoon schuiven de organisatiematrix en de tabellen met "
            "veel kolommen (zoals de gemeententabel) binnen hun eigen vak zijwaarts; het vak van de matrix is met "
            "Tab te bereiken. Bronnen hebben de titel waaronder ze zijn verschenen, ook in het Engels. Automatische "
            "tests vinden niet alles: met een schermlezer is het dashboard nog niet stap voor stap doorlopen.\n\n"
            "**Een probleem melden:** loopt u ergens vast? Meld het als issue bij het project lokale-teams, of bij "
            "wie dit dashboard voor u beschikbaar stelt. Zet erbij: de link uit de adresbalk (daarin staan de "
            "pagina, de filters en de taal), wat u deed en wat er gebeurde, en welke browser en welk hulpmiddel u "
            "gebruikt (bijvoorbeeld een schermlezer, vergroting of spraakbesturing)."
        ),
        (
            "The dashboard is built for WCAG 2.1 level AA. This is what is tested automatically on every change, in "
            "a real browser (Chromium):\n\n"
            "- **axe-core 4.12.1** with every rule for WCAG 2.0 and 2.1 at level A and AA (the tags wcag2a, "
            "wcag2aa, wcag21a and wcag21aa) on every page of the menu and its main states: the map with the table "
            "and with cards, a profile, a comparison, all five contrasts, peers with a reference, presentation, "
            "the SQL console and this page. This runs in Dutch and in English, at three sizes: phone (390×844), "
            "laptop (1280×800) and projector (1920×1080). The result must be zero violations.\n"
            "- **Phone:** no page scrolls sideways; tables wrap their text and charts follow the width of the "
            "screen. Every page is captured at every size for review.\n"
            "- **Keyboard:** Tab takes you through the buttons, fields and tabs, and whatever has the focus shows a "
            "clear outline.\n"
            "- **Language:** the page tells the browser which language it is in (lang). A test searches every page "
            "for words of the other language, including Streamlit's own texts (the upload box, hints, error "
            "messages, labels for screen readers). After a language switch every choice shows its value in the new "
            "language at once.\n"
            "- **No third parties:** every request the browser makes goes to the dashboard's own server; no fonts, "
            "scripts or icons come from elsewhere.\n\n"
            "**Charts:** every chart has a title and a sentence saying what it shows, computed from the same rows; "
            "'Show as table' gives the same numbers as a table, 'Download data' as CSV. A value sits at the end of "
            "its own bar; two unknown values are never called equal ('?'). Names on the map do not overlap; a name "
            "without a free spot is listed under the map. On a wide, tall screen (such as a projector) the whole map is "
            "drawn larger, dots, names and legends alike; on a landscape screen its height sets how large the map "
            "can be.\n\n"
            "**Known limits:** the dots and bars themselves cannot be reached with the keyboard (the sentence and the "
            "table give the same information). On a phone the organisation matrix and tables with many columns "
            "(such as the municipality table) scroll sideways inside their own box; the matrix box can be reached "
            "with Tab. Sources keep the title they were published under, also in English. Automated tests do not "
            "find everything: the dashboard has not yet been walked through step by step with a screen reader.\n\n"
            "**Reporting a problem:** stuck somewhere? Report it as an issue to the lokale-teams project, or to "
            "whoever makes this dashboard available to you. Please include the link from the address bar (it holds "
            "the page, the filters and the language), what you did and what happened, and which browser and which "
            "assistive technology you use (for example a screen reader, magnification or voice control)."
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
