"""All disk access: tables (CSV, XLSX) and layers (GeoJSON, GeoPackage, FlatGeobuf, shapefile)."""

from __future__ import annotations

import math
import os
import re
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import Final

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio

from geo import formats, numbers, settings, sheets, tables, validate
from geo.errors import Phrase, PlanDataError, Problem, phrase, shown
from geo.frames import add_notices

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
#: Upper bounds for a table, CSV or XLSX, checked while reading (a 2.6 MB XLSX once took
#: 2.57 GB of memory when read whole). XLSX parts count against the zip bounds above.
MAX_TABLE_ROWS: Final[int] = 200_000
MAX_TABLE_CELLS: Final[int] = 5_000_000


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
            # One decimal, with each language's decimal mark: 62.9 MB / 62,9 MB.
            phrase(
                "{mb} MB",
                "{mb_vi} MB",
                mb=f"{size / 10**6:.1f}",
                mb_vi=f"{size / 10**6:.1f}".replace(".", ","),
            ),
        )


def _limits() -> tables.Limits:
    return tables.Limits(MAX_TABLE_ROWS, MAX_TABLE_CELLS, MAX_ZIP_BYTES, MAX_ZIP_ENTRIES)


def decode_utf8(raw: bytes, name: str) -> str:
    """Decode CSV bytes: UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1258.

    Kept for callers that want the text alone; :func:`geo.tables.decode_text` also says
    which encoding was used.
    """
    return tables.decode_text(raw, name)[0]


