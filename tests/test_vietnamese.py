"""Tiếng Việt everywhere (issue 11, item 5) and consistency between views (item 7), through
Streamlit's AppTest: the zone panel's values, the data view's tables, the charts, the capital
slider, the findings' wording, the data view following the filters, capital per ha only where
an area is land for industry, and a search that knows districts."""

from __future__ import annotations

import html
import json
import re
from typing import Any

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from geo.load import Plan
from geo.stats import has_land_area
from geo.view import Filters, select_projects
from layers.features import confidence_text, local_value, per_ha_text
from layers.i18n import CATALOGUE, text
from paper.words import finding_lines, signed
from tests.conftest import unescape_js
from tests.html_tables import html_table
from tests.test_app import _map_args, _projects_on_map, _run, choice
from tests.test_datasets import Choose, folders, use  # noqa: F401 (fixtures)
from tests.test_views import _table

#: Zone columns the bundled data writes in English, each with a Vietnamese twin ``<name>_vi``.
ENGLISH_FACTS = ("developer", "status", "location_method", "current_unit", "source", "licence", "sources")
URL = re.compile(r"https?://\S+")


def _words(value: str) -> set[str]:
    """Lower-case ASCII words of 4+ letters, leaving out links and file names (ids)."""
    value = URL.sub(" ", value)
    value = " ".join(w for w in value.split() if "_" not in w and ".csv" not in w)
    return {w.lower() for w in re.findall(r"[A-Za-z]{4,}", value)}


def english_words(plan: Plan) -> set[str]:
    """Words that only English uses: in the English catalogue or the zones' English facts,
    and nowhere in the Vietnamese catalogue or the Vietnamese facts."""
    # The upload help lists column names and allowed ids ("province", "surveyed"): not words.
    vietnamese = _words(" ".join(v for k, v in CATALOGUE["vi"].items() if k != "upload.help"))
    english = _words(" ".join(CATALOGUE["en"].values()))
    for column in ENGLISH_FACTS:
        vietnamese |= _words(" ".join(plan.zones[f"{column}_vi"].astype(str)))
        english |= _words(" ".join(plan.zones[column].astype(str)))
    return english - vietnamese


def _facts(at: AppTest) -> str:
    body = next(h.proto.body for h in at.get("html") if 'class="facts"' in h.proto.body)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def _panel_value(at: AppTest, label_key: str) -> str:
    body = next(h.proto.body for h in at.get("html") if 'class="facts"' in h.proto.body)
    cells = dict(re.findall(r"<tr><th>(.*?)</th><td>(.*?)</td></tr>", body))
    return html.unescape(cells[html.escape(text(label_key, "vi"), quote=True)])


def _charts(at: AppTest) -> list[dict[str, Any]]:
    return [json.loads(c.proto.spec) for c in at.get("vega_lite_chart")]


# -- Zone panel -------------------------------------------------------------------------


def test_zone_panel_in_vietnamese_has_no_english_word_and_vietnamese_numbers(plan: Plan) -> None:
    at = _run(lang="vi", zone="kcn-song-tra")
    facts = _facts(at)
    assert _panel_value(at, "field.developer") == "Tập đoàn TBS (ilotusland.com)"
    assert _panel_value(at, "field.status") == "đang hoạt động"
    assert _panel_value(at, "field.confidence") == "thấp (±3 km)"
    assert _panel_value(at, "field.current_unit") == (
        "tỉnh Hưng Yên (tỉnh Thái Bình sáp nhập vào từ ngày 1/7/2025)"
    )
    method = _panel_value(at, "field.method")
    assert method.startswith("hình tròn theo diện tích ghi nhận")
    assert method.endswith("đã dời hình tròn 343 m để nằm trọn trong huyện")
    # Figures a reader checks, in the Vietnamese format.
    assert _panel_value(at, "field.allocated") == "24.180 tỷ đồng"
    assert _panel_value(at, "field.area") == "150,2 ha"
    assert _panel_value(at, "field.capital_per_ha") == "160,94 tỷ đồng/ha"
    found = _words(facts) & english_words(plan)
    assert found == set(), found
    assert not re.search(r"\d,\d{3}\b", URL.sub(" ", facts)), facts


def test_zone_panel_in_english_keeps_the_english_facts() -> None:
    at = _run(lang="en", zone="kcn-song-tra")
    facts = _facts(at)
    assert "TBS Group (ilotusland.com)" in facts
    assert "low (±3 km)" in facts
    assert "disc moved 343 m to lie inside its district" in facts
    assert "24,180 bn VND" in facts


