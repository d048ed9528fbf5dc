"""Map layer of plan monitoring: a line from a project's planned zone to where it was realised."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import folium
import geopandas as gpd
from shapely.geometry import Point

from layers.features import COORD_DECIMALS, esc
from layers.i18n import text

#: Colour of the lines: dark violet, apart from the sector palette and the zone shading.
MOVE_COLOUR = "#5b2a86"


@dataclass(frozen=True)
class Move:
    """A project realised outside its planned zone(s)."""

    project: str
    planned: tuple[str, ...]
    actual: str
    point: Point | None = None


def _anchor(zones: gpd.GeoDataFrame, zone_id: str) -> Point | None:
    found = zones[zones["zone_id"] == zone_id]
    if found.empty:
        return None
    return found.geometry.iloc[0].representative_point()


def moves_layer(
    zones: gpd.GeoDataFrame, moves: Sequence[Move], names: dict[str, str], lang: str
) -> folium.FeatureGroup:
    """Dashed lines from each planned zone to the actual place (the recorded point, else the actual zone).

    Parameters
    ----------
    zones
        The zone layer (EPSG:4326).
    moves
        Projects realised elsewhere.
    names
        Zone id → name in ``lang``; project names in ``moves`` are already in ``lang``.
    lang
        Language of the tooltips.
    """
    group = folium.FeatureGroup(name=text("mon.moved", lang), show=True)
    for move in moves:
        end = move.point or _anchor(zones, move.actual)
        if end is None:
            continue
        tip = text("mon.moved.tip", lang).format(
            project=esc(move.project),
            planned=esc(", ".join(names.get(z, z) for z in move.planned)),
            actual=esc(names.get(move.actual, move.actual)),
        )
        for planned in move.planned:
            start = _anchor(zones, planned)
            if start is None:
                continue
            line = [
                (round(start.y, COORD_DECIMALS), round(start.x, COORD_DECIMALS)),
                (round(end.y, COORD_DECIMALS), round(end.x, COORD_DECIMALS)),
            ]
            folium.PolyLine(
                line, color=MOVE_COLOUR, weight=3, dash_array="6 6", tooltip=tip, class_name="moved"
            ).add_to(group)
        folium.CircleMarker(
            (round(end.y, COORD_DECIMALS), round(end.x, COORD_DECIMALS)),
            radius=5,
            color=MOVE_COLOUR,
            fill=True,
            fill_opacity=1,
            tooltip=tip,
        ).add_to(group)
    return group
