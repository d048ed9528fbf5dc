"""The zone sheet: one A4 portrait page per zone, for an investor to take away.

A map of the zone and its surroundings, its facts with precision and sources, its projects
(name, sector, phase, capital, share allocated), capital by sector and phase, and the
plan's findings that touch it. Figures are the zone-load view's (:func:`geo.view.build_view`).
"""

from __future__ import annotations

import textwrap
from typing import Final

import matplotlib as mpl
import pandas as pd
from matplotlib.figure import Figure

from geo import settings
from geo.errors import PlanDataError, Problem, phrase
from geo.load import Plan
from geo.view import Filters, View
from layers.features import local_name, local_value, per_ha_text, records, sources_text
from layers.i18n import capital, number, percent, text
from layers.mapview import zone_names
from paper.page import (
    RC,
    PageSize,
    add_scale_and_north,
    add_shape,
    draw_map,
    filters_in_words,
    footer,
    new_figure,
    save,
)
from paper.words import finding_lines

A4_PORTRAIT: Final[PageSize] = PageSize(210 / 25.4, 297 / 25.4, 200.0)
#: Surroundings shown around a zone: at least this many metres each side.
MIN_SURROUNDINGS_M: Final[float] = 4_000.0


def zone_projects(view: View, zone_id: str) -> pd.DataFrame:
    """The view's projects allocated to ``zone_id``: sector, phase, the project's capital,
    share allocated and capital allocated (the zone-load view's figures)."""
    mine = view.allocation[(view.allocation["zone_id"] == zone_id) & (view.allocation["share"] > 0)]
    projects = view.projects.set_index("project_id")
    return pd.DataFrame(
        {
            "project_id": mine["project_id"].to_numpy(),
            "name_vi": mine["project_id"].map(projects["name_vi"]).to_numpy(),
            "name_en": mine["project_id"].map(projects["name_en"]).to_numpy(),
            "sector": mine["sector"].to_numpy(),
            "phase": mine["phase"].to_numpy(),
            "project_capital": mine["project_id"].map(projects["capital_bn_vnd"]).astype(float).to_numpy(),
            "share": mine["share"].astype(float).to_numpy(),
            "allocated": mine["capital_bn_vnd"].astype(float).to_numpy(),
        }
    )


def _check_zone(plan: Plan, zone_id: str) -> pd.Series:
    match = plan.zones[plan.zones["zone_id"] == zone_id]
    if match.empty:
        known = ", ".join(plan.zones.loc[plan.zones["kind"].isin(settings.SITE_ZONE_KINDS), "zone_id"])
        raise PlanDataError(
            [
                Problem(
                    "--zone",
                    "",
                    "zone_id",
                    phrase("one of {known}", "một trong {known}", known=known),
                    zone_id,
                )
            ]
        )
    return match.iloc[0]


def _facts(plan: Plan, view: View, zone: pd.Series, lang: str) -> list[tuple[str, str]]:
    load = view.load.set_index("zone_id")
    value = float(load["capital_bn_vnd"].get(zone["zone_id"], 0.0))
    area = float(
        plan.zones[plan.zones["zone_id"] == zone["zone_id"]].to_crs(settings.METRIC_CRS).area.iloc[0] / 10_000
    )
    rows = [
        (text("field.kind", lang), text(f"kind.{zone['kind']}", lang)),
        (text("field.allocated", lang), capital(value, lang)),
        (text("field.area", lang), f"{number(area, lang, 1)} ha"),
        (text("field.capital_per_ha", lang), per_ha_text(value, area, zone, lang)),
        (text("field.share", lang), percent(value / plan.total_capital, lang) if plan.total_capital else "—"),
        (text("field.precision", lang), text(f"precision.{zone['precision']}", lang)),
        (
            text("field.district", lang),
            zone_names(plan.zones, lang).get(str(zone.get("district_id", "")), ""),
        ),
        (text("field.developer", lang), local_value(zone, "developer", lang)),
        (text("field.status", lang), local_value(zone, "status", lang)),
        (text("field.sources", lang), sources_text(zone, lang)),
    ]
    return [(label, value) for label, value in rows if value.strip() and value != "nan"]


def zone_sheet_figure(plan: Plan, view: View, filters: Filters, zone_id: str, lang: str) -> Figure:
    """The zone sheet of ``zone_id`` for ``view``."""
    zone = _check_zone(plan, zone_id)
    size = A4_PORTRAIT
    font = 8.0
    figure = new_figure(size)
    with mpl.rc_context(RC):  # type: ignore[arg-type]
        figure.text(
            0.05,
            0.975,
            f"{text('paper.zone_sheet', lang)} · {local_name(zone, lang)}",
            fontsize=font * 1.7,
            fontweight="bold",
            va="top",
        )
        figure.text(0.05, 0.951, filters_in_words(filters, lang), fontsize=font, va="top", color="#333333")
        ax = figure.add_axes((0.05, 0.62, 0.9, 0.315))
        metric = plan.zones[plan.zones["zone_id"] == zone_id].to_crs(settings.METRIC_CRS)
        west, south, east, north = metric.total_bounds
        pad = max(MIN_SURROUNDINGS_M, 0.35 * max(east - west, north - south))
        draw_map(
            ax,
            plan,
            view,
            lang,
            extent=(west - pad, south - pad, east + pad, north + pad),
            font=font,
            reserved=add_scale_and_north(ax, lang, font),
        )
        # The sheet's own zone, outlined over its neighbours.
        for shape in metric.geometry:
            add_shape(ax, shape, facecolor="none", edgecolor="#111111", linewidth=2.0, zorder=5.5)
        y = _write_facts(figure, _facts(plan, view, zone, lang), font, top=0.605)
        y = _write_projects(figure, zone_projects(view, zone_id), lang, font, top=y - 0.012)
        y = _write_pivot(figure, zone_projects(view, zone_id), lang, font, top=y - 0.012)
        mine = zone_projects(view, zone_id)
        lines = finding_lines(plan, lang, touching=set(zip(mine["sector"], mine["phase"], strict=True)))
        _write_findings(figure, lines, lang, font, top=y - 0.012)
        footer(figure, plan, lang, font * 0.9, width_chars=150, top=0.06)
    return figure


