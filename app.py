"""Streamlit app: the plan's priority projects and each zone's capital on an offline map.

Run with ``streamlit run app.py``. UI only: data work is in ``geo``, map building in
``layers``, the page's parts in ``ui``.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from typing import cast

import streamlit as st

from geo.errors import PlanDataError, Problem
from geo.load import Plan, load_plan
from geo.view import Filters, View, build_view, capital_range
from layers import assets
from layers.i18n import text
from layers.prepared import PreparedZones, prepare_zones
from ui import monitoring, state
from ui.cache import SizedCache
from ui.housekeeping import start_housekeeper
from ui.mapping import MAP_KEY, draw_map, headline, keep_view_on_click, zone_at, zone_panel
from ui.present import render_present
from ui.sidebar import render_language, render_sidebar, site_zone_ids
from ui.tables import data_view, downloads, targets_view, zone_load_view
from ui.uploads import (
    files_key,
    own_context_status,
    plan_from_uploads,
    render_uploaders,
    report,
    uploaded_files,
)

#: Page CSS: a compact header so the map starts on a laptop's first screen (room is left
#: for the line under the figures to wrap once, as it does with a zone chosen); the zone
#: panel's facts table wraps inside its column; the map's frame fills the screen below the
#: header (static/js/map.js makes the map fill its frame).
PAGE_CSS = """
<style>
[data-testid="stMainBlockContainer"] { padding-top: 2.6rem; padding-bottom: 2rem; }
[data-testid="stMainBlockContainer"] h2 { font-size: 1.55rem; padding: 0.2rem 0 0 0; }
[data-testid="stMainBlockContainer"] [data-testid="stMetricValue"] { font-size: 1.9rem; }
iframe[title="streamlit_folium.st_folium"] { height: max(380px, calc(100vh - 346px)) !important; }
@media (max-width: 640px) {
  [data-testid="stMainBlockContainer"] { padding-top: 3.2rem; }
  [data-testid="stMainBlockContainer"] h2 { font-size: 1.2rem; }
  [data-testid="stMainBlockContainer"] [data-testid="stMetricValue"] { font-size: 1.4rem; }
  iframe[title="streamlit_folium.st_folium"] { height: max(320px, calc(100vh - 470px)) !important; }
  .st-key-headline [data-testid="stHorizontalBlock"] { flex-wrap: nowrap; gap: 0.5rem; }
  .st-key-headline [data-testid="stColumn"] { min-width: 0 !important; }
  .st-key-headline [data-testid="stMetricValue"] { font-size: 1.15rem !important; }
  .st-key-headline [data-testid="stMetricLabel"] p { font-size: 0.8rem; }
  .st-key-headline [data-testid="stMetricDelta"], .st-key-headline [data-testid="stMetricDelta"] * {
    white-space: normal !important; overflow: visible !important; height: auto !important; }
}
table.facts { width: 100%; table-layout: fixed; border-collapse: collapse; font-size: 0.9rem; }
table.facts th { width: 38%; text-align: left; vertical-align: top; font-weight: 600; }
table.facts th, table.facts td { padding: 4px 6px; border-bottom: 1px solid #e6e6e6;
  overflow-wrap: anywhere; }
