"""Plan monitoring in Chromium at 1280×800: a visitor reads, an editor signs in and records."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from bench.browser import APP, served
from geo.load import load_plan
from geo.monitoring import records
from geo.monitoring.store import open_store
from geo.monitoring.users import add_user
from tests.conftest import ARTIFACTS, LOCAL_HOSTS

pytestmark = pytest.mark.browser
PASSWORD = "correct horse battery"


def _seed(home: Path) -> None:
    """One editor, and records for three projects (one realised outside its planned zone)."""
    add_user("anna", "editor", PASSWORD, home / "users.json")
    plan = load_plan()
    known = records.known_from(plan.projects, plan.zones)
    store = open_store(f"sqlite:///{home / 'monitoring.sqlite'}")
    rows = [
        {
            "project_id": "mechanical-2016-1",
            "status": "under_construction",
            "as_of": "2021-03-01",
            "registered_bn_vnd": "450",
            "disbursed_bn_vnd": "120,5",
            "source": "GCNĐT 0123/2021",
        },
        {
            "project_id": "mechanical-2016-1",
            "status": "operating",
            "as_of": "2023-09-30",
            "registered_bn_vnd": "620",
            "disbursed_bn_vnd": "480",
            "source": "Báo cáo Sở Công Thương 9/2023",
            "investor": "Công ty TNHH Cơ khí <Thái Bình>",
        },
        {
            "project_id": "electronics-2016-1",
            "status": "licensed",
            "as_of": "2022-05-10",
            "registered_bn_vnd": "1.100",
            "zone_id": "kcn-tien-hai",
            "source": "QĐ 456/QĐ-UBND",
        },
    ]
    for values in rows:
        draft, problems = records.read_draft(values, known, source="seed")
        assert draft is not None, problems
        records.record_as_operator(store, draft, by="operator")
    store.dispose()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    home = tmp_path_factory.mktemp("monitoring-browser")
    _seed(home)
    # DATABASE_URL is already out of the environment (the monitoring_home fixture).
    with served(APP, env={"MONITORING_HOME": str(home)}) as url:
        yield url


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="vi-VN")
    blocked: list[str] = []

    def offline(route: object) -> None:
        request_url = route.request.url  # type: ignore[attr-defined]
        host = request_url.split("/")[2].split(":")[0] if "://" in request_url else ""
        if request_url.startswith(("data:", "blob:", "about:")) or host in LOCAL_HOSTS:
            route.continue_()  # type: ignore[attr-defined]
        else:
            blocked.append(request_url)
            route.abort()  # type: ignore[attr-defined]

    context.route("**/*", offline)
    tab = context.new_page()
    yield tab
    assert blocked == []
    context.close()


def _shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"monitoring-{name}.png"), full_page=True)


def test_a_visitor_sees_plan_vs_realised_and_history_but_no_form(page: Page, server: str) -> None:
    page.goto(f"{server}/?lang=en")
    frame = page.frame_locator('iframe[title="streamlit_folium.st_folium"]')
    # The plan-to-actual line of the project realised in Tiền Hải is drawn.
    expect(frame.locator("path.moved")).to_have_count(1, timeout=30_000)
    _shot(page, "visitor-whole-map")
    page.goto(f"{server}/?zone=kcn-cau-nghin&lang=en")
    expect(page.get_by_text("Monitoring history")).to_be_visible(timeout=30_000)
    expect(frame.locator("path.leaflet-interactive").first).to_be_attached(timeout=30_000)
    expect(page.get_by_text("Public, read-only view. Editors sign in to record.")).to_be_visible()
    expect(page.get_by_text("Investor: Công ty TNHH Cơ khí <Thái Bình>")).to_be_visible()  # shown as text
    expect(page.get_by_role("button", name="Save a new record")).to_have_count(0)
    expect(
        page.get_by_text("Registered capital: 620 bn VND (37.6% of the plan)", exact=False)
    ).to_be_visible()
    _shot(page, "visitor-map")
    page.get_by_text("Monitoring history").scroll_into_view_if_needed()
    _shot(page, "visitor-history")
    page.goto(f"{server}/?page=load&lang=en")
    heading = page.get_by_role("heading", name="Plan vs realised per zone (as of")
    expect(heading).to_be_visible(timeout=30_000)
    table = page.locator('.figure-table[data-table="monitoring-load"]')
    expect(table).to_be_visible(timeout=30_000)
    expect(table).to_contain_text("620")
    table.scroll_into_view_if_needed()
    _shot(page, "visitor-load")


def test_an_editor_signs_in_records_and_sees_it_in_the_history(page: Page, server: str) -> None:
    page.goto(f"{server}/?zone=kcn-cau-nghin")
    page.get_by_role("button", name="Đăng nhập biên tập").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Tên người dùng").fill("anna")
    dialog.get_by_label("Mật khẩu").fill(PASSWORD)
    _shot(page, "sign-in")
    dialog.get_by_role("button", name="Đăng nhập", exact=True).click()
    expect(page.get_by_text("Đã đăng nhập: anna (editor)")).to_be_visible(timeout=30_000)
    save = page.get_by_role("button", name="Lưu bản ghi mới")
    expect(save).to_be_visible()
    page.get_by_label("Vốn đăng ký (tỷ đồng)").fill("1.200 tỷ đồng")
    page.get_by_label("Nguồn (số văn bản, tên hoặc đường dẫn)").fill("QĐ 789/QĐ-UBND")
    save.scroll_into_view_if_needed()
    _shot(page, "editor-form")
    save.click()
    expect(page.get_by_text("Đã lưu bản ghi 4.")).to_be_visible(timeout=30_000)
    expect(page.get_by_text("QĐ 789/QĐ-UBND")).to_be_visible()
    expect(page.get_by_text("1.200 tỷ đồng").first).to_be_visible()
    page.get_by_text("QĐ 789/QĐ-UBND").scroll_into_view_if_needed()
    _shot(page, "editor-saved")


def test_a_wrong_sign_in_says_the_same_whether_or_not_the_user_exists(page: Page, server: str) -> None:
    page.goto(f"{server}/?zone=kcn-cau-nghin")
    messages = []
    for name in ("anna", "nobody"):
        page.get_by_role("button", name="Đăng nhập biên tập").click()
        dialog = page.get_by_role("dialog")
        dialog.get_by_label("Tên người dùng").fill(name)
        dialog.get_by_label("Mật khẩu").fill("not the password")
        dialog.get_by_role("button", name="Đăng nhập", exact=True).click()
        error = dialog.get_by_test_id("stAlert")
        expect(error).to_be_visible(timeout=30_000)
        messages.append(error.inner_text())
        page.keyboard.press("Escape")
        expect(dialog).to_have_count(0)
    assert messages == ["Tên hoặc mật khẩu không đúng."] * 2
    expect(page.get_by_role("button", name="Lưu bản ghi mới")).to_have_count(0)


def _signed_in_page(browser: Browser, server: str) -> Page:
    tab = browser.new_context(viewport={"width": 1280, "height": 800}, locale="vi-VN").new_page()
    tab.goto(f"{server}/?zone=kcn-cau-nghin")
    tab.get_by_role("button", name="Đăng nhập biên tập").click()
    dialog = tab.get_by_role("dialog")
    dialog.get_by_label("Tên người dùng").fill("anna")
    dialog.get_by_label("Mật khẩu").fill(PASSWORD)
    dialog.get_by_role("button", name="Đăng nhập", exact=True).click()
    expect(tab.get_by_role("button", name="Lưu bản ghi mới")).to_be_visible(timeout=30_000)
    return tab


def test_two_browser_sessions_on_one_project_lose_no_update(browser: Browser, server: str) -> None:
    first, second = _signed_in_page(browser, server), _signed_in_page(browser, server)
    for tab, source in ((first, "Biên bản kiểm tra 1"), (second, "Biên bản kiểm tra 2")):
        tab.get_by_label("Nguồn (số văn bản, tên hoặc đường dẫn)").fill(source)
    first.get_by_role("button", name="Lưu bản ghi mới").click()
    expect(first.get_by_text("Đã lưu bản ghi", exact=False)).to_be_visible(timeout=30_000)
    second.get_by_role("button", name="Lưu bản ghi mới").click()
    refused = second.get_by_text("Chưa lưu: đã được anna thay đổi lúc", exact=False)
    expect(refused).to_be_visible(timeout=30_000)
    expect(second.get_by_text("Bản đã được lưu")).to_be_visible()
    expect(second.get_by_text("Nguồn: Biên bản kiểm tra 1").last).to_be_visible()
    expect(second.get_by_text("Nguồn: Biên bản kiểm tra 2")).to_be_visible()
    refused.scroll_into_view_if_needed()
    _shot(second, "conflict")
    for tab in (first, second):
        tab.context.close()
