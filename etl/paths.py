"""Where things live. Every other etl module takes its default paths from here, so there is one place to change."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = ROOT / "data"
WAREHOUSE = DATA_DIR / "warehouse.duckdb"
SCHEMA_SQL = ROOT / "etl" / "schema.sql"
EXPORTS_DIR = ROOT / "exports"

# The files a build reads, relative to a data folder. data/template/ is documentation, not input.
DATA_GLOBS = ("reference/*.yaml", "gemeenten/*.yaml", "coding/*.yaml", "coding/round*/*.yaml")


def data_files(data_dir: Path) -> list[Path]:
    """Every YAML file a build reads, in a stable order (sorted by relative path)."""
    files = {p for pattern in DATA_GLOBS for p in Path(data_dir).glob(pattern) if p.is_file()}
    return sorted(files, key=lambda p: p.relative_to(data_dir).as_posix())
