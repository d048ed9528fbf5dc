"""The legend, as HTML/CSS of our own in a Leaflet control (no branca colormap element)."""

from __future__ import annotations

import json

import folium
from jinja2 import Template

from layers.elements import DrawLayer, ScriptElement, script_safe, to_json
from layers.features import esc
from layers.i18n import number, text
from layers.style import SECTOR_COLOURS, CapitalScale

CSS = """
.map-legend { background: rgba(255,255,255,.94); padding: 8px 10px; border-radius: 6px;
  box-shadow: 0 1px 4px rgba(0,0,0,.35); font: 11px/1.25 system-ui, sans-serif; color: #222;
  max-width: 205px; }
.map-legend summary { font-weight: 700; font-size: 13px; cursor: pointer; }
.map-legend h5 { margin: 6px 0 2px; font-size: 12px; font-weight: 600; }
.map-legend .row { display: flex; align-items: center; gap: 6px; margin: 1px 0; }
.map-legend .dot { width: 12px; height: 12px; border-radius: 50%; border: 2.5px solid;
  box-sizing: border-box; }
.map-legend .swatch { width: 22px; height: 12px; border: 2px solid #333; box-sizing: border-box; }
.map-legend .ramp { height: 10px; border: 1px solid #999; }
.map-legend .ticks { display: flex; justify-content: space-between; font-size: 11px; }
.district-label { font: 600 11px system-ui, sans-serif; color: #666; text-align: center;
  text-shadow: 0 0 3px #fff, 0 0 3px #fff; white-space: nowrap; pointer-events: none; }
.zone-label { font: 12px system-ui, sans-serif; color: #111; white-space: nowrap;
  text-shadow: 0 0 3px #fff, 0 0 3px #fff, 0 0 3px #fff; pointer-events: none; }
.leaflet-container { background: #e4e6e1; }
.river-label { font: italic 11px system-ui, sans-serif; color: #2f6690; text-align: center;
  text-shadow: 0 0 3px #fff, 0 0 3px #fff; white-space: nowrap; pointer-events: none; }
.place-label { font: 600 11px system-ui, sans-serif; color: #222; white-space: nowrap;
  text-shadow: 0 0 3px #fff, 0 0 3px #fff; pointer-events: none; }
.map-legend .line { width: 22px; height: 0; border-top: 2.5px solid; }
.area-group { background: rgba(255,255,255,.92); border: 2px dotted #333; border-radius: 50%;
  display: flex; align-items: center; justify-content: center; font: 700 13px system-ui, sans-serif;
  color: #222; box-sizing: border-box; }
.leaflet-popup-content ul.area-projects { margin: 4px 0 0; padding-left: 16px; }
.tile-note { background: #fff4d6; border: 1px solid #d9a400; padding: 6px 9px; border-radius: 4px;
  font: 12px/1.3 system-ui, sans-serif; max-width: 280px; }
.map-title { background: rgba(255,255,255,.94); padding: 6px 12px; border-radius: 6px;
  box-shadow: 0 1px 4px rgba(0,0,0,.35); font: 13px/1.3 system-ui, sans-serif; max-width: 60vw; }
.map-title h3 { margin: 0; font-size: 17px; }
.large .map-legend { font-size: 15px; max-width: 300px; }
.large .map-legend summary, .large .map-legend h5 { font-size: 16px; }
.large .map-title h3 { font-size: 26px; }
.large .map-title { font-size: 18px; }
.large .zone-label { font-size: 18px; }
.large .district-label { font-size: 15px; }
.large .river-label, .large .place-label { font-size: 14px; }
.large .map-legend .ticks { font-size: 14px; }
.large .leaflet-control-scale-line { font-size: 14px; }
.leaflet-popup-content h4 { margin: 0 0 2px; font-size: 14px; }
.leaflet-popup-content .other-name { color: #555; font-size: 11px; margin-bottom: 4px; }
.leaflet-popup-content table.facts th { text-align: left; padding-right: 8px; color: #555;
  font-weight: 500; vertical-align: top; }
"""


def legend_html(lang: str) -> str:
    """The legend's inner HTML: sectors, phases, site precision, a slot for the capital
    scale (:func:`scale_html`, drawn with the zones), zone outlines."""
    sectors = "".join(
        f'<div class="row"><span class="dot" style="background:{colour};border-color:{colour}"></span>'
        f"{esc(text(f'sector.{sector}', lang))}</div>"
        for sector, colour in SECTOR_COLOURS.items()
    )
    grey = "#555"
    phases = (
        f'<div class="row"><span class="dot" style="background:{grey};border-color:{grey}"></span>'
        f"{esc(text('legend.phase_1', lang))}</div>"
        f'<div class="row"><span class="dot" style="background:#fff;border-color:{grey}"></span>'
        f"{esc(text('legend.phase_2', lang))}</div>"
        f'<div class="row"><span class="dot" style="border-color:{grey}"></span>'
        f"{esc(text('legend.site_park', lang))}</div>"
        '<div class="row"><span class="area-group" style="width:16px;height:16px;font-size:9px">'
        f"3</span>{esc(text('legend.area_group', lang))}</div>"
    )
    outlines = "".join(
        f'<div class="row"><span class="swatch" style="border-style:{style}"></span>'
        f"{esc(text(key, lang))}</div>"
        for style, key in (
            ("solid", "legend.zone_surveyed"),
            ("dashed", "legend.zone_indicative"),
            ("dotted", "legend.zone_unspecified"),
        )
    )
    return (
        f"<details open><summary>{esc(text('legend.title', lang))}</summary>"
        f"<h5>{esc(text('legend.sectors', lang))}</h5>{sectors}{phases}"
        f'<h5>{esc(text("legend.capital", lang))}</h5><div class="legend-scale"></div>{outlines}'
        f"<h5>{esc(text('legend.context', lang))}</h5>{context_rows(lang)}</details>"
    )


