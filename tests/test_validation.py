"""Everything the map later looks up is checked up front; a known zone may be uploaded bare."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely

from geo import derive, settings
from geo.load import load_plan
from geo.overrides import load_overrides
from geo.validate import validate_projects, validate_sites
from geo.view import Filters, build_view

PROJECT_HEADER = "project_id,sector,phase,name_vi,capital_bn_vnd,site_zone_ids\n"


def _strip_at(zone_id: str, length: float, width: float, angle: float = 30.0) -> shapely.Polygon:
    """A ``length`` x ``width`` m rectangle (UTM 48N) around the bundled zone's centre."""
    zone = load_plan().zones.set_index("zone_id").loc[zone_id]
    centre = gpd.GeoSeries([zone.geometry.centroid], crs=settings.CRS).to_crs(settings.METRIC_CRS).iloc[0]
    box = shapely.box(
        centre.x - length / 2, centre.y - width / 2, centre.x + length / 2, centre.y + width / 2
    )
    return shapely.affinity.rotate(box, angle)


def _write_zone(path: Path, geometry: shapely.Geometry, **columns: str) -> Path:
    frame = gpd.GeoDataFrame(
        {k: [v] for k, v in columns.items()}, geometry=[geometry], crs=settings.METRIC_CRS
    )
    frame.to_file(path)
    return path


def test_a_site_placed_by_gps_is_refused_with_the_allowed_values() -> None:
    sites = gpd.GeoDataFrame(
        {"project_id": ["ceramics-2016-1"], "placement": ["gps"], "precision": ["exact"]},
        geometry=[shapely.Point(106.52, 20.39)],
        crs=settings.CRS,
    )
    clean, problems = validate_sites(sites, "sites.geojson")
    assert clean.empty
    texts = [p.text("en") for p in problems]
    assert (
        "`sites.geojson` feature 1, column `placement`: expected one of point, park, area; found 'gps'"
        in texts
    )
    assert any("column `precision`" in t and "found 'exact'" in t for t in texts)
    assert any(
        "cần một trong `point` (đúng tọa độ đã cho), `park` (trong khu công nghiệp đã nêu), "
        "`area` (ở đâu đó trong vùng); thấy 'gps'" in p.text("vi")
        for p in problems
    )


def test_a_zone_named_twice_in_one_project_is_refused() -> None:
    frame = pd.read_csv(
        pd.io.common.StringIO(PROJECT_HEADER + "x-1,mechanical,2016-2020,A,100,kcn-song-tra;kcn-song-tra\n"),
        dtype=str,
    )
    clean, problems = validate_projects(frame, "list.csv")
    assert clean.empty
    assert [p.text("en") for p in problems] == [
        "`list.csv` row 2, column `site_zone_ids`: "
        "expected each zone at most once; found 'kcn-song-tra' twice"
    ]
    assert "mỗi khu nhiều nhất một lần" in problems[0].text("vi")


def test_a_list_with_no_capital_is_refused_and_the_bundled_list_stands(tmp_path: Path) -> None:
    path = tmp_path / "zero.csv"
    path.write_text(
        PROJECT_HEADER
        + "x-1,mechanical,2016-2020,A,0,kcn-song-tra\nx-2,textiles,2021-2025,B,0,kcn-tien-hai\n",
        encoding="utf-8",
    )
    plan, problems = load_overrides(projects=path)
    assert [p.text("en") for p in problems] == [
        "`zero.csv`, column `capital_bn_vnd`: expected some capital above 0 in the list; found 2 rows, all 0"
    ]
    assert "tất cả bằng 0" in problems[0].text("vi")
    assert plan.total_capital == load_plan().total_capital


def test_a_bare_upload_of_a_known_zone_takes_the_rest_from_it(tmp_path: Path) -> None:
    path = _write_zone(tmp_path / "bare.gpkg", _strip_at("kcn-song-tra", 900, 900), zone_id="kcn-song-tra")
    plan, problems = load_overrides(zones=path)
    assert problems == []
    zone = plan.zones.set_index("zone_id").loc["kcn-song-tra"]
    assert (zone["kind"], zone["precision"]) == ("park", "indicative")
    assert zone["name_vi"] == load_plan().zones.set_index("zone_id").loc["kcn-song-tra", "name_vi"]
    assert zone["area_ha_computed"] == pytest.approx(81, rel=0.01)


def test_a_bare_upload_of_a_new_zone_still_needs_kind_and_precision(tmp_path: Path) -> None:
    path = _write_zone(
        tmp_path / "new.gpkg", _strip_at("kcn-song-tra", 900, 900), zone_id="kcn-moi", name_vi="Mới"
    )
    _, problems = load_overrides(zones=path)
    assert any("expected columns `kind`, `precision`" in p.text("en") for p in problems)


def test_the_long_thin_surveyed_cau_nghin_replaces_the_footprint_with_its_sites_inside(
    tmp_path: Path,
) -> None:
    strip = _strip_at("kcn-cau-nghin", 2_000, 50)
    path = _write_zone(tmp_path / "cau-nghin.gpkg", strip, zone_id="kcn-cau-nghin", precision="surveyed")
    plan, problems = load_overrides(zones=path)
    assert problems == []
    zone = plan.zones.set_index("zone_id").loc["kcn-cau-nghin"]
    assert zone["precision"] == "surveyed"
    assert zone["area_ha_computed"] == pytest.approx(10, rel=0.01)
    sites = plan.sites[plan.sites["zone_id"] == "kcn-cau-nghin"]
    assert len(sites) == 4
    assert sites.within(zone.geometry).all()
    load = build_view(plan, Filters()).load.set_index("zone_id")
    assert load.loc["kcn-cau-nghin", "area_ha"] == pytest.approx(10, rel=0.01)


@pytest.mark.parametrize(
    "region",
    [
        shapely.box(0, 0, 2_000, 50),
        shapely.box(0, 0, 3, 3),
        shapely.MultiPolygon([shapely.box(0, 0, 40, 40), shapely.box(500, 500, 520, 520)]),
        shapely.box(0, 0, 1_000, 1_000).difference(shapely.box(5, 5, 995, 995)),
    ],
    ids=["long-thin", "tiny", "multipart", "thin-ring"],
)
def test_sites_are_spread_inside_any_shape(region: shapely.Geometry) -> None:
    inner = derive.inner_region(region, 500)
    points = derive.spread_points(inner, 5)
    assert len(points) == 5
    assert all(region.contains(p) for p in points)


def test_the_upload_help_lists_every_allowed_value_in_both_languages() -> None:
    from geo.validate import PLACEMENTS
    from layers.i18n import text

    for lang in ("en", "vi"):
        help_text = text("upload.help", lang)
        for value in (*settings.ZONE_KINDS, *settings.PRECISIONS, *PLACEMENTS, *settings.SECTORS):
            assert value in help_text
        assert "capital_bn_vnd" in help_text
    assert "bắt buộc" in text("upload.help", "vi")
