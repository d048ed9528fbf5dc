"""Hostile files for the upload-security tests: each tries to read a canary file or reach a
listener on this machine, and must be refused without either happening."""

from __future__ import annotations

import http.server
import json
import sqlite3
import stat
import threading
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import geopandas as gpd
import shapely

CANARY_TEXT = "CANARY-7f3a9c-SECRET"


class Listener:
    """An HTTP server on 127.0.0.1 that records every request it gets."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        requests = self.requests

        class Handler(http.server.BaseHTTPRequestHandler):
            def _record(self) -> None:
                requests.append(f"{self.command} {self.path}")
                self.send_response(404)
                self.end_headers()

            do_GET = do_HEAD = do_POST = _record  # noqa: N815 (the names http.server calls)

            def log_message(self, *args: object) -> None:
                pass

        self._server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_port}"

    @contextmanager
    def running(self) -> Iterator[Listener]:
        thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            self._server.shutdown()
            self._server.server_close()


def write_canary(folder: Path) -> Path:
    """A server-side file an attacker would like to read: a CSV whose values are the canary."""
    path = folder / "secret.csv"
    path.write_text(
        f"zone_id,kind,precision,name_vi\n{CANARY_TEXT},{CANARY_TEXT},{CANARY_TEXT},{CANARY_TEXT}\n"
    )
    return path


def vrt_reading(source: str) -> bytes:
    """An OGR VRT document whose one layer reads ``source`` (a path or /vsicurl/ URL)."""
    return (
        '<OGRVRTDataSource><OGRVRTLayer name="zones">'
        f"<SrcDataSource>{source}</SrcDataSource>"
        "</OGRVRTLayer></OGRVRTDataSource>"
    ).encode()


def kml_with_entity(canary: Path, listener: str) -> bytes:
    """A KML document with external entities: one for a local file, one for a URL."""
    return (
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE kml [<!ENTITY secret SYSTEM "file://{canary}">'
        f'<!ENTITY remote SYSTEM "{listener}/xxe">]>\n'
        '<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>&secret;&remote;</name>'
        "<Point><coordinates>106.4,20.5</coordinates></Point></Placemark></Document></kml>"
    ).encode()


def geojson_crs_link(listener: str) -> bytes:
    """Valid GeoJSON whose old-style ``crs`` is a link: GDAL would fetch it."""
    return json.dumps(
        {
            "type": "FeatureCollection",
            "crs": {"type": "link", "properties": {"href": f"{listener}/crs.wkt", "type": "ogcwkt"}},
            "features": [
                {
                    "type": "Feature",
                    "properties": {
                        "zone_id": "kcn-song-tra",
                        "kind": "park",
                        "name_vi": "x",
                        "precision": "surveyed",
                    },
                    "geometry": {"type": "Point", "coordinates": [106.4, 20.5]},
                }
            ],
        }
    ).encode()


def zipped(members: dict[str, bytes], symlinks: dict[str, str] | None = None) -> bytes:
    """A zip of ``members``; ``symlinks`` are members stored as Unix symbolic links."""
    path = Path(_scratch()) / "archive.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
        for name, target in (symlinks or {}).items():
            info = zipfile.ZipInfo(name)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, target)
    return path.read_bytes()


def geopackage_with_virtual_table(canary: Path) -> bytes:
    """A GeoPackage with a layer, plus a table declared as a VirtualOGR view of ``canary``."""
    path = Path(_scratch()) / "virtual.gpkg"
    zone = gpd.GeoDataFrame(
        {"zone_id": ["kcn-song-tra"], "kind": ["park"], "name_vi": ["x"], "precision": ["surveyed"]},
        geometry=[shapely.box(106.33, 20.48, 106.34, 20.49)],
        crs="EPSG:4326",
    )
    zone.to_file(path, driver="GPKG", layer="zones")
    with sqlite3.connect(path) as db:
        # Python's sqlite has no VirtualOGR module, so write the declaration as GDAL would find it.
        db.execute("PRAGMA writable_schema=ON")
        db.execute(
            "INSERT INTO sqlite_master(type, name, tbl_name, rootpage, sql)"
            " VALUES ('table', 'leak', 'leak', 0, ?)",
            (f"CREATE VIRTUAL TABLE leak USING VirtualOGR('{canary}')",),
        )
    return path.read_bytes()


def _scratch() -> str:
    import tempfile

    return tempfile.mkdtemp(prefix="hostile-")


#: Each hostile upload: (kind of upload, file name, maker of its bytes from canary and listener).
CASES: dict[str, tuple[str, str, Callable[[Path, str], bytes]]] = {
    "vrt-named-geojson-reads-a-local-file": ("zones", "zones.geojson", lambda c, u: vrt_reading(str(c))),
    "vrt-named-geojson-fetches-a-url": (
        "zones",
        "zones.geojson",
        lambda c, u: vrt_reading(f"/vsicurl/{u}/x.csv"),
    ),
    "vrt-in-a-zip-reads-a-local-file": (
        "zones",
        "zones.zip",
        lambda c, u: zipped({"zones.geojson": vrt_reading(str(c))}),
    ),
    "vrt-in-a-zip-fetches-a-url": (
        "zones",
        "zones.zip",
        lambda c, u: zipped({"zones.geojson": vrt_reading(f"/vsicurl/{u}/x.csv")}),
    ),
    "vrt-named-json-as-sites": ("sites", "sites.json", lambda c, u: vrt_reading(str(c))),
    "kml-with-external-entities-named-geojson": ("zones", "zones.geojson", kml_with_entity),
    "geojson-crs-link-to-a-url": ("zones", "zones.geojson", lambda c, u: geojson_crs_link(u)),
    "zip-with-symlink-members": (
        "zones",
        "zones.zip",
        lambda c, u: zipped({}, symlinks={"zones.geojson": str(c)}),
    ),
    "geopackage-with-a-virtual-table-over-a-file": (
        "zones",
        "zones.gpkg",
        lambda c, u: geopackage_with_virtual_table(c),
    ),
}
