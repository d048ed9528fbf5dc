"""The context layer on the map, checked through the rendered HTML and script."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import cli
from geo.context import read_context
from geo.join import allocate
from geo.load import Plan
from geo.stats import filter_projects, zone_load
from geo.view import filtered_sites, with_shares
from layers import assets, mapview
from layers.context import stated_radius_km
from layers.style import CapitalScale
from tests.conftest import unescape_js


def _render(plan: Plan, lang: str) -> str:
    assets.use_local_assets()
    projects = filter_projects(plan.projects)
    allocation = allocate(projects, "split")
    load = zone_load(allocation, plan.zones, plan_total=plan.total_capital)
    sites = with_shares(filtered_sites(plan, projects), allocation)
    m = mapview.full_map(plan.zones, load, sites, CapitalScale(90, 24_180), lang, context=read_context())
    return unescape_js(m.get_root().render())


@pytest.fixture(scope="module")
def page_vi(plan: Plan) -> str:
    return _render(plan, "vi")


@pytest.fixture(scope="module")
def page_en(plan: Plan) -> str:
    return _render(plan, "en")


def test_context_is_a_layer_of_its_own_under_the_zones(page_vi: str) -> None:
    assert "Sông, bờ biển, tỉnh lân cận, địa danh" in page_vi  # the layer control's name
    context = page_vi.index("context-sea")
    assert page_vi.index("context-river") > context
    # Drawn before (so under) the zones, whose script comes later.
    assert page_vi.index("zone zone-kcn-song-tra") > page_vi.index("context-tra_ly")


def test_rivers_and_places_are_named_in_the_map_language(page_vi: str, page_en: str) -> None:
    for name in ("Sông Trà Lý", "Sông Hồng", "Sông Luộc", "Thành phố Thái Bình", "Cảng Hải Phòng"):
        assert name in page_vi, name
    for name in ("Trà Lý River", "Red River (Hồng)", "Thai Binh city", "Port of Hai Phong"):
        assert name in page_en, name
    assert page_vi.count("context-label-tra_ly") >= 3


def test_context_draws_no_tiles_and_catches_no_mouse(page_vi: str) -> None:
    start = page_vi.index("context-sea")
    script = page_vi[page_vi.rindex("window.tbDraw", 0, start) : start]
    assert '"interactive":false' in script


def test_legend_lists_the_context(page_vi: str, page_en: str) -> None:
    for label in ("Biển", "Sông (tên các sông chính)", "Ranh giới tỉnh lân cận (sơ lược)"):
        assert label in page_vi
    assert "Neighbouring province (coarse)" in page_en


def test_failed_tiles_note_is_in_the_page_language(page_vi: str, page_en: str) -> None:
    assert 'window.tbDraw("tileNote"' in page_vi
    assert "Không tải được nền bản đồ trực tuyến" in page_vi
    assert "The online basemap could not load" in page_en


def test_html_export_carries_the_context(tmp_path: Path) -> None:
    out = tmp_path / "map.html"
    assert cli.run(["export", "map", "--format", "html", "--out", str(out), "--lang", "vi"]) == 0
    page = unescape_js(out.read_text(encoding="utf-8"))
    assert "Sông Trà Lý" in page
    assert "context-coast" in page


def _groups(page: str) -> list[dict[str, object]]:
    start = page.index('window.tbDraw("areaGroups", ') + len('window.tbDraw("areaGroups", ')
    payload, _ = json.JSONDecoder().raw_decode(page[start:])
    return list(payload["items"])


def plan_load(plan: Plan) -> pd.DataFrame:
    return zone_load(allocate(plan.projects, "split"), plan.zones, plan_total=plan.total_capital)


def test_projects_with_no_named_site_are_in_their_area_s_symbol(plan: Plan, page_vi: str) -> None:
    groups = {str(g["className"]).split()[-1]: g for g in _groups(page_vi)}
    assert set(groups) == {"zone-group-ccn-cac-huyen", "zone-group-kkt-ven-bien"}
    sites = plan.sites.merge(plan.projects[["project_id", "capital_bn_vnd"]], on="project_id")
    for zone_id, group in (("ccn-cac-huyen", groups["zone-group-ccn-cac-huyen"]),):
        expected = sites[sites["zone_id"] == zone_id]
        assert group["html"] == f"<span>{len(expected)}</span>"
        for project_id in expected["project_id"]:
            assert f"project-{project_id}" in str(group["className"])
    # 7 projects, 650 + 250 + 1,080 + 90 + 180 + 1,500 + 150 = 3,900 bn VND in all; split
    # between their sites, the clusters carry 2,625: the figure the area's label shows.
    load = plan_load(plan).set_index("zone_id")["capital_bn_vnd"]
    assert load["ccn-cac-huyen"] == 2625
    tooltip = str(groups["zone-group-ccn-cac-huyen"]["tooltip"])
    assert "7 dự án chưa xác định địa điểm · 2.625 tỷ đồng" in tooltip
    # A project shared with a park shows its share of its whole: 650 split between two sites.
    popup = str(groups["zone-group-ccn-cac-huyen"]["popup"])
    assert "325 tỷ đồng (phần được phân bổ, trên tổng 650 tỷ đồng)" in popup
    # No site of theirs is drawn as a point of its own.
    assert "placement-area" not in page_vi


def test_area_symbols_follow_the_filters(plan: Plan) -> None:
    assets.use_local_assets()
    projects = filter_projects(plan.projects, sectors=["mechanical"])
    allocation = allocate(projects, "split")
    load = zone_load(allocation, plan.zones, plan_total=plan.total_capital)
    sites = with_shares(filtered_sites(plan, projects), allocation)
    m = mapview.full_map(plan.zones, load, sites, CapitalScale(90, 24_180), "en")
    groups = {str(g["className"]).split()[-1]: g for g in _groups(unescape_js(m.get_root().render()))}
    # Mechanical: two projects in the clusters (650 and 250, each split with a park: 325 +
    # 125), two on the coast; each symbol says what its area's label says.
    assert groups["zone-group-ccn-cac-huyen"]["html"] == "<span>2</span>"
    assert "2 projects, site not specified · 450 bn VND" in str(groups["zone-group-ccn-cac-huyen"]["tooltip"])
    carried = load.set_index("zone_id")["capital_bn_vnd"]
    assert carried["ccn-cac-huyen"] == 450
    coast = f"2 projects, site not specified · {carried['kkt-ven-bien']:,.0f} bn VND"
    assert coast in str(groups["zone-group-kkt-ven-bien"]["tooltip"])


def test_halo_radius_is_the_stated_one_or_none() -> None:
    assert stated_radius_km("low (±2-3 km)") == 3.0
    assert stated_radius_km("low (±2 km)") == 2.0
    assert stated_radius_km("medium") is None


def test_parks_with_a_stated_radius_get_a_halo_of_it(page_vi: str) -> None:
    start = page_vi.index('window.tbDraw("halos", ') + len('window.tbDraw("halos", ')
    payload, _ = json.JSONDecoder().raw_decode(page_vi[start:])
    radii = {item["className"].split()[1]: item["m"] for item in payload["items"]}
    assert radii["halo-kcn-song-tra"] == 3000
    assert radii["halo-kcn-nguyen-duc-canh"] == 2000
    assert "halo-kcn-gia-le" not in radii  # "medium-low": no radius stated, no halo
    assert payload["minZoom"] == 12


def test_the_context_layer_drawn_from_its_prepared_json_is_the_same_as_made_anew() -> None:
    """The web map's context keeps each geometry's JSON (made once per server): the layer
    drawn from it is the one drawn from the geometries themselves."""
    from layers.context import GEOMETRY_JSON, context_layer, simplified

    prepared = simplified(read_context())
    assert GEOMETRY_JSON in prepared.columns

    def data(context: object) -> list[str]:
        group = context_layer(context, "en")  # type: ignore[arg-type]
        return [child.data for child in group._children.values()]

    made = data(prepared)
    assert made == data(prepared.drop(columns=GEOMETRY_JSON))
    assert '"type":"LineString"' in made[0] or '"type":"MultiLineString"' in made[0]
