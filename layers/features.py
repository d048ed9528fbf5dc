"""GeoJSON feature collections as JSON text, and the escaped HTML of tooltips and popups."""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

import pandas as pd

from geo.stats import has_land_area
from layers.i18n import number, text

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


def per_ha_text(capital_bn_vnd: float, area_ha: float, row: Row, lang: str) -> str:
    """Capital per hectare of a zone (``row`` gives its kind and precision), or a dash that
    says why there is none (a district's or the province's area is not land for industry)."""
    kind, precision = str(row.get("kind", "")), str(row.get("precision", ""))
    if not has_land_area(kind, precision, float(area_ha)):
        return text("per_ha.none", lang)
    return f"{number(capital_bn_vnd / area_ha, lang, 2)} {text('unit.per_ha', lang)}"


#: "low (±2-3 km)": a confidence level the catalogue names, and the uncertainty beside it.
CONFIDENCE = re.compile(
    r"^\s*(high|medium-low|medium|low)\s*(?:\((±?)\s*([\d.,]+)(?:\s*[-–]\s*([\d.,]+))?\s*km\))?\s*$"
)


def local_value(row: Row, column: str, lang: str) -> str:
    """A zone's free-text fact (``developer``, ``status``, …) in ``lang``.

    The bundled zones carry a Vietnamese ``<column>_vi``; a user's zone may have only the
    one column, in whatever language its author wrote, which is then shown as written.
    """
    own = row.get(f"{column}_vi") if lang == "vi" else None
    value = own if own is not None and str(own).strip() and str(own) != "nan" else row.get(column)
    return "" if value is None or str(value) == "nan" else str(value).strip()


def sources_text(row: Row, lang: str) -> str:
    """Where a zone's facts come from, in ``lang``: its row sources, else its source."""
    return local_value(row, "sources", lang) or local_value(row, "source", lang)


def _km(value: str, lang: str) -> str:
    return value.replace(".", ",") if lang == "vi" else value.replace(",", ".")


def confidence_text(value: object, lang: str) -> str:
    """A location confidence ("low (±2-3 km)") worded in ``lang``: "thấp (±2–3 km)".

    Values outside the known levels (a user's own wording) are shown as written.
    """
    raw = "" if value is None or str(value) == "nan" else str(value).strip()
    match = CONFIDENCE.match(raw)
    if not match:
        return raw
    level, plus_minus, low, high = match.groups()
    worded = text(f"confidence.{level}", lang)
    if low is None:
        return worded
    span = _km(low, lang) + (f"–{_km(high, lang)}" if high else "")
    return f"{worded} ({plus_minus}{span} km)"
