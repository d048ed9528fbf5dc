"""Briefing mode (``?mode=present``): the map full size, large type, a phase stepper."""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

import streamlit as st

from geo.load import Plan
from geo.view import View
from layers import mapview
from layers.i18n import capital, share_count, text
from layers.prepared import PreparedZones
from ui import paper, state
from ui.mapping import draw_map
from ui.sidebar import present_link

#: What the stepper shows in turn: the first phase, the second, then both.
STEPS: Final[list[list[str]]] = [["2016-2020"], ["2021-2025"], []]

CSS: Final[str] = """
<style>
[data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"], [data-testid="stHeader"],
[data-testid="stToolbar"], [data-testid="stDecoration"], footer { display: none !important; }
.block-container, [data-testid="stMainBlockContainer"] { padding: 0.6rem 1rem 0 1rem !important;
  max-width: 100% !important; }
[data-testid="stMetricValue"] { font-size: 2.4rem !important; }
[data-testid="stMetricLabel"] p { font-size: 1.2rem !important; }
.present-phase { font-size: 2rem; font-weight: 700; line-height: 1.2; }
.st-key-present-next button { min-height: 3.2rem; }
.st-key-present-next button p { font-size: 1.25rem; }
[data-testid="stLinkButton"] p, [data-testid="stPopover"] button p { font-size: 1.05rem; }
/* The map fills the screen below the one row of figures and buttons (full screen too). */
.stApp iframe[title="streamlit_folium.st_folium"] { height: max(360px, calc(100vh - 124px)) !important; }
@media (max-width: 640px) {
  .stApp iframe[title="streamlit_folium.st_folium"] { height: max(360px, calc(100vh - 40px)) !important; }
  [data-testid="stMetricValue"] { font-size: 1.6rem !important; }
  .present-phase { font-size: 1.4rem; }
}
</style>
"""


def step_label(phases: list[str], lang: str) -> str:
    """What the current step shows: one phase, or both."""
    return text(f"phase.{phases[0]}", lang) if len(phases) == 1 else text("present.both", lang)


def next_step(phases: list[str]) -> list[str]:
    """The step after ``phases`` in 2016–2020 → 2021–2025 → both → 2016–2020."""
    current = STEPS.index(phases) if phases in STEPS else len(STEPS) - 1
    return STEPS[(current + 1) % len(STEPS)]


def _advance() -> None:
    state.choose("phase", next_step(list(state.current("phase"))))


def render_present(
    plan: Plan, view: View, prepared: PreparedZones, lang: str, on_click: Callable[[], None]
) -> None:
    """The whole briefing page."""
    st.html(CSS)
    phases = list(state.current("phase"))
    # One row: the map below takes the rest of the screen.
    left, middle, right, stepper, last = st.columns([1.6, 1, 1.5, 1.3, 1], vertical_alignment="center")
    left.markdown(f'<div class="present-phase">{step_label(phases, lang)}</div>', unsafe_allow_html=True)
    middle.metric(text("metric.projects", lang), share_count(len(view.projects), len(plan.projects), lang))
    right.metric(text("metric.capital", lang), capital(view.capital, lang))
    stepper.button(
        f"{text('present.next', lang)} ▶ {step_label(next_step(phases), lang)}",
        on_click=_advance,
        key="present-next",
        type="primary",
        width="stretch",
    )
    with last:
        st.link_button(text("present.exit", lang), present_link(present=False))
        paper.present_downloads(plan, view, state.filters(), lang)
    sectors = list(state.current("sector"))
    draw_map(
        plan,
        view,
        prepared,
        lang,
        on_click=on_click,
        height=780,
        title=mapview.map_title(sectors, phases, lang),
    )
