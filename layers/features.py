"""GeoJSON feature collections with escaped, ready-made tooltip and popup HTML."""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Iterable
from typing import Any

import geopandas as gpd

#: About 5 m at this latitude: invisible at the zooms the map allows, a much smaller payload.
SIMPLIFY_DEGREES = 0.00005


def esc(value: object) -> str:
    """Escape any value for HTML; ``None`` and NaN become an empty string."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return html.escape(str(value), quote=True)


def rows_html(rows: Iterable[tuple[str, str]]) -> str:
    """A two-column table from (label, already-escaped value) pairs, skipping empty values."""
    cells = "".join(f"<tr><th>{esc(label)}</th><td>{value}</td></tr>" for label, value in rows if value != "")
    return f'<table class="facts">{cells}</table>'


def collection(
    frame: gpd.GeoDataFrame,
    properties: Callable[[Any], dict[str, object]],
    *,
    simplify: bool = False,
) -> dict[str, Any]:
    """A FeatureCollection with only the properties the map needs, in row order."""
    geometries = frame.geometry.simplify(SIMPLIFY_DEGREES) if simplify else frame.geometry
    features = []
    for (_, row), geometry in zip(frame.iterrows(), geometries, strict=True):
        features.append(
            {
                "type": "Feature",
                "properties": properties(row),
                "geometry": geometry.__geo_interface__,
            }
        )
    return {"type": "FeatureCollection", "features": features}
