"""Every file of the bad-input corpus gives its message, crashes nothing and changes nothing."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

import cli
from geo import settings
from geo.overrides import load_uploads, staged_name
from tests.conftest import digest

CORPUS = Path(__file__).parent / "corpus"
CASES = list(csv.DictReader((CORPUS / "expected.csv").open(encoding="utf-8")))

#: Words both languages write alike: names of formats, geometry types and JSON members.
SHARED_WORDS = frozenset(
    {
        "BOM",
        "CSV",
        "EPSG",
        "Excel",
        "FlatGeobuf",
        "GeoJSON",
        "GeoPackage",
        "GeometryCollection",
        "JSON",
        "LineString",
        "MultiPoint",
        "MultiPolygon",
        "NUL",
        "Point",
        "Polygon",
        "SQLite",
        "UTF",
        "WGS",
        "Windows",
        "byte",
        "csv",
        "dbf",
        "def",
        "fgb",
        "geojson",
        "gpkg",
        "json",
        "ogc",
        "prj",
        "shapefile",
        "shp",
        "shx",
        "urn",
        "xlsx",
        "zip",
    }
)


def _words(text: str) -> set[str]:
    """Words of 3 or more Latin letters outside `ids`, 'values' and "quotes"."""
    for quoted in (r"`[^`]*`", r"'[^']*'", r'"[^"]*"'):
        text = re.sub(quoted, " ", text)
    return set(re.findall(r"[A-Za-z]{3,}", text))


def _snapshot() -> dict[Path, str]:
    files = [*CORPUS.rglob("*.*"), *settings.DATA_DIR.rglob("*.*")]
    return {path: digest(path) for path in files if path.is_file()}


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 80
    assert {case["kind"] for case in CASES} == {"zones", "sites", "projects"}
    assert len({case["file"] for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case["file"][:60] for case in CASES])
def test_the_vietnamese_expectation_is_the_case_s_own_words(case: dict[str, str]) -> None:
    # Not the file name, not the English again: a fragment of the Vietnamese message.
    vietnamese = case["message_vi"]
    assert vietnamese.strip("`") != case["file"]
    assert _words(vietnamese) & _words(case["message_en"]) <= SHARED_WORDS
    assert re.search(r"cần|thấy|dòng|đối tượng|mục|cột", vietnamese), vietnamese


@pytest.mark.parametrize("case", CASES, ids=[case["file"][:60] for case in CASES])
def test_upload_gives_its_message_and_keeps_the_rest(case: dict[str, str]) -> None:
    before = _snapshot()
    path = CORPUS / "bad" / case["file"]
    plan, problems = load_uploads({case["kind"]: (path.name, path.read_bytes())})
    messages = [str(p) for p in problems]
    assert any(case["message_en"] in m for m in messages), messages
    vietnamese = [p.text("vi") for p in problems]
    assert any(case["message_vi"] in m for m in vietnamese), vietnamese
    # A name too long for the disk is shortened the one way uploads shorten it.
    assert any(m.startswith(f"`{staged_name(path.name)}`") for m in messages), messages
    # No English left in the Vietnamese wording, ids, values and format names aside.
    for problem in problems:
        english = _words(problem.text("en")) - SHARED_WORDS
        assert not _words(problem.text("vi")) & english, problem.text("vi")
    # What was valid is still there: the bundled plan stands wherever the file failed.
    assert len(plan.zones) >= 19
    assert len(plan.projects) >= 1
    assert _snapshot() == before


@pytest.mark.parametrize("case", CASES, ids=[case["file"][:60] for case in CASES])
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
