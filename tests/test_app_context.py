"""Straight-line distances where a user reads them: the zone panel and the zone-load view."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import cli
from tests.test_app import _run


def test_zone_panel_gives_straight_line_distances() -> None:
    at = _run(zone="kcn-cau-nghin", lang="en")
    facts = next(h.proto.body for h in at.get("html") if 'class="facts"' in h.proto.body)
    assert "<th>Straight-line distance (km)</th>" in facts
    assert (
        "Nội Bài airport 91.8 · Port of Hải Phòng 35.1 · Hà Nội 75.6 · Thái Bình city 23.8 · coast 13.8"
        in facts
    )


def test_zone_panel_distances_in_vietnamese_format() -> None:
    at = _run(zone="kcn-song-tra")
    facts = next(h.proto.body for h in at.get("html") if 'class="facts"' in h.proto.body)
    assert "<th>Khoảng cách đường thẳng (km)</th>" in facts
    assert "Sân bay Nội Bài 97,7" in facts


def test_zone_load_export_carries_the_distances(tmp_path: Path) -> None:
    out = tmp_path / "load.csv"
    assert cli.run(["export", "zone-load", "--format", "csv", "--out", str(out)]) == 0
    table = pd.read_csv(out).set_index("zone_id")
    assert table.loc["kcn-cau-nghin", "km_to_noi_bai"] == 91.8
    assert table.loc["kcn-song-tra", "km_to_thai_binh_city"] == 4.5
