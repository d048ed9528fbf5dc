"""Hostile uploads: refused with a clear message, no canary text anywhere, no request made.

Each case tries to make GDAL read a file on the server (the canary) or fetch a URL (the
listener). Through the app's upload pipeline and through the command line.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

import pyogrio
import pyproj
import pytest

import cli
from geo import gdal, io
from geo.overrides import load_uploads, staged_name
from tests.hostile import CANARY_TEXT, CASES, Listener, geojson_crs_link, write_canary


@pytest.fixture
def listener() -> Iterator[Listener]:
    with Listener().running() as running:
        yield running


@pytest.fixture
def canary(tmp_path: Path) -> Path:
    return write_canary(tmp_path)


def test_gdal_keeps_only_the_drivers_users_files_may_use() -> None:
    assert set(pyogrio.list_drivers()) <= gdal.ALLOWED_DRIVERS
    assert {"GeoJSON", "GPKG", "FlatGeobuf", "ESRI Shapefile"} <= set(pyogrio.list_drivers())
    assert pyogrio.get_gdal_config_option("GDAL_DISABLE_READDIR_ON_OPEN") == "EMPTY_DIR"
    # Even a re-registration of all drivers would skip these.
    assert "OGR_VRT" in (pyogrio.get_gdal_config_option("GDAL_SKIP") or "").split()


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_hostile_upload_is_refused_and_reaches_nothing(case: str, canary: Path, listener: Listener) -> None:
    kind, name, make = CASES[case]
    plan, problems = load_uploads({kind: (name, make(canary, listener.url))})
    messages = [p.text(lang) for p in problems for lang in ("en", "vi")]
    assert problems, "the file was accepted"
    assert all(p.source == name for p in problems)
    # Refused as a file, not half-read: nothing of it reached the plan.
    assert plan.sources[kind] == name
    assert not any(CANARY_TEXT in m for m in messages)
    assert not any("/tmp" in m or "hostile-" in m for m in messages)
    assert CANARY_TEXT not in plan.zones.to_json() + plan.sites.to_json()
    assert listener.requests == []


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_command_line_refuses_it_too(
    case: str, canary: Path, listener: Listener, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kind, name, make = CASES[case]
    path = tmp_path / "upload" / name
    path.parent.mkdir()
    path.write_bytes(make(canary, listener.url))
    assert cli.run(["validate", f"--{kind}", str(path)]) == 1
    said = capsys.readouterr()
    assert name in said.out + said.err
    assert CANARY_TEXT not in said.out + said.err
    assert listener.requests == []


def test_refusals_say_what_was_expected_in_both_languages(canary: Path, listener: Listener) -> None:
    kind, name, make = CASES["vrt-named-geojson-reads-a-local-file"]
    _, problems = load_uploads({kind: (name, make(canary, listener.url))})
    assert problems[0].text("en") == (
        '`zones.geojson`: expected a readable vector layer (GeoJSON: a JSON object with a GeoJSON "type");'
        " found not JSON (line 1 column 1)"
    )
    assert (
        problems[0].text("vi").startswith("`zones.geojson`: cần một lớp dữ liệu không gian đọc được (GeoJSON")
    )
    _, problems = load_uploads(
        {"zones": ("zones.geojson", CASES["geojson-crs-link-to-a-url"][2](canary, listener.url))}
    )
    assert "links and files are not followed" in problems[0].text("en")
    _, problems = load_uploads(
        {"zones": ("zones.zip", CASES["zip-with-symlink-members"][2](canary, listener.url))}
    )
    assert "a symbolic link" in problems[0].text("en")
    assert "liên kết tượng trưng" in problems[0].text("vi")
    _, problems = load_uploads(
        {
            "zones": (
                "zones.gpkg",
                CASES["geopackage-with-a-virtual-table-over-a-file"][2](canary, listener.url),
            )
        }
    )
    assert "'VirtualOGR'" in problems[0].text("en")


def test_gdal_itself_reaches_no_url(tmp_path: Path, listener: Listener) -> None:
    # Past our own checks (straight to pyogrio): GDAL would fetch a GeoJSON crs link.
    path = tmp_path / "link.geojson"
    path.write_bytes(geojson_crs_link(listener.url))
    pyogrio.read_dataframe(f"GeoJSON:{path}")
    assert listener.requests == []
    assert f"{listener.url}/crs.wkt" in gdal.refused_urls


def test_a_geojson_crs_given_by_name_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "named.geojson"
    path.write_text(
        '{"type": "FeatureCollection",'
        ' "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32648"}},'
        ' "features": [{"type": "Feature", "properties": {"a": 1}, "geometry": {"type": "Point",'
        ' "coordinates": [640000, 2267000]}}]}'
    )
    frame = io.read_layer(path)
    assert frame.crs == "EPSG:4326"
    assert 106.3 < frame.geometry.x.iloc[0] < 106.4


def test_reader_errors_name_the_users_file_not_our_folders() -> None:
    corpus = Path(__file__).parent / "corpus" / "bad"
    with (corpus.parent / "expected.csv").open(encoding="utf-8") as manifest:
        kinds = {row["file"]: row["kind"] for row in csv.DictReader(manifest)}
    uploads = [
        (kinds[path.name], path)
        for path in corpus.glob("*.*")
        if path.suffix in (".geojson", ".zip", ".gpkg")
    ]
    uploads.append(("zones", Path("khu.fgb")))
    for kind, path in uploads:
        content = path.read_bytes() if path.exists() else b"fgb\x03fgb\x00" + b"\xff" * 8 + b"\x00" * 100
        _, problems = load_uploads({kind: (path.name, content)})
        messages = [p.text(lang) for p in problems for lang in ("en", "vi")]
        assert problems, path.name
        assert all("/tmp" not in m for m in messages), messages
        assert all(p.source == path.name for p in problems)


def test_side_files_in_two_folders_of_a_zip_stay_apart(tmp_path: Path) -> None:
    import geopandas as gpd
    import shapely

    from tests.hostile import zipped

    good = gpd.GeoDataFrame({"zone_id": ["a"]}, geometry=[shapely.Point(106.4, 20.5)], crs="EPSG:4326")
    good.to_file(tmp_path / "zones.shp")
    members = {
        f"data/zones{s}": (tmp_path / f"zones{s}").read_bytes() for s in (".shp", ".shx", ".dbf", ".prj")
    }
    # A second folder with a .prj of the same name that says metres: it must not be used.
    members["other/zones.prj"] = pyproj.CRS(32648).to_wkt("WKT1_ESRI").encode()
    path = tmp_path / "zones.zip"
    path.write_bytes(zipped(members))
    frame = io.read_layer(path)
    assert frame.geometry.x.iloc[0] == pytest.approx(106.4)


@pytest.mark.parametrize(
    ("name", "staged"),
    [
        ("x" * 300 + ".geojson", "x" * 192 + ".geojson"),
        ("../../etc/zones.geojson", "zones.geojson"),
        ("C:\\Users\\an\\Khu công nghiệp.gpkg", "Khu công nghiệp.gpkg"),
        ("a\x00b.csv", "ab.csv"),
    ],
)
def test_any_file_name_is_staged_safely(name: str, staged: str) -> None:
    assert staged_name(name) == staged


def test_a_file_name_of_300_characters_is_read(tmp_path: Path) -> None:
    content = (Path(__file__).parent / "corpus" / "ok").glob("*.geojson")
    first = next(iter(sorted(content)))
    _, problems = load_uploads({"zones": ("Khu công nghiệp " * 20 + ".geojson", first.read_bytes())})
    assert not any("too long" in p.text("en") for p in problems)


def test_the_upload_limit_is_stated_once() -> None:
    config = (Path(__file__).parent.parent / ".streamlit" / "config.toml").read_text()
    assert f"maxUploadSize = {io.MAX_FILE_MB}\n" in config
    assert io.MAX_FILE_BYTES == 50_000_000


def test_a_zone_file_without_zone_id_is_a_problem_not_a_crash() -> None:
    feature = b'{"type": "Feature", "properties": {"ten": "x"},'
    feature += b' "geometry": {"type": "Point", "coordinates": [106.4, 20.5]}}'
    plan, problems = load_uploads({"zones": ("khu.geojson", feature)})
    assert any("`zone_id`" in p.text("en") for p in problems)
    assert len(plan.zones) == 19
