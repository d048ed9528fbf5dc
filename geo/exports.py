"""What the user can take away: filtered projects, zones, sites and zone load as frames."""

from __future__ import annotations

from typing import Final

import geopandas as gpd
import pandas as pd
import shapely

from geo import settings
from geo.distances import DISTANCE_COLUMNS
from geo.load import Plan
from geo.view import View

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


def export_frame(plan: Plan, kind: str, view: View) -> pd.DataFrame:
    """The rows of one export kind for a filtered view; a GeoDataFrame where it has shapes.

    Projects carry the multipoint of their sites; zone load (zones that receive capital)
    carries each zone's polygon; zones carry the capital allocated to them.
    """
    if kind not in EXPORT_KINDS:
        raise ValueError(f"`kind` was {kind!r} but is expected to be in {EXPORT_KINDS}")
    if kind == "sites":
        return view.sites
    load = view.load[view.load["capital_bn_vnd"] > 0]
    if kind == "zone-load":
        shapes = plan.zones[["zone_id", *[c for c in DISTANCE_COLUMNS if c in plan.zones], "geometry"]]
        return gpd.GeoDataFrame(load.merge(shapes, on="zone_id"), geometry="geometry", crs=settings.CRS)
    if kind == "zones":
        capital = load.set_index("zone_id")[["capital_bn_vnd", "projects"]]
        zones = plan.zones.merge(capital, left_on="zone_id", right_index=True, how="left")
        zones[["capital_bn_vnd", "projects"]] = zones[["capital_bn_vnd", "projects"]].fillna(0)
        return zones
    points = plan.sites.groupby("project_id").geometry.agg(lambda g: shapely.MultiPoint(list(g)))
    table = view.projects[[c for c in PROJECT_COLUMNS if c in view.projects]].copy()
    table["geometry"] = table["project_id"].map(points)
    return gpd.GeoDataFrame(table, geometry="geometry", crs=settings.CRS)
