"""Checks that collect every problem in a table or layer, with file, row, field and values.

Each ``validate_*`` returns the rows that passed, typed, and the list of problems; the
caller decides whether any problem is fatal (:func:`geo.errors.raise_if`).
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Final

import geopandas as gpd
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from geo import settings
from geo.errors import Notice, Phrase, Problem, in_lang, phrase, shown
from geo.frames import add_notices, rename_typed_cells, spreadsheet_rows, typed_cells
from geo.numbers import read_number_column

ID_PATTERN: Final[re.Pattern[str]] = re.compile(r"^[a-z0-9][a-z0-9-]*$")
#: A figure as machines write it (1650, 1650.5); people's ways are read by :mod:`geo.numbers`.
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
#: Optional site columns, with the value an absent or empty cell takes.
SITE_OPTIONAL: Final[dict[str, str]] = {
    "zone_id": "",
    "site_id": "",
    "placement": "point",
    "precision": "surveyed",
}
#: How a site's marker was placed: ``point`` given coordinates, ``park`` inside a named park
#: (position indicative), ``area`` anywhere in a generic area.
PLACEMENTS: Final[tuple[str, ...]] = ("point", "park", "area")

#: What an id must be, for messages.
_ID_EXPECTED: Final[Phrase] = phrase(
    "lower-case letters, digits and '-'", "chữ thường không dấu, chữ số và '-'"
)
#: What an empty required cell is, for messages.
_EMPTY: Final[Phrase] = phrase("an empty cell", "một ô trống")

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
    listed = ", ".join(f"`{c}`" for c in missing)
    expected = (
        phrase("columns {c}", "các cột {c}", c=listed)
        if len(missing) > 1
        else phrase("column {c}", "cột {c}", c=listed)
    )
    found = (
        phrase("columns {c}", "các cột {c}", c=", ".join(f"`{c}`" for c in columns))
        if columns
        else phrase("no columns", "không có cột nào")
    )
    return [Problem(source, "", "", expected, found)]


def _no_records(source: str, table: bool) -> list[Problem]:
    """The problem of a file with nothing below its header: it would be used for nothing."""
    if table:
        return [
            Problem(
                source,
                "",
                "",
                phrase("at least one row below the header", "ít nhất một dòng dưới dòng tiêu đề"),
                phrase("no rows", "không có dòng nào"),
            )
        ]
    return [
        Problem(
            source,
            "",
            "",
            phrase("at least one feature", "ít nhất một đối tượng"),
            phrase("no features", "không có đối tượng nào"),
        )
    ]


def normalise_header(text: str) -> str:
    """A header as compared with names and aliases: NFC, any case, spaces collapsed.

    ``"  Tên  Dự án "`` typed in NFD (letters and tone marks apart, as macOS and some
    Windows tools write) compares equal to ``"tên dự án"``.
    """
    return " ".join(unicodedata.normalize("NFC", str(text)).casefold().split())


#: Names a sites table may give its coordinates, mapped to ours (WGS84 degrees).
COORDINATE_ALIASES: Final[dict[str, str]] = {
    "kinh độ": "lon",
    "vĩ độ": "lat",
    "longitude": "lon",
    "latitude": "lat",
}


def coordinate_columns(frame: pd.DataFrame) -> dict[str, list[str]]:
    """The columns a sites table gives for ``lon`` and for ``lat``: our names and aliases."""
    given: dict[str, list[str]] = {"lon": [], "lat": []}
    for column in frame.columns:
        key = normalise_header(column)
        name = key if key in given else COORDINATE_ALIASES.get(key)
        if name is not None:
            given[name].append(str(column))
    return given


def rename_coordinates(frame: pd.DataFrame) -> pd.DataFrame:
    """``Kinh độ``/``Vĩ độ`` (or ``longitude``/``latitude``, any case) as ``lon``/``lat``,
    unless the table already has a column of our name."""
    mapping: dict[str, str] = {}
    for column in frame.columns:
        name = COORDINATE_ALIASES.get(normalise_header(column))
        if name is not None and name not in frame.columns and name not in mapping.values():
            mapping[column] = name
    return rename_typed_cells(frame.rename(columns=mapping), mapping)


#: :data:`HEADER_ALIASES` and our own column names, keyed as :func:`normalise_header` writes.
_HEADER_LOOKUP: Final[dict[str, str]] = {
    **{normalise_header(name): name for name in (*PROJECT_REQUIRED, *PROJECT_OPTIONAL)},
    **{normalise_header(alias): name for alias, name in HEADER_ALIASES.items()},
}


def rename_aliases(frame: pd.DataFrame) -> pd.DataFrame:
    """Map known Vietnamese headers (any case, NFC or NFD, extra spaces) to our column names.

    A header that is already one of our names is left as it is, so an alias never
    shadows a column that was given under our own name.
    """
    mapping: dict[str, str] = {}
    for column in frame.columns:
        name = _HEADER_LOOKUP.get(normalise_header(column))
        if name is not None and name != column and name not in frame.columns and name not in mapping.values():
            mapping[column] = name
    return rename_typed_cells(frame.rename(columns=mapping), mapping)


#: What the table readers add to a repeated header ("x.1", "x.2"), as pandas does.
_REPEAT_SUFFIX: Final[re.Pattern[str]] = re.compile(r"\.\d+$")


def _repeated_columns(columns: list[str], source: str) -> list[Problem]:
    """A problem for each of our columns given twice (by its name or a Vietnamese alias).

    Only one could be read, and which one the user meant cannot be told: e.g. a total
    capital beside "of which: the state's", both headed "Vốn đầu tư".
    """
    given: dict[str, list[str]] = {}
    for column in columns:
        base = _REPEAT_SUFFIX.sub("", column)
        name = _HEADER_LOOKUP.get(normalise_header(base if base in columns else column))
        if name is not None:
            given.setdefault(name, []).append(column)
    return [
        Problem(
            source,
            "",
            name,
            phrase("the column once", "cột này một lần"),
            phrase(
                "{n} columns for it: {c}",
                "{n} cột cho nó: {c}",
                n=len(headers),
                c=", ".join(f"`{_REPEAT_SUFFIX.sub('', h)}`" for h in headers),
            ),
        )
        for name, headers in given.items()
        if len(headers) > 1
    ]


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
                    phrase(
                        "a unique id (already used in {first})",
                        "một mã không trùng (đã dùng ở {first_vi})",
                        first=first[value],
                        first_vi=in_lang(first[value], "vi"),
                    ),
                    shown(value),
                )
            )
        else:
            first[value] = place
    return problems


#: What each value of an enumerated column means, in Vietnamese, for messages: the file must
#: hold the value itself (an id, shown in backticks), the gloss says which one the user means.
_CHOICES_VI: Final[dict[str, dict[str, str]]] = {
    "sector": {
        "mechanical": "cơ khí",
        "electronics": "điện tử – tin học",
        "textiles": "dệt may – da giày",
        "ceramics": "sứ vệ sinh",
    },
    "kind": {
        "province": "tỉnh",
        "district": "huyện/thành phố",
        "coastal_zone": "vùng ven biển",
        "cluster_area": "cụm công nghiệp các huyện",
        "park": "khu công nghiệp",
    },
    "precision": {
        "surveyed": "ranh giới đo đạc",
        "official": "ranh giới hành chính",
        "indicative": "minh họa",
        "unspecified": "chưa xác định",
    },
    "placement": {
        "point": "đúng tọa độ đã cho",
        "park": "trong khu công nghiệp đã nêu",
        "area": "ở đâu đó trong vùng",
    },
    "site_mode": {
        "single": "một địa điểm",
        "joint": "cùng lúc ở mọi địa điểm",
        "alternatives": "một trong các địa điểm",
    },
}


def _choices(allowed: tuple[str, ...], field: str) -> Phrase:
    """``one of a, b, c`` / ``một trong `a` (nghĩa), …``: the values a column may hold."""
    glosses = _CHOICES_VI.get(field, {})
    vietnamese = ", ".join(
        f"`{value}` ({glosses[value]})" if value in glosses else f"`{value}`" for value in allowed
    )
    return phrase("one of {v}", "một trong {v_vi}", v=", ".join(allowed), v_vi=vietnamese)


def _choice(value: str, allowed: tuple[str, ...], source: str, place: str, field: str) -> list[Problem]:
    if value in allowed:
        return []
    return [Problem(source, place, field, _choices(allowed, field), shown(value))]


def _parse_capital(
    texts: list[str], source: str, places: list[str], typed: list[bool]
) -> tuple[list[float], list[list[Problem]], Notice | None]:
    """Read the capital column as people write it (``1.650``, ``1,650.5``, ``1 650 tỷ đồng``).

    The number format is decided for the whole column (:mod:`geo.numbers`); the notice
    says which was used whenever it mattered, so ``1.650`` is never read one way silently.

    Returns
    -------
    values, problems, notice
        One value (``nan`` if unreadable) and one list of problems per cell, and the notice.
    """
    expected = phrase(
        "a number of billion VND, 0 or more (e.g. 1650, 1.650 or 1.650,5)",
        "một số tỷ đồng, từ 0 trở lên (ví dụ 1650, 1.650 hoặc 1.650,5)",
    )
    column = read_number_column(
        texts, source=source, field="capital_bn_vnd", places=places, expected=expected, typed=typed
    )
    values: list[float] = []
    problems: list[list[Problem]] = []
    for text, place, value, found in zip(texts, places, column.values, column.problems, strict=True):
        if value < 0:
            values.append(math.nan)
            problems.append([Problem(source, place, "capital_bn_vnd", expected, shown(text))])
        else:
            values.append(value)
            problems.append(list(found))
    return values, problems, column.notice


def validate_projects(frame: pd.DataFrame, source: str) -> tuple[pd.DataFrame, list[Problem]]:
    """Check a priority list; return its valid rows with typed capital and defaults filled."""
    repeated = _repeated_columns([str(c) for c in frame.columns], source)
    if repeated:
        return pd.DataFrame(columns=[*PROJECT_REQUIRED, *PROJECT_OPTIONAL]), repeated
    frame = rename_aliases(frame)
    problems = _missing_columns(list(frame.columns), PROJECT_REQUIRED, source)
    if not problems and frame.empty:
        problems = _no_records(source, True)
    if problems:
        return pd.DataFrame(columns=[*PROJECT_REQUIRED, *PROJECT_OPTIONAL]), problems
    frame = frame.copy()
    for column in PROJECT_OPTIONAL:
        if column not in frame:
            frame[column] = ""
    frame = frame.astype(str).apply(lambda col: col.str.strip())
    # The spreadsheet's own row numbers, even with a title above the header.
    places = [_row(n - 2) for n in spreadsheet_rows(frame)]
    problems += _duplicates(frame["project_id"], places, source, "project_id")
    capital_values, capital_problems, capital_notice = _parse_capital(
        list(frame["capital_bn_vnd"]), source, places, typed_cells(frame, "capital_bn_vnd")
    )
    capitals, good, modes, zone_texts = [], [], [], []
    # Plain dicts, not iterrows: a national list has tens of thousands of rows.
    for place, row, capital, bad in zip(
        places, frame.to_dict("records"), capital_values, capital_problems, strict=True
    ):
        found: list[Problem] = []
        if not ID_PATTERN.match(row["project_id"]):
            found.append(
                Problem(
                    source,
                    place,
                    "project_id",
                    _ID_EXPECTED,
                    shown(row["project_id"]),
                )
            )
        found += _choice(row["sector"], settings.SECTORS, source, place, "sector")
        found += _choice(row["phase"], settings.PHASES, source, place, "phase")
        if row["name_vi"] == "":
            found.append(Problem(source, place, "name_vi", phrase("a project name", "tên dự án"), _EMPTY))
        found += bad
        zone_ids = [z.strip() for z in row["site_zone_ids"].split(";") if z.strip()]
        if not zone_ids:
            found.append(
                Problem(
                    source,
                    place,
                    "site_zone_ids",
                    phrase("zone ids separated by ';'", "các mã khu, cách nhau bằng ';'"),
                    _EMPTY,
                )
            )
        repeated = sorted({z for z in zone_ids if zone_ids.count(z) > 1})
        if repeated:
            # `full` would count the zone's capital twice and `split` give it two shares.
            found.append(
                Problem(
                    source,
                    place,
                    "site_zone_ids",
                    phrase("each zone at most once", "mỗi khu nhiều nhất một lần"),
                    phrase("{z} twice", "{z} hai lần", z=", ".join(shown(z) for z in repeated)),
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
                    phrase(
                        "'joint' or 'alternatives' for several sites",
                        "`joint` hoặc `alternatives` khi có nhiều địa điểm",
                    ),
                    "'single'",
                )
            )
        if row["plants"] and not row["plants"].isdigit():
            found.append(
                Problem(
                    source,
                    place,
                    "plants",
                    phrase("a whole number or an empty cell", "một số nguyên hoặc ô trống"),
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
    if not clean.empty and not (clean["capital_bn_vnd"] > 0).any():
        # Colour scale, share of the plan and capital slider all divide by the plan's total.
        problems.append(
            Problem(
                source,
                "",
                "capital_bn_vnd",
                phrase("some capital above 0 in the list", "ít nhất một dự án có vốn lớn hơn 0"),
                phrase("{n} rows, all 0", "{n} dòng, tất cả bằng 0", n=len(clean)),
            )
        )
        clean = clean.iloc[0:0]
    # What the readers decided (encoding, number format) travels with the rows: notices_of(clean).
    add_notices(clean, [capital_notice])
    return clean, problems


#: Geometry types as messages name them, per language.
_GEOMETRY_VI: Final[dict[str, str]] = {
    "Point": "điểm (Point)",
    "MultiPoint": "nhiều điểm (MultiPoint)",
    "LineString": "đường (LineString)",
    "MultiLineString": "nhiều đường (MultiLineString)",
    "Polygon": "vùng (Polygon)",
    "MultiPolygon": "vùng nhiều phần (MultiPolygon)",
    "GeometryCollection": "tập hợp hình học (GeometryCollection)",
}
#: GEOS's reasons for an invalid geometry (:func:`shapely.is_valid_reason`), in Vietnamese.
_INVALID_VI: Final[dict[str, str]] = {
    "Self-intersection": "tự cắt nhau",
    "Ring Self-intersection": "vòng ranh giới tự cắt nhau",
    "Too few points in geometry component": "quá ít điểm trong một phần hình học",
    "Hole lies outside shell": "lỗ thủng nằm ngoài ranh giới ngoài",
    "Nested holes": "lỗ thủng lồng nhau",
    "Interior is disconnected": "phần trong bị tách rời",
    "Nested shells": "các ranh giới ngoài lồng nhau",
    "Duplicate Rings": "các vòng ranh giới trùng nhau",
    "Invalid Coordinate": "tọa độ không hợp lệ",
    "Ring is not closed": "vòng ranh giới không khép kín",
}


def _geometry_type(name: str) -> Phrase:
    """A geometry type as found, e.g. ``LineString`` / ``đường (LineString)``."""
    return Phrase(name, _GEOMETRY_VI.get(name, name))


def _invalid_reason(reason: str) -> Phrase:
    """GEOS's reason (``Self-intersection[106.335 20.495]``) with its Vietnamese wording."""
    words, _, at = reason.partition("[")
    vietnamese = _INVALID_VI.get(words.strip())
    if vietnamese is None:
        # A reason GEOS may add one day: its own words, quoted.
        return Phrase(reason, f"`{reason}`")
    return Phrase(reason, vietnamese + (" [" + vi_decimals(at) if at else ""))


