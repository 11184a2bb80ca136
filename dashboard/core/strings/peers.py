"""Interface strings (peers): key -> (Dutch, English). Dutch is the default language."""

STRINGS: dict[str, tuple[str, str]] = {
    # --- criteria in sentences (dashboard/core/similarity.py) ---
    "peers_crit_size": ("inwonertal", "population"),
    "peers_size_same": (
        "inwonertal vrijwel gelijk ({peer} tegen {ref})",
        "population about the same ({peer} vs {ref})",
    ),
    "peers_size_smaller": (
        "inwonertal {pct}% kleiner ({peer} tegen {ref})",
        "population {pct}% smaller ({peer} vs {ref})",
    ),
    "peers_size_larger": (
        "inwonertal {pct}% groter ({peer} tegen {ref})",
        "population {pct}% larger ({peer} vs {ref})",
    ),
    "peers_size_times": (
        "inwonertal {times} keer zo groot ({peer} tegen {ref})",
        "population {times} times as large ({peer} vs {ref})",
    ),
    "peers_ind_used": ("{label}: {peer} tegen {ref}", "{label}: {peer} vs {ref}"),
    "peers_org_same": ("zelfde {label} ({value})", "same {label} ({value})"),
    "peers_org_different": (
        "{label} verschilt: {value} (referentie: {ref})",
        "{label} differs: {value} (reference: {ref})",
    ),
    "peers_why_peer_missing": ("{label} onbekend bij {peer}", "{label} unknown for {peer}"),
    "peers_why_peer_not_reported": ("{label} niet gerapporteerd bij {peer}", "{label} not reported for {peer}"),
    "peers_why_other_definition": (
        "{label} niet vergelijkbaar ({peer} meet {other})",
        "{label} not comparable ({peer} reports {other})",
    ),
    "peers_why_bound": ("{label}: bij {peer} alleen een onder- of bovengrens", "{label}: only a bound for {peer}"),
    "peers_why_range": ("{label}: bij {peer} alleen een bereik", "{label}: only a range for {peer}"),
    "peers_why_district": ("{label}: bij {peer} alleen voor een wijk", "{label}: only for one district of {peer}"),
    "peers_sum_org": ("{same} van {n} organisatiekeuzes gelijk", "{same} of {n} organisational choices the same"),
    "peers_sum_skipped1": ("1 criterium weggelaten: {example}", "1 criterion left out: {example}"),
    "peers_sum_skipped": ("{n} criteria weggelaten, o.a. {example}", "{n} criteria left out, e.g. {example}"),
    "peers_left_out": (" — weggelaten", " — left out"),
    "peers_why_peer_excluded": (
        "{label} bij {peer} is door arbitrage bepaald en staat uit (schakelaar in de zijbalk)",
        "{label} for {peer} was adjudicated and is switched off (sidebar switch)",
    ),
    "peers_gap_ref_excluded": (
        "{label}: bij de referentie door arbitrage bepaald en uitgeschakeld (zijbalk)",
        "{label}: adjudicated for the reference and switched off (sidebar)",
    ),
    "peers_org_adjudicated": (" (door arbitrage bepaald: telt half)", " (adjudicated: counts half)"),
    "peers_agreed_only_note": (
        (
            "De schakelaar ‘alleen codes waarover beide codeurs het eens waren’ staat aan: organisatiekeuzes die door "
            "arbitrage zijn bepaald, tellen niet mee en ontbreken in de tabel hieronder."
        ),
        (
            "The switch ‘only codes both coders agreed on’ is on: organisational choices that were adjudicated do not "
            "count and are missing from the table below."
        ),
    ),
    "peers_dont_know": ("weet ik niet / niet gerapporteerd", "don't know / not reported"),
    "peers_diff1": (
        "1 van de {n} vergelijkbare gemeenten ({names}) kiest bij ‘{dim}’ voor ‘{value}’; {ref}",
        "1 of the {n} similar municipalities ({names}) chose ‘{value}’ for ‘{dim}’; {ref}",
    ),
    "peers_diff": (
        "{count} van de {n} vergelijkbare gemeenten ({names}) kiezen bij ‘{dim}’ voor ‘{value}’; {ref}",
        "{count} of the {n} similar municipalities ({names}) chose ‘{value}’ for ‘{dim}’; {ref}",
    ),
    # The reference's own choice at the end of a difference sentence: "jij" only for your own municipality.
    "peers_diff_own": ("u: ‘{value}’", "you: ‘{value}’"),
    "peers_diff_own_unknown": ("u: onbekend", "you: don't know"),
    "peers_diff_named": ("{name}: ‘{value}’", "{name}: ‘{value}’"),
    "peers_diff_named_unknown": ("{name}: niet gerapporteerd", "{name}: not reported"),
    # Reference-level gaps: the same for every pair, said once.
    "peers_gap_ref_missing": ("{label}: geen waarde bij de referentie", "{label}: no value for the reference"),
    "peers_gap_ref_not_reported": (
        "{label}: niet gerapporteerd (weet ik niet) bij de referentie",
        "{label}: not reported (don't know) for the reference",
    ),
    "peers_gap_too_few_values": (
        "{label}: te weinig gemeenten met een waarde om te standaardiseren",
        "{label}: too few municipalities with a value to standardise",
    ),
    "peers_gap_bound": (
        "{label}: bij de referentie alleen een onder- of bovengrens",
        "{label}: only a bound for the reference",
    ),
    "peers_gap_range": ("{label}: bij de referentie alleen een bereik", "{label}: only a range for the reference"),
    "peers_gap_district": (
        "{label}: bij de referentie alleen voor een wijk",
        "{label}: only for a district of the reference",
    ),
    # Short nouns for the org-model dimensions, for sentences ("zelfde teamreikwijdte").
    "peers_dim_team_scope": ("teamreikwijdte", "team scope"),
    "peers_dim_support_provision": ("rol in het bieden van hulp", "role in providing support"),
    "peers_dim_resident_access": ("bereikbaarheid voor inwoners", "access for residents"),
    "peers_dim_triage": ("plek van de triage", "place of triage"),
    "peers_dim_employer": ("werkgever van het team", "team employer"),
    "peers_dim_staffing_profile": ("generalistisch of specialistisch profiel", "generalist or specialist staffing"),
    "peers_dim_early_signalling": ("plek van vroegsignalering", "place of early signalling"),
    "peers_dim_one_family_one_plan": ("uitgangspunt één gezin, één plan", "one family, one plan principle"),
    "peers_dim_regie": ("regievoering", "case coordination"),
    "peers_dim_team_funding": ("bekostiging van het team", "team funding"),
    "peers_dim_care_purchasing": ("inkoop van zorg", "purchasing of care"),
    # Themes (comparability groups), for "inkomensdefinitie niet vergelijkbaar".
    "peers_group_income": ("inkomensdefinitie", "income definition"),
    "peers_group_low_education": ("definitie laagopgeleiden", "low-education definition"),
    "peers_group_single_parent": ("definitie eenoudergezinnen", "single-parent definition"),
    "peers_group_social_assistance": ("definitie bijstand", "social-assistance definition"),
    "peers_group_unemployment": ("definitie werkloosheid", "unemployment definition"),
    # --- validation messages (dashboard/core/peer_input.py, peer_checks.py) ---
    "peers_err_too_large": (
        "{file}: het bestand is {size} MB; de grens is 1 MB. Een gemeentebestand is een paar kB.",
        "{file}: the file is {size} MB; the limit is 1 MB. A municipality file is a few kB.",
    ),
    "peers_err_empty": ("{file}: het bestand is leeg.", "{file}: the file is empty."),
    "peers_err_encoding": (
        "{file}: geen UTF-8-tekst (byte {pos}). Sla het bestand op als UTF-8 (in Excel: 'CSV UTF-8').",
        "{file}: not UTF-8 text (byte {pos}). Save the file as UTF-8 (in Excel: 'CSV UTF-8').",
    ),
    "peers_err_file_type": (
        "{file}: alleen .yaml, .yml of .csv wordt gelezen.",
        "{file}: only .yaml, .yml or .csv files are read.",
    ),
    "peers_err_unreadable": (
        "Het bestand kon niet worden gelezen ({kind}). Begin met een sjabloon van deze pagina.",
        "The file could not be read ({kind}). Start from a template on this page.",
    ),
    "peers_err_yaml": (
        "{file}: regel:kolom {where}: geen geldige YAML ({reason}).",
        "{file}: line:column {where}: not valid YAML ({reason}).",
    ),
    "peers_err_yaml_shape": (
        "{file}: verwacht bovenaan municipality:, indicators:, organisation:, ... zoals in het sjabloon.",
        "{file}: expected municipality:, indicators:, organisation:, ... at the top, as in the template.",
    ),
    "peers_err_yaml_alias": (
        "{file}: regel:kolom {where}: ankers en verwijzingen (& en *) worden niet gelezen; schrijf elke waarde uit.",
        "{file}: line:column {where}: anchors and aliases (& and *) are not read; write every value out.",
    ),
    "peers_err_yaml_tag": (
        "{file}: regel:kolom {where}: YAML-tags (!…) worden niet gelezen; laat ze weg zoals in het sjabloon.",
        "{file}: line:column {where}: YAML tags (!…) are not read; leave them out, as in the template.",
    ),
    "peers_err_yaml_depth": (
        "{file}: regel:kolom {where}: meer dan {max} niveaus diep genest; een gemeentebestand heeft er vier.",
        "{file}: line:column {where}: nested more than {max} levels deep; a municipality file has four.",
    ),
    "peers_err_yaml_nodes": (
        "{file}: meer dan {max} waarden; een gemeentebestand heeft er hooguit een paar duizend.",
        "{file}: more than {max} values; a municipality file has a few thousand at most.",
    ),
    "peers_err_csv_columns_many": (
        "{file}: {n} kolommen; de grens is {max} (het sjabloon heeft er ongeveer twintig).",
        "{file}: {n} columns; the limit is {max} (the template has about twenty).",
    ),
    "peers_err_csv_syntax": ("{file}: geen geldige CSV ({reason}).", "{file}: not valid CSV ({reason})."),
    "peers_err_not_finite": ("{field}: {value} is geen eindig getal.", "{field}: {value} is not a finite number."),
    "peers_err_more": ("… en nog {n} meldingen.", "… and {n} more messages."),
    "peers_err_csv_no_row": (
        "{file}: alleen een kopregel; vul de tweede regel met uw waarden.",
        "{file}: only a header row; fill in the second row with your values.",
    ),
    "peers_err_csv_rows": (
        "{file}: {n} gegevensregels; verwacht precies één (uw eigen gemeente).",
        "{file}: {n} data rows; expected exactly one (your own municipality).",
    ),
    "peers_err_csv_width": (
        "{file}: de kopregel heeft {header} kolommen, de gegevensregel {row}.",
        "{file}: the header has {header} columns, the data row {row}.",
    ),
    "peers_err_csv_unknown_columns": (
        "{file}: onbekende kolommen: {columns}. Zie de kolomlijst op deze pagina.",
        "{file}: unknown columns: {columns}. See the list of columns on this page.",
    ),
    "peers_err_csv_duplicate_columns": (
        "{file}: dubbele kolommen: {columns}.",
        "{file}: duplicate columns: {columns}.",
    ),
    "peers_err_csv_missing_columns": (
        "{file}: verplichte kolommen ontbreken: {columns}.",
        "{file}: required columns are missing: {columns}.",
    ),
    "peers_err_thousands": (
        "{field}: {value} is dubbelzinnig; schrijf getallen zonder scheidingsteken voor duizendtallen (41000, 7,3 of 7.3).",
        "{field}: {value} is ambiguous; write numbers without thousands separators (41000, 7.3).",
    ),
    "peers_err_not_number": ("{field}: {value} is geen getal.", "{field}: {value} is not a number."),
    "peers_err_name_missing": ("Naam ontbreekt.", "Name is missing."),
    "peers_err_name_long": ("Naam is langer dan {n} tekens.", "Name is longer than {n} characters."),
    "peers_err_population_missing": ("Inwonertal ontbreekt.", "Population is missing."),
    "peers_err_population_positive": (
        "{field}: inwonertal moet groter zijn dan 0 (nu {value}).",
        "{field}: population must be greater than 0 (got {value}).",
    ),
    "peers_err_population_small": (
        "{field}: {value} inwoners is minder dan welke Nederlandse gemeente ook (reken op minstens {min}).",
        "{field}: {value} inhabitants is fewer than any Dutch municipality (expect at least {min}).",
    ),
    "peers_err_population_large": (
        "{field}: {value} inwoners is meer dan welke Nederlandse gemeente ook.",
        "{field}: {value} inhabitants is more than any Dutch municipality.",
    ),
    "peers_err_population_integer": (
        "{field}: inwonertal is een heel getal (nu {value}).",
        "{field}: population is a whole number (got {value}).",
    ),
    "peers_err_out_of_range": (
        "{field}: {value} ligt buiten het bereik {lo} tot {hi}.",
        "{field}: {value} is outside the range {lo} to {hi}.",
    ),
    "peers_err_form_not_number": (
        (
            "{field}: ‘{value}’ is geen getal. Schrijf bijvoorbeeld 45.000 of 45000 "
            "(duizendtallen met een punt) en 7,3 (decimalen met een komma)."
        ),
        (
            "{field}: ‘{value}’ is not a number. Write for example 45,000 or 45000 "
            "(thousands with a comma) and 7.3 (decimals with a point)."
        ),
    ),
    "peers_err_form_hint": (
        (
            " Duizendtallen schrijft u met een punt (45.000) of zonder scheidingsteken (45000); "
            "de komma is het decimaalteken."
        ),
        " Write thousands with a comma (45,000) or without a separator (45000); the point is the decimal mark.",
    ),
    "peers_err_unknown_indicator": ("{field}: onbekende indicator.", "{field}: unknown indicator."),
    "peers_err_unknown_value": (
        "{field}: {value} is geen waarde uit het codeboek; kies uit {allowed}.",
        "{field}: {value} is not a codebook value; choose from {allowed}.",
    ),
    "peers_warn_incomparable": (
        "{field}: deze indicator is niet vergelijkbaar tussen gemeenten en telt niet mee.",
        "{field}: this indicator is not comparable across municipalities and is not used.",
    ),
    # --- page (dashboard/views/peers.py) ---
    "peers_title": ("Vergelijkbare gemeenten", "Similar municipalities"),
    "peers_intro": (
        (
            "Kies een referentie (een van de zestien gemeenten of uw eigen gemeente) en zie welke gemeenten "
            "er het meest op lijken: in grootte, kenmerken van inwoners en de organisatie van het lokale team. "
            "Met hun praktijkvoorbeelden en de keuzes waarin ze verschillen."
        ),
        (
            "Choose a reference (one of the sixteen municipalities or your own) and see which municipalities "
            "are most like it: in size, resident characteristics and how the local team is organised. With "
            "their practice examples and the choices in which they differ."
        ),
    ),
    "peers_no_warehouse": (
        "De gegevens zijn nog niet beschikbaar: bouw het datawarehouse met `make build`.",
        "The data is not available yet: build the warehouse with `make build`.",
    ),
    "peers_ref_title": ("1. Referentie", "1. Reference"),
    "peers_ref_kind": ("Vergelijk met", "Compare with"),
    "peers_ref_municipality": ("een van de zestien gemeenten", "one of the sixteen municipalities"),
    "peers_ref_own": ("mijn eigen gemeente", "my own municipality"),
    "peers_ref_choose": ("Gemeente", "Municipality"),
    "peers_privacy": (
        (
            "Wat u hier invult of uploadt, blijft alleen in deze browsersessie: het wordt niet opgeslagen "
            "(niet in de database, niet op schijf, niet in logbestanden), komt niet in de link en is weg "
            "zodra u de pagina sluit."
        ),
        (
            "What you enter or upload here stays in this browser session only: it is not stored (not in "
            "the database, not on disk, not in logs), never goes into the link and is gone when you close "
            "the page."
        ),
    ),
    "peers_own_tab_form": ("Invullen", "Fill in"),
    "peers_own_tab_upload": ("Bestand uploaden", "Upload a file"),
    "peers_own_errors": (
        "Niet gebruikt: los het volgende op en probeer het opnieuw.",
        "Not used: fix the following and try again.",
    ),
    "peers_own_previous_kept": (
        "De eerder ingevoerde gegevens van {name} blijven in gebruik.",
        "The data entered earlier for {name} stays in use.",
    ),
    "peers_own_active": (
        "Referentie: uw eigen gemeente {name}, {population} inwoners (alleen in deze sessie).",
        "Reference: your own municipality {name}, population {population} (this session only).",
    ),
    "peers_own_active_no_population": (
        "Referentie: uw eigen gemeente {name} (alleen in deze sessie).",
        "Reference: your own municipality {name} (this session only).",
    ),
    "peers_own_understood": ("Zo gelezen uit het formulier: {values}.", "Read from the form as: {values}."),
    "peers_own_clear": ("Gegevens wissen", "Clear data"),
    "peers_own_empty": (
        "Vul het formulier in of upload een bestand om vergelijkbare gemeenten te zien.",
        "Fill in the form or upload a file to see similar municipalities.",
    ),
    "peers_form_name": ("Naam van uw gemeente", "Name of your municipality"),
    "peers_form_population": ("Inwonertal", "Population"),
    "peers_form_numbers": (
        (
            "Schrijf getallen zoals gewoon in het Nederlands: 45.000 of 45000 voor een aantal of "
            "bedrag, 7,3 voor een percentage. Na ‘Gebruik als referentie’ ziet u hoe elk getal is gelezen."
        ),
        (
            "Write numbers the English way: 45,000 or 45000 for a count or amount, 7.3 for a "
            "percentage. After ‘Use as reference’ you see how each number was read."
        ),
    ),
    "peers_form_placeholder_population": ("bijv. 45.000", "e.g. 45,000"),
    "peers_form_placeholder_percent": ("bijv. 7,3", "e.g. 7.3"),
    "peers_form_placeholder_euro": ("bijv. 29.500", "e.g. 29,500"),
    "peers_form_placeholder_count": ("bijv. 1.200", "e.g. 1,200"),
    "peers_form_placeholder_years": ("bijv. -1,5", "e.g. -1.5"),
    "peers_form_indicators": (
        "Kenmerken van inwoners (laat leeg wat u niet weet)",
        "Resident characteristics (leave empty what you don't know)",
    ),
    "peers_form_indicators_help": (
        (
            "Alleen de definities die bij minstens drie van de zestien gemeenten bekend zijn; "
            "gebruik precies deze definitie (zie het vraagteken), anders is de vergelijking niet eerlijk."
        ),
        (
            "Only definitions known for at least three of the sixteen municipalities; use exactly "
            "this definition (see the question mark), or the comparison is not fair."
        ),
    ),
    "peers_form_org": ("Organisatie van het lokale team", "Organisation of the local team"),
    "peers_form_submit": ("Gebruik als referentie", "Use as reference"),
    "peers_dont_know_short": ("weet ik niet", "don't know"),
    "peers_unit_percent": ("%", "%"),
    "peers_unit_euro": ("euro", "euro"),
    "peers_unit_count": ("aantal", "number"),
    "peers_unit_years": ("jaren", "years"),
    "peers_upload_intro": (
        (
            "Hebt u de cijfers van uw gemeente al in een spreadsheet? Download dan een sjabloon, vul het in en upload "
            "het hier.\n\n"
            "- **CSV-sjabloon** (voor Excel): één kopregel met kolomnamen en één regel met uw gemeente. Verplicht "
            "zijn alleen de naam en het inwonertal. Vul verder alleen in wat u zeker weet en laat de rest leeg: een "
            "lege cel telt als 'onbekend', nooit als nul. Percentages als getal zonder %-teken (7,3 of 7.3), bedragen "
            "zonder scheidingsteken voor duizendtallen (38000). Sla op als CSV (UTF-8); komma's of puntkomma's als "
            "scheiding mogen allebei. Welke kolommen er zijn, staat hieronder.\n"
            "- **YAML-sjabloon**: dezelfde gegevens als tekstbestand met een toelichting bij elk veld; handig als u "
            "ook bronnen en jaartallen wilt vastleggen."
        ),
        (
            "Do you already have your municipality's figures in a spreadsheet? Download a template, fill it in and "
            "upload it here.\n\n"
            "- **CSV template** (for Excel): one header row with column names and one row with your municipality. Only "
            "the name and the population are required. Fill in only what you know for sure and leave the rest empty: "
            "an empty cell counts as 'unknown', never as zero. Percentages as a number without % sign (7.3 or 7,3), "
            "amounts without thousands separators (38000). Save as CSV (UTF-8); commas or semicolons between "
            "columns both work. The columns are listed below.\n"
            "- **YAML template**: the same data as a text file with a note on every field; handy if you also want to "
            "record sources and years."
        ),
    ),
    "peers_upload_template_yaml": ("Sjabloon YAML", "YAML template"),
    "peers_upload_template_csv": ("Sjabloon CSV", "CSV template"),
    "peers_upload_label": (
        "Bestand (.yaml of .csv, UTF-8, hoogstens 1 MB)",
        "File (.yaml or .csv, UTF-8, at most 1 MB)",
    ),
    "peers_upload_help": (
        "Het bestand wordt alleen in het geheugen van deze sessie gelezen en nergens bewaard.",
        "The file is read in this session's memory only and stored nowhere.",
    ),
    "peers_upload_columns": ("Kolommen van het CSV-bestand", "Columns of the CSV file"),
    "peers_col_column": ("kolom", "column"),
    "peers_col_meaning": ("betekenis", "meaning"),
    "peers_col_values": ("eenheid of toegestane waarden", "unit or allowed values"),
    "peers_col_name": ("naam van uw gemeente (verplicht)", "name of your municipality (required)"),
    "peers_col_population": ("inwonertal (verplicht)", "population (required)"),
    "peers_col_text": ("tekst", "text"),
    "peers_col_integer": ("heel getal van {min} tot {max}", "whole number from {min} to {max}"),
    "peers_w_title": ("2. Wat telt als vergelijkbaar?", "2. What counts as similar?"),
    "peers_w_preset": ("Startpunt voor de gewichten", "Starting point for the weights"),
    "peers_preset_default": ("standaard", "default"),
    "peers_preset_organisation": ("alleen organisatie", "organisation only"),
    "peers_preset_context": ("alleen context", "context only"),
    "peers_k": ("Aantal vergelijkbare gemeenten", "Number of similar municipalities"),
    "peers_w_expander": ("Gewichten per criterium", "Weights per criterion"),
    "peers_w_help": (
        (
            "Gewicht 0 laat een criterium weg. Indicatoren die uw referentie niet heeft, kunnen niet meetellen "
            "en staan hier niet."
        ),
        "Weight 0 leaves a criterion out. Indicators your reference does not have cannot count and are not listed.",
    ),
    "peers_w_context": ("Context: grootte en inwoners", "Context: size and residents"),
    "peers_w_org": ("Organisatie van het lokale team", "Organisation of the local team"),
    "peers_w_size": ("Inwonertal (op logschaal)", "Population (log scale)"),
    "peers_w_no_indicators": (
        "Geen bruikbare indicatoren voor deze referentie.",
        "No usable indicators for this reference.",
    ),
    "peers_results_title": (
        "3. De {k} meest vergelijkbare gemeenten voor {name}",
        "3. The {k} most similar municipalities to {name}",
    ),
    "peers_results_caption": (
        (
            "Overeenkomst: gewogen gemiddelde over de {n} bruikbare criteria. Dekking: welk deel van "
            "dat gewicht voor dit paar bruikbaar was. Gemeenten met minder dan {min}% dekking staan achteraan."
        ),
        (
            "Similarity: weighted mean over the {n} usable criteria. Coverage: the share of that "
            "weight usable for this pair. Municipalities below {min}% coverage are listed last."
        ),
    ),
    "peers_results_no_criteria": (
        "Geen enkel criterium is bruikbaar: geef uw referentie meer gegevens of zet gewichten hoger.",
        "No criterion is usable: give your reference more data or raise weights.",
    ),
    "peers_results_filtered": (
        (
            "Gezocht binnen de {n} van {total} gemeenten die door de filters in de zijbalk komen; "
            "de schaal van de kenmerken blijft die van alle {total}."
        ),
        (
            "Searched within the {n} of {total} municipalities that pass the sidebar filters; "
            "indicator scaling still uses all {total}."
        ),
    ),
    "peers_results_all_zero_own": (
        (
            "Alle gevonden gemeenten lijken 0% op uw gemeente. Dat wijst meestal op een "
            "invoerfout, zoals een inwonertal of bedrag in de verkeerde grootte; controleer "
            "hierboven hoe uw getallen zijn gelezen."
        ),
        (
            "Every municipality found is 0% similar to yours. That usually means an input "
            "error, such as a population or amount of the wrong size; check above how your "
            "numbers were read."
        ),
    ),
    "peers_results_all_zero": (
        (
            "Alle gevonden gemeenten lijken 0% op de referentie met deze gewichten; de volgorde "
            "zegt dan weinig. Controleer de gewichten."
        ),
        (
            "Every municipality found is 0% similar to the reference with these weights; the "
            "order then means little. Check the weights."
        ),
    ),
    "peers_results_low_coverage": (
        (
            "Bij geen enkele gemeente is {min}% of meer van het gewicht bruikbaar (hoogste "
            "dekking {best}): de ranglijst rust op weinig gegevens. Controleer uw invoer en de "
            "gewichten."
        ),
        (
            "No municipality reaches {min}% coverage (highest {best}): the ranking rests on "
            "little data. Check your input and the weights."
        ),
    ),
    "peers_results_none": (
        "Geen andere gemeenten over na de filters in de zijbalk.",
        "No other municipalities left after the sidebar filters.",
    ),
    "peers_col_peer": ("gemeente", "municipality"),
    "peers_col_score": ("overeenkomst", "similarity"),
    "peers_col_coverage": ("dekking", "coverage"),
    "peers_col_score_help": (
        "Gewogen gemiddelde van de overeenkomst per criterium (0-100%).",
        "Weighted mean of the per-criterion similarity (0-100%).",
    ),
    "peers_col_coverage_help": (
        "Deel van het gewicht dat voor dit paar bruikbaar was; de rest ontbrak of was niet vergelijkbaar.",
        "Share of the weight usable for this pair; the rest was missing or not comparable.",
    ),
    "peers_col_why": ("waarom", "why"),
    "peers_col_dimension": ("keuze", "choice"),
    "peers_gaps_title": ("Wat bij deze referentie niet meetelt ({n})", "What cannot count for this reference ({n})"),
    "peers_gaps_missing_indicators": (
        "Daarnaast {n} indicatordefinities waarvoor de referentie geen waarde heeft.",
        "Besides, {n} indicator definitions for which the reference has no value.",
    ),
    "peers_breakdown_used": ("gewicht {weight}, overeenkomst {sim}", "weight {weight}, similarity {sim}"),
    "peers_breakdown_skipped": ("gewicht {weight}, telt niet mee", "weight {weight}, not counted"),
    "peers_breakdown_details": ("Uitsplitsing per criterium", "Breakdown per criterion"),
    "peers_col_ref_choice": ("referentie", "reference"),
    "peers_col_same": ("zelfde keuze", "same choice"),
    "peers_col_other": ("andere keuze", "different choice"),
    "peers_col_not_reported": ("niet gerapporteerd", "not reported"),
    "peers_chart_title": ("Overeenkomst en dekking", "Similarity and coverage"),
    "peers_chart_own_source": ("referentie: eigen invoer, niet opgeslagen", "reference: own input, not stored"),
    "peers_breakdown_title": ("Waarom deze gemeenten?", "Why these municipalities?"),
    "peers_journey_profile": ("Profiel van {name}", "Profile of {name}"),
    "peers_journey_compare_pair": ("Vergelijk met {name}", "Compare with {name}"),
    "peers_journey_compare_top": ("Vergelijk {name} met deze {n}", "Compare {name} with these {n}"),
    "peers_journey_compare_top_own": ("Vergelijk deze {n}", "Compare these {n}"),
    "peers_breakdown_item": (
        "**{rank}. {name}** · overeenkomst {score} · dekking {coverage}",
        "**{rank}. {name}** · similarity {score} · coverage {coverage}",
    ),
    "peers_org_title": ("4. Waar hun organisatiekeuzes verschillen", "4. Where their organisational choices differ"),
    "peers_org_none": (
        "De vergelijkbare gemeenten maken dezelfde keuzes als de referentie (voor zover gerapporteerd).",
        "The similar municipalities make the same choices as the reference (as far as reported).",
    ),
    "peers_org_more": ("Meer verschillen ({n}) staan in de tabel.", "More differences ({n}) are in the table."),
    "peers_org_marker": (
        "{marker} in de tabel: een andere keuze dan die van de referentie (waar de referentie zelf een keuze rapporteert).",
        "{marker} in the table: a different choice from the reference's (where the reference reports a choice itself).",
    ),
    "peers_practices_title": (
        "5. Praktijkvoorbeelden van de vergelijkbare gemeenten",
        "5. Practice examples of the similar municipalities",
    ),
    "peers_practices_caption": (
        (
            "Per basisfunctie, in de volgorde van de ranglijst. Samenvattingen in eigen woorden uit "
            "KPMG (2019), Bijlage 2."
        ),
        "Per basic function, in ranking order. Summaries in our own words from KPMG (2019), appendix 2.",
    ),
    "peers_practices_none": (
        "Geen praktijkvoorbeelden van de vergelijkbare gemeenten bij deze basisfunctie.",
        "No practice examples of the similar municipalities for this basic function.",
    ),
    "peers_method_title": (
        "Zo werkt de vergelijking (en wat ze niet kan)",
        "How the comparison works (and what it cannot do)",
    ),
    "peers_method_body": (
        (
            "- **Grootte** op logschaal: overeenkomst = 1 − min(|ln(inwoners A / inwoners B)| / ln 10, 1). Even groot = 1, "
            "twee keer zo groot = 0,70, tien keer of meer = 0.\n"
            "- **Kenmerken van inwoners**: alleen waarden met dezelfde definitie (indicator-id) worden vergeleken. Per "
            "indicator worden de waarden van de zestien gemeenten gestandaardiseerd (z = (x − gemiddelde) / "
            "standaardafwijking; minstens drie waarden nodig); overeenkomst = 1 − min(|z_A − z_B| / 4, 1). Indicatoren "
            "die tussen gemeenten niet vergelijkbaar zijn (zoals groei over verschillende periodes), tellen nooit mee. "
            "Een ondergrens (“meer dan”), een bereik of een cijfer voor één wijk telt niet als waarde.\n"
            "- **Organisatie**: per keuze uit het codeboek zelfde = 1, anders = 0; “niet gerapporteerd” of “weet ik niet” "
            "aan een van beide kanten: weggelaten. Een keuze die door arbitrage is bepaald (de twee codeurs waren het "
            "oneens), telt voor dat paar half zo zwaar. Een keuze waarover de codeurs het te vaak oneens waren "
            "(voorlopig: alfa < 0,667) begint op gewicht 0; u kunt dat zelf verhogen.\n"
            "- **Overeenkomst** = gewogen gemiddelde over de criteria die voor het paar bruikbaar zijn. **Dekking** = het "
            "deel van het gewicht dat bruikbaar was. Ontbrekende waarden worden overgeslagen en genoemd, nooit ingevuld. "
            "Gemeenten met minder dan de helft dekking komen achteraan; bij gelijke stand beslist de naam.\n"
            "- **Grenzen**: zestien gemeenten, geen steekproef van alle 355 gemeenten van 2019; een momentopname uit 2019, op basis van "
            "interviews en schetsen in KPMG (2019), Bijlage 2. Kenmerken komen uit verschillende bronnen en jaren. "
            "Lees de uitkomst als een aanleiding om bij elkaar te rade te gaan, niet als een oordeel."
        ),
        (
            "- **Size** on a log scale: similarity = 1 − min(|ln(population A / population B)| / ln 10, 1). Equal size = 1, "
            "twice as large = 0.70, ten times or more = 0.\n"
            "- **Resident characteristics**: only values with the same definition (indicator id) are compared. Per "
            "indicator, the values of the sixteen municipalities are standardised (z = (x − mean) / standard deviation; "
            "at least three values needed); similarity = 1 − min(|z_A − z_B| / 4, 1). Indicators that are not comparable "
            "across municipalities (such as growth over different periods) never count. A bound (“more than”), a range or "
            "a figure for one district does not count as a value.\n"
            "- **Organisation**: per codebook choice same = 1, different = 0; “not reported” or “don't know” on either "
            "side: left out. A choice that was adjudicated (the two coders disagreed) counts half for that pair. A "
            "choice the coders disagreed on too often (tentative: alpha < 0.667) starts at weight 0; you may raise it.\n"
            "- **Similarity** = weighted mean over the criteria usable for the pair. **Coverage** = the share of the weight "
            "that was usable. Missing values are skipped and reported, never filled in. Municipalities with less than half "
            "coverage are listed last; ties are broken by name.\n"
            "- **Limits**: sixteen municipalities, not a sample of all 355 municipalities of 2019; a 2019 snapshot based on interviews and "
            "sketches in KPMG (2019), appendix 2. Characteristics come from different sources and years. Read the outcome "
            "as a reason to talk to each other, not as a verdict."
        ),
    ),
}
