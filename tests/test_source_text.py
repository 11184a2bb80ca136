"""Locators and source titles in English mode: fixed words translated, the Dutch report named."""

from dashboard.core import source_text as s

NAMES = {"Leren en verbeteren": "Learning and improving", "Handelen met een brede blik": "Acting with a broad view"}


def test_dutch_locator_is_unchanged():
    text = "Bijlage 2h, Organisatie; basisfuncties uitgelicht: Leren en verbeteren"
    assert s.locator(text, "nl", NAMES) == text


def test_english_locator_translates_fixed_words_and_names_the_dutch_report():
    text = "Bijlage 2h, Organisatie; basisfuncties uitgelicht: Leren en verbeteren"
    assert s.locator(text, "en", NAMES) == (
        "Appendix 2h, Organisation; basic functions highlighted: Learning and improving (in the Dutch report)"
    )
    assert s.locator("Bijlage 2b, Kenmerken inwoners gemeente", "en") == (
        "Appendix 2b, Characteristics of residents (in the Dutch report)"
    )


def test_source_title_keeps_the_publication_name_and_translates_our_additions():
    assert s.source_title("Inkomen van huishoudens (editie niet vermeld)", "en") == (
        "Inkomen van huishoudens (edition not stated)"
    )
    assert s.source_title("Over Montferland (gemeentewebsite)", "en") == "Over Montferland (municipal website)"
    assert s.source_title("Over Montferland (gemeentewebsite)", "nl") == "Over Montferland (gemeentewebsite)"


def test_our_own_source_titles_are_in_the_interface_language():
    """A title the project wrote itself (not a publication) follows the interface language, read from the data."""
    from pathlib import Path

    import yaml

    from dashboard.core import settings

    ref = yaml.safe_load((Path(settings.DATA_DIR) / "reference" / "sources.yaml").read_text("utf-8"))
    items = ref["sources"] if isinstance(ref, dict) else ref
    own = [x["title"] for x in items if x["producer"] == "lokale-teams project"]
    assert own, "the data names no source of the project itself"
    for title in own:
        assert s.source_title(title, "en") == title
        dutch = s.source_title(title, "nl")
        assert dutch != title and "kaart" in dutch
