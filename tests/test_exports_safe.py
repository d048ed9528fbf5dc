"""Exports no spreadsheet evaluates, that read back to the same values, written atomically."""

from __future__ import annotations

import csv
import io as _io
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import cli
from geo import io, settings, tables
from geo.load import load_plan
from geo.overrides import load_uploads
from tests.conftest import digest

LINK = '=HYPERLINK("http://x","y")'
PAYLOADS = [LINK, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\tTab", "\rCR", "'=already quoted"]


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {"name": PAYLOADS, "capital": [-650.0, 1650.5, 0.0, 12.0, -1.0, 2.0, 3.0], "note": ["-650"] * 7}
    )


def test_xlsx_holds_formula_like_text_as_text_cells_and_numbers_as_numbers(tmp_path: Path) -> None:
    out = tmp_path / "export.xlsx"
    io.write_table(_frame(), out, "xlsx")
    sheet = openpyxl.load_workbook(out).active
    names = [row[0] for row in sheet.iter_rows(min_row=2)]
    # XML reads a carriage return back as a line feed (a limit of the format as openpyxl
    # writes it); everything else comes back exactly.
    assert [c.value for c in names] == [p.replace("\r", "\n") for p in PAYLOADS]
    assert {c.data_type for c in names} == {"s"}
    capitals = [row[1] for row in sheet.iter_rows(min_row=2)]
    assert [c.value for c in capitals] == [-650, 1650.5, 0, 12, -1, 2, 3]
    assert {c.data_type for c in capitals} == {"n"}


def test_csv_cells_no_spreadsheet_evaluates_read_back_as_written(tmp_path: Path) -> None:
    out = tmp_path / "export.csv"
    io.write_table(_frame(), out, "csv")
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel shows Vietnamese only with the BOM
    cells = list(csv.reader(_io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [row[0] for row in cells[1:]] == ["'" + p for p in PAYLOADS]
    # Numbers, and text that is a plain number, stay as a spreadsheet reads a number.
    assert [row[1] for row in cells[1:3]] == ["-650.0", "1650.5"]
    assert cells[1][2] == "-650"
    back = io.read_table(out)
    assert list(back["name"]) == PAYLOADS
    assert list(back["note"]) == ["-650"] * 7


@given(st.text())
def test_escaping_round_trips_any_text(text: str) -> None:
    escaped = tables.escape_cell(text)
    assert tables.unescape_cell(escaped) == text
    if escaped.startswith(("=", "+", "-", "@", "\t", "\r")):
        # Only a plain number is left as it is: a spreadsheet reads it as that number.
        assert escaped == text
        assert escaped[1:].replace(".", "", 1).replace(",", "", 1).isdigit()


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_hyperlink_name_survives_export_then_validate(
    tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = list(csv.DictReader(settings.PROJECTS_FILE.open(encoding="utf-8")))
    rows[0]["name_vi"] = LINK
    source = tmp_path / "projects.csv"
    with source.open("w", encoding="utf-8", newline="") as sink:
        writer = csv.DictWriter(sink, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    out = tmp_path / f"export.{fmt}"
    assert cli.run(["export", "projects", "--projects", str(source), "--format", fmt, "--out", str(out)]) == 0
    if fmt == "xlsx":
        sheet = openpyxl.load_workbook(out).active
        header = [c.value for c in sheet[1]]
        cell = sheet.cell(row=2, column=header.index("name_vi") + 1)
        assert (cell.value, cell.data_type) == (LINK, "s")
    else:
        assert "'" + LINK.replace('"', '""') in out.read_text(encoding="utf-8-sig")
    capsys.readouterr()
    assert cli.run(["validate", "--projects", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"OK: {len(rows)} projects")
    back = load_plan(projects=out).projects
    assert back.loc[back["project_id"] == rows[0]["project_id"], "name_vi"].item() == LINK
    original = load_plan(projects=source).projects
    assert list(back["capital_bn_vnd"]) == list(original["capital_bn_vnd"])


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "geojson", "gpkg"])
def test_a_write_that_fails_midway_leaves_the_old_file_as_it_was(
    tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = load_plan()
    out = tmp_path / f"export.{fmt}"
    io.write_any(plan.sites, out, fmt)
    before = digest(out)

    class DiskFullError(Exception):
        pass

    def fail_midway(path: Path) -> None:
        path.write_bytes(b"half a file")
        raise DiskFullError

    if fmt == "csv":
        monkeypatch.setattr(pd.DataFrame, "to_csv", lambda self, path, **_: fail_midway(Path(path)))
    elif fmt == "xlsx":
        save = openpyxl.Workbook.save

        def save_then_fail(book: openpyxl.Workbook, path: str) -> None:
            save(book, path)
            fail_midway(Path(path))

        monkeypatch.setattr(openpyxl.Workbook, "save", save_then_fail)
    else:
        monkeypatch.setattr(io.pyogrio, "write_dataframe", lambda frame, path, **_: fail_midway(Path(path)))
    with pytest.raises(DiskFullError):
        io.write_any(plan.sites, out, fmt)
    assert digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name]


def test_a_windows_1258_list_from_the_corpus_loads_with_its_notice() -> None:
    path = Path(__file__).parent / "corpus" / "ok" / "projects_windows_1258.csv"
    plan, problems = load_uploads({"projects": (path.name, path.read_bytes())})
    assert problems == []
    assert plan.total_capital == load_plan().total_capital
    from geo.frames import notices_of

    assert [n.text("vi") for n in notices_of(plan.projects)] == [
        "`projects_windows_1258.csv`: đã đọc theo bảng mã Windows-1258 (bảng mã tiếng Việt cũ); "
        "lưu tệp dạng 'CSV UTF-8' để khỏi nhầm"
    ]
