"""The view in the URL and in session state: read once on load, written back every run."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

import streamlit as st

from geo import settings
from geo.view import Filters
from layers.i18n import LANGUAGES

LIST_PARAMS: Final[tuple[str, ...]] = ("sector", "phase")
VALUE_PARAMS: Final[tuple[str, ...]] = ("zone", "policy", "lang", "mode", "page")
DEFAULTS: Final[dict[str, str]] = {
    "zone": "",
    "policy": settings.DEFAULT_POLICY,
    "lang": "vi",
    "mode": "",
    "page": "map",
}
PAGES: Final[tuple[str, ...]] = ("map", "load", "targets", "data")
DEFAULT_RATE: Final[float] = 22_300.0


def read_query_params(zone_ids: Callable[[], list[str]]) -> None:
    """On a session's first run, put the URL's view into session state; ignore bad values.

    ``zone_ids`` gives the zones a URL may name (asked only on that first run).
    """
    if st.session_state.get("_from_url"):
        return
    st.session_state["_from_url"] = True
    params = st.query_params
    allowed: dict[str, tuple[str, ...]] = {
        "sector": settings.SECTORS,
        "phase": settings.PHASES,
        "zone": tuple(zone_ids()),
        "policy": settings.POLICIES,
        "lang": LANGUAGES,
        "mode": ("present",),
        "page": PAGES,
    }
    for name in LIST_PARAMS:
        st.session_state[name] = [
            v for raw in params.get_all(name) for v in raw.split(",") if v in allowed[name]
        ]
    for name in VALUE_PARAMS:
        value = params.get(name)
        st.session_state[name] = value if value in allowed[name] else DEFAULTS[name]


def write_query_params() -> None:
    """Keep the URL equal to the view, so a copied link reopens it."""
    state = st.session_state
    wanted: dict[str, str] = {}
    for name in LIST_PARAMS:
        if state.get(name):
            wanted[name] = ",".join(state[name])
    for name in VALUE_PARAMS:
        if state.get(name) and state[name] != DEFAULTS[name]:
            wanted[name] = state[name]
    if dict(st.query_params) != wanted:
        st.query_params.from_dict(wanted)


def current(name: str) -> Any:
    """A view setting from session state, or its default."""
    return st.session_state.get(name, DEFAULTS.get(name))


def filters() -> Filters:
    """The filters the sidebar (or the URL) has set."""
    state = st.session_state
    return Filters(
        sectors=list(state.get("sector") or []),
        phases=list(state.get("phase") or []),
        zone=state.get("zone") or "",
        capital=tuple(state.get("capital") or (0.0, float("inf"))),
        search=state.get("search") or "",
        policy=state.get("policy") or settings.DEFAULT_POLICY,
    )


def presenting() -> bool:
    """Whether the page is in briefing mode (``?mode=present``)."""
    return current("mode") == "present"


def rate() -> float:
    """VND per USD for the USD figures."""
    return float(st.session_state.get("usd_rate") or DEFAULT_RATE)
