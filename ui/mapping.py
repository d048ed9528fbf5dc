"""The map page: headline figures, the map and the panel of the zone clicked."""

from __future__ import annotations

from collections.abc import Sequence

import folium
import geopandas as gpd
import pandas as pd
import shapely
import streamlit as st
from streamlit_folium import st_folium

from geo import settings
from geo.distances import PLACE_COLUMNS
from geo.join import zone_areas_ha
from geo.load import Plan
from geo.view import View
from layers import mapview
from layers.fastsites import GROUP_ABOVE, GROUP_BELOW_ZOOM
from layers.features import (
    confidence_text,
    esc,
    local_name,
    local_value,
    per_ha_text,
    sources_text,
)
from layers.i18n import capital, number, percent, share_count, text, usd_millions
from layers.prepared import PreparedZones
from layers.style import CapitalScale
from ui import paper
from ui.context import cached_context
from ui.plain import capped, facts, heading, item_list
from ui.state import current, filters, rate
from ui.uploads import own_context

MAP_KEY = "map"
#: Session key: (zone chosen when the map was last drawn, zone the map is centred on).
FOCUS_KEY = "_map_focus"
#: How far (m) a click outside every zone may be and still pick the nearest one.
CLICK_TOLERANCE_M = 500.0


def zone_at(plan: Plan, lat: float, lng: float) -> str:
    """The smallest site zone under a clicked point, or the nearest within a few pixels.

    Leaflet draws outlines simplified, so a click just inside a drawn edge can fall just
    outside the true polygon.
    """
    point = shapely.Point(lng, lat)
    zones = plan.zones[plan.zones["kind"].isin(settings.SITE_ZONE_KINDS)]
    hits = zones[zones.contains(point)]
    if hits.empty:
        target = gpd.GeoSeries([point], crs=settings.CRS).to_crs(settings.METRIC_CRS).iloc[0]
        distance = zones.to_crs(settings.METRIC_CRS).distance(target)
        if distance.min() > CLICK_TOLERANCE_M:
            return ""
        return str(zones.loc[distance.idxmin(), "zone_id"])
    areas = hits.to_crs(settings.METRIC_CRS).area
    return str(hits.loc[areas.idxmin(), "zone_id"])


def share_of_plan(value: float, plan: Plan, lang: str) -> str:
    """``value`` as a percentage of the plan's capital; a dash for a plan with none."""
    return percent(value / plan.total_capital, lang) if plan.total_capital else "—"


def focus_zone(zone_id: str) -> str:
    """The zone the map opens on: the chosen one, unless it was chosen by a click on the map.

    The map's view is part of its base, so a new view rebuilds the map's frame: a click on
    the map keeps the view the user is looking at.
    """
    seen, focused = st.session_state.get(FOCUS_KEY, (zone_id, zone_id))
    if seen != zone_id:
        focused = zone_id
    st.session_state[FOCUS_KEY] = (zone_id, focused)
    return str(focused)


def keep_view_on_click(zone_id: str) -> None:
    """Note that ``zone_id`` was chosen on the map: the map keeps its view (no rebuild)."""
    kept = st.session_state.get(FOCUS_KEY, ("", ""))[1]
    st.session_state[FOCUS_KEY] = (zone_id, kept)


def headline(plan: Plan, view: View, lang: str) -> str:
    """Projects shown, their capital with its share of the plan, zones involved; returns the
    capital in USD, for the line under the figures."""
    shown = view.capital
    usd = usd_millions(shown, rate(), lang)
    # The capital needs the most room: on a phone the three stay in one row.
    first, second, third = st.columns([1, 1.5, 0.9])
    first.metric(text("metric.projects", lang), share_count(len(view.projects), len(plan.projects), lang))
    second.metric(
        text("metric.capital", lang),
        capital(shown, lang),
        text("metric.share", lang).format(share=share_of_plan(shown, plan, lang)),
        delta_color="off",
        delta_arrow="off",
        help=usd,
    )
    third.metric(text("metric.zones", lang), number(int((view.load["capital_bn_vnd"] > 0).sum()), lang))
    lines = (usd, zone_share(plan, view, lang))
    return " · ".join(line for line in lines if line)


def zone_share(plan: Plan, view: View, lang: str) -> str:
    """With a zone chosen, what of the capital shown that zone carries, where it is less.

    The headline counts each project shown once, whole; the zone panel gives the zone's
    allocated share. A project also sited elsewhere makes them differ (Sông Trà: 24,330
    shown, 24,180 allocated under ``split``): said here, so the two figures agree.
    """
    zone_id = current("zone") or ""
    rows = view.load[view.load["zone_id"] == zone_id]
    if not zone_id or rows.empty:
        return ""
    allocated = float(rows["capital_bn_vnd"].sum())
    if abs(allocated - view.capital) < 0.05:
        return ""
    name = mapview.zone_names(plan.zones, lang).get(zone_id, zone_id)
    return text("metric.zone_share", lang).format(
        zone=name, allocated=capital(allocated, lang), shown=capital(view.capital, lang)
    )


