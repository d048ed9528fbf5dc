"""The map page: the province fitted to its frame, zones, markers and capital labels, with
title, filters in words, legend, scale bar, north arrow, locator map, notes, sources and date.

Colours, dashes and fills come from :mod:`layers` (the web map's own constants), figures
from :mod:`geo.view`, numbers from :func:`layers.i18n.number`: the page says what the app says.
"""

from __future__ import annotations

import functools
import io
import textwrap
from dataclasses import dataclass
from datetime import date
from typing import Any, Final

import geopandas as gpd
import matplotlib as mpl
import numpy as np
import pandas as pd
import shapely
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, PathPatch
from matplotlib.path import Path
from matplotlib.text import Text
from matplotlib_scalebar.scalebar import ScaleBar
from shapely.geometry.base import BaseGeometry

from geo import settings
from geo.load import Plan
from geo.locator import read_locator_countries
from geo.view import Filters, View
from layers.basemap import DISTRICT_LINE, LAND
from layers.features import local_value, records
from layers.i18n import number, text
from layers.mapview import map_title
from layers.prepared import DRAW_ORDER, label_points
from layers.sites import PHASE_FILL
from layers.style import KIND_STROKE, PRECISION_DASH, SECTOR_COLOURS, CapitalScale
from layers.zones import FILL_OPACITY
from paper.labels import Box, place_texts

#: Landscape paper sizes, inches.
PAPER_INCHES: Final[dict[str, tuple[float, float]]] = {
    "a4": (297 / 25.4, 210 / 25.4),
    "a3": (420 / 25.4, 297 / 25.4),
}
#: A slide is drawn 16 in wide (type sized as on A3) and saved at the pixels asked for.
SLIDE_WIDTH_IN: Final[float] = 16.0
DEFAULT_SIZE: Final[tuple[int, int]] = (1920, 1080)
DEFAULT_DPI: Final[int] = 200
#: Type size per inch of page width: 8.2 pt on A4, 11.6 pt on A3.
POINTS_PER_INCH_WIDTH: Final[float] = 0.7
#: Fonts stay text: TrueType (Type 42) embedded in PDF, ``<text>`` in SVG. DejaVu Sans ships
#: with matplotlib and has every Vietnamese letter.
RC: Final[dict[str, Any]] = {
    "pdf.fonttype": 42,
    "ps.fonttype": 42,
    "svg.fonttype": "none",
    "font.family": "DejaVu Sans",
    "lines.scale_dashes": False,
    "hatch.linewidth": 0.5,
}
SEA: Final[str] = "#e4e6e1"
#: Web outline widths are pixels on screen; on paper half of that, in points, reads the same.
STROKE_SCALE: Final[float] = 0.5
MARKER_POINTS: Final[float] = 7.0


@dataclass(frozen=True)
class PageSize:
    """A page's size in inches and the resolution it is saved at."""

    width: float
    height: float
    dpi: float

    @property
    def font(self) -> float:
        """Base type size, points."""
        return round(min(self.width, self.height * 16 / 9) * POINTS_PER_INCH_WIDTH, 1)


def page_size(
    fmt: str, *, paper: str = "a4", size: tuple[int, int] | None = None, dpi: int | None = None
) -> PageSize:
    """The page for ``fmt``: a landscape sheet for PDF/SVG; for PNG, ``size`` pixels
    (default 1920×1080) or, with ``dpi`` and no size, the sheet at that resolution."""
    if fmt == "png" and (size is not None or dpi is None):
        width_px, height_px = size or DEFAULT_SIZE
        resolution = width_px / SLIDE_WIDTH_IN
        # A hair more than the pixels asked for: the rasteriser truncates.
        return PageSize((width_px + 0.01) / resolution, (height_px + 0.01) / resolution, resolution)
    width, height = PAPER_INCHES[paper]
    return PageSize(width, height, float(dpi or DEFAULT_DPI))


