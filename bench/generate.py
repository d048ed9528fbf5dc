"""A synthetic national data set in the project's own formats, the same every time.

``python bench/generate.py OUT --sites 20000`` writes ``OUT/projects.csv``,
``OUT/zones.geojson`` and ``OUT/sites.geojson``: 1,000 park-like zones across Viet Nam's
bounding box and one site per project per candidate zone (two each), every site inside its
zone. Synthetic: the shapes say nothing about real parks.
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

SEED = 20161128
#: Land-ish part of Viet Nam's bounding box; the zones are synthetic, not on a real map.
WEST, SOUTH, EAST, NORTH = 104.5, 9.5, 108.5, 22.5
SECTORS = ("mechanical", "electronics", "textiles", "ceramics")
PHASES = ("2016-2020", "2021-2025")


def make(
    zone_count: int = 1_000, site_count: int = 20_000, seed: int = SEED
) -> tuple[pd.DataFrame, gpd.GeoDataFrame, gpd.GeoDataFrame]:
    """Projects, zones and sites; ``site_count`` is rounded down to an even number."""
    rng = np.random.default_rng(seed)
    centres = np.c_[rng.uniform(WEST, EAST, zone_count), rng.uniform(SOUTH, NORTH, zone_count)]
    hectares = rng.uniform(50, 500, zone_count).round(1)
    # Radius in degrees, about right for a disc of that area at these latitudes.
    radius = np.sqrt(hectares * 10_000 / math.pi) / 111_000
    ids = [f"z-{i:04d}" for i in range(zone_count)]
    discs = [shapely.Point(x, y).buffer(r, quad_segs=3) for (x, y), r in zip(centres, radius, strict=True)]
    zones = gpd.GeoDataFrame(
        {
            "zone_id": ids,
            "kind": "park",
            "name_vi": [f"KCN tổng hợp {i:04d}" for i in range(zone_count)],
            "name_en": [f"Synthetic park {i:04d}" for i in range(zone_count)],
            "precision": "indicative",
            "area_ha": hectares,
            "source": "synthetic benchmark data",
            "licence": "none (generated)",
        },
        geometry=discs,
        crs="EPSG:4326",
    )
    project_count = site_count // 2
    first = rng.integers(0, zone_count, project_count)
    second = (first + rng.integers(1, zone_count, project_count)) % zone_count
    numbers = np.arange(1, project_count + 1)
    sectors = rng.integers(0, len(SECTORS), project_count)
    phases = rng.integers(0, len(PHASES), project_count)
    projects = pd.DataFrame(
        {
            "project_id": [
                f"{SECTORS[s]}-{PHASES[p][:4]}-{n}" for s, p, n in zip(sectors, phases, numbers, strict=True)
            ],
            "sector": [SECTORS[s] for s in sectors],
            "phase": [PHASES[p] for p in phases],
            "name_vi": [f"Dự án {n}" for n in numbers],
            "name_en": [f"Project {n}" for n in numbers],
            "capital_bn_vnd": rng.integers(10, 5_000, project_count),
            "site_zone_ids": [f"{ids[a]};{ids[b]}" for a, b in zip(first, second, strict=True)],
            "site_mode": "joint",
        }
    )
    zone_index = np.r_[first, second]
    angle = rng.uniform(0, 2 * math.pi, site_count)
    distance = np.sqrt(rng.uniform(0, 1, site_count)) * radius[zone_index] * 0.7
    x = centres[zone_index, 0] + distance * np.cos(angle)
    y = centres[zone_index, 1] + distance * np.sin(angle)
    project_ids = np.r_[projects["project_id"].to_numpy(), projects["project_id"].to_numpy()]
    sites = gpd.GeoDataFrame(
        {
            "site_id": [f"s-{i:06d}" for i in range(2 * project_count)],
            "project_id": project_ids,
            "zone_id": [ids[i] for i in zone_index],
            "placement": "park",
            "precision": "indicative",
        },
        geometry=gpd.points_from_xy(x.round(6), y.round(6)),
        crs="EPSG:4326",
    )
    return projects, zones, sites


def write(out: Path, zone_count: int, site_count: int) -> None:
    """Write the three files into ``out``."""
    projects, zones, sites = make(zone_count, site_count)
    out.mkdir(parents=True, exist_ok=True)
    projects.to_csv(out / "projects.csv", index=False)
    zones.to_file(out / "zones.geojson", driver="GeoJSON")
    sites.to_file(out / "sites.geojson", driver="GeoJSON")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--zones", type=int, default=1_000)
    parser.add_argument("--sites", type=int, default=20_000)
    args = parser.parse_args()
    write(args.out, args.zones, args.sites)
    print(f"wrote {args.zones} zones and {args.sites} sites to {args.out}")


if __name__ == "__main__":
    main()
