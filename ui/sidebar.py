"""The sidebar: language, filters, allocation policy and the exchange rate."""

from __future__ import annotations

import functools
import urllib.parse
from collections.abc import Callable

import streamlit as st

from geo import settings
from geo.load import Plan
from geo.numbers import read_number
from layers import mapview
from layers.i18n import LANGUAGE_NAMES, LANGUAGES, number, text
from ui import state


def site_zone_ids(plan: Plan) -> list[str]:
    """Zones a project can sit in, parks last, in a stable order."""
    zones = plan.zones[plan.zones["kind"].isin(settings.SITE_ZONE_KINDS)]
    return list(zones.sort_values(["kind", "zone_id"])["zone_id"])


def render_sidebar(plan: Plan, zone_ids: list[str], lang: str) -> None:
    """Draw the sidebar's widgets; each keeps its choice as an id (``ui.state.bind``).

    ``zone_ids`` is :func:`site_zone_ids` of ``plan``.
    """
    bar = st.sidebar
    bar.header(text("filters", lang))
    for name, options in (("sector", settings.SECTORS), ("phase", settings.PHASES)):
        label = _labeller(name, lang)
        chosen = [v for v in state.current(name) if v in options]
        bar.multiselect(
            text(name, lang),
            options,
            format_func=label,
            placeholder=text("all", lang),
            **state.bind(name, [(v, label(v)) for v in options], seed=chosen),
        )
    names = mapview.zone_names(plan.zones, lang)
    zone_ids = ["", *zone_ids]

    def zone_label(zone: str) -> str:
        return names.get(zone, zone) if zone else text("all_zones", lang)

    bar.selectbox(
        text("zone", lang),
        zone_ids,
        format_func=zone_label,
        **state.bind("zone", [(z, zone_label(z)) for z in zone_ids], seed=state.zone_choice(zone_ids)),
    )
    largest = float(plan.projects["capital_bn_vnd"].max())
    # A list left with no project (an upload) has no largest: the slider spans 0 only.
    top = largest if largest == largest else 0.0
    low, high = state.current("capital") or (0.0, top)
    span = (min(max(float(low), 0.0), top), min(max(float(high), 0.0), top))
    steps = capital_steps(top, span)
    shown = functools.partial(_capital_text, lang=lang)
    # A slider over formatted values: Streamlit's own slider prints numbers printf-style
    # (12000), never with the language's thousands separator (12.000).
    bar.select_slider(
        text("capital_range", lang),
        steps,
        value=span,
        format_func=shown,
        **state.bind_keyed("capital", [((0.0, top), shown(top))]),
    )
    bar.text_input(text("search", lang), **state.bind("search"))
    policy = _labeller("policy", lang)
    bar.radio(
        text("policy", lang),
        settings.POLICIES,
        format_func=policy,
        help=text("policy_help", lang),
        **state.bind("policy", [(p, policy(p)) for p in settings.POLICIES]),
    )
    bar.caption(text("policy_help", lang))
    rate_input(lang)
    bar.caption(text("usd.note", lang))
    bar.link_button(text("present.enter", lang), present_link())


#: Session key: the rate field holds text no rate can be read from (its error is shown).
RATE_UNREAD = "_rate_unread"


def rate_input(lang: str) -> None:
    """The exchange rate as text in the language's format (22.300 / 22,300).

    Not ``st.number_input``: it prints numbers printf-style (22300), never with the
    language's thousands separator. The field is read like any figure a person writes.
    """
    rate = float(state.current("usd_rate"))
    key = state.widget_key("usd_rate", [(lang, "")])
    shown = number(rate, lang, 0 if rate.is_integer() else 1)
    # Rewritten in the language's format after each change, unless the user must fix it.
    unread = st.session_state.get(RATE_UNREAD)
    if key not in st.session_state or (not unread and st.session_state[key] != shown):
        st.session_state[key] = shown
    st.sidebar.text_input(text("usd.rate", lang), key=key, on_change=_read_rate, args=(key,))
    if st.session_state.get(RATE_UNREAD):
        low, high = (number(limit, lang) for limit in state.RATE_LIMITS)
        st.sidebar.error(text("usd.rate_bad", lang).format(low=low, high=high, rate=shown))


def _read_rate(key: str) -> None:
    try:
        value: float | None = read_number(str(st.session_state[key]))
    except ValueError:
        value = None
    low, high = state.RATE_LIMITS
    if value is None or not low <= value <= high:
        st.session_state[RATE_UNREAD] = True
        return
    st.session_state[RATE_UNREAD] = False
    state.choose("usd_rate", value)


#: At most about this many stops on the capital slider; the step is 10 bn VND below it.
CAPITAL_STOPS = 2_000


def capital_steps(top: float, chosen: tuple[float, float]) -> list[float]:
    """The capital slider's stops: 0 to ``top`` every 10 bn VND (coarser for a list with
    very large projects), plus the chosen ends, so a link's ``capital=LOW-HIGH`` is kept as is."""
    step = 10.0
    while top / step > CAPITAL_STOPS:
        step *= 10
    stops = {round(i * step, 6) for i in range(int(top // step) + 1)}
    return sorted(stops | {0.0, top, *chosen})


@functools.lru_cache(maxsize=16_384)
def _capital_text(value: float, lang: str) -> str:
    """A slider stop in ``lang``'s format. Kept: Streamlit labels all ~2,000 stops on every
    rerun, which through Babel took ~20 ms of each filter change."""
    return number(value, lang, 0 if float(value).is_integer() else 1)


def render_language() -> str:
    """The language switch, at the top of the sidebar; return the language now chosen."""
    st.sidebar.radio(
        "Ngôn ngữ / Language",
        LANGUAGES,
        format_func=LANGUAGE_NAMES.__getitem__,
        horizontal=True,
        **state.bind("lang", [(code, LANGUAGE_NAMES[code]) for code in LANGUAGES]),
    )
    return str(state.current("lang"))


def _labeller(vocabulary: str, lang: str) -> Callable[[str], str]:
    """Show ``mechanical`` as its name in ``lang`` (``sector.mechanical``)."""

    def label(value: str) -> str:
        return text(f"{vocabulary}.{value}", lang)

    return label


def present_link(present: bool = True) -> str:
    """The page's link in (or out of) briefing mode, its values URL-encoded."""
    params = {k: v for k, v in st.query_params.to_dict().items() if k != "mode"}
    if present:
        params["mode"] = "present"
    return "?" + urllib.parse.urlencode(params)
