"""Streamlit app: the plan's priority projects and each zone's capital on an offline map.

Run with ``streamlit run app.py``. UI only: data work is in ``geo``, map building in ``layers``.
"""

from __future__ import annotations

from typing import Any

import geopandas as gpd
import pandas as pd
import shapely
import streamlit as st
from streamlit_folium import st_folium

from geo import settings
from geo.errors import PlanDataError
from geo.exports import filtered_sites
from geo.join import allocate
from geo.load import Plan, load_plan
from geo.stats import filter_projects, zone_load
from layers import assets, mapview
from layers.features import esc, rows_html
from layers.i18n import LANGUAGE_NAMES, LANGUAGES, capital, fold, number, percent, text
from layers.style import CapitalScale
from layers.zones import zone_name

MAP_KEY = "map"
#: Page CSS: the zone panel's facts table wraps inside its column.
PAGE_CSS = """
<style>
table.facts { width: 100%; table-layout: fixed; border-collapse: collapse; font-size: 0.9rem; }
table.facts th { width: 38%; text-align: left; vertical-align: top; font-weight: 600; }
table.facts th, table.facts td { padding: 4px 6px; border-bottom: 1px solid #e6e6e6;
  overflow-wrap: anywhere; }
</style>
"""
#: How far (m) a click outside every zone may be and still pick the nearest one.
CLICK_TOLERANCE_M = 500.0
#: Query parameters that hold the view, and the session-state keys of their widgets.
LIST_PARAMS = ("sector", "phase")
VALUE_PARAMS = ("zone", "policy", "lang")


@st.cache_data(show_spinner=False)
def cached_plan() -> Plan:
    """The bundled plan, validated and joined once per server."""
    return load_plan()


@st.cache_data(show_spinner=False)
def cached_scale(_plan: Plan, policy: str) -> tuple[float, float]:
    """Capital range over zones for the whole plan under ``policy`` (the colour scale)."""
    load = zone_load(allocate(_plan.projects, policy), _plan.zones, plan_total=_plan.total_capital)
    positive = load.loc[load["capital_bn_vnd"] > 0, "capital_bn_vnd"]
    return float(positive.min()), float(positive.max())


def _read_query_params(zone_ids: list[str]) -> None:
    """On a session's first run, put the URL's view into the widgets' state."""
    if st.session_state.get("_from_url"):
        return
    st.session_state["_from_url"] = True
    params = st.query_params
    allowed = {
        "sector": settings.SECTORS,
        "phase": settings.PHASES,
        "zone": tuple(zone_ids),
        "policy": settings.POLICIES,
        "lang": LANGUAGES,
    }
    for name in LIST_PARAMS:
        values = [v for raw in params.get_all(name) for v in raw.split(",") if v in allowed[name]]
        st.session_state[name] = values
    for name in VALUE_PARAMS:
        value = params.get(name)
        if value in allowed[name]:
            st.session_state[name] = value


def _write_query_params() -> None:
    """Keep the URL equal to the view, so a copied link reopens it."""
    state = st.session_state
    wanted: dict[str, str | list[str]] = {}
    for name in LIST_PARAMS:
        if state.get(name):
            wanted[name] = ",".join(state[name])
    defaults = {"zone": "", "policy": settings.DEFAULT_POLICY, "lang": "vi"}
    for name in VALUE_PARAMS:
        if state.get(name) and state[name] != defaults[name]:
            wanted[name] = state[name]
    if dict(st.query_params) != wanted:
        st.query_params.from_dict(wanted)


def _zone_at(plan: Plan, lat: float, lng: float) -> str:
    """The smallest site zone under a clicked point, or the nearest within a few pixels.

    Leaflet draws outlines simplified, so a click just inside a drawn edge can fall just
    outside the true polygon.
    """
    point = shapely.Point(lng, lat)
    zones = plan.zones[plan.zones["kind"].isin(settings.SITE_ZONE_KINDS)]
    hits = zones[zones.contains(point)]
    if hits.empty:
        near = zones.to_crs(settings.METRIC_CRS)
        target = gpd.GeoSeries([point], crs=settings.CRS).to_crs(settings.METRIC_CRS).iloc[0]
        distance = near.distance(target)
        if distance.min() > CLICK_TOLERANCE_M:
            return ""
        return str(zones.loc[distance.idxmin(), "zone_id"])
    areas = hits.to_crs(settings.METRIC_CRS).area
    return str(hits.loc[areas.idxmin(), "zone_id"])


