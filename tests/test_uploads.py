"""A user's files laid over the bundled plan: surveyed zones in other CRSs, own sites, a new list."""

from __future__ import annotations

import csv
from pathlib import Path

import geopandas as gpd
import pytest
import shapely

from geo import settings
from geo.overrides import load_uploads
from geo.view import Filters, build_view
from tests.conftest import digest

CORPUS = Path(__file__).parent / "corpus"


def surveyed_song_tra(epsg: int, hectares: float = 300.0) -> gpd.GeoDataFrame:
    """A square 'surveyed' Sông Trà boundary of ``hectares``, in the CRS ``epsg``."""
    centre = gpd.GeoSeries([shapely.Point(106.338, 20.492)], crs=settings.CRS).to_crs(epsg).iloc[0]
    half = (hectares * 10_000) ** 0.5 / 2
    square = shapely.box(centre.x - half, centre.y - half, centre.x + half, centre.y + half)
    return gpd.GeoDataFrame(
        {
            "zone_id": ["kcn-song-tra"],
            "kind": ["park"],
            "name_vi": ["KCN Sông Trà (đo đạc)"],
            "precision": ["surveyed"],
        },
        geometry=[square],
        crs=epsg,
    )


@pytest.mark.parametrize("epsg", [3405, 32648])  # VN-2000 / UTM 48N, WGS 84 / UTM 48N
def test_surveyed_zone_replaces_the_footprint_and_the_load_follows(tmp_path: Path, epsg: int) -> None:
    path = tmp_path / "surveyed.gpkg"
    surveyed_song_tra(epsg).to_file(path)
    before = {p: digest(p) for p in settings.DATA_DIR.glob("*.*")}
    plan, problems = load_uploads({"zones": (path.name, path.read_bytes())})
    assert problems == []
    zone = plan.zones.set_index("zone_id").loc["kcn-song-tra"]
    assert zone["precision"] == "surveyed"
    assert zone.geometry.contains(shapely.Point(106.338, 20.492))
    load = build_view(plan, Filters()).load.set_index("zone_id")
    assert load.loc["kcn-song-tra", "area_ha"] == pytest.approx(300, rel=0.01)
    assert load.loc["kcn-song-tra", "capital_bn_vnd"] == pytest.approx(24_180)
    assert load.loc["kcn-song-tra", "capital_per_ha"] == pytest.approx(24_180 / 300, rel=0.01)
    sites = plan.sites[plan.sites["zone_id"] == "kcn-song-tra"]
    assert len(sites) == 7
    assert sites.within(zone.geometry).all()
    assert len(plan.zones) == 19
    assert {p: digest(p) for p in settings.DATA_DIR.glob("*.*")} == before


def test_own_sites_replace_a_project_s_sites(tmp_path: Path) -> None:
    path = tmp_path / "sites.csv"
    path.write_text("project_id,lon,lat\nceramics-2016-1,106.5216,20.3919\n", encoding="utf-8")
    plan, problems = load_uploads({"sites": (path.name, path.read_bytes())})
    assert problems == []
    mine = plan.sites[plan.sites["project_id"] == "ceramics-2016-1"]
    assert list(mine["zone_id"]) == ["kcn-tien-hai"]
    assert list(mine["precision"]) == ["surveyed"]
    assert len(plan.sites) == 27


