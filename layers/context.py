"""What is around the zones: sea, coast, rivers (main ones named), neighbouring provinces and
reference places, drawn from the bundled context layer (no tiles) under the zones."""

from __future__ import annotations

import re
from typing import Any

import folium
import geopandas as gpd
import shapely

from layers.elements import DrawLayer, draw_features, draw_labels, to_json
from layers.features import COORD_DECIMALS, esc, records
from layers.i18n import text

SEA = "#cfe2ee"
WATER_LINE = "#5f95bf"
NEIGHBOUR_LINE = "#9a9a9a"
PLACE = "#2b2b2b"
#: A named river's name is repeated along it every this many degrees (~10 km), so some
#: stretch of it is named at any zoom the map allows.
LABEL_EVERY_DEG = 0.09

STYLES: dict[str, dict[str, Any]] = {
    "sea": {"stroke": False, "fillColor": SEA, "fillOpacity": 1.0},
    "coast": {"color": WATER_LINE, "weight": 1.2, "opacity": 0.9, "fill": False},
    "province": {"color": NEIGHBOUR_LINE, "weight": 1.2, "dashArray": "5 4", "fill": False},
    "river": {"color": WATER_LINE, "weight": 1.6, "opacity": 0.85, "fill": False},
    "place": {"radius": 5, "color": "#ffffff", "weight": 1.5, "fillColor": PLACE, "fillOpacity": 1.0},
}
CSS_CLASS = "context"


#: The context goes to the browser on every rerun with the map: simplified to ~40 m and
#: written to ~10 m it is half the bytes (221 KB → 110 KB on the plan's page), and still
#: within two pixels at zoom 13.
SIMPLIFY_DEG = 0.0004
CONTEXT_DECIMALS = 4


#: A column of :func:`simplified`'s output: each geometry as the map's JSON, made once.
GEOMETRY_JSON = "geometry_json"


