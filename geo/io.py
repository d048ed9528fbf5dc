"""All disk access: tables (CSV, XLSX) and layers (GeoJSON, GeoPackage, FlatGeobuf, shapefile)."""

from __future__ import annotations

import io as _io
import re
import tempfile
import zipfile
from pathlib import Path, PurePosixPath
from typing import Final

import geopandas as gpd
import pandas as pd
import pyogrio

from geo import formats, settings
from geo.errors import PlanDataError, Problem, phrase, shown

TABLE_SUFFIXES: Final[tuple[str, ...]] = (".csv", ".xlsx")
LAYER_SUFFIXES: Final[tuple[str, ...]] = (
    ".geojson",
    ".json",
    ".gpkg",
    ".shp",
    ".fgb",
    ".zip",
    ".csv",
    ".xlsx",
)
#: Layer formats we write, by the name used on the command line.
LAYER_DRIVERS: Final[dict[str, str]] = {
    "geojson": "GeoJSON",
    "gpkg": "GPKG",
    "fgb": "FlatGeobuf",
}
#: Upper bounds for uploaded and zipped input (zip bombs, runaway files). Decimal megabytes,
#: as the uploader counts them (``maxUploadSize`` in ``.streamlit/config.toml`` is the same 50).
MAX_FILE_MB: Final[int] = 50
MAX_FILE_BYTES: Final[int] = MAX_FILE_MB * 10**6
MAX_ZIP_ENTRIES: Final[int] = 200
MAX_ZIP_BYTES: Final[int] = 200 * 10**6


def _fail(path: Path, expected: str, found: str) -> PlanDataError:
    return PlanDataError([Problem(path.name, "", "", expected, found)])


def _check_size(path: Path) -> None:
    if not path.is_file():
        raise _fail(
            path, phrase("an existing file", "một tệp có thật"), phrase("no such file", "không có tệp này")
        )
    size = path.stat().st_size
    if size == 0:
        raise _fail(
            path,
            phrase("a non-empty file", "một tệp có nội dung"),
            phrase("an empty file (0 bytes)", "một tệp rỗng (0 byte)"),
        )
    if size > MAX_FILE_BYTES:
        raise _fail(
            path,
            phrase("at most {mb} MB", "tối đa {mb} MB", mb=MAX_FILE_MB),
            f"{size / 10**6:.1f} MB",
        )


