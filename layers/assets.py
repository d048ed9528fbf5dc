"""Point folium at the Leaflet files the app serves itself, so maps render with no internet."""

from __future__ import annotations

from typing import Final

import folium
import folium.plugins

#: From inside the st_folium iframe, the app's static folder is two levels up; a relative
#: path also works when the app runs under --server.baseUrlPath.
STATIC_PREFIX: Final[str] = "../../app/static/vendor"

#: Files vendored from npm (leaflet@1.9.3, leaflet.fullscreen@3.0.0) under ``static/vendor``.
LEAFLET_JS: Final[str] = "leaflet/leaflet.js"
LEAFLET_CSS: Final[str] = "leaflet/leaflet.css"
FULLSCREEN_JS: Final[str] = "leaflet-fullscreen/Control.FullScreen.js"
FULLSCREEN_CSS: Final[str] = "leaflet-fullscreen/Control.FullScreen.css"
VENDORED: Final[tuple[str, ...]] = (LEAFLET_JS, LEAFLET_CSS, FULLSCREEN_JS, FULLSCREEN_CSS)


def use_local_assets(prefix: str = STATIC_PREFIX) -> None:
    """Make every map built afterwards load Leaflet and its plugins from ``prefix``.

    jQuery, Bootstrap and awesome-markers are dropped: nothing here uses them, and each
    would be one more request to a CDN that a briefing room cannot reach.
    """
    folium.Map.default_js = [("leaflet", f"{prefix}/{LEAFLET_JS}")]
    folium.Map.default_css = [("leaflet_css", f"{prefix}/{LEAFLET_CSS}")]
    folium.plugins.Fullscreen.default_js = [("Control.Fullscreen.js", f"{prefix}/{FULLSCREEN_JS}")]
    folium.plugins.Fullscreen.default_css = [("Control.FullScreen.css", f"{prefix}/{FULLSCREEN_CSS}")]