def new_figure(size: PageSize) -> Figure:
    """A figure with an Agg canvas (no pyplot: safe in the app's threads)."""
    figure = Figure(figsize=(size.width, size.height), dpi=size.dpi)
    FigureCanvasAgg(figure)
    return figure


def save(figure: Figure, fmt: str) -> bytes:
    """The figure as ``pdf``, ``png`` or ``svg`` bytes."""
    buffer = io.BytesIO()
    with mpl.rc_context(RC):  # type: ignore[arg-type]
        figure.savefig(buffer, format=fmt, dpi=figure.dpi, metadata=_metadata(fmt))
    return buffer.getvalue()


def _metadata(fmt: str) -> dict[str, str] | None:
    if fmt == "pdf":
        return {"Creator": "thai-binh-plan-map", "Producer": "matplotlib"}
    return None


def dash(precision: str) -> Any:
    """The web map's outline dash (``"6 4"``) as a matplotlib line style, in points."""
    pattern = PRECISION_DASH.get(precision)
    if not pattern:
        return "solid"
    return (0, tuple(float(step) * STROKE_SCALE * 1.6 for step in pattern.split()))


def zone_label(zone: pd.Series | dict[str, object], value: float, lang: str) -> str:
    """A zone's label as on the web map: the park's short name (or the area's kind) and capital."""
    short = (
        str(zone["name_vi"]).replace("KCN ", "")
        if zone["kind"] == "park"
        else text(f"kind.{zone['kind']}", lang)
    )
    return f"{short}: {number(value, lang)}"


def site_zones(plan: Plan) -> gpd.GeoDataFrame:
    """Zones a project can sit in, large areas first and parks on top, in metres."""
    zones = plan.zones[plan.zones["kind"].isin(settings.SITE_ZONE_KINDS)]
    order = zones["kind"].map(DRAW_ORDER).fillna(3)
    return zones.assign(_order=order).sort_values(["_order", "zone_id"]).to_crs(settings.METRIC_CRS)


def province_bounds(plan: Plan) -> tuple[float, float, float, float]:
    """West, south, east, north of the province (all zones if none), in metres."""
    province = plan.zones[plan.zones["kind"] == "province"]
    shapes = province if not province.empty else plan.zones
    west, south, east, north = shapes.to_crs(settings.METRIC_CRS).total_bounds
    return float(west), float(south), float(east), float(north)


def draw_map(
    ax: Axes,
    plan: Plan,
    view: View,
    lang: str,
    *,
    extent: tuple[float, float, float, float] | None = None,
    font: float = 8.0,
    reserved: tuple[Box, ...] = (),
) -> list[Box | None]:
    """Districts, zones shaded by capital, markers and non-overlapping labels on ``ax`` (metres).

    ``extent`` (west, south, east, north, metres) defaults to the province with a margin;
    ``reserved`` are display boxes labels must keep clear of. Returns the label boxes.
    """
    fit_extent(ax, extent or province_bounds(plan))
    ax.set_facecolor(SEA)
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    metric = plan.zones.to_crs(settings.METRIC_CRS)
    province = metric[metric["kind"] == "province"]
    districts = metric[metric["kind"] == "district"]
    for shape in province.geometry:
        add_shape(ax, shape, facecolor=LAND, edgecolor=DISTRICT_LINE, linewidth=0.9, zorder=1)
    for shape in districts.geometry:
        add_shape(ax, shape, facecolor="none", edgecolor=DISTRICT_LINE, linewidth=0.45, zorder=2)
    scale = CapitalScale(*view.capital_range)
    capital_of = dict(zip(view.load["zone_id"], view.load["capital_bn_vnd"].astype(float), strict=True))
    zones = site_zones(plan)
    for zone in zones.itertuples(index=False):
        value = capital_of.get(zone.zone_id, 0.0)
        stroke, weight = KIND_STROKE.get(str(zone.kind), ("#333333", 1.5))
        add_shape(
            ax,
            zone.geometry,
            facecolor=to_rgba(scale.colour(value), FILL_OPACITY.get(str(zone.kind), 0.3)),
            edgecolor=stroke,
            linewidth=weight * STROKE_SCALE,
            linestyle=dash(str(zone.precision)),
            zorder=3 + DRAW_ORDER.get(str(zone.kind), 3) * 0.1,
        )
    marker_boxes = _draw_sites(ax, view, font)
    texts, anchors = [], []
    points = label_points(plan.zones)
    labelled = [z for z in zones.itertuples(index=False) if capital_of.get(z.zone_id, 0.0) > 0]
    labelled.sort(key=lambda z: -capital_of[z.zone_id])
    for zone in labelled:
        lat, lng = points[zone.zone_id]
        anchors.append(_to_metric(lng, lat))
        texts.append(_label(ax, zone_label(zone._asdict(), capital_of[zone.zone_id], lang), font, bold=True))
    for zone in districts.itertuples(index=False):
        lat, lng = points[zone.zone_id]
        anchors.append(_to_metric(lng, lat))
        name = str(zone.name_vi).replace("Huyện ", "").replace("Thành phố ", "TP ")
        texts.append(_label(ax, name, font * 0.85, bold=False, colour="#6b6b6b"))
    # geopandas names the CRS axes; a map page needs no axis titles.
    ax.set_xlabel("")
    ax.set_ylabel("")
    boxes = place_texts(ax, texts, anchors, [*marker_boxes, *reserved])
    add_halos(ax, texts)
    return boxes