def decode_utf8(raw: bytes, name: str) -> str:
    """Decode CSV bytes as UTF-8 (with or without BOM), or say where they are not UTF-8."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise PlanDataError(
            [
                Problem(
                    name,
                    f"row {line}",
                    "",
                    "UTF-8 text (save the file as 'CSV UTF-8')",
                    f"byte 0x{raw[exc.start]:02x} at offset {exc.start}, not UTF-8 "
                    "(Windows-1258 or another legacy encoding?)",
                )
            ]
        ) from None


def read_table(path: Path | str) -> pd.DataFrame:
    """Read a CSV (UTF-8) or XLSX table with every cell as text.

    Cells stay text so validation can quote exactly what was found; empty cells are ``""``.
    """
    path = Path(path)
    _check_size(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        text = decode_utf8(path.read_bytes(), path.name)
        try:
            frame = pd.read_csv(_io.StringIO(text), dtype=str, keep_default_na=False)
        except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
            raise _fail(path, "a comma-separated table with a header row", str(exc)) from None
    elif suffix == ".xlsx":
        try:
            frame = pd.read_excel(path, dtype=str, keep_default_na=False, engine="openpyxl")
        except (ValueError, OSError, KeyError, zipfile.BadZipFile) as exc:
            raise _fail(path, "an Excel workbook (.xlsx)", str(exc)) from None
    else:
        raise _fail(path, "a table ending in " + " or ".join(TABLE_SUFFIXES), repr(path.suffix))
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame.fillna("")


#: Inside a zip, only these files are extracted; anything else is ignored.
ZIP_MEMBER_SUFFIXES: Final[tuple[str, ...]] = (
    ".shp",
    ".shx",
    ".dbf",
    ".prj",
    ".cpg",
    ".geojson",
    ".json",
    ".gpkg",
    ".fgb",
)
LAYER_IN_ZIP: Final[tuple[str, ...]] = (".shp", ".geojson", ".json", ".gpkg", ".fgb")
#: File-type bits of a zip member made on Unix (``external_attr >> 16``): a symbolic link.
_SYMLINK_MODE: Final[int] = 0o120000


def _zip_problems(path: Path, infos: list[zipfile.ZipInfo]) -> list[Problem]:
    problems = []
    if len(infos) > MAX_ZIP_ENTRIES:
        problems.append(
            Problem(
                path.name,
                "",
                "",
                phrase("at most {n} entries", "tối đa {n} mục", n=MAX_ZIP_ENTRIES),
                str(len(infos)),
            )
        )
    for info in infos:
        parts = Path(info.filename.replace("\\", "/")).parts
        entry = phrase("entry {name}", "mục {name}", name=shown(info.filename))
        if info.filename.startswith(("/", "\\")) or ".." in parts or ":" in info.filename:
            problems.append(
                Problem(
                    path.name,
                    entry,
                    "",
                    phrase("a path inside the archive", "một đường dẫn bên trong tệp nén"),
                    phrase("a path that escapes it", "một đường dẫn ra ngoài tệp nén"),
                )
            )
        elif (info.external_attr >> 16) & 0o170000 == _SYMLINK_MODE:
            problems.append(
                Problem(
                    path.name,
                    entry,
                    "",
                    phrase("a file", "một tệp"),
                    phrase(
                        "a symbolic link (links are not followed)",
                        "một liên kết tượng trưng (không mở liên kết)",
                    ),
                )
            )
    return problems


def _extract_zip(path: Path, folder: Path) -> Path:
    """Extract the one layer of a zip and the files beside it into ``folder``; return the layer.

    Members keep their folders, so side files with the same name in two folders stay apart,
    and only those in the layer's own folder are extracted. Sizes are counted while
    decompressing, not taken from the archive's own (forgeable) headers, so a zip bomb stops
    at :data:`MAX_ZIP_BYTES`.
    """
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise _fail(
            path,
            phrase("a zip archive", "một tệp nén zip"),
            phrase("a file that is not a valid zip", "một tệp zip hỏng"),
        ) from None
    with archive:
        infos = archive.infolist()
        problems = _zip_problems(path, infos)
        if problems:
            raise PlanDataError(problems)
        files = [i for i in infos if not i.is_dir()]
        layers = [i for i in files if PurePosixPath(i.filename).suffix.lower() in LAYER_IN_ZIP]
        if len(layers) != 1:
            raise _fail(
                path,
                phrase(
                    "exactly one .shp, .geojson, .gpkg or .fgb inside the zip",
                    "đúng một tệp .shp, .geojson, .gpkg hoặc .fgb trong tệp nén",
                ),
                ", ".join(i.filename for i in layers) or phrase("none", "không có"),
            )
        home = PurePosixPath(layers[0].filename).parent
        wanted = [
            i
            for i in files
            if PurePosixPath(i.filename).parent == home
            and PurePosixPath(i.filename).suffix.lower() in ZIP_MEMBER_SUFFIXES
        ]
        total = 0
        for info in wanted:
            target = folder.joinpath(*PurePosixPath(info.filename).parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(info) as source, target.open("wb") as sink:
                while chunk := source.read(1 << 20):
                    total += len(chunk)
                    if total > MAX_ZIP_BYTES:
                        raise _fail(
                            path,
                            phrase(
                                "at most {mb} MB once unpacked",
                                "tối đa {mb} MB sau khi giải nén",
                                mb=MAX_ZIP_BYTES // 10**6,
                            ),
                            phrase("more than that (a zip bomb?)", "nhiều hơn thế (bom nén?)"),
                        )
                    sink.write(chunk)
    return folder.joinpath(*PurePosixPath(layers[0].filename).parts)


def _scrubbed(message: str, staged: Path, name: str) -> str:
    """A reader's message with our folders and staged names replaced by the user's file name."""
    text = message.strip().splitlines()[0] if message.strip() else "an unreadable file"
    text = text.replace(str(staged), name).replace(str(staged.parent), "")
    # Any other absolute path (GDAL names the files it tried) says nothing the user needs.
    return re.sub(r"(?:[A-Za-z]:)?(?:/[^\s'\",;:]+){2,}", "…", text)


def read_layer(path: Path | str) -> gpd.GeoDataFrame:
    """Read a vector layer and return it in :data:`settings.CRS`.

    Only GeoJSON, GeoPackage, shapefile (plain or zipped) and FlatGeobuf are read, each with
    its own driver after a check of its content (:mod:`geo.formats`). A layer whose CRS is
    not declared is refused rather than guessed.
    """
    path = Path(path)
    _check_size(path)
    with tempfile.TemporaryDirectory() as folder:
        source = _extract_zip(path, Path(folder)) if path.suffix.lower() == ".zip" else path
        opening = formats.check_layer(source, path.name)
        readable = phrase("a readable vector layer", "một lớp dữ liệu không gian đọc được")
        try:
            frame = pyogrio.read_dataframe(opening.source, layer=opening.layer)
        except IndexError:
            # What pyogrio raises when GDAL finds no layer in the file.
            raise _fail(path, readable, phrase("no layer in the file", "tệp không có lớp nào")) from None
        except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as exc:
            raise _fail(path, readable, _scrubbed(str(exc), source, path.name)) from None
    if not isinstance(frame, gpd.GeoDataFrame):
        raise _fail(
            path,
            phrase("a layer with geometries", "một lớp có hình học"),
            phrase("a table without geometry", "một bảng không có hình học"),
        )
    if frame.crs is None:
        raise _fail(
            path,
            phrase(
                "a declared coordinate reference system (.prj file, or the CRS of the layer)",
                "hệ tọa độ được khai báo (tệp .prj, hoặc hệ tọa độ của lớp)",
            ),
            phrase("no CRS", "không có hệ tọa độ"),
        )
    return frame.to_crs(settings.CRS)


def read_points_table(path: Path | str) -> gpd.GeoDataFrame:
    """Read sites from a CSV/XLSX with ``lon``/``lat`` columns (WGS84), or no geometry."""
    frame = read_table(path)
    lon = pd.to_numeric(frame.get("lon", pd.Series("", index=frame.index)), errors="coerce")
    lat = pd.to_numeric(frame.get("lat", pd.Series("", index=frame.index)), errors="coerce")
    points = gpd.points_from_xy(lon, lat, crs=settings.CRS)
    return gpd.GeoDataFrame(frame, geometry=points, crs=settings.CRS)


def ensure_new_output(out: Path, protected: list[Path]) -> None:
    """Refuse to write over an input file or over the bundled data."""
    target = out.resolve()
    for other in protected:
        if target == other.resolve():
            raise _fail(out, "an output path that is not one of the input files", str(out))
    if settings.DATA_DIR.resolve() in target.parents:
        raise _fail(out, "an output path outside the bundled data folder", str(out))


def write_table(frame: pd.DataFrame, out: Path, fmt: str) -> None:
    """Write a table as ``csv`` (UTF-8) or ``xlsx``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "csv":
        frame.to_csv(out, index=False, encoding="utf-8")
    elif fmt == "xlsx":
        frame.to_excel(out, index=False, engine="openpyxl")
    else:
        raise ValueError(f"`fmt` was {fmt!r} but is expected to be 'csv' or 'xlsx'")


