"""The view in the URL and in session state: read once on load, written back every run."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from typing import Any, Final

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

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
#: The free-form parts of the view in the URL: ``q`` (search), ``capital`` (``low-high``, bn
#: VND) and ``rate`` (VND per USD); with the choices above, a link reopens the same view.
RATE_LIMITS: Final[tuple[float, float]] = (1_000.0, 100_000.0)
SEARCH_CHARS: Final[int] = 200
#: A zone id from the URL longer than this is no zone of any plan.
ZONE_ID_CHARS: Final[int] = 200


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def parse_capital(text: str | None) -> tuple[float, float] | None:
    """``"5000-12000"`` → ``(5000.0, 12000.0)``; anything else (or low above high) → None."""
    low_text, _, high_text = (text or "").partition("-")
    low, high = _number(low_text), _number(high_text)
    if low is None or high is None or low < 0 or high < low:
        return None
    return low, high


def parse_rate(text: str | None) -> float | None:
    """A VND-per-USD rate within :data:`RATE_LIMITS`, or None."""
    value = _number(text or "")
    return value if value is not None and RATE_LIMITS[0] <= value <= RATE_LIMITS[1] else None


def _plain(value: float) -> str:
    return f"{value:g}" if value != int(value) else str(int(value))


def _url_view() -> dict[str, str]:
    """The URL's query as one text per name (as :func:`write_query_params` writes it)."""
    return {name: ",".join(st.query_params.get_all(name)) for name in st.query_params}


def _history_navigation() -> bool:
    """Whether this run comes from the browser's Back or Forward (Streamlit says so)."""
    context = get_script_run_ctx()
    return bool(getattr(context, "is_history_navigation", False))


def read_query_params() -> None:
    """Put the URL's view into session state; ignore bad values.

    Done on a session's first run and on a run that the browser's Back or Forward started
    (Streamlit reruns with that history entry's URL). Not on other runs: a rerun can carry
    a URL older than the view (the newest URL may not have reached the browser yet), and
    reading it then would undo the user's last choice. A zone is checked against the
    session's plan later (:func:`zone_choice`): an uploaded zone is as good as a bundled one.
    """
    if st.session_state.get("_from_url") and not _history_navigation():
        return
    st.session_state["_from_url"] = True
    params = st.query_params
    allowed: dict[str, tuple[str, ...]] = {
        "sector": settings.SECTORS,
        "phase": settings.PHASES,
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
        if name == "zone":
            st.session_state[name] = (value or "")[:ZONE_ID_CHARS]
            continue
        st.session_state[name] = value if value in allowed[name] else DEFAULTS[name]
    st.session_state["search"] = (params.get("q") or "")[:SEARCH_CHARS]
    st.session_state["capital"] = parse_capital(params.get("capital"))
    st.session_state["usd_rate"] = parse_rate(params.get("rate")) or DEFAULT_RATE


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
    if state.get("search"):
        wanted["q"] = str(state["search"])
    if state.get("capital") is not None:
        low, high = state["capital"]
        wanted["capital"] = f"{_plain(float(low))}-{_plain(float(high))}"
    if state.get("usd_rate") and float(state["usd_rate"]) != DEFAULT_RATE:
        wanted["rate"] = _plain(float(state["usd_rate"]))
    # Each new view is a new entry in the browser's history (Streamlit pushes it), so Back
    # and Forward step through views; read_query_params applies them.
    if _url_view() != wanted:
        st.query_params.from_dict(wanted)


def current(name: str) -> Any:
    """A view setting (an id, never a label) from session state, or its default."""
    value = st.session_state.get(name)
    return CHOICE_DEFAULTS.get(name) if value is None else value


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


# Widgets never own a choice. Streamlit keeps a selection widget's value as its *label* and
# reads it back through the current format_func, so a label that changes (language, an
# uploaded zone's new name, a zone that is gone) turned the stored value into a stray label
# ('Chia đều') or lost it; a widget not drawn on a run (briefing mode) also loses its state.
# So every choice lives under its own key as an id, and each widget gets a key of its own
# that changes whenever its labels do: a new widget, seeded from the stored id.

CHOICE_DEFAULTS: Final[dict[str, Any]] = {
    **DEFAULTS,
    "sector": [],
    "phase": [],
    "capital": None,
    "search": "",
    "usd_rate": DEFAULT_RATE,
}


def widget_key(name: str, labels: Sequence[tuple[object, str]] = ()) -> str:
    """A widget key for choice ``name`` that changes whenever any option's label does."""
    digest = hashlib.sha256(repr(list(labels)).encode()).hexdigest()[:12]
    return f"_w.{name}.{digest}"


def bind(name: str, labels: Sequence[tuple[object, str]] = (), seed: Any = None) -> dict[str, Any]:
    """Keyword arguments that tie a widget to choice ``name``: its key and a change callback.

    The widget is seeded with the stored choice (or ``seed``, when given: the choice made
    valid for the options shown), so pass no default value to the widget itself.
    """
    key = widget_key(name, labels)
    value = current(name) if seed is None else seed
    if key not in st.session_state or st.session_state[key] != value:
        st.session_state[key] = value
    return {"key": key, "on_change": _store, "args": (name, key)}


def bind_keyed(name: str, labels: Sequence[tuple[object, str]] = ()) -> dict[str, Any]:
    """Like :func:`bind`, for a widget that must be handed its value (a range select_slider
    is a range only when its ``value`` is a pair): the key and the callback, no seeding,
    since seeding too would make Streamlit warn of a value set twice."""
    key = widget_key(name, labels)
    return {"key": key, "on_change": _store, "args": (name, key)}


def _store(name: str, key: str) -> None:
    st.session_state[name] = st.session_state[key]


def choose(name: str, value: Any) -> None:
    """Set choice ``name`` from code (a map click, the briefing stepper)."""
    st.session_state[name] = value


def zone_choice(zone_ids: Sequence[str]) -> str:
    """The chosen zone if it still exists (an upload may rename or drop it), else none."""
    zone = current("zone") or ""
    if zone not in zone_ids:
        zone = ""
        st.session_state["zone"] = ""
    return str(zone)
