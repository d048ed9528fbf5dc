"""Download buttons for maps on paper: the current view as PDF/PNG/SVG, the zone sheet,
and the briefing pack (made on click, with a progress bar)."""

from __future__ import annotations

import streamlit as st

from geo.load import Plan
from geo.view import Filters, View
from layers.i18n import text
from paper.briefing import render_briefing
from paper.page import render_map
from paper.sheets import render_zone_sheet

MIME = {"pdf": "application/pdf", "png": "image/png", "svg": "image/svg+xml"}


def map_downloads(plan: Plan, view: View, filters: Filters, lang: str) -> None:
    """The current view as an A4 PDF, a 1920×1080 PNG for slides and an A4 SVG."""
    for fmt in ("pdf", "png", "svg"):

        def make(fmt: str = fmt) -> bytes:
            return render_map(plan, view, filters, lang, fmt)

        st.download_button(
            f"{text('paper.download_map', lang)} · {fmt.upper()}",
            data=make,
            file_name=f"thai-binh-map-{lang}.{fmt}",
            mime=MIME[fmt],
            on_click="ignore",
            key=f"download-paper-map-{fmt}",
        )


def zone_sheet_download(plan: Plan, view: View, filters: Filters, zone_id: str, lang: str) -> None:
    """The zone sheet of ``zone_id`` for the current view, as a one-page PDF."""

    def make() -> bytes:
        return render_zone_sheet(plan, view, filters, zone_id, lang)

    st.download_button(
        text("paper.download_sheet", lang),
        data=make,
        file_name=f"thai-binh-{zone_id}-{lang}.pdf",
        mime=MIME["pdf"],
        on_click="ignore",
        key=f"download-zone-sheet-{zone_id}",
    )


def briefing_download(plan: Plan, filters: Filters, lang: str) -> None:
    """A button that makes the briefing pack, with a progress bar, then offers it."""
    key = f"briefing-{lang}-{filters.policy}"
    if st.button(text("paper.briefing", lang), key=f"make-{key}"):
        bar = st.progress(0.0, text=text("paper.making", lang).format(page=0, pages="…"))

        def progress(done: int, total: int) -> None:
            bar.progress(done / total, text=text("paper.making", lang).format(page=done, pages=total))

        st.session_state[key] = render_briefing(plan, lang, policy=filters.policy, progress=progress)
        bar.empty()
    if key in st.session_state:
        st.download_button(
            text("paper.download_briefing", lang),
            data=st.session_state[key],
            file_name=f"thai-binh-briefing-{lang}.pdf",
            mime=MIME["pdf"],
            on_click="ignore",
            key=f"download-{key}",
        )


def present_downloads(plan: Plan, view: View, filters: Filters, lang: str) -> None:
    """Briefing mode's downloads, behind one small button: the map on paper and the pack."""
    with st.popover(text("downloads", lang)):
        map_downloads(plan, view, filters, lang)
        briefing_download(plan, filters, lang)
