"""A user's own files over the bundled plan, for one session: merge, validate, keep what is usable.

Unlike :func:`geo.load.load_plan`, which refuses bad input, this keeps every valid row and
returns the problems beside the plan, so the app can show both. The bundled files are only
read, never written.
"""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

import geopandas as gpd
import pandas as pd

from geo import derive, io, settings
from geo.errors import Notice, Problem, phrase
from geo.frames import notices_of
from geo.join import check_project_zones, join_sites, with_areas
from geo.load import Plan, load_plan, read_collecting, read_sites
from geo.validate import validate_projects, validate_sites, validate_zones


def _merge_zones(
    bundled: gpd.GeoDataFrame, path: Path, problems: list[Problem]
) -> tuple[gpd.GeoDataFrame, set[str]]:
    raw = read_collecting(io.read_layer, path, problems)
    if raw is None:
        return bundled, set()
    clean, found = validate_zones(gpd.GeoDataFrame(raw), path.name, known=bundled)
    problems += found
    if clean.empty:
        # Nothing usable (e.g. no zone_id column): the bundled zones stay as they were.
        return bundled, set()
    replaced = set(clean["zone_id"])
    kept = bundled[~bundled["zone_id"].isin(replaced)]
    merged = pd.concat([kept, clean], ignore_index=True)
    for column in ("name_en", "district_id", "source", "licence", "source_date", "location_confidence"):
        if column in merged:
            merged[column] = merged[column].fillna("")
    merged.loc[merged["name_en"] == "", "name_en"] = merged["name_vi"]
    return gpd.GeoDataFrame(merged, geometry="geometry", crs=settings.CRS), replaced


def load_overrides(
    *,
    projects: Path | None = None,
    zones: Path | None = None,
    sites: Path | None = None,
) -> tuple[Plan, list[Problem]]:
    """The bundled plan with the user's files laid over it, and every problem found.

    - ``zones``: each zone replaces the bundled zone with the same ``zone_id`` (e.g. a
      surveyed park boundary), or is added; bundled sites in a replaced zone are placed
      again inside its new shape.
    - ``sites``: the sites of every project they name replace that project's bundled sites.
    - ``projects``: replaces the priority list; bundled sites of projects not in it go, and
      a project it adds or whose zones it changes is placed in its zones as the bundled
      sites were (:func:`geo.derive.build_sites`), unless ``sites`` gives its sites.
    """
    bundled = load_plan()
    problems: list[Problem] = []
    # What the readers decided for the user (number format, encoding), file by file.
    notices: list[Notice] = []
    own: set[str] = set()
    names = dict(bundled.sources)
    plan_projects = bundled.projects
    if projects is not None:
        names["projects"] = projects.name
        raw = read_collecting(io.read_table, projects, problems)
        if raw is not None:
            clean, found = validate_projects(raw, projects.name)
            problems += found
            notices += notices_of(clean)
            # A list with no usable row leaves the bundled list in place rather than none.
            if not clean.empty:
                plan_projects = clean
                own.add("projects")
    plan_zones: gpd.GeoDataFrame = bundled.zones
    replaced: set[str] = set()
    if zones is not None:
        names["zones"] = zones.name
        plan_zones, replaced = _merge_zones(bundled.zones, zones, problems)
        if replaced:
            own.add("zones")
    problems += check_project_zones(plan_projects, plan_zones, names["projects"])
    known = set(plan_zones["zone_id"])
    bad = {
        project_id
        for project_id, ids in zip(plan_projects["project_id"], plan_projects["site_zone_ids"], strict=True)
        if not set(ids.split(";")) <= known
    }
    plan_projects = plan_projects[~plan_projects["project_id"].isin(bad)].reset_index(drop=True)

    own_sites = _no_sites()
    if sites is not None:
        names["sites"] = sites.name
        raw_sites = read_collecting(read_sites, sites, problems)
        if raw_sites is not None:
            notices += notices_of(raw_sites)
            checked, found = validate_sites(gpd.GeoDataFrame(raw_sites), sites.name)
            problems += found
            if not checked.empty:
                own_sites = checked
    base_sites = bundled.sites
    # A project the user's list adds, or whose zones it changes, has no bundled site that
    # fits: it is placed afresh in its zones, or it would count with no marker (new) or
    # leave the plan blamed on the bundled sites (changed).
    moved = _unplaced(plan_projects, bundled.projects) - set(own_sites["project_id"])
    keep = base_sites["project_id"].isin(plan_projects["project_id"]) & ~base_sites["project_id"].isin(
        own_sites["project_id"]
    )
    keep &= ~base_sites["zone_id"].isin(replaced) & ~base_sites["project_id"].isin(moved)
    base_sites = base_sites[keep].drop(columns="district_id")
    again = plan_projects[
        ~plan_projects["project_id"].isin(own_sites["project_id"]) & ~plan_projects["project_id"].isin(moved)
    ]
    regenerated = _sites_in(again, plan_zones, replaced)
    fresh = plan_projects[plan_projects["project_id"].isin(moved)]
    placed = _concat_sites(
        [base_sites, regenerated, derive.build_sites(fresh, plan_zones) if not fresh.empty else _no_sites()]
    )
    joined_base, lost = join_sites(placed, plan_zones, plan_projects, bundled.sources["sites"])
    joined_own, found = join_sites(own_sites, plan_zones, plan_projects, names["sites"])
    problems += found + lost
    # A marker must never vanish while its capital still counts: a project with a bundled
    # site that could not be placed again leaves the plan (told above), with its other sites.
    gone = set(placed["project_id"][~placed["site_id"].isin(joined_base["site_id"])]) if lost else set()
    if gone:
        plan_projects = plan_projects[~plan_projects["project_id"].isin(gone)].reset_index(drop=True)
        joined_base = joined_base[~joined_base["project_id"].isin(gone)].reset_index(drop=True)
        joined_own = joined_own[~joined_own["project_id"].isin(gone)].reset_index(drop=True)
    if not joined_own.empty:
        own.add("sites")
    all_sites = _concat_sites([joined_base, joined_own])
    subtotals = bundled.subtotals if projects is None else bundled.subtotals.iloc[0:0]
    plan = Plan(
        plan_projects,
        with_areas(plan_zones),
        all_sites,
        subtotals,
        bundled.targets,
        names,
        tuple(notices),
        frozenset(own),
    )
    return plan, problems


