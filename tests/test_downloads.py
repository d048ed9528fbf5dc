"""Downloads made for people: headers and sheet in the language, numbers as numbers, a totals
row equal to the headline, a frozen header, a CSV Excel reads, coordinates as precise as known."""

from __future__ import annotations

import csv
import io as _io
import re
from decimal import Decimal
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from openpyxl.worksheet.worksheet import Worksheet
from streamlit.testing.v1 import AppTest

import cli
from geo import settings
from geo.exports import export_frame, export_totals, rounded_sites
from geo.load import Plan, load_plan
from geo.overrides import load_uploads
from geo.view import Filters, build_view
from layers.downloads import header, people_sheet
from layers.i18n import capital
from tests.test_exports_safe import LINK
from ui.tables import download_bytes

APP = str(settings.ROOT / "app.py")
#: A column id as scripts know it: what a person should not find as a header.
SNAKE = re.compile(r"[a-z0-9]+(_[a-z0-9]+)+")


@pytest.fixture(scope="module")
def plan() -> Plan:
    return load_plan()


def _sheet(data: bytes) -> Worksheet:
    return openpyxl.load_workbook(_io.BytesIO(data)).worksheets[0]


def _headers(sheet: Worksheet) -> list[str]:
    return [c.value for c in sheet[1]]


def _column(sheet: Worksheet, name: str) -> list[openpyxl.cell.Cell]:
    """The cells of column ``name`` below the header, the totals row included."""
    index = _headers(sheet).index(name)
    return [row[index] for row in sheet.iter_rows(min_row=2)]


def _csv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(_io.StringIO(data.decode("utf-8-sig"), newline="")))


def _decimals(value: str) -> int:
    exponent = Decimal(value).as_tuple().exponent
    assert isinstance(exponent, int)
    return max(0, -exponent)


def test_zone_load_xlsx_in_vietnamese_has_numbers_formats_and_a_frozen_header(plan: Plan) -> None:
    view = build_view(plan, Filters())
    sheet = _sheet(download_bytes(plan, view, "zone-load", "xlsx", "vi"))
    assert sheet.title == "Vốn theo khu"
    headers = _headers(sheet)
    assert headers[:2] == ["Tên khu (tiếng Việt)", "Mã khu"]
    assert {"Vốn (tỷ đồng)", "Số dự án", "Tỷ lệ tổng vốn quy hoạch (%)", "Diện tích (ha)"} <= set(headers)
    assert "Vốn Điện tử – tin học 2021–2025 (tỷ đồng)" in headers
    assert "km đường thẳng tới Cảng Hải Phòng" in headers
    assert not [h for h in headers if SNAKE.fullmatch(h)]
    assert sheet.freeze_panes == "B2"
    names = [c.value for c in _column(sheet, "Tên khu (tiếng Việt)")][:-1]
    capitals = _column(sheet, "Vốn (tỷ đồng)")[:-1]
    expected = view.load[view.load["capital_bn_vnd"] > 0].set_index("name_vi")["capital_bn_vnd"]
    assert dict(zip(names, [c.value for c in capitals], strict=True)) == expected.to_dict()
    assert {(c.data_type, c.number_format) for c in capitals} == {("n", "#,##0")}
    shares = _column(sheet, "Tỷ lệ tổng vốn quy hoạch (%)")[:-1]
    assert {(c.data_type, c.number_format) for c in shares} == {("n", "0.0%")}
    song_tra = names.index("KCN Sông Trà (TBS)")
    assert shares[song_tra].value == pytest.approx(capitals[song_tra].value / plan.total_capital)
    # Sectors and kinds are words, not ids.
    assert {c.value for c in _column(sheet, "Loại khu")[:-1]} <= {
        "Khu công nghiệp",
        "Vùng ven biển",
        "Cụm công nghiệp các huyện",
    }
    ids = openpyxl.load_workbook(_io.BytesIO(download_bytes(plan, view, "zone-load", "xlsx", "vi")))["Mã cột"]
    assert dict(ids.iter_rows(min_row=2, values_only=True))["Vốn (tỷ đồng)"] == "capital_bn_vnd"


