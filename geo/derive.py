"""Build the bundled zones and project sites from the recorded sources.

Run through ``python cli.py build-data --out DIR``; the bundled ``data/zones.geojson`` and
``data/sites.geojson`` are its output, and a test checks they are reproduced exactly.
"""

from __future__ import annotations

import math
from typing import Final

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
import shapely.ops
from shapely.geometry.base import BaseGeometry

from geo import settings

DVHCVN: Final[str] = "dvhcvn (GPL-3.0), geometry from gis.chinhphu.vn"
DVHCVN_DATE: Final[str] = "2023-02-02"
COMPILED: Final[str] = "thai_binh_industrial_parks_compiled.csv (facts compiled for this project)"
COMPILED_DATE: Final[str] = "2026-11"

#: District slugs and English names by GSO code.
DISTRICTS: Final[dict[str, tuple[str, str]]] = {
    "34": ("tinh-thai-binh", "Thái Bình Province"),
    "336": ("tp-thai-binh", "Thái Bình City"),
    "338": ("huyen-quynh-phu", "Quỳnh Phụ District"),
    "339": ("huyen-hung-ha", "Hưng Hà District"),
    "340": ("huyen-dong-hung", "Đông Hưng District"),
    "341": ("huyen-thai-thuy", "Thái Thụy District"),
    "342": ("huyen-tien-hai", "Tiền Hải District"),
    "343": ("huyen-kien-xuong", "Kiến Xương District"),
    "344": ("huyen-vu-thu", "Vũ Thư District"),
}
COASTAL_DISTRICTS: Final[tuple[str, ...]] = ("huyen-thai-thuy", "huyen-tien-hai")
#: Zone ids the plan names by name; other parks are context (plan-era or later).
PLAN_PARKS: Final[tuple[str, ...]] = ("kcn-song-tra", "kcn-cau-nghin", "kcn-tien-hai")
PARK_NAMES_EN: Final[dict[str, str]] = {
    "kcn-phuc-khanh": "Phúc Khánh Industrial Park",
    "kcn-nguyen-duc-canh": "Nguyễn Đức Cảnh Industrial Park",
    "kcn-song-tra": "Sông Trà (TBS) Industrial Park",
    "kcn-gia-le": "Gia Lễ Industrial Park",
    "kcn-cau-nghin": "Cầu Nghìn Industrial Park",
    "kcn-tien-hai": "Tiền Hải Industrial Park",
    "kcn-lien-ha-thai": "Liên Hà Thái Industrial, Urban and Service Park (Green iP-1)",
    "kcn-hung-phu": "Hưng Phú Industrial Park",
}
CURRENT_UNIT: Final[str] = "Hưng Yên province (Thái Bình merged into it on 1 July 2025)"
# The same facts in Vietnamese: the ``*_vi`` columns, shown when the page is in Vietnamese.
DVHCVN_VI: Final[str] = "dvhcvn (GPL-3.0), hình học từ gis.chinhphu.vn"
COMPILED_VI: Final[str] = "thai_binh_industrial_parks_compiled.csv (dữ kiện tổng hợp cho dự án này)"
CURRENT_UNIT_VI: Final[str] = "tỉnh Hưng Yên (tỉnh Thái Bình sáp nhập vào từ ngày 1/7/2025)"
GPL_LICENCE: Final[tuple[str, str]] = (
    "GPL-3.0 (upstream portal terms unverified)",
    "GPL-3.0 (chưa kiểm chứng điều khoản của cổng thông tin gốc)",
)
COMPILED_LICENCE: Final[tuple[str, str]] = (
    "facts compiled for this project; cite the row sources",
    "dữ kiện tổng hợp cho dự án này; khi trích dẫn, ghi nguồn của từng dòng",
)
ADMIN_METHOD: Final[tuple[str, str]] = (
    "administrative boundary (pre-2025), government portal",
    "ranh giới hành chính (trước 2025), cổng thông tin của Chính phủ",
)
#: Parks are kept this far (m) from sites placed in a generic area around them.
PARK_CLEARANCE_M: Final[float] = 300.0
#: Sites in a generic area keep this far (m) inside its edge, so none sits on a border.
AREA_MARGIN_M: Final[float] = 1500.0
#: Parts of an area smaller than this (m²), such as offshore sand islands, get no site.
MIN_PART_M2: Final[float] = 5_000_000.0

