"""The offline basemap: province and district polygons with labels, no tiles needed."""

from __future__ import annotations

import folium
import geopandas as gpd
import xyzservices
import xyzservices.providers as xyz

from layers.elements import draw_features, draw_labels
from layers.features import esc
from layers.i18n import text
from layers.prepared import PreparedZones, prepare_zones

LAND = "#f7f5ef"
DISTRICT_LINE = "#8c8c8c"
#: Online tile layers for users who have internet; none is shown by default. Given as
#: xyzservices providers (URL and attribution kept by that library): folium looks a plain
#: URL up among all providers by name, which cost ~7 ms per layer on every rerun. CARTO's
#: light tiles now need an API key (xyzservices says so), hence Esri's light grey canvas.
TILE_LAYERS: dict[str, xyzservices.TileProvider] = {
    "layer.osm": xyz.OpenStreetMap.Mapnik,
    "layer.light": xyz.Esri.WorldGrayCanvas,
    "layer.imagery": xyz.Esri.WorldImagery,
}


def district_label(name_vi: str) -> str:
    """A short label that reads the same in both languages: 'Quỳnh Phụ', 'TP Thái Bình'."""
    return name_vi.replace("Thành phố ", "TP ").replace("Huyện ", "")


def basemap_layer(
    zones: gpd.GeoDataFrame, lang: str, prepared: PreparedZones | None = None
) -> folium.FeatureGroup:
    """Province land, district outlines and district names, drawn from the bundled polygons."""
    group = folium.FeatureGroup(name=text("layer.basemap", lang), control=True, show=True)
    prepared = prepared or prepare_zones(zones)
    province = {"fillColor": LAND, "fillOpacity": 1.0, "color": DISTRICT_LINE, "weight": 1.5}
    district = {**province, "fillOpacity": 0.0, "weight": 0.8}
    styles = [{"style": province if kind == "province" else district} for _, kind, _ in prepared.admin]
    geometries = [prepared.geometry[zone_id] for zone_id, _, _ in prepared.admin]
    draw_features(geometries, styles, interactive=False).add_to(group)
    items = [
        (*prepared.label_points[zone_id], f'<div class="district-label">{esc(district_label(name))}</div>')
        for zone_id, kind, name in prepared.admin
        if kind == "district"
    ]
    draw_labels(items, "district-label-icon", (120, 16), (60, 8), rank=50.0).add_to(group)
    return group


def tile_layers(lang: str) -> list[folium.TileLayer]:
    """Online basemaps as overlays that start hidden, so the default view asks no server."""
    return [
        folium.TileLayer(
            tiles=provider,
            name=text(key, lang),
            overlay=True,
            show=False,
            max_zoom=18,
            # Past a provider's last zoom level, Leaflet enlarges its tiles instead of showing none.
            max_native_zoom=provider.get("max_zoom", 18),
        )
        for key, provider in TILE_LAYERS.items()
    ]
