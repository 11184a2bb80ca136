# lokale-teams: `make run` starts the dashboard, `make test` runs every check. Both set up .venv first.
# The virtualenv is created once and requirements are reinstalled only when requirements.txt changes
# (stamp .venv/.installed); the warehouse is rebuilt only when data/ or etl/ changed.

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
WAREHOUSE := data/warehouse.duckdb
# Folders are listed too: adding or deleting a file changes the folder's mtime.
DATA_FILES := data/reference data/gemeenten $(wildcard data/reference/*.yaml data/gemeenten/*.yaml) \
	$(wildcard data/coding data/coding/*.yaml data/coding/round*/*.yaml)
ETL_FILES := $(wildcard etl/*.py) etl/schema.sql
PORT ?= 8501
PYTEST_ARGS ?=

.PHONY: run test lint build export bench clean distclean

# Invalid data does not stop the app: it keeps serving the last good warehouse and lists the problems itself.
run: | $(STAMP)
	@$(MAKE) --no-print-directory build || echo "make run: data/ has problems (see above); starting the dashboard anyway"
	$(PY) -m streamlit run dashboard/app.py --server.port $(PORT)

test: $(STAMP) lint
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(PY) -m ruff check .

build: $(WAREHOUSE)

# One folder per format, each with its own README.md and datapackage.json.
export: $(WAREHOUSE)
	$(PY) -m etl export --out exports/csv --format csv
	$(PY) -m etl export --out exports/xlsx --format xlsx
	$(PY) -m etl export --out exports/parquet --format parquet

# Every benchmark script (bench/bench_*.py); helper modules such as bench/synthetic.py are not run.
bench: $(STAMP)
	@set -e; for script in bench/bench_*.py; do echo "== $$script"; $(PY) $$script; done

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): requirements.txt | $(PY)
	$(PY) -m pip install -r requirements.txt
	touch $@

$(WAREHOUSE): $(DATA_FILES) $(ETL_FILES) | $(STAMP)
	$(PY) -m etl build --data data --out $@

clean:
	rm -f $(WAREHOUSE) data/*.duckdb.tmp-* data/*.duckdb.wal
	rm -rf .pytest_cache .ruff_cache test-artifacts exports
	find . -path ./$(VENV) -prune -o -type d -name __pycache__ -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
