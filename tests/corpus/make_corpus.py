"""Write the bad-input corpus (``bad/``) and its manifest (``expected.csv``).

Run from the project folder: ``python tests/corpus/make_corpus.py``. The files are
committed; this script records how each was made. The one file too big to commit (over
the 50 MB limit) is made by the test itself.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
import zipfile
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
            archive.writestr(name, content)
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


CASES: list[tuple[str, str, object, str]] = [
    # (file, kind, content, the message it must give)
    (
        "truncated.geojson",
        "zones",
        collection(feature(polygon(SONG_TRA)))[:120],
        "expected a readable vector layer",
    ),
    ("not_json.geojson", "zones", "{this is not json", "expected a readable vector layer"),
    ("empty.geojson", "zones", "", "expected a non-empty file; found an empty file (0 bytes)"),
    (
        "points_not_polygons.geojson",
        "zones",
        collection(feature(point(106.338, 20.492))),
        "column `geometry`: expected Polygon or MultiPolygon; found Point",
    ),
    (
        "self_intersecting.geojson",
        "zones",
        collection(feature(polygon(BOWTIE))),
        "expected a valid geometry (no self-intersection); found Self-intersection",
    ),
    (
        "empty_polygon.geojson",
        "zones",
        collection(feature({"type": "Polygon", "coordinates": []})),
        "expected a non-empty Polygon; found an empty geometry",
    ),
    ("no_prj_shapefile.zip", "zones", shapefile_without_prj(), "found no CRS"),
    (
        "metres_without_crs.geojson",
        "zones",
        collection(feature(polygon(UTM))),
        "metres with no CRS declared?",
    ),
    (
        "lat_lon_swapped.geojson",
        "zones",
        collection(feature(polygon(SWAPPED))),
        "latitude and longitude swapped?",
    ),
    ("outside_province.geojson", "zones", collection(feature(polygon(HANOI))), "outside the province"),
    (
        "duplicate_zone_ids.geojson",
        "zones",
        collection(feature(polygon(SONG_TRA)), feature(polygon(SONG_TRA))),
        "feature 2, column `zone_id`: expected a unique id (already used in feature 1)",
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
    ),
    (
        "unknown_kind.geojson",
        "zones",
        collection(feature(polygon(SONG_TRA), kind="factory")),
        "column `kind`: expected one of province, district, coastal_zone, cluster_area, park; "
        "found 'factory'",
    ),
    (
        "unknown_precision.geojson",
        "zones",
        collection(feature(polygon(SONG_TRA), precision="gps")),
        "column `precision`: expected one of surveyed, official, indicative, unspecified; found 'gps'",
    ),
    (
        "bad_zone_id.geojson",
        "zones",
        collection(feature(polygon(SONG_TRA), zone_id="KCN Sông Trà")),
        "column `zone_id`: expected lower-case letters, digits and '-'; found 'KCN Sông Trà'",
    ),
    (
        "zip_slip.zip",
        "zones",
        zipped({"../../evil.geojson": collection(feature(polygon(SONG_TRA))).encode()}),
        "entry '../../evil.geojson': expected a path inside the archive; found a path that escapes it",
    ),
    ("zip_bomb.zip", "zones", zip_bomb(), "expected at most 200 MB once unpacked"),
    (
        "two_layers.zip",
        "zones",
        zipped({"a.geojson": b"{}", "b.geojson": b"{}"}),
        "expected exactly one .shp, .geojson, .gpkg or .fgb inside the zip; found a.geojson, b.geojson",
    ),
    (
        "not_really.zip",
        "zones",
        "just text, not a zip",
        "expected a zip archive; found a file that is not a valid zip",
    ),
    (
        "wrong_extension.txt",
        "zones",
        collection(feature(polygon(SONG_TRA))),
        "expected a file ending in .geojson",
    ),
    (
        "sites_outside_province.csv",
        "sites",
        "project_id,zone_id,lon,lat\nelectronics-2021-1,,105.85,21.03\n",
        "outside the province",
    ),
    (
        "sites_swapped.csv",
        "sites",
        "project_id,zone_id,lon,lat\nelectronics-2021-1,,20.492,106.338\n",
        "latitude and longitude swapped?",
    ),
    (
        "sites_text_coordinates.csv",
        "sites",
        "project_id,zone_id,lon,lat\nelectronics-2021-1,,abc,20.49\n",
        "column `lon/lat`: expected numbers (WGS84 degrees); found empty or text",
    ),
    (
        "sites_unknown_project.geojson",
        "sites",
        collection(site(point(106.338, 20.492), project_id="robotics-2030-1")),
        "column `project_id`: expected a project of the priority list; found 'robotics-2030-1'",
    ),
    (
        "sites_outside_their_zone.geojson",
        "sites",
        collection(site(point(106.22, 20.59), project_id="ceramics-2016-1", zone_id="kcn-tien-hai")),
        "expected a point inside zone kcn-tien-hai; found a point outside it",
    ),
    ("sites_polygons.geojson", "sites", collection(site(polygon(SONG_TRA))), "expected Point; found Polygon"),
    (
        "sites_duplicate_ids.csv",
        "sites",
        "site_id,project_id,zone_id,lon,lat\na,electronics-2021-1,,106.338,20.492\na,electronics-2021-2,,106.339,20.492\n",
        "`sites_duplicate_ids.csv` row 3, column `site_id`: expected a unique id (already used in row 2)",
    ),
    (
        "sites_without_project.csv",
        "sites",
        "zone_id,lon,lat\nkcn-song-tra,106.338,20.492\n",
        "expected column `project_id`",
    ),
    (
        "projects_western_european.csv",
        "projects",
        "project_id,name_vi\nmechanical-2016-1,Größe Maß\n".encode("cp1252"),
        "expected UTF-8 text (save the file as 'CSV UTF-8')",
    ),
    (
        "projects_missing_column.csv",
        "projects",
        projects_without("capital_bn_vnd"),
        "expected column `capital_bn_vnd`",
    ),
    (
        "projects_negative_capital.csv",
        "projects",
        projects_with(0, "capital_bn_vnd", "-650"),
        "row 2, column `capital_bn_vnd`: expected a number of billion VND, 0 or more "
        "(e.g. 1650, 1.650 or 1.650,5); found '-650'",
    ),
    ("projects_nan_capital.csv", "projects", projects_with(1, "capital_bn_vnd", "NaN"), "found 'NaN'"),
    (
        "projects_text_capital.csv",
        "projects",
        projects_with(2, "capital_bn_vnd", "một nghìn"),
        "found 'một nghìn'",
    ),
    (
        "projects_mixed_number_formats.csv",
        "projects",
        projects_with_values("capital_bn_vnd", {11: "1.650,5", 12: "1,080.5"}),
        "row 14, column `capital_bn_vnd`: expected a figure in the Vietnamese number format, "
        "like the rest of the column (this one is in the English number format); found '1,080.5'",
    ),
    (
        "projects_unknown_sector.csv",
        "projects",
        projects_with(3, "sector", "robotics"),
        "row 5, column `sector`: expected one of mechanical, electronics, textiles, ceramics; "
        "found 'robotics'",
    ),
    (
        "projects_unknown_phase.csv",
        "projects",
        projects_with(4, "phase", "2026-2030"),
        "row 6, column `phase`: expected one of 2016-2020, 2021-2025; found '2026-2030'",
    ),
    (
        "projects_duplicate_id.csv",
        "projects",
        projects_with(1, "project_id", "mechanical-2016-1"),
        "row 3, column `project_id`: expected a unique id (already used in row 2)",
    ),
    (
        "projects_unknown_zone.csv",
        "projects",
        projects_with(0, "site_zone_ids", "kcn-atlantis"),
        "project mechanical-2016-1, column `site_zone_ids`: expected ids of zones in the zone layer; "
        "found 'kcn-atlantis'",
    ),
    (
        "projects_single_but_two_sites.csv",
        "projects",
        projects_with(0, "site_mode", "single"),
        "column `site_mode`: expected 'joint' or 'alternatives' for several sites; found 'single'",
    ),
    (
        "projects_corrupt.xlsx",
        "projects",
        b"PK\x03\x04 not really a workbook",
        "expected an Excel workbook (.xlsx)",
    ),
    ("projects_empty.csv", "projects", "", "expected a non-empty file; found an empty file (0 bytes)"),
    (
        "sites_gps_placement.geojson",
        "sites",
        collection(site(point(106.338, 20.492), placement="gps")),
        "column `placement`: expected one of point, park, area; found 'gps'",
    ),
    (
        "sites_unknown_precision.geojson",
        "sites",
        collection(site(point(106.338, 20.492), precision="exact")),
        "column `precision`: expected one of surveyed, official, indicative, unspecified; found 'exact'",
    ),
    (
        "sites_outside_vietnam.csv",
        "sites",
        "project_id,lon,lat\nelectronics-2021-1,2.35,48.85\n",
        "outside the province",
    ),
    (
        "projects_zone_twice.csv",
        "projects",
        projects_with(0, "site_zone_ids", "kcn-cau-nghin;kcn-cau-nghin"),
        "row 2, column `site_zone_ids`: expected each zone at most once; found 'kcn-cau-nghin' twice",
    ),
    (
        "projects_all_zero_capital.csv",
        "projects",
        all_zero_capital(),
        "column `capital_bn_vnd`: expected some capital above 0 in the list; found 22 rows, all 0",
    ),
]

#: Vietnamese wording expected beside the English, for the cases whose messages have it;
#: the others (reader messages of ``geo/io.py``) carry only their Vietnamese frame so far.
MESSAGES_VI: dict[str, str] = {
    "sites_gps_placement.geojson": "cột `placement`: cần một trong point, park, area; thấy 'gps'",
    "sites_unknown_precision.geojson": "cột `precision`: cần một trong surveyed, official",
    "projects_zone_twice.csv": "cần mỗi khu nhiều nhất một lần; thấy 'kcn-cau-nghin' hai lần",
    "projects_all_zero_capital.csv": "cần ít nhất một dự án có vốn lớn hơn 0; thấy 22 dòng, tất cả bằng 0",
    "projects_unknown_sector.csv": "dòng 5, cột `sector`: cần một trong mechanical, electronics",
    "projects_unknown_phase.csv": "dòng 6, cột `phase`: cần một trong 2016-2020, 2021-2025",
    "unknown_kind.geojson": "đối tượng 1, cột `kind`: cần một trong province",
    "unknown_precision.geojson": "đối tượng 1, cột `precision`: cần một trong surveyed",
}


def message_vi(name: str) -> str:
    """The Vietnamese substring a case's message must hold: its own wording, or its frame."""
    return MESSAGES_VI.get(name, f"`{name}`")


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
        for name, kind, content, message in CASES:
            data = content.encode("utf-8") if isinstance(content, str) else content
            (BAD / name).write_bytes(data)  # type: ignore[arg-type]
            writer.writerow([name, kind, message, message_vi(name)])
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
