"""Context around the province: named rivers, coast, places, and straight-line distances."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from pyproj import Geod

import cli
from geo import context, io, settings
from geo.distances import DISTANCE_COLUMNS
from geo.load import Plan

#: Nội Bài airport as cited in data/sources/reference_places_natural_earth.geojson
#: (Natural Earth 10m airports, IATA HAN).
NOI_BAI = (105.80376, 21.21456)
THAI_BINH_CITY = (106.33303, 20.4503)


@pytest.fixture(scope="module")
def layer() -> gpd.GeoDataFrame:
    return context.read_context()


def _metric(frame: gpd.GeoDataFrame | gpd.GeoSeries) -> gpd.GeoSeries:
    return frame.to_crs(settings.METRIC_CRS).geometry


def test_build_data_reproduces_the_bundled_context(tmp_path: Path) -> None:
    assert cli.run(["build-data", "--out", str(tmp_path)]) == 0
    rebuilt = io.read_layer(tmp_path / context.CONTEXT_FILE.name)
    original = context.read_context()
    assert list(rebuilt.columns) == list(original.columns)
    assert rebuilt.geom_equals_exact(original, tolerance=1e-9).all()
    assert rebuilt.drop(columns="geometry").equals(original.drop(columns="geometry"))


def test_the_five_main_rivers_are_named_once(layer: gpd.GeoDataFrame) -> None:
    rivers = layer[layer["layer"] == "river"]
    named = rivers[rivers["name_vi"] != ""]
    # The Hóa is in none of the GSHHG lines (data/README.md): it is not named on a guess.
    assert sorted(named["name_vi"]) == sorted(["Sông Hồng", "Sông Luộc", "Sông Trà Lý", "Sông Thái Bình"])
    # Every GSHHG line is kept, named or not: 16 lines, the Luộc–Thái Bình line split in two.
    assert len(rivers) == 17


def test_tra_ly_crosses_the_province_past_the_city(plan: Plan, layer: gpd.GeoDataFrame) -> None:
    zones = plan.zones.set_index("zone_id")
    tra_ly = _metric(layer[layer["feature_id"] == "tra_ly"]).iloc[0]
    city = _metric(gpd.GeoSeries([shapely.Point(THAI_BINH_CITY)], crs=settings.CRS)).iloc[0]
    province = _metric(zones.loc[["tinh-thai-binh"]]).iloc[0]
    assert tra_ly.distance(city) < 3_000
    assert tra_ly.intersection(province).length > 40_000
    # From Vũ Thư in the west to the sea between Thái Thụy and Tiền Hải.
    for district in ("huyen-vu-thu", "huyen-thai-thuy", "huyen-tien-hai"):
        assert tra_ly.intersects(_metric(zones.loc[[district]]).iloc[0]), district


def test_hong_luoc_thai_binh_follow_the_readme_edges(plan: Plan, layer: gpd.GeoDataFrame) -> None:
    zones = plan.zones.set_index("zone_id")
    edge = _metric(zones.loc[["tinh-thai-binh"]]).iloc[0].boundary
    rivers = layer.set_index("feature_id")

    def along_km(river: str, district: str) -> float:
        line = _metric(rivers.loc[[river]]).iloc[0]
        side = edge.intersection(_metric(zones.loc[[district]]).iloc[0].buffer(10))
        return float(line.intersection(side.buffer(1_500)).length / 1000)

    assert along_km("hong", "huyen-vu-thu") > 50
    assert along_km("hong", "huyen-kien-xuong") > 15
    assert along_km("luoc", "huyen-hung-ha") > 10
    assert along_km("luoc", "huyen-quynh-phu") > 10
    assert along_km("luoc", "huyen-vu-thu") == 0
    # The lower Thái Bình runs outside the province, off Thái Thụy, in Hải Phòng.
    thai_binh = _metric(rivers.loc[["thai_binh"]]).iloc[0]
    assert along_km("thai_binh", "huyen-thai-thuy") == 0
    assert 1_000 < thai_binh.distance(_metric(zones.loc[["huyen-thai-thuy"]]).iloc[0]) < 10_000


def test_sea_lies_off_the_coastal_districts_and_not_on_land(plan: Plan, layer: gpd.GeoDataFrame) -> None:
    zones = plan.zones.set_index("zone_id")
    sea = _metric(layer[layer["layer"] == "sea"]).iloc[0]
    hung_ha = _metric(zones.loc[["huyen-hung-ha"]]).iloc[0]
    coastal = _metric(zones.loc[["kkt-ven-bien"]]).iloc[0]
    assert not sea.intersects(hung_ha)
    assert sea.distance(coastal) < 2_000
    assert sea.area > 500e6  # the Gulf of Tonkin inside the clip window, hundreds of km²


def test_places_carry_their_cited_coordinates(layer: gpd.GeoDataFrame) -> None:
    places = layer[layer["layer"] == "place"].set_index("feature_id")
    assert set(places.index) == {"noi_bai", "hai_phong_port", "ha_noi", "thai_binh_city"}
    assert (places.geometry["noi_bai"].x, places.geometry["noi_bai"].y) == pytest.approx(NOI_BAI)
    assert (places.licence == "public domain (Natural Earth)").all()


def test_cau_nghin_to_noi_bai_is_the_geodesic_distance(plan: Plan) -> None:
    zones = plan.zones.set_index("zone_id")
    centre = _metric(zones.loc[["kcn-cau-nghin"]]).centroid.to_crs(settings.CRS).iloc[0]
    _, _, metres = Geod(ellps="WGS84").inv(centre.x, centre.y, *NOI_BAI)
    assert zones.loc["kcn-cau-nghin", "km_to_noi_bai"] == pytest.approx(round(metres / 1000, 1), abs=0.05)
    assert 85 < zones.loc["kcn-cau-nghin", "km_to_noi_bai"] < 100


def test_distances_rank_places_as_a_map_reader_would(plan: Plan) -> None:
    zones = plan.zones.set_index("zone_id")
    # The city's own district is nearest the city; Hưng Hà, inland in the north-west, is
    # farther from the sea than coastal Thái Thụy and Tiền Hải.
    assert zones["km_to_thai_binh_city"].idxmin() == "tp-thai-binh"
    assert zones.loc["huyen-hung-ha", "km_to_coast"] > 25
    assert zones.loc["huyen-thai-thuy", "km_to_coast"] < 5
    assert (
        zones.loc["kcn-cau-nghin", "km_to_hai_phong_port"] < zones.loc["kcn-song-tra", "km_to_hai_phong_port"]
    )


def test_export_zones_csv_has_a_distance_per_place_for_every_park(tmp_path: Path) -> None:
    out = tmp_path / "zones.csv"
    assert cli.run(["export", "zones", "--format", "csv", "--out", str(out)]) == 0
    table = pd.read_csv(out)
    parks = table[table["kind"] == "park"]
    assert len(parks) == 8
    for column in DISTANCE_COLUMNS:
        assert parks[column].notna().all(), column
        assert (parks[column] == parks[column].round(1)).all(), column
