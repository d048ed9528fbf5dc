"""Project markers: colour by sector, fill by phase, outline by how precise the site is."""

from __future__ import annotations

from typing import Any

import folium
import geopandas as gpd
import shapely

from layers.elements import DrawLayer, draw_features, to_json
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


def _allocated(row: dict[str, Any], lang: str) -> str:
    """A project's capital in an area: its allocated share, and its whole when that differs."""
    share = float(row["allocated_bn_vnd"])
    whole = float(row["capital_bn_vnd"])
    if abs(share - whole) < 1e-9:
        return capital(share, lang)
    return text("area.share_of", lang).format(share=capital(share, lang), whole=capital(whole, lang))


def area_groups(
    sites: gpd.GeoDataFrame,
    zone_names: dict[str, str],
    lang: str,
    points: dict[str, tuple[float, float]],
) -> list[dict[str, object]]:
    """One symbol per area for the sites the plan names no place for: at the area's label
    point, with the number of projects and their capital, listing them (escaped HTML).

    Its CSS classes hold ``project-<id>`` of every project in it, so each stays findable.
    """
    groups: list[dict[str, object]] = []
    for zone_id, rows in sites.groupby("zone_id", sort=True):
        if zone_id not in points:
            continue
        rows = rows.sort_values(["allocated_bn_vnd", "project_id"], ascending=[False, True])
        # What the area carries under the policy: the same figure as the area's label.
        total = float(rows["allocated_bn_vnd"].sum())
        count = len(rows)
        heading = (
            f"<b>{esc(zone_names.get(str(zone_id), str(zone_id)))}</b><br>"
            f"{esc(text('area.projects', lang).format(count=count))} · {esc(capital(total, lang))}"
        )
        items = "".join(
            f'<li class="project-{esc(r["project_id"])}">{esc(local_name(r, lang))} · '
            f"{esc(_allocated(r, lang))}</li>"
            for r in records(rows)
        )
        classes = " ".join(f"project-{esc(p)}" for p in rows["project_id"])
        lat, lng = points[str(zone_id)]
        groups.append(
            {
                "lat": lat,
                "lng": lng,
                "className": f"area-group {classes} zone-group-{esc(zone_id)}",
                "html": f"<span>{count}</span>",
                "tooltip": heading,
                "popup": f'{heading}<ul class="area-projects">{items}</ul>',
            }
        )
    return groups


def sites_layer(
    sites: gpd.GeoDataFrame,
    zone_names: dict[str, str],
    lang: str,
    area_points: dict[str, tuple[float, float]] | None = None,
    park_radius_m: dict[str, float] | None = None,
) -> folium.FeatureGroup:
    """One circle marker per site, with a hover tooltip and a details popup.

    ``sites`` carries the project's columns (sector, phase, names, capital, site text).
    Every marker has the CSS class ``project-<project_id>``. With ``area_points`` (zone id →
    lat, lng), sites in an area with no named place get no point of their own: each area
    shows one symbol there (:func:`area_groups`) holding their classes, and a park's sites sit
    at its point, fanned out on screen no farther than ``park_radius_m`` (zone id → metres)
    so that a click on one still lands in its park.
    A marker's click opens its popup and goes no further (not to Streamlit).
    """
    group = folium.FeatureGroup(name=text("layer.sites", lang), show=True)
    if sites.empty:
        return group
    if area_points is not None:
        in_areas = sites["placement"] == "area"
        groups = area_groups(sites[in_areas], zone_names, lang, area_points)
        DrawLayer("areaGroups", to_json({"items": groups})).add_to(group)
        sites = sites[~in_areas]
        if sites.empty:
            return group
        # A park's markers sit at the park's point; the map fans them out by a few pixels
        # (the same at every zoom), so they do not read as plot positions.
        at_park = [area_points.get(z) for z in sites["zone_id"]]
        sites = sites.assign(
            geometry=[
                shapely.Point(p[1], p[0]) if p is not None else g
                for p, g in zip(at_park, sites.geometry, strict=True)
            ]
        )
    geometries = [point_geojson(p.x, p.y) for p in sites.geometry]
    properties = [site_properties(row, zone_names, lang) for row in records(sites)]
    for props, zone_id in zip(properties, sites["zone_id"], strict=True):
        if park_radius_m and zone_id in park_radius_m:
            props["fanM"] = round(park_radius_m[zone_id] * 0.8)
    # Markers at one place spread on screen (``fanOut`` in map.js) by their own radius.
    fan = {"fan": RADIUS} if area_points is not None else {}
    draw_features(
        geometries,
        properties,
        sticky=False,
        popupWidth=380,
        highlight={"weight": 5},
        ownClicks=True,
        **fan,
    ).add_to(group)
    return group