def write_layer(frame: gpd.GeoDataFrame, out: Path, fmt: str) -> None:
    """Write a layer as ``geojson``, ``gpkg`` or ``fgb`` (in EPSG:4326), replacing ``out``."""
    if fmt not in LAYER_DRIVERS:
        raise ValueError(f"`fmt` was {fmt!r} but is expected to be in {sorted(LAYER_DRIVERS)}")
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists():
        out.unlink()
    pyogrio.write_dataframe(frame.to_crs(settings.CRS), out, driver=LAYER_DRIVERS[fmt])


def read_text(path: Path) -> str:
    """Read a UTF-8 text file (the plan's own text)."""
    return path.read_text(encoding="utf-8")


def write_any(frame: pd.DataFrame, out: Path, fmt: str) -> None:
    """Write a frame as ``csv``/``xlsx`` (points as ``lon``/``lat``, other shapes dropped)
    or as ``geojson``/``gpkg`` (needs geometries)."""
    if fmt in ("csv", "xlsx"):
        table = pd.DataFrame(frame)
        if isinstance(frame, gpd.GeoDataFrame):
            geometry = frame.geometry
            if (geometry.geom_type == "Point").all():
                table["lon"], table["lat"] = geometry.x.round(7), geometry.y.round(7)
            table = table.drop(columns=geometry.name)
        write_table(table, out, fmt)
    elif isinstance(frame, gpd.GeoDataFrame):
        write_layer(frame, out, fmt)
    else:
        raise ValueError(f"`fmt` was {fmt!r}, which needs geometries, but the frame has none")


def to_bytes(frame: pd.DataFrame, fmt: str) -> bytes:
    """The file :func:`write_any` would write, as bytes (for a download button)."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / f"export.{fmt}"
        write_any(frame, out, fmt)
        return out.read_bytes()


def read_static_assets(folder: Path = settings.ROOT / "static") -> dict[str, bytes]:
    """Every front-end file the app serves, by its path under ``static`` (``vendor/leaflet/leaflet.js``)."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix in (".js", ".css", ".png", ".svg")
    }


def write_text(text: str, out: Path) -> None:
    """Write a UTF-8 text file (an exported HTML map)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")


def write_bytes(data: bytes, out: Path) -> None:
    """Write ``data`` to ``out`` (an exported PDF, PNG or SVG), creating its folder."""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
