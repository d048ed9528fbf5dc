"""Many project markers at once: a compact payload drawn on a canvas in the browser.

The drawing code is in ``static/js/map.js``, loaded with Leaflet (``layers/assets.py``).

Above :data:`COMPACT_ABOVE` sites, one SVG path with its own tooltip and popup per site is
too heavy (megabytes per filter change, seconds to draw). This layer sends the sites as
delta-encoded integer columns plus a table of their projects, and draws circle markers on
one canvas. Tooltips and popups are built on demand in the browser, from text nodes (never
HTML), so names from data cannot run as script. Above :data:`GROUP_ABOVE` sites, sites are
grouped into grid cells below :data:`GROUP_BELOW_ZOOM` and drawn one by one only when zoomed
in, and only where the map looks.
"""

from __future__ import annotations

from typing import Any, Final

import folium
import geopandas as gpd
import numpy as np
import pandas as pd

from geo import settings
from layers.elements import DrawLayer, to_json
from layers.features import COORD_DECIMALS, local_name
from layers.i18n import LOCALES, text
from layers.style import SECTOR_COLOURS

COMPACT_ABOVE: Final[int] = 500
GROUP_ABOVE: Final[int] = 50_000
GROUP_BELOW_ZOOM: Final[int] = 11
#: Integer coordinates in 1e-5 degree (about 1 m).
SCALE: Final[int] = 10**COORD_DECIMALS

#: Above this many zones, zones go as compact rings too.
COMPACT_ZONES_ABOVE: Final[int] = 200


def _one_line(value: object) -> str:
    return " ".join(str(value).split())


def _codes(values: pd.Series, vocabulary: tuple[str, ...]) -> list[int]:
    return values.map({v: i for i, v in enumerate(vocabulary)}).fillna(0).astype(int).tolist()


def compact_payload(sites: gpd.GeoDataFrame, zone_names: dict[str, str], lang: str) -> dict[str, object]:
    """Columns of small integers for the sites, and one row per project for the text."""
    order = np.lexsort((sites.geometry.y.to_numpy(), sites.geometry.x.to_numpy()))
    ordered = sites.iloc[order]
    x = np.rint(ordered.geometry.x.to_numpy() * SCALE).astype(np.int64)
    y = np.rint(ordered.geometry.y.to_numpy() * SCALE).astype(np.int64)
    codes, uniques = ordered["project_id"].factorize()
    first = ordered.drop_duplicates("project_id").set_index("project_id").loc[uniques]
    name_column = "name_en" if lang == "en" else "name_vi"
    zone_codes, zone_ids = ordered["zone_id"].factorize()
    return {
        "scale": SCALE,
        "x": np.diff(x, prepend=0).tolist(),
        "y": np.diff(y, prepend=0).tolist(),
        "s": _codes(ordered["sector"], settings.SECTORS),
        "p": _codes(ordered["phase"], settings.PHASES),
        "u": (ordered["placement"] == "area").astype(int).tolist(),
        "k": codes.tolist(),
        "z": zone_codes.tolist(),
        # Text as one joined string and numbers as numbers: every quote and every escaped
        # letter of a JSON string list costs bytes, thousands of times over.
        "names": "\n".join(_one_line(n) for n in first[name_column]),
        "ids": "\n".join(uniques) if len(uniques) <= COMPACT_ABOVE else "",
        "capital": first["capital_bn_vnd"].round(1).tolist(),
        "zones": "\n".join(_one_line(zone_names.get(z, z)) for z in zone_ids),
        "locale": LOCALES[lang],
        "unit": text("unit.bn_vnd", lang),
        "colours": list(SECTOR_COLOURS.values()),
        "labels": {
            "sectors": [text(f"sector.{s}", lang) for s in settings.SECTORS],
            "phases": [text(f"phase.{p}", lang) for p in settings.PHASES],
            "zone": text("zone", lang),
            "sites": text("layer.sites", lang).lower(),
        },
        "group_above": GROUP_ABOVE,
        "group_below": GROUP_BELOW_ZOOM,
    }


def compact_sites_layer(
    sites: gpd.GeoDataFrame, zone_names: dict[str, str], lang: str
) -> folium.FeatureGroup:
    """The sites as one compact canvas layer."""
    group = folium.FeatureGroup(name=text("layer.sites", lang), show=True)
    if not sites.empty:
        DrawLayer("compactSites", to_json(compact_payload(sites, zone_names, lang))).add_to(group)
    return group


def compact_zones_payload(zones: list[dict[str, Any]], colours: list[str], lang: str) -> dict[str, object]:
    """Zone ids, names, capital and colours; ``zones`` are :func:`layers.zones.zone_figures`
    rows. The shapes go beside it (:data:`layers.prepared.PreparedZones.geometry`)."""
    return {
        "ids": "\n".join(z["zone_id"] for z in zones),
        "names": "\n".join(_one_line(local_name(z, lang)) for z in zones),
        "capital": [round(float(z["capital_bn_vnd"]), 1) for z in zones],
        "locale": LOCALES[lang],
        "unit": text("unit.bn_vnd", lang),
        "colours": colours,
        "dash": [int(z["precision"] != "surveyed") for z in zones],
    }
