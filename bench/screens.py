"""Screenshot review: every page and view, both languages, the four screens people use.

Run from the project folder: ``python bench/screens.py [--out FOLDER] [--only NAME]``. It
starts the app on the bundled data, opens each view in Debian's Chromium with every request to
another host blocked (as in a briefing room with no internet), and writes one PNG per view,
language and screen to FOLDER (default ``screens/``). For each it prints what a reviewer
checks first: whether the page scrolls sideways, table cells or panel items cut narrower than
their text, overlapping map labels, the map's box and whether the map starts on the first
screen. Look at every PNG: the figures flag the usual faults, the eye finds the rest.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.browser import APP, CHROMIUM_FLAGS, MAP_FRAME, ROOT, served

SCREENS: dict[str, tuple[int, int]] = {
    "laptop-1280": (1280, 800),
    "laptop-1440": (1440, 900),
    "projector-1920": (1920, 1080),
    "phone-390": (390, 844),
}
UPLOAD = ROOT / "tests" / "corpus" / "ok" / "zone_long_thin_cau_nghin.geojson"


@dataclass(frozen=True)
class View:
    """One view of the app: a name, its URL's query and whether it uploads a file first."""

    name: str
    query: str
    upload: Path | None = None


VIEWS: tuple[View, ...] = (
    View("map", ""),
    View("zone", "zone=kcn-song-tra"),
    View("load", "page=load"),
    View("targets", "page=targets"),
    View("data", "page=data"),
    View("briefing", "mode=present"),
    View("upload", "zone=kcn-cau-nghin", UPLOAD),
)

#: The measures, defined in every frame: ``__screenMeasures()`` in the page (sideways
#: scrolling, clipped text, tables scrolling sideways, the map's box) and ``__labelOverlaps()``
#: in the map (labels whose boxes intersect).
MEASURES_JS = Path(__file__).with_name("screens.js")


def settle(page: Page, timeout: float = 60.0) -> None:
    """Wait until Streamlit has finished its run and nothing has changed for a second.

    The second is counted from this call at the earliest: a run the last action started
    may not have begun to change the page yet.
    """
    page.evaluate("() => { window.__settleFrom = performance.now(); }")
    page.wait_for_function(
        """() => {
          const now = performance.now();
          if (!window.__quiet) {
            window.__quiet = now;
            new MutationObserver(() => (window.__quiet = performance.now()))
              .observe(document.body, {subtree: true, childList: true, characterData: true});
          }
          const running = document.querySelector('[data-test-script-state="running"]');
          return !running && now - Math.max(window.__quiet, window.__settleFrom) > 1000;
        }""",
        timeout=timeout * 1000,
        polling=250,
    )


def upload(page: Page, path: Path, lang: str) -> None:
    """Put ``path`` into the sidebar's zone uploader and wait for the app to take it."""
    sidebar = page.get_by_test_id("stSidebar")
    if not sidebar.is_visible():
        page.get_by_test_id("stExpandSidebarButton").click()
    page.get_by_text("Dữ liệu của bạn" if lang == "vi" else "Your data").first.click()
    page.get_by_test_id("stFileUploaderDropzoneInput").nth(0).set_input_files(str(path))
    page.get_by_text("Đang dùng tệp của bạn" if lang == "vi" else "Using your files").first.wait_for(
        timeout=60_000
    )


def shoot(page: Page, url: str, view: View, lang: str, path: Path) -> dict[str, Any]:
    """Open one view, take its screenshot (first screen and whole page), return its measures."""
    query = "&".join(part for part in (view.query, f"lang={lang}") if part)
    page.goto(f"{url}/?{query}")
    settle(page)
    if view.upload is not None:
        upload(page, view.upload, lang)
        settle(page)
        if page.viewport_size and page.viewport_size["width"] < 640:
            page.keyboard.press("Escape")
    page.screenshot(path=str(path))
    measures: dict[str, Any] = page.evaluate("() => window.__screenMeasures()")
    frames = page.locator(MAP_FRAME)
    labels = frames.last.content_frame.locator("body") if frames.count() else None
    measures["labels"] = labels.evaluate("() => window.__labelOverlaps()") if labels else None
    if labels is None:
        whole_page(page, path.with_name(path.stem + "-whole.png"))
    return measures


def whole_page(page: Page, path: Path) -> None:
    """The whole page in one image: Streamlit scrolls its main block, not the document, so
    the window is made as tall as the page for the shot (pages without a map only: the map's
    height follows the window's)."""
    size = page.viewport_size
    assert size is not None
    height = page.evaluate("() => document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
    page.set_viewport_size({"width": size["width"], "height": max(size["height"], int(height))})
    settle(page)
    page.screenshot(path=str(path))
    page.set_viewport_size(size)


def report(name: str, measures: dict[str, Any], height: int, phone: bool = False) -> str:
    """One line a reviewer reads: the faults found and the map's place (on a phone a wide
    table may scroll inside its own box: not a fault there)."""
    faults = []
    if measures["sideways"] > 0:
        faults.append(f"page scrolls sideways by {measures['sideways']} px")
    if measures["clipped"]:
        faults.append(f"{len(measures['clipped'])} clipped: {measures['clipped'][:4]}")
    if measures["tables"] and not phone:
        faults.append(f"tables scroll sideways: {measures['tables']}")
    labels = measures.get("labels")
    if labels and labels["overlaps"]:
        faults.append(f"labels overlap: {labels['overlaps'][:4]}")
    box = measures["map"]
    where = ""
    if box:
        where = f"map {box[2]}×{box[3]} at y={box[1]}" + ("" if box[1] < height * 0.6 else " (starts low)")
    return f"{name:<40} {where:<32} {'; '.join(faults) or 'ok'}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screens")
    parser.add_argument("--only", help="only views whose file name contains this")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    faults = 0
    with served(APP) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_FLAGS)
        for screen, (width, height) in SCREENS.items():
            phone = width < 640
            context = browser.new_context(
                viewport={"width": width, "height": height}, is_mobile=phone, has_touch=phone
            )
            context.add_init_script(path=MEASURES_JS)
            context.route(
                "**/*",
                lambda route: (
                    route.continue_()
                    if route.request.url.startswith(("http://127.0.0.1", "data:", "blob:", "about:"))
                    else route.abort()
                ),
            )
            for view in VIEWS:
                for lang in ("vi", "en"):
                    name = f"{screen}-{view.name}-{lang}"
                    if args.only and args.only not in name:
                        continue
                    page = context.new_page()
                    try:
                        measures = shoot(page, url, view, lang, args.out / f"{name}.png")
                        line = report(name, measures, height, phone)
                    except Exception as error:
                        line = f"{name:<40} FAILED: {type(error).__name__}: {str(error).splitlines()[0]}"
                    finally:
                        page.close()
                    faults += not line.endswith(" ok")
                    print(line, flush=True)
            context.close()
        browser.close()
    print(f"{faults} views with faults; screenshots in {args.out}")


if __name__ == "__main__":
    main()
