"""Benchmark: the app against a naive baseline, in one run, on the plan and national data.

``python bench/run.py`` (about 10 minutes) or ``python bench/run.py --quick`` (about a
minute: the plan's data and 20,000 sites, no 100,000 and fewer repeats). Prints one table:
each figure for the app, the baseline, and their ratio. Figures, not a test: compare the
ratios within one run, as the machine's speed varies.

In Chromium, a filter change is one user action (choosing a phase in the list, or removing
it), timed in the browser from the press to the first animation frame that shows the new
number of sites; a load, from navigation to that frame.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
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
from tests.test_browser import free_port  # noqa: E402

APP = ROOT / "app.py"
NAIVE = ROOT / "bench" / "naive_app.py"
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
#: Run in every frame as it is created. The page records when the user pressed something;
#: a map frame checks, every animation frame, how many sites are drawn (the app's own
#: count if it keeps one, else the paths in Leaflet's overlay pane, which for the
#: baseline are its circle markers) and records each new drawing with the time. Both
#: times come from the browser, so Playwright's own delays do not count.
WATCH_JS = """
(() => {
  window.__inputs = [];
  for (const type of ["pointerdown", "keydown"]) {
    window.addEventListener(type, () => window.__inputs.push(Date.now()), true);
  }
  window.__drawings = [];
  let last = "";
  const tick = () => {
    const pane = document.querySelector(".leaflet-overlay-pane");
    if (pane) {
      const mark = window.__sitesDrawn;
      const count = mark ? mark.count : pane.querySelectorAll("path").length;
      const key = mark ? count + "@" + mark.at : String(count);
      if (key !== last) { window.__drawings.push([Date.now(), count]); last = key; }
    }
    requestAnimationFrame(tick);
  };
  // A frame asked before its document has loaded was never called back in Chromium.
  window.addEventListener("DOMContentLoaded", () => requestAnimationFrame(tick));
})();
"""


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
        st.cache_resource.clear()
        at = AppTest.from_file(str(script), default_timeout=600).run()
        phases = [["2016-2020"], ["2021-2025"]]
        times, sizes = [], []
        for i in range(repeat):
            start = time.perf_counter()
            at.sidebar.multiselect(key="phase").set_value(phases[i % 2]).run()
            times.append(time.perf_counter() - start)
            sizes.append(len(_component_args(at).encode()))
    return statistics.median(times), int(statistics.median(sizes))


@contextmanager
def served(script: Path, folder: Path | None) -> Iterator[str]:
    port = free_port()
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
    # The app starts as `make run` starts it (serve.py); the baseline with `streamlit run`.
    if script == APP:
        command = [sys.executable, str(ROOT / "serve.py"), "--server.port", str(port)]
    else:
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


def _drawings(page: Any) -> list[tuple[int, int]]:
    """(time, site count) of every drawing in the newest map frame so far."""
    try:
        body = page.locator(MAP_FRAME).last.content_frame.locator("body")
        return [tuple(d) for d in body.evaluate("(_) => window.__drawings || []", timeout=2_000)]
    except Exception:  # no map frame yet, or one being replaced mid-read: read again
        return []


def _drawn_at(page: Any, expected: int, after: int, timeout: float) -> int:
    """Browser time (ms) of the first drawing of ``expected`` sites after ``after``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        # The times are the browser's own, so read seldom: reading is work for the browser
        # that would slow the very drawing being timed.
        time.sleep(0.4)
        for at, count in _drawings(page):
            if at >= after and count == expected:
                return at
    raise TimeoutError(f"the map did not show {expected} sites within {timeout:.0f} s")


def _change_phase(page: Any, label: str, phase: str | None) -> int:
    """Choose ``phase`` (from none chosen) or remove it: one user action, as a user would.

    Returns the browser time (ms) of that action's press.
    """
    sidebar = page.get_by_test_id("stSidebar")
    if phase is not None:
        sidebar.get_by_role("combobox", name=label).click()
        option = page.get_by_role("option", name=re.compile(phase.replace("-", ".")))
        option.wait_for()
        page.evaluate("() => { window.__inputs = []; }")
        option.click()
    else:
        button = sidebar.get_by_role("button", name=re.compile("^Remove"))
        page.evaluate("() => { window.__inputs = []; }")
        button.click()
    return int(page.evaluate("() => window.__inputs[0]"))


def browser_figures(
    script: Path, folder: Path | None, counts: dict[str, int], repeat: int, timeout: float
) -> tuple[float, float, float, float]:
    """Page load → sites drawn for a new visitor on a cold server, a new visitor on a warm
    one, and a returning visitor; then the median of single filter changes (choose a
    phase, remove it) → sites redrawn, in Chromium."""
    from playwright.sync_api import sync_playwright

    label = "Phase" if script == NAIVE else "Giai đoạn"
    with served(script, folder) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=FLAGS)
        loads = []
        page = None
        # A new visitor on a cold server (it imports its libraries first), a new visitor on a
        # warm one (empty browser cache), and that visitor coming back (cached).
        for fresh in (True, True, False):
            if fresh or page is None:
                page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
                page.add_init_script(WATCH_JS)
            page.goto(url)
            started = float(page.evaluate("() => performance.timeOrigin"))
            loads.append((_drawn_at(page, counts["all"], 0, timeout) - started) / 1000)
        times = []
        for i in range(2 * repeat):
            phase = "2016-2020" if i % 2 == 0 else None
            pressed = _change_phase(page, label, phase)
            drawn = _drawn_at(page, counts[phase or "all"], pressed, timeout)
            times.append((drawn - pressed) / 1000)
            if phase is not None:
                page.keyboard.press("Escape")  # close the list of options
            page.wait_for_timeout(300)
        browser.close()
    return (*loads, statistics.median(times))


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
        ours_browser = browser_figures(APP, folder, counts, repeat, timeout=180)
        naive_browser: tuple[float | None, ...] = (None,) * 4
        if not big:
            try:
                naive_browser = browser_figures(NAIVE, folder, counts, min(repeat, 3), timeout=180)
            except TimeoutError:
                naive_browser = (float("inf"),) * 4
        figures = (
            "Chromium: new visitor, cold server: load → drawn (s)",
            "Chromium: new visitor: load → drawn (s)",
            "Chromium: returning visitor: load → drawn (s)",
            "Chromium: filter change → redrawn (s, median)",
        )
        for figure, ours_value, naive_value in zip(figures, ours_browser, naive_browser, strict=True):
            rows.append((label, figure, ours_value, naive_value, ""))
    print(f"{'data':<24} {'figure':<52} {'app':>12} {'baseline':>12} {'baseline/app':>13}")
    for label, figure, ours_value, naive_value, _ in rows:
        naive_text = "—" if naive_value is None else f"{naive_value:,.3f}"
        ratio = "—" if not naive_value or not ours_value else f"{naive_value / ours_value:,.1f}×"
        print(f"{label:<24} {figure:<52} {ours_value:>12,.3f} {naive_text:>12} {ratio:>13}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
