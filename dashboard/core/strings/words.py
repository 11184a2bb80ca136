"""Words inside the charts (axis titles, legends, tooltips, notes, source line), in numbers and in the filter summary."""

STRINGS = {
    "chart_source_base": (
        "Bron: KPMG (2019), Basisfuncties voor lokale teams in kaart, bijlage 2",
        "Source: KPMG (2019), Basisfuncties voor lokale teams in kaart, appendix 2",
    ),
    "chart_indicator_sources": ("cijfers in de schetsen uit", "figures in the sketches from"),
    "chart_filters": ("Selectie", "Selection"),
    "chart_reference": ("landelijke referentie", "national reference"),
    "chart_no_reference": ("geen landelijke referentie in de schets", "no national reference in the sketch"),
    "chart_value": ("Waarde", "Value"),
    "chart_indicator": ("Indicator", "Indicator"),
    "chart_municipality": ("Gemeente", "Municipality"),
    "chart_population": ("Inwoners", "Population"),
    "chart_province": ("Provincie", "Province"),
    "chart_year": ("Jaar", "Year"),
    "chart_area": ("Gebied", "Area"),
    "chart_whole": ("hele gemeente", "whole municipality"),
    "chart_source": ("Bron", "Source"),
    "chart_locator": ("Vindplaats", "Locator"),
    "chart_qualifier_note": ("ca./meer dan zoals in de schets", "approx./more than as in the sketch"),
    "chart_n_practices": ("Praktijkvoorbeelden", "Practice examples"),
    "chart_basic_function": ("Basisfunctie", "Basic function"),
    "chart_dimension": ("Dimensie", "Dimension"),
    "chart_coded_value": ("Gecodeerde waarde", "Coded value"),
    "chart_coding": ("Codering", "Coding"),
    "chart_justification": ("Toelichting", "Justification"),
    "chart_deviation": ("Verschil met referentie", "Difference from reference"),
    "chart_points": ("procentpunt", "percentage points"),
    "chart_group": ("Groep", "Group"),
    "chart_not_highlighted": ("niet uitgelicht", "not highlighted"),
    "chart_ref_tick": (
        "zwart streepje = landelijke referentie zoals de schets die noemt; zonder streepje: geen referentie",
        "black tick = national reference as given in the sketch; no tick: no reference",
    ),
    "chart_own_axis": (
        "elke rij heeft een eigen as: vergelijk alleen binnen één rij (één definitie)",
        "each row has its own axis: compare only within one row (one definition)",
    ),
    "chart_ref_rule": ("stippellijn = landelijke referentie", "dotted line = national reference"),
    "chart_ref_differs": (
        "geen referentielijn: de schetsen noemen verschillende landelijke referenties",
        "no reference line: the sketches give different national references",
    ),
    "chart_ref_none": (
        "geen referentielijn: geen landelijke referentie in de schetsen",
        "no reference line: the sketches give no national reference",
    ),
    "chart_each_point": ("elke stip is een gemeente", "each dot is a municipality"),
    "chart_team_scope": ("Reikwijdte", "Team scope"),
    "chart_teams": ("Aantal teams", "Number of teams"),
    "chart_functions": ("Uitgelichte basisfuncties", "Highlighted basic functions"),
    "chart_range_bar": (
        "lichte balk = bereik zoals in de schets: de waarde ligt ergens tussen onder- en bovengrens",
        "light bar = range as given in the sketch: the value lies somewhere between the bounds",
    ),
    "chart_range_excluded": (
        "niet getoond, want de schets geeft een bereik en geen enkele waarde",
        "not shown, because the sketch gives a range rather than a single value",
    ),
    "chart_note": ("Noot", "Note"),
    "chart_note_definitions": (
        (
            "{name}: {n} verschillende definities ({labels}). Ze meten iets anders (andere bron, noemer of landelijke "
            "referentie), daarom heeft elke definitie een eigen as."
        ),
        (
            "{name}: {n} different definitions ({labels}). They measure something different (another source, "
            "population or national reference), so each has its own axis."
        ),
    ),
    "chart_note_periods": (
        "{indicator}: de waarden gaan per gemeente over een andere periode; elke gemeente heeft een eigen as.",
        "{indicator}: the values cover different periods per municipality; each municipality has its own axis.",
    ),
    "chart_below_reference": ("onder de referentie", "below the reference"),
    "chart_above_reference": ("boven de referentie", "above the reference"),
    "chart_equal_reference": ("gelijk aan de referentie", "equal to the reference"),
    "chart_unit_years": ("jaar", "years"),
    "chart_reference_per_municipality": (
        "referentie per gemeente zoals in de schets",
        "reference per municipality as given in its sketch",
    ),
    # --- number words (dashboard/core/formatting.py, peer_input.py, views/sql_console.py) ---
    "num_percentage_points": (" %-punt", " pp"),
    "num_at_least": ("ten minste", "at least"),
    "num_euro_prefix": ("€ ", "€"),
    "num_group_decimal": (".,", ",."),
    "num_not_reported": ("niet gerapporteerd", "not reported"),
    "num_qualifier_approx": ("ca.", "approx."),
    "num_qualifier_more_than": ("meer dan", "more than"),
    "num_qualifier_less_than": ("minder dan", "less than"),
    "num_unit_count": ("aantal", "number"),
    "num_list_and": (" en ", " and "),
    "num_figure_fte": ("fte", "FTE"),
    "num_figure_days": ("dagen", "days"),
    "num_figure_weeks": ("weken", "weeks"),
    "num_figure_months": ("maanden", "months"),
    "num_figure_years": ("jaar", "years"),
    # --- filters in words (dashboard/core/filters.py) ---
    "filter_size_lt_50k": ("< 50.000", "< 50,000"),
    "filter_size_50k_100k": ("50.000–100.000", "50,000–100,000"),
    "filter_size_100k_250k": ("100.000–250.000", "100,000–250,000"),
    "filter_size_ge_250k": ("≥ 250.000", "≥ 250,000"),
    "filter_text_bf": ("Basisfunctie", "Basic function"),
    "filter_text_size": ("Inwoners", "Population"),
    "filter_text_prov": ("Provincie", "Province"),
    "filter_text_or": (" of ", " or "),
    "filter_text_agreed": ("alleen codes waarover beide codeurs het eens waren", "only codes both coders agreed on"),
}