def test_every_vietnamese_panel_of_a_site_zone_is_vietnamese(plan: Plan) -> None:
    english = english_words(plan)
    for zone_id in ["kkt-ven-bien", "kcn-tien-hai", "kcn-cau-nghin"]:
        facts = _facts(_run(lang="vi", zone=zone_id))
        assert _words(facts) & english == set(), (zone_id, _words(facts) & english)


def test_confidence_is_worded_per_language_and_unknown_wording_is_kept() -> None:
    assert confidence_text("low (±2-3 km)", "vi") == "thấp (±2–3 km)"
    assert confidence_text("medium-low", "vi") == "trung bình – thấp"
    assert confidence_text("low (±2.5 km)", "vi") == "thấp (±2,5 km)"
    assert confidence_text("low (±2.5 km)", "en") == "low (±2.5 km)"
    assert confidence_text("khoảng 1 km", "vi") == "khoảng 1 km"
    assert confidence_text(float("nan"), "vi") == ""


def test_a_users_zone_without_vietnamese_columns_shows_its_own_text() -> None:
    zone = pd.Series({"developer": "Công ty ABC", "developer_vi": float("nan")})
    assert local_value(zone, "developer", "vi") == "Công ty ABC"
    assert local_value(pd.Series({"status": "operating"}), "status", "vi") == "operating"
    bundled = pd.Series({"status": "operating", "status_vi": "đang hoạt động"})
    assert local_value(bundled, "status", "vi") == "đang hoạt động"
    assert local_value(bundled, "status", "en") == "operating"


def test_the_zone_popup_on_the_map_is_vietnamese() -> None:
    script = unescape_js(_map_args(_run(lang="vi"))["feature_group"])
    assert "Tập đoàn TBS (ilotusland.com)" in script
    assert "TBS Group" not in script


# -- Data view --------------------------------------------------------------------------


def test_data_view_sources_table_is_vietnamese(plan: Plan) -> None:
    at = _run(lang="vi", page="data")
    sources = _table(at, 1).set_index("Khu")
    assert sources.loc["KCN Sông Trà (TBS)", "Độ tin cậy vị trí"] == "thấp (±3 km)"
    assert sources.loc["Tỉnh Thái Bình", "Độ tin cậy vị trí"] == "cao"
    assert sources.loc["Tỉnh Thái Bình", "Nguồn"] == "dvhcvn (GPL-3.0), hình học từ gis.chinhphu.vn"
    assert sources.loc["Tỉnh Thái Bình", "Giấy phép"] == (
        "GPL-3.0 (chưa kiểm chứng điều khoản của cổng thông tin gốc)"
    )
    assert sources.loc["KCN Sông Trà (TBS)", "Đơn vị hiện nay"].startswith("tỉnh Hưng Yên")
    cells = " ".join(sources.astype(str).to_numpy().ravel())
    found = _words(cells) & english_words(plan)
    assert found == set(), found


def test_data_view_project_phases_and_zones_are_named_in_vietnamese() -> None:
    projects = _table(_run(lang="vi", page="data"), 0).set_index("ID")
    assert projects.loc["mechanical-2016-2", "Giai đoạn"] == "2016–2020"
    assert projects.loc["mechanical-2016-2", "Khu"] == "KCN Cầu Nghìn"


# -- Charts and slider ------------------------------------------------------------------


@pytest.mark.parametrize(("lang", "thousands", "decimal"), [("vi", ".", ","), ("en", ",", ".")])
def test_charts_carry_the_language_number_format_and_titles(lang: str, thousands: str, decimal: str) -> None:
    for page, titles in (
        ("load", ["col.zone", "col.sector", "col.phase", "col.capital"]),
        ("targets", ["col.sector", "chart.year", "chart.value"]),
    ):
        (spec,) = _charts(_run(lang=lang, page=page))
        number = spec["config"]["locale"]["number"]
        assert (number["thousands"], number["decimal"]) == (thousands, decimal)
        assert [t["title"] for t in spec["encoding"]["tooltip"]] == [text(k, lang) for k in titles]


def test_capital_slider_shows_vietnamese_thousands_and_keeps_the_link() -> None:
    at = _run(lang="vi", capital="5000.5-12000")
    slider = choice(at.sidebar.select_slider, "capital")
    assert slider.value == (5_000.5, 12_000.0)
    shown = list(slider.proto.options)
    assert {"0", "5.000,5", "12.000"} <= set(shown)
    assert not [label for label in shown if re.fullmatch(r"\d{4,}", label)]
    assert at.query_params["capital"] == "5000.5-12000"


