# One task file: CI calls these same targets.
PY := .venv/bin/python
VENV_STAMP := .venv/.installed

.PHONY: run test lint gate bench clean chromium

$(VENV_STAMP): pyproject.toml
	python3 -m venv .venv
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev,api]"
	touch $(VENV_STAMP)

run: $(VENV_STAMP)
	rm -f wirewatch.duckdb
	.venv/bin/wirewatch ingest samples/ --meta samples/meta.jsonl --db wirewatch.duckdb
	$(PY) -m wirewatch.cli.summary wirewatch.duckdb

test: $(VENV_STAMP) chromium
	$(PY) -m pytest

# tests/web/test_browser.py drives Debian's chromium through Playwright (the dev extra); Playwright's own
# browser download cannot work offline. Installed here when missing and apt-get can (as root, or with
# passwordless sudo); when it cannot, the browser test is skipped and says why, the rest still runs.
CHROMIUM := /usr/bin/chromium
APT_GET := apt-get
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo -n)
chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if command -v $(APT_GET) >/dev/null 2>&1; then \
	    echo "installing Debian's chromium for the browser test"; \
	    export DEBIAN_FRONTEND=noninteractive; \
	    $(SUDO) $(APT_GET) install -y -qq --no-install-recommends chromium >/dev/null 2>&1 \
	    || { $(SUDO) $(APT_GET) update -qq && $(SUDO) $(APT_GET) install -y -qq --no-install-recommends chromium; } \
	    || echo "*** could not install chromium with $(APT_GET); tests/web/test_browser.py will be skipped"; \
	  else \
	    echo "*** no $(CHROMIUM) and no $(APT_GET) to install it; tests/web/test_browser.py will be skipped"; \
	  fi; \
	fi

lint: $(VENV_STAMP)
	.venv/bin/ruff check src tests benchmarks

gate: $(VENV_STAMP)
	$(PY) -m pytest tests/gates

bench: $(VENV_STAMP)
	for b in benchmarks/[a-z]*.py; do $(PY) $$b || exit 1; done

clean:
	rm -rf .venv wirewatch.duckdb .pytest_cache