def vi_decimals(text: str) -> str:
    """``text`` with the decimal points of its numbers written as Vietnamese does (``,``)."""
    return re.sub(r"(?<=\d)\.(?=\d)", ",", text)


def _kinds(kinds: tuple[str, ...]) -> Phrase:
    return Phrase(" or ".join(kinds), " hoặc ".join(_GEOMETRY_VI.get(k, k) for k in kinds))


def _geometry_problems(
    geometry: BaseGeometry | None, kinds: tuple[str, ...], source: str, place: str
) -> list[Problem]:
    if geometry is None or not isinstance(geometry, BaseGeometry):
        return [Problem(source, place, "geometry", _kinds(kinds), phrase("no geometry", "không có hình học"))]
    if geometry.geom_type not in kinds:
        return [Problem(source, place, "geometry", _kinds(kinds), _geometry_type(geometry.geom_type))]
    if geometry.is_empty:
        return [
            Problem(
                source,
                place,
                "geometry",
                phrase(
                    "a non-empty {kind}",
                    "một {kind_vi} không rỗng",
                    kind=kinds[0],
                    kind_vi=_GEOMETRY_VI.get(kinds[0], kinds[0]),
                ),
                phrase("an empty geometry", "một hình học rỗng"),
            )
        ]
    if not geometry.is_valid:
        reason = shapely.is_valid_reason(geometry)
        return [
            Problem(
                source,
                place,
                "geometry",
                phrase("a valid geometry (no self-intersection)", "một hình học hợp lệ (không tự cắt nhau)"),
                # GEOS's own words, e.g. "Self-intersection[106.335 20.495]", and their Vietnamese.
                _invalid_reason(reason),
            )
        ]
    return _bounds_problems(geometry, source, place)


