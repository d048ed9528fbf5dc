"""Every text shown to users, one catalogue per language, and number formats."""

from __future__ import annotations

import unicodedata
from typing import Final

LANGUAGES: Final[tuple[str, ...]] = ("vi", "en")
LANGUAGE_NAMES: Final[dict[str, str]] = {"vi": "Tiếng Việt", "en": "English"}

CATALOGUE: Final[dict[str, dict[str, str]]] = {
    "vi": {
        "title": "Quy hoạch công nghiệp hỗ trợ tỉnh Thái Bình 2016–2025",
        "subtitle": "Dự án ưu tiên đầu tư, vị trí và vốn theo khu (QĐ phê duyệt quy hoạch, 2016)",
        "language": "Ngôn ngữ",
        "filters": "Bộ lọc",
        "sector": "Ngành",
        "phase": "Giai đoạn",
        "zone": "Khu",
        "all_zones": "Tất cả các khu",
        "all": "Tất cả",
        "capital_range": "Vốn đầu tư (tỷ đồng)",
        "search": "Tìm theo tên dự án hoặc địa điểm",
        "policy": "Cách phân bổ vốn dự án nhiều địa điểm",
        "policy_help": (
            "Chia đều: vốn chia đều cho các địa điểm (tổng bằng quy hoạch). "
            "Toàn bộ: mỗi địa điểm nhận đủ vốn (mức tối đa mỗi khu có thể gánh). "
            "Địa điểm đầu: toàn bộ vốn cho địa điểm nêu đầu tiên."
        ),
        "policy.split": "Chia đều",
        "policy.full": "Toàn bộ (mức tối đa)",
        "policy.first": "Địa điểm đầu tiên",
        "sector.mechanical": "Cơ khí",
        "sector.electronics": "Điện tử – tin học",
        "sector.textiles": "Dệt may – da giày",
        "sector.ceramics": "Sứ vệ sinh",
        "phase.2016-2020": "2016–2020",
        "phase.2021-2025": "2021–2025",
        "kind.province": "Tỉnh",
        "kind.district": "Huyện/thành phố (trước 2025)",
        "kind.coastal_zone": "Vùng ven biển",
        "kind.cluster_area": "Cụm công nghiệp các huyện",
        "kind.park": "Khu công nghiệp",
        "precision.surveyed": "ranh giới đo đạc",
        "precision.official": "ranh giới hành chính",
        "precision.indicative": "mang tính minh họa (không phải ranh giới đo đạc)",
        "precision.unspecified": "địa điểm chưa xác định",
        "placement.park": "trong khu công nghiệp được nêu tên (vị trí trong khu là minh họa)",
        "placement.area": "địa điểm chưa xác định: bất kỳ đâu trong vùng",
        "placement.point": "tọa độ do người dùng cung cấp",
        "metric.projects": "Dự án hiển thị",
        "metric.capital": "Vốn hiển thị",
        "metric.share": "{share} tổng vốn quy hoạch",
        "metric.zones": "Khu có dự án",
        "unit.bn_vnd": "tỷ đồng",
        "unit.per_ha": "tỷ đồng/ha",
        "field.capital": "Vốn đầu tư",
        "field.sector": "Ngành",
        "field.phase": "Giai đoạn",
        "field.site": "Địa điểm (theo quy hoạch)",
        "field.site_printed": "Bản in gốc",
        "field.placement": "Vị trí điểm",
        "field.notes": "Công suất / ghi chú",
        "field.plants": "Số nhà máy",
        "field.kind": "Loại",
        "field.district": "Huyện (trước 2025)",
        "field.area": "Diện tích",
        "field.developer": "Chủ đầu tư hạ tầng",
        "field.status": "Tình trạng",
        "field.precision": "Độ chính xác hình",
        "field.confidence": "Độ tin cậy vị trí",
        "field.method": "Cách xác định",
        "field.sources": "Nguồn",
        "field.current_unit": "Đơn vị hành chính hiện nay",
        "field.capital_per_ha": "Vốn trên mỗi ha",
        "field.projects": "Số dự án",
        "field.share": "Tỷ lệ vốn",
        "field.allocated": "Vốn phân bổ",
        "legend.title": "Chú giải",
        "legend.sectors": "Ngành (màu điểm)",
        "legend.phase_1": "2016–2020: điểm đặc",
        "legend.phase_2": "2021–2025: điểm rỗng",
        "legend.site_park": "Trong KCN được nêu tên",
        "legend.site_area": "Địa điểm chưa xác định",
        "legend.capital": "Vốn phân bổ cho khu (tỷ đồng)",
        "legend.zone_indicative": "Hình minh họa, không phải ranh giới đo đạc",
        "legend.zone_unspecified": "Vùng chưa xác định địa điểm",
        "legend.zone_surveyed": "Ranh giới đo đạc / hành chính",
        "layer.basemap": "Nền bản đồ ngoại tuyến",
        "layer.zones": "Khu và vốn phân bổ",
        "layer.labels": "Nhãn vốn theo khu",
        "layer.sites": "Dự án",
        "layer.osm": "OpenStreetMap (cần Internet)",
        "layer.light": "Nền sáng CARTO (cần Internet)",
        "layer.imagery": "Ảnh vệ tinh Esri (cần Internet)",
        "panel.title": "Thông tin khu",
        "panel.projects": "Dự án trong khu",
        "panel.by_sector_phase": "Vốn theo ngành và giai đoạn (tỷ đồng)",
        "panel.none": "Nhấp vào một khu trên bản đồ hoặc chọn khu ở thanh bên để xem chi tiết.",
        "panel.no_projects": "Không có dự án nào phù hợp bộ lọc trong khu này.",
        "panel.close": "Đóng",
        "empty": "Không có dự án nào phù hợp bộ lọc.",
        "error.data": "Dữ liệu quy hoạch có lỗi; bản đồ không thể hiển thị cho đến khi sửa:",
        "note.merger": (
            "Từ 1/7/2025 tỉnh Thái Bình sáp nhập vào tỉnh Hưng Yên và cấp huyện bị bãi bỏ; "
            "địa danh trên bản đồ là địa danh năm 2016."
        ),
        "note.indicative": (
            "Ranh giới các KCN là hình minh họa có diện tích theo số liệu công bố, đặt tại vị trí "
            "ước lượng; không phải ranh giới đo đạc."
        ),
        "total": "Tổng",
    },
    "en": {
        "title": "Thái Bình Supporting Industry Plan 2016–2025",
        "subtitle": "Priority investment projects, their sites and capital per zone (plan decision, 2016)",
        "language": "Language",
        "filters": "Filters",
        "sector": "Sector",
        "phase": "Phase",
        "zone": "Zone",
        "all_zones": "All zones",
        "all": "All",
        "capital_range": "Capital (billion VND)",
        "search": "Search project names or sites",
        "policy": "Capital of multi-site projects",
        "policy_help": (
            "Split: each candidate site gets an equal share (totals match the plan). "
            "Full: every candidate gets the whole amount (the most a zone may have to carry). "
            "First: the whole amount goes to the first site named."
        ),
        "policy.split": "Split equally",
        "policy.full": "Full amount (upper bound)",
        "policy.first": "First site named",
        "sector.mechanical": "Mechanical engineering",
        "sector.electronics": "Electronics & IT",
        "sector.textiles": "Textiles, garments & leather",
        "sector.ceramics": "Sanitary ceramics",
        "phase.2016-2020": "2016–2020",
        "phase.2021-2025": "2021–2025",
        "kind.province": "Province",
        "kind.district": "District (pre-2025)",
        "kind.coastal_zone": "Coastal zone",
        "kind.cluster_area": "District industrial clusters",
        "kind.park": "Industrial park",
        "precision.surveyed": "surveyed boundary",
        "precision.official": "administrative boundary",
        "precision.indicative": "indicative (not a surveyed boundary)",
        "precision.unspecified": "site not specified",
        "placement.park": "in the named industrial park (position inside it is indicative)",
        "placement.area": "site not specified: anywhere in the area",
        "placement.point": "coordinates supplied by the user",
        "metric.projects": "Projects shown",
        "metric.capital": "Capital shown",
        "metric.share": "{share} of the plan's total",
        "metric.zones": "Zones involved",
        "unit.bn_vnd": "bn VND",
        "unit.per_ha": "bn VND/ha",
        "field.capital": "Capital",
        "field.sector": "Sector",
        "field.phase": "Phase",
        "field.site": "Site (as in the plan)",
        "field.site_printed": "As printed",
        "field.placement": "Marker position",
        "field.notes": "Capacity / notes",
        "field.plants": "Plants",
        "field.kind": "Kind",
        "field.district": "District (pre-2025)",
        "field.area": "Area",
        "field.developer": "Developer",
        "field.status": "Status",
        "field.precision": "Shape precision",
        "field.confidence": "Location confidence",
        "field.method": "How it was placed",
        "field.sources": "Sources",
        "field.current_unit": "Current administrative unit",
        "field.capital_per_ha": "Capital per ha",
        "field.projects": "Projects",
        "field.share": "Share of capital",
        "field.allocated": "Allocated capital",
        "legend.title": "Legend",
        "legend.sectors": "Sector (marker colour)",
        "legend.phase_1": "2016–2020: filled marker",
        "legend.phase_2": "2021–2025: hollow marker",
        "legend.site_park": "In a named park",
        "legend.site_area": "Site not specified",
        "legend.capital": "Capital allocated to the zone (bn VND)",
        "legend.zone_indicative": "Indicative shape, not a surveyed boundary",
        "legend.zone_unspecified": "Area, site not specified",
        "legend.zone_surveyed": "Surveyed / administrative boundary",
        "layer.basemap": "Offline basemap",
        "layer.zones": "Zones and allocated capital",
        "layer.labels": "Capital labels",
        "layer.sites": "Projects",
        "layer.osm": "OpenStreetMap (needs internet)",
        "layer.light": "CARTO light (needs internet)",
        "layer.imagery": "Esri imagery (needs internet)",
        "panel.title": "Zone details",
        "panel.projects": "Projects in this zone",
        "panel.by_sector_phase": "Capital by sector and phase (bn VND)",
        "panel.none": "Click a zone on the map, or pick one in the sidebar, to see its details.",
        "panel.no_projects": "No project in this zone matches the filters.",
        "panel.close": "Close",
        "empty": "No project matches the filters.",
        "error.data": "The plan data has problems; the map cannot be shown until they are fixed:",
        "note.merger": (
            "On 1 July 2025 Thái Bình province was merged into Hưng Yên and district-level units "
            "were abolished; place names on this map are the 2016 ones."
        ),
        "note.indicative": (
            "Park shapes are indicative discs of the recorded area at an estimated location, "
            "not surveyed boundaries."
        ),
        "total": "Total",
    },
}


def text(key: str, lang: str) -> str:
    """The text for ``key`` in ``lang``; a missing key is a bug, so it raises."""
    return CATALOGUE[lang][key]


def number(value: float, lang: str, decimals: int = 0) -> str:
    """Format a number: ``24.180,5`` in Vietnamese, ``24,180.5`` in English."""
    formatted = f"{value:,.{decimals}f}"
    if lang == "vi":
        formatted = formatted.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return formatted


def capital(value: float, lang: str) -> str:
    """A capital amount with its unit: ``24.180 tỷ đồng`` / ``24,180 bn VND``."""
    decimals = 0 if float(value).is_integer() else 1
    return f"{number(value, lang, decimals)} {text('unit.bn_vnd', lang)}"


def percent(share: float, lang: str) -> str:
    """A share as a percentage with one decimal."""
    return f"{number(share * 100, lang, 1)}%"


def fold(value: str) -> str:
    """Lower-case and strip Vietnamese accents, so "cau nghin" finds "Cầu Nghìn"."""
    value = value.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", value.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
