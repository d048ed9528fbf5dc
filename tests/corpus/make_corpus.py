"""Write the bad-input corpus (``bad/``) and its manifest (``expected.csv``).

Run from the project folder: ``python tests/corpus/make_corpus.py``. The files are
committed; this script records how each was made. The one file too big to commit (over
the 50 MB limit) is made by the test itself.

Zips are dated :data:`FIXED_DATE`, but workbooks (openpyxl) and GeoPackages (GDAL) record
the time they were written: after a run, ``git checkout`` the ones whose case did not
change, so only real changes are committed.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
import tempfile
import unicodedata
import zipfile
from collections.abc import Callable
from pathlib import Path

import geopandas as gpd
import shapely
import shapely.affinity
import shapely.geometry

HERE = Path(__file__).parent
BAD = HERE / "bad"
OK = HERE / "ok"
ROOT = HERE.parent.parent
PROJECTS = (ROOT / "data" / "projects.csv").read_text(encoding="utf-8")
#: Every zip member and workbook part is dated this, so the corpus is the same on every run.
FIXED_DATE = (2020, 1, 1, 0, 0, 0)
SONG_TRA = [[106.333, 20.487], [106.343, 20.487], [106.343, 20.497], [106.333, 20.497], [106.333, 20.487]]


def feature(geometry: dict, **properties: object) -> dict:
    base = {"zone_id": "kcn-song-tra", "kind": "park", "name_vi": "KCN Sông Trà", "precision": "surveyed"}
    return {"type": "Feature", "properties": {**base, **properties}, "geometry": geometry}


def collection(*features: dict) -> str:
    return json.dumps({"type": "FeatureCollection", "features": list(features)}, ensure_ascii=False)


def polygon(ring: list[list[float]]) -> dict:
    return {"type": "Polygon", "coordinates": [ring]}


def point(lon: float, lat: float) -> dict:
    return {"type": "Point", "coordinates": [lon, lat]}


def site(geometry: dict, **properties: object) -> dict:
    base = {"site_id": "s1", "project_id": "electronics-2021-1", "zone_id": "kcn-song-tra"}
    return {"type": "Feature", "properties": {**base, **properties}, "geometry": geometry}


def projects_with(row: int, column: str, value: str) -> str:
    rows = list(csv.DictReader(io.StringIO(PROJECTS)))
    rows[row][column] = value
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def projects_with_values(column: str, values: dict[int, str]) -> str:
    """The bundled list with ``column`` set to ``values[i]`` in record ``i``."""
    text = PROJECTS
    for row, value in values.items():
        text = _with(list(csv.DictReader(io.StringIO(text))), row, column, value)
    return text


def _with(rows: list[dict[str, str]], row: int, column: str, value: str) -> str:
    rows[row][column] = value
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def windows_1258(text: str) -> bytes:
    """``text`` as a Vietnamese Excel "CSV" stores it: Windows-1258, tone marks apart.

    Windows-1258 has the letters â ê ô ơ ư ă đ but not their toned forms: a tone is a
    combining mark after the letter.
    """
    tones = "\u0300\u0301\u0303\u0309\u0323"
    out = []
    for char in unicodedata.normalize("NFC", text):
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(base + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


def projects_without(column: str) -> str:
    rows = list(csv.DictReader(io.StringIO(PROJECTS)))
    out = io.StringIO()
    fields = [c for c in rows[0] if c != column]
    writer = csv.DictWriter(out, fieldnames=fields, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def zipped(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(zipfile.ZipInfo(name, FIXED_DATE), content, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def shapefile_without_prj() -> bytes:
    folder = HERE / "_tmp_shp"
    folder.mkdir(exist_ok=True)
    frame = gpd.GeoDataFrame(
        {
            "zone_id": ["kcn-song-tra"],
            "kind": ["park"],
            "name_vi": ["KCN Song Tra"],
            "precision": ["surveyed"],
        },
        geometry=[shapely.Polygon(SONG_TRA)],
        crs="EPSG:4326",
    )
    frame.to_file(folder / "zones.shp")
    entries = {p.name: p.read_bytes() for p in folder.iterdir() if p.suffix != ".prj"}
    for p in folder.iterdir():
        p.unlink()
    folder.rmdir()
    return zipped(entries)


def zip_bomb() -> bytes:
    # 300 MB of zeros: a few hundred kB compressed, over the 200 MB unpacked limit.
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open("zones.geojson", "w", force_zip64=True) as member,
    ):
        block = b"\0" * (1 << 20)
        for _ in range(300):
            member.write(block)
    return buffer.getvalue()


UTM = [
    [654_000, 2_266_000],
    [655_000, 2_266_000],
    [655_000, 2_267_000],
    [654_000, 2_267_000],
    [654_000, 2_266_000],
]
HANOI = [[105.80, 21.00], [105.81, 21.00], [105.81, 21.01], [105.80, 21.01], [105.80, 21.00]]
SWAPPED = [[lat, lon] for lon, lat in SONG_TRA]
BOWTIE = [[106.33, 20.49], [106.34, 20.50], [106.34, 20.49], [106.33, 20.50], [106.33, 20.49]]


def all_zero_capital() -> str:
    rows = list(csv.DictReader(io.StringIO(PROJECTS)))
    for row in rows:
        row["capital_bn_vnd"] = "0"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


# ----------------------------------------------------------------------- builders of new cases


def rows_of(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def delimited(rows: list[list[str]], delimiter: str) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return out.getvalue()


def header_only(text: str) -> str:
    return text.splitlines()[0] + "\n"


def with_extra_cell(row: int) -> str:
    """The bundled list, tab-separated, with one cell too many in record ``row``."""
    rows = rows_of(PROJECTS)
    rows[row + 1].append("thừa")
    return delimited(rows, "\t")


def vietnamese_headers_nfd_without_capital() -> str:
    """The list under the Vietnamese headers the README promises, typed in NFD, no capital."""
    names = {
        "project_id": "Mã dự án",
        "sector": "Lĩnh vực",
        "phase": "Giai đoạn",
        "name_vi": "Tên dự án",
        "site_zone_ids": "Mã khu",
    }
    rows = rows_of(PROJECTS)
    keep = [i for i, name in enumerate(rows[0]) if name in names]
    header = [unicodedata.normalize("NFD", names[rows[0][i]]) for i in keep]
    return delimited([header, *([row[i] for i in keep] for row in rows[1:])], ",")


def windows_1258_with_bad_byte() -> bytes:
    """A Vietnamese Excel "CSV" with one byte Windows-1258 has no letter for (0x8A)."""
    text = windows_1258(PROJECTS.replace("Ngին", "Nghìn"))
    cut = text.index(b"\n", 1500)
    return text[:cut] + b" \x8a" + text[cut:]


def capital_twice() -> str:
    """The list with its capital headed in Vietnamese, and a second "Vốn đầu tư" column beside
    it (as a plan's table splits the total and the state's part): which is meant is unknown."""
    rows = rows_of(PROJECTS)
    column = rows[0].index("capital_bn_vnd")
    rows[0][column] = "Vốn đầu tư (tỷ đồng)"
    for row in rows:
        row.append("Vốn đầu tư" if row is rows[0] else "0")
    return delimited(rows, ",")


def open_quote() -> str:
    """The list with a quote opened in record 20's ``notes_en`` and never closed.

    The two records after it hold no quote (their commas become ';'), so the quote runs
    to the end of the file: read leniently, they would silently become one cell.
    """
    rows = rows_of(PROJECTS)
    head = io.StringIO()
    csv.writer(head, lineterminator="\n").writerows(rows[:20])
    record = rows[20][:]
    column = rows[0].index("notes_en")
    tail = io.StringIO()
    csv.writer(tail, lineterminator="").writerow(record[:column])
    plain = [",".join(c.replace(",", ";").replace('"', "") for c in row) for row in rows[21:]]
    return head.getvalue() + tail.getvalue() + ',"Xem ghi chú,\n' + "\n".join(plain) + "\n"


def too_many_rows() -> str:
    # 200,001 one-cell records under a header of two known names: over MAX_TABLE_ROWS.
    return "project_id,sector\n" + "p\n" * 200_001


def too_many_cells() -> str:
    # A 30-column header and 170,000 empty lines: 5.1 million cells, under 200,000 rows.
    return "project_id,sector" + "," * 28 + "\n" + "\n" * 170_000


def fixed_zip(raw: bytes) -> bytes:
    """``raw`` (a zip) again, every member dated :data:`FIXED_DATE`."""
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in source.infolist():
            copy = zipfile.ZipInfo(info.filename, FIXED_DATE)
            copy.compress_type = zipfile.ZIP_DEFLATED
            copy.external_attr = info.external_attr
            out.writestr(copy, source.read(info))
    return buffer.getvalue()


def workbook(rows_by_sheet: dict[str, list[list[object]]]) -> bytes:
    """An XLSX of the given sheets and rows, as openpyxl writes it (formulas without values)."""
    import datetime

    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in rows_by_sheet.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.properties.created = book.properties.modified = datetime.datetime(2020, 1, 1)
    buffer = io.BytesIO()
    book.save(buffer)
    return fixed_zip(buffer.getvalue())


def project_rows() -> list[list[object]]:
    return [list(row) for row in rows_of(PROJECTS)]


def with_formula() -> list[list[object]]:
    rows = project_rows()
    rows[3][rows[0].index("capital_bn_vnd")] = "=1000+650"
    return rows


def with_cell(row: int, column: str, value: object) -> list[list[object]]:
    rows = project_rows()
    rows[row + 1][rows[0].index(column)] = value
    return rows


def split_by_phase() -> dict[str, list[list[object]]]:
    """The list as two sheets, one per phase, each under its own header."""
    rows = project_rows()
    phase = rows[0].index("phase")
    phases = ("2016-2020", "2021-2025")
    return {name: [rows[0], *(row for row in rows[1:] if row[phase] == name)] for name in phases}


def xlsx_bomb() -> bytes:
    # A worksheet part of 210 MB of spaces: a few hundred kB packed, over the 200 MB limit.
    buffer = io.BytesIO()
    part = zipfile.ZipInfo("xl/worksheets/sheet1.xml", FIXED_DATE)
    part.compress_type = zipfile.ZIP_DEFLATED
    with (
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
        archive.open(part, "w", force_zip64=True) as member,
    ):
        block = b" " * (1 << 20)
        for _ in range(210):
            member.write(block)
    return buffer.getvalue()


def corrupt_member() -> bytes:
    """A workbook whose first part's stored name does not match its directory entry."""
    raw = bytearray(workbook({"Danh mục": project_rows()}))
    raw[32] ^= 0x20  # a letter of the first local file name: the zip's two records disagree
    return bytes(raw)


