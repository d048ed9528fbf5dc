"""Checks that collect every problem in a table or layer, with file, row, field and values.

Each ``validate_*`` returns the rows that passed, typed, and the list of problems; the
caller decides whether any problem is fatal (:func:`geo.errors.raise_if`).
"""

from __future__ import annotations

import math
import re
from typing import Final

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from geo import settings
from geo.errors import Problem, phrase, shown

ID_PATTERN: Final[re.Pattern[str]] = re.compile(r"^[a-z0-9][a-z0-9-]*$")
NUMBER_PATTERN: Final[re.Pattern[str]] = re.compile(r"^-?\d+(\.\d+)?$")

PROJECT_REQUIRED: Final[tuple[str, ...]] = (
    "project_id",
    "sector",
    "phase",
    "name_vi",
    "capital_bn_vnd",
    "site_zone_ids",
)
PROJECT_OPTIONAL: Final[tuple[str, ...]] = (
    "printed_no",
    "name_vi_printed",
    "name_en",
    "capital_printed",
    "site_printed",
    "site_vi",
    "site_en",
    "site_mode",
    "notes_vi",
    "notes_en",
    "plants",
)
ZONE_REQUIRED: Final[tuple[str, ...]] = ("zone_id", "kind", "name_vi", "precision")
SITE_REQUIRED: Final[tuple[str, ...]] = ("project_id",)

#: Column names a spreadsheet in Vietnamese may use, mapped to ours.
HEADER_ALIASES: Final[dict[str, str]] = {
    "mã dự án": "project_id",
    "lĩnh vực": "sector",
    "ngành": "sector",
    "giai đoạn": "phase",
    "tên dự án": "name_vi",
    "vốn đầu tư (tỷ đồng)": "capital_bn_vnd",
    "vốn đầu tư": "capital_bn_vnd",
    "mã khu": "site_zone_ids",
    "ghi chú": "notes_vi",
}


def _row(index: int) -> str:
    # Header is row 1 of the file, so the first record is row 2: what a spreadsheet shows.
    return phrase("row {n}", "dòng {n}", n=index + 2)


def _feature(index: int) -> str:
    return phrase("feature {n}", "đối tượng {n}", n=index + 1)


def record_place(source: str, index: int) -> str:
    """Where record ``index`` (0-based) of ``source`` is: a row of a table, or a feature."""
    return _row(index) if source.lower().endswith((".csv", ".xlsx")) else _feature(index)


def _missing_columns(columns: list[str], required: tuple[str, ...], source: str) -> list[Problem]:
    missing = [c for c in required if c not in columns]
    if not missing:
        return []
    return [
        Problem(
            source,
            "",
            "",
            f"column{'s' if len(missing) > 1 else ''} " + ", ".join(f"`{c}`" for c in missing),
            "columns " + ", ".join(f"`{c}`" for c in columns) if columns else "no columns",
        )
    ]


def rename_aliases(frame: pd.DataFrame) -> pd.DataFrame:
    """Map known Vietnamese headers to the column names used here."""
    mapping = {
        c: HEADER_ALIASES[c.strip().lower()] for c in frame.columns if c.strip().lower() in HEADER_ALIASES
    }
    return frame.rename(columns=mapping)


def _duplicates(values: pd.Series, where: list[str], source: str, field: str) -> list[Problem]:
    problems = []
    first: dict[str, str] = {}
    for value, place in zip(values, where, strict=True):
        if value == "":
            continue
        if value in first:
            problems.append(
                Problem(
                    source,
                    place,
                    field,
                    f"a unique id (already used in {first[value]})",
                    shown(value),
                )
            )
        else:
            first[value] = place
    return problems


def _choice(value: str, allowed: tuple[str, ...], source: str, place: str, field: str) -> list[Problem]:
    if value in allowed:
        return []
    return [Problem(source, place, field, "one of " + ", ".join(allowed), shown(value))]


def _parse_capital(text: str, source: str, place: str) -> tuple[float, list[Problem]]:
    stripped = text.strip()
    expected = "a number of billion VND, 0 or more, digits only (e.g. 1650)"
    if not NUMBER_PATTERN.match(stripped):
        found = "an empty cell" if stripped == "" else shown(text)
        return math.nan, [Problem(source, place, "capital_bn_vnd", expected, found)]
    value = float(stripped)
    if value < 0:
        return math.nan, [Problem(source, place, "capital_bn_vnd", expected, shown(text))]
    return value, []