def _bounds_problems(geometry: BaseGeometry, source: str, place: str) -> list[Problem]:
    """A problem when ``geometry`` leaves the area the plan covers (:func:`settings.bounds`).

    The bundled plan covers the province; another data set (``PLAN_DATA_DIR``) all of
    Viet Nam. The found part guesses the usual cause: swapped axes or metres without a CRS.
    """
    minx, miny, maxx, maxy = geometry.bounds
    west, south, east, north = settings.bounds()
    if west <= minx and maxx <= east and south <= miny and maxy <= north:
        return []
    province = (west, south, east, north) == settings.PROVINCE_BOUNDS
    area_en, area_vi = ("the province", "tỉnh") if province else ("Viet Nam", "Việt Nam")
    expected = phrase(
        "coordinates within lon {west}–{east}, lat {south}–{north} ({area})",
        "tọa độ trong khoảng kinh độ {west}–{east}, vĩ độ {south}–{north} ({area_vi})",
        west=west,
        east=east,
        south=south,
        north=north,
        area="Thái Bình" if province else "Viet Nam",
        area_vi="Thái Bình" if province else "Việt Nam",
    )
    if south <= minx <= north and west <= miny <= east:
        hint = phrase(
            "lon={x:.4f}, lat={y:.4f}: latitude and longitude swapped?",
            "kinh độ={x:.4f}, vĩ độ={y:.4f}: vĩ độ và kinh độ bị đảo chỗ?",
            x=minx,
            y=miny,
        )
    elif max(abs(minx), abs(maxx)) > 180 or max(abs(miny), abs(maxy)) > 90:
        hint = phrase(
            "x={x:.0f}, y={y:.0f}: metres with no CRS declared?",
            "x={x:.0f}, y={y:.0f}: tọa độ mét mà không khai báo hệ tọa độ?",
            x=minx,
            y=miny,
        )
    elif (minx, miny) == (maxx, maxy):  # a point: one place, not a range
        hint = phrase(
            "lon {x:.4f}, lat {y:.4f}: outside {area}",
            "kinh độ {x:.4f}, vĩ độ {y:.4f}: nằm ngoài {area_vi}",
            x=minx,
            y=miny,
            area=area_en,
            area_vi=area_vi,
        )
    else:
        hint = phrase(
            "lon {x0:.4f}–{x1:.4f}, lat {y0:.4f}–{y1:.4f}: outside {area}",
            "kinh độ {x0:.4f}–{x1:.4f}, vĩ độ {y0:.4f}–{y1:.4f}: nằm ngoài {area_vi}",
            x0=minx,
            x1=maxx,
            y0=miny,
            y1=maxy,
            area=area_en,
            area_vi=area_vi,
        )
    return [Problem(source, place, "geometry", _vi_numbers(expected), _vi_numbers(hint))]


