"""Aggregations: capital per zone, sector and phase; plan totals; targets' implied figures."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pandas as pd

from geo import settings
from geo.join import zone_areas_ha


def has_land_area(kind: str, precision: str, area_ha: float) -> bool:
    """Whether capital per hectare means something for this zone.

    A park's recorded (or a surveyed zone's measured) area is land for industry; the area
    of a district, the coastal zone or the province is mostly fields and towns, so capital
    per hectare of it (0.02 bn VND/ha over 149,523 ha) says nothing.
    """
    real = kind == "park" or precision == "surveyed"
    return bool(real and area_ha == area_ha and area_ha > 0)


def filter_projects(
    projects: pd.DataFrame,
    *,
    sectors: list[str] | None = None,
    phases: list[str] | None = None,
) -> pd.DataFrame:
    """Projects in the given sectors and phases (``None`` or empty: all)."""
    keep = pd.Series(True, index=projects.index)
    if sectors:
        keep &= projects["sector"].isin(sectors)
    if phases:
        keep &= projects["phase"].isin(phases)
    return projects[keep]


def capital_by(projects: pd.DataFrame, column: str) -> pd.Series:
    """Total capital (billion VND) per value of ``column``, in the plan's order."""
    order = {"sector": settings.SECTORS, "phase": settings.PHASES}.get(column)
    totals = projects.groupby(column)["capital_bn_vnd"].sum()
    return totals.reindex(order).fillna(0.0) if order else totals


def aggregate(allocation: pd.DataFrame) -> pd.DataFrame:
    """Capital and project count per zone × sector × phase."""
    grouped = allocation[allocation["share"] > 0].groupby(["zone_id", "sector", "phase"])
    return grouped.agg(
        capital_bn_vnd=("capital_bn_vnd", "sum"), projects=("project_id", "nunique")
    ).reset_index()


def zone_load(
    allocation: pd.DataFrame,
    zones: gpd.GeoDataFrame,
    *,
    plan_total: float,
    include_empty: bool = False,
) -> pd.DataFrame:
    """One row per zone that receives capital, with area, capital per ha and share of the plan.

    Parameters
    ----------
    allocation
        Output of :func:`geo.join.allocate`, already filtered as the user wants.
    zones
        The zone layer (areas are computed from its geometries in the metric CRS).
    plan_total
        Capital of the whole plan, for the share column.
    include_empty
        Also list every zone a project can sit in (parks, coastal zone, cluster area)
        that receives nothing, with zeros.
    """
    used = allocation[allocation["share"] > 0]
    # Two plain reductions, not one named ``agg``: the same frame in a seventh of the time
    # (~0.7 ms against ~5 ms of every filter change).
    by_zone = used.groupby("zone_id")
    per_zone = pd.DataFrame(
        {"capital_bn_vnd": by_zone["capital_bn_vnd"].sum(), "projects": by_zone["project_id"].nunique()}
    )
    # pivot_table's table, from a plain sum (a third of its time).
    wide = (
        used.groupby(["zone_id", "phase", "sector"])["capital_bn_vnd"]
        .sum()
        .unstack(["phase", "sector"], fill_value=0)
        .sort_index(axis=1)
    )
    wide.columns = [f"capital_{key[0]}_{key[1]}" for key in wide.columns]
    exact = zone_areas_ha(zones).to_numpy()
    facts = zones.assign(area_ha=exact.round(1), exact_area_ha=exact)
    kept = ["zone_id", "name_vi", "name_en", "kind", "precision", "area_ha", "exact_area_ha"]
    facts = pd.DataFrame(facts[kept])
    if include_empty:
        facts = facts[facts["kind"].isin(settings.SITE_ZONE_KINDS) | facts["zone_id"].isin(per_zone.index)]
    table = facts.merge(
        per_zone, left_on="zone_id", right_index=True, how="left" if include_empty else "inner"
    )
    table = table.merge(wide, left_on="zone_id", right_index=True, how="left")
    numbers = [c for c in table.columns if c.startswith("capital_") or c == "projects"]
    table[numbers] = table[numbers].fillna(0)
    # From the unrounded area, as the zone panel and the map's popup divide.
    per_ha = (table["capital_bn_vnd"] / table.pop("exact_area_ha")).round(3)
    real = [
        has_land_area(k, p, a)
        for k, p, a in zip(table["kind"], table["precision"], table["area_ha"], strict=True)
    ]
    # No figure, not a misleading one, where the area is not land for industry.
    table["capital_per_ha"] = per_ha.where(pd.Series(real, index=table.index, dtype=bool))
    table["share_of_plan"] = table["capital_bn_vnd"] / plan_total if plan_total else np.nan
    return table.sort_values("capital_bn_vnd", ascending=False, ignore_index=True)


def targets_table(targets: pd.DataFrame) -> pd.DataFrame:
    """Targets with the implied 2015 base and average annual growth of each period."""
    table = targets.copy()
    table["implied_2015_bn_vnd"] = (table["value_2020_bn_vnd"] / table["ratio_2020_vs_2015"]).round(1)
    table["growth_2015_2020"] = table["ratio_2020_vs_2015"] ** (1 / 5) - 1
    table["growth_2020_2025"] = (table["value_2025_bn_vnd"] / table["value_2020_bn_vnd"]) ** (1 / 5) - 1
    return table
