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
        if (d.highlight) {
          l.on("mouseover", function () { l.setStyle(d.highlight); });
          l.on("mouseout", function () { layer.resetStyle(l); });
        }
      }
    }).addTo(group);
    if (d.fan && map) { fanOut(layer, d.fan, group, map); }
    if (d.mark) { window[d.mark] = { count: d.collection.features.length, at: performance.now() }; }
  };

  /* Markers that share one point (a park's projects) spread on a circle of `px` pixels
     around it, the same at every zoom: a group at the park, not positions inside it. */
  function fanOut(layer, px, group, map) {
    var stacks = {};
    layer.eachLayer(function (l) {
      if (!l.getLatLng) { return; }
      var home = l.getLatLng(), key = home.lat + "," + home.lng;
      (stacks[key] = stacks[key] || []).push({ marker: l, home: home });
    });
    function place() {
      Object.keys(stacks).forEach(function (key) {
        var stack = stacks[key], n = stack.length;
        stack.forEach(function (s, i) {
          if (n === 1) { s.marker.setLatLng(s.home); return; }
          var angle = 2 * Math.PI * i / n - Math.PI / 2, r = Math.max(px, n * px * 1.6 / (2 * Math.PI));
          var limit = s.marker.feature && s.marker.feature.properties.fanM;
          if (limit) {
            /* No farther than the park's own radius on screen: a click stays in the park. */
            var east = L.latLng(s.home.lat, s.home.lng + limit / (111320 * Math.cos(s.home.lat * Math.PI / 180)));
            r = Math.min(r, map.latLngToLayerPoint(east).x - map.latLngToLayerPoint(s.home).x);
          }
          var p = map.latLngToLayerPoint(s.home).add([r * Math.cos(angle), r * Math.sin(angle)]);
          s.marker.setLatLng(map.layerPointToLatLng(p));
        });
      });
    }
    place();
    map.on("zoomend", place);
    group.on("remove", function () { map.off("zoomend", place); });
  }

  /* Text labels on the map: [lat, lng, html] each, html escaped in Python. */
  draw.labels = function (d, group) {
    d.items.forEach(function (item) {
      L.marker([item[0], item[1]], {
        interactive: false, keyboard: false,
        icon: L.divIcon({ html: item[2], className: d.className, iconSize: d.size, iconAnchor: d.anchor })
      }).addTo(group);
    });
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
    window.__sitesDrawn = { count: n, at: performance.now() };
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
    window.__zonesDrawn = { count: ids.length, at: performance.now() };
  };

  /* Projects with no named site: one symbol per area (layers/sites.py, area_groups), its
     count as text, tooltip and popup made and escaped in Python. It sits just below the
     area's capital label, so both read. */
  draw.areaGroups = function (d, group) {
    d.items.forEach(function (item) {
      L.marker([item.lat, item.lng], {
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

  window.tbDraw = function (name, d, group, map) { draw[name](d, group, map); };
})();
