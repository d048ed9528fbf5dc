"""Context and basemap notes in real Chromium, offline: the exported map opened from disk."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, Route, expect

import cli
from tests.test_browser import ARTIFACTS

pytestmark = pytest.mark.browser

SONG_TRA = (20.47, 106.30)


@pytest.fixture
def tab(browser: Browser) -> Iterator[Page]:
    """A page that may open files only: every request to a host is blocked and recorded."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="vi-VN")
    blocked: list[str] = []

    def offline(route: Route) -> None:
        if route.request.url.startswith(("data:", "blob:", "about:", "file:")):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", offline)
    page = context.new_page()
    page.blocked = blocked  # type: ignore[attr-defined]
    yield page
    context.close()


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("export") / "map.html"
    assert cli.run(["export", "map", "--format", "html", "--out", str(out), "--lang", "vi"]) == 0
    return out


def _open_at(page: Page, exported: Path, centre: tuple[float, float], zoom: int) -> None:
    page.goto(exported.as_uri())
    page.locator("path.zone").first.wait_for(timeout=15_000)
    name = page.evaluate("Object.keys(window).find(k => k.startsWith('map_'))")
    page.wait_for_load_state("load")
    # Not animated, and again until it holds: the page's own first fit may still be on its
    # way (a zoom animation in a busy headless browser does not end within a fixed wait).
    for _ in range(20):
        page.evaluate(f"window[{name!r}].setView([{centre[0]}, {centre[1]}], {zoom}, {{animate: false}})")
        page.wait_for_timeout(300)
        if page.evaluate(f"window[{name!r}].getZoom()") == zoom:
            break
    assert page.evaluate(f"window[{name!r}].getZoom()") == zoom


def _on_screen(page: Page, target: Locator, *, whole: bool) -> bool:
    """Whether any of ``target`` lies on the screen: wholly (a label) or in part (a line)."""
    size = page.viewport_size or {"width": 0, "height": 0}
    for i in range(target.count()):
        box = target.nth(i).bounding_box()
        if box is None:
            continue
        left, top, right, bottom = box["x"], box["y"], box["x"] + box["width"], box["y"] + box["height"]
        if whole and left >= 0 and top >= 0 and right <= size["width"] and bottom <= size["height"]:
            return True
        if not whole and right > 0 and bottom > 0 and left < size["width"] and top < size["height"]:
            return True
    return False


def test_zoomed_to_song_tra_the_tra_ly_and_the_city_are_drawn_and_named(tab: Page, exported: Path) -> None:
    page = tab
    _open_at(page, exported, SONG_TRA, 13)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "context_song_tra.png"))
    river = page.locator("path.context-tra_ly")
    assert river.count() == 1
    assert _on_screen(page, river, whole=False)
    labels = page.locator(".context-label-tra_ly")
    assert _on_screen(page, labels, whole=True)
    assert labels.first.inner_text() == "Sông Trà Lý"
    city = page.locator(".context-label-thai_binh_city")
    assert _on_screen(page, city, whole=True)
    assert city.inner_text() == "Thành phố Thái Bình"
    assert page.locator("path.context-sea").count() == 1
    # Zoomed in, the park's ±3 km location uncertainty shows as a halo; zoomed out, it does not.
    assert page.locator("path.halo-kcn-song-tra").count() == 1
    name = page.evaluate("Object.keys(window).find(k => k.startsWith('map_'))")
    page.evaluate(f"window[{name!r}].setZoom(10)")
    page.wait_for_timeout(500)
    assert page.locator("path.park-halo").count() == 0
    assert page.blocked == []  # type: ignore[attr-defined]


def test_ticking_openstreetmap_offline_shows_a_note_within_5_s(tab: Page, exported: Path) -> None:
    page = tab
    _open_at(page, exported, SONG_TRA, 11)
    page.locator(".leaflet-control-layers").hover()
    started = time.monotonic()
    page.get_by_text("OpenStreetMap (cần Internet)").click()
    note = page.locator(".tile-note")
    note.wait_for(timeout=5_000)
    assert time.monotonic() - started < 5.5
    assert "Không tải được nền bản đồ trực tuyến" in note.inner_text()
    assert any("openstreetmap" in url for url in page.blocked)  # type: ignore[attr-defined]
    # Unticking it takes the note away.
    page.get_by_text("OpenStreetMap (cần Internet)").click()
    assert page.locator(".tile-note").count() == 0


def test_an_uploaded_context_layer_is_drawn_under_the_zones(page: Page, server: str, tmp_path: Path) -> None:
    from tests.test_browser import MAP_FRAME, _open
    from tests.test_own_context import ROADS

    roads = tmp_path / "đường.geojson"
    roads.write_bytes(ROADS)
    _open(page, server)
    page.get_by_text("Dữ liệu của bạn").first.click()
    page.get_by_test_id("stFileUploaderDropzoneInput").nth(3).set_input_files(str(roads))
    page.get_by_text("Đã vẽ 3 đối tượng của").wait_for(timeout=30_000)
    frame = page.frame_locator(MAP_FRAME).last
    expect(frame.locator("path.own-context")).to_have_count(3, timeout=20_000)
    assert "Lớp của bạn: đường.geojson" in (frame.locator(".leaflet-control-layers").text_content() or "")
    assert page.evaluate("window.__pwned") is None
    assert page.blocked == []  # type: ignore[attr-defined]