def draw_map(
    plan: Plan,
    view: View,
    prepared: PreparedZones,
    lang: str,
    *,
    on_click: object,
    height: int = 640,
    title: tuple[str, str] | None = None,
    extra: Sequence[folium.FeatureGroup] = (),
) -> None:
    """The map: a base that changes only with language and policy, layers that follow filters.

    ``extra`` layers (e.g. monitoring's plan-to-actual lines) are drawn on top.
    """
    scale = CapitalScale(*view.capital_range)
    large = title is not None
    # The chosen zone's view is part of the base map: a new zone rebuilds the map where it
    # should be, which st_folium's own centre and zoom did not always do.
    focus = mapview.focus(plan.zones, focus_zone(current("zone") or ""))
    base = mapview.base_map(
        plan.zones,
        lang,
        title=title,
        large=large,
        view=focus,
        prepared=prepared,
        context=cached_context(),
        own=own_context()[0],
    )
    layers = mapview.dynamic_layers(plan.zones, view.load, view.sites, scale, lang, prepared)
    if len(view.sites) > GROUP_ABOVE:
        st.caption(
            text("note.grouped", lang).format(count=number(len(view.sites), lang), zoom=GROUP_BELOW_ZOOM)
        )
    st_folium(
        base,
        key=MAP_KEY,
        height=height,
        use_container_width=True,
        feature_group_to_add=[*layers, *extra],
        layer_control=mapview.layer_control(),
        returned_objects=["last_object_clicked"],
        on_change=on_click,
        # st_folium renders the map once more for itself anyway; the first, whole-figure
        # render gave the same arguments and cost ~19 ms of every rerun (tests/test_map_render.py).
        render=False,
    )


def zone_panel(plan: Plan, view: View, lang: str) -> None:
    """Facts, projects and capital of the selected zone."""
    zone_id = current("zone")
    if not zone_id:
        st.info(text("panel.none", lang))
        return
    zone = plan.zones.set_index("zone_id").loc[zone_id]
    figures = view.load.set_index("zone_id")
    value = float(figures["capital_bn_vnd"].get(zone_id, 0.0))
    area_ha = float(zone_areas_ha(plan.zones[plan.zones["zone_id"] == zone_id]).iloc[0])
    heading(local_name(zone, lang))
    fields = [
        (text("field.kind", lang), text(f"kind.{zone['kind']}", lang)),
        (text("field.allocated", lang), capital(value, lang)),
        ("USD", usd_millions(value, rate(), lang)),
        (text("field.area", lang), f"{number(area_ha, lang, 1)} ha"),
        (text("field.capital_per_ha", lang), per_ha_text(value, area_ha, zone, lang)),
        (text("field.share", lang), share_of_plan(value, plan, lang)),
        (text("field.precision", lang), text(f"precision.{zone['precision']}", lang)),
        (
            text("field.district", lang),
            mapview.zone_names(plan.zones, lang).get(zone.get("district_id", ""), ""),
        ),
        (text("field.developer", lang), local_value(zone, "developer", lang)),
        (text("field.status", lang), local_value(zone, "status", lang)),
        (text("field.confidence", lang), confidence_text(zone.get("location_confidence", ""), lang)),
        (text("field.distances", lang), distances_text(zone, lang)),
        (text("field.method", lang), local_value(zone, "location_method", lang)),
        (text("field.current_unit", lang), local_value(zone, "current_unit", lang)),
        (text("field.sources", lang), sources_text(zone, lang)),
    ]
    # Plain HTML, not st.dataframe: screen readers, page search and printing see it.
    rows = [(label, esc(value)) for label, value in fields if str(value).strip() and str(value) != "nan"]
    facts(rows)
    paper.zone_sheet_download(plan, view, filters(), zone_id, lang)
    mine = view.allocation[(view.allocation["zone_id"] == zone_id) & (view.allocation["share"] > 0)]
    st.markdown(f"**{text('panel.projects', lang)}**")
    if mine.empty:
        st.caption(text("panel.no_projects", lang))
        return
    names = view.projects.set_index("project_id")["name_en" if lang == "en" else "name_vi"]
    mine = mine.sort_values("capital_bn_vnd", ascending=False)
    shown = capped(mine, lang)
    # A wrapping list, not a data grid: in the panel's narrow column a grid cut the capital
    # column off at laptop widths (650 showed as "6"). Capital first, in the page's format.
    st.caption(text("panel.list_unit", lang))
    item_list(
        [
            (
                number(float(row["capital_bn_vnd"]), lang),
                str(names.get(row["project_id"], row["project_id"])),
                text("sector." + str(row["sector"]), lang) + " · " + text(f"phase.{row['phase']}", lang),
            )
            for row in shown.to_dict("records")
        ],
        "zone-projects",
    )
    st.markdown(f"**{text('panel.by_sector_phase', lang)}**")
    pivot = mine.pivot_table(
        index="sector", columns="phase", values="capital_bn_vnd", aggfunc="sum", fill_value=0
    )
    pivot.index = [text(f"sector.{s}", lang) for s in pivot.index]
    # Named in the page's language; the ids' axis name ("phase") would show as a header.
    pivot.columns = [text(f"phase.{p}", lang) for p in pivot.columns]
    st.table(pivot.map(lambda v: number(v, lang)))


def distances_text(zone: pd.Series, lang: str) -> str:
    """'Nội Bài airport 91.8 · Port of Hải Phòng 35.1 · …' (straight-line km), or ''."""
    parts = [
        f"{text(f'place.{place}', lang)} {number(float(zone[f'km_to_{place}']), lang, 1)}"
        for place in PLACE_COLUMNS
        if f"km_to_{place}" in zone and pd.notna(zone[f"km_to_{place}"])
    ]
    return " · ".join(parts)
