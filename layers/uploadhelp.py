"""The columns each upload takes and their allowed values, written from the checks' own lists.

Generated from :mod:`geo.validate` and :mod:`geo.settings`, so the help cannot drift from
what the checks accept.
"""

from __future__ import annotations

from geo import settings
from geo.validate import (
    PLACEMENTS,
    PROJECT_OPTIONAL,
    PROJECT_REQUIRED,
    SITE_OPTIONAL,
    SITE_REQUIRED,
    ZONE_INHERITED,
    ZONE_REQUIRED,
)

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "zones": "Zones (polygons)",
        "sites": "Sites (points, or a table with lon, lat)",
        "projects": "Priority list (.csv, .xlsx)",
        "required": "required",
        "optional": "optional",
        "inherit": "for an existing zone_id, {cols} may be left out and are taken from it; "
        "precision stays as it was unless the file says e.g. surveyed",
        "values": "{col}: {values}",
        "capital": "capital_bn_vnd: a number ≥ 0, some above 0; a zone at most once in site_zone_ids",
    },
    "vi": {
        "zones": "Khu (đa giác)",
        "sites": "Điểm (điểm, hoặc bảng có lon, lat)",
        "projects": "Danh mục (.csv, .xlsx)",
        "required": "bắt buộc",
        "optional": "tùy chọn",
        "inherit": "với zone_id đã có, có thể bỏ {cols}: lấy từ khu đó; precision giữ như cũ "
        "trừ khi tệp ghi rõ, ví dụ surveyed",
        "values": "{col}: {values}",
        "capital": "capital_bn_vnd: số ≥ 0, ít nhất một số lớn hơn 0; mỗi khu nhiều nhất một lần "
        "trong site_zone_ids",
    },
}


def _values(col: str, allowed: tuple[str, ...], words: dict[str, str]) -> str:
    return words["values"].format(col=col, values=", ".join(allowed))


def upload_columns(lang: str) -> str:
    """Required and optional columns of each upload and their allowed values, in ``lang``."""
    w = _WORDS[lang]
    zones = (
        f"{w['zones']} — {w['required']}: {', '.join(ZONE_REQUIRED)}; {w['optional']}: name_en, "
        f"district_id. {_values('kind', settings.ZONE_KINDS, w)}; "
        f"{_values('precision', settings.PRECISIONS, w)}; "
        + w["inherit"].format(cols=", ".join(ZONE_INHERITED))
    )
    sites = (
        f"{w['sites']} — {w['required']}: {', '.join(SITE_REQUIRED)}; {w['optional']}: "
        f"{', '.join(SITE_OPTIONAL)}. {_values('placement', PLACEMENTS, w)}; "
        f"{_values('precision', settings.PRECISIONS, w)}"
    )
    projects = (
        f"{w['projects']} — {w['required']}: {', '.join(PROJECT_REQUIRED)}; {w['optional']}: "
        f"{', '.join(PROJECT_OPTIONAL)}. {_values('sector', settings.SECTORS, w)}; "
        f"{_values('phase', settings.PHASES, w)}; {_values('site_mode', settings.SITE_MODES, w)}; "
        + w["capital"]
    )
    return "\n\n" + "\n\n".join(f"- {part}." for part in (zones, sites, projects))
