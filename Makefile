# lokale-teams: `make run` starts the dashboard, `make test` runs every check. Both set up .venv first.
# Installs come from the lock files only (every transitive version pinned): `make run` installs the runtime
# lock (requirements.txt), everything else the dev lock (requirements-dev.txt: runtime + test/bench/lint
# tools); then the project itself as an editable package without dependencies (`pip install -e . --no-deps`).
# A stamp per lock reinstalls only when the lock or pyproject.toml changes; the warehouse is rebuilt only
# when data/ or etl/ changed. `make lock` regenerates both locks from pyproject.toml with uv (pinned).

PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
RUNTIME_STAMP := $(VENV)/.installed-runtime
DEV_STAMP := $(VENV)/.installed-dev
# Type-checked with mypy in `make test`: the pure modules (no Streamlit import): the ETL and the dashboard's
# pure core.
MYPY_TARGETS ?= etl dashboard/core
WAREHOUSE := data/warehouse.duckdb
# Folders are listed too: adding or deleting a file changes the folder's mtime.
DATA_FILES := data/reference data/gemeenten $(wildcard data/reference/*.yaml data/gemeenten/*.yaml) \
	$(wildcard data/coding data/coding/*.yaml data/coding/round*/*.yaml)
ETL_FILES := $(wildcard etl/*.py) etl/schema.sql
PORT ?= 8501
PYTEST_ARGS ?=

.PHONY: run test lint typecheck build export bench lock clean distclean

# Invalid data does not stop the app: it keeps serving the last good warehouse and lists the problems itself.
run: $(RUNTIME_STAMP)
	@$(MAKE) --no-print-directory build || echo "make run: data/ has problems (see above); starting the dashboard anyway"
	$(PY) -m streamlit run dashboard/app.py --server.port $(PORT)

test: lint typecheck
	$(PY) -m pytest $(PYTEST_ARGS)

# Rules and their reasons: [tool.ruff] in pyproject.toml.
lint: $(DEV_STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .

typecheck: $(DEV_STAMP)
	$(PY) -m mypy $(MYPY_TARGETS)

build: $(WAREHOUSE)

# One folder per format, each with its own README.md and datapackage.json.
export: $(WAREHOUSE) | $(RUNTIME_STAMP)
	$(PY) -m etl export --out exports/csv --format csv
	$(PY) -m etl export --out exports/xlsx --format xlsx
	$(PY) -m etl export --out exports/parquet --format parquet

# Every benchmark script (bench/bench_*.py); helper modules such as bench/synthetic.py are not run.
# Reports only: a slow (busy) machine never fails it; a script that crashes does.
bench: $(DEV_STAMP)
	@set -e; for script in bench/bench_*.py; do echo "== $$script"; $(PY) -m bench.$$(basename $$script .py); done

# Regenerates both lock files from pyproject.toml, keeping the current pins where they still fit
# (add --upgrade-package NAME to UV_ARGS to move one package).
UV_ARGS ?=
RUNTIME_WHY := \# Runtime lock: every package the dashboard and ETL need, each pinned with == so every install is identical.
DEV_WHY := \# Dev lock: the runtime lock plus test, bench, lint and type-check tools, each pinned with == (make test).
lock: $(DEV_STAMP)
	$(VENV)/bin/uv pip compile pyproject.toml --python-version 3.11 --custom-compile-command "make lock" $(UV_ARGS) -o requirements.txt
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --python-version 3.11 --custom-compile-command "make lock" $(UV_ARGS) -o requirements-dev.txt
	sed -i '1i $(RUNTIME_WHY)' requirements.txt
	sed -i '1i $(DEV_WHY)' requirements-dev.txt

$(PY):
	$(PYTHON) -m venv $(VENV)

$(RUNTIME_STAMP): requirements.txt pyproject.toml | $(PY)
	$(PY) -m pip install -r requirements.txt
	$(PY) -m pip install -e . --no-deps
	touch $@

$(DEV_STAMP): requirements-dev.txt pyproject.toml | $(PY)
	$(PY) -m pip install -r requirements-dev.txt
	$(PY) -m pip install -e . --no-deps
	touch $@

$(WAREHOUSE): $(DATA_FILES) $(ETL_FILES) | $(RUNTIME_STAMP)
	$(PY) -m etl build --data data --out $@

clean:
	rm -f $(WAREHOUSE) data/*.duckdb.tmp-* data/*.duckdb.wal
	rm -rf .pytest_cache .ruff_cache test-artifacts exports
	find . -path ./$(VENV) -prune -o -type d -name __pycache__ -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
