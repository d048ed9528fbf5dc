"""The naive baseline: read the files on every rerun, filter, ``GeoDataFrame.explore()``.

Only Leaflet is pointed at the app's own copy (as in the real app), so that the baseline can
draw at all with no internet; everything else is what a first version would do.
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

assets.use_local_assets()
folder = Path(os.environ.get(settings.DATA_DIR_ENV) or settings.DATA_DIR)
phases = st.sidebar.multiselect("Phase", list(settings.PHASES), key="phase")
projects = pd.read_csv(folder / "projects.csv")
sites = gpd.read_file(folder / "sites.geojson").merge(projects, on="project_id")
if phases:
    sites = sites[sites["phase"].isin(phases)]
# Circle markers: explore's default pins need an icon plugin from a CDN and draw nothing offline.
st_folium(
    sites.explore(tiles=None, marker_type="circle_marker"), key="naive", height=600, use_container_width=True
)