def simplified(context: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """``context`` as the web map draws it: lines and shapes simplified (points as they are),
    each with its JSON text in :data:`GEOMETRY_JSON` (~12 ms a map when made every rerun)."""
    out = context.copy()
    out["geometry"] = context.geometry.simplify(SIMPLIFY_DEG, preserve_topology=True)
    out[GEOMETRY_JSON] = [_geometry_json(g) for g in out.geometry]
    return out


def _geometry_json(geometry: shapely.Geometry) -> str:
    return shapely.to_geojson(shapely.set_precision(geometry, 10.0**-CONTEXT_DECIMALS))


def _style(row: dict[str, Any]) -> dict[str, Any]:
    style = dict(STYLES[row["layer"]])
    if row["layer"] == "river" and row["name_vi"]:
        style["weight"] = 2.6
    if row["kind"] == "provincial_capital":
        style["radius"] = 7
    style["className"] = f"{CSS_CLASS} context-{row['layer']} context-{row['feature_id']}"
    return style


def _name(row: dict[str, Any], lang: str) -> str:
    return str(row["name_en"] if lang == "en" and row["name_en"] else row["name_vi"])


def river_label_points(line: shapely.Geometry) -> list[shapely.Point]:
    """Points along a river at which its name is written: every :data:`LABEL_EVERY_DEG`,
    half a step in from each end (one at the middle of a short river)."""
    parts = sorted(getattr(line, "geoms", [line]), key=lambda p: -p.length)
    longest = parts[0]
    steps = max(int(longest.length / LABEL_EVERY_DEG), 1)
    return [longest.interpolate((i + 0.5) / steps, normalized=True) for i in range(steps)]


def context_layer(context: gpd.GeoDataFrame, lang: str) -> folium.FeatureGroup:
    """The context layer: one group in the layer control, drawn in the order of ``context``
    (sea, coast, provinces, rivers, places), with river and place names as labels.

    Nothing in it takes the mouse: it lies under the zones and only gives bearings.
    """
    group = folium.FeatureGroup(name=text("layer.context", lang), control=True, show=True)
    rows = records(context)
    if GEOMETRY_JSON in context.columns:
        geometries = list(context[GEOMETRY_JSON])
    else:
        geometries = [_geometry_json(g) for g in context.geometry]
    draw_features(geometries, [{"style": _style(r)} for r in rows], interactive=False).add_to(group)
    labels: list[tuple[float, float, str]] = []
    for row, geometry in zip(rows, context.geometry, strict=True):
        if row["layer"] == "river" and row["name_vi"]:
            name = esc(_name(row, lang))
            html = f'<div class="river-label context-label-{esc(row["feature_id"])}">{name}</div>'
            labels += [(p.y, p.x, html) for p in river_label_points(geometry)]
    draw_labels(labels, "river-label-icon", (140, 16), (70, -4)).add_to(group)
    places = [
        (
            g.y,
            g.x,
            f'<div class="place-label context-label-{esc(r["feature_id"])}">{esc(_name(r, lang))}</div>',
        )
        for r, g in zip(rows, context.geometry, strict=True)
        if r["layer"] == "place"
    ]
    draw_labels(places, "place-label-icon", (180, 16), (-8, 8), rank=100.0).add_to(group)
    return group


OWN_STYLE: dict[str, Any] = {
    "color": "#7b3294",
    "weight": 1.6,
    "opacity": 0.9,
    "fillColor": "#7b3294",
    "fillOpacity": 0.08,
    "radius": 4,
}


def own_context_layer(title: str, features: gpd.GeoDataFrame, lang: str) -> folium.FeatureGroup:
    """The user's own context layer, under the zones, named in the layer control by its file
    name (escaped); a feature's name shows on hover where no zone lies over it."""
    name = text("layer.own_context", lang).format(name=esc(title))
    group = folium.FeatureGroup(name=name, control=True, show=True)
    style = {**OWN_STYLE, "className": "own-context"}
    props = [{"style": style, **({"tooltip": esc(label)} if label else {})} for label in features["label"]]
    geometries = [_geometry_json(g) for g in features.geometry]
    draw_features(geometries, props, sticky=True).add_to(group)
    return group


def tile_note(lang: str) -> DrawLayer:
    """A note on the map, in ``lang``, shown when an online basemap's tiles fail or do not
    arrive within 5 s (``tileNote`` in ``static/js/map.js``)."""
    return DrawLayer("tileNote", to_json({"text": text("note.tiles_failed", lang), "waitMs": 5000}))


#: Halos show from this zoom on: at the province's zoom (10) a 3 km halo would cover the
#: park's neighbours and read as a second zone.
HALO_MIN_ZOOM = 12
_PLUS_MINUS = re.compile(r"±\s*(?:\d+(?:[.,]\d+)?\s*[-–]\s*)?(\d+(?:[.,]\d+)?)\s*km")


def stated_radius_km(confidence: str) -> float | None:
    """The largest ± radius a ``location_confidence`` states (``low (±2-3 km)`` → 3.0), or
    ``None`` where it states none (``medium``): no halo is drawn on a guess."""
    match = _PLUS_MINUS.search(confidence or "")
    return float(match.group(1).replace(",", ".")) if match else None


def uncertainty_halos(halos: str) -> DrawLayer:
    """A faint disc of each park's stated ± radius around its best-known point, drawn from
    zoom :data:`HALO_MIN_ZOOM` on (``halos`` in ``static/js/map.js``); ``halos`` is
    :func:`halos_json` of the zones."""
    return DrawLayer("halos", halos)


def halos_json(zones: gpd.GeoDataFrame) -> str:
    """The halos' data for :func:`uncertainty_halos` (made once per plan: ~8 ms)."""
    parks = zones[zones["kind"] == "park"]
    centres = parks.geometry.to_crs("EPSG:32648").centroid.to_crs("EPSG:4326")
    items = []
    for row, centre in zip(records(parks), centres, strict=True):
        radius = stated_radius_km(str(row.get("location_confidence", "")))
        if radius is None:
            continue
        items.append(
            {
                "lat": round(centre.y, COORD_DECIMALS),
                "lng": round(centre.x, COORD_DECIMALS),
                "m": radius * 1000,
                "className": f"park-halo halo-{esc(row['zone_id'])}",
            }
        )
    return to_json({"items": items, "minZoom": HALO_MIN_ZOOM})
