"""Screens people use, in real Chromium: laptops, a phone, a projector, both languages.

The measures are the screenshot review's (bench/screens.js), so what the review flags is what
these tests guard.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from bench.browser import MAP_FRAME
from bench.screens import MEASURES_JS, settle
from tests.conftest import ARTIFACTS

pytestmark = pytest.mark.browser


@pytest.fixture
def screen(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A tab of the size given as the test's parameter ``size`` (width, height)."""
    width, height = request.node.callspec.params["size"]
    phone = width < 640
    viewport = {"width": width, "height": height}
    context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone)
    context.add_init_script(path=MEASURES_JS)
    tab = context.new_page()
    yield tab
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        tab.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"))
    context.close()


def _open(tab: Page, url: str) -> None:
    tab.goto(url)
    tab.frame_locator(MAP_FRAME).last.locator("path.zone").first.wait_for(timeout=30_000)
    settle(tab)


def _map_box(tab: Page) -> dict[str, float]:
    box = tab.locator(MAP_FRAME).last.bounding_box()
    assert box is not None
    return box


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("size", [(1280, 800), (1440, 900), (1920, 1080)])
def test_the_map_is_whole_on_the_first_screen_and_the_largest_thing(
    screen: Page, server: str, size: tuple[int, int], lang: str
) -> None:
    width, height = size
    _open(screen, f"{server}/?lang={lang}&zone=kcn-song-tra")
    box = _map_box(screen)
    assert box["y"] >= 0
    assert box["y"] + box["height"] <= height, box
    # Most of what is left beside the sidebar and the zone panel: the map dominates (at
    # 1280 × 800 the sidebar alone takes 23% of the screen).
    assert box["width"] * box["height"] >= 0.25 * width * height, box
    measures = screen.evaluate("() => window.__screenMeasures()")
    assert measures["sideways"] <= 0
    assert measures["clipped"] == []
    labels = screen.frame_locator(MAP_FRAME).last.locator("body").evaluate("() => window.__labelOverlaps()")
    assert labels["overlaps"] == []


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("size", [(390, 844)])
def test_a_phone_opens_on_the_whole_province_with_the_legend_closed(
    screen: Page, server: str, size: tuple[int, int], lang: str
) -> None:
    _open(screen, f"{server}/?lang={lang}")
    box = _map_box(screen)
    assert box["y"] < size[1] * 0.6, "the map starts on the first screen"
    frame = screen.frame_locator(MAP_FRAME).last
    zones = frame.locator("path.zone").evaluate_all(
        """paths => {
          const boxes = paths.map(p => p.getBoundingClientRect()).filter(r => r.width > 0);
          return [Math.min(...boxes.map(r => r.left)), Math.max(...boxes.map(r => r.right))];
        }"""
    )
    left, right = zones
    map_width = frame.locator(".leaflet-container").first.evaluate("e => e.clientWidth")
    assert right - left >= 0.75 * map_width, (left, right, map_width)
    assert left >= -2, "the province is not cut off"
    assert right <= map_width + 2, "the province is not cut off"
    assert frame.locator(".map-legend details").evaluate("d => d.open") is False
    assert frame.locator("body").evaluate("() => window.__labelOverlaps()")["overlaps"] == []
    figures = screen.get_by_test_id("stMetricValue")
    expect(figures).to_have_count(3)
    tops = {round(figures.nth(i).bounding_box()["y"]) for i in range(3)}  # type: ignore[index]
    assert len(tops) == 1, "the three headline figures share one row"
    assert screen.evaluate("() => window.__screenMeasures()")["clipped"] == []


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("size", [(1280, 800), (1440, 900)])
def test_zone_load_and_targets_show_every_figure_in_full(
    screen: Page, server: str, size: tuple[int, int], lang: str
) -> None:
    pages = {"load": ["load", "load-sectors", "load-distances", "monitoring-load"], "targets": ["targets"]}
    for page, tables in pages.items():
        screen.goto(f"{server}/?lang={lang}&page={page}")
        screen.locator(".figure-table td.num").first.wait_for(timeout=30_000)
        settle(screen)
        names = screen.locator(".figure-table").evaluate_all("ts => ts.map(t => t.dataset.table)")
        assert names == tables
        measures = screen.evaluate("() => window.__screenMeasures()")
        assert measures["tables"] == [], page
        assert measures["clipped"] == [], page
        assert measures["sideways"] <= 0, page
        # Each figure is inside its table's visible box, not cut at its right edge.
        cut = screen.locator(".figure-table").evaluate_all(
            """tables => tables.flatMap(t => {
              const edge = t.getBoundingClientRect().right;
              return [...t.querySelectorAll('td.num')]
                .filter(td => td.getBoundingClientRect().right > edge + 1).map(td => td.innerText);
            })"""
        )
        assert cut == [], page


