"""The sidebar: language, filters, allocation policy and the exchange rate."""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from geo import settings
from geo.load import Plan
from layers import mapview
from layers.i18n import LANGUAGE_NAMES, LANGUAGES, text
from ui.state import DEFAULT_RATE


def site_zone_ids(plan: Plan) -> list[str]:
    """Zones a project can sit in, parks last, in a stable order."""
    zones = plan.zones[plan.zones["kind"].isin(settings.SITE_ZONE_KINDS)]
    return list(zones.sort_values(["kind", "zone_id"])["zone_id"])


def render_sidebar(plan: Plan) -> str:
    """Draw the sidebar's widgets (their state is the view); return the language."""
    bar = st.sidebar
    lang: str = bar.radio(
        "Ngôn ngữ / Language", LANGUAGES, format_func=LANGUAGE_NAMES.__getitem__, key="lang", horizontal=True
    )
    bar.header(text("filters", lang))
    for name, options in (("sector", settings.SECTORS), ("phase", settings.PHASES)):
        bar.multiselect(
            text(name, lang),
            options,
            format_func=_labeller(name, lang),
            key=name,
            placeholder=text("all", lang),
        )
    names = mapview.zone_names(plan.zones, lang)
    bar.selectbox(
        text("zone", lang),
        ["", *site_zone_ids(plan)],
        format_func=lambda z: names.get(z, z) if z else text("all_zones", lang),
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
    bar.number_input(
        text("usd.rate", lang),
        min_value=1_000,
        max_value=100_000,
        value=int(DEFAULT_RATE),
        step=100,
        key="usd_rate",
    )
    bar.caption(text("usd.note", lang))
    bar.link_button(text("present.enter", lang), _present_link())
    return lang


def _labeller(vocabulary: str, lang: str) -> Callable[[str], str]:
    """Show ``mechanical`` as its name in ``lang`` (``sector.mechanical``)."""

    def label(value: str) -> str:
        return text(f"{vocabulary}.{value}", lang)

    return label


def _present_link() -> str:
    params = {k: v for k, v in st.query_params.to_dict().items() if k != "mode"}
    query = "&".join(f"{k}={v}" for k, v in {**params, "mode": "present"}.items())
    return f"?{query}"
