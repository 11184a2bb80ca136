"""Streamlit's own interface texts in the interface language (dashboard/ui/a11y.py rewrites them in the page).

Streamlit 1.67 writes these in English and has no option for them (the file uploader's button and size line, its
validation messages, widget hints, placeholders and the labels screen readers hear). The English side is what
the app shows in English mode: Streamlit's own words, with the size written as the app writes it ("1 MB").
Placeholders ({label}, {n}, {size}, {unit}, {kind}, {keys}) are parts of Streamlit's text that are kept.
key -> (Dutch, English).
"""

STRINGS: dict[str, tuple[str, str]] = {
    # file uploader
    "stui_upload": ("Uploaden", "Upload"),
    "stui_upload_dirs": ("Mappen uploaden", "Upload directories"),
    "stui_add_files": ("Bestanden toevoegen", "Add files"),
    "stui_drop_one": ("Sleep een bestand hierheen", "Drag and drop a file here"),
    "stui_drop_many": ("Sleep bestanden hierheen", "Drag and drop files here"),
    "stui_drop_dirs": ("Sleep mappen hierheen", "Drag and drop directories here"),
    "stui_per_file": ("{size} {unit} per bestand", "{size} {unit} per file"),
    "stui_file_input": ("bestand uploaden", "file upload"),
    "stui_file_size": ("{whole},{part} {unit}", "{whole}.{part} {unit}"),
    "stui_file_entry": ("{label}, {whole},{part} {unit}", "{label}, {whole}.{part} {unit}"),
    "stui_add_icon": ("toevoegen", "add icon"),
    "stui_error": ("Fout:", "Error:"),
    "stui_too_large": (
        "Het bestand mag hoogstens {size} {unit} groot zijn.",
        "File must be {size} {unit} or smaller.",
    ),
    "stui_type_refused": ("Bestanden van het type {kind} zijn niet toegestaan.", "{kind} files are not allowed."),
    "stui_type_refused_unknown": ("Dit soort bestand is niet toegestaan.", "This type of files are not allowed."),
    "stui_too_small": ("Het bestand is te klein.", "File size is too small."),
    "stui_only_one": ("Er mag maar één bestand tegelijk.", "Only one file is allowed."),
    "stui_unexpected": ("Onverwachte fout. Probeer het opnieuw.", "Unexpected error. Please try again."),
    "stui_upload_failed": ("Uploaden mislukt", "Upload failed"),
    "stui_retry": ("Klik om opnieuw te uploaden", "Click to retry upload"),
    "stui_upload_error": ("Fout bij het uploaden", "Error uploading file"),
    "stui_delete_error": ("Fout bij het verwijderen", "Error deleting file"),
    "stui_remove": ("{label} verwijderen", "Remove {label}"),
    "stui_cancel_upload": ("Uploaden van {label} afbreken", "Cancel upload of {label}"),
    # form fields: hints, placeholders and messages
    "stui_enter_apply": ("Druk op Enter om toe te passen", "Press Enter to apply"),
    "stui_enter_submit": ("Druk op Enter om het formulier te versturen", "Press Enter to submit form"),
    "stui_keys_apply": ("Druk op {keys}+Enter om toe te passen", "Press {keys}+Enter to apply"),
    "stui_no_results": ("Geen resultaten", "No results"),
    "stui_max_options": (
        "U kunt er hoogstens {n} kiezen. Haal eerst een keuze weg.",
        "You can only select up to {n} options. Remove an option first.",
    ),
    "stui_max_option": (
        "U kunt er hoogstens {n} kiezen. Haal eerst een keuze weg.",
        "You can only select up to {n} option. Remove an option first.",
    ),
    "stui_choose_option": ("Maak een keuze", "Choose an option"),
    "stui_choose_options": ("Kies een of meer", "Choose options"),
    "stui_clear_all": ("Alles wissen", "Clear all"),
    "stui_clear_value": ("Keuze wissen", "Clear value"),
    "stui_selected_values": ("Gekozen waarden", "Selected values"),
    "stui_select_all": ("Alles kiezen", "Select all"),
    "stui_open": ("Openen", "Open"),
    # labels screen readers hear
    "stui_help_for": ("Uitleg bij {label}", "Help for {label}"),
    "stui_help": ("Uitleg", "Help"),
    "stui_shortcut": ("Sneltoets {keys}", "Shortcut {keys}"),
    "stui_link_heading": ("Link naar deze kop", "Link to heading"),
    "stui_copy": ("Kopiëren naar het klembord", "Copy to clipboard"),
    "stui_tabs_left": ("Tabbladen naar links schuiven", "Scroll tabs left"),
    "stui_tabs_right": ("Tabbladen naar rechts schuiven", "Scroll tabs right"),
    "stui_sidebar": ("Zijbalk", "Sidebar"),
    "stui_sidebar_collapse": ("Zijbalk inklappen", "Collapse sidebar"),
    "stui_sidebar_expand": ("Zijbalk uitklappen", "Expand sidebar"),
    "stui_app_pages": ("Pagina's", "App pages"),
    "stui_view_more": ("Nog {n} tonen", "View {n} more"),
    "stui_view_less": ("Minder tonen", "View less"),
    # the chart library's own labels for a chart and its title (Vega)
    "stui_chart_title": ("Titel '{label}'", "Title text '{label}'"),
    "stui_role_visualization": ("grafiek", "visualization"),
    "stui_role_title": ("titel", "title"),
    "stui_role_group": ("groep", "group mark container"),
}
