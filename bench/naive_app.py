"""The naive baseline: read the files on every rerun, filter, ``GeoDataFrame.explore()``.

The same filters and headline as the app (sector, phase, policy; sites and capital shown),
so that a person's action is the same on both. Only Leaflet is pointed at the app's own copy
(as in the real app), so that the baseline can draw at all with no internet; everything else
is what a first version would do.
"""

from __future__ import annotations

import os
from pathlib import Path

import geopandas as gpd
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from geo import settings
from layers import assets
from layers.i18n import text

assets.use_local_assets()
folder = Path(os.environ.get(settings.DATA_DIR_ENV) or settings.DATA_DIR)
sectors = st.sidebar.multiselect(
    text("sector", "en"),
    list(settings.SECTORS),
    format_func=lambda s: text(f"sector.{s}", "en"),
    key="sector",
)
phases = st.sidebar.multiselect(
    text("phase", "en"), list(settings.PHASES), format_func=lambda p: text(f"phase.{p}", "en"), key="phase"
)
st.sidebar.radio(
    text("policy", "en"),
    list(settings.POLICIES),
    format_func=lambda p: text(f"policy.{p}", "en"),
    key="policy",
)
projects = pd.read_csv(folder / "projects.csv")
sites = gpd.read_file(folder / "sites.geojson").merge(projects, on="project_id")
if sectors:
    sites = sites[sites["sector"].isin(sectors)]
    projects = projects[projects["sector"].isin(sectors)]
if phases:
    sites = sites[sites["phase"].isin(phases)]
    projects = projects[projects["phase"].isin(phases)]
first, second = st.columns(2)
first.metric(text("metric.projects", "en"), f"{len(projects)}")
second.metric(text("metric.capital", "en"), f"{projects['capital_bn_vnd'].sum():,.0f} bn VND")
# Circle markers: explore's default pins need an icon plugin from a CDN and draw nothing offline.
st_folium(
    sites.explore(tiles=None, marker_type="circle_marker"), key="naive", height=600, use_container_width=True
)
