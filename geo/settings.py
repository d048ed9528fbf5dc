"""Typed constants: coordinate systems, bundled paths and the plan's vocabularies."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Final

#: Folder of the project, resolved from this file so nothing depends on the working directory.
ROOT: Final[Path] = Path(__file__).resolve().parent.parent
DATA_DIR: Final[Path] = ROOT / "data"
SOURCES_DIR: Final[Path] = DATA_DIR / "sources"

PROJECTS_FILE: Final[Path] = DATA_DIR / "projects.csv"
SUBTOTALS_FILE: Final[Path] = DATA_DIR / "subtotals.csv"
TARGETS_FILE: Final[Path] = DATA_DIR / "targets.csv"
ZONES_FILE: Final[Path] = DATA_DIR / "zones.geojson"
SITES_FILE: Final[Path] = DATA_DIR / "sites.geojson"
DISTRICTS_SOURCE: Final[Path] = SOURCES_DIR / "thai_binh_province_districts_dvhcvn.geojson"
PARKS_SOURCE: Final[Path] = SOURCES_DIR / "thai_binh_industrial_parks_compiled.csv"
#: The compiled park list's English free text (developer, status, …) in Vietnamese, by ``id``.
PARKS_SOURCE_VI: Final[Path] = SOURCES_DIR / "thai_binh_industrial_parks_vi.csv"
PLAN_TEXT: Final[Path] = SOURCES_DIR / "decision-supporting-industry-plan-thai-binh-2016-2025.txt"

#: Geographic CRS of every bundled and exported layer.
CRS: Final[str] = "EPSG:4326"
#: Metric CRS for areas, buffers and distances (UTM zone 48N covers all of Thái Bình).
METRIC_CRS: Final[str] = "EPSG:32648"

SECTORS: Final[tuple[str, ...]] = ("mechanical", "electronics", "textiles", "ceramics")
PHASES: Final[tuple[str, ...]] = ("2016-2020", "2021-2025")
SITE_MODES: Final[tuple[str, ...]] = ("single", "joint", "alternatives")
POLICIES: Final[tuple[str, ...]] = ("split", "full", "first")
DEFAULT_POLICY: Final[str] = "split"

#: Zone kinds, from the broadest to the most specific.
ZONE_KINDS: Final[tuple[str, ...]] = (
    "province",
    "district",
    "coastal_zone",
    "cluster_area",
    "park",
)
#: Kinds a project can be sited in (the plan never names a district or the province).
SITE_ZONE_KINDS: Final[tuple[str, ...]] = ("coastal_zone", "cluster_area", "park")
#: How precise a zone's geometry is.
#: ``surveyed``: a measured boundary; ``official``: an administrative boundary from a
#: government source; ``indicative``: a footprint of the recorded area at the best-known
#: location, or a stand-in boundary; ``unspecified``: the plan names no place within it.
PRECISIONS: Final[tuple[str, ...]] = (
    "surveyed",
    "official",
    "indicative",
    "unspecified",
)
#: Decimals of degrees an exported site's coordinates keep, by its zone's precision: a
#: decimal place is ~11 km / 10ⁿ here, so a park known to ±2–3 km (indicative) needs 3
#: (~110 m), a point standing for a whole area (unspecified) 2 (~1 km); measured or official
#: boundaries keep 5–6. More digits would claim a precision the data does not have.
COORD_DECIMALS_BY_PRECISION: Final[dict[str, int]] = {
    "surveyed": 6,
    "official": 5,
    "indicative": 3,
    "unspecified": 2,
}

#: Tolerance of a subtotal check, in billion VND: printed figures are whole numbers.
SUBTOTAL_TOLERANCE: Final[float] = 0.5
#: Bounding box in which a site in this province can lie (lon/lat, with a margin).
PROVINCE_BOUNDS: Final[tuple[float, float, float, float]] = (105.9, 20.1, 106.8, 20.9)
#: Bounding box of Viet Nam (lon/lat, with a margin), for a national data set.
VIETNAM_BOUNDS: Final[tuple[float, float, float, float]] = (102.0, 8.0, 110.0, 23.6)
#: Environment variable naming another data folder (``projects.csv``, ``zones.geojson``,
#: ``sites.geojson``) for the app, e.g. a national data set; its sites may lie anywhere in
#: Viet Nam.
DATA_DIR_ENV: Final[str] = "PLAN_DATA_DIR"


def data_dir() -> Path:
    """The folder the plan is read from: :data:`DATA_DIR`, or the one ``PLAN_DATA_DIR`` names."""
    other = os.environ.get(DATA_DIR_ENV)
    return Path(other) if other else DATA_DIR


def bounds() -> tuple[float, float, float, float]:
    """Where sites and zones may lie: the province, or all of Viet Nam for another data set."""
    return VIETNAM_BOUNDS if os.environ.get(DATA_DIR_ENV) else PROVINCE_BOUNDS