def _on_map_click() -> None:
    clicked = (st.session_state.get(MAP_KEY) or {}).get("last_object_clicked")
    if clicked:
        st.session_state["zone"] = _zone_at(cached_plan(), clicked["lat"], clicked["lng"])


def _sidebar(plan: Plan) -> None:
    site_zones = plan.zones[plan.zones["kind"].isin(settings.SITE_ZONE_KINDS)]
    zone_ids = list(site_zones.sort_values(["kind", "zone_id"])["zone_id"])
    _read_query_params(zone_ids)
    bar = st.sidebar
    lang = bar.radio(
        "Ngôn ngữ / Language",
        LANGUAGES,
        format_func=LANGUAGE_NAMES.__getitem__,
        key="lang",
        horizontal=True,
    )
    bar.header(text("filters", lang))
    bar.multiselect(
        text("sector", lang),
        settings.SECTORS,
        format_func=lambda s: text(f"sector.{s}", lang),
        key="sector",
        placeholder=text("all", lang),
    )
    bar.multiselect(
        text("phase", lang),
        settings.PHASES,
        format_func=lambda p: text(f"phase.{p}", lang),
        key="phase",
        placeholder=text("all", lang),
    )
    names = mapview.zone_names(plan.zones, lang)
    bar.selectbox(
        text("zone", lang),
        ["", *zone_ids],
        format_func=lambda z: names.get(z, text("all_zones", lang)) if z else text("all_zones", lang),
        key="zone",
    )
    top = float(plan.projects["capital_bn_vnd"].max())
    bar.slider(text("capital_range", lang), 0.0, top, (0.0, top), step=10.0, key="capital", format="%d")
    bar.text_input(text("search", lang), key="search")
    bar.radio(
        text("policy", lang),
        settings.POLICIES,
        format_func=lambda p: text(f"policy.{p}", lang),
        key="policy",
        help=text("policy_help", lang),
    )
    bar.caption(text("policy_help", lang))


def selected_projects(plan: Plan, state: Any) -> pd.DataFrame:
    """The projects the sidebar's filters keep."""
    projects = filter_projects(plan.projects, sectors=state.get("sector"), phases=state.get("phase"))
    low, high = state.get("capital", (0.0, float("inf")))
    projects = projects[projects["capital_bn_vnd"].between(low, high)]
    zone = state.get("zone")
    if zone:
        projects = projects[projects["site_zone_ids"].str.split(";").apply(lambda ids: zone in ids)]
    query = fold(state.get("search", "").strip())
    if query:
        haystack = (
            projects["name_vi"]
            + " "
            + projects["name_en"]
            + " "
            + projects["site_vi"]
            + " "
            + projects["project_id"]
        ).map(fold)
        projects = projects[haystack.str.contains(query, regex=False)]
    return projects


def _headline(plan: Plan, projects: pd.DataFrame, load: pd.DataFrame, lang: str) -> None:
    shown = float(projects["capital_bn_vnd"].sum())
    first, second, third = st.columns(3)
    first.metric(text("metric.projects", lang), f"{len(projects)} / {len(plan.projects)}")
    second.metric(
        text("metric.capital", lang),
        capital(shown, lang),
        text("metric.share", lang).format(share=percent(shown / plan.total_capital, lang)),
        delta_color="off",
        delta_arrow="off",
    )
    third.metric(text("metric.zones", lang), str(int((load["capital_bn_vnd"] > 0).sum())))


