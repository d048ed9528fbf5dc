"""The briefing pack: one PDF with the overview map, a map per phase and per sector, the
zone-load table and chart, the targets with implied growth, the findings and the sources."""

from __future__ import annotations

import io
import textwrap
from collections.abc import Callable
from typing import Final

import matplotlib as mpl
import pandas as pd
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from geo import settings
from geo.load import Plan
from geo.stats import targets_table
from geo.view import Filters, build_view
from layers.features import records
from layers.i18n import number, percent, text
from layers.mapview import zone_names
from layers.style import SECTOR_COLOURS
from paper.page import RC, PageSize, footer, made_on, map_figure, new_figure, page_size, sources_line
from paper.words import finding_lines

#: Called after each page with (pages done, pages in all).
Progress = Callable[[int, int], None]
TABLE_PAGES: Final[int] = 4


def _map_filters(policy: str) -> list[tuple[str, Filters]]:
    """Overview, each phase, each sector: the title suffix key and the filters of each map."""
    pages = [("paper.overview", Filters(policy=policy))]
    pages += [(f"phase.{p}", Filters(phases=[p], policy=policy)) for p in settings.PHASES]
    pages += [(f"sector.{s}", Filters(sectors=[s], policy=policy)) for s in settings.SECTORS]
    return pages


def page_count() -> int:
    """Pages in a pack of the bundled vocabularies: 1 + phases + sectors + tables."""
    return 1 + len(settings.PHASES) + len(settings.SECTORS) + TABLE_PAGES


def _columns(load: pd.DataFrame, sector: str) -> list[str]:
    """The zone-load columns holding ``sector``'s capital, one per phase present."""
    return [
        f"capital_{phase}_{sector}"
        for phase in settings.PHASES
        if f"capital_{phase}_{sector}" in load.columns
    ]


def _load_page(plan: Plan, filters: Filters, lang: str, size: PageSize) -> Figure:
    view = build_view(plan, filters)
    load = view.load[view.load["capital_bn_vnd"] > 0]
    names = zone_names(plan.zones, lang)
    figure = new_figure(size)
    font = size.font
    figure.text(0.03, 0.96, text("load.title", lang), fontsize=font * 1.8, fontweight="bold", va="top")
    figure.text(0.03, 0.905, text(f"load.explain.{filters.policy}", lang), fontsize=font, va="top")
    headers = [text(f"col.{c}", lang) for c in ("zone", "capital", "projects", "area", "per_ha", "share")]
    xs = [0.03, 0.3, 0.39, 0.46, 0.55, 0.64]
    top = 0.85
    for x, header in zip(xs, headers, strict=True):
        figure.text(x, top, textwrap.fill(header, 14), fontsize=font * 0.9, fontweight="bold", va="top")
    top -= 0.06
    for row in records(load):
        cells = [
            textwrap.shorten(names.get(row["zone_id"], row["zone_id"]), 42),
            number(row["capital_bn_vnd"], lang),
            str(int(row["projects"])),
            number(row["area_ha"], lang, 1),
            "—" if pd.isna(row["capital_per_ha"]) else number(row["capital_per_ha"], lang, 2),
            percent(row["share_of_plan"], lang),
        ]
        for x, cell in zip(xs, cells, strict=True):
            figure.text(x, top, cell, fontsize=font * 0.9, va="top")
        top -= 0.035
    chart = figure.add_axes((0.75, 0.2, 0.22, 0.62))
    left = [0.0] * len(load)
    labels = [textwrap.shorten(names.get(z, z).replace("KCN ", ""), 24) for z in load["zone_id"]]
    for sector, colour in SECTOR_COLOURS.items():
        values = [
            sum(float(load[column].iloc[i]) for column in _columns(load, sector)) for i in range(len(load))
        ]
        chart.barh(labels, values, left=left, color=colour, label=text(f"sector.{sector}", lang))
        left = [a + b for a, b in zip(left, values, strict=True)]
    chart.invert_yaxis()
    chart.tick_params(labelsize=font * 0.8)
    chart.set_title(text("load.chart", lang), fontsize=font * 0.9, loc="left")
    chart.legend(fontsize=font * 0.75, loc="lower right", frameon=False)
    footer(figure, plan, lang, font, width_chars=int(size.width * 72 / (font * 0.72) / 0.5), top=0.115)
    return figure


