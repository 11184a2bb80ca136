"""Paths and operator switches, read once from the environment.

Tests and operators point the app at another warehouse or data folder with environment variables
instead of editing code: LOKALE_TEAMS_DATA, LOKALE_TEAMS_WAREHOUSE, LOKALE_TEAMS_SQL_CONSOLE.
"""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the repository root
DATA_DIR = Path(os.environ.get("LOKALE_TEAMS_DATA", ROOT / "data"))
WAREHOUSE_PATH = Path(os.environ.get("LOKALE_TEAMS_WAREHOUSE", DATA_DIR / "warehouse.duckdb"))
# The SQL console is defence in depth, not a sandbox: operators of a public deployment switch it off.
SQL_CONSOLE_ENABLED = os.environ.get("LOKALE_TEAMS_SQL_CONSOLE", "on").lower() not in {"off", "0", "false", "no"}
