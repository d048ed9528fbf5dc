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
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Error as PlaywrightError  # noqa: E402

from bench.browser import APP, CHROMIUM_FLAGS, NAIVE, served  # noqa: E402
from bench.generate import write  # noqa: E402
from geo import settings  # noqa: E402
from layers.i18n import text  # noqa: E402

MAP_FRAME_TITLE = "streamlit_folium.st_folium"
OBSERVER = (Path(__file__).parent / "observe.js").read_text(encoding="utf-8")


def median_time(action: Callable[[], object], repeat: int) -> float:
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


def _phase_widget(at: Any) -> Any:
    """The phase multiselect: keyed ``phase`` in the baseline, ``_w.phase.<labels>`` in the
    app (``ui.state.widget_key``: its key follows its labels)."""
    found = [w for w in at.sidebar.multiselect if str(w.key) == "phase" or str(w.key).startswith("_w.phase.")]
    if len(found) != 1:
        keys = [w.key for w in at.sidebar.multiselect]
        raise RuntimeError(f"expected one phase multiselect, found keys {keys}")
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
            _phase_widget(at).set_value(phases[i % 2]).run()
            times.append(time.perf_counter() - start)
            sizes.append(len(_component_args(at).encode()))
    return statistics.median(times), int(statistics.median(sizes))


#: One person's filter changes, each a single action from the state before: (widget, value,
#: add or remove). Ten distinct states, each new to the server (first-time); then the same
#: actions undone in reverse order, which revisits each state (repeated).
ACTIONS: list[tuple[str, str, bool]] = [
    ("sector", "mechanical", True),
    ("phase", "2016-2020", True),
    ("policy", "full", True),
    ("sector", "electronics", True),
    ("phase", "2016-2020", False),
    ("policy", "first", True),
    ("sector", "mechanical", False),
    ("phase", "2021-2025", True),
    ("policy", "split", True),
    ("sector", "electronics", False),
]


def _undo(actions: list[tuple[str, str, bool]]) -> list[tuple[str, str, bool]]:
    """The actions that walk back through the same states, last first."""
    policy = settings.DEFAULT_POLICY
    before = []
    for widget, value, add in actions:
        if widget == "policy":
            before.append(("policy", policy, True))
            policy = value
        else:
            before.append((widget, value, not add))
    return before[::-1]


@dataclass(frozen=True)
class Timing:
    """Seconds from the user's action (or navigation) to each moment; None if it never came."""

    map: float | None
    headline: float | None
    settled: float | None


def _frame_logs(page: Any) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The observer's log in the top page, and in every map frame now on the page."""
    top = page.evaluate("() => window.__bench")
    return top, [log for log in in_map_frames(page, "() => window.__bench || null") if log]


def in_map_frames(page: Any, script: str) -> list[Any]:
    """``script`` evaluated in every map frame now on the page, a result each."""
    results = []
    for frame in page.frames[1:]:
        try:
            if frame.frame_element().get_attribute("title") != MAP_FRAME_TITLE:
                continue
            results.append(frame.evaluate(script))
        except PlaywrightError:  # a frame replaced while it was read: the new one counts
            continue
    return results


def _settled(page: Any, quiet: float, timeout: float) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Wait until no frame has changed for ``quiet`` seconds and Streamlit is not running."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        # Read seldom: reading is work for the browser, which would slow what is timed.
        time.sleep(0.3)
        top, maps = _frame_logs(page)
        last = max([top["lastChange"], *(m["lastChange"] for m in maps)])
        browser_now = float(page.evaluate("() => performance.timeOrigin + performance.now()"))
        running = page.locator('[data-testid="stStatusWidget"]').count() > 0
        if maps and not running and browser_now - last >= quiet * 1000:
            return top, maps
    raise TimeoutError(f"the page did not settle within {timeout:.0f} s")


def _timing(top: dict[str, Any], maps: list[dict[str, Any]], since: float) -> Timing:
    def last(paints: list[float]) -> float | None:
        after = [p for p in paints if p >= since]
        return (max(after) - since) / 1000 if after else None

    map_paints = [p for m in maps for p in m["paints"]["map"]]
    return Timing(last(map_paints), last(top["paints"]["headline"]), last(top["paints"]["page"] + map_paints))