def _vi_numbers(message: Phrase) -> Phrase:
    """``message`` whose Vietnamese wording writes decimals with a comma (105,9 not 105.9)."""
    return Phrase(str(message), vi_decimals(message.vi))


def _text_frame(frame: gpd.GeoDataFrame, columns: tuple[str, ...]) -> gpd.GeoDataFrame:
    frame = frame.copy()
    for column in columns:
        if column in frame:
            frame[column] = frame[column].fillna("").astype(str).str.strip()
    return frame


#: Zone columns an upload may leave out for a zone that already exists: taken from it.
ZONE_INHERITED: Final[tuple[str, ...]] = ("kind", "name_vi", "precision")


def _inherit(frame: gpd.GeoDataFrame, known: gpd.GeoDataFrame | None) -> gpd.GeoDataFrame:
    """Fill the empty or absent ``kind``, ``name_vi`` and ``precision`` of known zones.

    An uploaded outline keeps the existing zone's precision unless the file states one:
    ``surveyed`` is a claim only the file can make.
    """
    if known is None or "zone_id" not in frame:
        return frame
    frame = frame.copy()
    ids = frame["zone_id"].fillna("").astype(str).str.strip()
    existing = known.drop_duplicates("zone_id").set_index("zone_id")
    for column in ZONE_INHERITED:
        if column not in frame and not ids.isin(existing.index).all():
            continue  # a new zone needs the column: told as a missing column
        given = (
            frame[column].fillna("").astype(str).str.strip()
            if column in frame
            else pd.Series("", index=frame.index)
        )
        fallback = ids.map(existing[column]).fillna("")
        frame[column] = given.where(given != "", fallback)
    return frame


