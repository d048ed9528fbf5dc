"""What a layer file may be: the allow-list of formats, and the content check of each.

A file is opened only as what its name says. Before GDAL sees it, its content must be that
format (a ``.geojson`` is JSON with a GeoJSON ``type``; a ``.gpkg`` starts with SQLite's
header; a ``.fgb`` with FlatGeobuf's magic bytes; a ``.shp`` comes with its ``.shx``,
``.dbf`` and ``.prj``), and nothing in it may point elsewhere (a GeoJSON ``crs`` given as a
link, a GeoPackage virtual table). :mod:`geo.gdal` keeps GDAL to these four drivers.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Final
from urllib.parse import quote

from geo.errors import PlanDataError, Problem, phrase

#: GDAL driver for each layer file ending we accept.
DRIVERS: Final[dict[str, str]] = {
    ".geojson": "GeoJSON",
    ".json": "GeoJSON",
    ".gpkg": "GPKG",
    ".fgb": "FlatGeobuf",
    ".shp": "ESRI Shapefile",
}
#: Files a shapefile needs beside its ``.shp`` (the ``.prj`` gives its CRS).
SHAPEFILE_PARTS: Final[tuple[str, ...]] = (".shx", ".dbf", ".prj")
GEOJSON_TYPES: Final[frozenset[str]] = frozenset(
    {
        "FeatureCollection",
        "Feature",
        "Point",
        "MultiPoint",
        "LineString",
        "MultiLineString",
        "Polygon",
        "MultiPolygon",
        "GeometryCollection",
    }
)
#: A CRS named in a GeoJSON ``crs`` member: an OGC URN or an EPSG code, nothing to fetch.
CRS_NAME: Final[re.Pattern[str]] = re.compile(r"^(urn:ogc:def:crs:[A-Za-z0-9.:_-]+|EPSG:\d+)$", re.IGNORECASE)
SQLITE_HEADER: Final[bytes] = b"SQLite format 3\x00"
SHAPE_MAGIC: Final[bytes] = b"\x00\x00\x27\x0a"
#: SQLite virtual-table modules a GeoPackage may use: its spatial index.
GPKG_MODULES: Final[frozenset[str]] = frozenset({"rtree"})


@dataclass(frozen=True)
class Opening:
    """How to open a checked file: the path as GDAL should get it, and the layer to read."""

    source: str
    layer: str | None = None


def _refuse(name: str, expected: str, found: str) -> PlanDataError:
    return PlanDataError([Problem(name, "", "", expected, found)])


def _readable(what_en: str, what_vi: str) -> str:
    return phrase(
        "a readable vector layer ({what})",
        "một lớp dữ liệu không gian đọc được ({what_vi})",
        what=what_en,
        what_vi=what_vi,
    )


def check_layer(path: Path, name: str) -> Opening:
    """Check that ``path`` is what its ending says; return how to open it.

    Parameters
    ----------
    path
        The file on disk (a staged copy for an upload).
    name
        The file's name as the user knows it, for messages.

    Raises
    ------
    PlanDataError
        When the ending is not one we read, or the content is not that format.
    """
    suffix = path.suffix.lower()
    if suffix == ".geojson" or suffix == ".json":
        _check_geojson(path, name)
        # The prefix makes GDAL use this driver, whatever the content looks like.
        return Opening(f"GeoJSON:{path}")
    if suffix == ".gpkg":
        return Opening(str(path), _check_geopackage(path, name))
    if suffix == ".fgb":
        _check_flatgeobuf(path, name)
        return Opening(str(path))
    if suffix == ".shp":
        _check_shapefile(path, name)
        return Opening(str(path))
    raise _refuse(
        name,
        phrase(
            "a layer: .geojson, .json, .gpkg, .fgb, .shp or a zipped shapefile",
            "một lớp dữ liệu: .geojson, .json, .gpkg, .fgb, .shp hoặc shapefile nén .zip",
        ),
        repr(path.suffix),
    )


def _check_geojson(path: Path, name: str) -> None:
    expected = _readable(
        'GeoJSON: a JSON object with a GeoJSON "type"', 'GeoJSON: một đối tượng JSON có "type" GeoJSON'
    )
    try:
        document = json.loads(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise _refuse(name, expected, phrase("text that is not UTF-8", "văn bản không phải UTF-8")) from None
    except json.JSONDecodeError as exc:
        raise _refuse(
            name,
            expected,
            phrase(
                "not JSON ({detail})",
                "không phải JSON ({detail_vi})",
                detail=f"line {exc.lineno} column {exc.colno}",
                detail_vi=f"dòng {exc.lineno} cột {exc.colno}",
            ),
        ) from None
    kind = document.get("type") if isinstance(document, dict) else None
    if not isinstance(kind, str) or kind not in GEOJSON_TYPES:
        found = (
            phrase('"type" {kind}', '"type" là {kind}', kind=repr(kind))
            if isinstance(kind, str)
            else phrase('no GeoJSON "type"', 'không có "type" GeoJSON')
        )
        raise _refuse(name, expected, found)
    crs = document.get("crs")
    if crs is None:
        return
    crs_name = (
        crs.get("properties", {}).get("name") if isinstance(crs, dict) and crs.get("type") == "name" else None
    )
    if not (isinstance(crs_name, str) and CRS_NAME.match(crs_name)):
        shown_type = crs.get("type") if isinstance(crs, dict) else None
        raise _refuse(
            name,
            phrase(
                'a "crs" given by name (e.g. "urn:ogc:def:crs:EPSG::32648"), or none (WGS 84)',
                'một "crs" ghi bằng tên (ví dụ "urn:ogc:def:crs:EPSG::32648"), hoặc không có (WGS 84)',
            ),
            phrase(
                'a "crs" of type {kind} that is not a CRS name (links and files are not followed)',
                'một "crs" kiểu {kind} không phải tên hệ tọa độ (không mở liên kết hay tệp)',
                kind=repr(shown_type),
            ),
        )


def _check_geopackage(path: Path, name: str) -> str:
    expected = _readable("GeoPackage: an SQLite file", "GeoPackage: một tệp SQLite")
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise _refuse(name, expected, phrase("a file that is not SQLite", "một tệp không phải SQLite"))
    # Read-only and immutable: nothing is written beside the file, no journal is replayed.
    uri = f"file:{quote(str(path))}?mode=ro&immutable=1"
    try:
        with sqlite3.connect(uri, uri=True) as db:
            schema = db.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL").fetchall()
            layers = [
                row[0]
                for row in db.execute("SELECT table_name FROM gpkg_contents WHERE data_type = 'features'")
            ]
    except sqlite3.DatabaseError as exc:
        raise _refuse(
            name,
            expected,
            phrase(
                "an SQLite file that is not a GeoPackage ({detail})",
                "một tệp SQLite không phải GeoPackage (lỗi của SQLite: `{detail}`)",
                detail=str(exc),
            ),
        ) from None
    for table, sql in schema:
        module = re.match(r"\s*CREATE\s+VIRTUAL\s+TABLE\s+.*?\bUSING\s+(\w+)", sql, re.IGNORECASE | re.DOTALL)
        if module and module.group(1).lower() not in GPKG_MODULES:
            raise _refuse(
                name,
                phrase("a GeoPackage whose tables are its own", "một GeoPackage chỉ chứa bảng của chính nó"),
                phrase(
                    "table {table} reads through {module}, which could reach other files",
                    "bảng {table} đọc qua {module}, có thể truy cập tệp khác",
                    table=repr(table),
                    module=repr(module.group(1)),
                ),
            )
    if len(layers) != 1:
        raise _refuse(
            name,
            phrase("a GeoPackage with exactly one feature layer", "một GeoPackage có đúng một lớp đối tượng"),
            ", ".join(repr(layer) for layer in layers) or phrase("none", "không có"),
        )
    return str(layers[0])


def _check_flatgeobuf(path: Path, name: str) -> None:
    with path.open("rb") as handle:
        head = handle.read(8)
    if not (head[:3] == b"fgb" and head[4:7] == b"fgb"):
        raise _refuse(
            name,
            _readable(
                "FlatGeobuf: a file starting with its magic bytes",
                "FlatGeobuf: tệp bắt đầu bằng mã nhận dạng của nó",
            ),
            phrase("a file that is not FlatGeobuf", "một tệp không phải FlatGeobuf"),
        )


def _check_shapefile(path: Path, name: str) -> None:
    parts = {p.suffix.lower(): p for p in path.parent.iterdir() if p.stem == path.stem}
    missing = [s for s in SHAPEFILE_PARTS if s not in parts]
    if missing == [".prj"]:
        # The one piece people forget; say what it is for.
        raise _refuse(
            name,
            phrase(
                "a declared coordinate reference system (.prj file beside the .shp)",
                "hệ tọa độ được khai báo (tệp .prj cạnh tệp .shp)",
            ),
            phrase("no CRS (no .prj file)", "không có hệ tọa độ (không có tệp .prj)"),
        )
    if missing:
        raise _refuse(
            name,
            phrase("a shapefile set: .shp, .shx, .dbf and .prj", "bộ shapefile: .shp, .shx, .dbf và .prj"),
            phrase("no {parts}", "thiếu {parts}", parts=", ".join(missing)),
        )
    for suffix in (".shp", ".shx"):
        with parts.get(suffix, path).open("rb") as handle:
            if handle.read(4) != SHAPE_MAGIC:
                raise _refuse(
                    name,
                    _readable("a shapefile", "shapefile"),
                    phrase(
                        "a {suffix} that is not a shapefile",
                        "tệp {suffix} không phải shapefile",
                        suffix=suffix,
                    ),
                )