@pytest.mark.parametrize("policy", settings.POLICIES)
def test_zone_load_totals_row_is_the_headline_capital_under_each_policy(plan: Plan, policy: str) -> None:
    view = build_view(plan, Filters(sectors=["textiles", "mechanical"], policy=policy))
    sheet = _sheet(download_bytes(plan, view, "zone-load", "xlsx", "en"))
    kept = plan.projects[plan.projects["sector"].isin(["textiles", "mechanical"])]
    last = sheet.max_row
    assert sheet.cell(last, 1).value == f"Total of the {len(kept)} projects shown (each counted once)"
    row = dict(zip(_headers(sheet), [c.value for c in sheet[last]], strict=True))
    assert row["Capital (bn VND)"] == kept["capital_bn_vnd"].sum() == 7_300
    assert row["Projects"] == len(kept)
    assert row["Share of the plan's capital (%)"] == pytest.approx(7_300 / 31_560)
    assert row["Capital Textiles, garments & leather 2021–2025 (bn VND)"] == 3_050
    assert row["Area (ha)"] is None
    column_sum = sum(c.value for c in _column(sheet, "Capital (bn VND)")[:-1])
    # Under "full" each site gets the whole capital: the rows add up to more than was planned.
    assert (column_sum > 7_300) == (policy == "full")


def test_projects_xlsx_in_english_totals_the_capital_and_keeps_the_printed_figure_as_text(
    plan: Plan,
) -> None:
    view = build_view(plan, Filters(phases=["2016-2020"]))
    sheet = _sheet(download_bytes(plan, view, "projects", "xlsx", "en"))
    assert sheet.title == "Projects"
    assert sheet.freeze_panes == "B2"
    capitals = _column(sheet, "Capital (bn VND)")
    kept = plan.projects[plan.projects["phase"] == "2016-2020"]
    assert [c.value for c in capitals[:-1]] == list(kept["capital_bn_vnd"])
    assert {c.data_type for c in capitals} == {"n"}
    assert sheet.cell(sheet.max_row, 1).value == f"Total ({len(kept)} projects)"
    assert capitals[-1].value == kept["capital_bn_vnd"].sum() == view.capital
    printed = _column(sheet, "Capital as printed (text)")[:-1]
    assert {c.data_type for c in printed} == {"s"}
    assert [c.value for c in printed] == list(kept["capital_printed"])
    assert "Mechanical engineering" in {c.value for c in _column(sheet, "Sector")}
    # Counts the data keeps as text are numbers; a blank (not stated) stays blank, not 0.
    plants = [c.value for c in _column(sheet, "Plants")[:-1]]
    assert plants == [int(p) if p else None for p in kept["plants"]]
    assert [c.value for c in _column(sheet, "No. (as printed)")[:-1]] == [int(n) for n in kept["printed_no"]]


def test_columns_are_fitted_to_their_content(plan: Plan) -> None:
    view = build_view(plan, Filters())
    sheet = _sheet(download_bytes(plan, view, "projects", "xlsx", "vi"))
    longest = max(len(name) for name in plan.projects["name_vi"])
    assert sheet.column_dimensions["A"].width >= min(longest, 60)
    ids = _headers(sheet).index("Mã dự án")
    width = sheet.column_dimensions[openpyxl.utils.get_column_letter(ids + 1)].width
    assert max(len(i) for i in plan.projects["project_id"]) <= width < longest


def test_csv_has_a_bom_localized_headers_and_plain_numbers(plan: Plan) -> None:
    view = build_view(plan, Filters())
    data = download_bytes(plan, view, "zone-load", "csv", "vi")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = _csv(data)
    assert list(rows[0])[:2] == ["Tên khu (tiếng Việt)", "Mã khu"]
    by_zone = {row["Mã khu"]: row for row in rows}
    song_tra = view.load.set_index("zone_id").loc["kcn-song-tra"]
    # Machine-readable: "." decimal, no thousands separator, shares as percent numbers.
    written = by_zone["kcn-song-tra"]["Vốn (tỷ đồng)"]
    assert re.fullmatch(r"\d+(\.\d+)?", written)
    assert float(written) == song_tra["capital_bn_vnd"] > 1_000
    share = by_zone["kcn-song-tra"]["Tỷ lệ tổng vốn quy hoạch (%)"]
    assert float(share) == round(song_tra["capital_bn_vnd"] / plan.total_capital * 100, 2)
    assert 50 < float(share) < 100
    assert by_zone["kcn-song-tra"]["Loại khu"] == "Khu công nghiệp"
    # No totals row in a CSV: a program summing the column would count it twice.
    assert len(rows) == int((view.load["capital_bn_vnd"] > 0).sum())