def _targets_page(plan: Plan, lang: str, size: PageSize) -> Figure:
    figure = new_figure(size)
    font = size.font
    figure.text(
        0.03, 0.96, text("paper.targets_growth", lang), fontsize=font * 1.8, fontweight="bold", va="top"
    )
    figure.text(
        0.03, 0.905, f"{text('targets.title', lang)}. {text('targets.note', lang)}", fontsize=font, va="top"
    )
    keys = (
        "sector",
        "value_2020",
        "ratio_2020",
        "implied_2015",
        "growth_1520",
        "value_2025",
        "ratio_2025",
        "growth_2025",
    )
    xs = [0.03, 0.27, 0.37, 0.45, 0.55, 0.67, 0.77, 0.86]
    top = 0.84
    for x, key in zip(xs, keys, strict=True):
        figure.text(
            x,
            top,
            textwrap.fill(text(f"col.{key}", lang), 14),
            fontsize=font * 0.9,
            fontweight="bold",
            va="top",
        )
    top -= 0.07
    table = targets_table(plan.targets) if not plan.targets.empty else plan.targets
    for row in records(table):
        cells = [
            text(f"sector.{row['sector']}", lang),
            number(row["value_2020_bn_vnd"], lang),
            number(row["ratio_2020_vs_2015"], lang, 2),
            number(row["implied_2015_bn_vnd"], lang, 1),
            percent(row["growth_2015_2020"], lang),
            number(row["value_2025_bn_vnd"], lang),
            number(row["ratio_2025_vs_2020"], lang, 2),
            percent(row["growth_2020_2025"], lang),
        ]
        for x, cell in zip(xs, cells, strict=True):
            figure.text(x, top, textwrap.fill(cell, 26), fontsize=font * 0.9, va="top")
        top -= 0.06
    return figure


def _text_page(plan: Plan, title: str, lines: list[str], lang: str, size: PageSize) -> Figure:
    figure = new_figure(size)
    font = size.font
    figure.text(0.03, 0.96, title, fontsize=font * 1.8, fontweight="bold", va="top")
    top = 0.88
    for line in lines:
        wrapped = textwrap.wrap(line, 150)
        figure.text(0.03, top, "\n".join(wrapped), fontsize=font, va="top", linespacing=1.3)
        top -= 0.035 * len(wrapped) + 0.015
    return figure


def briefing_figures(
    plan: Plan, lang: str, *, policy: str = settings.DEFAULT_POLICY, progress: Progress | None = None
) -> list[Figure]:
    """Every page of the pack, in order; ``progress`` hears of each page as it is made."""
    size = page_size("pdf", paper="a4")
    maps = _map_filters(policy)
    total = len(maps) + TABLE_PAGES
    scale_range = build_view(plan, Filters(policy=policy)).capital_range
    figures: list[Figure] = []

    def done(figure: Figure) -> None:
        figures.append(figure)
        if progress is not None:
            progress(len(figures), total)

    with mpl.rc_context(RC):  # type: ignore[arg-type]
        for key, filters in maps:
            view = build_view(plan, filters, scale_range)
            title = f"{text('title', lang)} · {text(key, lang)}"
            done(map_figure(plan, view, filters, lang, size, title=title))
        done(_load_page(plan, Filters(policy=policy), lang, size))
        done(_targets_page(plan, lang, size))
        findings = finding_lines(plan, lang) or [text("findings.none", lang)]
        done(_text_page(plan, text("findings.title", lang), findings, lang, size))
        sources = [
            sources_line(plan, lang),
            text("note.indicative", lang),
            text("note.merger", lang),
            text("data.admin_text", lang),
            made_on(lang),
        ]
        done(_text_page(plan, text("paper.sources_title", lang), sources, lang, size))
    return figures


def render_briefing(
    plan: Plan, lang: str, *, policy: str = settings.DEFAULT_POLICY, progress: Progress | None = None
) -> bytes:
    """The briefing pack as one PDF."""
    buffer = io.BytesIO()
    metadata = {"Title": text("paper.briefing", lang), "Creator": "thai-binh-plan-map"}
    with mpl.rc_context(RC), PdfPages(buffer, metadata=metadata) as pdf:  # type: ignore[arg-type]
        for figure in briefing_figures(plan, lang, policy=policy, progress=progress):
            pdf.savefig(figure)
    return buffer.getvalue()
