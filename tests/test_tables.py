"""Tables as Vietnamese offices write them: number formats, encodings, delimiters, NFD, XLSX."""

from __future__ import annotations

import csv
import io as _io
import math
import re
import unicodedata
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from geo import io, settings
from geo.errors import PlanDataError
from geo.frames import notices_of
from geo.load import load_plan
from geo.numbers import read_coordinates, read_number_column
from geo.overrides import load_overrides
from geo.validate import validate_projects
from tests.corpus.make_corpus import windows_1258

PROJECTS = settings.PROJECTS_FILE.read_text(encoding="utf-8")
HEADER = PROJECTS.splitlines()[0].split(",")


def _records() -> list[dict[str, str]]:
    return list(csv.DictReader(_io.StringIO(PROJECTS)))


def _projects_text(capitals: dict[int, str], delimiter: str = ",") -> str:
    rows = _records()
    for index, value in capitals.items():
        rows[index]["capital_bn_vnd"] = value
    out = _io.StringIO()
    writer = csv.DictWriter(out, fieldnames=HEADER, delimiter=delimiter, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _column(texts: list[str]) -> tuple[list[float], list[str], str | None]:
    read = read_number_column(
        texts,
        source="p.csv",
        field="capital_bn_vnd",
        places=[f"row {i + 2}" for i in range(len(texts))],
        expected="a number",
    )
    messages = [str(p) for found in read.problems for p in found]
    return list(read.values), messages, read.convention


# ----------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("texts", "values", "convention"),
    [
        (["1.650", "31.560", "500"], [1650.0, 31560.0, 500.0], "vi"),
        (["1.650,5", "1.650"], [1650.5, 1650.0], "vi"),
        (["1.080.000", "1.650"], [1080000.0, 1650.0], "vi"),
        (["12,5", "1.650"], [12.5, 1650.0], "vi"),
        (["1,650.5", "1,650"], [1650.5, 1650.0], "en"),
        (["1,080,000", "1,650"], [1080000.0, 1650.0], "en"),
        (["1.65", "1,650.5"], [1.65, 1650.5], "en"),
        (["1 650", "1\u00a0650", "2\u202f000,5"], [1650.0, 1650.0, 2000.5], "vi"),
        (["1.650 tỷ", "650 tỷ đồng", "1.080 Tỷ VNĐ"], [1650.0, 650.0, 1080.0], "vi"),
        (["1650", "1650.5"], [1650.0, 1650.5], "en"),
        (["1650", "90"], [1650.0, 90.0], None),
    ],
)
def test_a_column_is_read_in_one_number_format(
    texts: list[str], values: list[float], convention: str | None
) -> None:
    got, problems, used = _column(texts)
    assert got == values
    assert problems == []
    assert used == convention


def test_mixed_formats_give_a_problem_for_each_cell_written_the_other_way() -> None:
    got, problems, used = _column(["1.650,5", "1.080.000", "1,650.5", "500"])
    assert used == "vi"
    assert got[:2] == [1650.5, 1080000.0]
    assert math.isnan(got[2])
    assert got[3] == 500.0
    assert problems == [
        "`p.csv` row 4, column `capital_bn_vnd`: expected a figure in the Vietnamese number format, "
        "like the rest of the column (this one is in the English number format); found '1,650.5'"
    ]


@pytest.mark.parametrize("text", ["một nghìn", "1..650", "1.65.0", "NaN", "1,6,5", "0x10", "1e3"])
def test_what_is_not_a_figure_is_a_problem(text: str) -> None:
    got, problems, _ = _column([text, "1.650"])
    assert math.isnan(got[0])
    assert problems == [f"`p.csv` row 2, column `capital_bn_vnd`: expected a number; found {text!r}"]


