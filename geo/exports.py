"""What the user can take away: filtered projects, zones, sites and zone load as frames."""

from __future__ import annotations

from typing import Final

import geopandas as gpd
import pandas as pd
import shapely

from geo import settings
from geo.join import allocate
from geo.load import Plan
from geo.stats import filter_projects, zone_load

EXPORT_KINDS: Final[tuple[str, ...]] = ("projects", "zones", "sites", "zone-load")
PROJECT_COLUMNS: Final[list[str]] = [
    "project_id",
    "sector",
    "phase",
    "printed_no",
    "name_vi_printed",
    "name_vi",
    "name_en",
    "capital_printed",
    "capital_bn_vnd",
    "site_printed",
    "site_vi",
    "site_en",
    "site_zone_ids",
    "site_mode",
    "notes_vi",
    "notes_en",
    "plants",
]


def filtered_sites(plan: Plan, projects: pd.DataFrame) -> gpd.GeoDataFrame:
    """Sites of the given projects, with the project's sector, phase, names and capital."""
    fields = projects[["project_id", "sector", "phase", "name_vi", "name_en", "capital_bn_vnd"]]
    sites = plan.sites.merge(fields, on="project_id", how="inner")
    return gpd.GeoDataFrame(sites, geometry="geometry", crs=settings.CRS)


def export_frame(
    plan: Plan,
    kind: str,
    *,
    sectors: list[str] | None = None,
    phases: list[str] | None = None,
    policy: str = settings.DEFAULT_POLICY,
) -> pd.DataFrame:
    """The rows of one export kind for the filtered view; a GeoDataFrame where it has shapes.

    Projects carry the multipoint of their sites; zone load carries its zone's polygon.
    """
    if kind not in EXPORT_KINDS:
        raise ValueError(f"`kind` was {kind!r} but is expected to be in {EXPORT_KINDS}")
    projects = filter_projects(plan.projects, sectors=sectors, phases=phases)
    if kind == "sites":
        return filtered_sites(plan, projects)
    allocation = allocate(projects, policy)
    load = zone_load(allocation, plan.zones, plan_total=plan.total_capital)
    if kind == "zone-load":
        shapes = plan.zones[["zone_id", "geometry"]]
        return gpd.GeoDataFrame(load.merge(shapes, on="zone_id"), geometry="geometry", crs=settings.CRS)
    if kind == "zones":
        capital = load.set_index("zone_id")[["capital_bn_vnd", "projects"]]
        zones = plan.zones.merge(capital, left_on="zone_id", right_index=True, how="left")
        zones[["capital_bn_vnd", "projects"]] = zones[["capital_bn_vnd", "projects"]].fillna(0)
        return zones
    points = plan.sites.groupby("project_id").geometry.agg(lambda g: shapely.MultiPoint(list(g)))
    table = projects[[c for c in PROJECT_COLUMNS if c in projects]].copy()
    table["geometry"] = table["project_id"].map(points)
    return gpd.GeoDataFrame(table, geometry="geometry", crs=settings.CRS)
