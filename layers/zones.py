"""Zones shaded by allocated capital, outlined by precision and kind, with capital labels."""

from __future__ import annotations

from typing import Any

import folium
import geopandas as gpd
import pandas as pd

from layers.elements import DrawLayer, draw_features, draw_labels, json_object
from layers.fastsites import COMPACT_ZONES_ABOVE, compact_zones_payload
from layers.features import Row, esc, local_name, local_value, per_ha_text, rows_html
from layers.i18n import capital, number, text
from layers.prepared import PreparedZones, prepare_zones
from layers.style import KIND_STROKE, PRECISION_DASH, CapitalScale

#: Big areas get a light fill so the parks and markers above them stay readable.
FILL_OPACITY = {"park": 0.75, "coastal_zone": 0.22, "cluster_area": 0.15}
#: At most this many zones get a capital label: the ones with the most capital.
MAX_LABELS = 25
#: Where labels collide, capital labels outrank places (100), districts (50) and rivers (0).
LABEL_RANK = 1000.0


def _zone_popup(row: Row, lang: str) -> str:
    value = float(row["capital_bn_vnd"])
    rows = [
        (text("field.kind", lang), esc(text(f"kind.{row['kind']}", lang))),
        (text("field.allocated", lang), esc(capital(value, lang))),
        (text("field.projects", lang), esc(int(row["projects"]))),
        (text("field.area", lang), esc(f"{number(row['area_ha'], lang, 1)} ha")),
        (text("field.capital_per_ha", lang), esc(per_ha_text(value, float(row["area_ha"] or 0), row, lang))),
        (text("field.precision", lang), esc(text(f"precision.{row['precision']}", lang))),
        (text("field.developer", lang), esc(local_value(row, "developer", lang))),
        (text("field.status", lang), esc(local_value(row, "status", lang))),
    ]
    return f"<h4>{esc(local_name(row, lang))}</h4>{rows_html(rows)}"


def zone_properties(row: Row, scale: CapitalScale, lang: str) -> dict[str, object]:
    """A zone's style (class ``zone zone-<id>``), tooltip and popup."""
    value = float(row["capital_bn_vnd"])
    stroke, weight = KIND_STROKE.get(row["kind"], ("#333333", 1.5))
    return {
        "zone_id": row["zone_id"],
        "style": {
            "className": f"zone zone-{row['zone_id']}",
            "fillColor": scale.colour(value),
            "fillOpacity": FILL_OPACITY.get(row["kind"], 0.3),
            "color": stroke,
            "weight": weight,
            "dashArray": PRECISION_DASH.get(row["precision"]),
        },
        "tooltip": f"<b>{esc(local_name(row, lang))}</b><br>{esc(capital(value, lang))}",
        "popup": _zone_popup(row, lang),
    }


def zone_figures(prepared: PreparedZones, load: pd.DataFrame) -> list[dict[str, Any]]:
    """Each zone a project can sit in (drawing order), with the view's capital and projects."""
    capital_of = dict(zip(load["zone_id"], load["capital_bn_vnd"].astype(float), strict=True))
    projects_of = dict(zip(load["zone_id"], load["projects"], strict=True))
    return [
        {
            **zone,
            "capital_bn_vnd": capital_of.get(zone["zone_id"], 0.0),
            "projects": projects_of.get(zone["zone_id"], 0),
        }
        for zone in prepared.site_zones
    ]


def zones_layer(
    zones: gpd.GeoDataFrame,
    load: pd.DataFrame,
    scale: CapitalScale,
    lang: str,
    prepared: PreparedZones | None = None,
) -> folium.FeatureGroup:
    """Site zones (parks, coastal zone, cluster area) coloured by their allocated capital.

    Every shape carries the CSS class ``zone zone-<zone_id>`` so tests and users' tools can
    find it. ``prepared`` (:func:`layers.prepared.prepare_zones` of ``zones``) saves
    preparing the zones again.
    """
    group = folium.FeatureGroup(name=text("layer.zones", lang), show=True)
    prepared = prepared or prepare_zones(zones)
    if not prepared.site_zones:
        return group
    figures = zone_figures(prepared, load)
    if len(figures) > COMPACT_ZONES_ABOVE:
        colours = [scale.colour(float(zone["capital_bn_vnd"])) for zone in figures]
        shapes = "[" + ",".join(prepared.geometry[zone["zone_id"]] for zone in figures) + "]"
        payload = json_object(compact_zones_payload(figures, colours, lang), shapes=shapes)
        DrawLayer("compactZones", payload).add_to(group)
        return group
    geometries = [prepared.geometry[zone["zone_id"]] for zone in figures]
    properties = [zone_properties(zone, scale, lang) for zone in figures]
    highlight = {"weight": 4, "fillOpacity": 0.85}
    draw_features(geometries, properties, sticky=True, popupWidth=360, highlight=highlight, keys=True).add_to(
        group
    )
    return group


def labels_layer(
    zones: gpd.GeoDataFrame, load: pd.DataFrame, lang: str, prepared: PreparedZones | None = None
) -> folium.FeatureGroup:
    """A label with the allocated capital beside every zone that receives any."""
    group = folium.FeatureGroup(name=text("layer.labels", lang), show=True)
    prepared = prepared or prepare_zones(zones)
    figures = [zone for zone in zone_figures(prepared, load) if zone["capital_bn_vnd"] > 0]
    if len(figures) > MAX_LABELS:
        # Thousands of labels would cover the map and weigh megabytes: label the largest.
        figures = sorted(figures, key=lambda zone: -zone["capital_bn_vnd"])[:MAX_LABELS]
    items = []
    for zone in figures:
        short = str(zone["name_vi"]).replace("KCN ", "")
        if zone["kind"] != "park":
            short = text(f"kind.{zone['kind']}", lang)
        amount = f"<b>{esc(number(zone['capital_bn_vnd'], lang))}</b>"
        opening = f'<div class="zone-label zone-label-{esc(zone["zone_id"])}">'
        html = f"{opening}{esc(short)}: {amount}</div>"
        # Where the full label has no room, its figure alone (the full text on hover).
        figure = f"{opening}{amount}</div>"
        lat, lng = prepared.label_points[zone["zone_id"]]
        # Capital labels outrank every place name; among them, the larger figure wins.
        items.append((lat, lng, html, LABEL_RANK + float(zone["capital_bn_vnd"]), figure))
    if items:
        draw_labels(items, "zone-label-icon", (180, 18), (-8, 22)).add_to(group)
    return group