def validate_zones(
    frame: gpd.GeoDataFrame, source: str, known: gpd.GeoDataFrame | None = None
) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Check a zone layer: ids, kinds, precision and polygons.

    With ``known`` (the zones in place), a feature whose ``zone_id`` is a known zone may
    leave ``kind``, ``name_vi`` and ``precision`` out: they are taken from that zone.
    """
    if frame.empty:
        # GDAL knows a GeoJSON's columns only from its features: say what is missing.
        return frame.iloc[0:0], _no_records(source, False)
    frame = _inherit(frame, known)
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
                    _ID_EXPECTED,
                    shown(row["zone_id"]),
                )
            )
        found += _choice(row["kind"], settings.ZONE_KINDS, source, place, "kind")
        found += _choice(row["precision"], settings.PRECISIONS, source, place, "precision")
        if row["name_vi"] == "":
            found.append(Problem(source, place, "name_vi", phrase("a zone name", "tên khu"), _EMPTY))
        found += _geometry_problems(row.geometry, ("Polygon", "MultiPolygon"), source, place)
        good.append(not found)
        problems += found
    if "name_en" not in frame:
        frame["name_en"] = frame["name_vi"]
    clean = frame[good].drop_duplicates("zone_id").reset_index(drop=True)
    return clean, problems


def validate_sites(frame: gpd.GeoDataFrame, source: str) -> tuple[gpd.GeoDataFrame, list[Problem]]:
    """Check a site layer: a project id and a point in the province for every feature."""
    if frame.empty:
        return frame.iloc[0:0], _no_records(source, source.lower().endswith((".csv", ".xlsx")))
    problems = _missing_columns([c for c in frame.columns if c != frame.geometry.name], SITE_REQUIRED, source)
    if problems:
        return frame.iloc[0:0], problems
    frame = _text_frame(frame, ("project_id", "zone_id", "site_id", "placement", "precision"))
    for column, default in SITE_OPTIONAL.items():
        if column not in frame:
            frame[column] = default
        frame.loc[frame[column] == "", column] = default
    missing_id = frame["site_id"] == ""
    frame.loc[missing_id, "site_id"] = [
        f"{p}@{i + 1}"
        for i, p in zip(frame.index[missing_id], frame.loc[missing_id, "project_id"], strict=True)
    ]
    places = [record_place(source, i) for i in range(len(frame))]
    problems += _duplicates(frame["site_id"], places, source, "site_id")
    good = []
    for place, project_id, placement, precision, point in zip(
        places, frame["project_id"], frame["placement"], frame["precision"], frame.geometry, strict=True
    ):
        found: list[Problem] = []
        # The map draws and explains each site by these two: refuse what it cannot show.
        found += _choice(placement, PLACEMENTS, source, place, "placement")
        found += _choice(precision, settings.PRECISIONS, source, place, "precision")
        if project_id == "":
            found.append(
                Problem(
                    source, place, "project_id", phrase("the id of a project", "mã của một dự án"), _EMPTY
                )
            )
        if (
            isinstance(point, shapely.Point)
            and not point.is_empty
            and (math.isnan(point.x) or math.isnan(point.y))
        ):
            found.append(
                Problem(
                    source,
                    place,
                    "lon/lat",
                    phrase("numbers (WGS84 degrees)", "các số (độ, WGS84)"),
                    phrase("empty or text", "ô trống hoặc chữ"),
                )
            )
        else:
            found += _geometry_problems(point, ("Point",), source, place)
        good.append(not found)
        problems += found
    clean = frame[good].drop_duplicates("site_id").reset_index(drop=True)
    return clean, problems
