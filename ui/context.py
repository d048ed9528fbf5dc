"""The bundled context layer (rivers, coast, places), read once per server process."""

from __future__ import annotations

import geopandas as gpd
import streamlit as st

from geo.context import read_context
from layers.context import simplified


@st.cache_resource(show_spinner=False)
def cached_context() -> gpd.GeoDataFrame:
    """``data/context.geojson``, read and simplified for the web map once; the map draws it
    under the zones."""
    return simplified(read_context())