def scale_html(scale: CapitalScale, lang: str) -> str:
    """The capital scale's colour ramp and ticks, for the legend's slot."""
    ticks = scale.ticks()
    stops = ", ".join(scale.colour(t) for t in ticks)
    return (
        f'<div class="ramp" style="background:linear-gradient(to right, {stops})"></div>'
        '<div class="ticks">' + "".join(f"<span>{esc(number(t, lang))}</span>" for t in ticks) + "</div>"
    )


def legend_scale(scale: CapitalScale, lang: str) -> DrawLayer:
    """The capital scale, drawn into the legend by the zones' layer (``legendScale`` in
    ``static/js/map.js``): the scale changes with the policy, the legend does not, so a
    policy change swaps the layers instead of building the whole map again (~0.4 s)."""
    return DrawLayer("legendScale", to_json({"html": scale_html(scale, lang)}))


def context_rows(lang: str) -> str:
    """Legend rows of the context layer: sea, river, neighbouring province, place."""
    swatches = (
        ('<span class="swatch" style="background:#cfe2ee;border:0"></span>', "legend.sea"),
        ('<span class="line" style="border-color:#5f95bf"></span>', "legend.river"),
        (
            '<span class="line" style="border-color:#9a9a9a;border-top-style:dashed"></span>',
            "legend.neighbour",
        ),
        ('<span class="dot" style="background:#2b2b2b;border-color:#fff"></span>', "legend.place"),
        (
            '<span class="dot" style="background:rgba(85,85,85,.1);border:1px dashed #777"></span>',
            "legend.halo",
        ),
    )
    return "".join(f'<div class="row">{swatch}{esc(text(key, lang))}</div>' for swatch, key in swatches)


class Legend(ScriptElement):
    """A bottom-right Leaflet control holding ``html`` and the map's own CSS."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function() {
            var style = document.createElement('style');
            style.textContent = {{ this.css }};
            document.head.appendChild(style);
            var legend = L.control({position: {{ this.position }}});
            var map = {{ this._parent.get_name() }};
            legend.onAdd = function() {
                var div = L.DomUtil.create('div', 'map-legend');
                div.innerHTML = {{ this.html }};
                // The zones' layer may have brought the capital scale first.
                if (map._tbLegendScale) { div.querySelector('.legend-scale').innerHTML = map._tbLegendScale; }
                L.DomEvent.disableClickPropagation(div);
                return div;
            };
            legend.addTo({{ this._parent.get_name() }});
            {% if this.large %}{{ this._parent.get_name() }}.getContainer().classList.add("large");{% endif %}
        })();
        {% endmacro %}
        """
    )

    def __init__(self, html: str, position: str = "bottomright", *, large: bool = False) -> None:
        super().__init__()
        self._name = "Legend"
        self.large = large
        # JSON-encoded so the HTML arrives in the script as one safe string literal.
        self.html = script_safe(to_json(html))
        self.css = script_safe(to_json(CSS))
        self.position = json.dumps(position)


def legend(lang: str, *, large: bool = False) -> Legend:
    """The map's legend control for ``lang``; ``large`` sets large type for a projector."""
    return Legend(legend_html(lang), large=large)


def add_legend(m: folium.Map, lang: str, *, large: bool = False) -> None:
    """Add the legend control to ``m`` (its capital scale comes with :func:`legend_scale`)."""
    legend(lang, large=large).add_to(m)


class TitleBox(ScriptElement):
    """A title and subtitle at the top of the map, for briefings and exported maps."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function() {
            var box = L.control({position: "topright"});
            box.onAdd = function() {
                var div = L.DomUtil.create("div", "map-title");
                div.innerHTML = {{ this.html }};
                return div;
            };
            box.addTo({{ this._parent.get_name() }});
        })();
        {% endmacro %}
        """
    )

    def __init__(self, title: str, subtitle: str) -> None:
        super().__init__()
        self._name = "TitleBox"
        html = f"<h3>{esc(title)}</h3><div>{esc(subtitle)}</div>"
        self.html = script_safe(to_json(html))
