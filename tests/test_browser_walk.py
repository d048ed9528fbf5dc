"""The issue's path and a short random walk in real Chromium, where widgets send their labels."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from layers.i18n import text
from tests.conftest import ARTIFACTS
from tests.test_browser import MAP_FRAME
from tests.test_uploads import surveyed_song_tra

pytestmark = pytest.mark.browser

CORPUS = Path(__file__).parent / "corpus"
WALK_STEPS = 30
SEED = 17


def _settled(page: Page) -> None:
    """Wait until the app has finished its rerun, then check nothing on the page failed."""
    page.wait_for_timeout(300)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0, timeout=30_000)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    for lang in ("vi", "en"):
        expect(page.get_by_text(text("error.part", lang).split("{")[0][:40])).to_have_count(0)


def _sidebar(page: Page) -> None:
    """Open the sidebar if the screen is narrow enough to have it collapsed."""
    opener = page.get_by_test_id("stExpandSidebarButton")
    if opener.count() and opener.is_visible():
        opener.click()
        page.wait_for_timeout(300)


def _close_sidebar(page: Page) -> None:
    """On a phone the open sidebar covers the page: close it before using the page."""
    size = page.viewport_size
    if size is not None and size["width"] < 640 and page.get_by_test_id("stSidebar").is_visible():
        page.get_by_test_id("stSidebar").get_by_test_id("stSidebarCollapseButton").locator("button").click(
            force=True
        )
        page.wait_for_timeout(400)


def _choose_language(page: Page, name: str) -> None:
    _sidebar(page)
    page.get_by_test_id("stSidebar").get_by_text(name, exact=True).click()
    _settled(page)


def _choose_page(page: Page, label: str) -> None:
    _close_sidebar(page)
    page.get_by_test_id("stButtonGroup").get_by_text(label, exact=True).click()
    _settled(page)


def _choose_policy(page: Page, label: str) -> None:
    _sidebar(page)
    page.get_by_test_id("stSidebar").get_by_text(label, exact=True).click()
    _settled(page)


def _shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (390, 844)])
def test_english_then_load_targets_full_amount_and_back_keeps_the_policy(
    browser: Browser, server: str, width: int, height: int
) -> None:
    """Tiếng Việt → English → Zone load → Targets → Full amount → Tiếng Việt → Map."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN")
    tab = context.new_page()
    name = f"issue17_{width}"
    try:
        tab.goto(server)
        tab.frame_locator(MAP_FRAME).locator("path.zone").first.wait_for(timeout=30_000)
        _choose_language(tab, "English")
        expect(tab.get_by_role("heading", name=text("title", "en"))).to_be_visible()
        _choose_page(tab, text("tab.load", "en"))
        expect(tab.get_by_text(text("load.title", "en"))).to_be_visible()
        _choose_page(tab, text("tab.targets", "en"))
        expect(tab.get_by_text(text("targets.title", "en"))).to_be_visible()
        _choose_policy(tab, text("policy.full", "en"))
        expect(tab.get_by_role("radio", name=text("policy.full", "en"))).to_be_checked()
        _shot(tab, f"{name}_targets_en")
        _choose_language(tab, "Tiếng Việt")
        _choose_page(tab, text("tab.map", "vi"))
        tab.frame_locator(MAP_FRAME).locator("path.zone").first.wait_for(timeout=30_000)
        expect(tab.get_by_text("31.560 tỷ đồng").first).to_be_visible()
        _shot(tab, f"{name}_map_vi")
        _sidebar(tab)
        expect(tab.get_by_role("radio", name=text("policy.full", "vi"))).to_be_checked()
        expect(tab.get_by_role("radio", name="Tiếng Việt")).to_be_checked()
        assert "policy=full" in tab.url
        _shot(tab, f"{name}_map_vi_sidebar")
    except AssertionError:
        _shot(tab, f"{name}_failed")
        raise
    finally:
        context.close()


def test_a_renamed_zone_then_a_policy_change_keeps_the_chosen_park(
    page: Page, server: str, tmp_path: Path
) -> None:
    """Choose Sông Trà, upload its surveyed outline under a new name, then change the policy."""
    path = tmp_path / "song_tra_vn2000.gpkg"
    surveyed_song_tra(3405).to_file(path)
    page.goto(f"{server}/?zone=kcn-song-tra")
    page.frame_locator(MAP_FRAME).locator("path.zone").first.wait_for(timeout=30_000)
    page.get_by_text("Dữ liệu của bạn").first.click()
    page.get_by_test_id("stFileUploaderDropzoneInput").nth(0).set_input_files(str(path))
    page.get_by_text("Đang dùng tệp của bạn").wait_for(timeout=30_000)
    _settled(page)
    _choose_policy(page, text("policy.first", "vi"))
    expect(page.get_by_role("combobox", name="Khu")).to_have_value("KCN Sông Trà (đo đạc)")
    expect(page.get_by_role("heading", name="KCN Sông Trà (đo đạc)")).to_be_visible()
    # The file can be removed and the session goes on with the bundled data.
    page.get_by_test_id("stFileChipDeleteBtn").first.click()
    _settled(page)
    expect(page.get_by_text("Đang dùng tệp của bạn")).to_have_count(0)


def test_a_short_random_walk_in_chromium_never_shows_an_error(page: Page, server: str) -> None:
    rng = random.Random(SEED)
    page.goto(server)
    page.frame_locator(MAP_FRAME).locator("path.zone").first.wait_for(timeout=30_000)
    lang = "vi"
    bad = sorted((CORPUS / "bad").glob("*.geojson"))
    for _ in range(WALK_STEPS):
        action = rng.choice(["lang", "page", "page", "policy", "policy", "search", "upload", "remove"])
        if action == "lang":
            lang = "en" if lang == "vi" else "vi"
            _choose_language(page, "English" if lang == "en" else "Tiếng Việt")
        elif action == "page":
            _choose_page(page, text(f"tab.{rng.choice(['map', 'load', 'targets', 'data'])}", lang))
        elif action == "policy":
            _choose_policy(page, text(f"policy.{rng.choice(['split', 'full', 'first'])}", lang))
        elif action == "search":
            box = page.get_by_test_id("stSidebar").get_by_label(text("search", lang))
            box.fill(rng.choice(["", "linh kiện", "cable", "zzz"]))
            box.press("Enter")
            _settled(page)
        elif action == "upload":
            expander = page.get_by_text(re.compile("Dữ liệu của bạn|Your data")).first
            if (
                page.get_by_test_id("stFileUploaderDropzoneInput").count() == 0
                or not page.get_by_test_id("stFileUploaderDropzoneInput").first.is_enabled()
            ):
                expander.click()
            page.get_by_test_id("stFileUploaderDropzoneInput").nth(0).set_input_files(str(rng.choice(bad)))
            _settled(page)
        else:
            delete = page.get_by_test_id("stFileChipDeleteBtn")
            if delete.count():
                delete.first.click()
                _settled(page)
    assert page.blocked == []  # type: ignore[attr-defined]
