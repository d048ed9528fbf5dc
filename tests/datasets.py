"""Data sets written by tests: only the required columns, hostile text, or one crowded zone."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import geopandas as gpd
import pandas as pd
import shapely

from bench import generate
from bench.browser import APP, served

#: Text that would be a link, a remote image or HTML if any page parsed it; port 9 is
#: "discard", so nothing answers even if a request did leave.
HOSTILE = (
    "[x](http://127.0.0.1:9/a) ![x](http://127.0.0.1:9/b.png) "
    "<img src=http://127.0.0.1:9/c.png><a href=http://127.0.0.1:9/d>d</a>"
)
HOSTILE_HOST = "127.0.0.1:9"


def write_minimal(folder: Path, *, projects: int = 3, text: str = "Khu A") -> Path:
    """One park and ``projects`` projects in it, with only the columns validation requires.

    ``text`` is every free-text value: names, and (as extra columns) every optional text
    field of projects, zones and sites, so a test can put hostile text everywhere.
    """
    folder.mkdir(parents=True, exist_ok=True)
    extra = text != "Khu A"
    ids = [f"mechanical-2016-{n}" for n in range(1, projects + 1)]
    table = pd.DataFrame(
        {
            "project_id": ids,
            "sector": "mechanical",
            "phase": "2016-2020",
            "name_vi": [f"{text} {n}" for n in range(1, projects + 1)],
            "capital_bn_vnd": [10 + n % 90 for n in range(projects)],
            "site_zone_ids": "kcn-a",
        }
    )
    if extra:
        for column in ("name_en", "name_vi_printed", "site_printed", "site_vi", "site_en", "notes_vi"):
            table[column] = text
        table["notes_en"] = text
    table.to_csv(folder / "projects.csv", index=False)
    zone = {"zone_id": ["kcn-a"], "kind": ["park"], "name_vi": [text], "precision": ["indicative"]}
    if extra:
        for column in ("name_en", "developer", "status", "source", "licence", "location_method", "sources"):
            zone[column] = [text]
    disc = shapely.Point(106.3, 20.5).buffer(0.02)
    gpd.GeoDataFrame(zone, geometry=[disc], crs="EPSG:4326").to_file(folder / "zones.geojson")
    points = [
        shapely.Point(106.3 + 0.01 * ((n % 7) / 7 - 0.5), 20.5 + 0.01 * ((n % 11) / 11 - 0.5))
        for n in range(projects)
    ]
    sites: dict[str, list[str]] = {"project_id": ids}
    if extra:
        sites["site_vi"] = [text] * projects
    gpd.GeoDataFrame(sites, geometry=points, crs="EPSG:4326").to_file(folder / "sites.geojson")
    return folder


def write_national(folder: Path, *, zones: int = 100, sites: int = 2_000) -> Path:
    """``bench/generate.py``'s synthetic national data set (no targets, no subtotals)."""
    generate.write(folder, zones, sites)
    return folder


@contextmanager
def serving(folder: Path) -> Iterator[str]:
    """``serve.py`` on a free port with ``PLAN_DATA_DIR`` set to ``folder``; yields its URL."""
    with served(APP, folder) as url:
        yield url