def symlink_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        info = zipfile.ZipInfo("zones.geojson", FIXED_DATE)
        info.external_attr = 0o120777 << 16
        archive.writestr(info, "/etc/passwd")
    return buffer.getvalue()


def layer_file(suffix: str, write: Callable[[Path], None]) -> bytes:
    """The bytes of a layer file that ``write`` makes at a temporary path ending in ``suffix``."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"layer{suffix}"
        write(path)
        return path.read_bytes()


def song_tra_frame(crs: str | None = "EPSG:4326") -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "zone_id": ["kcn-song-tra"],
            "kind": ["park"],
            "name_vi": ["KCN Sông Trà"],
            "precision": ["surveyed"],
        },
        geometry=[shapely.Polygon(SONG_TRA)],
        crs=crs,
    )


def two_layer_geopackage(path: Path) -> None:
    song_tra_frame().to_file(path, layer="a", driver="GPKG")
    song_tra_frame().to_file(path, layer="b", driver="GPKG")


def geopackage_with_virtual_table(path: Path) -> None:
    song_tra_frame().to_file(path, layer="zones", driver="GPKG")
    with sqlite3.connect(path) as db:
        db.execute("CREATE VIRTUAL TABLE notes USING fts5(body)")
    db.close()


def sqlite_not_geopackage(path: Path) -> None:
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE zones (zone_id TEXT)")
    db.close()


def shapefile_parts(drop: tuple[str, ...] = (), garbage: str = "") -> bytes:
    """A zipped shapefile of Sông Trà without the parts ``drop``; ``garbage`` part overwritten."""
    with tempfile.TemporaryDirectory() as folder:
        song_tra_frame().to_file(Path(folder) / "zones.shp")
        entries = {}
        for part in sorted(Path(folder).iterdir()):
            if part.suffix in drop:
                continue
            entries[part.name] = b"not a shapefile" * 10 if part.suffix == garbage else part.read_bytes()
    return zipped(entries)


def in_zone_of_other_project() -> str:
    """A site of electronics-2021-1 placed, by name, inside a park that is not one of its zones."""
    return "project_id,zone_id,lon,lat\nelectronics-2021-1,kcn-song-tra,106.338,20.492\n"


LONG_NAME = "danh_muc_du_an_uu_tien_" * 10 + "ban_sua.csv"


#: (file, kind, content, a part of the English message, the same part of the Vietnamese).
CASES: list[tuple[str, str, object, str, str]] = [
    (
        "truncated.geojson",
        "zones",
        collection(feature(polygon(SONG_TRA)))[:120],
        "expected a readable vector layer",
        'cần một lớp dữ liệu không gian đọc được (GeoJSON: một đối tượng JSON có "type" GeoJSON); '
        "thấy không phải JSON (dòng 1 cột 121)",
    ),
    (
        "not_json.geojson",
        "zones",
        "{this is not json",
        "expected a readable vector layer",
        "thấy không phải JSON (dòng 1 cột 2)",
    ),
    (
        "empty.geojson",
        "zones",
        "",
        "expected a non-empty file; found an empty file (0 bytes)",
        "cần một tệp có nội dung; thấy một tệp rỗng (0 byte)",
    ),
    (
        "points_not_polygons.geojson",
        "zones",
        collection(feature(point(106.338, 20.492))),
        "column `geometry`: expected Polygon or MultiPolygon; found Point",
        "cột `geometry`: cần vùng (Polygon) hoặc vùng nhiều phần (MultiPolygon); thấy điểm (Point)",
    ),
    (
        "self_intersecting.geojson",
        "zones",
        collection(feature(polygon(BOWTIE))),
        "expected a valid geometry (no self-intersection); found Self-intersection",
        "cần một hình học hợp lệ (không tự cắt nhau); thấy tự cắt nhau [106,335 20,495]",
    ),
    (
        "empty_polygon.geojson",
        "zones",
        collection(feature({"type": "Polygon", "coordinates": []})),
        "expected a non-empty Polygon; found an empty geometry",
        "cần một vùng (Polygon) không rỗng; thấy một hình học rỗng",
    ),
    (
        "no_prj_shapefile.zip",
        "zones",
        shapefile_without_prj(),
        "found no CRS",
        "thấy không có hệ tọa độ (không có tệp .prj)",
    ),
    (
        "metres_without_crs.geojson",
        "zones",
        collection(feature(polygon(UTM))),
        "metres with no CRS declared?",
        "thấy x=654000, y=2266000: tọa độ mét mà không khai báo hệ tọa độ?",
    ),
    (
        "lat_lon_swapped.geojson",
        "zones",
        collection(feature(polygon(SWAPPED))),
        "latitude and longitude swapped?",
        "thấy kinh độ=20,4870, vĩ độ=106,3330: vĩ độ và kinh độ bị đảo chỗ?",
    ),
    (
        "outside_province.geojson",
        "zones",
        collection(feature(polygon(HANOI))),
        "outside the province",
        "cần tọa độ trong khoảng kinh độ 105,9–106,8, vĩ độ 20,1–20,9 (Thái Bình); "
        "thấy kinh độ 105,8000–105,8100, vĩ độ 21,0000–21,0100: nằm ngoài tỉnh",
    ),
    (
        "duplicate_zone_ids.geojson",
        "zones",
        collection(feature(polygon(SONG_TRA)), feature(polygon(SONG_TRA))),
        "feature 2, column `zone_id`: expected a unique id (already used in feature 1)",
        "đối tượng 2, cột `zone_id`: cần một mã không trùng (đã dùng ở đối tượng 1)",
    ),
    (
        "missing_columns.geojson",
        "zones",
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"zone_id": "kcn-x", "name_vi": "X"},
                        "geometry": polygon(SONG_TRA),
                    }
                ],
            }
        ),
        "expected columns `kind`, `precision`",
        "cần các cột `kind`, `precision`; thấy các cột `zone_id`, `name_vi`",
    ),
    (
        "unknown_kind.geojson",
        "zones",
        collection(feature(polygon(SONG_TRA), kind="factory")),
        "column `kind`: expected one of province, district, coastal_zone, cluster_area, park; "
        "found 'factory'",
        "đối tượng 1, cột `kind`: cần một trong `province` (tỉnh), `district` (huyện/thành phố), "
        "`coastal_zone` (vùng ven biển), `cluster_area` (cụm công nghiệp các huyện), "
        "`park` (khu công nghiệp); thấy 'factory'",
    ),
    (
        "unknown_precision.geojson",
        "zones",
        collection(feature(polygon(SONG_TRA), precision="gps")),
        "column `precision`: expected one of surveyed, official, indicative, unspecified; found 'gps'",
        "cột `precision`: cần một trong `surveyed` (ranh giới đo đạc), `official` (ranh giới hành chính), "
        "`indicative` (minh họa), `unspecified` (chưa xác định); thấy 'gps'",
    ),
    (
        "bad_zone_id.geojson",
        "zones",
        collection(feature(polygon(SONG_TRA), zone_id="KCN Sông Trà")),
        "column `zone_id`: expected lower-case letters, digits and '-'; found 'KCN Sông Trà'",
        "cột `zone_id`: cần chữ thường không dấu, chữ số và '-'; thấy 'KCN Sông Trà'",
    ),
    (
        "zip_slip.zip",
        "zones",
        zipped({"../../evil.geojson": collection(feature(polygon(SONG_TRA))).encode()}),
        "entry '../../evil.geojson': expected a path inside the archive; found a path that escapes it",
        "mục '../../evil.geojson': cần một đường dẫn bên trong tệp nén; thấy một đường dẫn ra ngoài tệp nén",
    ),
    (
        "zip_bomb.zip",
        "zones",
        zip_bomb(),
        "expected at most 200 MB once unpacked",
        "cần tối đa 200 MB sau khi giải nén; thấy nhiều hơn thế (bom nén?)",
    ),
    (
        "two_layers.zip",
        "zones",
        zipped({"a.geojson": b"{}", "b.geojson": b"{}"}),
        "expected exactly one .shp, .geojson, .gpkg or .fgb inside the zip; found a.geojson, b.geojson",
        "cần đúng một tệp .shp, .geojson, .gpkg hoặc .fgb trong tệp nén; thấy `a.geojson`, `b.geojson`",
    ),
    (
        "not_really.zip",
        "zones",
        "just text, not a zip",
        "expected a zip archive; found a file that is not a valid zip",
        "cần một tệp nén zip; thấy một tệp zip hỏng",
    ),
    (
        "wrong_extension.txt",
        "zones",
        collection(feature(polygon(SONG_TRA))),
        "expected a file ending in .geojson",
        "cần một tệp có đuôi .geojson, .json, .gpkg, .fgb, .zip; thấy '.txt'",
    ),
    (
        "sites_outside_province.csv",
        "sites",
        "project_id,zone_id,lon,lat\nelectronics-2021-1,,105.85,21.03\n",
        "outside the province",
        "thấy kinh độ 105,8500, vĩ độ 21,0300: nằm ngoài tỉnh",
    ),
    (
        "sites_swapped.csv",
        "sites",
        "project_id,zone_id,lon,lat\nelectronics-2021-1,,20.492,106.338\n",
        "latitude and longitude swapped?",
        "thấy kinh độ=20,4920, vĩ độ=106,3380: vĩ độ và kinh độ bị đảo chỗ?",
    ),
    (
        "sites_text_coordinates.csv",
        "sites",
        "project_id,zone_id,lon,lat\nelectronics-2021-1,,abc,20.49\n",
        "column `lon/lat`: expected numbers (WGS84 degrees); found empty or text",
        "cột `lon/lat`: cần các số (độ, WGS84); thấy ô trống hoặc chữ",
    ),
    (
        "sites_unknown_project.geojson",
        "sites",
        collection(site(point(106.338, 20.492), project_id="robotics-2030-1")),
        "column `project_id`: expected a project of the priority list; found 'robotics-2030-1'",
        "cột `project_id`: cần một dự án trong danh mục ưu tiên; thấy 'robotics-2030-1'",
    ),
    (
        "sites_outside_their_zone.geojson",
        "sites",
        collection(site(point(106.22, 20.59), project_id="ceramics-2016-1", zone_id="kcn-tien-hai")),
        "expected a point inside zone kcn-tien-hai; found a point outside it",
        "cần một điểm nằm trong khu `kcn-tien-hai`; thấy một điểm nằm ngoài khu đó",
    ),
    (
        "sites_polygons.geojson",
        "sites",
        collection(site(polygon(SONG_TRA))),
        "expected Point; found Polygon",
        "cần điểm (Point); thấy vùng (Polygon)",
    ),
    (
        "sites_duplicate_ids.csv",
        "sites",
        ""
        "site_id,project_id,zone_id,lon,lat\na,electronics-2021-1,,106.338,20.492\na,electronics-2021-2,,106.339,20.492\n",
        "`sites_duplicate_ids.csv` row 3, column `site_id`: expected a unique id (already used in row 2)",
        "`sites_duplicate_ids.csv` dòng 3, cột `site_id`: cần một mã không trùng (đã dùng ở dòng 2)",
    ),
    (
        "sites_without_project.csv",
        "sites",
        "zone_id,lon,lat\nkcn-song-tra,106.338,20.492\n",
        "expected column `project_id`",
        "cần cột `project_id`; thấy các cột `zone_id`, `lon`, `lat`",
    ),
    (
        "projects_western_european.csv",
        "projects",
        "project_id,name_vi\nmechanical-2016-1,Größe Maß\n".encode("cp1252"),
        "expected UTF-8 text (save the file as 'CSV UTF-8')",
        "cần văn bản UTF-8 (lưu tệp dạng 'CSV UTF-8'); thấy byte 0xf6 ở vị trí 39, không phải UTF-8",
    ),
    (
        "projects_missing_column.csv",
        "projects",
        projects_without("capital_bn_vnd"),
        "expected column `capital_bn_vnd`",
        "cần cột `capital_bn_vnd`; thấy các cột `project_id`",
    ),
    (
        "projects_negative_capital.csv",
        "projects",
        projects_with(0, "capital_bn_vnd", "-650"),
        "row 2, column `capital_bn_vnd`: expected a number of billion VND, 0 or more "
        "(e.g. 1650, 1.650 or 1.650,5); found '-650'",
        "dòng 2, cột `capital_bn_vnd`: cần một số tỷ đồng, từ 0 trở lên "
        "(ví dụ 1650, 1.650 hoặc 1.650,5); thấy '-650'",
    ),
    (
        "projects_nan_capital.csv",
        "projects",
        projects_with(1, "capital_bn_vnd", "NaN"),
        "found 'NaN'",
        "dòng 3, cột `capital_bn_vnd`: cần một số tỷ đồng, từ 0 trở lên (ví dụ 1650, 1.650 hoặc 1.650,5); "
        "thấy 'NaN'",
    ),
    (
        "projects_text_capital.csv",
        "projects",
        projects_with(2, "capital_bn_vnd", "một nghìn"),
        "found 'một nghìn'",
        "dòng 4, cột `capital_bn_vnd`: cần một số tỷ đồng, từ 0 trở lên (ví dụ 1650, 1.650 hoặc 1.650,5); "
        "thấy 'một nghìn'",
    ),
    (
        "projects_mixed_number_formats.csv",
        "projects",
        projects_with_values("capital_bn_vnd", {11: "1.650,5", 12: "1,080.5"}),
        "row 14, column `capital_bn_vnd`: expected a figure in the Vietnamese number format, "
        "like the rest of the column (this one is in the English number format); found '1,080.5'",
        "dòng 14, cột `capital_bn_vnd`: cần một con số theo định dạng số kiểu Việt Nam như cả cột "
        "(ô này lại theo định dạng số kiểu Anh); thấy '1,080.5'",
    ),
    (
        "projects_unknown_sector.csv",
        "projects",
        projects_with(3, "sector", "robotics"),
        "row 5, column `sector`: expected one of mechanical, electronics, textiles, ceramics; "
        "found 'robotics'",
        "dòng 5, cột `sector`: cần một trong `mechanical` (cơ khí), `electronics` (điện tử – tin học), "
        "`textiles` (dệt may – da giày), `ceramics` (sứ vệ sinh); thấy 'robotics'",
    ),
    (
        "projects_unknown_phase.csv",
        "projects",
        projects_with(4, "phase", "2026-2030"),
        "row 6, column `phase`: expected one of 2016-2020, 2021-2025; found '2026-2030'",
        "dòng 6, cột `phase`: cần một trong `2016-2020`, `2021-2025`; thấy '2026-2030'",
    ),
    (
        "projects_duplicate_id.csv",
        "projects",
        projects_with(1, "project_id", "mechanical-2016-1"),
        "row 3, column `project_id`: expected a unique id (already used in row 2)",
        "dòng 3, cột `project_id`: cần một mã không trùng (đã dùng ở dòng 2); thấy 'mechanical-2016-1'",
    ),
    (
        "projects_unknown_zone.csv",
        "projects",
        projects_with(0, "site_zone_ids", "kcn-atlantis"),
        "project mechanical-2016-1, column `site_zone_ids`: expected ids of zones in the zone layer; "
        "found 'kcn-atlantis'",
        "dự án `mechanical-2016-1`, cột `site_zone_ids`: cần mã của "
        "các khu trong lớp khu; thấy 'kcn-atlantis'",
    ),
    (
        "projects_single_but_two_sites.csv",
        "projects",
        projects_with(0, "site_mode", "single"),
        "column `site_mode`: expected 'joint' or 'alternatives' for several sites; found 'single'",
        "cột `site_mode`: cần `joint` hoặc `alternatives` khi có nhiều địa điểm; thấy 'single'",
    ),
    (
        "projects_corrupt.xlsx",
        "projects",
        b"PK\x03\x04 not really a workbook",
        "expected an Excel workbook (.xlsx)",
        "cần một sổ tính Excel (.xlsx); thấy một tệp không phải zip hợp lệ",
    ),
    (
        "projects_empty.csv",
        "projects",
        "",
        "expected a non-empty file; found an empty file (0 bytes)",
        "cần một tệp có nội dung; thấy một tệp rỗng (0 byte)",
    ),
    (
        "sites_gps_placement.geojson",
        "sites",
        collection(site(point(106.338, 20.492), placement="gps")),
        "column `placement`: expected one of point, park, area; found 'gps'",
        "cột `placement`: cần một trong `point` (đúng tọa độ đã cho), `park` (trong khu công nghiệp đã nêu), "
        "`area` (ở đâu đó trong vùng); thấy 'gps'",
    ),
    (
        "sites_unknown_precision.geojson",
        "sites",
        collection(site(point(106.338, 20.492), precision="exact")),
        "column `precision`: expected one of surveyed, official, indicative, unspecified; found 'exact'",
        "cột `precision`: cần một trong `surveyed` (ranh giới đo đạc)",
    ),
    (
        "sites_outside_vietnam.csv",
        "sites",
        "project_id,lon,lat\nelectronics-2021-1,2.35,48.85\n",
        "outside the province",
        "thấy kinh độ 2,3500, vĩ độ 48,8500: nằm ngoài tỉnh",
    ),
    (
        "projects_zone_twice.csv",
        "projects",
        projects_with(0, "site_zone_ids", "kcn-cau-nghin;kcn-cau-nghin"),
        "row 2, column `site_zone_ids`: expected each zone at most once; found 'kcn-cau-nghin' twice",
        "dòng 2, cột `site_zone_ids`: cần mỗi khu nhiều nhất một lần; thấy 'kcn-cau-nghin' hai lần",
    ),
    (
        "projects_all_zero_capital.csv",
        "projects",
        all_zero_capital(),
        "column `capital_bn_vnd`: expected some capital above 0 in the list; found 22 rows, all 0",
        "cột `capital_bn_vnd`: cần ít nhất một dự án có vốn lớn hơn 0; thấy 22 dòng, tất cả bằng 0",
    ),
    # ------------------------------------------------------------ zones: geometry per layer
    (
        "zones_linestring.geojson",
        "zones",
        collection(feature({"type": "LineString", "coordinates": SONG_TRA})),
        "column `geometry`: expected Polygon or MultiPolygon; found LineString",
        "cột `geometry`: cần vùng (Polygon) hoặc vùng nhiều phần (MultiPolygon); thấy đường (LineString)",
    ),
    (
        "zones_geometry_collection.geojson",
        "zones",
        collection(feature({"type": "GeometryCollection", "geometries": [polygon(SONG_TRA)]})),
        "expected Polygon or MultiPolygon; found GeometryCollection",
        "thấy tập hợp hình học (GeometryCollection)",
    ),
    (
        "zones_null_geometry.geojson",
        "zones",
        collection(feature(None)),  # type: ignore[arg-type]
        "column `geometry`: expected Polygon or MultiPolygon; found no geometry",
        "cột `geometry`: cần vùng (Polygon) hoặc vùng nhiều phần (MultiPolygon); thấy không có hình học",
    ),
    (
        "zones_no_features.geojson",
        "zones",
        collection(),
        "expected at least one feature; found no features",
        "cần ít nhất một đối tượng; thấy không có đối tượng nào",
    ),
    (
        "zones_new_zone_without_name.geojson",
        "zones",
        collection(feature(polygon(SONG_TRA), zone_id="kcn-moi", name_vi="")),
        "feature 1, column `name_vi`: expected a zone name; found an empty cell",
        "đối tượng 1, cột `name_vi`: cần tên khu; thấy một ô trống",
    ),
    (
        "zones_without_zone_id.geojson",
        "zones",
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    {
                        "type": "Feature",
                        "properties": {"name_vi": "KCN Sông Trà"},
                        "geometry": polygon(SONG_TRA),
                    }
                ],
            },
            ensure_ascii=False,
        ),
        "expected columns `zone_id`, `kind`, `precision`",
        "cần các cột `zone_id`, `kind`, `precision`; thấy các cột `name_vi`",
    ),
    # ------------------------------------------------------------ zones: what the file must be
    (
        "zones_topology.json",
        "zones",
        json.dumps({"type": "Topology", "objects": {}}),
        "found \"type\" 'Topology'",
        "thấy \"type\" là 'Topology'",
    ),
    (
        "zones_json_array.geojson",
        "zones",
        json.dumps([feature(polygon(SONG_TRA))]),
        'found no GeoJSON "type"',
        'thấy không có "type" GeoJSON',
    ),
    (
        "zones_latin1.geojson",
        "zones",
        collection(feature(polygon(SONG_TRA), name_vi="Zone Größe")).encode("latin-1"),
        "found text that is not UTF-8",
        "thấy văn bản không phải UTF-8",
    ),
    (
        "zones_crs_link.geojson",
        "zones",
        json.dumps(
            {
                "type": "FeatureCollection",
                "crs": {
                    "type": "link",
                    "properties": {"href": "http://127.0.0.1:9/crs.wkt", "type": "ogcwkt"},
                },
                "features": [feature(polygon(SONG_TRA))],
            },
            ensure_ascii=False,
        ),
        "found a \"crs\" of type 'link' that is not a CRS name (links and files are not followed)",
        "thấy một \"crs\" kiểu 'link' không phải tên hệ tọa độ (không mở liên kết hay tệp)",
    ),
    (
        "zones_not_sqlite.gpkg",
        "zones",
        collection(feature(polygon(SONG_TRA))),
        "expected a readable vector layer (GeoPackage: an SQLite file); found a file that is not SQLite",
        "cần một lớp dữ liệu không gian đọc được (GeoPackage: một "
        "tệp SQLite); thấy một tệp không phải SQLite",
    ),
    (
        "zones_sqlite_not_geopackage.gpkg",
        "zones",
        layer_file(".gpkg", sqlite_not_geopackage),
        "found an SQLite file that is not a GeoPackage (no such table: gpkg_contents)",
        "thấy một tệp SQLite không phải GeoPackage (lỗi của SQLite: `no such table: gpkg_contents`)",
    ),
    (
        "zones_two_layers.gpkg",
        "zones",
        layer_file(".gpkg", two_layer_geopackage),
        "expected a GeoPackage with exactly one feature layer; found 'a', 'b'",
        "cần một GeoPackage có đúng một lớp đối tượng; thấy 'a', 'b'",
    ),
    (
        "zones_virtual_table.gpkg",
        "zones",
        layer_file(".gpkg", geopackage_with_virtual_table),
        "found table 'notes' reads through 'fts5', which could reach other files",
        "thấy bảng 'notes' đọc qua 'fts5', có thể truy cập tệp khác",
    ),
    (
        "zones_not_flatgeobuf.fgb",
        "zones",
        collection(feature(polygon(SONG_TRA))),
        "found a file that is not FlatGeobuf",
        "thấy một tệp không phải FlatGeobuf",
    ),
    (
        "zones_no_crs.fgb",
        "zones",
        layer_file(".fgb", lambda path: song_tra_frame(crs=None).to_file(path, driver="FlatGeobuf")),
        "expected a declared coordinate reference system (.prj file, or the CRS of the layer); found no CRS",
        "cần hệ tọa độ được khai báo (tệp .prj, hoặc hệ tọa độ của lớp); thấy không có hệ tọa độ",
    ),
    # ------------------------------------------------------------ zones: zips
    (
        "shapefile_without_shx.zip",
        "zones",
        shapefile_parts(drop=(".shx",)),
        "expected a shapefile set: .shp, .shx, .dbf and .prj; found no .shx",
        "cần bộ shapefile: .shp, .shx, .dbf và .prj; thấy thiếu .shx",
    ),
    (
        "shapefile_not_a_shape.zip",
        "zones",
        shapefile_parts(garbage=".shp"),
        "found a .shp that is not a shapefile",
        "thấy tệp .shp không phải shapefile",
    ),
    (
        "zip_nested.zip",
        "zones",
        zipped({"ranh_gioi.zip": zipped({"zones.geojson": collection(feature(polygon(SONG_TRA))).encode()})}),
        "found none (a zip inside the zip is not opened: ranh_gioi.zip)",
        "thấy không có (tệp nén bên trong tệp nén không được mở: `ranh_gioi.zip`)",
    ),
    (
        "zip_no_layer.zip",
        "zones",
        zipped({"doc_truoc.txt": "Ranh giới KCN Sông Trà".encode(), "ranh_gioi.kml": b"<kml/>"}),
        "expected exactly one .shp, .geojson, .gpkg or .fgb inside the zip; found none",
        "cần đúng một tệp .shp, .geojson, .gpkg hoặc .fgb trong tệp nén; thấy không có",
    ),
    (
        "zip_same_name_two_folders.zip",
        "zones",
        zipped(
            {
                "2019/zones.geojson": collection(feature(polygon(SONG_TRA))).encode(),
                "2024/zones.geojson": collection(feature(polygon(SONG_TRA))).encode(),
            }
        ),
        "found 2019/zones.geojson, 2024/zones.geojson",
        "thấy `2019/zones.geojson`, `2024/zones.geojson`",
    ),
    (
        "zip_absolute_path.zip",
        "zones",
        zipped({"/home/an/zones.geojson": collection(feature(polygon(SONG_TRA))).encode()}),
        "entry '/home/an/zones.geojson': expected a path inside the archive; found a path that escapes it",
        "mục '/home/an/zones.geojson': cần một đường dẫn bên trong tệp nén",
    ),
    (
        "zip_too_many_entries.zip",
        "zones",
        zipped({f"phu_luc/{n:03}.txt": b"" for n in range(201)}),
        "expected at most 200 entries; found 201 entries",
        "cần tối đa 200 mục; thấy 201 mục",
    ),
    (
        "zip_symlink.zip",
        "zones",
        symlink_zip(),
        "entry 'zones.geojson': expected a file; found a symbolic link (links are not followed)",
        "mục 'zones.geojson': cần một tệp; thấy một liên kết tượng trưng (không mở liên kết)",
    ),
    # ------------------------------------------------------------ sites
    (
        "sites_multipoint.geojson",
        "sites",
        collection(site({"type": "MultiPoint", "coordinates": [[106.338, 20.492], [106.339, 20.493]]})),
        "column `geometry`: expected Point; found MultiPoint",
        "cột `geometry`: cần điểm (Point); thấy nhiều điểm (MultiPoint)",
    ),
    (
        "sites_null_geometry.geojson",
        "sites",
        collection(site(None)),  # type: ignore[arg-type]
        "column `geometry`: expected Point; found no geometry",
        "cột `geometry`: cần điểm (Point); thấy không có hình học",
    ),
    (
        "sites_no_features.geojson",
        "sites",
        collection(),
        "expected at least one feature; found no features",
        "cần ít nhất một đối tượng; thấy không có đối tượng nào",
    ),
    (
        "sites_header_only.csv",
        "sites",
        "project_id,zone_id,lon,lat\n",
        "expected at least one row below the header; found no rows",
        "cần ít nhất một dòng dưới dòng tiêu đề; thấy không có dòng nào",
    ),
    (
        "sites_without_coordinates.csv",
        "sites",
        "project_id,zone_id\nelectronics-2021-1,kcn-song-tra\n",
        "expected columns `lon` and `lat` (WGS84 degrees); found columns "
        "`project_id`, `zone_id`, without `lon`, `lat`",
        "cần các cột `lon` và `lat` (độ, WGS84); thấy các cột `project_id`, `zone_id`, không có `lon`, `lat`",
    ),
    (
        "sites_empty_project.csv",
        "sites",
        "project_id,zone_id,lon,lat\n,kcn-song-tra,106.338,20.492\n",
        "row 2, column `project_id`: expected the id of a project; found an empty cell",
        "dòng 2, cột `project_id`: cần mã của một dự án; thấy một ô trống",
    ),
    (
        "sites_unknown_zone.csv",
        "sites",
        "project_id,zone_id,lon,lat\nelectronics-2021-1,kcn-atlantis,106.338,20.492\n",
        "row 2, column `zone_id`: expected an id of a zone in the zone layer; found 'kcn-atlantis'",
        "dòng 2, cột `zone_id`: cần mã của một khu trong lớp khu; thấy 'kcn-atlantis'",
    ),
    (
        "sites_in_no_zone.csv",
        "sites",
        # Inside the province's box but outside the province itself: in no zone at all.
        "project_id,lon,lat\nelectronics-2021-1,106.0,20.6\n",
        "expected a point inside one of the project's zones; found a point in no such zone",
        "cần một điểm nằm trong một khu của dự án; thấy một điểm không nằm trong khu nào như thế",
    ),
    (
        "sites_zone_of_another_project.csv",
        "sites",
        "project_id,zone_id,lon,lat\nceramics-2016-1,kcn-song-tra,106.338,20.492\n",
        "column `zone_id`: expected one of the project's sites: kcn-tien-hai; found 'kcn-song-tra'",
        "cột `zone_id`: cần một trong các địa điểm của dự án: `kcn-tien-hai`; thấy 'kcn-song-tra'",
    ),
    (
        "sites_list.txt",
        "sites",
        "project_id,lon,lat\nelectronics-2021-1,106.338,20.492\n",
        "expected a file ending in .geojson, .json, .gpkg, .fgb, .zip, .csv, .xlsx; found '.txt'",
        "cần một tệp có đuôi .geojson, .json, .gpkg, .fgb, .zip, .csv, .xlsx; thấy '.txt'",
    ),
    # ------------------------------------------------------------ projects: numbers as people write them
    (
        "projects_dot_and_comma_thousands.csv",
        "projects",
        projects_with_values("capital_bn_vnd", {0: "1.650", 1: "1,080"}),
        "row 3, column `capital_bn_vnd`: expected a figure in the Vietnamese number format, like the rest "
        "of the column (this one is in the English number format); found '1,080'",
        "dòng 3, cột `capital_bn_vnd`: cần một con số theo định dạng số kiểu Việt Nam như cả cột "
        "(ô này lại theo định dạng số kiểu Anh); thấy '1,080'",
    ),
    (
        "projects_english_column_one_vietnamese.csv",
        "projects",
        projects_with_values("capital_bn_vnd", {0: "1,650.5", 1: "2,080.5", 2: "1.650,5"}),
        "row 4, column `capital_bn_vnd`: expected a figure in the English number format, like the rest "
        "of the column (this one is in the Vietnamese number format); found '1.650,5'",
        "dòng 4, cột `capital_bn_vnd`: cần một con số theo định dạng số kiểu Anh như cả cột "
        "(ô này lại theo định dạng số kiểu Việt Nam); thấy '1.650,5'",
    ),
    (
        "projects_million_dong.csv",
        "projects",
        projects_with(0, "capital_bn_vnd", "1.650 triệu đồng"),
        "row 2, column `capital_bn_vnd`: expected a number of billion VND, 0 or more "
        "(e.g. 1650, 1.650 or 1.650,5); found '1.650 triệu đồng'",
        "dòng 2, cột `capital_bn_vnd`: cần một số tỷ đồng, từ 0 trở lên (ví dụ 1650, 1.650 hoặc 1.650,5); "
        "thấy '1.650 triệu đồng'",
    ),
    (
        "projects_unit_without_figure.csv",
        "projects",
        projects_with(0, "capital_bn_vnd", "tỷ đồng"),
        "found 'tỷ đồng'",
        "cần một số tỷ đồng, từ 0 trở lên (ví dụ 1650, 1.650 hoặc 1.650,5); thấy 'tỷ đồng'",
    ),
    (
        "projects_about_a_figure.csv",
        "projects",
        projects_with(0, "capital_bn_vnd", "khoảng 1.650 tỷ đồng"),
        "found 'khoảng 1.650 tỷ đồng'",
        "thấy 'khoảng 1.650 tỷ đồng'",
    ),
    (
        "projects_malformed_grouping.csv",
        "projects",
        projects_with(0, "capital_bn_vnd", "1.650.5"),
        "found '1.650.5'",
        "dòng 2, cột `capital_bn_vnd`: cần một số tỷ đồng, từ 0 trở lên (ví dụ 1650, 1.650 hoặc 1.650,5); "
        "thấy '1.650.5'",
    ),
    (
        "projects_percent.csv",
        "projects",
        projects_with(0, "capital_bn_vnd", "50%"),
        "found '50%'",
        "thấy '50%'",
    ),
    (
        "projects_range.csv",
        "projects",
        projects_with(0, "capital_bn_vnd", "1.000-2.000"),
        "found '1.000-2.000'",
        "thấy '1.000-2.000'",
    ),
    (
        "projects_empty_capital.csv",
        "projects",
        projects_with(0, "capital_bn_vnd", ""),
        "row 2, column `capital_bn_vnd`: expected a number of billion VND, 0 or more "
        "(e.g. 1650, 1.650 or 1.650,5); found an empty cell",
        "dòng 2, cột `capital_bn_vnd`: cần một số tỷ đồng, từ 0 trở lên (ví dụ 1650, 1.650 hoặc 1.650,5); "
        "thấy một ô trống",
    ),
    # ------------------------------------------------------------ projects: every field
    (
        "projects_unknown_site_mode.csv",
        "projects",
        projects_with(0, "site_mode", "both"),
        "row 2, column `site_mode`: expected one of single, joint, alternatives; found 'both'",
        "dòng 2, cột `site_mode`: cần một trong `single` (một địa điểm), `joint` (cùng lúc ở mọi địa điểm), "
        "`alternatives` (một trong các địa điểm); thấy 'both'",
    ),
    (
        "projects_sector_in_vietnamese.csv",
        "projects",
        projects_with(0, "sector", "Cơ khí"),
        "row 2, column `sector`: expected one of mechanical, electronics, textiles, ceramics; found 'Cơ khí'",
        "dòng 2, cột `sector`: cần một trong `mechanical` (cơ khí)",
    ),
    (
        "projects_plants_in_words.csv",
        "projects",
        projects_with(0, "plants", "hai"),
        "row 2, column `plants`: expected a whole number or an empty cell; found 'hai'",
        "dòng 2, cột `plants`: cần một số nguyên hoặc ô trống; thấy 'hai'",
    ),
    (
        "projects_bad_id.csv",
        "projects",
        projects_with(0, "project_id", "Cơ khí 1"),
        "row 2, column `project_id`: expected lower-case letters, digits and '-'; found 'Cơ khí 1'",
        "dòng 2, cột `project_id`: cần chữ thường không dấu, chữ số và '-'; thấy 'Cơ khí 1'",
    ),
    (
        "projects_without_name.csv",
        "projects",
        projects_with(0, "name_vi", ""),
        "row 2, column `name_vi`: expected a project name; found an empty cell",
        "dòng 2, cột `name_vi`: cần tên dự án; thấy một ô trống",
    ),
    (
        "projects_without_zone.csv",
        "projects",
        projects_with(0, "site_zone_ids", ""),
        "row 2, column `site_zone_ids`: expected zone ids separated by ';'; found an empty cell",
        "dòng 2, cột `site_zone_ids`: cần các mã khu, cách nhau bằng ';'; thấy một ô trống",
    ),
    (
        "projects_header_only.csv",
        "projects",
        header_only(PROJECTS),
        "expected at least one row below the header; found no rows",
        "cần ít nhất một dòng dưới dòng tiêu đề; thấy không có dòng nào",
    ),
    (
        "projects_as_geojson.geojson",
        "projects",
        collection(feature(polygon(SONG_TRA))),
        "expected a file ending in .csv, .xlsx; found '.geojson'",
        "cần một tệp có đuôi .csv, .xlsx; thấy '.geojson'",
    ),
    (
        LONG_NAME,
        "projects",
        projects_with(0, "sector", "robotics"),
        "row 2, column `sector`: expected one of mechanical",
        "dòng 2, cột `sector`: cần một trong `mechanical` (cơ khí)",
    ),
    # ------------------------------------------------------------ projects: CSV as offices save it
    (
        "projects_semicolon_missing_column.csv",
        "projects",
        delimited(rows_of(projects_without("sector")), ";"),
        "expected column `sector`; found columns `project_id`, `phase`",
        "cần cột `sector`; thấy các cột `project_id`, `phase`",
    ),
    (
        "projects_tab_extra_cell.csv",
        "projects",
        with_extra_cell(2),
        "row 4: expected at most 17 cells, as in the header; found 18 cells",
        "dòng 4: cần tối đa 17 ô, như dòng tiêu đề; thấy 18 ô",
    ),
    (
        "projects_nfd_headers_without_capital.csv",
        "projects",
        vietnamese_headers_nfd_without_capital(),
        "expected column `capital_bn_vnd`; found columns `project_id`, "
        "`sector`, `phase`, `name_vi`, `site_zone_ids`",
        "cần cột `capital_bn_vnd`; thấy các cột `project_id`, `sector`, `phase`, `name_vi`, `site_zone_ids`",
    ),
    (
        "projects_utf16_without_bom.csv",
        "projects",
        PROJECTS.encode("utf-16-le"),
        "row 1: expected UTF-8 text (save the file as 'CSV UTF-8'); found NUL bytes from offset 1 "
        "(UTF-16 text without its byte-order mark?)",
        "dòng 1: cần văn bản UTF-8 (lưu tệp dạng 'CSV UTF-8'); thấy các byte NUL từ vị trí 1 "
        "(văn bản UTF-16 thiếu dấu thứ tự byte BOM?)",
    ),
    (
        "projects_windows_1258_bad_byte.csv",
        "projects",
        windows_1258_with_bad_byte(),
        "found byte 0x8a at offset",
        "thấy byte 0x8a ở vị trí",
    ),
    (
        "projects_no_header_text.csv",
        "projects",
        ";;;\n;;;\n",
        "expected a header row; found no text",
        "cần một dòng tiêu đề; thấy không có chữ",
    ),
    (
        "projects_huge_cell.csv",
        "projects",
        projects_with(0, "notes_vi", "x" * 140_000),
        "expected cells of at most 131,072 characters; found a longer cell",
        "cần các ô dài tối đa 131.072 ký tự; thấy một ô dài hơn",
    ),
    (
        "projects_capital_twice.csv",
        "projects",
        capital_twice(),
        "column `capital_bn_vnd`: expected the column once; found 2 columns for it: "
        "`Vốn đầu tư (tỷ đồng)`, `Vốn đầu tư`",
        "cột `capital_bn_vnd`: cần cột này một lần; thấy 2 cột cho nó: `Vốn đầu tư (tỷ đồng)`, `Vốn đầu tư`",
    ),
    (
        "projects_quote_never_closed.csv",
        "projects",
        open_quote(),
        'row 21: expected a quote " closed in the cell it opens; found a quote never closed: '
        "every line after it would be one cell",
        'dòng 21: cần dấu ngoặc kép " được đóng trong chính ô mở nó; '
        "thấy một dấu ngoặc kép không bao giờ đóng",
    ),
    (
        "projects_too_many_rows.csv",
        "projects",
        too_many_rows(),
        "expected at most 200,000 rows; found more than that",
        "cần tối đa 200.000 dòng; thấy nhiều hơn thế",
    ),
    (
        "projects_too_many_cells.csv",
        "projects",
        too_many_cells(),
        "expected at most 5,000,000 cells; found more than that",
        "cần tối đa 5.000.000 ô; thấy nhiều hơn thế",
    ),
    # ------------------------------------------------------------ projects: workbooks as offices make them
    (
        "projects_title_without_header.xlsx",
        "projects",
        workbook({"Danh mục": [["DANH MỤC DỰ ÁN ƯU TIÊN"], *project_rows()[1:]]}),
        "row 1: expected a header row naming the columns (`project_id`, `name_vi`, `capital_bn_vnd`, …) "
        "within the first 20 rows; found only the title 'DANH MỤC DỰ ÁN ƯU TIÊN' above the data",
        "dòng 1: cần một dòng tiêu đề ghi tên các cột (`project_id`, `name_vi`, `capital_bn_vnd`, …) "
        "trong 20 dòng đầu; thấy chỉ có dòng tên bảng 'DANH MỤC DỰ ÁN ƯU TIÊN' phía trên dữ liệu",
    ),
    (
        "projects_list_on_no_sheet.xlsx",
        "projects",
        workbook(
            {"Bìa": [["KẾ HOẠCH PHÁT TRIỂN CÔNG NGHIỆP HỖ TRỢ"]], "Ghi chú": [["Xem danh mục kèm theo"]]}
        ),
        "expected a sheet holding the list: a header row naming the columns (`project_id`, `name_vi`, …) "
        "within its first 20 rows; found no such sheet among 'Bìa', 'Ghi chú'",
        "cần một trang tính chứa danh mục: một dòng tiêu đề ghi tên các cột (`project_id`, `name_vi`, …) "
        "trong 20 dòng đầu; thấy không trang nào như thế trong số 'Bìa', 'Ghi chú'",
    ),
    (
        "projects_formula_without_value.xlsx",
        "projects",
        workbook({"Danh mục": with_formula()}),
        "row 4, column `capital_bn_vnd`: expected a saved value (open the workbook in Excel and save it, "
        "so formulas keep their results); found the formula '=1000+650' with no saved value",
        "dòng 4, cột `capital_bn_vnd`: cần một giá trị đã lưu (mở sổ "
        "tính bằng Excel rồi lưu lại để công thức "
        "giữ kết quả); thấy công thức '=1000+650' chưa có giá trị",
    ),
    (
        "projects_title_and_bad_sector.xlsx",
        "projects",
        workbook({"Danh mục": [["DANH MỤC DỰ ÁN ƯU TIÊN"], *with_cell(1, "sector", "Điện tử")]}),
        "row 4, column `sector`: expected one of mechanical, "
        "electronics, textiles, ceramics; found 'Điện tử'",
        "dòng 4, cột `sector`: cần một trong `mechanical` (cơ khí), `electronics` (điện tử – tin học)",
    ),
    (
        "projects_split_over_sheets.xlsx",
        "projects",
        workbook(split_by_phase()),
        "expected the list on one sheet; found a list on each of the sheets '2016-2020', '2021-2025' "
        "(only one would be read)",
        "cần danh mục nằm trên một trang tính; thấy một danh mục trên mỗi trang '2016-2020', '2021-2025' "
        "(chỉ một trang được đọc)",
    ),
    (
        "projects_empty_workbook.xlsx",
        "projects",
        workbook({"Sheet1": []}),
        "expected a header row; found no text",
        "cần một dòng tiêu đề; thấy không có chữ",
    ),
    (
        "projects_zip_not_workbook.xlsx",
        "projects",
        zipped({"danh_muc.csv": PROJECTS.encode()}),
        'expected an Excel workbook (.xlsx); found "There is no item '
        "named '[Content_Types].xml' in the archive\"",
        "cần một sổ tính Excel (.xlsx); thấy lỗi của thư viện đọc tệp: "
        "`There is no item named '[Content_Types].xml' in the archive`",
    ),
    (
        "projects_workbook_bomb.xlsx",
        "projects",
        xlsx_bomb(),
        "expected a workbook of at most 200 MB once unpacked; found more than that (a zip bomb?)",
        "cần một sổ tính tối đa 200 MB sau khi giải nén; thấy nhiều hơn thế (bom nén?)",
    ),
    (
        "projects_workbook_many_parts.xlsx",
        "projects",
        zipped({f"xl/media/image{n}.png": b"" for n in range(201)}),
        "expected a workbook of at most 200 parts; found 201 parts",
        "cần một sổ tính tối đa 200 phần; thấy 201 phần",
    ),
    (
        "projects_workbook_damaged.xlsx",
        "projects",
        corrupt_member(),
        "expected an Excel workbook (.xlsx); found",
        "cần một sổ tính Excel (.xlsx); thấy lỗi của thư viện đọc tệp",
    ),
]


def thin_strip(centre: tuple[float, float], length_m: float, width_m: float) -> dict:
    """A ``length_m`` x ``width_m`` rectangle (lon/lat) rotated 30° about ``centre``."""
    metric = gpd.GeoSeries([shapely.Point(*centre)], crs="EPSG:4326").to_crs("EPSG:32648").iloc[0]
    box = shapely.box(
        metric.x - length_m / 2, metric.y - width_m / 2, metric.x + length_m / 2, metric.y + width_m / 2
    )
    rotated = gpd.GeoSeries([shapely.affinity.rotate(box, 30)], crs="EPSG:32648").to_crs("EPSG:4326")
    return shapely.geometry.mapping(rotated.iloc[0])


def ok_files() -> dict[str, str]:
    """Valid uploads the app must accept without a problem: bare, thin, multi-part, holed."""
    bare = {"zone_id": "kcn-song-tra", "name_vi": "KCN Sông Trà (ranh mới)", "name_en": "Sông Trà IP (new)"}
    strip = thin_strip((106.44, 20.64), 2_000, 50)
    ring = [[106.330, 20.484], [106.346, 20.484], [106.346, 20.500], [106.330, 20.500], [106.330, 20.484]]
    hole = [[106.336, 20.490], [106.340, 20.490], [106.340, 20.494], [106.336, 20.494], [106.336, 20.490]]
    second = [[106.350, 20.484], [106.356, 20.484], [106.356, 20.490], [106.350, 20.490], [106.350, 20.484]]

    def bare_feature(geometry: dict, **properties: object) -> dict:
        return {"type": "Feature", "properties": {**bare, **properties}, "geometry": geometry}

    return {
        "zone_bare_known.geojson": collection(bare_feature(polygon(SONG_TRA))),
        "zone_long_thin_cau_nghin.geojson": collection(
            bare_feature(strip, zone_id="kcn-cau-nghin", name_vi="KCN Cầu Nghìn", precision="surveyed")
        ),
        "zone_holed.geojson": collection(feature({"type": "Polygon", "coordinates": [ring, hole]})),
        "zone_multipart.geojson": collection(
            feature({"type": "MultiPolygon", "coordinates": [[SONG_TRA], [second]]})
        ),
    }


#: Valid files whose names carry an HTML/JS payload: it must show as text, never run.
PAYLOAD = '<img src=x onerror="window.__pwned=1">'


def main() -> None:
    BAD.mkdir(exist_ok=True)
    OK.mkdir(exist_ok=True)
    for old in BAD.iterdir():
        old.unlink()
    with (HERE / "expected.csv").open("w", newline="", encoding="utf-8") as manifest:
        writer = csv.writer(manifest, lineterminator="\n")
        writer.writerow(["file", "kind", "message_en", "message_vi"])
        for name, kind, content, message, message_vi in CASES:
            data = content.encode("utf-8") if isinstance(content, str) else content
            (BAD / name).write_bytes(data)  # type: ignore[arg-type]
            writer.writerow([name, kind, message, message_vi])
    for name, text in ok_files().items():
        (OK / name).write_text(text, encoding="utf-8")
    # Read since Windows-1258 is understood (it used to be refused as not UTF-8).
    # (The printed plan's Armenian look-alike letters in "Cầu Ngին" have no Windows-1258 code.)
    (OK / "projects_windows_1258.csv").write_bytes(windows_1258(PROJECTS.replace("Ngին", "Nghìn")))
    (OK / "xss_zone.geojson").write_text(
        collection(feature(polygon(SONG_TRA), name_vi=PAYLOAD, name_en=PAYLOAD, developer=PAYLOAD)),
        encoding="utf-8",
    )
    print(f"wrote {len(CASES)} bad files")


if __name__ == "__main__":
    main()
