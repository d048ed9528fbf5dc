/* The app's own scripts for the map, in one file: each file is one more request before
   the map can draw (the component loads them one after another, ~50 ms each here). */

/* Leaflet focuses the map on mousedown (for keyboard panning) and restores the scroll of
   its own window only. Inside the Streamlit component's iframe, that focus makes the page
   scroll the iframe into view between mousedown and mouseup, so the click lands elsewhere.
   Focus without scrolling keeps keyboard panning and the click. Runs before any map exists. */
(function () {
  if (!window.L || !L.Map || !L.Map.Keyboard) { return; }
  L.Map.Keyboard.prototype._onMouseDown = function () {
    if (this._focused) { return; }
    this._map._container.focus({ preventScroll: true });
  };
})();

/* The map fills the component's frame, whose height the page sets from the screen's (app.py,
   PAGE_CSS): streamlit-folium gives its map a fixed height in pixels. A compact map (a
   phone's, or a laptop's below its header: narrower than 480 px or lower than 600 px)
   starts with its legend closed, which open would cover a third of it and the layer control,
   so it fits the province with little padding and centres a chosen zone. Runs before any
   map exists. */
(function () {
  if (!window.L || !L.Map) { return; }
  var NARROW = 480, LOW = 600;
  function compact(map) { var size = map.getSize(); return size.x < NARROW || size.y < LOW; }
  if (document.getElementById("map_div")) {
    var style = document.createElement("style");
    style.textContent = "html, body { overflow: hidden; } #map_div { height: 100vh !important; }";
    document.head.appendChild(style);
  }
  /* Briefing maps (large type): full screen takes the whole page, not the map alone, so
     the phase stepper and the headline figures stay on the screen with it. */
  function pageFullScreen() {
    var FullScreen = L.Control.FullScreen;
    if (!FullScreen || FullScreen._tbPage) { return; }
    FullScreen._tbPage = true;
    var toggle = FullScreen.prototype.toggleFullScreen;
    FullScreen.prototype.toggleFullScreen = function () {
      var control = this, page = null;
      /* Only the Streamlit page that holds this map (a saved map framed by another page of
         the same origin keeps the map's own full screen), and only where the browser has the
         standard API (iPhones have none: the plugin's own full screen then). */
      try { page = window.parent !== window ? window.parent.document : null; } catch (e) { page = null; }
      var ours = page && page.querySelector(".stApp") && document.getElementById("map_div");
      if (!ours || !page.documentElement.requestFullscreen || !this._map.getContainer().classList.contains("large")) {
        return toggle.call(this);
      }
      if (page.fullscreenElement) { page.exitFullscreen(); return; }
      page.documentElement.requestFullscreen().catch(function () { toggle.call(control); });
    };
  }
  L.Map.addInitHook(function () {
    pageFullScreen();
    var map = this, fit = map.fitBounds;
    map.fitBounds = function (bounds, options) {
      if (compact(map) && options) {
        options = L.extend({}, options, { paddingTopLeft: [8, 8], paddingBottomRight: [8, 8] });
      }
      return fit.call(map, bounds, options);
    };
    /* A chosen zone's view is offset to keep the zone clear of the open legend, which a
       compact map starts without. */
    var offset = map.options.tbFocusOffset;
    if (offset && compact(map)) { map.panBy([-offset[0], -offset[1]], { animate: false }); }
    /* After the script that made the map has added its controls, the legend among them. */
    setTimeout(function () {
      if (!compact(map)) { return; }
      var legend = map.getContainer().querySelector(".map-legend details");
      if (legend) { legend.open = false; }
    }, 0);
  });
})();

/* Tooltips stay inside the map: after Leaflet places one (beside the mouse or its layer),
   it is moved back in where it would run past the map's edge. */
(function () {
  if (!window.L || !L.Tooltip) { return; }
  var setPosition = L.Tooltip.prototype._setPosition;
  L.Tooltip.prototype._setPosition = function (pos) {
    setPosition.call(this, pos);
    var map = this._map, el = this._container;
    if (!map || !el) { return; }
    var at = L.DomUtil.getPosition(el), box = el.getBoundingClientRect(), frame = map.getContainer().getBoundingClientRect();
    var pad = 4, dx = 0, dy = 0;
    if (box.right > frame.right - pad) { dx = frame.right - pad - box.right; }
    if (box.left + dx < frame.left + pad) { dx = frame.left + pad - box.left; }
    if (box.bottom > frame.bottom - pad) { dy = frame.bottom - pad - box.bottom; }
    if (box.top + dy < frame.top + pad) { dy = frame.top + pad - box.top; }
    if (dx || dy) { L.DomUtil.setPosition(el, at.add([dx, dy])); }
  };
})();

