"""Map elements that render their script once: data handed to our drawing functions.

branca's ``MacroElement.render`` compiles each element's rendered output as a new Jinja
template, and streamlit-folium renders a map two or three times per call: with folium's
own GeoJson, markers and icons, that was most of the Python time of a filter change.
These elements add their rendered text as it is, and carry their data as one JSON string
that ``static/js/map.js`` draws in the browser.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import folium
from branca.element import Element, Figure, MacroElement
from jinja2 import Template

from layers.features import COORD_DECIMALS, feature_collection

DRAW_SCRIPT = """
{% macro script(this, kwargs) %}
window.tbDraw({{ this.function }}, {{ this.data }}, {{ this._parent.get_name() }}, {{ this.map_name() }});
{% endmacro %}
"""


def to_json(value: Any) -> str:
    """Compact JSON text (make it :func:`script_safe` where it goes into a script)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def json_object(values: dict[str, Any], **texts: str) -> str:
    """A JSON object of ``values`` and of ``texts``, members given as JSON text already."""
    members = [f"{json.dumps(k)}:{to_json(v)}" for k, v in values.items()]
    members += [f"{json.dumps(k)}:{text}" for k, text in texts.items()]
    return "{" + ",".join(members) + "}"


def script_safe(json_text: str) -> str:
    """JSON text that cannot end, or change how the browser reads, the ``<script>`` it sits in.

    Names from data reach the compact layers' JSON as plain text (drawn with
    ``textContent``): ``</script`` would close the element, ``<!--`` would hide the rest.
    """
    return json_text.replace("</", "<\\/").replace("<!--", "<\\u0021--")


class Verbatim(Element):
    """Text that renders as it is (no template)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def render(self, **kwargs: Any) -> str:
        """The text, unchanged."""
        return self.text


class ScriptElement(MacroElement):
    """A ``MacroElement`` whose rendered header, html and script are added as they are."""

    def render(self, **kwargs: Any) -> str:
        """Add this element's parts to its figure, then render its children (returns "")."""
        figure = self.get_root()
        if not isinstance(figure, Figure):
            raise TypeError(f"{type(self).__name__} must be inside a Figure to render, not {figure!r}")
        module = self._template.module
        for part in ("header", "html", "script"):
            macro = getattr(module, part, None)
            if macro is not None:
                getattr(figure, part).add_child(Verbatim(macro(self, kwargs)), name=self.get_name())
        for child in self._children.values():
            child.render(**kwargs)
        return ""


class DrawLayer(ScriptElement):
    """Data drawn by one of the functions of ``static/js/map.js`` into its parent group.

    Parameters
    ----------
    function
        ``features``, ``labels``, ``compactSites`` or ``compactZones``.
    data
        The data as JSON text (see :func:`to_json`).
    """

    _template = Template(DRAW_SCRIPT)

    def __init__(self, function: str, data: str) -> None:
        super().__init__()
        self._name = "DrawLayer"
        self.function = json.dumps(function)
        self.data = script_safe(data)

    def map_name(self) -> str:
        """The variable name of the map this layer is on (``null`` outside a map)."""
        node = self._parent
        while node is not None and not isinstance(node, folium.Map):
            node = node._parent
        return node.get_name() if node is not None else "null"


def draw_features(
    geometries: Iterable[str], properties: Iterable[dict[str, Any]], **options: Any
) -> DrawLayer:
    """Features (geometry JSON texts, properties with ``style``, ``tooltip``, ``popup``) for
    ``features`` in ``static/js/map.js``; ``options`` such as ``sticky`` or ``highlight``."""
    return DrawLayer("features", json_object(options, collection=feature_collection(geometries, properties)))


def draw_labels(
    items: Iterable[tuple[float, float, str] | tuple[float, float, str, float, str]],
    class_name: str,
    size: tuple[int, int],
    anchor: tuple[int, int],
    *,
    rank: float = 0.0,
) -> DrawLayer:
    """Text labels for ``labels`` in ``map.js``, placed to about 1 m.

    Each item is (lat, lng, escaped HTML) or (lat, lng, escaped HTML, rank, escaped short
    HTML). Where labels would collide, the browser keeps the higher ``rank`` (an item's own,
    else the layer's) and shortens or hides the other (full text on hover when shortened).
    """
    rounded = [
        [round(item[0], COORD_DECIMALS), round(item[1], COORD_DECIMALS), item[2], *(item[3:] or (rank,))]
        for item in items
    ]
    options = {"items": rounded, "className": class_name, "size": list(size), "anchor": list(anchor)}
    return DrawLayer("labels", to_json(options))
