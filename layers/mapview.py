"""Assemble the map: a base that changes only with language and policy, and the layers
that change with every filter (so streamlit-folium can swap them without a reload)."""

from __future__ import annotations

import math

import folium
import folium.plugins
import geopandas as gpd
import pandas as pd

from geo.owncontext import OwnContext
from geo.view import Filters, View
from layers.assets import use_local_assets
from layers.basemap import basemap_layer, tile_layers
from layers.context import context_layer, own_context_layer, tile_note, uncertainty_halos
from layers.fastsites import COMPACT_ABOVE, compact_sites_layer
from layers.i18n import text
from layers.legend import TitleBox, add_legend, legend_scale
from layers.prepared import PreparedZones, prepare_zones
from layers.sites import sites_layer
from layers.standalone import inline_assets
from layers.style import CapitalScale
from layers.zones import labels_layer, zones_layer

MIN_ZOOM = 9
MAX_ZOOM = 17


def base_map(
    zones: gpd.GeoDataFrame,
    lang: str,
    *,
    title: tuple[str, str] | None = None,
    large: bool = False,
    view: tuple[tuple[float, float], int] | None = None,
    prepared: PreparedZones | None = None,
    context: gpd.GeoDataFrame | None = None,
    own: OwnContext | None = None,
) -> folium.Map:
    """The map with its offline basemap, hidden online tiles, controls and legend; the same
    whatever the filters and policy (the legend's capital scale comes with the layers).

    ``title`` (title, subtitle) puts a title box on the map; ``large`` sets large type;
    ``view`` (centre, zoom) opens the map there instead of on the whole province;
    ``prepared`` (:func:`layers.prepared.prepare_zones` of ``zones``) saves preparing them again;
    ``context`` (``geo.context.read_context()``) draws rivers, coast and places under the zones;
    ``own`` (the user's own context layer) is drawn over that, still under the zones.
    """
    prepared = prepared or prepare_zones(zones)
    west, south, east, north = prepared.bounds
    m = folium.Map(
        location=[(south + north) / 2, (west + east) / 2],
        zoom_start=10,
        tiles=None,
        control_scale=True,
        min_zoom=MIN_ZOOM,
        max_zoom=MAX_ZOOM,
        prefer_canvas=False,
        zoom_snap=0.25,
    )
    basemap_layer(zones, lang, prepared).add_to(m)
    if context is not None:
        context_layer(context, lang).add_to(m)
    if own is not None:
        own_context_layer(own.title, own.features, lang).add_to(m)
    uncertainty_halos(prepared.halos).add_to(m)
    tile_note(lang).add_to(m)
    for layer in tile_layers(lang):
        layer.add_to(m)
    folium.plugins.Fullscreen(position="topleft").add_to(m)
    add_legend(m, lang, large=large)
    if title is not None:
        TitleBox(*title).add_to(m)
    if view is not None:
        m.location, m.options["zoom"] = list(view[0]), view[1]
        # A phone's map has its legend closed: static/js/map.js takes the offset back there.
        m.options["tbFocusOffset"] = list(FOCUS_OFFSET_PX)
        return m
    # Leave the bottom-right corner to the legend, so it covers no zone.
    m.fit_bounds([[south, west], [north, east]], padding_top_left=(10, 10), padding_bottom_right=(210, 10))
    return m


#: Pixels (east, south) by which a chosen zone's view centre moves, so the zone and its
#: capital label sit up and left of the centre, clear of the legend in the bottom right.
FOCUS_OFFSET_PX = (100, 60)


def focus(zones: gpd.GeoDataFrame, zone_id: str) -> tuple[tuple[float, float], int] | None:
    """Centre and zoom that show one zone whole: a park up close, an area from afar."""
    match = zones[zones["zone_id"] == zone_id]
    if match.empty:
        return None
    row = match.iloc[0]
    point = row.geometry.representative_point() if row["kind"] != "park" else row.geometry.centroid
    west, south, east, north = row.geometry.bounds
    span = max(east - west, north - south)
    zoom = 14 if span < 0.04 else 13 if span < 0.08 else 11 if span < 0.3 else 10
    # Web Mercator: a pixel spans 360 / (256 * 2^zoom) degrees of longitude, and that times
    # cos(latitude) of latitude.
    degrees_per_px = 360 / (256 * 2**zoom)
    east, south = FOCUS_OFFSET_PX
    lat = point.y - south * degrees_per_px * math.cos(math.radians(point.y))
    return (lat, point.x + east * degrees_per_px), zoom