def validate_projects(frame: pd.DataFrame, source: str) -> tuple[pd.DataFrame, list[Problem]]:
    """Check a priority list; return its valid rows with typed capital and defaults filled."""
    frame = rename_aliases(frame)
    problems = _missing_columns(list(frame.columns), PROJECT_REQUIRED, source)
    if problems:
        return pd.DataFrame(columns=[*PROJECT_REQUIRED, *PROJECT_OPTIONAL]), problems
    frame = frame.copy()
    for column in PROJECT_OPTIONAL:
        if column not in frame:
            frame[column] = ""
    frame = frame.astype(str).apply(lambda col: col.str.strip())
    places = [_row(i) for i in range(len(frame))]
    problems += _duplicates(frame["project_id"], places, source, "project_id")
    capitals, good, modes, zone_texts = [], [], [], []
    # Plain dicts, not iterrows: a national list has tens of thousands of rows.
    for place, row in zip(places, frame.to_dict("records"), strict=True):
        found: list[Problem] = []
        if not ID_PATTERN.match(row["project_id"]):
            found.append(
                Problem(
                    source,
                    place,
                    "project_id",
                    "lower-case letters, digits and '-'",
                    shown(row["project_id"]),
                )
            )
        found += _choice(row["sector"], settings.SECTORS, source, place, "sector")
        found += _choice(row["phase"], settings.PHASES, source, place, "phase")
        if row["name_vi"] == "":
            found.append(Problem(source, place, "name_vi", "a project name", "an empty cell"))
        capital, bad = _parse_capital(row["capital_bn_vnd"], source, place)
        found += bad
        zone_ids = [z.strip() for z in row["site_zone_ids"].split(";") if z.strip()]
        if not zone_ids:
            found.append(
                Problem(
                    source,
                    place,
                    "site_zone_ids",
                    "zone ids separated by ';'",
                    "an empty cell",
                )
            )
        mode = row["site_mode"] or ("single" if len(zone_ids) == 1 else "joint")
        found += _choice(mode, settings.SITE_MODES, source, place, "site_mode")
        if mode == "single" and len(zone_ids) > 1:
            found.append(
                Problem(
                    source,
                    place,
                    "site_mode",
                    "'joint' or 'alternatives' for several sites",
                    "'single'",
                )
            )
        if row["plants"] and not row["plants"].isdigit():
            found.append(
                Problem(
                    source,
                    place,
                    "plants",
                    "a whole number or an empty cell",
                    shown(row["plants"]),
                )
            )
        modes.append(mode)
        zone_texts.append(";".join(zone_ids))
        capitals.append(capital)
        good.append(not found)
        problems += found
    frame["capital_bn_vnd"] = capitals
    frame["site_mode"] = modes
    frame["site_zone_ids"] = zone_texts
    frame.loc[frame["name_en"] == "", "name_en"] = frame["name_vi"]
    clean = frame[good].drop_duplicates("project_id").reset_index(drop=True)
    return clean, problems


def _geometry_problems(
    geometry: BaseGeometry | None, kinds: tuple[str, ...], source: str, place: str
) -> list[Problem]:
    if geometry is None or not isinstance(geometry, BaseGeometry):
        return [Problem(source, place, "geometry", " or ".join(kinds), "no geometry")]
    if geometry.geom_type not in kinds:
        return [Problem(source, place, "geometry", " or ".join(kinds), geometry.geom_type)]
    if geometry.is_empty:
        return [
            Problem(
                source,
                place,
                "geometry",
                f"a non-empty {kinds[0]}",
                "an empty geometry",
            )
        ]
    if not geometry.is_valid:
        reason = shapely.is_valid_reason(geometry)
        return [
            Problem(
                source,
                place,
                "geometry",
                "a valid geometry (no self-intersection)",
                reason,
            )
        ]
    return _bounds_problems(geometry, source, place)


