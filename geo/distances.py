"""Straight-line (geodesic) distances from each zone to the reference places and the coast."""

from __future__ import annotations

from typing import Final

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
import shapely.ops
from pyproj import Geod

from geo import settings
from geo.context import read_context

#: The WGS84 ellipsoid: distances along it, not across a projection.
GEOD: Final = Geod(ellps="WGS84")
#: Place ids, in column order: ``km_to_<id>``.
PLACE_COLUMNS: Final[tuple[str, ...]] = (
    "noi_bai",
    "hai_phong_port",
    "ha_noi",
    "thai_binh_city",
    "coast",
)
DISTANCE_COLUMNS: Final[tuple[str, ...]] = tuple(f"km_to_{p}" for p in PLACE_COLUMNS)


def zone_points(zones: gpd.GeoDataFrame) -> gpd.GeoSeries:
    """The point a zone's distances are measured from: its centroid (a park's disc centre,
    the best-known location), computed in metres; in lon/lat."""
    return zones.geometry.to_crs(settings.METRIC_CRS).centroid.to_crs(settings.CRS)


def geodesic_km(lon1: np.ndarray, lat1: np.ndarray, lon2: np.ndarray, lat2: np.ndarray) -> np.ndarray:
    """Geodesic distance in km between paired lon/lat arrays on the WGS84 ellipsoid."""
    _, _, metres = GEOD.inv(lon1, lat1, lon2, lat2)
    return np.asarray(metres) / 1000.0


def km_to_coast(points: gpd.GeoSeries, coast: shapely.Geometry) -> np.ndarray:
    """Geodesic km from each point to the nearest point of the coastline.

    The nearest point is found in UTM 48N (a few metres off at most over this province),
    then the distance to it is measured on the ellipsoid.
    """
    metric_coast = gpd.GeoSeries([coast], crs=settings.CRS).to_crs(settings.METRIC_CRS).iloc[0]
    metric = points.to_crs(settings.METRIC_CRS)
    nearest = gpd.GeoSeries(
        [shapely.ops.nearest_points(p, metric_coast)[1] for p in metric], crs=settings.METRIC_CRS
    ).to_crs(settings.CRS)
    return geodesic_km(points.x.to_numpy(), points.y.to_numpy(), nearest.x.to_numpy(), nearest.y.to_numpy())


def zone_distances(zones: gpd.GeoDataFrame, context: gpd.GeoDataFrame) -> pd.DataFrame:
    """``km_to_<place>`` for every zone (rounded to 0.1 km), indexed like ``zones``.

    Parameters
    ----------
    zones
        Zone layer in EPSG:4326.
    context
        The context layer (:mod:`geo.context`): its ``place`` features and ``coast`` line.
    """
    points = zone_points(zones)
    places = context[context["layer"] == "place"].set_index("feature_id").geometry
    columns: dict[str, np.ndarray] = {}
    for place in PLACE_COLUMNS[:-1]:
        target = places[place]
        columns[f"km_to_{place}"] = geodesic_km(
            points.x.to_numpy(),
            points.y.to_numpy(),
            np.full(len(points), target.x),
            np.full(len(points), target.y),
        )
    coast = context.loc[context["layer"] == "coast"].geometry.union_all()
    columns["km_to_coast"] = km_to_coast(points, coast)
    return pd.DataFrame(columns, index=zones.index).round(1)


def with_distances(zones: gpd.GeoDataFrame, context: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """``zones`` with the ``km_to_*`` columns added (replacing any it already has)."""
    kept = zones.drop(columns=[c for c in DISTANCE_COLUMNS if c in zones])
    return gpd.GeoDataFrame(
        pd.concat([kept, zone_distances(kept, context)], axis=1), geometry="geometry", crs=zones.crs
    )


def with_site_distances(zones: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """``zones`` with distances to the bundled context's places and coast (see :func:`with_distances`)."""
    return with_distances(zones, read_context())