def _write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_the_plan_s_own_way_of_writing_1650_is_read_as_1650_and_said(tmp_path: Path) -> None:
    rows = _records()
    path = _write(tmp_path / "projects.csv", _projects_text({0: "1.650", 12: "1.080"}))
    plan, problems = load_overrides(projects=path)
    assert problems == []
    capital = dict(zip(plan.projects["project_id"], plan.projects["capital_bn_vnd"], strict=True))
    assert capital[rows[0]["project_id"]] == 1650.0
    assert capital[rows[12]["project_id"]] == 1080.0
    [notice] = notices_of(plan.projects)
    assert notice.text("en") == (
        "`projects.csv`, column `capital_bn_vnd`: every figure fits both number formats; read with "
        "the Vietnamese number format (1.650 = one thousand six hundred and fifty, 1.650,5 = 1650.5). "
        "Check the figures, or write them unambiguously (1650 or 1.650,0)"
    )
    assert notice.text("vi").startswith(
        "`projects.csv`, cột `capital_bn_vnd`: mọi con số đều hợp với cả hai định dạng số; "
        "đã đọc theo định dạng số kiểu Việt Nam (1.650 = một nghìn sáu trăm năm mươi"
    )


def test_an_english_list_keeps_1_65_as_1_65_and_says_so(tmp_path: Path) -> None:
    rows = _records()
    path = _write(tmp_path / "projects.csv", _projects_text({0: "1.65", 1: "1,650.5"}))
    clean, problems = validate_projects(io.read_table(path), path.name)
    assert problems == []
    capital = dict(zip(clean["project_id"], clean["capital_bn_vnd"], strict=True))
    assert capital[rows[0]["project_id"]] == 1.65
    assert capital[rows[1]["project_id"]] == 1650.5
    assert [n.text("en") for n in notices_of(clean)] == [
        "`projects.csv`, column `capital_bn_vnd`: read with the English number format "
        "(1,650 = one thousand six hundred and fifty, 1.65 = one point six five)"
    ]


def test_the_bundled_list_needs_no_notice() -> None:
    assert notices_of(load_plan().projects) == []


def test_decimal_comma_coordinates_are_degrees_not_thousands(tmp_path: Path) -> None:
    values, notice = read_coordinates(["106,35", "106.35", "x"], source="s.csv", field="lon")
    assert values[:2] == [106.35, 106.35]
    assert math.isnan(values[2])
    assert notice is not None
    assert notice.text("vi") == "`s.csv`, cột `lon`: đã đọc với dấu phẩy thập phân (106,35 = 106,35 độ)"
    path = _write(
        tmp_path / "sites.csv", "project_id;zone_id;lon;lat\r\nelectronics-2021-1;;106,338;20,492\r\n"
    )
    sites = io.read_points_table(path)
    assert (sites.geometry.x[0], sites.geometry.y[0]) == (106.338, 20.492)
    assert [n.field for n in notices_of(sites)] == ["lon", "lat"]


# ----------------------------------------------------------------------------- encodings, delimiters


def _names(frame: pd.DataFrame) -> list[str]:
    return list(frame["name_vi"])


@pytest.mark.parametrize(
    ("encoding", "notice"),
    [
        ("utf-8", None),
        ("utf-8-sig", None),
        ("utf-16", "read as UTF-16 text"),  # with its BOM, little-endian here
        ("utf-16-be-bom", "read as UTF-16 text"),
        ("cp1258", "read as Windows-1258"),
    ],
)
def test_every_encoding_an_office_uses_reads_the_same_names(
    tmp_path: Path, encoding: str, notice: str | None
) -> None:
    text = PROJECTS.replace("Ngին", "Nghìn")
    if encoding == "cp1258":
        raw = windows_1258(text)
    elif encoding == "utf-16-be-bom":
        raw = b"\xfe\xff" + text.encode("utf-16-be")
    else:
        raw = text.encode(encoding)
    path = tmp_path / "projects.csv"
    path.write_bytes(raw)
    frame = io.read_table(path)
    expected = [r["name_vi"] for r in csv.DictReader(_io.StringIO(text))]
    assert _names(frame) == expected
    assert "Sản xuất phụ tùng ô tô và thiết bị điện liên quan" in _names(frame)
    found = [n.text("en") for n in notices_of(frame)]
    if notice is None:
        assert found == []
    else:
        [text] = found
        assert text.startswith(f"`projects.csv`: {notice}")