def shape_path(geometry: BaseGeometry, simplify: float = 0.0) -> Path:
    """A polygon or multipolygon as one matplotlib path, holes included."""
    if simplify:
        geometry = shapely.simplify(geometry, simplify)
    vertices, codes = [], []
    for polygon in shapely.get_parts(geometry):
        for ring in [polygon.exterior, *polygon.interiors]:
            coords = np.asarray(ring.coords)[:, :2]
            vertices.append(coords)
            codes.append([Path.MOVETO] + [Path.LINETO] * (len(coords) - 2) + [Path.CLOSEPOLY])
    if not vertices:
        return Path(np.zeros((0, 2)))
    return Path(np.concatenate(vertices), np.concatenate(codes))


#: Outlines are simplified to 20 m: invisible at any page scale, and far fewer points to draw.
SIMPLIFY_M: Final[float] = 20.0


def add_shape(ax: Axes, geometry: BaseGeometry, *, simplify: float = SIMPLIFY_M, **style: Any) -> None:
    """Draw a polygon or multipolygon on ``ax`` (much faster than a GeoSeries plot per shape)."""
    ax.add_patch(PathPatch(shape_path(geometry, simplify), **style))


def fit_extent(ax: Axes, extent: tuple[float, float, float, float], margin: float = 0.04) -> None:
    """Show ``extent`` (west, south, east, north, metres) whole and undistorted in ``ax``: the
    side with room to spare grows to the frame's shape."""
    west, south, east, north = extent
    pad = margin * max(east - west, north - south)
    west, south, east, north = west - pad, south - pad, east + pad, north + pad
    figure = ax.get_figure(root=True)
    assert isinstance(figure, Figure)
    position = ax.get_position()
    frame_ratio = (position.height * figure.get_figheight()) / (position.width * figure.get_figwidth())
    if (north - south) / (east - west) < frame_ratio:
        grow = (frame_ratio * (east - west) - (north - south)) / 2
        south, north = south - grow, north + grow
    else:
        grow = ((north - south) / frame_ratio - (east - west)) / 2
        west, east = west - grow, east + grow
    ax.set_xlim(west, east)
    ax.set_ylim(south, north)
    ax.set_aspect("auto")
    ax.set_autoscale_on(False)


def _to_metric(lng: float, lat: float) -> tuple[float, float]:
    point = gpd.GeoSeries.from_xy([lng], [lat], crs=settings.CRS).to_crs(settings.METRIC_CRS).iloc[0]
    return float(point.x), float(point.y)