@pytest.mark.parametrize("size", [(1920, 1080)])
def test_briefing_fills_the_projector_and_full_screen_keeps_the_stepper(
    screen: Page, server: str, size: tuple[int, int]
) -> None:
    width, height = size
    _open(screen, f"{server}/?mode=present&lang=en")
    box = _map_box(screen)
    assert height - 12 <= box["y"] + box["height"] <= height, box
    assert box["width"] >= width - 40
    value = screen.get_by_test_id("stMetricValue").first
    size_px = float(value.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
    assert size_px >= 36, "figures a room can read"
    screen.frame_locator(MAP_FRAME).last.locator(".leaflet-control-zoom-fullscreen").click()
    screen.wait_for_function("() => document.fullscreenElement === document.documentElement")
    expect(screen.get_by_role("button", name="Next phase")).to_be_visible()
    expect(screen.get_by_test_id("stMetricValue").first).to_be_visible()


def test_back_and_forward_step_through_views(page: Page, server: str) -> None:
    """Map → Zone load → Targets with the ceramics filter; Back twice, Forward once."""
    from tests.test_browser_walk import _choose_page

    page.goto(f"{server}/?lang=en")
    page.frame_locator(MAP_FRAME).locator("path.zone").first.wait_for(timeout=30_000)
    _choose_page(page, "Zone load")
    expect(page.get_by_role("heading", name="Capital allocated per zone")).to_be_visible()
    settle(page)
    page.get_by_test_id("stSidebar").get_by_role("combobox", name="Sector").click()
    page.get_by_role("option", name="Sanitary ceramics").click()
    settle(page)
    expect(page.get_by_test_id("stMetricValue").nth(1)).to_have_text("580 bn VND", timeout=20_000)
    assert "sector=ceramics" in page.url
    _choose_page(page, "Targets")
    expect(page.get_by_role("heading", name="Production value targets")).to_be_visible()
    page.go_back()
    expect(page.get_by_role("heading", name="Capital allocated per zone")).to_be_visible(timeout=20_000)
    expect(page.get_by_test_id("stMetricValue").nth(1)).to_have_text("580 bn VND")
    page.go_back()
    expect(page.get_by_test_id("stMetricValue").nth(1)).to_have_text("31,560 bn VND", timeout=20_000)
    expect(page.get_by_role("heading", name="Capital allocated per zone")).to_be_visible()
    page.go_back()
    page.frame_locator(MAP_FRAME).last.locator("path.zone").first.wait_for(timeout=30_000)
    assert "page=" not in page.url
    page.go_forward()
    expect(page.get_by_role("heading", name="Capital allocated per zone")).to_be_visible(timeout=20_000)
    expect(page.get_by_test_id("stMetricValue").nth(1)).to_have_text("31,560 bn VND")


@pytest.mark.parametrize("size", [(390, 844)])
def test_a_phone_shows_a_chosen_park_whole_on_the_first_screen(
    screen: Page, server: str, size: tuple[int, int]
) -> None:
    _open(screen, f"{server}/?lang=en&zone=kcn-song-tra")
    box = _map_box(screen)
    assert box["y"] + box["height"] <= size[1], box
    frame = screen.frame_locator(MAP_FRAME).last
    park = frame.locator("path.zone-kcn-song-tra").bounding_box()
    container = frame.locator(".leaflet-container").first.bounding_box()
    assert park is not None
    assert container is not None
    assert park["x"] >= container["x"]
    assert park["x"] + park["width"] <= container["x"] + container["width"]
    assert park["y"] >= container["y"]
    assert park["y"] + park["height"] <= container["y"] + container["height"]
