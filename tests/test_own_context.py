"""A user's own context layer: read as hostile as any upload, drawn under the zones, escaped."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from geo.owncontext import MAX_FEATURES, read_own_context
from layers import assets, mapview
from layers.context import own_context_layer
from tests.conftest import unescape_js
from tests.hostile import CANARY_TEXT, CASES, Listener, write_canary

PAYLOAD = '<img src=x onerror="window.__pwned=1">'


def _collection(features: list[dict[str, object]]) -> bytes:
    return json.dumps({"type": "FeatureCollection", "features": features}).encode()


def _road(name: str, coordinates: list[list[float]]) -> dict[str, object]:
    return {
        "type": "Feature",
        "properties": {"name": name},
        "geometry": {"type": "LineString", "coordinates": coordinates},
    }


ROADS = _collection(
    [
        _road("Quốc lộ 10", [[106.30, 20.45], [106.34, 20.47], [106.40, 20.52]]),
        _road(PAYLOAD, [[106.35, 20.40], [106.36, 20.60]]),
        {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [106.33, 20.49]}},
    ]
)


@pytest.fixture
def listener() -> Iterator[Listener]:
    with Listener().running() as running:
        yield running


def test_a_roads_file_is_read_with_its_names() -> None:
    own, problems = read_own_context("đường giao thông.geojson", ROADS)
    assert problems == []
    assert own is not None
    assert own.title == "đường giao thông.geojson"
    assert list(own.features["label"]) == ["Quốc lộ 10", PAYLOAD, ""]
    assert own.features.crs == "EPSG:4326"


def test_features_far_from_the_plan_are_refused_with_where_they_are() -> None:
    paris = _collection([_road("Rue", [[2.35, 48.85], [2.36, 48.86]])])
    own, problems = read_own_context("paris.geojson", paris)
    assert own is None
    [problem] = problems
    assert "within about 50 km of the plan's area" in problem.text("en")
    assert "trong phạm vi khoảng 50 km quanh vùng quy hoạch" in problem.text("vi")
    assert "lon 2.350…2.360" in problem.text("en")


def test_too_many_features_are_refused_before_they_reach_a_browser() -> None:
    points = [
        {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [106.3, 20.5]}}
    ] * (MAX_FEATURES + 1)
    own, problems = read_own_context("parcels.geojson", _collection(points))
    assert own is None
    assert "at most 20,000 features" in problems[0].text("en")
    assert "tối đa 20.000 đối tượng; thấy 20.001" in problems[0].text("vi")


def test_a_table_or_another_ending_is_refused() -> None:
    own, problems = read_own_context("roads.csv", b"name,lon,lat\nQL10,106.3,20.5\n")
    assert own is None
    assert "a file ending in .geojson, .json, .gpkg, .fgb, .zip" in problems[0].text("en")


@pytest.mark.parametrize("case", sorted(c for c in CASES if CASES[c][0] == "zones"))
def test_a_hostile_context_file_is_refused_and_reaches_nothing(
    case: str, tmp_path: Path, listener: Listener
) -> None:
    _, name, make = CASES[case]
    own, problems = read_own_context(name, make(write_canary(tmp_path), listener.url))
    assert own is None
    assert problems
    messages = [p.text(lang) for p in problems for lang in ("en", "vi")]
    assert not any(CANARY_TEXT in m or "/tmp" in m for m in messages)
    assert listener.requests == []


def test_the_layer_is_drawn_under_the_zones_with_every_name_escaped(plan: object) -> None:
    own, _ = read_own_context('<i>roads"x.geojson', ROADS)
    assert own is not None
    assets.use_local_assets()
    base = mapview.base_map(plan.zones, "vi", own=own)  # type: ignore[attr-defined]
    mapview.layer_control().add_to(base)
    page = unescape_js(base.get_root().render())
    assert "Lớp của bạn: &lt;i&gt;roads&quot;x.geojson" in page
    assert "<i>roads" not in page
    assert PAYLOAD not in page
    assert "&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;" in page
    assert "Quốc lộ 10" in page
    assert '"className": "own-context"' in page
    # The layer is part of the base map, which goes under the filtered zones and markers.
    assert (
        own_context_layer(own.title, own.features, "en").layer_name
        == "Your layer: &lt;i&gt;roads&quot;x.geojson"
    )


def test_the_app_draws_an_uploaded_context_layer_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    # AppTest cannot put a file into st.file_uploader: stand in for what the uploader holds.
    from ui import uploads

    monkeypatch.setattr(uploads, "context_file", lambda: ("đường.geojson", ROADS))
    at = AppTest.from_file(str(Path(__file__).parent.parent / "app.py"), default_timeout=60).run()
    assert not at.exception, at.exception
    captions = [c.value for c in at.sidebar.caption]
    assert "Đã vẽ 3 đối tượng của `đường.geojson` dưới các khu." in captions, captions


def test_the_app_says_why_a_context_file_was_not_drawn(monkeypatch: pytest.MonkeyPatch) -> None:
    from ui import uploads

    far = _collection([_road("Rue", [[2.35, 48.85], [2.36, 48.86]])])
    monkeypatch.setattr(uploads, "context_file", lambda: ("paris.geojson", far))
    at = AppTest.from_file(str(Path(__file__).parent.parent / "app.py"), default_timeout=60).run()
    assert not at.exception, at.exception
    [error] = [e.value for e in at.sidebar.error]
    assert error.startswith("Không vẽ được lớp `paris.geojson`:")
    assert "trong phạm vi khoảng 50 km quanh vùng quy hoạch" in error
