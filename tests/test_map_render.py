"""The map handed to streamlit-folium: what its arguments hold, rendered once."""

from __future__ import annotations

from typing import Any

import pytest
import streamlit_folium

from geo.context import read_context
from geo.load import Plan
from geo.view import Filters, build_view
from layers import mapview
from layers.context import simplified
from layers.prepared import prepare_zones
from layers.style import CapitalScale


def _arguments(plan: Plan, monkeypatch: pytest.MonkeyPatch, **options: Any) -> dict[str, Any]:
    captured: dict[str, Any] = {}
    monkeypatch.setattr(streamlit_folium, "_component_func", lambda **kw: captured.update(kw))
    view = build_view(plan, Filters(sectors=["mechanical"]))
    prepared = prepare_zones(plan.zones)
    base = mapview.base_map(plan.zones, "en", prepared=prepared, context=simplified(read_context()))
    scale = CapitalScale(*view.capital_range)
    layers = mapview.dynamic_layers(plan.zones, view.load, view.sites, scale, "en", prepared)
    streamlit_folium.st_folium(
        base, key="map", feature_group_to_add=layers, layer_control=mapview.layer_control(), **options
    )
    return {k: v for k, v in captured.items() if k != "on_change"}


def test_the_map_s_arguments_are_the_same_without_the_extra_render(
    plan: Plan, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ui/mapping.py passes ``render=False``: the same map reaches the browser, ~19 ms sooner."""
    rendered = _arguments(plan, monkeypatch)
    once = _arguments(plan, monkeypatch, render=False)
    assert once == rendered
    assert "map-legend" in once["script"]
    assert '"legendScale"' in once["feature_group"]
