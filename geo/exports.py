"""What the user can take away: filtered projects, zones, sites and zone load as frames."""

from __future__ import annotations

from typing import Final

import geopandas as gpd
import numpy as np
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


def export_frame(plan: Plan, kind: str, view: View, *, rounded: bool = False) -> pd.DataFrame:
    """The rows of one export kind for a filtered view; a GeoDataFrame where it has shapes.

    Projects carry the multipoint of their sites; zone load (zones that receive capital)
    carries each zone's polygon; zones carry the capital allocated to them. ``rounded``
    (tables made for people) rounds each site to its precision: files for programs and for
    uploading again keep the coordinates whole, or a site near its park's edge rounded to
    0.01° would land outside the park and be refused when read back.
    """
    if kind not in EXPORT_KINDS:
        raise ValueError(f"`kind` was {kind!r} but is expected to be in {EXPORT_KINDS}")
    if kind == "sites":
        return rounded_sites(view.sites) if rounded else view.sites
    load = view.load[view.load["capital_bn_vnd"] > 0]
    if kind == "zone-load":
        shapes = plan.zones[["zone_id", *[c for c in DISTANCE_COLUMNS if c in plan.zones], "geometry"]]
        return gpd.GeoDataFrame(load.merge(shapes, on="zone_id"), geometry="geometry", crs=settings.CRS)
    if kind == "zones":
        capital = load.set_index("zone_id")[["capital_bn_vnd", "projects"]]
        zones = plan.zones.merge(capital, left_on="zone_id", right_index=True, how="left")
        zones[["capital_bn_vnd", "projects"]] = zones[["capital_bn_vnd", "projects"]].fillna(0)
        return zones
    sites = rounded_sites(plan.sites) if rounded else plan.sites
    points = sites.groupby("project_id").geometry.agg(lambda g: shapely.MultiPoint(list(g)))
    table = view.projects[[c for c in PROJECT_COLUMNS if c in view.projects]].copy()
    table["geometry"] = table["project_id"].map(points)
    return gpd.GeoDataFrame(table, geometry="geometry", crs=settings.CRS)


def coordinate_decimals(precision: pd.Series) -> pd.Series:
    """Decimals of degrees each site's coordinates keep, from its ``precision``.

    An unknown precision keeps 6 (about 0.1 m): nothing is taken away that may be real.
    """
    decimals = precision.map(settings.COORD_DECIMALS_BY_PRECISION)
    return decimals.fillna(6).astype(int)


def rounded_sites(sites: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """``sites`` with each point rounded to its precision (:func:`coordinate_decimals`).

    A site without a ``precision`` column, or with another shape than a point, is left as it is.
    """
    if "precision" not in sites or sites.empty:
        return sites
    geometry = sites.geometry
    points = geometry.geom_type.eq("Point").to_numpy()
    if not points.any():
        return sites
    decimals = coordinate_decimals(sites["precision"]).to_numpy()[points]
    x = np.array(geometry.x[points], dtype=float)
    y = np.array(geometry.y[points], dtype=float)
    # np.round takes one number of decimals: round each precision's points in turn.
    for places in np.unique(decimals):
        chosen = decimals == places
        x[chosen], y[chosen] = np.round(x[chosen], places), np.round(y[chosen], places)
    shapes = geometry.to_numpy().copy()
    shapes[points] = shapely.points(x, y)
    rounded = sites.copy()
    rounded[geometry.name] = gpd.GeoSeries(shapes, index=sites.index, crs=geometry.crs)
    return rounded


def export_totals(plan: Plan, kind: str, view: View) -> dict[str, float]:
    """The totals row of an export, by column id, as the headline counts them.

    Each project is counted once: in zone load under the ``full`` policy a project sited in
    two zones is in both rows, so the column sums would exceed the capital shown above the map.
    Zone load's totals are the headline's capital and project count, and the capital of each
    phase × sector of the projects shown; projects' is the sum of their capital. Other kinds
    (sites, zones) have no totals row on the page, so none here.
    """
    projects = view.projects
    if kind == "projects":
        return {"capital_bn_vnd": view.capital}
    if kind != "zone-load":
        return {}
    totals = {"capital_bn_vnd": view.capital, "projects": float(len(projects))}
    if plan.total_capital:
        totals["share_of_plan"] = view.capital / plan.total_capital
    by_cell = projects.groupby(["phase", "sector"], as_index=False)["capital_bn_vnd"].sum()
    for phase, sector, value in by_cell.itertuples(index=False, name=None):
        totals[f"capital_{phase}_{sector}"] = float(value)
    return totals
