"""Interface strings (exports): key -> (Dutch, English). Dutch is the default language.

Covers the buttons under every chart (dashboard/ui/chart_panel.py), the data downloads
(dashboard/ui/data_downloads.py), the presentation page and the SQL console page.
"""

STRINGS: dict[str, tuple[str, str]] = {
    # Under every chart
    "exp_download_png": ("Download PNG", "Download PNG"),
    "exp_download_svg": ("Download SVG", "Download SVG"),
    "exp_download_data": ("Download data", "Download data"),
    "exp_download_png_help": (
        "Afbeelding (1600+ px breed) met titel, filters en bron",
        "Image (1600+ px wide) with title, filters and source",
    ),
    "exp_download_svg_help": (
        "Vectorafbeelding met titel, filters en bron",
        "Vector image with title, filters and source",
    ),
    "exp_download_data_help": (
        "De rijen achter deze grafiek, als CSV (een lijst in één cel: waarden gescheiden door '; ')",
        "The rows behind this chart, as CSV (a list in one cell: values separated by '; ')",
    ),
    "exp_pin": ("Vastpinnen voor presentatie", "Pin to presentation"),
    "exp_unpin": ("Losmaken uit presentatie", "Unpin from presentation"),
    "exp_pinned_toast": ("Vastgepind voor de presentatie: {title}", "Pinned to the presentation: {title}"),
    "exp_unpinned_toast": ("Losgemaakt uit de presentatie: {title}", "Removed from the presentation: {title}"),
    "exp_source_prefix": ("Bron", "Source"),
    # Data downloads
    "exp_data_heading": ("Data downloaden", "Download data"),
    "exp_data_intro": (
        (
            "Nette tabellen (één rij per waarneming) met een README en een datapackage.json die elke kolom, eenheid en "
            "sleutel beschrijft; de selectie bevat dezelfde tabellen, alleen voor de gekozen gemeenten."
        ),
        (
            "Tidy tables (one row per observation) with a README and a datapackage.json that describes every column, "
            "unit and key; the selection holds the same tables, only for the chosen municipalities."
        ),
    ),
    "exp_selection_label": (
        "Huidige selectie: {n} gemeenten · {filters}",
        "Current selection: {n} municipalities · {filters}",
    ),
    "exp_full_label": ("Volledige dataset: alle 16 gemeenten", "Full dataset: all 16 municipalities"),
    "exp_fmt_csv": ("CSV (zip)", "CSV (zip)"),
    "exp_fmt_xlsx": ("Excel", "Excel"),
    "exp_fmt_parquet": ("Parquet (zip)", "Parquet (zip)"),
    "exp_fmt_csv_help": (
        "Zip met een CSV-bestand per tabel, README.md en datapackage.json",
        "Zip with a CSV file per table, README.md and datapackage.json",
    ),
    "exp_fmt_xlsx_help": (
        "Eén werkmap: README-blad, een blad per tabel, datapackage.json op het laatste blad",
        "One workbook: README sheet, a sheet per table, datapackage.json on the last sheet",
    ),
    "exp_fmt_parquet_help": (
        "Zip met een Parquet-bestand per tabel (met kolomtypen), README.md en datapackage.json",
        "Zip with a Parquet file per table (typed columns), README.md and datapackage.json",
    ),
    "exp_data_note": (
        "CSV en Excel: cellen die met =, +, - of @ beginnen krijgen een ' ervoor, zodat een spreadsheet ze niet als formule uitvoert. Parquet bevat de tekst precies zoals opgeslagen.",
        "CSV and Excel: cells starting with =, +, - or @ get a leading ' so a spreadsheet does not run them as formulas. Parquet holds the text exactly as stored.",
    ),
    # Presentation page
    "pres_page_title": ("Presentatie", "Presentation"),
    "pres_intro": (
        "Pin grafieken met de knop *Vastpinnen voor presentatie* onder elke grafiek. Hier zet u ze in volgorde, toont u ze schermvullend of downloadt u ze als PowerPoint.",
        "Pin charts with the *Pin to presentation* button under each chart. Here you put them in order, show them full screen or download them as PowerPoint.",
    ),
    "pres_empty": (
        "Nog geen grafieken vastgepind. Open een pagina met grafieken en kies *Vastpinnen voor presentatie*.",
        "No charts pinned yet. Open a page with charts and choose *Pin to presentation*.",
    ),
    "pres_toggle": ("Presentatiemodus", "Presentation mode"),
    "pres_toggle_help": (
        "Verbergt menu en zijbalk en toont één grafiek per scherm (ook via ?present=1 in de URL).",
        "Hides menu and sidebar and shows one chart per screen (also via ?present=1 in the URL).",
    ),
    "pres_prev": ("Vorige", "Previous"),
    "pres_next": ("Volgende", "Next"),
    "pres_exit": ("Presentatie sluiten", "Exit presentation"),
    "pres_counter": ("{n} / {total}", "{n} / {total}"),
    "pres_pinned_heading": ("Vastgepinde grafieken ({n})", "Pinned charts ({n})"),
    "pres_move_up": ("Omhoog", "Move up"),
    "pres_move_down": ("Omlaag", "Move down"),
    "pres_remove": ("Verwijderen", "Remove"),
    "pres_clear": ("Alles losmaken", "Unpin all"),
    "pres_deck_download": ("Download PowerPoint", "Download PowerPoint"),
    "pres_deck_help": (
        "Titelslide, één slide per grafiek en een slide met bronnen en citeerwijze",
        "Title slide, one slide per chart and a slide with sources and how to cite",
    ),
    "pres_deck_title": ("Lokale teams in 16 gemeenten", "Local social teams in 16 municipalities"),
    "pres_filters_at_pin": ("Filters bij het vastpinnen: {filters}", "Filters when pinned: {filters}"),
    # SQL console page
    "sql_page_title": ("SQL-console", "SQL console"),
    "sql_intro": (
        "Alleen-lezen SQL op het datawarehouse (DuckDB), voor onderzoekers. Eén SELECT-query per keer; maximaal {rows} rijen ({megabytes} MB) worden getoond; een query stopt na {seconds} seconden of bij {memory} MB geheugen.",
        "Read-only SQL on the data warehouse (DuckDB), for researchers. One SELECT query at a time; at most {rows} rows ({megabytes} MB) are shown; a query stops after {seconds} seconds or at {memory} MB of memory.",
    ),
    "sql_security_note": (
        "Elke query draait in een eigen proces waarvan het besturingssysteem geheugen en tijd begrenst; daarbinnen is de verbinding alleen-lezen en afgeschermd. Beheerders kunnen de console uitzetten met LOKALE_TEAMS_SQL_CONSOLE=off.",
        "Every query runs in a process of its own whose memory and time the operating system limits; inside it the connection is read-only and locked down. Operators can switch the console off with LOKALE_TEAMS_SQL_CONSOLE=off.",
    ),
    "sql_disabled": (
        "De SQL-console is uitgeschakeld door de beheerder (LOKALE_TEAMS_SQL_CONSOLE=off).",
        "The SQL console is switched off by the operator (LOKALE_TEAMS_SQL_CONSOLE=off).",
    ),
    "sql_no_warehouse": ("Het datawarehouse is niet gevonden: {path}", "The data warehouse was not found: {path}"),
    "sql_editor": ("Query", "Query"),
    "sql_run": ("Uitvoeren", "Run"),
    "sql_examples": ("Voorbeeldqueries", "Example queries"),
    "sql_example_reference": ("Indicatorwaarden met landelijke referentie", "Indicator values with national reference"),
    "sql_alias_practices": ("praktijkvoorbeelden", "practice_examples"),
    "sql_alias_municipalities": ("gemeenten", "municipalities"),
    "sql_example_practices": ("Praktijkvoorbeelden per basisfunctie", "Practice examples per basic function"),
    "sql_example_overview": ("Kerngegevens per gemeente", "Key facts per municipality"),
    "sql_schema": ("Tabellen en views", "Tables and views"),
    "sql_refused": ("Query niet uitgevoerd: {error}", "Query not run: {error}"),
    "sql_rows": ("{n} rijen in {seconds} s", "{n} rows in {seconds} s"),
    "sql_rows_one": ("1 rij in {seconds} s", "1 row in {seconds} s"),
    # Messages of dashboard/core/sql_console.py (QueryRefused.key / QueryResult.error_key, same parameters)
    "sql_err_empty": ("Lege query: typ een SELECT-query.", "Empty query: type a SELECT query."),
    "sql_err_count": ("Eén statement per keer; dit zijn er {n}.", "Exactly one statement per run, got {n}."),
    "sql_err_kind": (
        "Alleen SELECT-queries zijn toegestaan, geen {kind}.",
        "Only SELECT queries are allowed, not {kind}.",
    ),
    "sql_err_parse": ("{error}", "{error}"),
    "sql_err_timeout": (
        "Query gestopt na de tijdslimiet van {seconds} s.",
        "Query stopped after the time limit of {seconds} s.",
    ),
    "sql_err_long": ("De query is langer dan {n} tekens.", "The query is longer than {n} characters."),
    "sql_err_memory": (
        "Query gestopt: hij had meer nodig dan de geheugengrens van {megabytes} MB.",
        "Query stopped: it needed more than the memory limit of {megabytes} MB.",
    ),
    "sql_err_busy": (
        "Er lopen nu te veel queries tegelijk; probeer het zo opnieuw.",
        "Too many queries are running right now; try again in a moment.",
    ),
    "sql_err_platform": (
        "Queries draaien alleen waar het besturingssysteem hun geheugen en tijd kan begrenzen (Linux, macOS).",
        "Queries run only where the operating system can limit their memory and time (Linux, macOS).",
    ),
    "sql_err_failed": (
        "Het queryproces stopte onverwacht; probeer een kleinere query.",
        "The query process stopped unexpectedly; try a smaller query.",
    ),
    "sql_truncated": (
        "Alleen de eerste {n} rijen worden getoond en gedownload; het resultaat is groter.",
        "Only the first {n} rows are shown and downloaded; the result is larger.",
    ),
    "sql_truncated_bytes": (
        "Alleen de eerste {n} rijen (samen {megabytes} MB) worden getoond en gedownload; het resultaat is groter.",
        "Only the first {n} rows ({megabytes} MB together) are shown and downloaded; the result is larger.",
    ),
    "sql_download_csv": ("Resultaat als CSV", "Result as CSV"),
    "sql_download_xlsx": ("Resultaat als Excel", "Result as Excel"),
    # --- section on the "Over de data" page (dashboard/about_extra/exports.py) ---
    "exp_about_title": ("Downloads, presentatie en SQL-console", "Downloads, presentation and SQL console"),
    "exp_about_body": (
        (
            "- **Grafieken**: onder elke grafiek staan PNG (minstens 1600 pixels breed) en SVG; titel, actieve filters "
            "en bron staan in de afbeelding, getallen in Nederlandse notatie. 'Download data' geeft de rijen achter de "
            "grafiek als CSV.\n"
            "- **Presentatie**: pin grafieken vast en open de pagina Presentatie (of voeg `?present=1` toe aan de link): "
            "één grafiek per scherm, grote letters, vorige/volgende. Het deck gaat als PowerPoint mee (titeldia, een dia "
            "per grafiek, slotdia met bronnen). Vastgepinde grafieken leven alleen in uw sessie.\n"
            "- **Data**: de huidige selectie en de volledige dataset, elk in drie vormen met dezelfde nette tabellen "
            "(gemeenten, cijfers met bron en vindplaats, teams, gecodeerd organisatiemodel met codeboek en "
            "onafhankelijke coderingen, praktijkvoorbeelden, basisfuncties, bronnen): een zip met CSV-bestanden, één "
            "Excel-werkmap (README-blad, een blad per tabel) of een zip met Parquet-bestanden (met kolomtypen). Elke "
            "download heeft een README in de taal van het dashboard en een `datapackage.json` (Frictionless; in Excel "
            "op het laatste blad) met per kolom type, eenheid en betekenis, de sleutels (zoals de CBS-gemeentecode) en "
            "verwijzingen tussen tabellen, rechten, bron en dataversie. Gehele getallen blijven gehele getallen, een "
            "lege cel betekent 'niet gegeven'. Cellen die (ook na spaties of een regeleinde) met =, +, - of @ "
            "beginnen, ook in de brede vorm ＝ ＋ － ＠, worden in CSV en Excel onschadelijk gemaakt; gewone getallen "
            "zoals -5 blijven getallen.\n"
            "- **SQL-console**: alleen-lezen, één SELECT per keer, zonder toegang tot bestanden, netwerk of extensies. "
            "Elke query draait in een eigen proces dat het besturingssysteem begrenst op 768 MB geheugen en 5 seconden "
            "(daarna wordt het gestopt); hoogstens 10.000 rijen en 4 MB komen terug. De beheerder kan de console "
            "uitzetten met `LOKALE_TEAMS_SQL_CONSOLE=off`."
        ),
        (
            "- **Charts**: every chart has PNG (at least 1600 pixels wide) and SVG downloads; title, active filters and "
            "source are part of the image, numbers in Dutch notation. 'Download data' gives the rows behind the chart "
            "as CSV.\n"
            "- **Presentation**: pin charts and open the Presentation page (or add `?present=1` to the link): one chart "
            "per screen, large type, previous/next. The deck downloads as PowerPoint (title slide, one slide per chart, "
            "closing slide with sources). Pinned charts live only in your session.\n"
            "- **Data**: the current selection and the full dataset, each in three forms holding the same tidy tables "
            "(municipalities, figures with source and locator, teams, coded organisational model with codebook and "
            "independent codings, practice examples, basic functions, sources): a zip of CSV files, one Excel workbook "
            "(README sheet, a sheet per table) or a zip of Parquet files (typed columns). Every download has a README "
            "in the dashboard's language and a `datapackage.json` (Frictionless; in Excel on the last sheet) giving "
            "each column's type, unit and meaning, the keys (such as the CBS municipality code) and references "
            "between tables, rights, source and data version. Integers stay integers; an empty cell means 'not "
            "given'. Cells starting with =, +, - or @ (also after spaces or a line break, also the full-width "
            "＝ ＋ － ＠) are neutralised in CSV and Excel; plain numbers such as -5 stay numbers.\n"
            "- **SQL console**: read-only, one SELECT at a time, no file, network or extension access. Every query "
            "runs in a process of its own that the operating system limits to 768 MB of memory and 5 seconds (then "
            "it is stopped); at most 10,000 rows and 4 MB come back. Operators can switch it off with "
            "`LOKALE_TEAMS_SQL_CONSOLE=off`."
        ),
    ),
    # --- words of files, slides and chart sources (dashboard/core/exports.py) ---
    "locale_cldr": ("nl", "en"),
    "locale_bcp47": ("nl-NL", "en-GB"),
    "exp_no_filters": ("geen filters", "no filters"),
    "exp_deck_default_title": ("Lokale teams in 16 gemeenten", "Local social teams in 16 municipalities"),
    "exp_deck_filters": ("Filters: {filters}", "Filters: {filters}"),
    "exp_deck_sources_title": ("Bronnen en citeren", "Sources and how to cite"),
    "exp_deck_how_to_cite": ("Hoe te citeren:", "How to cite:"),
    "exp_deck_dashboard_note": (
        "Interactieve weergave van Bijlage 2 van het KPMG-rapport (2019).",
        "Interactive view of Appendix 2 of the KPMG report (2019).",
    ),
    "exp_deck_chart_sources": ("Bronnen in de grafieken:", "Sources in the charts:"),
    "exp_deck_sources_note": (
        (
            "Elke grafiekslide noemt de bron van de cijfers; de gemeentelijke schetsen in Bijlage 2 noemen hun eigen "
            "bronnen (CBS, VNG Waarstaatjegemeente, AlleCijfers e.a.)."
        ),
        (
            "Each chart slide names the source of its figures; the municipal sketches in Appendix 2 cite their own "
            "sources (CBS, VNG Waarstaatjegemeente, AlleCijfers and others)."
        ),
    ),
}
