"""GeoJSON feature collections as JSON text, and the escaped HTML of tooltips and popups."""

from __future__ import annotations

import html
import json
import math
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

#: One row of a table, as a dict (fast to read) or a pandas row.
Row = Mapping[str, Any] | pd.Series
#: Decimals of the coordinates sent to the map: 1e-5 degree, about 1 m.
COORD_DECIMALS = 5


def esc(value: object) -> str:
    """Escape any value for HTML; ``None`` and NaN become an empty string."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return html.escape(str(value), quote=True)


def local_name(row: Row, lang: str) -> str:
    """A zone's or project's name in ``lang`` (Vietnamese where no English name is recorded)."""
    return str(row["name_en"] if lang == "en" and row.get("name_en") else row["name_vi"])


def rows_html(rows: Iterable[tuple[str, str]]) -> str:
    """A two-column table from (label, already-escaped value) pairs, skipping empty values."""
    cells = "".join(f"<tr><th>{esc(label)}</th><td>{value}</td></tr>" for label, value in rows if value != "")
    return f'<table class="facts">{cells}</table>'


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of ``frame`` as dicts, without its geometry: far quicker to read than
    ``iterrows``, which builds a Series per row."""
    columns = [str(c) for c in frame.columns if c != "geometry"]
    values = [frame[c].tolist() for c in columns]
    return [dict(zip(columns, row, strict=True)) for row in zip(*values, strict=True)]


def feature_collection(geometries: Iterable[str], properties: Iterable[dict[str, Any]]) -> str:
    """A GeoJSON FeatureCollection as JSON text, from geometry texts and property dicts."""
    features = ",".join(
        f'{{"type":"Feature","geometry":{geometry},"properties":{json.dumps(props, ensure_ascii=False)}}}'
        for geometry, props in zip(geometries, properties, strict=True)
    )
    return f'{{"type":"FeatureCollection","features":[{features}]}}'


def point_geojson(x: float, y: float) -> str:
    """A GeoJSON point, rounded to about 1 m."""
    return f'{{"type":"Point","coordinates":[{round(x, COORD_DECIMALS)},{round(y, COORD_DECIMALS)}]}}'
