"""Tiếng Việt in Chromium: chart axes in the page's number format, whatever the browser's own
locale, and a zone panel with no English fact left."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Browser

from geo.load import Plan
from layers.i18n import text
from tests.test_vietnamese import URL, _words, english_words

pytestmark = pytest.mark.browser

CHART = "[data-testid='stVegaLiteChart']"
AXIS_LABELS = """(chart) => [...chart.querySelectorAll('.role-axis-label text')].map((t) => t.textContent)"""


@pytest.mark.parametrize(("lang", "grouped", "wrong"), [("vi", "2.000", ","), ("en", "2,000", ".")])
def test_chart_axis_labels_use_the_page_number_format(
    browser: Browser, server: str, lang: str, grouped: str, wrong: str
) -> None:
    # An English browser: the format must come from the page's language, not the browser.
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    page = context.new_page()
    try:
        page.goto(f"{server}/?lang={lang}&page=load")
        chart = page.locator(CHART).first
        chart.locator(".role-axis-label text").first.wait_for(timeout=60_000)
        labels = chart.evaluate(AXIS_LABELS)
        numbers = [label for label in labels if re.fullmatch(r"[\d.,]+", label)]
        assert grouped in numbers, labels
        assert not [n for n in numbers if wrong in n], numbers
    finally:
        context.close()


def test_zone_panel_in_vietnamese_has_no_english_fact(browser: Browser, server: str, plan: Plan) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    page = context.new_page()
    try:
        page.goto(f"{server}/?lang=vi&zone=kcn-song-tra")
        facts = page.locator("table.facts").first
        facts.wait_for(timeout=60_000)
        shown = facts.inner_text()
        assert "thấp (±3 km)" in shown
        assert "24.180 tỷ đồng" in shown
        assert _words(shown) & english_words(plan) == set()
        assert not re.search(r"\d,\d{3}\b", URL.sub(" ", shown)), shown
    finally:
        context.close()


def test_sidebar_numbers_in_vietnamese_and_a_typed_rate(browser: Browser, server: str) -> None:
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="en-US")
    page = context.new_page()
    try:
        page.goto(f"{server}/?lang=vi")
        sidebar = page.get_by_test_id("stSidebar")
        rate = sidebar.get_by_label(text("usd.rate", "vi"))
        rate.wait_for(timeout=60_000)
        assert rate.input_value() == "22.300"
        # The capital slider's ends, as its thumbs show them.
        slider = sidebar.get_by_test_id("stSlider")
        assert "12.000" in slider.inner_text()
        rate.fill("25.000")
        rate.press("Enter")
        page.wait_for_url(re.compile(r"rate=25000"), timeout=30_000)
        assert sidebar.get_by_label(text("usd.rate", "vi")).input_value() == "25.000"
    finally:
        context.close()
