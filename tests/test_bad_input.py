"""Bad input gives one clear message per problem, all at once, and is never written over."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely

import cli
from geo import io, settings
from geo.errors import PlanDataError
from geo.load import load_plan
from tests.conftest import digest, write_csv


def _projects(tmp_path: Path, change: Callable[[pd.DataFrame], pd.DataFrame]) -> tuple[str, Path]:
    frame = change(io.read_table(settings.PROJECTS_FILE))
    return "--projects", write_csv(frame, tmp_path / "projects.csv")


def _zones(tmp_path: Path, change: Callable[[gpd.GeoDataFrame], gpd.GeoDataFrame]) -> tuple[str, Path]:
    frame = change(io.read_layer(settings.ZONES_FILE))
    path = tmp_path / "zones.geojson"
    io.write_layer(frame, path, "geojson")
    return "--zones", path


def _sites(tmp_path: Path, change: Callable[[gpd.GeoDataFrame], gpd.GeoDataFrame]) -> tuple[str, Path]:
    frame = change(io.read_layer(settings.SITES_FILE))
    path = tmp_path / "sites.geojson"
    io.write_layer(frame, path, "geojson")
    return "--sites", path


def _set(frame: pd.DataFrame, row: int, column: str, value: object) -> pd.DataFrame:
    frame = frame.copy()
    frame.loc[row, column] = value
    return frame


def _bowtie(frame: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    frame = frame.copy()
    bowtie = shapely.Polygon([(106.33, 20.49), (106.34, 20.50), (106.34, 20.49), (106.33, 20.50)])
    frame.loc[13, "geometry"] = bowtie
    return frame


def _shapefile_without_prj(tmp_path: Path) -> tuple[str, Path]:
    path = tmp_path / "zones.shp"
    io.read_layer(settings.ZONES_FILE)[["zone_id", "kind", "name_vi", "precision", "geometry"]].to_file(path)
    path.with_suffix(".prj").unlink()
    return "--zones", path


def _legacy_csv(tmp_path: Path) -> tuple[str, Path]:
    path = tmp_path / "projects.csv"
    # Windows-1258 is read now (tests/test_tables.py); Western European text is not Vietnamese.
    path.write_bytes("project_id,name_vi\nmechanical-2016-1,Größe Maß\n".encode("cp1252"))
    return "--projects", path


CASES: dict[str, tuple[Callable[[Path], tuple[str, Path]], list[str]]] = {
    "missing column": (
        lambda p: _projects(p, lambda f: f.drop(columns="phase")),
        ["`projects.csv`: expected column `phase`"],
    ),
    "unknown sector": (
        lambda p: _projects(p, lambda f: _set(f, 5, "sector", "robotics")),
        [
            "`projects.csv` row 7, column `sector`: expected one of mechanical, electronics, textiles, "
            "ceramics; found 'robotics'"
        ],
    ),
    "negative and text capital": (
        lambda p: _projects(
            p, lambda f: _set(_set(f, 0, "capital_bn_vnd", "-5"), 3, "capital_bn_vnd", "nhiều")
        ),
        [
            "row 2, column `capital_bn_vnd`: expected a number of billion VND, 0 or more",
            "found '-5'",
            "row 5, column `capital_bn_vnd`",
            "found 'nhiều'",
        ],
    ),
    "duplicate project id": (
        lambda p: _projects(p, lambda f: _set(f, 1, "project_id", "mechanical-2016-1")),
        ["`projects.csv` row 3, column `project_id`: expected a unique id (already used in row 2)"],
    ),
    "unknown zone named by a project": (
        lambda p: _projects(p, lambda f: _set(f, 0, "site_zone_ids", "kcn-atlantis")),
        ["project mechanical-2016-1, column `site_zone_ids`: expected ids of zones", "'kcn-atlantis'"],
    ),
    "site outside its zone": (
        lambda p: _sites(p, lambda f: _set(f, 0, "geometry", shapely.Point(106.2, 20.6))),
        [
            "`sites.geojson` feature 1, column `geometry`: expected a point inside zone kcn-tien-hai; "
            "found a point outside it"
        ],
    ),
    "lat and lon swapped": (
        lambda p: _sites(p, lambda f: _set(f, 2, "geometry", shapely.Point(20.49, 106.33))),
        ["feature 3", "latitude and longitude swapped?"],
    ),
    "duplicate zone id": (
        lambda p: _zones(p, lambda f: _set(f, 12, "zone_id", "kcn-phuc-khanh")),
        ["`zones.geojson` feature 13, column `zone_id`: expected a unique id (already used in feature 12)"],
    ),
    "self-intersecting polygon": (
        lambda p: _zones(p, _bowtie),
        [
            "`zones.geojson` feature 14, column `geometry`: "
            "expected a valid geometry (no self-intersection); found Self-intersection"
        ],
    ),
    "unknown precision": (
        lambda p: _zones(p, lambda f: _set(f, 0, "precision", "exact")),
        ["feature 1, column `precision`: expected one of surveyed, official, indicative, unspecified"],
    ),
    "missing CRS": (
        _shapefile_without_prj,
        ["`zones.shp`: expected a declared coordinate reference system", "found no CRS"],
    ),
    "non-UTF-8 CSV": (
        _legacy_csv,
        ["`projects.csv` row 2: expected UTF-8 text", "not UTF-8"],
    ),
}


@pytest.mark.parametrize("case", CASES, ids=list(CASES))
def test_bad_input_is_explained_and_left_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    make, messages = CASES[case]
    option, path = make(tmp_path)
    before = {p: digest(p) for p in tmp_path.iterdir()}
    bundled = {p: digest(p) for p in settings.DATA_DIR.glob("*.*")}
    assert cli.run(["validate", option, str(path)]) == 1
    error = capsys.readouterr().err
    for message in messages:
        assert message in error
    assert {p: digest(p) for p in tmp_path.iterdir()} == before
    assert {p: digest(p) for p in settings.DATA_DIR.glob("*.*")} == bundled


def test_every_problem_of_a_file_is_reported_at_once(tmp_path: Path) -> None:
    frame = io.read_table(settings.PROJECTS_FILE)
    frame = _set(_set(_set(frame, 0, "sector", "x"), 4, "phase", "2026-2030"), 9, "capital_bn_vnd", "")
    with pytest.raises(PlanDataError) as caught:
        load_plan(projects=write_csv(frame, tmp_path / "p.csv"))
    assert [(p.where, p.field) for p in caught.value.problems] == [
        ("row 2", "sector"),
        ("row 6", "phase"),
        ("row 11", "capital_bn_vnd"),
    ]
    assert str(caught.value).startswith("3 problems in the plan data")