def _decimals(value: float) -> int:
    return 0 if float(value).is_integer() else 1


def _heading(figure: Figure, words: str, font: float, top: float) -> float:
    figure.text(0.05, top, words, fontsize=font * 1.1, fontweight="bold", va="top")
    return top - 0.02


def _write_facts(figure: Figure, facts: list[tuple[str, str]], font: float, top: float) -> float:
    line = 0.0135
    for label, value in facts:
        wrapped = textwrap.wrap(value, 95) or [""]
        figure.text(0.05, top, label, fontsize=font * 0.9, va="top", color="#555555")
        figure.text(0.27, top, "\n".join(wrapped[:2]), fontsize=font * 0.9, va="top", linespacing=1.2)
        top -= line * min(len(wrapped), 2)
    return top


def _write_projects(figure: Figure, projects: pd.DataFrame, lang: str, font: float, top: float) -> float:
    top = _heading(figure, text("panel.projects", lang), font, top)
    if projects.empty:
        figure.text(0.05, top, text("panel.no_projects", lang), fontsize=font * 0.9, va="top")
        return top - 0.018
    columns = [
        (0.05, "col.name"),
        (0.45, "col.sector"),
        (0.6, "col.phase"),
        (0.69, "col.capital"),
        (0.79, "paper.share_allocated"),
    ]
    for x, key in columns:
        figure.text(
            x, top, textwrap.fill(text(key, lang), 11), fontsize=font * 0.85, va="top", fontweight="bold"
        )
    top -= 0.026
    name = "name_en" if lang == "en" else "name_vi"
    for row in records(projects):
        wrapped = textwrap.wrap(str(row[name]), 58)
        cells = [
            "\n".join(wrapped),
            textwrap.fill(text(f"sector.{row['sector']}", lang), 20),
            text(f"phase.{row['phase']}", lang),
            number(row["project_capital"], lang),
            f"{percent(row['share'], lang)} = {number(row['allocated'], lang, _decimals(row['allocated']))}",
        ]
        for (x, _), cell in zip(columns, cells, strict=True):
            figure.text(x, top, cell, fontsize=font * 0.85, va="top", linespacing=1.15)
        height = max(len(wrapped), 2 if len(text(f"sector.{row['sector']}", lang)) > 20 else 1)
        top -= 0.0125 * height + 0.005
    total = float(projects["allocated"].sum())
    figure.text(
        0.69,
        top,
        f"{text('total', lang)}: {capital(total, lang)}",
        fontsize=font * 0.9,
        va="top",
        fontweight="bold",
    )
    return top - 0.018


def _write_pivot(figure: Figure, projects: pd.DataFrame, lang: str, font: float, top: float) -> float:
    if projects.empty:
        return top
    top = _heading(figure, text("panel.by_sector_phase", lang), font, top)
    pivot = projects.pivot_table(
        index="sector", columns="phase", values="allocated", aggfunc="sum", fill_value=0.0
    )
    phases = [p for p in settings.PHASES if p in pivot.columns]
    for i, phase in enumerate(phases):
        figure.text(
            0.47 + 0.14 * i,
            top,
            text(f"phase.{phase}", lang),
            fontsize=font * 0.85,
            va="top",
            fontweight="bold",
        )
    top -= 0.014
    for sector in [s for s in settings.SECTORS if s in pivot.index]:
        figure.text(0.05, top, text(f"sector.{sector}", lang), fontsize=font * 0.85, va="top")
        for i, phase in enumerate(phases):
            value = float(pivot.at[sector, phase])  # type: ignore[arg-type]
            figure.text(
                0.47 + 0.14 * i,
                top,
                number(value, lang, 0 if value.is_integer() else 1),
                fontsize=font * 0.85,
                va="top",
            )
        top -= 0.013
    return top - 0.005


def _write_findings(figure: Figure, lines: list[str], lang: str, font: float, top: float) -> float:
    top = _heading(figure, text("paper.findings_zone", lang), font, top)
    for line in lines or [text("paper.no_findings", lang)]:
        wrapped = textwrap.wrap(line, 120)
        figure.text(0.05, top, "\n".join(wrapped), fontsize=font * 0.85, va="top", linespacing=1.2)
        top -= 0.0125 * len(wrapped) + 0.004
    return top


def render_zone_sheet(plan: Plan, view: View, filters: Filters, zone_id: str, lang: str) -> bytes:
    """The zone sheet as one A4 PDF page."""
    return save(zone_sheet_figure(plan, view, filters, zone_id, lang), "pdf")