def test_bytes_in_no_known_encoding_are_refused_with_the_line(tmp_path: Path) -> None:
    path = tmp_path / "projects.csv"
    path.write_bytes("project_id,name_vi\nmechanical-2016-1,Größe\n".encode("cp1252"))
    with pytest.raises(PlanDataError) as caught:
        io.read_table(path)
    [problem] = caught.value.problems
    assert problem.text("en").startswith(
        "`projects.csv` row 2: expected UTF-8 text (save the file as 'CSV UTF-8'); found byte 0xf6"
    )
    assert problem.text("vi").startswith(
        "`projects.csv` dòng 2: cần văn bản UTF-8 (lưu tệp dạng 'CSV UTF-8')"
    )


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_comma_semicolon_and_tab_tables_read_alike(tmp_path: Path, delimiter: str) -> None:
    path = _write(tmp_path / "projects.csv", _projects_text({0: "1.650,5"}, delimiter))
    clean, problems = validate_projects(io.read_table(path), path.name)
    assert problems == []
    assert clean["capital_bn_vnd"].iloc[0] == 1650.5
    assert len(clean) == len(_records())


def test_nfd_headers_and_cells_in_any_case_are_understood(tmp_path: Path) -> None:
    rows = _records()
    aliases = {
        "project_id": "  MÃ DỰ ÁN ",
        "sector": "Lĩnh  vực",
        "phase": "giai đoạn",
        "name_vi": "Tên dự án",
        "capital_bn_vnd": "Vốn đầu tư (tỷ đồng)",
        "site_zone_ids": "Mã khu",
    }
    header = [aliases.get(c, c) for c in HEADER]
    out = _io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([[r[c] for c in HEADER] for r in rows])
    path = _write(tmp_path / "projects.csv", unicodedata.normalize("NFD", out.getvalue()))
    clean, problems = validate_projects(io.read_table(path), path.name)
    assert problems == []
    assert list(clean["project_id"]) == [r["project_id"] for r in rows]
    # Cells come back in NFC: the names compare equal to the bundled ones.
    assert clean["name_vi"].iloc[0] == "Sản xuất phụ tùng ô tô và thiết bị điện liên quan"
    assert clean["name_vi"].iloc[0] == unicodedata.normalize("NFC", clean["name_vi"].iloc[0])


def test_an_excel_csv_with_a_title_keeps_the_file_s_row_numbers(tmp_path: Path) -> None:
    rows = _records()[:2]
    lines = [
        "DANH MỤC DỰ ÁN ƯU TIÊN PHÁT TRIỂN CÔNG NGHIỆP HỖ TRỢ;;;;;",
        ";;;;;",
        "Mã dự án;Lĩnh vực;Giai đoạn;Tên dự án;Vốn đầu tư (tỷ đồng);Mã khu",
        # Excel quotes a cell holding the delimiter ("kcn-a;kcn-b").
        *(
            ";".join(
                [r["project_id"], r["sector"], r["phase"], r["name_vi"], "1.650,5", f'"{r["site_zone_ids"]}"']
            )
            for r in rows
        ),
    ]
    path = tmp_path / "danh_muc.csv"
    path.write_bytes(windows_1258("\r\n".join(lines) + "\r\n"))
    frame = io.read_table(path)
    assert list(frame["Tên dự án"]) == [r["name_vi"] for r in rows]
    clean, problems = validate_projects(frame.assign(**{"Mã dự án": ["a", "Bad Id"]}), path.name)
    assert [p.text("en") for p in problems] == [
        "`danh_muc.csv` row 5, column `project_id`: expected lower-case letters, digits and '-'; "
        "found 'Bad Id'"
    ]
    assert list(clean["capital_bn_vnd"]) == [1650.5]


# ----------------------------------------------------------------------------- XLSX


