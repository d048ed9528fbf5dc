"""Zones shaded by allocated capital, outlined by precision and kind, with capital labels."""

from __future__ import annotations

import folium
import geopandas as gpd
import pandas as pd
import shapely
import shapely.ops
from shapely.geometry.base import BaseGeometry

from geo.join import zone_areas_ha
from geo.settings import SITE_ZONE_KINDS
from layers.fastsites import COMPACT_ZONES_ABOVE, CompactLayer, compact_zones_payload
from layers.features import collection, esc, rows_html
from layers.i18n import capital, number, text
from layers.style import KIND_STROKE, PRECISION_DASH, CapitalScale

#: Big areas get a light fill so the parks and markers above them stay readable.
FILL_OPACITY = {"park": 0.75, "coastal_zone": 0.22, "cluster_area": 0.15}
#: At most this many zones get a capital label: the ones with the most capital.
MAX_LABELS = 25
DRAW_ORDER = {"cluster_area": 0, "coastal_zone": 1, "park": 2}


def zone_name(row: pd.Series, lang: str) -> str:
    """The zone's name in ``lang`` (Vietnamese where no English name is recorded)."""
    return str(row["name_en"] if lang == "en" and row.get("name_en") else row["name_vi"])


def _zone_popup(row: pd.Series, lang: str) -> str:
    value = float(row["capital_bn_vnd"])
    per_ha = value / row["area_ha"] if row["area_ha"] else 0.0
    rows = [
        (text("field.kind", lang), esc(text(f"kind.{row['kind']}", lang))),
        (text("field.allocated", lang), esc(capital(value, lang))),
        (text("field.projects", lang), esc(int(row["projects"]))),
        (text("field.area", lang), esc(f"{number(row['area_ha'], lang, 1)} ha")),
        (text("field.capital_per_ha", lang), esc(f"{number(per_ha, lang, 2)} {text('unit.per_ha', lang)}")),
        (text("field.precision", lang), esc(text(f"precision.{row['precision']}", lang))),
        (text("field.developer", lang), esc(row.get("developer", ""))),
        (text("field.status", lang), esc(row.get("status", ""))),
    ]
    return f"<h4>{esc(zone_name(row, lang))}</h4>{rows_html(rows)}"


def zone_rows(zones: gpd.GeoDataFrame, load: pd.DataFrame) -> gpd.GeoDataFrame:
    """Zones a project can sit in, with the filtered view's capital, projects and area."""
    site_zones = zones[zones["kind"].isin(SITE_ZONE_KINDS)].drop(columns="area_ha", errors="ignore")
    site_zones = site_zones.assign(area_ha=zone_areas_ha(site_zones).round(1).to_numpy())
    figures = load.set_index("zone_id")[["capital_bn_vnd", "projects"]]
    rows = site_zones.merge(figures, left_on="zone_id", right_index=True, how="left")
    rows[["capital_bn_vnd", "projects"]] = rows[["capital_bn_vnd", "projects"]].fillna(0)
    order = rows["kind"].map(DRAW_ORDER).fillna(3)
    return rows.assign(_order=order).sort_values(["_order", "zone_id"]).drop(columns="_order")


def zones_layer(
    zones: gpd.GeoDataFrame, load: pd.DataFrame, scale: CapitalScale, lang: str
) -> folium.FeatureGroup:
    """Site zones (parks, coastal zone, cluster area) coloured by their allocated capital.

    Every shape carries the CSS class ``zone-<zone_id>`` so tests and users' tools can find it.
    """
    group = folium.FeatureGroup(name=text("layer.zones", lang), show=True)
    rows = zone_rows(zones, load)

    def properties(row: pd.Series) -> dict[str, object]:
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
            "tooltip": f"<b>{esc(zone_name(row, lang))}</b><br>{esc(capital(value, lang))}",
            "popup": _zone_popup(row, lang),
        }

    if rows.empty:
        return group
    if len(rows) > COMPACT_ZONES_ABOVE:
        colours = [scale.colour(float(v)) for v in rows["capital_bn_vnd"]]
        CompactLayer("tbCompactZones", compact_zones_payload(rows, colours, lang)).add_to(group)
        return group
    folium.GeoJson(
        collection(rows, properties, simplify=True),
        name="zones",
        style_function=lambda f: f["properties"]["style"],
        highlight_function=lambda f: {"weight": 4, "fillOpacity": 0.85},
        tooltip=folium.GeoJsonTooltip(["tooltip"], labels=False, sticky=True),
        popup=folium.GeoJsonPopup(["popup"], labels=False, max_width=360),
        zoom_on_click=False,
    ).add_to(group)
    return group


def labels_layer(zones: gpd.GeoDataFrame, load: pd.DataFrame, lang: str) -> folium.FeatureGroup:
    """A label with the allocated capital beside every zone that receives any."""
    group = folium.FeatureGroup(name=text("layer.labels", lang), show=True)
    rows = zone_rows(zones, load)
    if len(rows) > MAX_LABELS:
        # Thousands of labels would cover the map and weigh megabytes: label the largest.
        rows = rows.nlargest(MAX_LABELS, "capital_bn_vnd")
    coastal = rows[rows["kind"] == "coastal_zone"].union_all()
    # Labels of generic areas keep this far (degrees, ~5 km) from the parks' labels.
    parks = rows[rows["kind"] == "park"].union_all().buffer(0.045)
    for _, row in rows[rows["capital_bn_vnd"] > 0].iterrows():
        shape = row.geometry
        if row["kind"] != "park":
            # The clusters' area contains the coastal districts; label it inland, where the
            # label cannot be read as the coastal zone's, and away from the parks' labels.
            free = shape.difference(coastal) if row["kind"] == "cluster_area" else _northern_half(shape)
            free = free.difference(parks)
            shape = free if not free.is_empty else shape
        point = shape.representative_point() if row["kind"] == "park" else _label_point(shape)
        short = str(row["name_vi"]).replace("KCN ", "")
        if row["kind"] != "park":
            short = text(f"kind.{row['kind']}", lang)
        label = f"{esc(short)}: <b>{esc(number(row['capital_bn_vnd'], lang))}</b>"
        folium.Marker(
            [point.y, point.x],
            icon=folium.DivIcon(
                html=f'<div class="zone-label zone-label-{esc(row["zone_id"])}">{label}</div>',
                icon_size=(180, 18),
                icon_anchor=(-8, 22),
                class_name="zone-label-icon",
            ),
            interactive=False,
        ).add_to(group)
    return group


def _northern_half(shape: BaseGeometry) -> BaseGeometry:
    # The legend sits bottom-right, over the coast's south: label it in its northern part.
    west, south, east, north = shape.bounds
    return shape.intersection(shapely.box(west, south + 0.7 * (north - south), east, north))


def _label_point(shape: BaseGeometry) -> BaseGeometry:
    """The point of the largest part farthest from its edges (pole of inaccessibility)."""
    parts = sorted(shapely.get_parts(shape), key=lambda p: p.area)
    return shapely.ops.polylabel(parts[-1], tolerance=0.001)
