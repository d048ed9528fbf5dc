"""Benchmark: the app against a naive baseline, in one run, on the plan and national data.

``python bench/run.py`` (about 10 minutes) or ``python bench/run.py --quick`` (under a
minute: the plan's data and 20,000 sites, no 100,000 and fewer repeats). Prints one table:
each figure for the app, the baseline, and their ratio. Figures, not a test: compare the
ratios within one run, as the machine's speed varies.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.generate import write  # noqa: E402
from geo import settings  # noqa: E402
from tests.test_browser import CHROMIUM_FLAGS as FLAGS  # noqa: E402

APP = ROOT / "app.py"
NAIVE = ROOT / "bench" / "naive_app.py"
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
#: In the map's frame: how many sites are drawn, whichever way the page draws them.
COUNT_JS = """() => {
    if (window.__sitesDrawn) { return window.__sitesDrawn.count; }
    return document.querySelectorAll('path.site').length;
}"""
#: The same for the baseline, whose circle markers are the only paths on its map.
NAIVE_COUNT_JS = "() => document.querySelectorAll('.leaflet-overlay-pane path').length"


def median_time(action: Callable[[], None], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@contextmanager
def data_dir(folder: Path | None) -> Iterator[None]:
    old = os.environ.pop(settings.DATA_DIR_ENV, None)
    if folder is not None:
        os.environ[settings.DATA_DIR_ENV] = str(folder)
    try:
        yield
    finally:
        os.environ.pop(settings.DATA_DIR_ENV, None)
        if old is not None:
            os.environ[settings.DATA_DIR_ENV] = old


def pipeline_seconds(folder: Path | None, repeat: int) -> tuple[float, float]:
    """Read + validate + join + aggregate (the app), and read + merge (the baseline)."""
    import geopandas as gpd
    import pandas as pd

    from geo.load import load_plan
    from geo.view import Filters, build_view

    source = folder or settings.DATA_DIR
    with data_dir(folder):
        ours = median_time(lambda: build_view(load_plan(), Filters()), repeat)

    def naive() -> None:
        projects = pd.read_csv(source / "projects.csv")
        gpd.read_file(source / "sites.geojson").merge(projects, on="project_id")

    return ours, median_time(naive, repeat)


def _component_args(at: Any) -> str:
    found: list[str] = []

    def walk(node: Any) -> None:
        for child in getattr(node, "children", {}).values():
            walk(child)
        if getattr(node, "type", "") == "component_instance":
            found.append(node.proto.json_args)

    walk(at._tree)
    return found[0]


def rerun_figures(script: Path, folder: Path | None, repeat: int) -> tuple[float, int]:
    """Median Python time of a rerun after a phase change, and bytes sent to the map."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    with data_dir(folder):
        # AppTest runs in this process: the app's caches would hand over the last data set.
        st.cache_data.clear()
        at = AppTest.from_file(str(script), default_timeout=600).run()
        phases = [["2016-2020"], ["2021-2025"]]
        times, sizes = [], []
        for i in range(repeat):
            start = time.perf_counter()
            at.sidebar.multiselect(key="phase").set_value(phases[i % 2]).run()
            times.append(time.perf_counter() - start)
            sizes.append(len(_component_args(at).encode()))
    return statistics.median(times), int(statistics.median(sizes))


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def served(script: Path, folder: Path | None) -> Iterator[str]:
    port = _free_port()
    env = {**os.environ}
    env.pop(settings.DATA_DIR_ENV, None)
    if folder is not None:
        env[settings.DATA_DIR_ENV] = str(folder)
    if script == NAIVE:
        # Streamlit serves static/ beside the script it runs: give the baseline the same
        # Leaflet files as the app, or it could not draw a map offline at all.
        stage = Path(tempfile.mkdtemp(prefix="tb-naive-"))
        shutil.copytree(ROOT / "static", stage / "static")
        script = Path(shutil.copy(NAIVE, stage / NAIVE.name))
        env["PYTHONPATH"] = str(ROOT)
    command = [sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port)]
    command += [
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--server.enableStaticServing",
        "true",
    ]
    process = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    stage_folder = script.parent if script.parent != NAIVE.parent else None
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{script.name} did not start") from None
                time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
        if stage_folder is not None and stage_folder.name.startswith("tb-naive-"):
            shutil.rmtree(stage_folder, ignore_errors=True)


def _in_map(page: Any, script: str) -> Any:
    """Run ``script`` (a function of no argument) in the newest map frame."""
    body = page.locator(MAP_FRAME).last.content_frame.locator("body")
    return body.evaluate(f"(_) => ({script})()", timeout=2_000)


def _wait_drawn(page: Any, expected: int, timeout: float, count: str = COUNT_JS) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if _in_map(page, count) == expected:
                return
        except Exception:  # a frame being replaced mid-read: read again
            pass
        time.sleep(0.02)
    raise TimeoutError(f"the map did not show {expected} sites within {timeout:.0f} s")