def read_table(path: Path | str) -> pd.DataFrame:
    """Read a CSV or XLSX table as offices write them, with every cell as NFC text.

    CSV: UTF-8 (BOM or not), UTF-16 (BOM) or Windows-1258; ``,`` ``;`` or tab. XLSX: the
    sheet and row that hold the header, below any title rows; formulas' saved values.
    Cells stay text so validation can quote exactly what was found; empty cells are ``""``.
    What the reader decided (a legacy encoding) is in :func:`geo.frames.notices_of`, and
    each record's row in the spreadsheet in :func:`geo.frames.spreadsheet_rows`.
    """
    path = Path(path)
    _check_size(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return tables.table_from_csv(path.read_bytes(), path.name, _limits())
    if suffix == ".xlsx":
        return tables.table_from_xlsx(path.read_bytes(), path.name, _limits())
    raise _fail(
        path,
        phrase(
            "a table ending in {endings}",
            "một bảng có đuôi {endings_vi}",
            endings=" or ".join(TABLE_SUFFIXES),
            endings_vi=" hoặc ".join(TABLE_SUFFIXES),
        ),
        repr(path.suffix),
    )


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
                phrase("{n} entries", "{n} mục", n=len(infos)),
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
            nested = [i.filename for i in files if PurePosixPath(i.filename).suffix.lower() == ".zip"]
            none = (
                # A zip inside the zip is never opened: say so, or "none" would puzzle.
                phrase(
                    "none (a zip inside the zip is not opened: {names})",
                    "không có (tệp nén bên trong tệp nén không được mở: {names_vi})",
                    names=", ".join(nested),
                    names_vi=", ".join(f"`{n}`" for n in nested),
                )
                if nested
                else phrase("none", "không có")
            )
            raise _fail(
                path,
                phrase(
                    "exactly one .shp, .geojson, .gpkg or .fgb inside the zip",
                    "đúng một tệp .shp, .geojson, .gpkg hoặc .fgb trong tệp nén",
                ),
                # Member names are the user's own: quoted as such in Vietnamese.
                Phrase(", ".join(i.filename for i in layers), ", ".join(f"`{i.filename}`" for i in layers))
                if layers
                else none,
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
            raise _fail(
                path, readable, tables.library_words(_scrubbed(str(exc), source, path.name))
            ) from None
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
    """Read sites from a CSV/XLSX with ``lon``/``lat`` columns (WGS84), or no geometry.

    ``106,35`` (a decimal comma, as a Vietnamese spreadsheet writes it) is 106.35; the
    frame's notices say so (:func:`geo.frames.notices_of`).
    """
    path = Path(path)
    frame = read_table(path)
    for axis, given in validate.coordinate_columns(frame).items():
        if len(given) > 1:
            # Which one the user meant cannot be told; reading one would drop the other unsaid.
            listed = ", ".join(f"`{c}`" for c in given)
            raise _fail(
                path,
                phrase("one column for `{a}`", "một cột cho `{a}`", a=axis),
                phrase("{n} columns for it: {c}", "{n} cột cho nó: {c}", n=len(given), c=listed),
            )
    frame = validate.rename_coordinates(frame)
    missing = [axis for axis in ("lon", "lat") if axis not in frame.columns]
    if missing and len(frame):
        # Without the columns every row would be told it has no coordinates: say it once.
        listed = ", ".join(f"`{c}`" for c in missing)
        columns = ", ".join(f"`{c}`" for c in frame.columns) or "-"
        raise _fail(
            path,
            phrase("columns `lon` and `lat` (WGS84 degrees)", "các cột `lon` và `lat` (độ, WGS84)"),
            phrase("columns {c}, without {m}", "các cột {c}, không có {m}", c=columns, m=listed),
        )
    coordinates = []
    for axis in ("lon", "lat"):
        texts = list(frame[axis]) if axis in frame else [""] * len(frame)
        values, notice = numbers.read_coordinates(texts, source=path.name, field=axis)
        coordinates.append(values)
        add_notices(frame, [notice])
    points = gpd.points_from_xy(coordinates[0], coordinates[1], crs=settings.CRS)
    layer = gpd.GeoDataFrame(frame, geometry=points, crs=settings.CRS)
    layer.attrs.update(frame.attrs)
    return layer


def ensure_new_output(out: Path, protected: list[Path]) -> None:
    """Refuse to write over an input file or over the bundled data."""
    target = out.resolve()
    for other in protected:
        if target == other.resolve():
            raise _fail(
                out,
                phrase(
                    "an output path that is not one of the input files",
                    "một đường dẫn ghi ra không trùng tệp đầu vào nào",
                ),
                phrase("one of the input files", "một trong các tệp đầu vào"),
            )
    if settings.DATA_DIR.resolve() in target.parents:
        raise _fail(
            out,
            phrase(
                "an output path outside the bundled data folder",
                "một đường dẫn ghi ra nằm ngoài thư mục dữ liệu đi kèm",
            ),
            phrase(
                "a path inside it ({folder})",
                "một đường dẫn trong thư mục đó ({folder})",
                folder=settings.DATA_DIR,
            ),
        )


@contextmanager
def _replacing(out: Path) -> Iterator[Path]:
    """A path to write ``out``'s new content to; it replaces ``out`` only once complete.

    The new file is written in a private folder beside ``out`` (same file system, so
    :func:`os.replace` is atomic); if writing fails, ``out`` is left as it was.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=f".{out.name}.") as folder:
        staged = Path(folder) / out.name
        yield staged
        os.replace(staged, out)


def _csv_cell(value: object) -> object:
    return tables.escape_cell(value) if isinstance(value, str) else value


def _write_xlsx(frame: pd.DataFrame, out: Path) -> None:
    """Write ``frame`` as one sheet; text is always a text cell, numbers numbers.

    openpyxl (and so pandas' ``to_excel``) stores a string starting with ``=`` as a
    formula: ``=HYPERLINK(...)`` in a project name would become a live link. Cells are
    built here and strings forced to text.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append([WriteOnlyCell(sheet, value=str(c)) for c in frame.columns])
    for record in frame.itertuples(index=False, name=None):
        cells = []
        for value in record:
            if value is None or (isinstance(value, float) and math.isnan(value)):
                value = None
            elif isinstance(value, np.generic):
                value = value.item()
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"
            cells.append(cell)
        sheet.append(cells)
    book.save(out)


def write_table(frame: pd.DataFrame, out: Path, fmt: str) -> None:
    """Write a table as ``csv`` (UTF-8 with BOM, so Excel shows Vietnamese) or ``xlsx``.

    Safe in spreadsheets: a CSV cell starting with ``=``, ``+``, ``-``, ``@``, tab or
    carriage return gets a leading ``'`` (undone by :func:`read_table`); in XLSX it is a
    text cell. Numbers stay numbers. ``out`` is replaced only by a complete file.
    """
    if fmt not in ("csv", "xlsx"):
        raise ValueError(f"`fmt` was {fmt!r} but is expected to be 'csv' or 'xlsx'")
    with _replacing(out) as staged:
        if fmt == "csv":
            safe = frame.map(_csv_cell)
            safe.columns = [tables.escape_cell(str(c)) for c in frame.columns]
            # CRLF ends rows (RFC 4180), and so a carriage return inside a cell gets quoted.
            safe.to_csv(staged, index=False, encoding="utf-8-sig", lineterminator="\r\n")
        else:
            _write_xlsx(frame, staged)


def write_layer(frame: gpd.GeoDataFrame, out: Path, fmt: str) -> None:
    """Write a layer as ``geojson``, ``gpkg`` or ``fgb`` (in EPSG:4326), replacing ``out``
    only once the new file is complete."""
    if fmt not in LAYER_DRIVERS:
        raise ValueError(f"`fmt` was {fmt!r} but is expected to be in {sorted(LAYER_DRIVERS)}")
    with _replacing(out) as staged:
        pyogrio.write_dataframe(frame.to_crs(settings.CRS), staged, driver=LAYER_DRIVERS[fmt])


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


def write_sheet(sheet: sheets.Sheet, out: Path, fmt: str) -> None:
    """Write a table made for people (:mod:`geo.sheets`) as ``csv`` or ``xlsx``.

    CSV is UTF-8 with a byte-order mark and guarded like :func:`write_table`; XLSX holds
    text as text cells. ``out`` is replaced only by a complete file.
    """
    if fmt == "csv":
        write_table(sheets.csv_frame(sheet), out, "csv")
    elif fmt == "xlsx":
        write_bytes(sheets.xlsx_bytes(sheet), out)
    else:
        raise ValueError(f"`fmt` was {fmt!r} but is expected to be 'csv' or 'xlsx'")


def sheet_bytes(sheet: sheets.Sheet, fmt: str) -> bytes:
    """The file :func:`write_sheet` would write, as bytes (for a download button)."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / f"export.{fmt}"
        write_sheet(sheet, out, fmt)
        return out.read_bytes()


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
    """Write a UTF-8 text file (an exported HTML map), replacing ``out`` only when complete."""
    with _replacing(out) as staged:
        staged.write_text(text, encoding="utf-8")


def write_bytes(data: bytes, out: Path) -> None:
    """Write ``data`` to ``out`` (an exported PDF, PNG or SVG), replacing it only when complete."""
    with _replacing(out) as staged:
        staged.write_bytes(data)