def _office_workbook(path: Path, *, formula: str | None = None) -> None:
    """The list as an office sends it: a cover sheet, then a sheet with a merged title."""
    book = openpyxl.Workbook()
    cover = book.active
    cover.title = "Bìa"
    cover["A1"] = "UBND TỈNH THÁI BÌNH"
    sheet = book.create_sheet("Danh mục")
    sheet["A1"] = "DANH MỤC DỰ ÁN ƯU TIÊN PHÁT TRIỂN CÔNG NGHIỆP HỖ TRỢ"
    sheet.merge_cells("A1:F1")
    sheet["A2"] = "(Kèm theo Quyết định của UBND tỉnh)"
    sheet.append([])
    sheet.append(["Mã dự án", "Lĩnh vực", "Giai đoạn", "Tên dự án", "Vốn đầu tư (tỷ đồng)", "Mã khu"])
    rows = _records()[:3]
    for index, row in enumerate(rows):
        capital: object = float(row["capital_bn_vnd"])
        if index == 1 and formula is not None:
            capital = formula
        sector = "robotics" if index == 2 else row["sector"]
        sheet.append([row["project_id"], sector, row["phase"], row["name_vi"], capital, row["site_zone_ids"]])
    book.save(path)


def _with_cached_value(path: Path, value: str) -> None:
    """Give every formula a saved value, as Excel does on save (openpyxl writes none)."""
    source = zipfile.ZipFile(path)
    parts = {info.filename: source.read(info) for info in source.infolist()}
    source.close()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            if name.startswith("xl/worksheets/"):
                data = re.sub(
                    rb"(<f>[^<]*</f>)(<v\s*/>|<v></v>)?", rb"\1<v>" + value.encode() + rb"</v>", data
                )
            out.writestr(name, data)


def test_a_title_above_the_header_on_the_second_sheet_keeps_the_sheet_s_row_numbers(tmp_path: Path) -> None:
    path = tmp_path / "danh_muc.xlsx"
    _office_workbook(path)
    frame = io.read_table(path)
    assert list(frame.columns)[:2] == ["Mã dự án", "Lĩnh vực"]
    clean, problems = validate_projects(frame, path.name)
    assert [p.text("en") for p in problems] == [
        "`danh_muc.xlsx` row 7, column `sector`: expected one of mechanical, electronics, textiles, "
        "ceramics; found 'robotics'"
    ]
    assert problems[0].text("vi").startswith("`danh_muc.xlsx` dòng 7, cột `sector`")
    assert list(clean["capital_bn_vnd"]) == [650.0, 450.0]


def test_a_formula_gives_its_saved_value(tmp_path: Path) -> None:
    path = tmp_path / "danh_muc.xlsx"
    _office_workbook(path, formula="=400+50")
    _with_cached_value(path, "450")
    clean, _ = validate_projects(io.read_table(path), path.name)
    assert list(clean["capital_bn_vnd"]) == [650.0, 450.0]


def test_a_formula_without_a_saved_value_asks_to_save_in_excel(tmp_path: Path) -> None:
    path = tmp_path / "danh_muc.xlsx"
    _office_workbook(path, formula="=400+50")
    with pytest.raises(PlanDataError) as caught:
        io.read_table(path)
    [problem] = caught.value.problems
    assert problem.text("en") == (
        "`danh_muc.xlsx` row 6, column `Vốn đầu tư (tỷ đồng)`: expected a saved value (open the "
        "workbook in Excel and save it, so formulas keep their results); found the formula "
        "'=400+50' with no saved value"
    )
    assert "mở sổ tính bằng Excel rồi lưu lại" in problem.text("vi")