def _set_phase(page: Any, label: str, phase: str) -> None:
    box = page.get_by_test_id("stSidebar").get_by_role("combobox", name=label)
    box.click()
    box.press("Backspace")
    # The app shows "2016–2020" (en dash), the baseline "2016-2020".
    page.get_by_role("option", name=re.compile(phase.replace("-", "."))).click()
    box.press("Escape")


def browser_figures(
    script: Path, folder: Path | None, counts: dict[str, int], repeat: int, timeout: float
) -> tuple[float, float]:
    """Page load → sites drawn, and median phase change → sites redrawn, in Chromium."""
    from playwright.sync_api import sync_playwright

    with served(script, folder) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        start = time.perf_counter()
        count = NAIVE_COUNT_JS if script == NAIVE else COUNT_JS
        page.goto(url)
        _wait_drawn(page, counts["all"], timeout, count)
        cold = time.perf_counter() - start
        # A second visitor: the server has imported its libraries and cached the data.
        start = time.perf_counter()
        page.goto(url)
        _wait_drawn(page, counts["all"], timeout, count)
        load = time.perf_counter() - start
        times = []
        for i in range(repeat):
            phase = ("2016-2020", "2021-2025")[i % 2]
            # Mark what is drawn now, so only a new drawing counts as the redraw.
            _in_map(
                page,
                "() => { if (window.__sitesDrawn) { window.__sitesDrawn.count = -1; }"
                " document.querySelectorAll('path.site, .leaflet-overlay-pane path')"
                ".forEach(e => e.remove()); }",
            )
            start = time.perf_counter()
            _set_phase(page, "Phase" if script == NAIVE else "Giai đoạn", phase)
            _wait_drawn(page, counts[phase], timeout, count)
            times.append(time.perf_counter() - start)
        browser.close()
    return cold, load, statistics.median(times)


def site_counts(folder: Path | None) -> dict[str, int]:
    import geopandas as gpd
    import pandas as pd

    source = folder or settings.DATA_DIR
    projects = pd.read_csv(source / "projects.csv")
    sites = gpd.read_file(source / "sites.geojson").merge(projects, on="project_id")
    counts = sites["phase"].value_counts().to_dict()
    return {"all": len(sites), **{p: int(counts.get(p, 0)) for p in settings.PHASES}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="plan data and 20,000 sites only, fewer repeats")
    args = parser.parse_args()
    repeat = 3 if args.quick else 5
    work = Path(tempfile.mkdtemp(prefix="tb-bench-"))
    sets: list[tuple[str, Path | None]] = [("plan (27 sites)", None)]
    write(work / "20k", 1_000, 20_000)
    sets.append(("national 20,000 sites", work / "20k"))
    if not args.quick:
        write(work / "100k", 1_000, 100_000)
        sets.append(("national 100,000 sites", work / "100k"))
    rows: list[tuple[str, str, float, float | None, str]] = []
    for label, folder in sets:
        counts = site_counts(folder)
        ours, naive = pipeline_seconds(folder, repeat if folder is None else 1)
        rows.append((label, "pipeline (s)", ours, naive, "lower is better"))
        python_ours, bytes_ours = rerun_figures(APP, folder, repeat)
        big = counts["all"] > 50_000
        if big:
            python_naive, bytes_naive = None, None
        else:
            python_naive, bytes_naive = rerun_figures(NAIVE, folder, repeat)
        rows.append((label, "Python per filter change (s)", python_ours, python_naive, ""))
        rows.append((label, "payload to the browser (bytes)", bytes_ours, bytes_naive, ""))
        rows.append(
            (
                label,
                "payload per site (bytes)",
                bytes_ours / counts["all"],
                bytes_naive and bytes_naive / counts["all"],
                "",
            )
        )
        if args.quick and folder is not None:
            continue
        cold, load, change = browser_figures(APP, folder, counts, repeat, timeout=180)
        cold_naive: float | None
        load_naive: float | None
        change_naive: float | None
        if big:
            cold_naive, load_naive, change_naive = None, None, None
        else:
            try:
                cold_naive, load_naive, change_naive = browser_figures(
                    NAIVE, folder, counts, min(repeat, 3), timeout=180
                )
            except TimeoutError:
                cold_naive, load_naive, change_naive = float("inf"), float("inf"), float("inf")
        rows.append((label, "Chromium: first load → drawn, cold server (s)", cold, cold_naive, ""))
        rows.append((label, "Chromium: load → sites drawn (s)", load, load_naive, ""))
        rows.append((label, "Chromium: filter change → redrawn (s, median)", change, change_naive, ""))
    print(f"{'data':<24} {'figure':<46} {'app':>12} {'baseline':>12} {'baseline/app':>13}")
    for label, figure, ours_value, naive_value, _ in rows:
        naive_text = "—" if naive_value is None else f"{naive_value:,.3f}"
        ratio = "—" if not naive_value or not ours_value else f"{naive_value / ours_value:,.1f}×"
        print(f"{label:<24} {figure:<46} {ours_value:>12,.3f} {naive_text:>12} {ratio:>13}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