.figure-table { overflow-x: auto; margin: 0 0 1rem 0; }
.figure-table table { width: 100%; border-collapse: collapse; font-size: 0.85rem; }
.figure-table th { text-align: left; vertical-align: bottom; font-weight: 600; padding: 4px 6px;
  border-bottom: 2px solid #d0d0d0; overflow-wrap: normal; hyphens: auto; }
.figure-table td { padding: 3px 6px; border-bottom: 1px solid #ececec; vertical-align: top; }
.figure-table .num { text-align: right; }
.figure-table td.num { white-space: nowrap; font-variant-numeric: tabular-nums; }
ul.zone-projects { list-style: none; padding: 0; margin: 0 0 0.8rem 0; font-size: 0.9rem; }
ul.zone-projects li { padding: 4px 0; border-bottom: 1px solid #e6e6e6; overflow-wrap: anywhere; }
ul.zone-projects .figure { font-weight: 600; white-space: nowrap; margin-right: 0.3rem; }
ul.zone-projects .detail { display: block; color: #666; font-size: 0.8rem; }
</style>
"""


LOG = logging.getLogger("app")
#: Bytes of views and prepared zones kept for the bundled plan, for all sessions together.
SHARED_CACHE_BYTES = 96 * 2**20
#: Bytes of views and prepared zones one session keeps for the plan made from its files
#: (beyond the newest view, always kept): a few views of a 100,000-site upload.
SESSION_CACHE_BYTES = 64 * 2**20


# The bundled plan's views and prepared zones are shared between reruns and sessions, not
# copied: they are read, never changed, and copying (unpickling) a national plan cost ~50 ms
# a rerun. A plan made from a user's files is that session's alone, so its views live in
# the session's state and go with it.


@st.cache_resource(show_spinner=False)
def cached_plan() -> Plan:
    """The bundled plan, validated and joined once per server."""
    return load_plan()


@st.cache_resource(show_spinner=False)
def housekeeper() -> threading.Thread:
    """The server's one housekeeping thread (ended sessions' memory handed back)."""
    return start_housekeeper()


@st.cache_resource(show_spinner=False)
def shared_cache() -> SizedCache[object]:
    """The cache of the bundled plan's views, bounded by the memory they hold."""
    return SizedCache(SHARED_CACHE_BYTES)


def plan_cache(plan_key: str) -> SizedCache[object]:
    """Where views of the plan ``plan_key`` are kept: shared if bundled, else the session's."""
    if plan_key == "bundled":
        return shared_cache()
    kept = st.session_state.get("_plan_cache")
    if kept is None or kept[0] != plan_key:
        kept = (plan_key, SizedCache(SESSION_CACHE_BYTES))
        st.session_state["_plan_cache"] = kept
    return cast("SizedCache[object]", kept[1])


def plan_view(plan: Plan, plan_key: str, filters: Filters) -> View:
    """The filtered view; the same plan and filters reuse the same tables."""
    cache = plan_cache(plan_key)
    scale = cache.get(("range", filters.policy), lambda: capital_range(plan, filters.policy))
    return cast("View", cache.get(("view", repr(filters)), lambda: build_view(plan, filters, scale)))  # type: ignore[arg-type]


def plan_zones(plan: Plan, plan_key: str) -> PreparedZones:
    """The zones as the map draws them, prepared once per plan."""
    return cast("PreparedZones", plan_cache(plan_key).get("zones", lambda: prepare_zones(plan.zones)))


def session_plan() -> tuple[Plan, str, list[Problem] | None]:
    """The bundled plan, or the user's files laid over it; a key naming it; upload problems."""
    files = uploaded_files()
    if not files:
        return cached_plan(), "bundled", None
    plan, problems = plan_from_uploads(files)
    return plan, files_key(files), problems


def part(name: str, lang: str, draw: Callable[..., object], *args: object) -> bool:
    """Draw one part of the page on its own: if it fails, say so there, and go on.

    The user sees a short message in their language with a reference to quote; the server
    log has the traceback under the same reference. Returns whether the part drew.
    """
    try:
        draw(*args)
    except Exception:  # a boundary: one broken part must not take the page down
        failed(name, lang)
        return False
    return True


def failed(name: str, lang: str, message: str = "error.part") -> None:
    """Log the exception being handled under a new reference; show ``message`` with it."""
    ref = uuid.uuid4().hex[:8]
    LOG.exception("page part %r failed, reference %s", name, ref)
    st.error(text(message, lang).format(ref=ref), icon="⚠️")


def _on_map_click() -> None:
    clicked = (st.session_state.get(MAP_KEY) or {}).get("last_object_clicked")
    if not clicked:
        return
    try:
        zone_id = zone_at(session_plan()[0], clicked["lat"], clicked["lng"])
        state.choose("zone", zone_id)
        # The panel follows the click; the map stays as it is (markers' clicks never come here).
        keep_view_on_click(zone_id)
    except Exception:  # a click that cannot be placed leaves the zone as it was
        ref = uuid.uuid4().hex[:8]
        LOG.exception("map click failed, reference %s", ref)
        st.session_state["_click_failed"] = ref


def map_page(plan: Plan, view: View, prepared: PreparedZones, lang: str) -> None:
    """The map with its note, and the chosen zone's panel beside it."""
    left, right = st.columns([3, 1])
    with left:
        part("map", lang, draw_map_with_note, plan, view, prepared, lang)
    with right:
        st.markdown(f"#### {text('panel.title', lang)}")
        part("zone panel", lang, zone_panel, plan, view, lang)
        part("zone records", lang, monitoring.zone_part, plan, view, lang)


def draw_map_with_note(plan: Plan, view: View, prepared: PreparedZones, lang: str) -> None:
    """The map, then the note under it."""
    draw_map(
        plan, view, prepared, lang, on_click=_on_map_click, extra=monitoring.map_layers(plan, view, lang)
    )
    st.caption(text("note.indicative", lang) + " " + text("note.merger", lang))


def data_page(plan: Plan, view: View, filters: Filters, lang: str) -> None:
    """Downloads of the filtered view, then the data and its sources."""
    part("downloads", lang, downloads, plan, view, filters, lang)
    part("record downloads", lang, monitoring.downloads, lang)
    part("data", lang, data_view, plan, view, lang)


def figures(plan: Plan, view: View, problems: list[Problem] | None, lang: str) -> None:
    """What was used from the user's files, and the headline figures."""
    if problems is not None:
        report(plan, problems, lang)
    with st.container(key="headline"):
        usd = headline(plan, view, lang)
        note = monitoring.headline(plan, view, lang)
        st.caption(" · ".join(line for line in (usd, note) if line))
    if view.projects.empty:
        st.warning(text("empty", lang))


def main() -> None:
    """Draw the page. Ended sessions' memory is handed back by the housekeeper's thread
    (every 5 s), not here: a collection on a new visitor's run held the interpreter while
    the page's last messages waited to be sent."""
    housekeeper()
    draw_page()


def draw_page() -> None:
    """Draw the page: the sidebar and uploaders first, so no failure below can hide them."""
    st.set_page_config(page_title="Thái Bình CNHT 2016–2025", page_icon="🗺️", layout="wide")
    assets.use_local_assets()
    st.html(PAGE_CSS)
    try:
        bundled = cached_plan()
    except PlanDataError as exc:
        st.error(text("error.data", "vi") + " / " + text("error.data", "en"))
        st.code("\n".join(str(p) for p in exc.problems), language=None)
        return
    state.read_query_params()
    presenting = state.presenting()
    lang = str(state.current("lang")) if presenting else render_language()
    if not presenting:
        render_uploaders(lang)
        with st.sidebar:
            part("own context", lang, own_context_status, lang)
    try:
        plan, plan_key, problems = session_plan()
    except Exception:  # a bug of ours, not the files' fault: say so, and go on without them
        failed("uploads", lang, "upload.internal")
        plan, plan_key, problems = bundled, "bundled", None
    # A zone the URL or an earlier run named but this plan lacks is dropped before any
    # widget shows it.
    zone_ids = cast("list[str]", plan_cache(plan_key).get("zone_ids", lambda: site_zone_ids(plan)))
    state.zone_choice(zone_ids)
    if not presenting:
        with st.sidebar:
            part("sidebar", lang, render_sidebar, plan, zone_ids, lang)
    if ref := st.session_state.pop("_click_failed", None):
        st.error(text("error.part", lang).format(ref=ref), icon="⚠️")
    filters = state.filters()
    try:
        view = plan_view(plan, plan_key, filters)
        prepared = plan_zones(plan, plan_key)
    except Exception:  # without a view only the sidebar can be offered
        failed("view", lang)
        state.write_query_params()
        return
    if presenting:
        part("briefing", lang, render_present, plan, view, prepared, lang, _on_map_click)
        state.write_query_params()
        return
    st.header(text("title", lang))
    st.caption(text("subtitle", lang))
    # The headline goes out before the page's body: it is what a filter change is read by,
    # and it costs a few milliseconds against the map's tens.
    part("figures", lang, figures, plan, view, problems, lang)
    # One view at a time, chosen like tabs but rendered alone: st.tabs swallowed the map's
    # clicks in Chromium, and hidden tabs would still build their tables on every rerun.
    tab = _tab_labeller(lang)
    st.segmented_control(
        text("page.choose", lang),
        state.PAGES,
        format_func=tab,
        label_visibility="collapsed",
        **state.bind("page", [(p, tab(p)) for p in state.PAGES]),
    )
    page = state.current("page")
    if page == "load":
        part("zone load", lang, zone_load_view, plan, view, filters, lang)
        part("zone load records", lang, monitoring.load_view, plan, view, lang)
    elif page == "targets":
        part("targets", lang, targets_view, plan, lang)
    elif page == "data":
        data_page(plan, view, filters, lang)
    else:
        map_page(plan, view, prepared, lang)
    state.write_query_params()


def _tab_labeller(lang: str) -> Callable[[str], str]:
    def label(page: str) -> str:
        return text(f"tab.{page}", lang)

    return label


main()
