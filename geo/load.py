"""Load the plan: read every file, validate, join, and report all problems at once."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final, TypeVar

import geopandas as gpd
import pandas as pd

from geo import io, settings
from geo.distances import with_site_distances
from geo.errors import Notice, PlanDataError, Problem, raise_if
from geo.frames import notices_of
from geo.join import check_project_zones, join_sites, with_areas
from geo.validate import validate_projects, validate_sites, validate_zones

T = TypeVar("T")
#: Numeric columns of ``targets.csv``.
TARGET_NUMBERS: Final[tuple[str, ...]] = (
    "value_2020_bn_vnd",
    "ratio_2020_vs_2015",
    "value_2025_bn_vnd",
    "ratio_2025_vs_2020",
)


#: The project's fields each site of a view carries: for markers, tooltips and tables.
PROJECT_FIELDS = (
    "sector",
    "phase",
    "name_vi",
    "name_en",
    "capital_bn_vnd",
    "site_vi",
    "site_en",
    "site_printed",
    "notes_vi",
    "notes_en",
    "plants",
)


@dataclass(frozen=True)
class Plan:
    """The validated, joined plan data.

    Attributes
    ----------
    projects
        Priority list, one row per project, ``capital_bn_vnd`` as float.
    zones
        Zone layer in EPSG:4326, with ``area_ha_computed`` (ha) from the geometry.
    sites
        Site points with ``zone_id`` and ``district_id`` resolved.
    subtotals, targets
        The data set's printed subtotals and section II targets, from its own
        ``subtotals.csv`` and ``targets.csv`` (empty where it has none; no subtotals for a
        list given on its own).
    sources
        File names the data came from, for messages and the "sources" view.
    notices
        What the readers decided about these files that the user should know (the number
        format of a capital column, a legacy text encoding, decimal commas in coordinates).
    own
        Which of ``projects``, ``zones`` and ``sites`` came (at least in part) from the
        user's own files; empty for a plan read from a data folder alone.
    """

    projects: pd.DataFrame
    zones: gpd.GeoDataFrame
    sites: gpd.GeoDataFrame
    subtotals: pd.DataFrame
    targets: pd.DataFrame
    sources: dict[str, str]
    notices: tuple[Notice, ...] = ()
    own: frozenset[str] = frozenset()

    @property
    def total_capital(self) -> float:
        """Capital of the whole priority list, billion VND."""
        return float(self.projects["capital_bn_vnd"].sum())

    @functools.cached_property
    def project_sites(self) -> gpd.GeoDataFrame:
        """Every site with its project's :data:`PROJECT_FIELDS`, joined once per plan: a
        filtered view then picks rows instead of joining again (two joins of every filter
        change)."""
        fields = self.projects[["project_id", *PROJECT_FIELDS]]
        joined = self.sites.merge(fields, on="project_id", how="inner")
        return gpd.GeoDataFrame(joined, geometry="geometry", crs=settings.CRS)


def read_collecting(reader: Callable[[Path], T], path: Path, problems: list[Problem]) -> T | None:
    """``reader(path)``, or ``None`` with its problems added to ``problems``."""
    try:
        return reader(path)
    except PlanDataError as exc:
        problems.extend(exc.problems)
        return None


def read_sites(path: Path) -> gpd.GeoDataFrame:
    """Sites from a point layer, or from a CSV/XLSX with ``lon``/``lat`` columns."""
    if path.suffix.lower() in (".csv", ".xlsx"):
        return io.read_points_table(path)
    return io.read_layer(path)


def read_subtotals(path: Path = settings.SUBTOTALS_FILE) -> pd.DataFrame:
    """The plan's printed phase subtotals."""
    frame = io.read_table(path)
    frame["capital_bn_vnd"] = frame["capital_bn_vnd"].astype(float)
    return frame


def read_targets(path: Path = settings.TARGETS_FILE) -> pd.DataFrame:
    """The plan's section II production-value targets, numbers typed."""
    frame = io.read_table(path)
    for column in TARGET_NUMBERS:
        frame[column] = frame[column].astype(float)
    return frame


def no_subtotals() -> pd.DataFrame:
    """An empty subtotals table: the data set prints none."""
    return pd.DataFrame({"sector": [], "phase": [], "capital_bn_vnd": pd.Series([], dtype=float)})


def no_targets() -> pd.DataFrame:
    """An empty targets table: the data set sets none."""
    columns = {"sector": pd.Series([], dtype=str)}
    columns.update({name: pd.Series([], dtype=float) for name in TARGET_NUMBERS})
    return pd.DataFrame(columns)


def load_plan(
    *,
    projects: Path | str | None = None,
    zones: Path | str | None = None,
    sites: Path | str | None = None,
) -> Plan:
    """Read, validate and join the plan; the bundled file (or ``PLAN_DATA_DIR``'s) stands in
    for any not given.

    Raises
    ------
    PlanDataError
        With every problem in every file, when any is found.
    """
    folder = settings.data_dir()
    paths = {
        "projects": Path(projects) if projects else folder / settings.PROJECTS_FILE.name,
        "zones": Path(zones) if zones else folder / settings.ZONES_FILE.name,
        "sites": Path(sites) if sites else folder / settings.SITES_FILE.name,
    }
    problems: list[Problem] = []
    raw_projects = read_collecting(io.read_table, paths["projects"], problems)
    raw_zones = read_collecting(io.read_layer, paths["zones"], problems)
    raw_sites = read_collecting(read_sites, paths["sites"], problems)
    raise_if(problems)
    if raw_projects is None or raw_zones is None or raw_sites is None:  # pragma: no cover
        raise AssertionError("a reader returned nothing without a problem")
    names = {key: path.name for key, path in paths.items()}
    clean_projects, found = validate_projects(raw_projects, names["projects"])
    problems += found
    clean_zones, found = validate_zones(raw_zones, names["zones"])
    problems += found
    clean_sites, found = validate_sites(raw_sites, names["sites"])
    problems += found
    raise_if(problems)
    problems += check_project_zones(clean_projects, clean_zones, names["projects"])
    joined_sites, found = join_sites(clean_sites, clean_zones, clean_projects, names["sites"])
    problems += found
    raise_if(problems)
    # Subtotals check the list printed beside them: only the data set's own list has them.
    own_list = paths["projects"].resolve() == (folder / settings.PROJECTS_FILE.name).resolve()
    subtotals_path = folder / settings.SUBTOTALS_FILE.name
    targets_path = folder / settings.TARGETS_FILE.name
    subtotals = read_subtotals(subtotals_path) if own_list and subtotals_path.exists() else no_subtotals()
    targets = read_targets(targets_path) if targets_path.exists() else no_targets()
    notices = (*notices_of(clean_projects), *notices_of(raw_sites))
    return Plan(
        clean_projects,
        with_site_distances(with_areas(clean_zones)),
        joined_sites,
        subtotals,
        targets,
        names,
        notices,
    )
