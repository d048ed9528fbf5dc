"""Point folium at the Leaflet files the app serves itself, so maps render with no internet."""

from __future__ import annotations

from typing import Final

import folium
import folium.plugins

#: From inside the st_folium iframe, the app's static folder is two levels up; a relative
#: path also works when the app runs under --server.baseUrlPath.
STATIC_PREFIX: Final[str] = "../../app/static"

#: Files vendored from npm (leaflet@1.9.3, leaflet.fullscreen@3.0.0) under ``static/vendor``,
#: and our own script ``static/js/map.js`` (focus without scrolling; the layers' drawing).
LEAFLET_JS: Final[str] = "vendor/leaflet/leaflet.js"
LEAFLET_CSS: Final[str] = "vendor/leaflet/leaflet.css"
MAP_JS: Final[str] = "js/map.js"
FULLSCREEN_JS: Final[str] = "vendor/leaflet-fullscreen/Control.FullScreen.js"
FULLSCREEN_CSS: Final[str] = "vendor/leaflet-fullscreen/Control.FullScreen.css"


def use_local_assets(prefix: str = STATIC_PREFIX) -> None:
    """Make every map built afterwards load Leaflet and its plugins from ``prefix``.

    jQuery, Bootstrap and awesome-markers are dropped: nothing here uses them, and each
    would be one more request to a CDN that a briefing room cannot reach.
    """
    folium.Map.default_js = [
        ("leaflet", f"{prefix}/{LEAFLET_JS}"),
        ("tb_map", f"{prefix}/{MAP_JS}"),
    ]
    folium.Map.default_css = [("leaflet_css", f"{prefix}/{LEAFLET_CSS}")]
    folium.plugins.Fullscreen.default_js = [("Control.Fullscreen.js", f"{prefix}/{FULLSCREEN_JS}")]
    folium.plugins.Fullscreen.default_css = [("Control.FullScreen.css", f"{prefix}/{FULLSCREEN_CSS}")]