def _label(ax: Axes, words: str, font: float, *, bold: bool, colour: str = "#111111") -> Text:
    return ax.text(
        0,
        0,
        words,
        fontsize=font,
        fontweight="bold" if bold else "normal",
        color=colour,
        zorder=8 if bold else 7,
        clip_on=True,
    )


def add_halos(ax: Axes, texts: list[Text]) -> None:
    """A white outline under each visible label, drawn as a separate copy: a path effect on
    the label itself would turn its letters into outlines, and PDF readers could not read it."""
    for label in texts:
        if not label.get_visible():
            continue
        halo = ax.text(
            *label.get_position(),
            label.get_text(),
            fontsize=label.get_fontsize(),
            fontweight=label.get_fontweight(),
            color="white",
            ha=label.get_horizontalalignment(),
            va=label.get_verticalalignment(),
            zorder=label.get_zorder() - 0.05,
            clip_on=True,
        )
        halo.set_path_effects([patheffects.withStroke(linewidth=2.4, foreground="white")])


def _draw_sites(ax: Axes, view: View, font: float) -> list[Box]:
    """Markers as on the web map; returns their display boxes, which labels must not cover."""
    if view.sites.empty:
        return []
    sites = view.sites.to_crs(settings.METRIC_CRS)
    size = MARKER_POINTS * font / 8
    for sites_of_kind in (sites[sites["placement"] == "area"], sites[sites["placement"] != "area"]):
        if sites_of_kind.empty:
            continue
        unspecified = bool((sites_of_kind["placement"] == "area").all())
        colours = [SECTOR_COLOURS.get(s, "#555555") for s in sites_of_kind["sector"]]
        faces = [
            to_rgba(c, PHASE_FILL.get(p, 0.5)) if PHASE_FILL.get(p, 0.5) > 0 else (1.0, 1.0, 1.0, 0.6)
            for c, p in zip(colours, sites_of_kind["phase"], strict=True)
        ]
        ax.scatter(
            sites_of_kind.geometry.x,
            sites_of_kind.geometry.y,
            s=(size * (0.85 if unspecified else 1.0)) ** 2,
            facecolors=faces,
            edgecolors=colours,
            linewidths=1.3,
            linestyles=(0, (2, 1.5)) if unspecified else "solid",
            zorder=6,
        )
    figure = ax.get_figure()
    assert figure is not None
    half = size / 2 * figure.dpi / 72
    centres = ax.transData.transform(np.column_stack([sites.geometry.x, sites.geometry.y]))
    return [Box(x - half, y - half, x + half, y + half) for x, y in centres]


def add_scale_and_north(ax: Axes, lang: str, font: float) -> tuple[Box, ...]:
    """A metric scale bar (bottom left) and a north arrow (top left); their display boxes."""
    ax.add_artist(
        ScaleBar(
            1.0,
            units="m",
            location="lower left",
            length_fraction=0.22,
            rotation="horizontal-only",
            box_alpha=0.8,
            font_properties={"size": font * 0.9},
            scale_formatter=lambda value, unit: f"{value} {unit}",
        )
    )
    ax.annotate(
        text("paper.north", lang),
        xy=(0.035, 0.95),
        xytext=(0.035, 0.86),
        xycoords="axes fraction",
        ha="center",
        va="center",
        fontsize=font * 1.3,
        fontweight="bold",
        arrowprops={"arrowstyle": "-|>", "color": "#222222", "lw": 1.4},
        zorder=9,
    )
    frame = ax.get_window_extent()
    width, height = frame.width, frame.height
    scale_box = Box(frame.x0, frame.y0, frame.x0 + 0.3 * width, frame.y0 + 0.1 * height)
    north_box = Box(frame.x0, frame.y1 - 0.17 * height, frame.x0 + 0.07 * width, frame.y1)
    return scale_box, north_box