def test_a_new_priority_list_replaces_the_plan_s(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text(
        "Mã dự án,Lĩnh vực,Giai đoạn,Tên dự án,Vốn đầu tư (tỷ đồng),Mã khu\n"
        "electronics-2026-1,electronics,2021-2025,Chip mới,5000,kcn-song-tra\n",
        encoding="utf-8",
    )
    plan, problems = load_uploads({"projects": (path.name, path.read_bytes())})
    assert problems == []
    assert list(plan.projects["project_id"]) == ["electronics-2026-1"]
    assert plan.total_capital == 5_000
    # Its capital counts, so it has its marker: placed in its park as the bundled ones are.
    assert list(plan.sites["site_id"]) == ["electronics-2026-1@kcn-song-tra"]
    assert list(plan.sites["placement"]) == ["park"]
    assert plan.subtotals.empty


def test_payload_names_are_kept_as_data(tmp_path: Path) -> None:
    path = CORPUS / "ok" / "xss_zone.geojson"
    plan, problems = load_uploads({"zones": (path.name, path.read_bytes())})
    assert problems == []
    assert plan.zones.set_index("zone_id").loc["kcn-song-tra", "name_vi"].startswith("<img src=x")


def _list_with(*extra: str, moved: tuple[str, str] | None = None) -> bytes:
    """The bundled list with ``extra`` records, and one project's zones changed if asked."""
    lines = settings.PROJECTS_FILE.read_text(encoding="utf-8").splitlines()
    if moved is not None:
        project_id, zones = moved
        lines = [
            line.replace("kcn-song-tra,single", f"{zones},single", 1)
            if line.startswith(project_id + ",")
            else line
            for line in lines
        ]
    return ("\n".join([*lines, *extra]) + "\n").encode("utf-8")


def test_a_project_the_uploaded_list_adds_gets_a_marker_in_each_of_its_zones() -> None:
    new = "mechanical-2021-9,mechanical,2021-2025,,,Dự án mới,,,120,,,,kcn-tien-hai;kkt-ven-bien,joint,,,"
    plan, problems = load_uploads({"projects": ("danh_muc.csv", _list_with(new))})
    assert problems == []
    assert len(plan.projects) == 23
    assert plan.total_capital == pytest.approx(31_560 + 120)
    sites = plan.sites[plan.sites["project_id"] == "mechanical-2021-9"]
    assert sorted(sites["zone_id"]) == ["kcn-tien-hai", "kkt-ven-bien"]
    zones = plan.zones.set_index("zone_id")
    assert all(
        zones.loc[z].geometry.contains(p) for z, p in zip(sites["zone_id"], sites.geometry, strict=True)
    )
    # Every other project keeps its bundled markers.
    assert len(plan.sites) == 27 + 2


def test_a_project_whose_zone_the_list_changes_is_placed_in_its_new_zone() -> None:
    data = _list_with(moved=("electronics-2021-1", "kcn-tien-hai"))
    plan, problems = load_uploads({"projects": ("danh_muc.csv", data)})
    assert problems == []
    assert "electronics-2021-1" in set(plan.projects["project_id"])
    sites = plan.sites[plan.sites["project_id"] == "electronics-2021-1"]
    assert list(sites["zone_id"]) == ["kcn-tien-hai"]
    assert plan.total_capital == pytest.approx(31_560)


def test_a_workbook_with_a_sites_sheet_beside_the_list_reads_the_list() -> None:
    import io

    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Danh mục"
    for row in csv.reader(settings.PROJECTS_FILE.read_text(encoding="utf-8").splitlines()):
        book.active.append(row)
    sites = book.create_sheet("Địa điểm")
    sites.append(["project_id", "zone_id", "lon", "lat"])
    sites.append(["electronics-2021-1", "kcn-song-tra", 106.338, 20.492])
    buffer = io.BytesIO()
    book.save(buffer)
    plan, problems = load_uploads({"projects": ("ke_hoach.xlsx", buffer.getvalue())})
    assert problems == []
    assert plan.own == frozenset({"projects"})
    assert len(plan.projects) == 22
    assert plan.total_capital == pytest.approx(31_560)


def test_sites_with_vietnamese_coordinate_headers_are_placed_where_they_say() -> None:
    table = "project_id;zone_id;Kinh độ;Vĩ độ\nelectronics-2021-1;kcn-song-tra;106,338;20,492\n"
    plan, problems = load_uploads({"sites": ("dia_diem.csv", table.encode("utf-8"))})
    assert problems == []
    [site] = plan.sites[plan.sites["project_id"] == "electronics-2021-1"].geometry
    assert (site.x, site.y) == pytest.approx((106.338, 20.492))
    assert [n.text("en") for n in plan.notices] == [
        "`dia_diem.csv`, column `lon`: read with a decimal comma (106,35 = 106.35 degrees)",
        "`dia_diem.csv`, column `lat`: read with a decimal comma (106,35 = 106.35 degrees)",
    ]


def test_a_sites_table_giving_a_coordinate_twice_is_refused() -> None:
    """`Longitude` beside `Kinh độ`: which one is meant cannot be told; neither is dropped unsaid."""
    table = "project_id,Longitude,Kinh độ,lat\nmechanical-2016-1,106.35,106.36,20.49\n".encode()
    _, problems = load_uploads({"sites": ("two_lon.csv", table)})
    messages = [str(p) for p in problems]
    assert any(
        "expected one column for `lon`; found 2 columns for it: `Longitude`, `Kinh độ`" in m for m in messages
    )
    assert any("cần một cột cho `lon`" in p.text("vi") for p in problems)
