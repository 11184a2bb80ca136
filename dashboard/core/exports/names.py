"""File names of every download: lokale-teams_<what>_2019.<ext>, safe in any file system and URL."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

#: The year of the data in every file name: the dataset is a 2019 snapshot, not "today".
DATA_YEAR = 2019
FILE_PREFIX = "lokale-teams"


_SLUG_DROP = re.compile(r"[^a-z0-9]+")


def slugify(text: str, *, max_length: int = 80, fallback: str = "grafiek") -> str:
    """ASCII, lowercase, words joined by underscores; safe in every file system and URL.

    Accents are folded ("Súdwest-Fryslân" -> "sudwest_fryslan"), path separators and dots can never
    survive (so a slug cannot climb out of a folder), and an empty result falls back to a fixed word.
    """
    folded = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii").lower()
    slug = _SLUG_DROP.sub("_", folded).strip("_")
    slug = slug[:max_length].rstrip("_")
    return slug or fallback


def export_filename(slug: str, extension: str, *, year: int = DATA_YEAR) -> str:
    """lokale-teams_<slug>_2019.<ext>, e.g. lokale-teams_contrast_inkomen_2019.png."""
    return f"{FILE_PREFIX}_{slugify(slug)}_{year}.{slugify(extension, fallback='bin')}"


DOWNLOAD_EXTENSIONS = {"csv": "zip", "xlsx": "xlsx", "parquet": "zip"}


def download_filename(fmt: str, *, selection: bool) -> str:
    """lokale-teams_selectie_csv_2019.zip, lokale-teams_dataset_2019.xlsx, ..."""
    slug = ("selectie" if selection else "dataset") + ("" if fmt == "xlsx" else f"_{fmt}")
    return export_filename(slug, DOWNLOAD_EXTENSIONS[fmt])


def deck_filename(*, today: dt.date | None = None) -> str:
    return f"{FILE_PREFIX}_presentatie_{(today or dt.date.today()).isoformat()}.pptx"