def _unplaced(projects: pd.DataFrame, bundled: pd.DataFrame) -> set[str]:
    """Ids of ``projects`` that the bundled list lacks or names other zones for."""
    before = dict(zip(bundled["project_id"], bundled["site_zone_ids"], strict=True))
    return {
        project_id
        for project_id, zone_ids in zip(projects["project_id"], projects["site_zone_ids"], strict=True)
        if before.get(project_id) != zone_ids
    }


def _concat_sites(frames: list[gpd.GeoDataFrame]) -> gpd.GeoDataFrame:
    # Concatenating empty frames loses the geometry column, so leave them out.
    kept = [f for f in frames if not f.empty]
    if not kept:
        return _no_sites()
    return gpd.GeoDataFrame(pd.concat(kept, ignore_index=True), geometry="geometry", crs=settings.CRS)


def _no_sites() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        columns=["site_id", "project_id", "zone_id", "geometry"], geometry="geometry", crs=settings.CRS
    )


def _sites_in(projects: pd.DataFrame, zones: gpd.GeoDataFrame, zone_ids: set[str]) -> gpd.GeoDataFrame:
    """Indicative sites, placed again, for the projects' candidate zones among ``zone_ids``."""
    if not zone_ids:
        return _no_sites()
    rows = projects.assign(
        site_zone_ids=projects["site_zone_ids"].map(
            lambda ids: ";".join(z for z in ids.split(";") if z in zone_ids)
        )
    )
    rows = rows[rows["site_zone_ids"] != ""]
    if rows.empty:
        return _no_sites()
    placed = derive.build_sites(rows, zones)
    # A replaced zone now has the user's shape; its sites are no more precise than before.
    placed["precision"] = "indicative"
    return placed


#: File endings accepted for each upload, as the app's uploaders and the checks here agree.
UPLOAD_SUFFIXES: dict[str, tuple[str, ...]] = {
    "zones": (".geojson", ".json", ".gpkg", ".fgb", ".zip"),
    "sites": (".geojson", ".json", ".gpkg", ".fgb", ".zip", ".csv", ".xlsx"),
    "projects": (".csv", ".xlsx"),
}


def staged_name(name: str) -> str:
    """A file name the disk accepts for a user's upload, as close to theirs as possible.

    Folders and control characters go; the stem is cut so the name fits in 200 bytes (names
    of 300 characters failed with "File name too long"); the ending is kept, lower-cased.
    """
    base = unicodedata.normalize("NFC", name.replace("\\", "/").rsplit("/", 1)[-1])
    base = "".join(c for c in base if unicodedata.category(c)[0] != "C").strip() or "upload"
    stem, suffix = Path(base).stem, Path(base).suffix.lower()
    if len(suffix.encode()) > 16:
        stem, suffix = base, ""
    room = 200 - len(suffix.encode())
    stem = stem.encode()[:room].decode(errors="ignore").strip() or "upload"
    return stem + suffix


def load_uploads(files: dict[str, tuple[str, bytes]]) -> tuple[Plan, list[Problem]]:
    """:func:`load_overrides` for uploaded files, given as ``{"zones": (name, content), ...}``.

    Each file is staged alone in a private temporary folder (under :func:`staged_name`, so
    messages name the user's file and never our folders), read, and deleted. Only the
    readers' and validation's errors are problems with the files; anything else is a bug of
    ours and propagates.
    """
    problems: list[Problem] = []
    with tempfile.TemporaryDirectory() as folder:
        paths: dict[str, Path] = {}
        for kind, (name, content) in files.items():
            staged = Path(folder) / kind / staged_name(name)
            suffix = staged.suffix
            if suffix not in UPLOAD_SUFFIXES[kind]:
                problems.append(
                    Problem(
                        staged.name,
                        "",
                        "",
                        phrase(
                            "a file ending in {endings}",
                            "một tệp có đuôi {endings}",
                            endings=", ".join(UPLOAD_SUFFIXES[kind]),
                        ),
                        repr(suffix),
                    )
                )
                continue
            staged.parent.mkdir()
            staged.write_bytes(content)
            paths[kind] = staged
        plan, found = load_overrides(**paths)
    return plan, problems + found
