"""Shared fixtures: the bundled plan, and small files a test can break on purpose."""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
from playwright.sync_api import Browser, sync_playwright

from geo import io, settings
from geo.load import Plan, load_plan


@pytest.fixture(scope="session")
def plan() -> Plan:
    return load_plan()


@pytest.fixture
def projects_table() -> pd.DataFrame:
    return io.read_table(settings.PROJECTS_FILE)


@pytest.fixture
def zones_layer() -> gpd.GeoDataFrame:
    return io.read_layer(settings.ZONES_FILE)


@pytest.fixture
def sites_layer() -> gpd.GeoDataFrame:
    return io.read_layer(settings.SITES_FILE)


def digest(path: Path) -> str:
    """Content hash, to show a command left a file as it was."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    frame.to_csv(path, index=False, encoding="utf-8")
    return path


def unescape_js(page: str) -> str:
    """Undo the ``\\uXXXX`` escapes of the JSON that folium writes into the script, and the
    ``<\\/`` that keeps our layers' JSON from closing its ``<script>`` element."""
    page = page.replace("<\\/", "</")
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda m: chr(int(m.group(1), 16)), page)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> object:
    """Keep each phase's report on the test item, so fixtures can screenshot failures."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report


# The monitoring tests' databases (an SQLite file, a throw-away PostgreSQL + PostGIS cluster),
# and a private monitoring home for every app the tests start (never the user's own database).
from tests.monitoring_fixtures import (  # noqa: E402, F401
    db_url,
    monitoring_home,
    other_db_url,
    postgres_server,
)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's chromium through Playwright, one for the whole session.

    One only: a second ``sync_playwright()`` while the first runs fails ("Sync API inside the
    asyncio loop"), which is what a copy of this fixture imported into each browser test module did.
    """
    from tests.test_browser import CHROMIUM_FLAGS

    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Debian's chromium is not installed (apt-get install chromium); .ci/run installs it")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()