@functools.cache
def _locator_countries() -> gpd.GeoDataFrame:
    # The same small file for every page of a briefing pack: read it once per process.
    return read_locator_countries()


def draw_locator(ax: Axes, plan: Plan, lang: str, font: float) -> None:
    """Viet Nam's north and its neighbours, the province in red."""
    countries = _locator_countries()
    vietnam = countries["iso_a3"] == "VNM"
    for shape, home in zip(countries.geometry, vietnam, strict=True):
        face, edge = ("#fbfaf4", "#555555") if home else ("#ececec", "#9a9a9a")
        add_shape(ax, shape, facecolor=face, edgecolor=edge, linewidth=0.5, simplify=0.0)
    province = plan.zones[plan.zones["kind"] == "province"]
    shapes = province if not province.empty else plan.zones
    for shape in shapes.geometry:
        add_shape(ax, shape, facecolor="#c0392b", edgecolor="#c0392b", linewidth=0.8, simplify=0.0)
    west, south, east, north = shapes.total_bounds
    ax.plot(
        [west - 0.25, east + 0.25, east + 0.25, west - 0.25, west - 0.25],
        [south - 0.25, south - 0.25, north + 0.25, north + 0.25, south - 0.25],
        color="#c0392b",
        lw=0.8,
    )
    ax.set_xlim(102.0, 109.5)
    ax.set_ylim(18.0, 23.6)
    # Degrees of longitude are shorter at this latitude.
    ax.set_aspect(1 / np.cos(np.radians(21.0)))
    ax.set_facecolor("#dfe9f1")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_xlabel("")
    ax.set_ylabel("")
    ax.set_title(text("paper.locator", lang), fontsize=font * 0.85, pad=3)


def legend_handles(scale: CapitalScale, lang: str) -> tuple[list[Any], list[str]]:
    """The marker and outline entries of the legend, in the web legend's order."""
    grey = "#555555"
    handles: list[Any] = []
    labels: list[str] = []
    for sector, colour in SECTOR_COLOURS.items():
        handles.append(Line2D([], [], ls="", marker="o", ms=7, mfc=colour, mec=colour, mew=1.3))
        labels.append(text(f"sector.{sector}", lang))
    handles += [
        Line2D(
            [], [], ls="", marker="o", ms=7, mfc=to_rgba(grey, PHASE_FILL["2016-2020"]), mec=grey, mew=1.3
        ),
        Line2D([], [], ls="", marker="o", ms=7, mfc="white", mec=grey, mew=1.3),
        Line2D([], [], ls="", marker="o", ms=6, mfc="white", mec=grey, mew=1.0, alpha=0.8),
    ]
    labels += [text("legend.phase_1", lang), text("legend.phase_2", lang), text("legend.site_area", lang)]
    for precision, key in (
        ("surveyed", "legend.zone_surveyed"),
        ("indicative", "legend.zone_indicative"),
        ("unspecified", "legend.zone_unspecified"),
    ):
        handles.append(
            Patch(facecolor="white", edgecolor="#333333", linewidth=1.0, linestyle=dash(precision))
        )
        labels.append(text(key, lang))
    return handles, labels


def draw_legend(
    figure: Figure, scale: CapitalScale, lang: str, font: float, box: tuple[float, float, float, float]
) -> None:
    """Legend in ``box`` (figure fraction: left, bottom, width, height): entries, then the capital ramp."""
    left, bottom, width, height = box
    handles, labels = legend_handles(scale, lang)
    figure.legend(
        handles,
        labels,
        loc="upper left",
        bbox_to_anchor=(left, bottom + height),
        frameon=False,
        fontsize=font * 0.9,
        title=text("legend.title", lang),
        title_fontproperties={"size": font * 1.05, "weight": "bold"},
        alignment="left",
        handlelength=1.6,
        borderaxespad=0,
    )
    ramp = figure.add_axes((left + 0.005, bottom + 0.035, width - 0.02, 0.022))
    ticks = scale.ticks()
    logs = np.linspace(np.log10(scale.low), np.log10(scale.high), 256)
    colours = [to_rgba(scale.colour(10**v)) for v in logs]
    ramp.imshow([colours], aspect="auto", extent=(logs[0], logs[-1], 0, 1))
    ramp.set_yticks([])
    ramp.set_xticks([np.log10(t) for t in ticks], [number(t, lang) for t in ticks], fontsize=font * 0.85)
    ramp.set_title(text("legend.capital", lang), fontsize=font * 0.9, loc="left", pad=3)


