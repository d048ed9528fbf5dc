"""Any valid shape and any valid-schema list run load → view → map → HTML export cleanly.

The only error a valid-looking upload may raise is :class:`geo.errors.PlanDataError`; no
upload may leave a site outside its zone.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely
import shapely.affinity
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geo import settings as geo_settings
from geo.errors import PlanDataError
from geo.io import read_static_assets
from geo.load import Plan, load_plan
from geo.overrides import load_overrides
from geo.view import Filters, build_view
from layers import mapview

PARKS = ("kcn-song-tra", "kcn-cau-nghin", "kcn-tien-hai")
#: Coordinate systems a user's file may come in: WGS 84, UTM 48N and VN-2000 / UTM 48N.
CRSS = (4326, 32648, 3405)
ASSETS = read_static_assets()
SETTINGS = settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _centre(zone_id: str) -> shapely.Point:
    zone = load_plan().zones.set_index("zone_id").loc[zone_id]
    series = gpd.GeoSeries([zone.geometry.centroid], crs=geo_settings.CRS)
    return series.to_crs(geo_settings.METRIC_CRS).iloc[0]


@st.composite
def outlines(draw: st.DrawFn) -> shapely.Geometry:
    """A valid outline in metres around (0, 0): long/thin, tiny, holed, multi-part, rotated."""
    length = draw(st.floats(5, 3_000))
    width = draw(st.floats(5, 3_000))
    shape: shapely.Geometry = shapely.box(-length / 2, -width / 2, length / 2, width / 2)
    if draw(st.booleans()) and min(length, width) > 20:
        hole = draw(st.floats(0.1, 0.8))
        shape = shape.difference(
            shapely.box(-length * hole / 2, -width * hole / 2, length * hole / 2, width * hole / 2)
        )
    if draw(st.booleans()):
        other = shapely.box(0, 0, draw(st.floats(5, 500)), draw(st.floats(5, 500)))
        shape = shapely.MultiPolygon(
            [*shapely.get_parts(shape), shapely.affinity.translate(other, length, width)]
        )
    return shapely.affinity.rotate(shape, draw(st.floats(0, 180)), origin=(0, 0))


def _export(plan: Plan) -> None:
    view = build_view(plan, Filters())
    html = mapview.standalone_html(plan.zones, view, Filters(), "vi", files=ASSETS)
    assert "<html" in html.lower()
    for zone_id, sites in plan.sites.groupby("zone_id"):
        zone = plan.zones.set_index("zone_id").loc[zone_id]
        assert sites.within(zone.geometry).all(), zone_id


@SETTINGS
@given(
    outline=outlines(),
    zone_id=st.sampled_from(PARKS),
    epsg=st.sampled_from(CRSS),
    surveyed=st.booleans(),
)
def test_any_valid_outline_replaces_its_zone_and_holds_its_sites(
    outline: shapely.Geometry, zone_id: str, epsg: int, surveyed: bool
) -> None:
    centre = _centre(zone_id)
    placed = shapely.affinity.translate(outline, centre.x, centre.y)
    columns = {"zone_id": [zone_id]} | ({"precision": ["surveyed"]} if surveyed else {})
    frame = gpd.GeoDataFrame(columns, geometry=[placed], crs=geo_settings.METRIC_CRS).to_crs(epsg)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "zone.gpkg"
        frame.to_file(path)
        plan, problems = load_overrides(zones=path)
        _export(plan)
    zone = plan.zones.set_index("zone_id").loc[zone_id]
    assert problems == []
    assert zone["precision"] == ("surveyed" if surveyed else "indicative")
    sites = plan.sites[plan.sites["zone_id"] == zone_id]
    assert len(sites) > 0
    assert sites.within(zone.geometry).all()


ZONES = ("kcn-song-tra", "kcn-cau-nghin", "kcn-tien-hai", "kkt-ven-bien", "ccn-cac-huyen")


@st.composite
def project_lists(draw: st.DrawFn) -> pd.DataFrame:
    """A priority list with valid columns and values: any sector, phase, capital and zones."""
    count = draw(st.integers(1, 6))
    rows = []
    for number in range(count):
        zones = draw(st.lists(st.sampled_from(ZONES), min_size=1, max_size=3, unique=True))
        rows.append(
            {
                "project_id": f"p-{number}",
                "sector": draw(st.sampled_from(geo_settings.SECTORS)),
                "phase": draw(st.sampled_from(geo_settings.PHASES)),
                "name_vi": draw(st.text(min_size=1, max_size=20).filter(lambda t: t.strip() != "")),
                "capital_bn_vnd": str(draw(st.integers(0, 50_000))),
                "site_zone_ids": ";".join(zones),
                "site_mode": "single"
                if len(zones) == 1
                else draw(st.sampled_from(("joint", "alternatives"))),
            }
        )
    return pd.DataFrame(rows)


@SETTINGS
@given(frame=project_lists())
def test_any_valid_list_runs_to_an_html_export_or_is_refused_clearly(frame: pd.DataFrame) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "list.csv"
        frame.to_csv(path, index=False)
        try:
            plan, problems = load_overrides(projects=path)
            _export(plan)
        except PlanDataError:
            return
    if (frame["capital_bn_vnd"].astype(int) > 0).any() and not problems:
        assert set(plan.projects["project_id"]) == set(frame["project_id"])
        assert plan.total_capital == frame["capital_bn_vnd"].astype(int).sum()