def test_a_table_past_the_row_cap_stops_with_a_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(io, "MAX_TABLE_ROWS", 10)
    csv_path = _write(tmp_path / "projects.csv", PROJECTS)
    xlsx_path = tmp_path / "projects.xlsx"
    io.write_table(pd.read_csv(csv_path, dtype=str, keep_default_na=False), xlsx_path, "xlsx")
    for path in (csv_path, xlsx_path):
        with pytest.raises(PlanDataError) as caught:
            io.read_table(path)
        assert [p.text("en") for p in caught.value.problems] == [
            f"`{path.name}`: expected at most 10 rows; found more than that"
        ]
    monkeypatch.setattr(io, "MAX_TABLE_ROWS", 200_000)
    monkeypatch.setattr(io, "MAX_TABLE_CELLS", 100)
    with pytest.raises(PlanDataError) as caught:
        io.read_table(csv_path)
    assert [p.text("vi") for p in caught.value.problems] == [
        "`projects.csv`: cần tối đa 100 ô; thấy nhiều hơn thế"
    ]


def test_a_workbook_that_unpacks_past_the_zip_cap_is_refused_before_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "bomb.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["project_id", "name_vi"])
    for index in range(50):
        book.active.append([f"p-{index}", "x" * 30_000])  # 1.5 MB that compress to almost nothing
    book.save(path)
    assert path.stat().st_size < 100_000
    monkeypatch.setattr(io, "MAX_ZIP_BYTES", 2**20)
    with pytest.raises(PlanDataError) as caught:
        io.read_table(path)
    [problem] = caught.value.problems
    assert (
        problem.text("en") == "`bomb.xlsx`: expected a workbook of at most 1 MB once unpacked; "
        "found more than that (a zip bomb?)"
    )


# ----------------------------------------------------------------------------- issue 10, finished


def test_a_column_with_both_1_650_and_1_comma_650_reads_the_plan_s_way_and_tells_the_other() -> None:
    got, problems, used = _column(["1.650", "31.560", "1,650"])
    assert used == "vi"
    assert got[:2] == [1650.0, 31560.0]
    assert math.isnan(got[2])
    assert problems == [
        "`p.csv` row 4, column `capital_bn_vnd`: expected a figure in the Vietnamese number format, "
        "like the rest of the column (this one is in the English number format); found '1,650'"
    ]


def test_a_column_of_1_comma_650_alone_is_thousands_and_said_so() -> None:
    read = read_number_column(
        ["1,650", "2,300", "500"],
        source="p.csv",
        field="capital_bn_vnd",
        places=["row 2", "row 3", "row 4"],
        expected="a number",
    )
    assert read.values == (1650.0, 2300.0, 500.0)
    assert read.notice is not None
    assert read.notice.text("en").startswith(
        "`p.csv`, column `capital_bn_vnd`: every figure fits both number formats; read with the English"
    )
    assert "đã đọc theo định dạng số kiểu Anh (1,650 = một nghìn sáu trăm năm mươi" in read.notice.text("vi")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1.650", 1650.0),
        ("1,650", 1650.0),
        ("0.125", 0.125),
        ("0,125", 0.125),
        ("1.650,5 tỷ đồng", 1650.5),
        ("1,650.5 bn VND", 1650.5),
        ("31 560 billion VND", 31560.0),
        ("-650", -650.0),
    ],
)
def test_one_figure_on_its_own_is_read_as_a_column_of_one(text: str, value: float) -> None:
    from geo.monitoring.amounts import parse_amount
    from geo.numbers import read_number

    assert read_number(text) == value
    # Monitoring reads amounts with the same reader.
    assert parse_amount(text) == value


@pytest.mark.parametrize("text", ["1650 đồng", "một nghìn", "1.65.0", ""])
def test_one_figure_that_is_not_billions_or_not_a_figure_is_refused(text: str) -> None:
    from geo.numbers import read_number

    with pytest.raises(ValueError, match="not a number"):
        read_number(text)


