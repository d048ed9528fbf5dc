"""Join, allocation, aggregation, reprojection and export round trips."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import pandas as pd
import pyogrio
import pytest
import shapely

import cli
from geo import io, settings
from geo.errors import PlanDataError
from geo.exports import export_frame
from geo.join import allocate
from geo.load import Plan, load_plan
from geo.stats import aggregate, filter_projects, zone_load
from geo.view import Filters, build_view
from tests.conftest import digest


def read_back(path: Path, fmt: str) -> pd.DataFrame:
    """Open a written file with the library a user would: pandas, openpyxl or pyogrio."""
    if fmt == "csv":
        return pd.read_csv(path)
    if fmt == "xlsx":
        return pd.read_excel(path, engine="openpyxl")
    return pyogrio.read_dataframe(path)


def _load(plan: Plan, policy: str, **filters: list[str]) -> pd.DataFrame:
    projects = filter_projects(plan.projects, **filters)
    return zone_load(allocate(projects, policy), plan.zones, plan_total=plan.total_capital).set_index(
        "zone_id"
    )


def test_split_shares_joint_and_alternative_sites_equally(plan: Plan) -> None:
    load = _load(plan, "split")
    assert load["capital_bn_vnd"].sum() == pytest.approx(31_560)
    # 650+500+300+580+10,000+12,000 whole, plus half of the 300 shared with Cầu Nghìn.
    assert load.loc["kcn-song-tra", "capital_bn_vnd"] == pytest.approx(24_180)
    assert load.loc["kcn-cau-nghin", "capital_bn_vnd"] == pytest.approx(325 + 450 + 125 + 150)
    assert load.loc["kcn-tien-hai", "capital_bn_vnd"] == pytest.approx(580)
    assert load.loc["kcn-song-tra", "projects"] == 7


def test_full_gives_every_candidate_the_whole_amount(plan: Plan) -> None:
    load = _load(plan, "full")
    assert load.loc["kcn-cau-nghin", "capital_bn_vnd"] == pytest.approx(650 + 450 + 250 + 300)
    assert load.loc["kcn-song-tra", "capital_bn_vnd"] == pytest.approx(24_330)
    # Five multi-site projects are counted twice: 650 + 250 + 300 + 1,500 + 150.
    assert load["capital_bn_vnd"].sum() == pytest.approx(31_560 + 2_850)


def test_first_gives_the_whole_amount_to_the_first_zone_named(plan: Plan) -> None:
    load = _load(plan, "first")
    assert load["capital_bn_vnd"].sum() == pytest.approx(31_560)
    assert load.loc["kcn-cau-nghin", "capital_bn_vnd"] == pytest.approx(650 + 450 + 250)
    assert load.loc["ccn-cac-huyen", "capital_bn_vnd"] == pytest.approx(1_080 + 90 + 180)


def test_zone_load_has_area_capital_per_ha_and_share(plan: Plan) -> None:
    load = _load(plan, "split", sectors=["ceramics"])
    row = load.loc["kcn-tien-hai"]
    assert row["area_ha"] == pytest.approx(446, rel=0.01)
    assert row["capital_per_ha"] == pytest.approx(580 / row["area_ha"], rel=1e-3)
    assert row["share_of_plan"] == pytest.approx(580 / 31_560)
    assert row["capital_2016-2020_ceramics"] == 180
    assert list(load.index) == ["kcn-tien-hai"]


def test_aggregate_per_zone_sector_and_phase(plan: Plan) -> None:
    table = aggregate(allocate(plan.projects, "split")).set_index(["zone_id", "sector", "phase"])
    assert table.loc[("kcn-song-tra", "electronics", "2021-2025"), "capital_bn_vnd"] == 22_000
    assert table.loc[("kcn-song-tra", "electronics", "2021-2025"), "projects"] == 2
    assert table.loc[("kkt-ven-bien", "textiles", "2021-2025"), "capital_bn_vnd"] == pytest.approx(
        750 + 950 + 350 + 100 + 75
    )


def test_unknown_policy_is_refused(plan: Plan) -> None:
    with pytest.raises(ValueError, match="`policy` was 'half'"):
        allocate(plan.projects, "half")


def test_site_without_zone_goes_to_the_smallest_zone_containing_it(
    tmp_path: Path, sites_layer: gpd.GeoDataFrame
) -> None:
    sites = sites_layer.copy()
    sites["zone_id"] = ""
    path = tmp_path / "sites.geojson"
    io.write_layer(sites, path, "geojson")
    plan = load_plan(sites=path)
    joined = plan.sites.set_index("site_id")
    assert joined.loc["electronics-2021-1@kcn-song-tra", "zone_id"] == "kcn-song-tra"
    assert joined.loc["mechanical-2016-3@kkt-ven-bien", "zone_id"] == "kkt-ven-bien"
    assert joined.loc["electronics-2021-1@kcn-song-tra", "district_id"] == "tp-thai-binh"


def test_sites_in_utm_and_vn2000_land_in_the_right_place(
    tmp_path: Path, sites_layer: gpd.GeoDataFrame
) -> None:
    for epsg in (32648, 3405):  # WGS 84 / UTM 48N and VN-2000 / UTM 48N
        path = tmp_path / f"sites-{epsg}.gpkg"
        io.write_layer(sites_layer.to_crs(epsg), path, "gpkg")
        back = load_plan(sites=path).sites.set_index("site_id").loc[sites_layer["site_id"]]
        distance = back.to_crs(settings.METRIC_CRS).distance(
            sites_layer.set_index("site_id").to_crs(settings.METRIC_CRS)
        )
        assert distance.max() < 1.0


def test_zone_areas_are_computed_in_a_metric_crs(plan: Plan) -> None:
    load = _load(plan, "split")
    # Thái Thụy + Tiền Hải, 260.9 + 216.2 km² per the source's own measurement.
    assert load.loc["kkt-ven-bien", "area_ha"] == pytest.approx(47_705, rel=0.01)


@pytest.mark.parametrize("kind", ["projects", "zones", "sites", "zone-load"])
@pytest.mark.parametrize("fmt", ["csv", "xlsx", "geojson", "gpkg"])
def test_every_export_opens_with_the_filtered_rows(tmp_path: Path, plan: Plan, kind: str, fmt: str) -> None:
    out = tmp_path / f"{kind}.{fmt}"
    args = ["export", kind, "--format", fmt, "--out", str(out), "--sector", "electronics"]
    assert cli.run([*args, "--phase", "2021-2025"]) == 0
    view = build_view(plan, Filters(sectors=["electronics"], phases=["2021-2025"]))
    expected = export_frame(plan, kind, view)
    back = read_back(out, fmt)
    assert len(back) == len(expected)
    key = {"projects": "project_id", "sites": "site_id"}.get(kind, "zone_id")
    assert sorted(back[key]) == sorted(expected[key])


def test_exports_round_trip_through_validate(tmp_path: Path, plan: Plan) -> None:
    outputs = {
        "projects": tmp_path / "projects.xlsx",
        "zones": tmp_path / "zones.gpkg",
        "sites": tmp_path / "sites.csv",
    }
    for kind, out in outputs.items():
        assert cli.run(["export", kind, "--format", out.suffix[1:], "--out", str(out)]) == 0
    back = load_plan(**{k: str(v) for k, v in outputs.items()})
    columns = ["project_id", "sector", "phase", "name_vi", "name_en", "capital_bn_vnd", "site_zone_ids"]
    pd.testing.assert_frame_equal(back.projects[columns], plan.projects[columns])
    assert set(back.zones["zone_id"]) == set(plan.zones["zone_id"])
    assert back.zones.geom_equals(plan.zones.geometry).all()
    pd.testing.assert_series_equal(back.sites["zone_id"], plan.sites["zone_id"])
    # Sites come back whole: only tables made for people are rounded (tests/test_downloads.py).
    exported = plan.sites.geometry.to_numpy()
    assert shapely.equals_exact(back.sites.geometry.to_numpy(), exported, 1e-6).all()


def test_export_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    projects = tmp_path / "mine.csv"
    projects.write_bytes(settings.PROJECTS_FILE.read_bytes())
    before = digest(projects)
    code = cli.run(
        ["export", "projects", "--format", "csv", "--out", str(projects), "--projects", str(projects)]
    )
    assert code == 1
    assert digest(projects) == before


def test_validate_and_findings_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.run(["validate"]) == 0
    assert "22 projects" in capsys.readouterr().out
    assert cli.run(["findings"]) == 0
    out = capsys.readouterr().out
    assert "2 finding(s)" in out
    assert "1,580" in out
    assert "1,680" in out


def test_load_plan_raises_one_error_for_all_files(tmp_path: Path) -> None:
    missing = tmp_path / "nope.csv"
    empty = tmp_path / "empty.geojson"
    empty.write_text("")
    with pytest.raises(PlanDataError) as caught:
        load_plan(projects=missing, zones=empty)
    assert [p.source for p in caught.value.problems] == ["nope.csv", "empty.geojson"]


@pytest.mark.parametrize("kind", ["projects", "sites", "zone-load"])
@pytest.mark.parametrize("fmt", ["csv", "xlsx", "geojson", "gpkg"])
def test_downloads_open_in_their_library_with_the_view_s_rows(
    tmp_path: Path, plan: Plan, kind: str, fmt: str
) -> None:
    view = build_view(plan, Filters(sectors=["textiles"], search="soi", policy="full"))
    path = tmp_path / f"download.{fmt}"
    path.write_bytes(io.to_bytes(export_frame(plan, kind, view), fmt))
    back = read_back(path, fmt)
    if kind == "projects":
        assert sorted(back["project_id"]) == ["textiles-2016-1", "textiles-2021-4"]
    elif kind == "sites":
        assert sorted(back["site_id"]) == [
            "textiles-2016-1@ccn-cac-huyen",
            "textiles-2021-4@ccn-cac-huyen",
            "textiles-2021-4@kkt-ven-bien",
        ]
    else:
        loads = dict(zip(back["zone_id"], back["capital_bn_vnd"], strict=True))
        assert loads == {"ccn-cac-huyen": 1_080 + 1_500, "kkt-ven-bien": 1_500}
