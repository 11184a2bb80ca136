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
