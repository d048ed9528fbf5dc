"""What the map needs of the zones that no filter changes, computed once per plan.

Simplifying geometry, placing labels and sorting zones took most of a filter change's
Python time when redone on every rerun; the app caches a :class:`PreparedZones` per plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
import shapely.ops
from shapely.geometry.base import BaseGeometry

from geo.join import zone_areas_ha
from geo.settings import SITE_ZONE_KINDS
from layers.context import halos_json
from layers.fastsites import COMPACT_ZONES_ABOVE, SCALE

#: About 5 m at this latitude: invisible at the zooms the map allows, a much smaller payload.
SIMPLIFY_DEGREES = 0.00005
#: About 20 m, when there are too many zones to send them in detail.
SIMPLIFY_MANY_DEGREES = 0.0002
#: Labels of generic areas keep this far (degrees, ~5 km) from the parks' labels.
PARK_LABEL_CLEARANCE = 0.045


#: Zone facts the map shows, besides the filtered figures.
SITE_ZONE_FACTS = [
    "zone_id",
    "kind",
    "name_vi",
    "name_en",
    "precision",
    "developer",
    "status",
    "developer_vi",
    "status_vi",
]
#: Large areas first, parks on top.
DRAW_ORDER = {"cluster_area": 0, "coastal_zone": 1, "park": 2}


@dataclass(frozen=True)
class PreparedZones:
    """The zones as the map draws them.

    Attributes
    ----------
    geometry
        Zone id → geometry as JSON text for ``static/js/map.js``: simplified to about
        5 m (20 m above :data:`layers.fastsites.COMPACT_ZONES_ABOVE` zones), each ring's
        coordinates as integer steps of 1e-5 degree (see :func:`encoded_geometry`).
    label_points
        Zone id → (lat, lng): a park's label at its centre, a district's name inside it,
        a large area's label where it cannot be read as another zone's.
    site_zones
        Zones a project can sit in, in drawing order: :data:`SITE_ZONE_FACTS` and
        ``area_ha`` (computed from the geometry, rounded to 0.1 ha).
    admin
        (zone id, kind, Vietnamese name) of the province, then of each district.
    bounds
        West, south, east, north of the province (of all zones if there is none).
    halos
        The parks' uncertainty halos as :func:`layers.context.halos_json`.
    """

    geometry: dict[str, str]
    label_points: dict[str, tuple[float, float]]
    site_zones: list[dict[str, Any]]
    admin: list[tuple[str, str, str]]
    bounds: tuple[float, float, float, float]
    halos: str


def encoded_geometry(geometry: BaseGeometry, tolerance: float = SIMPLIFY_DEGREES) -> str:
    """A polygon or multipolygon as ``{"type":"Steps","scale":S,"p":[[ring, ...], ...]}`` JSON.

    Each ring is a flat list ``x0, y0, dx1, dy1, ...`` in 1/S degree (S is
    :data:`layers.fastsites.SCALE`, about 1 m): less than half the bytes of GeoJSON's
    decimals, and the zones go to the browser on every rerun.
    """
    polygons = []
    for part in shapely.get_parts(shapely.simplify(geometry, tolerance)):
        rings = [part.exterior, *part.interiors]
        polygons.append(",".join(_ring_steps(ring.coords) for ring in rings))
    body = ",".join(f"[{p}]" for p in polygons)
    return f'{{"type":"Steps","scale":{SCALE},"p":[{body}]}}'


def _ring_steps(coords: Any) -> str:
    steps = np.diff(np.rint(np.asarray(coords)[:, :2] * SCALE).astype(np.int64), axis=0, prepend=0)
    return "[" + ",".join(map(str, steps.ravel().tolist())) + "]"


def prepare_zones(zones: gpd.GeoDataFrame) -> PreparedZones:
    """Everything :class:`PreparedZones` holds, for ``zones``."""
    site = zones[zones["kind"].isin(SITE_ZONE_KINDS)]
    tolerance = SIMPLIFY_MANY_DEGREES if len(site) > COMPACT_ZONES_ABOVE else SIMPLIFY_DEGREES
    texts = {
        str(z): encoded_geometry(g, tolerance) for z, g in zip(zones["zone_id"], zones.geometry, strict=True)
    }
    order = np.lexsort((site["zone_id"].to_numpy(), site["kind"].map(DRAW_ORDER).fillna(3).to_numpy()))
    site = site.iloc[order]
    facts = pd.DataFrame(site[[c for c in SITE_ZONE_FACTS if c in site.columns]])
    # Not rounded here: capital per ha divides by it, and must match the panel and the table.
    facts["area_ha"] = zone_areas_ha(site).to_numpy()
    records = [dict(zip(facts.columns, row, strict=True)) for row in facts.itertuples(index=False)]
    province = zones[zones["kind"] == "province"]
    admin_zones = pd.concat([province, zones[zones["kind"] == "district"]])
    admin = [
        (str(z), str(k), str(n))
        for z, k, n in zip(admin_zones["zone_id"], admin_zones["kind"], admin_zones["name_vi"], strict=True)
    ]
    west, south, east, north = (province if not province.empty else zones).total_bounds
    bounds = (float(west), float(south), float(east), float(north))
    return PreparedZones(texts, label_points(zones), records, admin, bounds, halos_json(zones))


def label_points(zones: gpd.GeoDataFrame) -> dict[str, tuple[float, float]]:
    """Where each zone's label goes (see :class:`Shapes`)."""
    points: dict[str, tuple[float, float]] = {}
    parks = zones[zones["kind"] == "park"]
    for zone_id, point in zip(parks["zone_id"], parks.geometry.representative_point(), strict=True):
        points[zone_id] = (point.y, point.x)
    districts = zones[zones["kind"] == "district"]
    for zone_id, point in zip(districts["zone_id"], districts.geometry.representative_point(), strict=True):
        points[zone_id] = (point.y, point.x)
    areas = zones[zones["kind"].isin(SITE_ZONE_KINDS) & (zones["kind"] != "park")]
    if areas.empty:
        return points
    coastal = zones.loc[zones["kind"] == "coastal_zone"].union_all()
    near_parks = parks.union_all().buffer(PARK_LABEL_CLEARANCE)
    for zone_id, kind, shape in zip(areas["zone_id"], areas["kind"], areas.geometry, strict=True):
        # The clusters' area contains the coastal districts: label it inland, where the
        # label cannot be read as the coastal zone's, and away from the parks' labels.
        free = shape.difference(coastal) if kind == "cluster_area" else _northern_part(shape)
        free = free.difference(near_parks)
        point = _label_point(free if not free.is_empty else shape)
        points[zone_id] = (point.y, point.x)
    return points


def _northern_part(shape: BaseGeometry) -> BaseGeometry:
    # The legend sits bottom-right, over the coast's south: label it in its northern part.
    west, south, east, north = shape.bounds
    return shape.intersection(shapely.box(west, south + 0.7 * (north - south), east, north))


def _label_point(shape: BaseGeometry) -> BaseGeometry:
    """The point of the largest part farthest from its edges (pole of inaccessibility)."""
    parts = sorted(shapely.get_parts(shape), key=lambda p: p.area)
    return shapely.ops.polylabel(parts[-1], tolerance=0.001)