def _act(page: Any, widget: str, value: str, add: bool) -> float:
    """One action in the sidebar, as a person does it; the browser time of its press."""
    sidebar = page.get_by_test_id("stSidebar")
    label = text(f"{widget}.{value}", "en")
    page.evaluate("() => { window.__bench.inputs = []; }")
    if widget == "policy":
        sidebar.get_by_text(label, exact=True).click()
    elif add:
        sidebar.get_by_role("combobox", name=text(widget, "en")).click()
        option = page.get_by_role("option", name=label, exact=True)
        option.wait_for()
        page.evaluate("() => { window.__bench.inputs = []; }")
        option.click()
    else:
        sidebar.get_by_role("button", name=f"Remove {label}", exact=True).click()
    pressed = float(page.evaluate("() => window.__bench.inputs[0]"))
    if widget != "policy" and add:
        page.keyboard.press("Escape")  # close the list of options (after the press is timed)
    return pressed


def browser_figures(
    script: Path, folder: Path | None, quiet: float, timeout: float
) -> tuple[list[Timing], list[Timing], list[Timing]]:
    """Loads (new visitor on a cold server, new visitor, returning visitor), then first-time
    and repeated filter changes, each timed by the same observer in Chromium."""
    from playwright.sync_api import sync_playwright

    with served(script, folder) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_FLAGS)
        loads: list[Timing] = []
        page = None
        for fresh in (True, True, False):
            if fresh or page is None:
                page = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
                page.add_init_script(OBSERVER)
            page.goto(f"{url}/?lang=en")
            started = float(page.evaluate("() => performance.timeOrigin"))
            loads.append(_timing(*_settled(page, quiet, timeout), started))
        first: list[Timing] = []
        repeated: list[Timing] = []
        for actions, into in ((ACTIONS, first), (_undo(ACTIONS), repeated)):
            for action in actions:
                pressed = _act(page, *action)
                into.append(_timing(*_settled(page, quiet, timeout), pressed))
        browser.close()
    return loads, first, repeated


def summary(timings: list[Timing], field: str) -> tuple[float | None, float | None]:
    """Median and 90th percentile of one moment over ``timings`` (None where it never came)."""
    values = sorted(v for t in timings if (v := getattr(t, field)) is not None)
    if not values:
        return None, None
    p90 = statistics.quantiles(values, n=10, method="inclusive")[-1] if len(values) > 1 else values[0]
    return statistics.median(values), p90


def site_counts(folder: Path | None) -> dict[str, int]:
    import geopandas as gpd
    import pandas as pd

    source = folder or settings.DATA_DIR
    projects = pd.read_csv(source / "projects.csv")
    sites = gpd.read_file(source / "sites.geojson").merge(projects, on="project_id")
    counts = sites["phase"].value_counts().to_dict()
    return {"all": len(sites), **{p: int(counts.get(p, 0)) for p in settings.PHASES}}


#: The three moments the observer times, by their field in :class:`Timing`.
MOMENTS: dict[str, str] = {"map": "map painted", "headline": "headline updated", "settled": "page settled"}


def _shown(value: float | None) -> str:
    return "—" if value is None else f"{value:,.3f}"


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
    rows: list[tuple[str, str, float | None, float | None, str]] = []
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
        # Streamlit can work a second or more between two visible changes on large data.
        quiet = 1.0 if folder is None else 3.0
        ours_browser = browser_figures(APP, folder, quiet, timeout=300)
        naive_browser = None
        if not big:
            try:
                naive_browser = browser_figures(NAIVE, folder, quiet, timeout=300)
            except (TimeoutError, PlaywrightError) as exc:  # a baseline too slow to drive
                print(f"{label}: the baseline could not be timed: {exc}".splitlines()[0], file=sys.stderr)
        for index, visitor in enumerate(("new visitor, cold server", "new visitor", "returning visitor")):
            for field, moment in MOMENTS.items():
                rows.append(
                    (
                        label,
                        f"load, {visitor}: {moment} (s)",
                        getattr(ours_browser[0][index], field),
                        naive_browser and getattr(naive_browser[0][index], field),
                        "",
                    )
                )
        for index, kind in ((1, "first-time"), (2, "repeated")):
            for field, moment in MOMENTS.items():
                ours_median, ours_p90 = summary(ours_browser[index], field)
                naive_median, naive_p90 = (
                    summary(naive_browser[index], field) if naive_browser else (None, None)
                )
                rows.append(
                    (label, f"filter change, {kind}: {moment}, median (s)", ours_median, naive_median, "")
                )
                rows.append(
                    (label, f"filter change, {kind}: {moment}, 90th pct (s)", ours_p90, naive_p90, "")
                )
    print(f"{'data':<24} {'figure':<64} {'app':>12} {'baseline':>12} {'baseline/app':>13}")
    for label, figure, ours_value, naive_value, _ in rows:
        ratio = "—" if not naive_value or not ours_value else f"{naive_value / ours_value:,.1f}×"
        print(f"{label:<24} {figure:<64} {_shown(ours_value):>12} {_shown(naive_value):>12} {ratio:>13}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
