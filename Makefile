# Two commands do all set-up on a fresh machine with only Python 3.11+: `make run` and `make test`.
PYTHON ?= python3
WAREHOUSE ?= warehouse-data
# Use the machine's uv when there is one; otherwise install it into .tools/ first.
UV := $(or $(shell command -v uv 2>/dev/null),.tools/bin/uv)
VENV := .venv
export PREFECT_SERVER_ANALYTICS_ENABLED ?= false

.PHONY: run test lint typecheck pytest bench bench-10x eval-dates eval-entities eval-scrapers clean

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet uv

$(VENV)/.synced: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen
	touch $@

run: $(VENV)/.synced
	$(VENV)/bin/akhbar run --warehouse $(WAREHOUSE)
	@echo
	@echo "Sample query:"
	@echo '  $(VENV)/bin/akhbar query "select position, published_date, dateline, outlet, title from articles order by published_date" --warehouse $(WAREHOUSE)'
	@$(VENV)/bin/akhbar query "select position, published_date, dateline, outlet, title from articles order by published_date" --warehouse $(WAREHOUSE)

lint: $(VENV)/.synced
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(VENV)/.synced
	$(VENV)/bin/mypy

pytest: $(VENV)/.synced
	$(VENV)/bin/pytest

test: lint typecheck pytest

bench: $(VENV)/.synced
	$(VENV)/bin/python -m bench

# The pipeline alone at ten times the corpus (about 2.9 GB, 400,000 files): the streaming goal's measure.
bench-10x: $(VENV)/.synced
	BENCH_SCALE=10 $(VENV)/bin/python -m bench bench_pipeline

eval-dates: $(VENV)/.synced
	$(VENV)/bin/python -m evaluation.dates

eval-scrapers: $(VENV)/.synced
	$(VENV)/bin/python -m evaluation.saudinewsnet

eval-entities: $(VENV)/.synced
	$(VENV)/bin/python -m evaluation.entities

clean:
	rm -rf $(VENV) .tools $(WAREHOUSE) .pytest_cache .mypy_cache .ruff_cache
