"""The command line never writes over what it reads, and answers `--out` mistakes in words."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

import cli
from geo import settings
from tests.conftest import digest


@pytest.fixture
def data_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the bundled data, made the active data set through ``PLAN_DATA_DIR``."""
    folder = tmp_path / "set"
    folder.mkdir()
    for name in ("projects.csv", "zones.geojson", "sites.geojson", "targets.csv", "subtotals.csv"):
        shutil.copy(settings.DATA_DIR / name, folder / name)
    monkeypatch.setenv(settings.DATA_DIR_ENV, str(folder))
    return folder


def _export(out: Path | str, *extra: str) -> list[str]:
    return ["export", "projects", "--format", "csv", "--out", str(out), *extra]


@pytest.mark.parametrize("name", ["projects.csv", "zones.geojson", "targets.csv", "new.csv"])
def test_export_never_writes_into_the_active_data_set(
    data_set: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = {path.name: digest(path) for path in data_set.iterdir()}
    assert cli.run(_export(data_set / name)) == 1
    assert {path.name: digest(path) for path in data_set.iterdir()} == before
    error = capsys.readouterr().err
    assert "inside the data folder being read" in error
    assert "Traceback" not in error


def test_export_still_reads_all_22_rows_after_a_refused_overwrite(data_set: Path, tmp_path: Path) -> None:
    cli.run(_export(data_set / "projects.csv", "--sector", "electronics"))
    out = tmp_path / "out.csv"
    assert cli.run(_export(out)) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 23


def test_a_folder_as_out_is_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(_export(tmp_path)) == 1
    error = capsys.readouterr().err
    assert "`--out`: expected a file path in an existing folder you may write to; found a folder" in error


def test_a_missing_folder_is_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "nowhere" / "p.csv"
    assert cli.run(_export(out)) == 1
    assert f"found no folder {tmp_path / 'nowhere'}" in capsys.readouterr().err
    assert not out.parent.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_a_read_only_folder_is_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    assert cli.run(_export(locked / "p.csv")) == 1
    assert "found no permission to write there" in capsys.readouterr().err


def test_a_write_the_checks_could_not_foresee_is_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(cli.io, "write_any", refuse)
    assert cli.run(_export(tmp_path / "p.csv")) == 1
    assert "found Permission denied" in capsys.readouterr().err


def test_out_problems_are_listed_together_in_vietnamese_too(data_set: Path) -> None:
    problems = cli.output_problems(data_set / "nowhere" / "p.csv", [])
    assert [p.text("vi").split("; thấy ")[1] for p in problems] == [
        f"không có thư mục {data_set / 'nowhere'}",
        f"một đường dẫn trong thư mục dữ liệu đang được đọc ({data_set.resolve()})",
    ]


def test_build_data_refuses_the_bundled_folder_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    before = {path.name: digest(path) for path in settings.DATA_DIR.iterdir() if path.is_file()}
    assert cli.run(["build-data", "--out", str(settings.DATA_DIR)]) == 1
    error = capsys.readouterr().err
    assert (
        "`zones.geojson`: expected an output path outside the bundled data folder; found a path inside it"
        in error
    )
    assert (
        "`zones.geojson`: cần một đường dẫn ghi ra nằm ngoài thư mục dữ liệu đi kèm; thấy một đường dẫn"
        in error
    )
    assert {path.name: digest(path) for path in settings.DATA_DIR.iterdir() if path.is_file()} == before


def test_an_input_given_as_out_is_refused_in_both_languages(tmp_path: Path) -> None:
    from geo import io

    given = tmp_path / "projects.csv"
    given.write_text("x", encoding="utf-8")
    with pytest.raises(cli.PlanDataError) as caught:
        io.ensure_new_output(given, [given])
    [problem] = caught.value.problems
    assert problem.text("en").endswith(
        "expected an output path that is not one of the input files; found one of the input files"
    )
    assert problem.text("vi").endswith(
        "cần một đường dẫn ghi ra không trùng tệp đầu vào nào; thấy một trong các tệp đầu vào"
    )


@pytest.mark.parametrize(
    ("lang", "english", "vietnamese"),
    [(["--lang", "en"], True, False), (["--lang", "vi"], False, True), ([], True, True)],
    ids=["en", "vi", "none-given"],
)
def test_out_messages_come_in_the_language_asked_or_in_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: list[str], english: bool, vietnamese: bool
) -> None:
    assert cli.run([*_export(tmp_path), *lang]) == 1
    error = capsys.readouterr().err
    assert ("expected a file path in an existing folder you may write to; found a folder" in error) is english
    assert (
        "cần đường dẫn tệp trong một thư mục đã có mà bạn được quyền ghi; thấy một thư mục" in error
    ) is vietnamese