def _bounds_problems(geometry: BaseGeometry, source: str, place: str) -> list[Problem]:
    minx, miny, maxx, maxy = geometry.bounds
    west, south, east, north = settings.bounds()
    if west <= minx and maxx <= east and south <= miny and maxy <= north:
        return []
    area = "Thái Bình" if (west, south, east, north) == settings.PROVINCE_BOUNDS else "Viet Nam"
    expected = f"coordinates within lon {west}–{east}, lat {south}–{north} ({area})"
    if south <= minx <= north and west <= miny <= east:
        hint = f"lon={minx:.4f}, lat={miny:.4f}: latitude and longitude swapped?"
    elif max(abs(minx), abs(maxx)) > 180 or max(abs(miny), abs(maxy)) > 90:
        hint = f"x={minx:.0f}, y={miny:.0f}: metres with no CRS declared?"
    else:
        hint = f"lon {minx:.4f}–{maxx:.4f}, lat {miny:.4f}–{maxy:.4f}: outside the province"
    return [Problem(source, place, "geometry", expected, hint)]


def _text_frame(frame: gpd.GeoDataFrame, columns: tuple[str, ...]) -> gpd.GeoDataFrame:
    frame = frame.copy()
    for column in columns:
        if column in frame:
            frame[column] = frame[column].fillna("").astype(str).str.strip()
    return frame


def validate_zones(frame: gpd.GeoDataFrame, source: str) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Check a zone layer: ids, kinds, precision and polygons."""
    problems = _missing_columns([c for c in frame.columns if c != frame.geometry.name], ZONE_REQUIRED, source)
    if problems:
        return frame.iloc[0:0], problems
    frame = _text_frame(frame, (*ZONE_REQUIRED, "name_en", "district_id"))
    places = [_feature(i) for i in range(len(frame))]
    problems += _duplicates(frame["zone_id"], places, source, "zone_id")
    good = []
    for place, (_, row) in zip(places, frame.iterrows(), strict=True):
        found: list[Problem] = []
        if not ID_PATTERN.match(row["zone_id"]):
            found.append(
                Problem(
                    source,
                    place,
                    "zone_id",
                    "lower-case letters, digits and '-'",
                    shown(row["zone_id"]),
                )
            )
        found += _choice(row["kind"], settings.ZONE_KINDS, source, place, "kind")
        found += _choice(row["precision"], settings.PRECISIONS, source, place, "precision")
        if row["name_vi"] == "":
            found.append(Problem(source, place, "name_vi", "a zone name", "an empty cell"))
        found += _geometry_problems(row.geometry, ("Polygon", "MultiPolygon"), source, place)
        good.append(not found)
        problems += found
    if "name_en" not in frame:
        frame["name_en"] = frame["name_vi"]
    clean = frame[good].drop_duplicates("zone_id").reset_index(drop=True)
    return clean, problems


def validate_sites(frame: gpd.GeoDataFrame, source: str) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Check a site layer: a project id and a point in the province for every feature."""
    problems = _missing_columns([c for c in frame.columns if c != frame.geometry.name], SITE_REQUIRED, source)
    if problems:
        return frame.iloc[0:0], problems
    frame = _text_frame(frame, ("project_id", "zone_id", "site_id", "placement", "precision"))
    for column, default in (
        ("zone_id", ""),
        ("site_id", ""),
        ("placement", "point"),
        ("precision", "surveyed"),
    ):
        if column not in frame:
            frame[column] = default
    missing_id = frame["site_id"] == ""
    frame.loc[missing_id, "site_id"] = [
        f"{p}@{i + 1}"
        for i, p in zip(frame.index[missing_id], frame.loc[missing_id, "project_id"], strict=True)
    ]
    places = [record_place(source, i) for i in range(len(frame))]
    problems += _duplicates(frame["site_id"], places, source, "site_id")
    good = []
    for place, project_id, point in zip(places, frame["project_id"], frame.geometry, strict=True):
        found: list[Problem] = []
        if project_id == "":
            found.append(Problem(source, place, "project_id", "the id of a project", "an empty cell"))
        if (
            isinstance(point, shapely.Point)
            and not point.is_empty
            and (math.isnan(point.x) or math.isnan(point.y))
        ):
            found.append(Problem(source, place, "lon/lat", "numbers (WGS84 degrees)", "empty or text"))
        else:
            found += _geometry_problems(point, ("Point",), source, place)
        good.append(not found)
        problems += found
    clean = frame[good].drop_duplicates("site_id").reset_index(drop=True)
    return clean, problems
