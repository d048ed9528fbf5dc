"""Every file of the bad-input corpus gives its message, crashes nothing and changes nothing."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

import cli
from geo import settings
from geo.overrides import load_uploads
from tests.conftest import digest

CORPUS = Path(__file__).parent / "corpus"
CASES = list(csv.DictReader((CORPUS / "expected.csv").open(encoding="utf-8")))


def _snapshot() -> dict[Path, str]:
    files = [*CORPUS.rglob("*.*"), *settings.DATA_DIR.rglob("*.*")]
    return {path: digest(path) for path in files if path.is_file()}


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 45
    assert {case["kind"] for case in CASES} == {"zones", "sites", "projects"}


@pytest.mark.parametrize("case", CASES, ids=[case["file"] for case in CASES])
def test_upload_gives_its_message_and_keeps_the_rest(case: dict[str, str]) -> None:
    before = _snapshot()
    path = CORPUS / "bad" / case["file"]
    plan, problems = load_uploads({case["kind"]: (path.name, path.read_bytes())})
    messages = [str(p) for p in problems]
    assert any(case["message_en"] in m for m in messages), messages
    vietnamese = [p.text("vi") for p in problems]
    assert any(case["message_vi"] in m for m in vietnamese), vietnamese
    assert any(m.startswith(f"`{path.name}`") for m in messages), messages
    # What was valid is still there: the bundled plan stands wherever the file failed.
    assert len(plan.zones) >= 19
    assert len(plan.projects) >= 1
    assert _snapshot() == before


@pytest.mark.parametrize("case", CASES, ids=[case["file"] for case in CASES])
def test_command_line_refuses_it(case: dict[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    before = _snapshot()
    path = CORPUS / "bad" / case["file"]
    assert cli.run(["validate", f"--{case['kind']}", str(path)]) == 1
    error = capsys.readouterr().err
    assert f"`{path.name}`" in error
    assert "Traceback" not in error
    assert _snapshot() == before


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.geojson"
    with huge.open("wb") as sink:
        sink.truncate(60 * 1024 * 1024)  # sparse: 60 MB on paper, nothing on disk
    assert cli.run(["validate", "--zones", str(huge)]) == 1
    with pytest.raises(SystemExit):
        cli.build_parser().parse_args(["validate", "--nope"])


OK_FILES = sorted((CORPUS / "ok").glob("zone_*.geojson"))


@pytest.mark.parametrize("path", OK_FILES, ids=[p.name for p in OK_FILES])
def test_a_valid_outline_is_accepted_with_its_sites_inside(path: Path) -> None:
    plan, problems = load_uploads({"zones": (path.name, path.read_bytes())})
    assert problems == []
    zones = plan.zones.set_index("zone_id")
    for zone_id, sites in plan.sites.groupby("zone_id"):
        assert sites.within(zones.loc[zone_id].geometry).all(), zone_id
    assert len(plan.sites) == 27