def test_site_coordinates_keep_only_the_decimals_their_precision_supports(plan: Plan) -> None:
    view = build_view(plan, Filters())
    rows = _csv(download_bytes(plan, view, "sites", "csv", "en"))
    allowed = {"indicative (not a surveyed boundary)": 3, "site not specified": 2}
    assert {row["Shape precision"] for row in rows} == set(allowed)
    for row in rows:
        for axis in ("Longitude", "Latitude"):
            assert _decimals(row[axis]) <= allowed[row["Shape precision"]], row
    original = plan.sites.set_index("site_id").geometry
    for row in rows:
        point = original[row["Site id"]]
        places = allowed[row["Shape precision"]]
        # Rounded, not moved: within half the last kept decimal.
        assert abs(float(row["Longitude"]) - point.x) <= 0.5 * 10**-places + 1e-12
        assert abs(float(row["Latitude"]) - point.y) <= 0.5 * 10**-places + 1e-12
    sheet = _sheet(download_bytes(plan, view, "sites", "xlsx", "en"))
    longitudes = _column(sheet, "Longitude")
    assert {c.number_format for c in longitudes} == {"0.######"}
    # GeoJSON (for GIS, and to upload again) keeps the coordinates whole.
    geojson = download_bytes(plan, view, "sites", "geojson", "en").decode("utf-8")
    numbers = re.findall(r'"coordinates": \[ ([0-9.]+), ([0-9.]+) \]', geojson)
    assert len(numbers) == len(plan.sites)
    assert max(_decimals(n) for pair in numbers for n in pair) > 3


def test_a_surveyed_point_keeps_its_six_decimals(plan: Plan) -> None:
    sites = plan.sites.head(2).copy()
    sites["precision"] = ["surveyed", "unspecified"]
    rounded = rounded_sites(sites).geometry
    assert rounded.iloc[0].x == round(sites.geometry.iloc[0].x, 6) == sites.geometry.iloc[0].x
    assert rounded.iloc[1].x == round(sites.geometry.iloc[1].x, 2)


def test_projects_multipoints_are_rounded_for_people_only(plan: Plan) -> None:
    view = build_view(plan, Filters())
    frame = export_frame(plan, "projects", view, rounded=True)
    coordinates = [c for shape in frame.geometry for point in shape.geoms for c in (point.x, point.y)]
    assert all(round(c, 3) == c for c in coordinates)
    whole = export_frame(plan, "projects", view)
    coordinates = [c for shape in whole.geometry for point in shape.geoms for c in (point.x, point.y)]
    assert any(round(c, 3) != c for c in coordinates)


def test_an_ids_download_of_a_site_near_its_park_s_edge_uploads_again(plan: Plan) -> None:
    """A site of a park whose precision says 'unspecified' (0.01°) stays inside the park."""
    sites = plan.sites[plan.sites["zone_id"] == "kcn-song-tra"].copy()
    sites["precision"] = "unspecified"
    table = pd.DataFrame(
        {
            "site_id": sites["site_id"],
            "project_id": sites["project_id"],
            "zone_id": sites["zone_id"],
            "precision": sites["precision"],
            "lon": sites.geometry.x,
            "lat": sites.geometry.y,
        }
    )
    mine, problems = load_uploads({"sites": ("mine.csv", table.to_csv(index=False).encode())})
    assert problems == []
    view = build_view(mine, Filters())
    data = download_bytes(mine, view, "sites", "csv", "en", raw=True)
    again, problems = load_uploads({"sites": ("again.csv", data)})
    assert problems == []
    assert len(again.sites) == len(mine.sites)


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize("kind", ["projects", "zone-load", "sites", "zones"])
def test_every_bundled_column_has_a_header_in_the_language(plan: Plan, kind: str, lang: str) -> None:
    view = build_view(plan, Filters())
    sheet = people_sheet(export_frame(plan, kind, view), kind, export_totals(plan, kind, view), lang)
    headers = [c.header for c in sheet.columns]
    assert not [h for h in headers if SNAKE.fullmatch(h)]
    assert len(set(headers)) == len(headers)