def test_capital_slider_in_english_uses_commas() -> None:
    slider = choice(_run(lang="en").sidebar.select_slider, "capital")
    assert "12,000" in list(slider.proto.options)
    assert slider.value == (0.0, 12_000.0)


# -- Findings ---------------------------------------------------------------------------


def test_findings_read_printed_then_rows_with_the_signed_difference(plan: Plan) -> None:
    vi, en = finding_lines(plan, "vi"), finding_lines(plan, "en")
    assert vi[0] == "Điện tử – tin học, 2016–2020: tổng in 1.580 tỷ đồng; cộng các dự án được 1.680 (+100)."
    assert en[0] == "Electronics & IT, 2016–2020: printed 1,580 bn VND; the rows add up to 1,680 (+100)."
    assert vi[1] == "Sứ vệ sinh: mục tiêu 2025 in 1.060 tỷ đồng; 435 × 2,50 = 1.087,5 (+27,5)."
    assert en[1] == (
        "Sanitary ceramics: the 2025 target is printed as 1,060 bn VND; 435 × 2.50 = 1,087.5 (+27.5)."
    )


def test_a_difference_below_the_print_has_a_minus_sign() -> None:
    assert signed(-100, "en") == "−100"
    assert signed(-1234.5, "vi") == "−1.234,5"
    assert signed(0, "vi") == "0"


def test_the_app_and_the_printed_pages_word_findings_alike(plan: Plan) -> None:
    at = _run(lang="vi", page="targets")
    assert [w.value for w in at.warning] == finding_lines(plan, "vi")


# -- Consistency ------------------------------------------------------------------------


def test_data_view_follows_the_sidebar_filters_and_says_so() -> None:
    at = _run(lang="vi", page="data", sector="ceramics")
    projects = _table(at, 0)
    assert sorted(projects["ID"]) == ["ceramics-2016-1", "ceramics-2021-2"]
    assert "2 trên 22 dự án, theo bộ lọc ở thanh bên." in [c.value for c in at.caption]
    at = _run(lang="en", page="data", capital="5000-12000")
    assert sorted(_table(at, 0)["ID"]) == ["electronics-2021-1", "electronics-2021-2"]
    assert "2 of 22 projects, following the filters in the sidebar." in [c.value for c in at.caption]


def test_data_view_search_narrows_the_filtered_list_by_district() -> None:
    at = _run(lang="vi", page="data", sector="mechanical")
    at.text_input(key="table_search").input("quynh phu").run()
    assert sorted(_table(at, 0)["ID"]) == ["mechanical-2016-1", "mechanical-2016-2", "mechanical-2016-4"]


def test_capital_per_ha_only_for_parks(plan: Plan) -> None:
    assert has_land_area("park", "indicative", 150.2)
    assert has_land_area("coastal_zone", "surveyed", 900.0)
    assert not has_land_area("cluster_area", "unspecified", 149_523.0)
    assert not has_land_area("park", "indicative", 0.0)
    zone = plan.zones.set_index("zone_id").loc["ccn-cac-huyen"]
    assert per_ha_text(3_000.0, 149_523.0, zone, "vi") == text("per_ha.none", "vi")
    facts = _facts(_run(lang="vi", zone="ccn-cac-huyen"))
    assert text("per_ha.none", "vi") in facts
    assert "tỷ đồng/ha" not in facts


def test_zone_load_table_has_no_per_ha_for_areas() -> None:
    table = html_table(_run(lang="en", page="load"), "load").set_index("Zone")
    per_ha = table["bn VND per ha"]
    assert per_ha["Tiền Hải Industrial Park"] == pytest.approx(580 / 445.3, rel=1e-3)
    assert (
        per_ha[["Coastal zone (Thái Thụy, Tiền Hải)", "District industrial clusters (site not specified)"]]
        .isna()
        .all()
    )


def test_search_finds_the_parks_of_a_district(plan: Plan) -> None:
    cau_nghin = ["electronics-2016-4", "mechanical-2016-1", "mechanical-2016-2", "mechanical-2016-4"]
    assert sorted(select_projects(plan, Filters(search="Quỳnh Phụ"))["project_id"]) == cau_nghin
    assert sorted(select_projects(plan, Filters(search="QUYNH PHU"))["project_id"]) == cau_nghin
    at = _run(lang="vi", q="Quỳnh Phụ")
    assert _projects_on_map(at) == cau_nghin


