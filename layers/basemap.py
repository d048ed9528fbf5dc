"""The offline basemap: province and district polygons with labels, no tiles needed."""

from __future__ import annotations

import folium
import geopandas as gpd

from layers.features import collection, esc
from layers.i18n import text

LAND = "#f7f5ef"
DISTRICT_LINE = "#8c8c8c"
#: Online tile layers for users who have internet; none is shown by default.
TILE_LAYERS: dict[str, tuple[str, str]] = {
    "layer.osm": (
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        "&copy; OpenStreetMap contributors",
    ),
    "layer.light": (
        "https://{s}.basemaps.cartocdn.com/light_all/{z}/{x}/{y}{r}.png",
        "&copy; OpenStreetMap contributors &copy; CARTO",
    ),
    "layer.imagery": (
        "https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/{z}/{y}/{x}",
        "Tiles &copy; Esri",
    ),
}


def district_label(name_vi: str) -> str:
    """A short label that reads the same in both languages: 'Quỳnh Phụ', 'TP Thái Bình'."""
    return name_vi.replace("Thành phố ", "TP ").replace("Huyện ", "")


def basemap_layer(zones: gpd.GeoDataFrame, lang: str) -> folium.FeatureGroup:
    """Province land, district outlines and district names, drawn from the bundled polygons."""
    group = folium.FeatureGroup(name=text("layer.basemap", lang), control=True, show=True)
    admin = zones[zones["kind"].isin(["province", "district"])]
    admin = admin.sort_values("kind", key=lambda k: k.map({"province": 0, "district": 1}))
    data = collection(admin, lambda r: {"kind": r["kind"]}, simplify=True)
    folium.GeoJson(
        data,
        name="basemap",
        style_function=lambda f: {
            "fillColor": LAND,
            "fillOpacity": 1.0 if f["properties"]["kind"] == "province" else 0.0,
            "color": DISTRICT_LINE,
            "weight": 1.5 if f["properties"]["kind"] == "province" else 0.8,
            "interactive": False,
        },
        interactive=False,
        control=False,
    ).add_to(group)
    for _, row in admin[admin["kind"] == "district"].iterrows():
        point = row.geometry.representative_point()
        folium.Marker(
            [point.y, point.x],
            icon=folium.DivIcon(
                html=f'<div class="district-label">{esc(district_label(row["name_vi"]))}</div>',
                icon_size=(120, 16),
                icon_anchor=(60, 8),
                class_name="district-label-icon",
            ),
            interactive=False,
        ).add_to(group)
    return group


def tile_layers(lang: str) -> list[folium.TileLayer]:
    """Online basemaps as overlays that start hidden, so the default view asks no server."""
    return [
        folium.TileLayer(
            tiles=url, attr=attribution, name=text(key, lang), overlay=True, show=False, max_zoom=18
        )
        for key, (url, attribution) in TILE_LAYERS.items()
    ]
