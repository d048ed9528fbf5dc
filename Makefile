# Two entry points, as in the README: `make run` (set up, start the app) and `make test`
# (set up, lint, type-check, run every test including the offline Chromium ones).
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test system-packages clean

$(VENV)/.run: requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.run requirements-dev.txt
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

run: $(VENV)/.run
	$(PY) serve.py --server.port $(PORT)

# What the tests need from Debian: chromium for the browser tests (Playwright's own browser
# download is not used), poppler-utils to read exported PDFs, PostgreSQL + PostGIS for the
# monitoring tests' throw-away cluster (tests/monitoring_fixtures.py).
system-packages:
	@{ command -v chromium && command -v pdftotext \
		&& ls /usr/lib/postgresql/*/bin/initdb /usr/share/postgresql/*/extension/postgis.control; } \
		>/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		chromium fonts-noto-core poppler-utils postgresql postgresql-15-postgis-3; }

test: $(VENV)/.dev system-packages
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	$(PY) -m pytest

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache tests/artifacts