def filters_in_words(filters: Filters, lang: str) -> str:
    """Sector, phase and allocation policy, as on the exported HTML map's title."""
    _, subtitle = map_title(filters.sectors, filters.phases, lang)
    policy = text("paper.policy", lang).format(policy=text(f"policy.{filters.policy}", lang))
    return f"{subtitle} · {policy}"


def sources_line(plan: Plan, lang: str) -> str:
    """Where the plan, the boundaries and the locator come from, with their licences."""
    admin = plan.zones[plan.zones["kind"].isin(["province", "district"])]
    named = (local_value(row, "source", lang) for row in records(admin))
    boundaries = "; ".join(dict.fromkeys(s for s in named if s))
    return text("paper.sources", lang).format(boundaries=boundaries or "—")


def made_on(lang: str, today: date | None = None) -> str:
    """The date the page was made, ``28/11/2026`` in Vietnamese, ``28 Nov 2026`` in English."""
    day = today or date.today()
    shown = day.strftime("%d/%m/%Y") if lang == "vi" else day.strftime("%d %b %Y")
    return text("paper.made", lang).format(date=shown)


def footer(
    figure: Figure, plan: Plan, lang: str, font: float, *, width_chars: int, top: float = 0.095
) -> None:
    """Notes, sources and date in small type across the bottom of the page."""
    lines = [text("note.indicative", lang), text("note.merger", lang), sources_line(plan, lang)]
    wrapped = "\n".join(textwrap.fill(line, width_chars) for line in lines)
    figure.text(
        0.015, top, wrapped, fontsize=font * 0.72, va="top", ha="left", color="#333333", linespacing=1.25
    )
    figure.text(0.985, 0.012, made_on(lang), fontsize=font * 0.72, ha="right", va="bottom", color="#333333")


def map_figure(
    plan: Plan, view: View, filters: Filters, lang: str, size: PageSize, *, title: str | None = None
) -> Figure:
    """The whole map page for ``view``."""
    figure = new_figure(size)
    font = size.font
    with mpl.rc_context(RC):  # type: ignore[arg-type]
        figure.text(
            0.015, 0.975, title or text("title", lang), fontsize=font * 1.9, fontweight="bold", va="top"
        )
        figure.text(
            0.015, 0.915, filters_in_words(filters, lang), fontsize=font * 1.1, va="top", color="#333333"
        )
        ax = figure.add_axes((0.015, 0.13, 0.69, 0.76))
        reserved = add_scale_and_north(ax, lang, font)
        draw_map(ax, plan, view, lang, font=font, reserved=reserved)
        locator = figure.add_axes((0.73, 0.62, 0.255, 0.27))
        draw_locator(locator, plan, lang, font)
        draw_legend(figure, CapitalScale(*view.capital_range), lang, font, (0.735, 0.13, 0.25, 0.45))
        footer(figure, plan, lang, font, width_chars=int(size.width * 72 / (font * 0.72) / 0.5), top=0.115)
    return figure


def render_map(
    plan: Plan,
    view: View,
    filters: Filters,
    lang: str,
    fmt: str,
    *,
    paper: str = "a4",
    size: tuple[int, int] | None = None,
    dpi: int | None = None,
) -> bytes:
    """The map page as ``pdf``, ``png`` or ``svg`` bytes (see :func:`page_size`)."""
    page = page_size(fmt, paper=paper, size=size, dpi=dpi)
    return save(map_figure(plan, view, filters, lang, page), fmt)
