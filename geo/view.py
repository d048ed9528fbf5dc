"""One filtered view of the plan: the projects, their sites and each zone's load.

The app and the command line's map export build the same view from the same filters.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import geopandas as gpd
import pandas as pd

from geo import settings
from geo.join import allocate
from geo.load import Plan
from geo.stats import filter_projects, zone_load


@dataclass(frozen=True)
class Filters:
    """What the user asked to see; empty means everything."""

    sectors: list[str] = field(default_factory=list)
    phases: list[str] = field(default_factory=list)
    zone: str = ""
    capital: tuple[float, float] = (0.0, float("inf"))
    search: str = ""
    policy: str = settings.DEFAULT_POLICY


@dataclass(frozen=True)
class View:
    """The filtered plan, ready for tables and maps."""

    projects: pd.DataFrame
    allocation: pd.DataFrame
    load: pd.DataFrame
    sites: gpd.GeoDataFrame
    capital_range: tuple[float, float]

    @property
    def capital(self) -> float:
        """Capital of the projects shown, billion VND (each project counted once)."""
        return float(self.projects["capital_bn_vnd"].sum())


def filtered_sites(plan: Plan, projects: pd.DataFrame) -> gpd.GeoDataFrame:
    """Sites of the given projects, with their project's fields (:attr:`Plan.project_sites`,
    joined once per plan: here rows are only picked)."""
    joined = plan.project_sites
    return joined[joined["project_id"].isin(projects["project_id"])].reset_index(drop=True)


def fold(value: str) -> str:
    """Lower-case and strip Vietnamese accents, so "cau nghin" finds "Cầu Nghìn"."""
    value = value.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", value.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def select_projects(plan: Plan, filters: Filters) -> pd.DataFrame:
    """The projects the filters keep."""
    projects = filter_projects(plan.projects, sectors=filters.sectors, phases=filters.phases)
    low, high = filters.capital
    projects = projects[projects["capital_bn_vnd"].between(low, high)]
    if filters.zone:
        in_zone = projects["site_zone_ids"].str.split(";").apply(lambda ids: filters.zone in ids)
        projects = projects[in_zone.astype(bool)]
    return matching(plan, projects, filters.search)


def place_words(zones: pd.DataFrame) -> dict[str, str]:
    """Each zone's names, and its district's names, folded: what a search for a place finds.

    "Quỳnh Phụ" finds Cầu Nghìn park, which lies in Quỳnh Phụ district.
    """
    english = zones["name_en"] if "name_en" in zones else zones["name_vi"]
    names = {str(z): f"{v} {e}" for z, v, e in zip(zones["zone_id"], zones["name_vi"], english, strict=True)}
    districts = zones["district_id"] if "district_id" in zones else pd.Series("", index=zones.index)
    return {
        str(z): fold(f"{names[str(z)]} {names.get(str(d), '')}")
        for z, d in zip(zones["zone_id"], districts.fillna(""), strict=True)
    }


def matching(plan: Plan, projects: pd.DataFrame, search: str) -> pd.DataFrame:
    """The projects whose names, site text, id, zones or zones' districts contain ``search``
    (accents and case ignored)."""
    query = fold(search.strip())
    # An empty frame's row-wise join gives a frame, not text: nothing to search anyway.
    if not query or projects.empty:
        return projects
    places = place_words(plan.zones)
    texts = projects[["name_vi", "name_en", "site_vi", "project_id"]].fillna("").astype(str)
    own = texts.agg(" ".join, axis=1)
    zones = (
        projects["site_zone_ids"]
        .fillna("")
        .astype(str)
        .map(lambda ids: " ".join(places.get(z, "") for z in ids.split(";")))
    )
    haystack = own.map(fold) + " " + zones
    return projects[haystack.str.contains(query, regex=False)]


def capital_range(plan: Plan, policy: str) -> tuple[float, float]:
    """Smallest and largest positive zone load of the whole plan under ``policy``.

    The colour scale uses it, so a colour means the same amount whatever the filters.
    """
    allocation = allocate(plan.projects, policy)
    per_zone = allocation[allocation["share"] > 0].groupby("zone_id")["capital_bn_vnd"].sum()
    positive = per_zone[per_zone > 0]
    if positive.empty:  # a list with no capital anywhere (an upload that left no project)
        return 0.0, 0.0
    return float(positive.min()), float(positive.max())


def with_shares(sites: pd.DataFrame, allocation: pd.DataFrame) -> pd.DataFrame:
    """``sites`` with ``allocated_bn_vnd``: each site's share of its project's capital under
    the allocation's policy, i.e. what its zone carries from it (an area's symbol sums these,
    as the area's label does)."""
    # A zone is named at most once per project (validated), so project and zone find the row.
    shares = (
        allocation.groupby(["project_id", "zone_id"])["capital_bn_vnd"]
        .sum()
        .rename("allocated_bn_vnd")
        .reset_index()
    )
    out = sites.merge(shares, on=["project_id", "zone_id"], how="left")
    # Several sites of a project in one zone share what the zone carries from it.
    together = out.groupby(["project_id", "zone_id"])["project_id"].transform("size")
    out["allocated_bn_vnd"] = out["allocated_bn_vnd"].fillna(0.0) / together
    return out


def build_view(plan: Plan, filters: Filters, scale_range: tuple[float, float] | None = None) -> View:
    """Projects, allocation, zone load and sites (with their project's text) for ``filters``.

    ``scale_range`` is :func:`capital_range` of the plan and policy, if already known.
    """
    projects = select_projects(plan, filters)
    allocation = allocate(projects, filters.policy)
    load = zone_load(allocation, plan.zones, plan_total=plan.total_capital, include_empty=True)
    sites = gpd.GeoDataFrame(
        with_shares(filtered_sites(plan, projects), allocation), geometry="geometry", crs=settings.CRS
    )
    return View(projects, allocation, load, sites, scale_range or capital_range(plan, filters.policy))
