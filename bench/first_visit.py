"""Where a new visitor's first load spends its time, for the app and the baseline alike.

Run: ``.venv/bin/python bench/first_visit.py [--runs N]``. Each run opens a fresh browser
context (empty cache, a new visitor) on an already warm server and reads the browser's own
performance timeline: the HTML, Streamlit's scripts and styles (how many, how many bytes,
when the last one ended), the first script run's messages, the map frame's creation and
the map painted (by the bench's observer, ``bench/observe.js``). Medians over the runs.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.browser import APP, CHROMIUM_FLAGS, NAIVE, served
from bench.run import MAP_FRAME_TITLE, OBSERVER, _settled, _timing

#: The moments read from the timeline, in the order a page reaches them.
MOMENTS = (
    "html received",
    "scripts and styles loaded",
    "map frame created",
    "headline painted",
    "map painted",
    "page settled",
)

TIMELINE_JS = """
(title) => {
  const nav = performance.getEntriesByType("navigation")[0];
  const res = performance.getEntriesByType("resource");
  const code = res.filter(r => /\\.(js|css|mjs)(\\?|$)/.test(r.name));
  const frame = document.querySelector(`iframe[title="${title}"]`);
  const frameEntry = res.find(r => frame && r.name === frame.src);
  return {
    html: nav.responseEnd,
    codeCount: code.length,
    codeBytes: code.reduce((s, r) => s + (r.decodedBodySize || 0), 0),
    codeTransfer: code.reduce((s, r) => s + (r.transferSize || 0), 0),
    codeEnd: Math.max(0, ...code.map(r => r.responseEnd)),
    frameStart: frameEntry ? frameEntry.startTime : null,
    origin: performance.timeOrigin,
  };
}
"""


def visit(url: str, browser: Any) -> dict[str, float]:
    """One new visitor's load: the moments (s since navigation) and the code it fetched."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.add_init_script(OBSERVER)
    page.goto(url)
    top, maps = _settled(page, quiet=1.0, timeout=120)
    line = page.evaluate(TIMELINE_JS, MAP_FRAME_TITLE)
    timing = _timing(top, maps, line["origin"])
    context.close()
    frame = line["frameStart"]
    return {
        "html received": line["html"] / 1000,
        "scripts and styles loaded": line["codeEnd"] / 1000,
        "map frame created": frame / 1000 if frame is not None else float("nan"),
        "headline painted": timing.headline if timing.headline is not None else float("nan"),
        "map painted": timing.map if timing.map is not None else float("nan"),
        "page settled": timing.settled if timing.settled is not None else float("nan"),
        "scripts and styles (count)": line["codeCount"],
        "scripts and styles (KB, uncompressed)": line["codeBytes"] / 1000,
        "scripts and styles (KB, transferred)": line["codeTransfer"] / 1000,
    }


def measure(script: Path, runs: int) -> dict[str, float]:
    """Medians of ``runs`` new visitors' loads of ``script`` (after one warm-up visit)."""
    from playwright.sync_api import sync_playwright

    with served(script) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_FLAGS)
        visit(url, browser)  # the server's first run (imports, caches) is not a new visitor's
        rows = [visit(url, browser) for _ in range(runs)]
        browser.close()
    return {key: statistics.median(row[key] for row in rows) for key in rows[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    started = time.monotonic()
    app = measure(APP, args.runs)
    naive = measure(NAIVE, args.runs)
    print(f"{'new visitor, plan data (median of ' + str(args.runs) + ')':45} {'app':>10} {'baseline':>10}")
    for key in app:
        print(f"{key:45} {app[key]:10.3f} {naive[key]:10.3f}")
    print(f"({time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main()
