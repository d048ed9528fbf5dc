"""Project markers: colour by sector, fill by phase, outline by how precise the site is."""

from __future__ import annotations

import folium
import geopandas as gpd

from layers.elements import draw_features
from layers.features import Row, esc, local_name, point_geojson, records, rows_html
from layers.i18n import capital, text
from layers.style import SECTOR_COLOURS

PHASE_FILL = {"2016-2020": 0.9, "2021-2025": 0.0}
RADIUS = 8


def _site_popup(row: Row, zone_names: dict[str, str], lang: str) -> str:
    other = row["name_vi"] if lang == "en" else row.get("name_en", "")
    notes = row.get(f"notes_{lang}", "") or row.get("notes_vi", "")
    printed = row.get("site_printed", "")
    rows = [
        (text("field.sector", lang), esc(text(f"sector.{row['sector']}", lang))),
        (text("field.phase", lang), esc(text(f"phase.{row['phase']}", lang))),
        (text("field.capital", lang), esc(capital(float(row["capital_bn_vnd"]), lang))),
        (text("field.site", lang), esc(row.get(f"site_{lang}", "") or row.get("site_vi", ""))),
        (text("field.site_printed", lang), esc(printed) if printed != row.get("site_vi") else ""),
        (text("zone", lang), esc(zone_names.get(row["zone_id"], row["zone_id"]))),
        (text("field.placement", lang), esc(text(f"placement.{row['placement']}", lang))),
        (text("field.notes", lang), esc(notes)),
        (text("field.plants", lang), esc(row.get("plants", ""))),
    ]
    title = f"<h4>{esc(local_name(row, lang))}</h4>"
    subtitle = f'<div class="other-name">{esc(other)} · {esc(row["project_id"])}</div>'
    return title + subtitle + rows_html(rows)


def site_properties(row: Row, zone_names: dict[str, str], lang: str) -> dict[str, object]:
    """A site's marker style (class ``site project-<id> placement-<placement>``), tooltip and popup."""
    colour = SECTOR_COLOURS.get(row["sector"], "#555555")
    unspecified = row["placement"] == "area"
    return {
        "project_id": row["project_id"],
        "style": {
            "className": f"site project-{row['project_id']} placement-{row['placement']}",
            "color": colour,
            "weight": 2.5 if unspecified else 3,
            "dashArray": "3 3" if unspecified else None,
            "fillColor": colour,
            "fill": True,
            "fillOpacity": PHASE_FILL.get(row["phase"], 0.5),
            "opacity": 0.8 if unspecified else 1.0,
            "radius": RADIUS - 1 if unspecified else RADIUS,
        },
        "tooltip": (
            f"<b>{esc(local_name(row, lang))}</b><br>"
            f"{esc(capital(float(row['capital_bn_vnd']), lang))} · "
            f"{esc(zone_names.get(row['zone_id'], row['zone_id']))}"
        ),
        "popup": _site_popup(row, zone_names, lang),
    }


def sites_layer(sites: gpd.GeoDataFrame, zone_names: dict[str, str], lang: str) -> folium.FeatureGroup:
    """One circle marker per site, with a hover tooltip and a details popup.

    ``sites`` carries the project's columns (sector, phase, names, capital, site text).
    Every marker has the CSS class ``project-<project_id>``.
    """
    group = folium.FeatureGroup(name=text("layer.sites", lang), show=True)
    if sites.empty:
        return group
    geometries = [point_geojson(p.x, p.y) for p in sites.geometry]
    properties = [site_properties(row, zone_names, lang) for row in records(sites)]
    draw_features(
        geometries, properties, sticky=False, popupWidth=380, highlight={"weight": 5}, mark="__sitesDrawn"
    ).add_to(group)
    return group
