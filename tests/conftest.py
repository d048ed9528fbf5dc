"""Shared fixtures: the bundled plan, small files a test can break on purpose, and the
browser tests' server, Chromium and offline page (one of each for every browser test module)."""

from __future__ import annotations

import hashlib
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import geopandas as gpd
import pandas as pd
import pytest
from playwright.sync_api import Browser, Page, Route, sync_playwright

from bench.browser import APP, CHROMIUM_FLAGS, served
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


# Browser tests (tests/test_browser*.py): one server per module, one Chromium per run (a
# second sync Playwright in the same thread fails).
ARTIFACTS = Path(__file__).parent / "artifacts"
LOCAL_HOSTS = {"localhost", "127.0.0.1"}


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    # As `make run` starts it: serve.py imports the libraries, then runs `streamlit run app.py`.
    with served(APP) as url:
        yield url


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
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Debian's chromium is not installed (apt-get install chromium); .ci/run installs it")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="vi-VN")
    blocked: list[str] = []

    def offline(route: Route) -> None:
        host = urlparse(route.request.url).hostname or ""
        if route.request.url.startswith(("data:", "blob:", "about:", "file:")) or host in LOCAL_HOSTS:
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", offline)
    tab = context.new_page()
    tab.blocked = blocked  # type: ignore[attr-defined]
    yield tab
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        tab.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
