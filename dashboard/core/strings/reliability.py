"""Interface strings for coding confidence (double coding, adjudication, agreement): key -> (Dutch, English)."""

STRINGS: dict[str, tuple[str, str]] = {
    # sidebar
    "rel_switch": (
        "Alleen codes waarover beide codeurs het eens waren",
        "Only codes both coders agreed on",
    ),
    "rel_switch_help": (
        (
            "Twee codeurs hebben elke schets los van elkaar gecodeerd. Waar ze het oneens waren, is de code door "
            "arbitrage bepaald. Met deze schakelaar tellen die codes niet mee: ze passen bij geen enkel filter, worden "
            "als verborgen getoond en doen niet mee in de vergelijking met andere gemeenten."
        ),
        (
            "Two coders coded every sketch independently. Where they disagreed, the code was decided by adjudication. "
            "With this switch those codes are left out: they match no filter, are shown as hidden and do not count "
            "when municipalities are matched."
        ),
    ),
    "rel_switch_on": (
        "Aan: codes die door arbitrage zijn bepaald, zijn uitgesloten (verborgen, tellen niet mee in filters).",
        "On: codes decided by adjudication are excluded (hidden, not counted in filters).",
    ),
    "rel_tentative_help": (
        (
            "Voorlopig: de twee codeurs waren het op deze dimensie te vaak oneens (alfa van Krippendorff onder 0,667). "
            "Trek er geen conclusies uit; zie Over de data."
        ),
        (
            "Tentative: the two coders disagreed too often on this dimension (Krippendorff's alpha below 0.667). Do "
            "not draw conclusions from it; see About the data."
        ),
    ),
    # status of one coded choice
    "rel_col_coding": ("Codering", "Coding"),
    "rel_agreed": ("beide codeurs eens", "both coders agreed"),
    "rel_adjudicated": ("door arbitrage bepaald: {reason}", "decided by adjudication: {reason}"),
    "rel_single_coded": (
        "niet dubbel gecodeerd: één codeur, nog niet door twee codeurs los van elkaar gecontroleerd",
        "not double-coded: one coder, not yet checked by two independent coders",
    ),
    "rel_adjudicated_short": ("arbitrage", "adjudicated"),
    "rel_hidden_value": (
        "verborgen (door arbitrage bepaald; schakelaar in de zijbalk)",
        "hidden (decided by adjudication; sidebar switch)",
    ),
    "rel_tentative_dimension": ("{label} (voorlopig)", "{label} (tentative)"),
    "rel_profile_help": (
        (
            "‘Beide codeurs eens’: twee codeurs kwamen los van elkaar op deze waarde. ‘Door arbitrage bepaald’: ze "
            "verschilden, en de waarde is daarna met de genoemde reden vastgesteld. ‘Voorlopig’ staat bij dimensies "
            "waarop de codeurs het vaak oneens waren."
        ),
        (
            "‘Both coders agreed’: two coders arrived at this value independently. ‘Decided by adjudication’: they "
            "differed, and the value was then settled for the reason given. ‘Tentative’ marks dimensions on which the "
            "coders often disagreed."
        ),
    ),
    "rel_compare_marks": (
        "(arbitrage) = de codeurs verschilden; de waarde is door arbitrage bepaald. Redenen:",
        "(adjudicated) = the coders differed; the value was decided by adjudication. Reasons:",
    ),
    "rel_matrix_mark": (
        (
            "* in een vakje: door arbitrage bepaald (de reden staat in de tooltip). (voorlopig) achter een dimensie: "
            "de codeurs waren het daar vaak oneens."
        ),
        (
            "* in a cell: decided by adjudication (the reason is in the tooltip). (tentative) after a dimension: "
            "the coders often disagreed on it."
        ),
    ),
    "rel_matrix_hidden": (
        (
            "Lege vakjes: door arbitrage bepaalde codes, verborgen door de schakelaar in de zijbalk (niet hetzelfde als "
            "‘niet gerapporteerd’)."
        ),
        "Empty cells: codes decided by adjudication, hidden by the sidebar switch (not the same as ‘not reported’).",
    ),
    # about page
    "rel_about_title": ("Hoe betrouwbaar is de codering?", "How reliable is the coding?"),
    "rel_about_body": (
        (
            "Twee codeurs hebben elke schets los van elkaar gecodeerd, alleen met de beslisregels hieronder en de tekst "
            "van de schets. Daarna is geteld hoe vaak ze hetzelfde kozen. De codeurs waren twee onafhankelijke "
            "instanties van een AI-taalmodel, geen menselijke onderzoekers: hun overeenstemming is waarschijnlijk hoger "
            "dan die van twee mensen. Lees de cijfers als toets of de regels eenduidig zijn; een menselijke tweede "
            "codering is de volgende stap.\n\n"
            "- **% eens**: het deel van de gemeenten waarvoor beide codeurs dezelfde waarde kozen.\n"
            "- **Alfa** (Krippendorffs alfa, nominaal) corrigeert dat voor toeval: 1 = volledig eens, 0 = niet beter dan "
            "gokken, onder 0 = systematisch oneens. Vanaf 0,80 is een dimensie betrouwbaar genoeg om op te bouwen; onder 0,667 noemen we "
            "haar **voorlopig**. Als alle codes gelijk zijn, is alfa niet te berekenen (–).\n"
            "- Na ronde 1 zijn onduidelijke regels aangescherpt en is opnieuw gecodeerd; beide rondes staan naast elkaar.\n"
            "- Waar de codeurs in de laatste ronde verschilden, is de code door arbitrage bepaald, met een reden. Zulke "
            "codes zijn op het profiel, bij Vergelijken en in de matrix gemarkeerd."
        ),
        (
            "Two coders coded every sketch independently, using only the decision rules below and the text of the "
            "sketch. We then counted how often they chose the same. The coders were two independent instances of an AI "
            "language model, not human researchers: their agreement is probably higher than two people would reach. "
            "Read the figures as a test of whether the rules are unambiguous; a human second coding is the next step.\n\n"
            "- **% agreed**: the share of municipalities for which both coders chose the same value.\n"
            "- **Alpha** (Krippendorff's alpha, nominal) corrects that for chance: 1 = full agreement, 0 = no better than "
            "guessing, below 0 = systematic disagreement. From 0.80 a dimension can be relied on; below 0.667 we call it "
            "**tentative**. When every code is the same, alpha cannot be computed (–).\n"
            "- After round 1, unclear rules were sharpened and the sketches coded again; both rounds are shown side by "
            "side.\n"
            "- Where the coders still differed in the last round, the code was decided by adjudication, with a reason. "
            "Such codes are marked on the profile, in Compare and in the matrix."
        ),
    ),
    "rel_about_none": (
        "Deze dataversie bevat nog geen dubbele codering; er zijn dus geen cijfers over overeenstemming.",
        "This data version has no double coding yet, so there are no agreement figures.",
    ),
    "rel_col_dimension": ("Dimensie", "Dimension"),
    "rel_col_first_alpha": ("Alfa ronde 1", "Alpha round 1"),
    "rel_col_first_pct": ("% eens ronde 1", "% agreed round 1"),
    "rel_col_last_alpha": ("Alfa ronde {r}", "Alpha round {r}"),
    "rel_col_last_pct": ("% eens ronde {r}", "% agreed round {r}"),
    "rel_col_n": ("n (gecodeerde keuzes)", "n (coded choices)"),
    "rel_col_status": ("Oordeel", "Status"),
    "rel_overall": ("Alle dimensies samen", "All dimensions together"),
    "rel_status_ok": ("betrouwbaar (≥ 0,80)", "reliable (≥ 0.80)"),
    "rel_status_below": ("onder de norm (0,667–0,80)", "below target (0.667–0.80)"),
    "rel_status_tentative": ("voorlopig (< 0,667)", "tentative (< 0.667)"),
    "rel_status_undefined": ("niet te berekenen (geen variatie)", "cannot be computed (no variation)"),
    "rel_about_overall": (
        "‘Alle dimensies samen’ telt de onenigheid per dimensie op; de oordelen per dimensie bepalen wat voorlopig is.",
        (
            "‘All dimensions together’ adds up the disagreement per dimension; the per-dimension results decide what is "
            "tentative."
        ),
    ),
    "rel_rules_title": ("Beslisregels per dimensie", "Decision rules per dimension"),
    "rel_rules_english": (
        "De beslisregels zijn alleen in het Engels beschikbaar; ze zijn het werkdocument van de codeurs.",
        "The decision rules are the coders' working document.",
    ),
    "rel_rules_about": ("Waar gaat het over", "What it is about"),
    "rel_rules_not_about": ("Waar gaat het niet over", "What it is not about"),
    "rel_rules_evidence": ("Bewijs per waarde", "Evidence per value"),
    "rel_rules_half": ("Half bewijs", "Half evidence"),
    "rel_rules_domain": ("Verschil per domein", "Differences per domain"),
    "rel_rules_contradictions": ("Tegenstrijdige uitspraken", "Contradicting statements"),
    "rel_rules_examples": ("Uitgewerkte voorbeelden", "Worked examples"),
    "rel_rules_changes": ("Aanscherpingen", "Sharpened rules"),
}