def _zone_panel(plan: Plan, projects: pd.DataFrame, load: pd.DataFrame, lang: str) -> None:
    zone_id = st.session_state.get("zone")
    if not zone_id:
        st.info(text("panel.none", lang))
        return
    zone = plan.zones.set_index("zone_id").loc[zone_id]
    area = float(gpd.GeoSeries([zone.geometry], crs=settings.CRS).to_crs(settings.METRIC_CRS).area.iloc[0])
    area_ha = area / 10_000
    row = load.set_index("zone_id").reindex([zone_id]).iloc[0]
    value = float(row["capital_bn_vnd"]) if pd.notna(row["capital_bn_vnd"]) else 0.0
    st.subheader(zone_name(zone, lang))
    facts = {
        text("field.kind", lang): text(f"kind.{zone['kind']}", lang),
        text("field.allocated", lang): capital(value, lang),
        text("field.area", lang): f"{number(area_ha, lang, 1)} ha",
        text("field.capital_per_ha", lang): f"{number(value / area_ha, lang, 2)} {text('unit.per_ha', lang)}",
        text("field.precision", lang): text(f"precision.{zone['precision']}", lang),
        text("field.district", lang): mapview.zone_names(plan.zones, lang).get(
            zone.get("district_id", ""), ""
        ),
        text("field.developer", lang): zone.get("developer", ""),
        text("field.status", lang): zone.get("status", ""),
        text("field.confidence", lang): zone.get("location_confidence", ""),
        text("field.method", lang): zone.get("location_method", ""),
        text("field.current_unit", lang): zone.get("current_unit", ""),
        text("field.sources", lang): zone.get("sources", "") or zone.get("source", ""),
    }
    # Plain HTML, not st.dataframe: screen readers, page search and printing see it.
    rows = [(label, esc(value)) for label, value in facts.items() if str(value).strip()]
    st.markdown(rows_html(rows), unsafe_allow_html=True)
    mine = allocate(projects, st.session_state.get("policy", settings.DEFAULT_POLICY))
    mine = mine[(mine["zone_id"] == zone_id) & (mine["share"] > 0)]
    st.markdown(f"**{text('panel.projects', lang)}**")
    if mine.empty:
        st.caption(text("panel.no_projects", lang))
        return
    names = projects.set_index("project_id")["name_en" if lang == "en" else "name_vi"]
    table = pd.DataFrame(
        {
            text("field.projects", lang): mine["project_id"].map(names),
            text("field.sector", lang): mine["sector"].map(lambda s: text(f"sector.{s}", lang)),
            text("field.phase", lang): mine["phase"],
            text("field.allocated", lang): mine["capital_bn_vnd"].map(lambda v: number(v, lang)),
        }
    )
    st.table(table.set_index(text("field.projects", lang)))
    st.markdown(f"**{text('panel.by_sector_phase', lang)}**")
    pivot = mine.pivot_table(
        index="sector", columns="phase", values="capital_bn_vnd", aggfunc="sum", fill_value=0
    )
    pivot.index = [text(f"sector.{s}", lang) for s in pivot.index]
    st.table(pivot.map(lambda v: number(v, lang)))


def main() -> None:
    """Draw the page."""
    st.set_page_config(page_title="Thái Bình CNHT 2016–2025", page_icon="🗺️", layout="wide")
    assets.use_local_assets()
    st.html(PAGE_CSS)
    try:
        plan = cached_plan()
    except PlanDataError as exc:
        st.error(text("error.data", "vi") + " / " + text("error.data", "en"))
        st.code("\n".join(str(p) for p in exc.problems), language=None)
        return
    _sidebar(plan)
    state = st.session_state
    lang = state.get("lang", "vi")
    policy = state.get("policy", settings.DEFAULT_POLICY)
    st.header(text("title", lang))
    st.caption(text("subtitle", lang))
    projects = selected_projects(plan, state)
    load = zone_load(allocate(projects, policy), plan.zones, plan_total=plan.total_capital)
    _headline(plan, projects, load, lang)
    if projects.empty:
        st.warning(text("empty", lang))
    scale = CapitalScale(*cached_scale(plan, policy))
    sites = filtered_sites(plan, projects).merge(
        projects[["project_id", "site_vi", "site_en", "site_printed", "notes_vi", "notes_en", "plants"]],
        on="project_id",
    )
    sites = gpd.GeoDataFrame(sites, geometry="geometry", crs=settings.CRS)
    base = mapview.base_map(plan.zones, scale, lang)
    layers = mapview.dynamic_layers(plan.zones, load, sites, scale, lang)
    view = mapview.focus(plan.zones, state.get("zone", ""))
    left, right = st.columns([3, 1])
    with left:
        st_folium(
            base,
            key=MAP_KEY,
            height=640,
            center=view[0] if view else None,
            zoom=view[1] if view else None,
            use_container_width=True,
            feature_group_to_add=layers,
            layer_control=mapview.layer_control(),
            returned_objects=["last_object_clicked"],
            on_change=_on_map_click,
        )
        st.caption(text("note.indicative", lang) + " " + text("note.merger", lang))
    with right:
        st.markdown(f"#### {text('panel.title', lang)}")
        _zone_panel(plan, projects, load, lang)
    _write_query_params()


main()
