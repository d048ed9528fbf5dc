"""The locator map's countries: a small Natural Earth extract of northern Viet Nam and its neighbours."""

from __future__ import annotations

from typing import Final

import geopandas as gpd

from geo import io, settings

#: Natural Earth 1:110m admin-0 countries (public domain), clipped to 100–110.5° E, 17–24.5° N.
LOCATOR_FILE: Final = settings.SOURCES_DIR / "natural_earth_110m_countries_northern_vietnam.geojson"


def read_locator_countries() -> gpd.GeoDataFrame:
    """Countries around northern Viet Nam (``name_en``, ``iso_a3``), in :data:`settings.CRS`."""
    return io.read_layer(LOCATOR_FILE)
