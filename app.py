"""Streamlit app: the plan's priority projects and each zone's capital on an offline map.

Run with ``streamlit run app.py``. UI only: data work is in ``geo``, map building in
``layers``, the page's parts in ``ui``.
"""

from __future__ import annotations

import time

import streamlit as st

from geo.errors import PlanDataError, Problem
from geo.load import Plan, load_plan
from geo.view import Filters, View, build_view, capital_range
from layers import assets
from layers.i18n import text
from layers.prepared import PreparedZones, prepare_zones
from ui import monitoring, state
from ui.mapping import MAP_KEY, draw_map, headline, zone_at, zone_panel
from ui.present import render_present
from ui.sidebar import render_sidebar, site_zone_ids
from ui.tables import data_view, downloads, targets_view, zone_load_view
from ui.uploads import files_key, plan_from_uploads, render_uploaders, report, uploaded_files

#: Seconds the map's update gets to itself before the rest of the page follows.
MAP_HEAD_START_S = 0.06
#: Page CSS: the zone panel's facts table wraps inside its column.
PAGE_CSS = """
<style>
table.facts { width: 100%; table-layout: fixed; border-collapse: collapse; font-size: 0.9rem; }
table.facts th { width: 38%; text-align: left; vertical-align: top; font-weight: 600; }
table.facts th, table.facts td { padding: 4px 6px; border-bottom: 1px solid #e6e6e6;
  overflow-wrap: anywhere; }
</style>
"""


# Plans, views and prepared zones are shared between reruns and sessions, not copied: they
# are read, never changed, and copying (unpickling) a national plan cost ~50 ms a rerun.


@st.cache_resource(show_spinner=False)
def cached_plan() -> Plan:
    """The bundled plan, validated and joined once per server."""
    return load_plan()


@st.cache_resource(show_spinner=False, max_entries=64)
def cached_view(_plan: Plan, plan_key: str, filters: Filters) -> View:
    """The filtered view; the same plan and filters reuse the same tables."""
    return build_view(_plan, filters, cached_range(_plan, plan_key, filters.policy))


@st.cache_resource(show_spinner=False, max_entries=32)
def cached_range(_plan: Plan, plan_key: str, policy: str) -> tuple[float, float]:
    """The whole plan's range of zone capital under ``policy``: it sets the colour scale."""
    return capital_range(_plan, policy)


@st.cache_resource(show_spinner=False, max_entries=32)
def cached_zones(_plan: Plan, plan_key: str) -> PreparedZones:
    """The zones as the map draws them, prepared once per plan."""
    return prepare_zones(_plan.zones)


def session_plan() -> tuple[Plan, str, list[Problem] | None]:
    """The bundled plan, or the user's files laid over it; a key naming it; upload problems."""
    files = uploaded_files()
    if not files:
        return cached_plan(), "bundled", None
    plan, problems = plan_from_uploads(files)
    return plan, files_key(files), problems


def _on_map_click() -> None:
    clicked = (st.session_state.get(MAP_KEY) or {}).get("last_object_clicked")
    if clicked:
        st.session_state["zone"] = zone_at(session_plan()[0], clicked["lat"], clicked["lng"])


def main() -> None:
    """Draw the page."""
    st.set_page_config(page_title="Thái Bình CNHT 2016–2025", page_icon="🗺️", layout="wide")
    assets.use_local_assets()
    st.html(PAGE_CSS)
    try:
        plan, plan_key, problems = session_plan()
    except PlanDataError as exc:
        st.error(text("error.data", "vi") + " / " + text("error.data", "en"))
        st.code("\n".join(str(p) for p in exc.problems), language=None)
        return
    state.read_query_params(lambda: site_zone_ids(plan))
    # Widgets keep their values in session state, so the view is known before they are
    # drawn: the map goes out first, and the rest of the page follows it.
    lang = state.current("lang")
    filters = state.filters()
    view = cached_view(plan, plan_key, filters)
    prepared = cached_zones(plan, plan_key)
    if state.presenting():
        render_present(plan, view, prepared, lang, _on_map_click)
        state.write_query_params()
        return
    st.header(text("title", lang))
    st.caption(text("subtitle", lang))
    above = st.container()
    # One view at a time, chosen like tabs but rendered alone: st.tabs swallowed the map's
    # clicks in Chromium, and hidden tabs would still build their tables on every rerun.
    page = st.segmented_control(
        "view",
        state.PAGES,
        format_func=lambda p: text(f"tab.{p}", lang),
        key="page",
        label_visibility="collapsed",
    )
    if page == "load":
        zone_load_view(plan, view, filters, lang)
        monitoring.load_view(plan, view, lang)
    elif page == "targets":
        targets_view(plan, lang)
    elif page == "data":
        downloads(plan, view, filters, lang)
        monitoring.downloads(lang)
        data_view(plan, lang)
    else:
        left, right = st.columns([3, 1])
        with left:
            draw_map(
                plan,
                view,
                prepared,
                lang,
                on_click=_on_map_click,
                extra=monitoring.map_layers(plan, view, lang),
            )
            # A short pause lets the browser draw the map's new layers before the rest of
            # the page arrives and competes for it (bench/run.py, plan data: a filter change
            # reached the map in a median 108-130 ms with 60 ms, 131-174 ms with 30 ms, and
            # the rest of the page follows 60 ms later).
            time.sleep(MAP_HEAD_START_S)
            st.caption(text("note.indicative", lang) + " " + text("note.merger", lang))
        with right:
            st.markdown(f"#### {text('panel.title', lang)}")
            zone_panel(plan, view, lang)
            monitoring.zone_part(plan, view, lang)
    with above:
        if problems is not None:
            report(plan, problems, lang)
        headline(plan, view, lang)
        monitoring.headline(plan, view, lang)
        if view.projects.empty:
            st.warning(text("empty", lang))
    render_sidebar(plan)
    monitoring.render_sidebar(lang)
    render_uploaders(lang)
    state.write_query_params()


main()