def test_headers_known_to_both_languages_differ_and_unknown_columns_keep_their_id() -> None:
    for column in ("capital_bn_vnd", "share_of_plan", "site_id", "capital_2016-2020_ceramics"):
        assert header(column, "projects", "vi") != header(column, "projects", "en") != column
    assert header("name_vi", "zone-load", "en") == "Zone name (Vietnamese)"
    assert header("my_own_column", "sites", "vi") == "my_own_column"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_readable_exports_are_still_safe_in_spreadsheets(tmp_path: Path, fmt: str) -> None:
    frame = pd.read_csv(settings.PROJECTS_FILE, dtype=str, keep_default_na=False)
    frame.loc[0, "name_en"] = LINK
    source = tmp_path / "projects.csv"
    frame.to_csv(source, index=False)
    out = tmp_path / f"people.{fmt}"
    args = ["export", "projects", "--readable", "--lang", "en", "--format", fmt, "--out", str(out)]
    assert cli.run([*args, "--projects", str(source)]) == 0
    if fmt == "xlsx":
        cell = _column(_sheet(out.read_bytes()), "Project name (English)")[0]
        assert (cell.value, cell.data_type) == (LINK, "s")
    else:
        assert _csv(out.read_bytes())[0]["Project name (English)"] == "'" + LINK


def test_raw_export_keeps_ids_and_reads_back_through_validate(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "projects.xlsx"
    assert cli.run(["export", "projects", "--raw", "--format", "xlsx", "--out", str(out)]) == 0
    sheet = openpyxl.load_workbook(out).active
    assert sheet.title == "Sheet"
    assert _headers(sheet)[:3] == ["project_id", "sector", "phase"]
    capsys.readouterr()
    assert cli.run(["validate", "--projects", str(out)]) == 0
    assert capsys.readouterr().out.startswith("OK: 22 projects")


def test_readable_applies_to_tables_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "s.geojson"
    with pytest.raises(SystemExit):
        cli.run(["export", "sites", "--readable", "--format", "geojson", "--out", str(out)])
    assert "--readable makes csv or xlsx tables" in capsys.readouterr().err
    assert not out.exists()


def test_the_data_page_offers_every_download_and_its_totals_match_the_headline(plan: Plan) -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    for name, value in {"page": "data", "sector": "textiles", "policy": "full"}.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, at.exception
    labels = {b.proto.label for b in at.get("download_button")}
    for kind in ("Dự án", "Vốn theo khu", "Điểm dự án"):
        assert {f"{kind} · {fmt}" for fmt in ("CSV", "XLSX", "GEOJSON", "GPKG")} <= labels
    shown = {m.label: m.value for m in at.metric}["Vốn hiển thị"]
    view = build_view(plan, Filters(sectors=["textiles"], policy="full"))
    sheet = _sheet(download_bytes(plan, view, "zone-load", "xlsx", "vi"))
    total = sheet.cell(sheet.max_row, _headers(sheet).index("Vốn (tỷ đồng)") + 1).value
    assert capital(total, "vi") == shown == "4.400 tỷ đồng"


@pytest.mark.parametrize(("kind", "fmt"), [("projects", "xlsx"), ("projects", "csv"), ("sites", "csv")])
def test_the_ids_version_of_a_download_uploads_again_unchanged(plan: Plan, kind: str, fmt: str) -> None:
    view = build_view(plan, Filters())
    data = download_bytes(plan, view, kind, fmt, "vi", raw=True)
    again, problems = load_uploads({kind: (f"thai-binh-{kind}-ids.{fmt}", data)})
    assert problems == []
    if kind == "projects":
        columns = ["project_id", "sector", "phase", "name_vi", "capital_bn_vnd", "site_zone_ids"]
        pd.testing.assert_frame_equal(again.projects[columns], plan.projects[columns])
    else:
        exported = plan.sites.set_index("site_id").geometry
        back = again.sites.set_index("site_id").geometry.loc[exported.index]
        assert back.geom_equals_exact(exported, 1e-9).all()
    readable = download_bytes(plan, view, kind, fmt, "vi")
    assert readable != data


def test_the_data_page_switches_downloads_to_column_ids() -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params["page"] = "data"
    at.query_params["lang"] = "en"
    at.run()
    switch = at.toggle(key="download_raw")
    assert switch.label == "Column ids as headers (for scripts, to upload again)"
    assert switch.value is False
    switch.set_value(True).run()
    assert not at.exception, at.exception
    assert at.toggle(key="download_raw").value is True
    assert len([b for b in at.get("download_button") if " · " in b.proto.label]) >= 12


@pytest.mark.parametrize("kind", ["projects", "sites"])
def test_a_readable_xlsx_is_not_refused_as_a_list_split_over_sheets(plan: Plan, kind: str) -> None:
    """The readable XLSX has a sheet of column ids: that sheet is not a second list."""
    data = download_bytes(plan, build_view(plan, Filters()), kind, "xlsx", "en")
    _, problems = load_uploads({kind: (f"thai-binh-{kind}.xlsx", data)})
    assert not any("on one sheet" in str(p) for p in problems), problems
