# Two entry points, as in the README: `make run` (set up, start the app) and `make test`
# (set up, lint, type-check, run every test including the offline Chromium ones).
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8501

.PHONY: run test system-packages allocator clean

$(VENV)/.run: requirements.txt
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.run requirements-dev.txt
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

run: $(VENV)/.run allocator
	$(PY) serve.py --server.port $(PORT)

# jemalloc (Debian's libjemalloc2) lets the server hand memory back after sessions end
# (serve.py, bench/memory.py). Installed where this user may; the app also runs without it.
allocator:
	@/sbin/ldconfig -p 2>/dev/null | grep -q libjemalloc.so.2 \
		|| { [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libjemalloc2 >/dev/null; } \
		|| echo "note: libjemalloc2 is not installed (apt-get install libjemalloc2): the server keeps more memory after sessions end"

# What the tests need from Debian: chromium for the browser tests (Playwright's own browser
# download is not used), poppler-utils to read exported PDFs, PostgreSQL + PostGIS for the
# monitoring tests' throw-away cluster (tests/monitoring_fixtures.py), jemalloc for the server.
system-packages:
	@{ command -v chromium && command -v pdftotext && /sbin/ldconfig -p | grep -q libjemalloc.so.2 \
		&& ls /usr/lib/postgresql/*/bin/initdb /usr/share/postgresql/*/extension/postgis.control; } \
		>/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		chromium fonts-noto-core poppler-utils postgresql postgresql-15-postgis-3 libjemalloc2; }

test: $(VENV)/.dev system-packages
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy
	$(PY) -m pytest

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache tests/artifacts
