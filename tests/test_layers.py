"""Map layers, checked through the HTML and script they render."""

from __future__ import annotations

import json
import re

import folium
import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from geo import settings
from geo.join import allocate
from geo.load import Plan
from geo.stats import filter_projects, zone_load
from geo.view import Filters, build_view, filtered_sites, with_shares
from layers import assets, i18n, mapview
from layers.elements import DrawLayer, to_json
from layers.prepared import encoded_geometry
from layers.style import SECTOR_COLOURS, CapitalScale
from tests.conftest import unescape_js


def _render(plan: Plan, lang: str = "vi", zones: gpd.GeoDataFrame | None = None, **filters: list[str]) -> str:
    assets.use_local_assets()
    zones = plan.zones if zones is None else zones
    projects = filter_projects(plan.projects, **filters)
    allocation = allocate(projects, "split")
    load = zone_load(allocation, zones, plan_total=plan.total_capital)
    sites = with_shares(filtered_sites(plan, projects), allocation)
    m = mapview.full_map(zones, load, sites, CapitalScale(90, 24_180), lang)
    return unescape_js(m.get_root().render())


@pytest.fixture(scope="module")
def page(plan: Plan) -> str:
    return _render(plan)


def test_every_marker_and_zone_has_its_css_class(plan: Plan, page: str) -> None:
    for project_id in plan.projects["project_id"]:
        assert f"project-{project_id}" in page
    for zone_id in ("kcn-song-tra", "kcn-cau-nghin", "kcn-tien-hai", "kkt-ven-bien", "ccn-cac-huyen"):
        assert f"zone zone-{zone_id}" in page


def test_only_local_assets_are_linked(page: str) -> None:
    links = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page)
    assert links
    assert all(link.startswith("../../app/static/") for link in links), links
    assert "d3" not in " ".join(links)
    for host in ("cdn.jsdelivr", "code.jquery", "cdnjs", "netdna", "unpkg"):
        assert host not in page


def test_online_tiles_are_offered_but_hidden(page: str) -> None:
    assert "tile.openstreetmap.org" in page
    # Tile layers are overlays that start unchecked: not added to the map on load.
    assert not re.search(r"tile_layer_\w+\.addTo\(map_\w+\)", page)


def test_markers_are_coloured_by_sector_and_filled_by_phase(page: str) -> None:
    # Textiles projects all lie in areas with no named site: they have no marker of their own.
    for sector in ("mechanical", "electronics", "ceramics"):
        assert f'"fillColor": "{SECTOR_COLOURS[sector]}"' in page
    assert '"fillOpacity": 0.0' in page  # 2021-2025: hollow
    assert '"fillOpacity": 0.9' in page  # 2016-2020: filled
    assert "placement-area" not in page  # site not specified: in its area's symbol


def test_zone_labels_show_capital_in_the_language_s_format(plan: Plan) -> None:
    assert "Sông Trà (TBS): <b>24.180</b>" in _render(plan, "vi")
    english = _render(plan, "en")
    assert "Sông Trà (TBS): <b>24,180</b>" in english
    assert "Capital allocated to the zone (bn VND)" in english


def test_filters_reach_the_map(plan: Plan) -> None:
    page = _render(plan, sectors=["electronics"], phases=["2021-2025"])
    assert sorted(set(re.findall(r"project-([a-z0-9-]+) ", page))) == [
        "electronics-2021-1",
        "electronics-2021-2",
    ]


@pytest.mark.parametrize("parks", [1, 210])
def test_zones_without_the_optional_columns_are_drawn(plan: Plan, parks: int) -> None:
    # A zone file may leave out developer and status; above 200 zones they go compact.
    park = plan.zones[plan.zones["kind"] == "park"].head(1)
    copies = [
        park.assign(zone_id=f"park-{i}", geometry=park.geometry.translate(0.002 * i)) for i in range(parks)
    ]
    others = plan.zones[plan.zones["kind"] != "park"]
    zones = gpd.GeoDataFrame(pd.concat([others, *copies]), crs=plan.zones.crs)
    page = _render(plan, zones=zones.drop(columns=["developer", "status"]))
    if parks == 1:
        assert "zone zone-park-0" in page
    else:
        assert '"compactZones"' in page
        assert "park-209" in page