def test_zone_panel_table_and_list_name_phases_and_use_vietnamese_thousands() -> None:
    at = _run(lang="vi", zone="kcn-song-tra")
    table = at.table[0].value
    assert set(table.columns) <= {"2016–2020", "2021–2025"}
    assert set(table.index) <= {
        text(f"sector.{s}", "vi") for s in ("mechanical", "electronics", "textiles", "ceramics")
    }
    cells = table.to_numpy().ravel().tolist()
    assert all(re.fullmatch(r"\d{1,3}(\.\d{3})*", cell) for cell in cells), cells
    # Read back as a person would: the cells add up to the zone's allocated 24.180.
    assert sum(int(cell.replace(".", "")) for cell in cells) == 24_180
    listed = next(h.proto.body for h in at.get("html") if 'class="zone-projects"' in h.proto.body)
    assert "2016-2020" not in listed
    assert "2021-2025" not in listed


def test_printed_pages_carry_the_vietnamese_facts_and_sources(plan: Plan) -> None:
    from geo.view import build_view
    from paper.page import sources_line
    from paper.sheets import _facts as sheet_facts

    assert "dvhcvn (GPL-3.0), hình học từ gis.chinhphu.vn" in sources_line(plan, "vi")
    assert "geometry from" in sources_line(plan, "en")
    zone = plan.zones.set_index("zone_id", drop=False).loc["kcn-tien-hai"]
    facts = dict(sheet_facts(plan, build_view(plan, Filters()), zone, "vi"))
    assert (
        facts[text("field.status", "vi")]
        == "đang hoạt động (duan24h.net 2022); dùng khí thiên nhiên Tiền Hải"
    )
    assert facts[text("field.capital_per_ha", "vi")] == "1,30 tỷ đồng/ha"
    area = dict(
        sheet_facts(
            plan,
            build_view(plan, Filters()),
            plan.zones.set_index("zone_id", drop=False).loc["kkt-ven-bien"],
            "vi",
        )
    )
    assert area[text("field.capital_per_ha", "vi")] == text("per_ha.none", "vi")


def test_headline_counts_use_vietnamese_thousands_on_a_large_data_set(use: Choose) -> None:  # noqa: F811
    use("national")
    at = _run(lang="vi")
    assert next(m.value for m in at.metric) == "1.000 / 1.000"
    at = _run(lang="en")
    assert next(m.value for m in at.metric) == "1,000 / 1,000"


def test_zone_load_table_in_vietnamese_shows_dashes_and_the_panel_s_per_ha(plan: Plan) -> None:
    at = _run(lang="vi", page="load")
    shown = html_table(at, "load", shown=True).set_index("Khu")
    assert shown.loc["KCN Sông Trà (TBS)", "Vốn (tỷ đồng)"] == "24.180"
    assert shown.loc["Vùng ven biển (Thái Thụy, Tiền Hải)", "Tỷ đồng/ha"] == "—"
    assert text("per_ha.note", "vi") in [c.value for c in at.caption]
    found = _words(" ".join(map(str, shown.columns))) & english_words(plan)
    assert found == set(), found
    # One figure, one value: the table, the zone panel and the map's popup divide alike.
    per_ha = shown.loc["KCN Sông Trà (TBS)", "Tỷ đồng/ha"]
    panel = _panel_value(_run(lang="vi", zone="kcn-song-tra"), "field.capital_per_ha")
    assert f"{per_ha} tỷ đồng/ha" == panel
    assert f"{per_ha} tỷ đồng/ha" in unescape_js(_map_args(_run(lang="vi"))["feature_group"])


def test_rate_field_shows_vietnamese_thousands_and_reads_what_people_type() -> None:
    at = _run(lang="vi")
    field = choice(at.sidebar.text_input, "usd_rate")
    assert field.value == "22.300"
    field.input("25.000").run()
    assert at.query_params["rate"] == "25000"
    assert choice(at.sidebar.text_input, "usd_rate").value == "25.000"
    assert any(c.value.startswith("≈ 1.262,4 triệu USD · ") for c in at.caption)
    # Not a rate: said in Vietnamese, and the last good rate stays in use.
    choice(at.sidebar.text_input, "usd_rate").input("abc").run()
    assert [e.value for e in at.sidebar.error] == [
        text("usd.rate_bad", "vi").format(low="1.000", high="100.000", rate="25.000")
    ]
    assert at.query_params["rate"] == "25000"
    choice(at.sidebar.text_input, "usd_rate").input("23000").run()
    assert not at.sidebar.error
    assert choice(at.sidebar.text_input, "usd_rate").value == "23.000"


def test_the_page_switch_is_labelled_in_the_language_for_screen_readers() -> None:
    # Its label is hidden on screen, but a screen reader reads it out.
    assert _run(lang="vi").get("button_group")[0].label == "Trang"
    assert _run(lang="en").get("button_group")[0].label == "Page"
