"""Hostile uploads through the app in Chromium: refused in the user's language, the canary's
text nowhere on the page, and no request to the listener from the server or the browser."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.hostile import CANARY_TEXT, CASES, Listener, write_canary
from tests.test_browser import MAP_FRAME, _open, _upload, page, server  # noqa: F401

pytestmark = pytest.mark.browser


def test_hostile_uploads_are_refused_on_the_page_and_reach_nothing(
    page: Page,  # noqa: F811
    server: str,  # noqa: F811
    tmp_path: Path,
) -> None:
    canary = write_canary(tmp_path)
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    with Listener().running() as listener:
        _open(page, server)
        for case in sorted(CASES):
            kind, name, make = CASES[case]
            # A name per case, so the page's message for this file is told from the last one.
            path = tmp_path / f"{case}{Path(name).suffix}"
            path.write_bytes(make(canary, listener.url))
            _upload(page, kind, path)
            problems = page.get_by_test_id("stAlertContentError")
            expect(problems).to_contain_text(f"'{path.name}'", timeout=30_000)
            expect(problems).to_contain_text("cần")
            expect(problems).to_contain_text("lỗi trong tệp của bạn")
            assert CANARY_TEXT not in page.content()
            assert "/tmp/" not in problems.inner_text()
            # The rest of the app still works: the bundled map is drawn.
            expect(page.frame_locator(MAP_FRAME).last.locator("path.zone").first).to_be_attached()
        assert listener.requests == []
    assert not [url for url in seen if listener.url in url]