def test_names_from_data_are_escaped(plan: Plan) -> None:
    zones = plan.zones.copy()
    payload = '<img src=x onerror="window.__pwned=1">'
    zones.loc[zones["zone_id"] == "kcn-song-tra", "name_vi"] = payload
    page = _render(plan, zones=zones)
    assert payload not in page
    assert "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;" in page


def test_legend_is_our_own_html_without_a_colormap(page: str) -> None:
    assert "map-legend" in page
    assert "Vốn phân bổ cho khu (tỷ đồng)" in page
    assert "linear-gradient(to right, #fff5d6" in page
    assert "d3.min.js" not in page


def test_catalogues_have_the_same_keys() -> None:
    assert set(i18n.CATALOGUE["vi"]) == set(i18n.CATALOGUE["en"])


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [(24180, "vi", "24.180 tỷ đồng"), (24180, "en", "24,180 bn VND"), (162.5, "vi", "162,5 tỷ đồng")],
)
def test_capital_format(value: float, lang: str, expected: str) -> None:
    assert i18n.capital(value, lang) == expected


def test_capital_scale_is_fixed_and_monotonic() -> None:
    scale = CapitalScale(90, 24_180)
    colours = [scale.colour(v) for v in (90, 600, 3_000, 24_180)]
    assert len(set(colours)) == 4
    assert scale.colour(0) == "#f2f2f2"
    assert scale.ticks()[0] == 90
    assert tuple(SECTOR_COLOURS) == settings.SECTORS


def test_text_in_layer_data_cannot_break_out_of_its_script() -> None:
    m = folium.Map(tiles=None)
    group = folium.FeatureGroup().add_to(m)
    payload = to_json({"items": [[20.4, 106.3, "</script><!--<script>alert(1)</script>"]]})
    DrawLayer("labels", payload).add_to(group)
    page = m.get_root().render()
    assert "<!--<script>" not in page
    # The data stays inside the script that draws it, up to that script's last call.
    drawing = next(s for s in re.findall(r"<script>(.*?)</script>", page, re.S) if "tbDraw" in s)
    assert "alert(1)" in drawing
    assert ".addTo(map_" in drawing.split("tbDraw")[1]


def test_zone_shapes_are_sent_as_integer_steps_that_decode_to_the_shape() -> None:
    outer = [(106.3, 20.4), (106.4, 20.4), (106.4, 20.5), (106.3, 20.5), (106.3, 20.4)]
    hole = [(106.33, 20.43), (106.36, 20.43), (106.36, 20.46), (106.33, 20.43)]
    shape = shapely.MultiPolygon([shapely.Polygon(outer, [hole]), shapely.box(106.5, 20.5, 106.51, 20.51)])
    encoded = json.loads(encoded_geometry(shape))
    assert encoded["type"] == "Steps"
    # Undo the steps as static/js/map.js does: running sums, divided by the scale.
    decoded = [
        [np.cumsum(np.reshape(ring, (-1, 2)), axis=0) / encoded["scale"] for ring in polygon]
        for polygon in encoded["p"]
    ]
    assert len(decoded) == 2
    assert len(decoded[0]) == 2
    assert shapely.Polygon(decoded[0][0], decoded[0][1:]).equals_exact(shapely.Polygon(outer, [hole]), 1e-6)
    assert shapely.Polygon(decoded[1][0]).area == pytest.approx(0.0001, rel=1e-3)


def test_the_legend_s_scale_comes_with_the_zones_layer_not_the_base_map(plan: Plan) -> None:
    """A policy's scale changes only the layers, so the base map stays the same."""
    view = build_view(plan, Filters())
    base = mapview.base_map(plan.zones, "en").get_root().render()
    assert "legend-scale" in base
    assert "linear-gradient" not in base
    for high, top in ((24_180.0, "24,000"), (60_000.0, "60,000")):
        scale = CapitalScale(580.0, high)
        m = mapview.base_map(plan.zones, "en")
        for group in mapview.dynamic_layers(plan.zones, view.load, view.sites, scale, "en"):
            group.add_to(m)
        rendered = unescape_js(m.get_root().render())
        assert '"legendScale"' in rendered
        assert f"<span>{top}</span></div>" in rendered
