"""Zones and sites: where they are, how precise they say they are, and that they rebuild."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest

import cli
from geo import io, settings
from geo.load import Plan
from tests.conftest import digest


def test_zone_kinds_and_ids(plan: Plan) -> None:
    kinds = plan.zones.groupby("kind")["zone_id"].apply(set).to_dict()
    assert kinds["province"] == {"tinh-thai-binh"}
    assert len(kinds["district"]) == 8
    assert kinds["coastal_zone"] == {"kkt-ven-bien"}
    assert kinds["cluster_area"] == {"ccn-cac-huyen"}
    assert {"kcn-song-tra", "kcn-cau-nghin", "kcn-tien-hai"} <= kinds["park"]
    assert len(kinds["park"]) == 8
    in_plan = plan.zones[(plan.zones["kind"] == "park") & plan.zones["in_plan"]]
    assert set(in_plan["zone_id"]) == {"kcn-song-tra", "kcn-cau-nghin", "kcn-tien-hai"}


def test_parks_are_indicative_discs_of_their_recorded_area(plan: Plan) -> None:
    parks = plan.zones[plan.zones["kind"] == "park"]
    assert set(parks["precision"]) == {"indicative"}
    metric = parks.to_crs(settings.METRIC_CRS)
    recorded = parks["area_ha"].astype(float).to_numpy()
    assert np.allclose(metric.area.to_numpy() / 10_000, recorded, rtol=0.01)
    assert (parks["location_confidence"] != "").all()
    assert parks.set_index("zone_id").loc["kcn-tien-hai", "area_ha"] == pytest.approx(446)


def test_parks_sit_in_their_district_and_do_not_overlap(plan: Plan) -> None:
    zones = plan.zones.set_index("zone_id")
    parks = plan.zones[plan.zones["kind"] == "park"]
    for _, park in parks.iterrows():
        assert zones.loc[park["district_id"], "geometry"].buffer(1e-6).contains(park.geometry)
    metric = parks.to_crs(settings.METRIC_CRS).geometry.to_numpy()
    for i, first in enumerate(metric):
        for second in metric[i + 1 :]:
            assert first.intersection(second).area < 1.0


def test_every_site_lies_in_its_zone_and_none_are_stacked(plan: Plan) -> None:
    assert len(plan.sites) == 27
    zones = plan.zones.set_index("zone_id")
    for _, site in plan.sites.iterrows():
        assert zones.loc[site["zone_id"], "geometry"].contains(site.geometry)
    metric = plan.sites.to_crs(settings.METRIC_CRS)
    points = np.c_[metric.geometry.x, metric.geometry.y]
    gaps = np.hypot(*(points[:, None, :] - points[None, :, :]).transpose(2, 0, 1))
    np.fill_diagonal(gaps, np.inf)
    assert gaps.min() > 100


def test_sites_in_generic_areas_stay_out_of_parks(plan: Plan) -> None:
    parks = plan.zones[plan.zones["kind"] == "park"].union_all()
    area_sites = plan.sites[plan.sites["placement"] == "area"]
    assert len(area_sites) == 14
    assert not area_sites.intersects(parks).any()
    assert set(area_sites["precision"]) == {"unspecified"}


def test_one_site_per_project_and_candidate_zone(plan: Plan) -> None:
    expected = {
        f"{row['project_id']}@{zone}"
        for _, row in plan.projects.iterrows()
        for zone in row["site_zone_ids"].split(";")
    }
    assert set(plan.sites["site_id"]) == expected


def test_build_data_reproduces_the_bundled_files(tmp_path: Path) -> None:
    assert cli.run(["build-data", "--out", str(tmp_path)]) == 0
    for bundled in (settings.ZONES_FILE, settings.SITES_FILE):
        rebuilt = io.read_layer(tmp_path / bundled.name)
        original = io.read_layer(bundled)
        assert list(rebuilt.columns) == list(original.columns)
        assert rebuilt.geom_equals_exact(original, tolerance=1e-9).all()
        assert rebuilt.drop(columns="geometry").equals(original.drop(columns="geometry"))


def test_build_data_refuses_to_write_into_the_bundled_folder() -> None:
    before = digest(settings.ZONES_FILE)
    assert cli.run(["build-data", "--out", str(settings.DATA_DIR)]) == 1
    assert digest(settings.ZONES_FILE) == before


def test_every_zone_records_source_licence_and_date(plan: Plan) -> None:
    for column in ("source", "licence", "source_date", "precision"):
        assert (plan.zones[column] != "").all(), column


def test_province_layer_is_in_wgs84_lon_lat() -> None:
    frame = gpd.read_file(settings.ZONES_FILE)
    assert frame.crs.to_epsg() == 4326
    west, south, east, north = frame.total_bounds
    assert 106.1 < west < east < 106.7
    assert 20.2 < south < north < 20.8
