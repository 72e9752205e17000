# One task file: CI calls these same targets.
PY := .venv/bin/python
VENV_STAMP := .venv/.installed

.PHONY: run test lint gate bench clean

$(VENV_STAMP): pyproject.toml
	python3 -m venv .venv
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev,api]"
	touch $(VENV_STAMP)

run: $(VENV_STAMP)
	rm -f wirewatch.duckdb
	.venv/bin/wirewatch ingest samples/ --meta samples/meta.jsonl --db wirewatch.duckdb
	$(PY) -m wirewatch.cli.summary wirewatch.duckdb

test: $(VENV_STAMP)
	$(PY) -m pytest

lint: $(VENV_STAMP)
	.venv/bin/ruff check src tests benchmarks

gate: $(VENV_STAMP)
	$(PY) -m pytest tests/gates

bench: $(VENV_STAMP)
	for b in benchmarks/[a-z]*.py; do $(PY) $$b || exit 1; done

clean:
	rm -rf .venv wirewatch.duckdb .pytest_cache