ZONE_COLUMNS: Final[list[str]] = [
    "zone_id",
    "kind",
    "name_vi",
    "name_en",
    "plan_label",
    "in_plan",
    "district_id",
    "area_ha",
    "area_source",
    "developer",
    "established",
    "status",
    "precision",
    "location_confidence",
    "location_method",
    "commune_2025",
    "current_unit",
    "source",
    "licence",
    "source_date",
    "sources",
    "developer_vi",
    "status_vi",
    "location_method_vi",
    "commune_2025_vi",
    "current_unit_vi",
    "source_vi",
    "licence_vi",
    "sources_vi",
]


def slug(raw_id: str) -> str:
    """Turn an id such as ``kcn_song_tra`` into the zone-id form ``kcn-song-tra``."""
    return raw_id.strip().lower().replace("_", "-")


def _admin_zones(districts: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    rows = []
    for _, row in districts.iterrows():
        zone_id, name_en = DISTRICTS[str(row["code"])]
        rows.append(
            {
                "zone_id": zone_id,
                "kind": "province" if int(row["level"]) == 1 else "district",
                "name_vi": row["name"],
                "name_en": name_en,
                "plan_label": "",
                "in_plan": False,
                "district_id": "" if int(row["level"]) == 1 else zone_id,
                "area_ha": float("nan"),
                "area_source": "computed from the boundary (UTM 48N)",
                "precision": "official",
                "location_confidence": "high",
                "location_method": ADMIN_METHOD[0],
                "location_method_vi": ADMIN_METHOD[1],
                "source": DVHCVN,
                "source_vi": DVHCVN_VI,
                "licence": GPL_LICENCE[0],
                "licence_vi": GPL_LICENCE[1],
                "source_date": DVHCVN_DATE,
                "geometry": row.geometry,
            }
        )
    return gpd.GeoDataFrame(rows, geometry="geometry", crs=settings.CRS)


def _union_zone(admin: gpd.GeoDataFrame, ids: list[str], **fields: object) -> dict[str, object]:
    geometry = shapely.union_all(admin.set_index("zone_id").loc[ids].geometry.to_numpy())
    return {
        "plan_label": "",
        "in_plan": True,
        "district_id": "",
        "area_ha": float("nan"),
        "area_source": "computed from the boundary (UTM 48N)",
        "location_confidence": "",
        "source": DVHCVN + "; extent chosen for this project",
        "source_vi": DVHCVN_VI + "; phạm vi do dự án này chọn",
        "licence": GPL_LICENCE[0],
        "licence_vi": GPL_LICENCE[1],
        "source_date": DVHCVN_DATE,
        "current_unit": CURRENT_UNIT,
        "current_unit_vi": CURRENT_UNIT_VI,
        "geometry": geometry,
        **fields,
    }


def _area_zones(admin: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    districts = admin[admin["kind"] == "district"]
    huyen = [z for z in districts["zone_id"] if z.startswith("huyen-")]
    coastal = _union_zone(
        admin,
        list(COASTAL_DISTRICTS),
        zone_id="kkt-ven-bien",
        kind="coastal_zone",
        name_vi="Vùng ven biển (Thái Thụy, Tiền Hải)",
        name_en="Coastal zone (Thái Thụy, Tiền Hải)",
        plan_label="KCN ven biển; KCN, CCN ven biển",
        precision="indicative",
        location_method=(
            "the two coastal districts; the Thái Bình Economic Zone (est. 2019) covers "
            "only part of them and has no boundary in our sources"
        ),
        location_method_vi=(
            "hai huyện ven biển; Khu kinh tế Thái Bình (thành lập 2019) chỉ gồm một phần hai "
            "huyện này và các nguồn của dự án không có ranh giới của nó"
        ),
    )
    clusters = _union_zone(
        admin,
        huyen,
        zone_id="ccn-cac-huyen",
        kind="cluster_area",
        name_vi="Cụm công nghiệp các huyện (chưa xác định địa điểm)",
        name_en="District industrial clusters (site not specified)",
        plan_label="CCN các huyện; KCN, CCN các huyện",
        precision="unspecified",
        location_method="the seven rural districts (huyện); the plan names no cluster",
        location_method_vi="bảy huyện (không kể thành phố); quy hoạch không nêu tên cụm nào",
    )
    return gpd.GeoDataFrame([coastal, clusters], geometry="geometry", crs=settings.CRS)


def _footprint(point: BaseGeometry, area_ha: float, within: BaseGeometry) -> tuple[BaseGeometry, float]:
    """A disc of the recorded area around ``point`` (metric CRS), moved to fit in ``within``.

    A disc that would cross the district's edge is moved the least distance that keeps it
    whole inside: the point is a hand placement good to a few km, the area is a record.

    Returns
    -------
    The disc and how far (m) its centre was moved.
    """
    radius = math.sqrt(area_ha * 10_000 / math.pi)
    centre = point
    if not within.buffer(-radius).contains(point):
        # 1 m further in than the nearest interior point, so rounding cannot put it back out.
        inner = within.buffer(-radius - 1)
        centre = shapely.ops.nearest_points(inner, point)[0]
    return centre.buffer(radius, quad_segs=16), float(point.distance(centre))


def _park_zones(parks: pd.DataFrame, admin: gpd.GeoDataFrame, parks_vi: pd.DataFrame) -> gpd.GeoDataFrame:
    located = parks[(parks["lat"] != "") & (parks["lon"] != "") & (parks["kind"] != "CCN")]
    points = gpd.GeoDataFrame(
        located,
        geometry=gpd.points_from_xy(located["lon"].astype(float), located["lat"].astype(float)),
        crs=settings.CRS,
    )
    districts = admin[admin["kind"] == "district"][["zone_id", "geometry"]]
    points = points.sjoin(districts, predicate="within", how="left").rename(
        columns={"zone_id": "district_id"}
    )
    metric = points.to_crs(settings.METRIC_CRS)
    district_shapes = admin.set_index("zone_id").to_crs(settings.METRIC_CRS).geometry
    vi = parks_vi.set_index("id") if not parks_vi.empty else pd.DataFrame()
    rows = []
    for (_, row), point in zip(points.iterrows(), metric.geometry, strict=True):
        zone_id = slug(row["id"])
        area = float(row["area_ha"])
        footprint, moved = _footprint(point, area, district_shapes[row["district_id"]])
        # A park missing from the Vietnamese list keeps empty ``*_vi`` cells: the page then
        # shows the English text rather than nothing.
        words = vi.loc[row["id"]] if row["id"] in vi.index else pd.Series(dtype=str)
        method = f"disc of the recorded area around a point: {row['coord_method']}"
        method_vi = f"hình tròn theo diện tích ghi nhận, quanh một điểm: {words.get('coord_method_vi', '')}"
        if moved:
            method += f"; disc moved {moved:.0f} m to lie inside its district"
            method_vi += f"; đã dời hình tròn {moved:.0f} m để nằm trọn trong huyện"
        if not words.get("coord_method_vi"):
            method_vi = ""
        commune = str(row["commune_2025"]).strip()
        rows.append(
            {
                "zone_id": zone_id,
                "kind": "park",
                "name_vi": row["name_vi"],
                "name_en": PARK_NAMES_EN[zone_id],
                "plan_label": row["plan_label"],
                "in_plan": zone_id in PLAN_PARKS,
                "district_id": row["district_id"],
                "area_ha": area,
                "area_source": row["area_notes"],
                "developer": row["developer"],
                "established": row["established"],
                "status": row["status"],
                "precision": "indicative",
                "location_confidence": row["coord_conf"],
                "location_method": method,
                "commune_2025": commune,
                "current_unit": CURRENT_UNIT,
                "source": COMPILED,
                "licence": COMPILED_LICENCE[0],
                "source_date": COMPILED_DATE,
                "sources": row["sources"],
                "developer_vi": words.get("developer_vi", ""),
                "status_vi": words.get("status_vi", ""),
                "location_method_vi": method_vi,
                "commune_2025_vi": words.get("commune_2025_vi", ""),
                "current_unit_vi": CURRENT_UNIT_VI,
                "source_vi": COMPILED_VI,
                "licence_vi": COMPILED_LICENCE[1],
                "sources_vi": words.get("sources_vi", ""),
                "geometry": footprint,
            }
        )
    metric_parks = gpd.GeoDataFrame(rows, geometry="geometry", crs=settings.METRIC_CRS)
    return metric_parks.to_crs(settings.CRS)


def build_zones(
    districts: gpd.GeoDataFrame, parks: pd.DataFrame, parks_vi: pd.DataFrame | None = None
) -> gpd.GeoDataFrame:
    """Zones of every kind, from the district boundaries and the compiled park list.

    Parameters
    ----------
    districts
        The dvhcvn province and district polygons (``level``, ``code``, ``name``).
    parks
        The compiled park table (text cells), as read by :func:`geo.io.read_table`.
    parks_vi
        Its free text in Vietnamese (``id``, ``developer_vi``, ``status_vi``,
        ``coord_method_vi``, ``commune_2025_vi``, ``sources_vi``); none: English only.
    """
    admin = _admin_zones(districts)
    admin["current_unit"] = CURRENT_UNIT
    admin["current_unit_vi"] = CURRENT_UNIT_VI
    parks_zones = _park_zones(parks, admin, pd.DataFrame() if parks_vi is None else parks_vi)
    zones = pd.concat([admin, _area_zones(admin), parks_zones], ignore_index=True)
    zones = gpd.GeoDataFrame(zones, geometry="geometry", crs=settings.CRS)
    for column in ZONE_COLUMNS:
        if column not in zones:
            zones[column] = ""
    text = [c for c in ZONE_COLUMNS if c not in ("in_plan", "area_ha")]
    zones[text] = zones[text].fillna("").astype(str)
    zones["in_plan"] = zones["in_plan"].astype(bool)
    return zones[[*ZONE_COLUMNS, "geometry"]]


def _hex_grid(region: BaseGeometry, spacing: float) -> np.ndarray:
    minx, miny, maxx, maxy = region.bounds
    rows = []
    for j, y in enumerate(np.arange(miny, maxy + spacing, spacing * math.sqrt(3) / 2)):
        offset = spacing / 2 if j % 2 else 0.0
        for x in np.arange(minx + offset, maxx + spacing, spacing):
            rows.append((x, y))
    grid = np.array(rows)
    inside = shapely.contains_xy(region, grid[:, 0], grid[:, 1])
    return grid[inside]


def spread_points(region: BaseGeometry, count: int) -> list[BaseGeometry]:
    """``count`` points inside ``region``, as far from each other as a grid allows.

    Farthest-point sampling over a hexagonal grid, starting next to the region's
    representative point: deterministic, never stacked, and inside the region.
    """
    if count == 0:
        return []
    if region.is_empty or region.area <= 0:
        raise ValueError("`region` was empty but is expected to have an area")
    spacing = math.sqrt(region.area / (40 * count))
    grid = _hex_grid(region, spacing)
    # A long, thin or tiny region may catch few grid points: refine until it holds enough;
    # below a millimetre, fall back to points on the region's own interior.
    while len(grid) < count and spacing > 1e-3:
        spacing /= 2
        grid = _hex_grid(region, spacing)
    if len(grid) < count:
        return [region.representative_point()] * count
    start = region.representative_point()
    chosen = [int(np.argmin(np.hypot(grid[:, 0] - start.x, grid[:, 1] - start.y)))]
    nearest = np.hypot(grid[:, 0] - grid[chosen[0], 0], grid[:, 1] - grid[chosen[0], 1])
    while len(chosen) < count:
        pick = int(np.argmax(nearest))
        chosen.append(pick)
        nearest = np.minimum(nearest, np.hypot(grid[:, 0] - grid[pick, 0], grid[:, 1] - grid[pick, 1]))
    return [shapely.Point(grid[i]) for i in chosen]


def inner_region(shape: BaseGeometry, margin: float) -> BaseGeometry:
    """The part of ``shape`` at least ``margin`` (m) inside its edge, or less if it is thin.

    A long, thin or small shape (a 2,000 x 50 m surveyed strip) shrinks to nothing under a
    fixed margin: the margin is halved until something is left, and a shape too thin for
    any margin is used as it is, so sites always land inside it.
    """
    if shape.is_empty:
        return shape
    step = margin
    while step > 0.01:
        inner = shape.buffer(-step)
        if not inner.is_empty and inner.area > 0:
            return inner
        step /= 2
    return shape


def _mainland(region: BaseGeometry) -> BaseGeometry:
    parts = [p for p in shapely.get_parts(region) if p.area >= MIN_PART_M2]
    return shapely.union_all(parts) if parts else region


def build_sites(projects: pd.DataFrame, zones: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """One point per project per candidate zone, inside that zone and apart from the others.

    In a park the points sit in the inner part of its footprint; in a generic area they keep
    :data:`PARK_CLEARANCE_M` away from the parks nested in it.
    """
    metric = zones.to_crs(settings.METRIC_CRS).set_index("zone_id")
    parks = shapely.union_all(metric[metric["kind"] == "park"].geometry.to_numpy())
    wanted: dict[str, list[tuple[str, int]]] = {}
    for _, project in projects.iterrows():
        for order, zone_id in enumerate(str(project["site_zone_ids"]).split(";"), start=1):
            wanted.setdefault(zone_id.strip(), []).append((project["project_id"], order))
    rows = []
    for zone_id in sorted(wanted):
        zone = metric.loc[zone_id]
        if zone["kind"] == "park":
            radius = math.sqrt(zone.geometry.area / math.pi)
            region = inner_region(zone.geometry, 0.3 * radius)
            placement, precision = "park", "indicative"
        else:
            region = _mainland(
                zone.geometry.difference(parks.buffer(PARK_CLEARANCE_M)).buffer(-AREA_MARGIN_M)
            )
            if region.is_empty:
                # A small or thin area, or one covered by parks: anywhere inside it will do.
                region = inner_region(zone.geometry, AREA_MARGIN_M)
            placement, precision = "area", "unspecified"
        points = spread_points(region, len(wanted[zone_id]))
        for (project_id, order), point in zip(wanted[zone_id], points, strict=True):
            rows.append(
                {
                    "site_id": f"{project_id}@{zone_id}",
                    "project_id": project_id,
                    "zone_id": zone_id,
                    "site_order": order,
                    "placement": placement,
                    "precision": precision,
                    "geometry": point,
                }
            )
    sites = gpd.GeoDataFrame(rows, geometry="geometry", crs=settings.METRIC_CRS).to_crs(settings.CRS)
    # Six decimals (~0.1 m) keep the file small and the output byte-stable.
    sites["geometry"] = shapely.set_precision(sites.geometry.to_numpy(), 1e-6)
    return sites.sort_values("site_id", ignore_index=True)