def test_a_workbook_mixing_real_numbers_and_text_figures_reads_each_and_says_how(tmp_path: Path) -> None:
    rows = _records()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Mã dự án", "Lĩnh vực", "Giai đoạn", "Tên dự án", "Vốn đầu tư (tỷ đồng)", "Mã khu"])
    capitals: list[object] = ["1.650", 1650.5, 1.65, "2.300"]
    for row, capital in zip(rows, capitals, strict=False):
        sheet.append(
            [row["project_id"], row["sector"], row["phase"], row["name_vi"], capital, row["site_zone_ids"]]
        )
    path = tmp_path / "danh_muc.xlsx"
    book.save(path)
    plan, problems = load_overrides(projects=path)
    assert problems == []
    # Text figures the plan's way (1.650 = 1650); numbers as the workbook stores them.
    assert list(plan.projects["capital_bn_vnd"]) == [1650.0, 1650.5, 1.65, 2300.0]
    [notice] = plan.notices
    assert notice.text("en") == (
        "`danh_muc.xlsx`, column `capital_bn_vnd`: 2 cells hold numbers, read as stored; of the 2 "
        "figures typed as text: every figure fits both number formats; read with the Vietnamese number "
        "format (1.650 = one thousand six hundred and fifty, 1.650,5 = 1650.5). Check the figures, or "
        "write them unambiguously (1650 or 1.650,0)"
    )
    assert notice.text("vi").startswith(
        "`danh_muc.xlsx`, cột `capital_bn_vnd`: 2 ô chứa số, đọc đúng như đã lưu; với 2 ô số gõ dạng chữ: "
        "mọi con số đều hợp với cả hai định dạng số; đã đọc theo định dạng số kiểu Việt Nam"
    )


def test_a_workbook_of_real_numbers_alone_needs_no_notice(tmp_path: Path) -> None:
    rows = _records()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append([float(row[c]) if c == "capital_bn_vnd" else row[c] for c in HEADER])
    path = tmp_path / "projects.xlsx"
    book.save(path)
    plan, problems = load_overrides(projects=path)
    assert problems == []
    assert plan.total_capital == load_plan().total_capital
    assert plan.notices == ()


def test_a_site_table_s_notices_reach_the_plan_in_both_languages(tmp_path: Path) -> None:
    from geo.overrides import load_uploads

    # UTF-16 (as Excel's "Unicode text" saves), semicolons, decimal commas.
    content = "project_id;lon;lat\r\nelectronics-2021-1;106,338;20,492\r\n".encode("utf-16")
    plan, problems = load_uploads({"sites": ("điểm.csv", content)})
    assert problems == []
    assert "sites" in plan.own
    assert [n.text("en") for n in plan.notices] == [
        "`điểm.csv`: read as UTF-16 text",
        "`điểm.csv`, column `lon`: read with a decimal comma (106,35 = 106.35 degrees)",
        "`điểm.csv`, column `lat`: read with a decimal comma (106,35 = 106.35 degrees)",
    ]
    assert plan.notices[1].text("vi") == (
        "`điểm.csv`, cột `lon`: đã đọc với dấu phẩy thập phân (106,35 = 106,35 độ)"
    )


def test_a_windows_1258_site_table_says_its_encoding(tmp_path: Path) -> None:
    from geo.overrides import load_uploads

    content = windows_1258(
        "project_id,lon,lat,ghi_chú\nelectronics-2021-1,106.338,20.492,Khu công nghiệp Sông Trà\n"
    )
    plan, problems = load_uploads({"sites": ("diem.csv", content)})
    assert problems == []
    [notice] = plan.notices
    assert notice.text("vi") == (
        "`diem.csv`: đã đọc theo bảng mã Windows-1258 (bảng mã tiếng Việt cũ); "
        "lưu tệp dạng 'CSV UTF-8' để khỏi nhầm"
    )


def test_a_file_nothing_of_which_is_used_is_not_called_used(tmp_path: Path) -> None:
    from geo.overrides import load_uploads

    plan, problems = load_uploads({"sites": ("s.csv", b"project_id,lon,lat\nnobody-1,106.338,20.492\n")})
    assert [p.text("en") for p in problems] == [
        "`s.csv` row 2, column `project_id`: expected a project of the priority list; found 'nobody-1'"
    ]
    assert plan.own == frozenset()