def zone_names(zones: gpd.GeoDataFrame, lang: str) -> dict[str, str]:
    """Zone id → name in ``lang`` (Vietnamese where no English name is recorded)."""
    names = zones["name_vi"].astype(str)
    if lang == "en":
        english = zones["name_en"].fillna("").astype(str)
        names = english.where(english != "", names)
    return dict(zip(zones["zone_id"], names, strict=True))


def dynamic_layers(
    zones: gpd.GeoDataFrame,
    load: pd.DataFrame,
    sites: gpd.GeoDataFrame,
    scale: CapitalScale,
    lang: str,
    prepared: PreparedZones | None = None,
) -> list[folium.FeatureGroup]:
    """Zones, capital labels and project markers for the filtered view, bottom to top."""
    names = zone_names(zones, lang)
    prepared = prepared or prepare_zones(zones)
    markers = (
        compact_sites_layer(sites, names, lang)
        if len(sites) > COMPACT_ABOVE
        else sites_layer(sites, names, lang, prepared.label_points, park_radii(zones))
    )
    shaded = zones_layer(zones, load, scale, lang, prepared)
    legend_scale(scale, lang).add_to(shaded)
    return [
        shaded,
        labels_layer(zones, load, lang, prepared),
        markers,
    ]


def park_radii(zones: gpd.GeoDataFrame) -> dict[str, float]:
    """Zone id → radius (m) of a disc of each park's area: how far its markers may fan out."""
    parks = zones[zones["kind"] == "park"]
    areas = parks.geometry.to_crs("EPSG:32648").area
    return {str(z): float(math.sqrt(a / math.pi)) for z, a in zip(parks["zone_id"], areas, strict=True)}


def full_map(
    zones: gpd.GeoDataFrame,
    load: pd.DataFrame,
    sites: gpd.GeoDataFrame,
    scale: CapitalScale,
    lang: str,
    *,
    title: tuple[str, str] | None = None,
    context: gpd.GeoDataFrame | None = None,
    own: OwnContext | None = None,
) -> folium.Map:
    """One map of the view with every layer and a layer control."""
    prepared = prepare_zones(zones)
    m = base_map(zones, lang, title=title, prepared=prepared, context=context)
    for group in dynamic_layers(zones, load, sites, scale, lang, prepared):
        group.add_to(m)
    folium.LayerControl(collapsed=True).add_to(m)
    return m


def standalone_html(
    zones: gpd.GeoDataFrame,
    view: View,
    filters: Filters,
    lang: str,
    *,
    files: dict[str, bytes],
    context: gpd.GeoDataFrame | None = None,
) -> str:
    """The view as one HTML page, titled with its filters, that opens from disk offline.

    ``files`` are the served scripts, styles and images (``geo.io.read_static_assets``).
    """
    use_local_assets()
    title = map_title(filters.sectors, filters.phases, lang)
    scale = CapitalScale(*view.capital_range)
    m = full_map(zones, view.load, view.sites, scale, lang, title=title, context=context)
    return inline_assets(m.get_root().render(), files)


def map_title(sectors: list[str], phases: list[str], lang: str) -> tuple[str, str]:
    """Title and subtitle of an exported or presented map: what it shows."""
    sector_names = ", ".join(text(f"sector.{s}", lang) for s in sectors) or text("all", lang)
    phase_names = ", ".join(text(f"phase.{p}", lang) for p in phases) or text("present.both", lang)
    return text(
        "title", lang
    ), f"{text('sector', lang)}: {sector_names} · {text('phase', lang)}: {phase_names}"


def layer_control() -> folium.LayerControl:
    """The layer control handed to streamlit-folium with the dynamic layers."""
    return folium.LayerControl(collapsed=True)