/* Draws the layers that layers/elements.py (DrawLayer) sends:
   window.tbDraw(name, data, group, map) hands one JSON payload to one drawing function.
   Python renders each layer's script once; the drawing happens here, in the browser. */
(function () {
  var draw = {};

  function node(tag, value) {
    var e = document.createElement(tag);
    e.textContent = value;
    return e;
  }

  /* Polygons sent as integer steps (layers/prepared.py, encoded_geometry) to GeoJSON. */
  function fromSteps(geometry) {
    if (geometry.type !== "Steps") { return geometry; }
    return {
      type: "MultiPolygon",
      coordinates: geometry.p.map(function (rings) {
        return rings.map(function (flat) {
          var x = 0, y = 0, out = [];
          for (var j = 0; j < flat.length; j += 2) {
            x += flat[j]; y += flat[j + 1];
            out.push([x / geometry.scale, y / geometry.scale]);
          }
          return out;
        });
      })
    };
  }

  /* GeoJSON features whose style, tooltip and popup were made (and escaped) in Python.
     Points become circle markers styled like the polygons. */
  draw.features = function (d, group, map) {
    d.collection.features.forEach(function (f) { f.geometry = fromSteps(f.geometry); });
    var layer = L.geoJSON(d.collection, {
      interactive: d.interactive !== false,
      style: function (f) { return f.properties.style; },
      pointToLayer: function (f, latlng) { return L.circleMarker(latlng, f.properties.style); },
      onEachFeature: function (f, l) {
        var p = f.properties;
        if (p.tooltip) { l.bindTooltip(p.tooltip, { sticky: !!d.sticky }); }
        if (p.popup) { l.bindPopup(p.popup, { maxWidth: d.popupWidth || 300 }); }
        /* Leaflet 1.9 makes each shape with a tooltip a Tab stop: the map is one stop
           (zoneKeys moves between zones), so its shapes are not. */
        l.on("add", untab);
        untab.call(l);
        if (d.highlight) {
          l.on("mouseover", function () { l.setStyle(d.highlight); });
          l.on("mouseout", function () { layer.resetStyle(l); });
        }
      }
    }).addTo(group);
    if (d.fan && map) { fanOut(layer, d.fan, group, map); }
    if (d.ownClicks) { layer.eachLayer(keepClicks); }
    if (d.keys && map) { zoneKeys(layer, map); }
    if (d.fan && map) { obstacles(map, group, layer); }
  };

  function untab() {
    var el = this.getElement && this.getElement();
    if (el) { el.setAttribute("tabindex", "-1"); }
  }

  /* A marker's click opens its popup and stops there: it does not reach streamlit-folium's
     click listener (which would send it to Streamlit, select the zone and rerun the page) nor
     the layers under it. Leaflet has no stopImmediatePropagation, so the marker's own `fire`
     answers clicks itself. */
  function keepClicks(l) {
    var fire = l.fire;
    l.fire = function (type, data, propagate) {
      if (type !== "click") { return fire.call(this, type, data, propagate); }
      if (this._popup) {
        this._openPopup(L.extend({}, data, { type: type, target: this, sourceTarget: this }));
      }
      return this;
    };
  }

  /* The keyboard: the map is one Tab stop; there the arrow keys move a visible focus from
     zone to zone (the nearest in that direction) and Enter selects the focused zone as a
     click does (the click goes to Streamlit through streamlit-folium's listener). +/- zoom
     as before; Escape drops the focus. Zones drawn again (a filter change) take over. */
  function zoneKeys(layer, map) {
    var box = map.getContainer(), zones = [];
    layer.eachLayer(function (l) { if (l.getBounds) { zones.push(l); } });
    if (!document.getElementById("tb-focus-css")) {
      var css = document.createElement("style");
      css.id = "tb-focus-css";
      css.textContent = ".leaflet-container:focus-visible { outline: 3px solid #1a73e8; outline-offset: -3px; }" +
        " path.zone-focus { stroke: #1a73e8 !important; stroke-width: 5px !important; stroke-dasharray: none; }";
      document.head.appendChild(css);
    }
    var focused = null;
    function show(l) {
      if (focused && focused.getElement()) { focused.getElement().classList.remove("zone-focus"); }
      focused = l;
      if (!l) { return; }
      l.getElement().classList.add("zone-focus");
      l.bringToFront();
      l.openTooltip(l.getCenter());
      if (!map.getBounds().contains(l.getCenter())) { map.panTo(l.getCenter()); }
    }
    function next(dx, dy) {
      if (!focused) { return zones[0]; }
      var from = map.latLngToContainerPoint(focused.getCenter()), best = null, bestScore = Infinity;
      zones.forEach(function (z) {
        if (z === focused) { return; }
        var p = map.latLngToContainerPoint(z.getCenter()), vx = p.x - from.x, vy = p.y - from.y;
        var along = vx * dx + vy * dy;
        if (along <= 0) { return; }
        var score = along + 2 * Math.abs(vx * dy - vy * dx);
        if (score < bestScore) { bestScore = score; best = z; }
      });
      return best || focused;
    }
    var steps = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    if (box._tbKeys) { box.removeEventListener("keydown", box._tbKeys, true); }
    box._tbKeys = function (e) {
      if (e.target !== box || e.altKey || e.ctrlKey || e.metaKey) { return; }
      if (steps[e.key]) {
        show(next(steps[e.key][0], steps[e.key][1]));
      } else if (e.key === "Enter" && focused) {
        focused.fire("click", { latlng: focused.getCenter(), originalEvent: e }, true);
      } else if (e.key === "Escape" && focused) {
        focused.closeTooltip();
        show(null);
      } else {
        return;
      }
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    box.addEventListener("keydown", box._tbKeys, true);
  }

  /* Markers that share one place (a park's projects, or parks that meet on screen at a low
     zoom) spread like a spider (as OverlappingMarkerSpiderfier does): on a circle, or a
     spiral past 9, around their centre, far enough apart that each can be hovered and
     clicked, with a thin leg back to the centre. Recomputed on every zoom. */
  function fanOut(layer, px, group, map) {
    var items = [];
    layer.eachLayer(function (l) {
      if (l.getLatLng) { items.push({ marker: l, home: l.getLatLng() }); }
    });
    var legs = L.layerGroup().addTo(group);
    function place() {
      legs.clearLayers();
      var gap = 2 * px + 3, stacks = [];
      items.forEach(function (it) {
        it.at = map.latLngToLayerPoint(it.home);
        var near = null;
        for (var s = 0; s < stacks.length && !near; s++) {
          if (stacks[s].centre.distanceTo(it.at) < gap) { near = stacks[s]; }
        }
        if (!near) { near = { centre: it.at, members: [] }; stacks.push(near); }
        near.members.push(it);
      });
      stacks.forEach(function (stack) {
        var n = stack.members.length;
        stack.members.forEach(function (it, i) {
          if (n === 1) { it.marker.setLatLng(it.home); return; }
          var angle, r;
          if (n <= 9) {
            angle = 2 * Math.PI * i / n - Math.PI / 2;
            r = Math.max(gap, n * gap / (2 * Math.PI));
          } else {
            angle = 0.9 * Math.sqrt(i + 1) * 2.2; r = gap * (0.8 + 0.45 * Math.sqrt(i + 1) * 1.4);
          }
          var p = stack.centre.add([r * Math.cos(angle), r * Math.sin(angle)]);
          var to = map.layerPointToLatLng(p);
          it.marker.setLatLng(to);
          L.polyline([map.layerPointToLatLng(stack.centre), to], {
            className: "spider-leg", interactive: false, color: "#555", weight: 1, opacity: 0.6
          }).addTo(legs);
        });
      });
      layoutLabels(map);
    }
    place();
    map.on("zoomend", place);
    group.on("remove", function () { map.off("zoomend", place); });
  }

  /* Labels that never collide: every label layer registers its labels (with a priority) and
     every marker layer its markers; after any change and on every zoom, labels are placed
     greedily, most important first, at the first of a few spots around their point that
     overlaps no marker, disc or label already placed. A label with no room is shortened
     (its figure only, the full text on hover) or, failing that, hidden. */
  function registry(map) {
    return map._tbLabels || (map._tbLabels = { labels: [], obstacles: [], queued: false });
  }

  function obstacles(map, group, layer) {
    registry(map).obstacles.push({ group: group, layer: layer });
    layoutLabels(map);
  }

  function boxOf(el) {
    var r = el.getBoundingClientRect();
    return { l: r.left, t: r.top, r: r.right, b: r.bottom };
  }

  /* The box of a label's text (its div is as wide as the icon, the text often narrower). */
  function textBox(el) {
    var range = document.createRange();
    range.selectNodeContents(el);
    var r = range.getBoundingClientRect();
    return { l: r.left - 1, t: r.top - 1, r: r.right + 1, b: r.bottom + 1 };
  }

  function hits(a, b) { return a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b; }

  function layoutLabels(map) {
    var reg = registry(map);
    if (reg.queued) { return; }
    reg.queued = true;
    /* Not while Leaflet animates a zoom: it ends in a zoomend, which places them again. */
    setTimeout(function () {
      reg.queued = false;
      if (!map._animatingZoom) { placeLabels(map, reg); }
    }, 0);
  }

  function placeLabels(map, reg) {
    var frame = boxOf(map.getContainer()), taken = [];
    reg.obstacles = reg.obstacles.filter(function (o) { return o.layer._map || map.hasLayer(o.group); });
    reg.obstacles.forEach(function (o) {
      if (!o.layer._map) { return; }
      o.layer.eachLayer(function (l) {
        var el = l.getElement && l.getElement();
        if (el && el.getBoundingClientRect().width > 0) { taken.push(boxOf(el)); }
      });
    });
    /* The legend, the controls and the area symbols cover labels as markers do. */
    map.getContainer().querySelectorAll(".leaflet-marker-icon.area-group, .leaflet-control").forEach(function (el) {
      taken.push(boxOf(el));
    });
    /* A park's disc or outline (small on screen) is another zone's place: a zone's capital
       label printed inside it read as that park's figure (the coastal zone's 3,125 inside
       Liên Hà Thái's disc). Each label may cover its own zone only. */
    var discs = [];
    map.getContainer().querySelectorAll("path.zone").forEach(function (el) {
      var r = el.getBoundingClientRect(), id = /(?:^|\s)zone-(\S+)/.exec(el.getAttribute("class") || "");
      if (id && r.width > 0 && r.width < 160 && r.height < 160) { discs.push({ id: id[1], box: boxOf(el) }); }
    });
    reg.labels = reg.labels.filter(function (x) { return x.marker._map || map.hasLayer(x.group); });
    var live = reg.labels.filter(function (x) { return x.marker._map; });
    live.sort(function (a, b) { return b.rank - a.rank; });
    live.forEach(function (x) {
      var el = x.marker.getElement();
      if (!el) { return; }
      el.innerHTML = x.html;  /* escaped in Python, as when Leaflet drew the icon */
      el.style.visibility = "";
      el.style.pointerEvents = "";
      el.removeAttribute("title");
      /* Up and down only: a label moved a whole width sideways left its zone and read as the
         figure of the district beside it (the coastal zone's, over Đông Hưng). */
      var spots = [[0, 0], [0, -22], [0, 22], [0, -40], [0, 40], [0, -58], [0, 58], [0, -76]];
      var ownMatch = /zone-label-(\S+?)["\s]/.exec(x.html), own = ownMatch ? ownMatch[1] : null;
      for (var pass = 0; pass < 2; pass++) {
        if (pass === 1) {
          if (!x.short) { break; }
          el.innerHTML = x.short;
          el.title = x.full;
          el.style.pointerEvents = "auto";
        }
        for (var k = 0; k < spots.length; k++) {
          el.style.marginLeft = (x.margin[0] + spots[k][0]) + "px";
          el.style.marginTop = (x.margin[1] + spots[k][1]) + "px";
          var box = textBox(el);
          var inside = box.l >= frame.l && box.r <= frame.r && box.t >= frame.t && box.b <= frame.b;
          if (box.r - box.l === 0) { continue; }
          if (!inside) { continue; }
          if (!taken.some(function (t) { return hits(t, box); }) &&
              !discs.some(function (d) { return d.id !== own && hits(d.box, box); })) {
            taken.push(box);
            return;
          }
        }
      }
      el.style.visibility = "hidden";
      el.style.marginLeft = x.margin[0] + "px";
      el.style.marginTop = x.margin[1] + "px";
    });
  }

  /* Text labels on the map: [lat, lng, html] each, html escaped in Python. */
  draw.labels = function (d, group, map) {
    d.items.forEach(function (item) {
      var m = L.marker([item[0], item[1]], {
        interactive: false, keyboard: false,
        icon: L.divIcon({ html: item[2], className: d.className, iconSize: d.size, iconAnchor: d.anchor })
      }).addTo(group);
      if (!map) { return; }
      var holder = document.createElement("div");
      holder.innerHTML = item[2];
      registry(map).labels.push({
        marker: m, group: group, html: item[2], short: item[4] || "", full: holder.textContent,
        rank: item[3] || 0, width: d.size[0], margin: [-d.anchor[0], -d.anchor[1]]
      });
    });
    if (map) {
      layoutLabels(map);
      if (!map._tbLabelsOnZoom) {
        map._tbLabelsOnZoom = true;
        map.on("zoomend moveend resize", function () { layoutLabels(map); });
        /* The legend opening or closing (a <details>) covers or frees labels. */
        map.getContainer().addEventListener("toggle", function () { layoutLabels(map); }, true);
      }
    }
  };

  /* Many sites: delta-encoded integer coordinates, small integer codes, one row of text per
     project. One canvas for all markers; tooltips and popups are built on demand from text
     nodes, never from HTML. Many sites are grouped into grid cells at low zoom and drawn
     one by one only where the map looks. */
  draw.compactSites = function (d, group, map) {
    var canvas = L.canvas({ padding: 0.3 });
    var names = d.names.split("\n"), ids = d.ids ? d.ids.split("\n") : null, zones = d.zones.split("\n");
    var money = new Intl.NumberFormat(d.locale, { maximumFractionDigits: 1 });
    var n = d.x.length, lat = new Float64Array(n), lon = new Float64Array(n), x = 0, y = 0;
    for (var i = 0; i < n; i++) {
      x += d.x[i]; y += d.y[i];
      lon[i] = x / d.scale; lat[i] = y / d.scale;
    }
    function details(i, full) {
      var k = d.k[i], box = document.createElement("div");
      box.appendChild(node("b", names[k]));
      box.appendChild(node("div", money.format(d.capital[k]) + " " + d.unit + " · " +
        d.labels.sectors[d.s[i]] + " · " + d.labels.phases[d.p[i]]));
      if (full) {
        box.appendChild(node("div", d.labels.zone + ": " + zones[d.z[i]]));
        if (ids) { box.appendChild(node("div", ids[k])); }
      }
      return box;
    }
    function marker(i) {
      var colour = d.colours[d.s[i]];
      var m = L.circleMarker([lat[i], lon[i]], {
        renderer: canvas, radius: 5, weight: 2, color: colour, fillColor: colour,
        fillOpacity: d.p[i] === 0 ? 0.9 : 0.0, dashArray: d.u[i] ? "2 2" : null
      });
      m.bindTooltip(function () { return details(i, false); });
      m.bindPopup(function () { return details(i, true); });
      return m;
    }
    var layer = L.layerGroup().addTo(group);
    function drawGrouped() {
      layer.clearLayers();
      var zoom = map.getZoom();
      if (zoom >= d.group_below) {
        var bounds = map.getBounds().pad(0.2);
        for (var i = 0; i < n; i++) {
          if (bounds.contains([lat[i], lon[i]])) { layer.addLayer(marker(i)); }
        }
        return;
      }
      var cell = 2.0 / Math.pow(2, zoom - 5), cells = {};
      for (var j = 0; j < n; j++) {
        var key = Math.floor(lat[j] / cell) + ":" + Math.floor(lon[j] / cell);
        var c = cells[key] || (cells[key] = { n: 0, lat: 0, lon: 0 });
        c.n += 1; c.lat += lat[j]; c.lon += lon[j];
      }
      Object.keys(cells).forEach(function (key) {
        var c = cells[key];
        L.circleMarker([c.lat / c.n, c.lon / c.n], {
          renderer: canvas, radius: 4 + Math.sqrt(c.n) / 2, weight: 1,
          color: "#444", fillColor: "#888", fillOpacity: 0.5
        }).bindTooltip(function () { return node("div", c.n + " " + d.labels.sites); }).addTo(layer);
      });
    }
    if (n > d.group_above) {
      drawGrouped();
      map.on("zoomend moveend", drawGrouped);
      group.on("remove", function () { map.off("zoomend moveend", drawGrouped); });
    } else {
      for (var k = 0; k < n; k++) { layer.addLayer(marker(k)); }
    }
  };

  /* Many zones: their shapes as integer steps, their text and colours as columns. */
  draw.compactZones = function (d, group) {
    var names = d.names.split("\n"), ids = d.ids.split("\n");
    var money = new Intl.NumberFormat(d.locale, { maximumFractionDigits: 1 });
    d.shapes.forEach(function (shape, i) {
      var latlngs = fromSteps(shape).coordinates.map(function (rings) {
        return rings.map(function (ring) {
          return ring.map(function (xy) { return [xy[1], xy[0]]; });
        });
      });
      L.polygon(latlngs, {
        className: "zone zone-" + ids[i], color: "#3a3a3a", weight: 1.5, fillColor: d.colours[i],
        fillOpacity: 0.75, dashArray: d.dash[i] ? "6 4" : null
      }).bindTooltip(function () {
        var box = document.createElement("div");
        box.appendChild(node("b", names[i]));
        box.appendChild(node("div", money.format(d.capital[i]) + " " + d.unit));
        return box;
      }).addTo(group);
    });
  };

  /* Projects with no named site: one symbol per area (layers/sites.py, area_groups), its
     count as text, tooltip and popup made and escaped in Python. It sits just below the
     area's capital label, so both read. */
  draw.areaGroups = function (d, group) {
    d.items.forEach(function (item) {
      L.marker([item.lat, item.lng], {
        keyboard: false,
        icon: L.divIcon({ html: item.html, className: item.className, iconSize: [30, 30], iconAnchor: [15, -8] })
      }).bindTooltip(item.tooltip, { direction: "top" })
        .bindPopup(item.popup, { maxWidth: 380 })
        .addTo(group);
    });
  };

  /* Each park's stated location uncertainty: a faint disc of its ± radius (metres, so it
     scales with the map), shown only from d.minZoom on. Takes no mouse. */
  draw.halos = function (d, group, map) {
    var halos = L.layerGroup(d.items.map(function (item) {
      return L.circle([item.lat, item.lng], {
        radius: item.m, className: item.className, interactive: false,
        color: "#555", weight: 1, opacity: 0.5, dashArray: "2 4", fillColor: "#555", fillOpacity: 0.07
      });
    }));
    function toggle() {
      if (map.getZoom() >= d.minZoom) { halos.addTo(group); } else { halos.remove(); }
    }
    toggle();
    map.on("zoomend", toggle);
  };

  /* Online basemaps: a note in the user's language when tiles fail, or none has arrived
     within d.waitMs of ticking the layer (blocked requests may neither load nor fail). */
  draw.tileNote = function (d, group, map) {
    var note = null;
    function show() {
      if (note) { return; }
      note = L.control({ position: "bottomleft" });
      note.onAdd = function () {
        var div = node("div", d.text);
        div.className = "tile-note";
        return div;
      };
      note.addTo(map);
    }
    map.on("layeradd", function (e) {
      var tiles = e.layer;
      if (!(tiles instanceof L.TileLayer)) { return; }
      var loaded = false;
      tiles.on("tileload", function () { loaded = true; });
      tiles.on("tileerror", show);
      setTimeout(function () { if (!loaded && map.hasLayer(tiles)) { show(); } }, d.waitMs);
    });
    map.on("layerremove", function (e) {
      if (note && e.layer instanceof L.TileLayer) { note.remove(); note = null; }
    });
  };

  /* The capital scale (our own HTML of numbers and colours) in the legend's slot; kept on
     the map for a legend added after it. */
  draw.legendScale = function (d, group, map) {
    map._tbLegendScale = d.html;
    var slot = map.getContainer().querySelector(".map-legend .legend-scale");
    if (slot) { slot.innerHTML = d.html; }
  };

  window.tbDraw = function (name, d, group, map) { draw[name](d, group, map); };
})();
