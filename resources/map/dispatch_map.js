/*
 * Dispatch Desktop live map.
 *
 * The page is generated once by folium (districts, station areas, patrol areas); everything that moves
 * arrives as batched JSON deltas from the Python MapBridge over QWebChannel, at most ten a second.
 * Units and incidents are drawn on their own canvas renderers (thousands of markers stay fast) with
 * shapes drawn straight on the canvas; incidents aggregate on a screen grid when zoomed out.
 *
 * Nothing here fetches anything: Leaflet comes from the page's own lib/ folder, qwebchannel.js from
 * QtWebEngine's built-in resources, the static data from static_layers.js beside the page.
 */
(function () {
  "use strict";

  var CFG = window.DISPATCH_CONFIG;
  var STATIC = window.DISPATCH_STATIC;

  var DM = {
    ready: false,
    map: null,
    bridge: null,
    layers: {},        // key -> layer shown in the layer control
    units: {},         // id -> {marker, lat, lon, code}
    unitNames: {},
    incidents: {},     // id -> [id, lat, lon, priority, class, status, typeName, address]
    selected: { kind: "", id: "" },
    follow: "",
    labels: null,
    stats: { deltas: 0, unitRows: 0, incidentRows: 0, lastApplyMs: 0 }
  };
  window.DispatchMap = DM;

  // --- canvas shapes -------------------------------------------------------------------------------

  function installShapes() {
    L.ShapeMarker = L.CircleMarker.extend({
      options: { shape: "circle" },
      _updatePath: function () { this._renderer._updateShapeMarker(this); }
    });
    L.Canvas.include({
      _updateShapeMarker: function (layer) {
        if (!this._drawing || layer._empty()) { return; }
        var p = layer._point, ctx = this._ctx, r = Math.max(Math.round(layer._radius), 1);
        ctx.beginPath();
        tracePath(ctx, layer.options.shape, p.x, p.y, r);
        this._fillStroke(ctx, layer);
      }
    });
  }

  // Thousands of units move every second and each move redraws the canvas under it; scattered moves
  // make that the whole canvas. Leaflet draws marker by marker, setting the fill and stroke state and
  // filling and stroking each one: with 11,000 units that is most of the page's time in a software-
  // rendered web engine. This renderer draws all markers of one look as one path, filled and stroked
  // once. (Markers of one look overlap in a different order; they look the same.) Hit-testing is
  // Leaflet's own, per marker, as before.
  function installBatchedCanvas() {
    L.BatchedCanvas = L.Canvas.extend({
      _draw: function () {
        var bounds = this._redrawBounds, ctx = this._ctx, looks = {}, order = [], layer, key, look;
        ctx.save();
        if (bounds) {
          var size = bounds.getSize();
          ctx.beginPath();
          ctx.rect(bounds.min.x, bounds.min.y, size.x, size.y);
          ctx.clip();
        }
        this._drawing = true;
        for (var link = this._drawFirst; link; link = link.next) {
          layer = link.layer;
          if (bounds && !(layer._pxBounds && layer._pxBounds.intersects(bounds))) { continue; }
          if (!layer._point || layer._empty()) { continue; }
          var o = layer.options;
          key = o.shape + "|" + o.fillColor + "|" + o.color + "|" + o.weight + "|" + o.fillOpacity + "|" + o.opacity;
          look = looks[key];
          if (!look) { look = looks[key] = { options: o, layers: [] }; order.push(key); }
          look.layers.push(layer);
        }
        ctx.lineCap = "round";
        ctx.lineJoin = "round";
        for (var i = 0; i < order.length; i++) {
          look = looks[order[i]];
          var opt = look.options, shape = opt.shape || "circle";
          ctx.beginPath();
          for (var j = 0; j < look.layers.length; j++) {
            layer = look.layers[j];
            var p = layer._point, r = Math.max(Math.round(layer._radius), 1);
            if (shape === "circle") { ctx.moveTo(p.x + r, p.y); }  // a new sub-path, not a line from the last
            tracePath(ctx, shape, p.x, p.y, r);
          }
          if (opt.fill) {
            ctx.globalAlpha = opt.fillOpacity;
            ctx.fillStyle = opt.fillColor || opt.color;
            ctx.fill("nonzero");
          }
          if (opt.stroke && opt.weight !== 0) {
            ctx.globalAlpha = opt.opacity;
            ctx.lineWidth = opt.weight;
            ctx.strokeStyle = opt.color;
            ctx.stroke();
          }
        }
        this._drawing = false;
        ctx.restore();
      }
    });
  }

  function polygon(ctx, x, y, r, sides, rotation) {
    for (var i = 0; i < sides; i++) {
      var a = rotation + i * 2 * Math.PI / sides;
      var px = x + r * Math.cos(a), py = y + r * Math.sin(a);
      if (i === 0) { ctx.moveTo(px, py); } else { ctx.lineTo(px, py); }
    }
    ctx.closePath();
  }

  function tracePath(ctx, shape, x, y, r) {
    switch (shape) {
      case "square": ctx.rect(x - r, y - r, 2 * r, 2 * r); break;
      case "bar": ctx.rect(x - 1.4 * r, y - 0.6 * r, 2.8 * r, 1.2 * r); break;
      case "triangle": polygon(ctx, x, y + 0.2 * r, 1.3 * r, 3, -Math.PI / 2); break;
      case "diamond": polygon(ctx, x, y, 1.3 * r, 4, -Math.PI / 2); break;
      case "pentagon": polygon(ctx, x, y, 1.15 * r, 5, -Math.PI / 2); break;
      case "star":
        for (var i = 0; i < 10; i++) {
          var a = -Math.PI / 2 + i * Math.PI / 5, rr = i % 2 ? r * 0.5 : r * 1.35;
          var px = x + rr * Math.cos(a), py = y + rr * Math.sin(a);
          if (i === 0) { ctx.moveTo(px, py); } else { ctx.lineTo(px, py); }
        }
        ctx.closePath();
        break;
      default: ctx.arc(x, y, r, 0, Math.PI * 2, false);
    }
  }

  function shapeMarker(lat, lon, options) {
    return new L.ShapeMarker([lat, lon], options);
  }

  // --- static layers --------------------------------------------------------------------------------

  function pointLayer(rows, renderer, style, tooltip) {
    var group = L.featureGroup();
    rows.forEach(function (row) {
      var m = shapeMarker(row[2], row[3], L.extend({ renderer: renderer }, style));
      m.dmRow = row;
      group.addLayer(m);
    });
    group.on("mouseover", function (e) {
      e.layer.bindTooltip(tooltip(e.layer.dmRow), { direction: "top", offset: [0, -6] }).openTooltip();
    });
    group.on("mouseout", function (e) { e.layer.unbindTooltip(); });
    return group;
  }

  function labelIcon(name) {
    return L.divIcon({ className: "dm-district-label", html: "<span>" + escapeHtml(name) + "</span>", iconSize: null });
  }

  function districtLabels() {
    var group = L.layerGroup();
    STATIC.districts.forEach(function (row) {
      var marker = L.marker([row[2], row[3]], {
        icon: labelIcon(row[1]), interactive: false, keyboard: false, pane: "dm-labels"
      });
      marker.dmAdcode = row[0];
      marker.dmName = row[1];
      group.addLayer(marker);
    });
    return group;
  }

  function refreshDistrictLabels() {
    DM.districtLabels.eachLayer(function (marker) {
      marker.setIcon(labelIcon((DM.labels && DM.labels.districts[marker.dmAdcode]) || marker.dmName));
    });
  }

  // --- units ----------------------------------------------------------------------------------------

  function unitStyle(code) {
    var status = CFG.unitStatus[code & 7], kind = CFG.unitKind[(code >> 3) & 7], sos = code & 64;
    var shape = CFG.unitShapes[kind] || "circle";
    var radius = kind === "rapid" ? 9 : (shape === "circle" ? 5 : 4);
    return {
      shape: shape,
      radius: sos ? radius + 3 : radius,
      color: sos ? CFG.colors.sos : (kind === "rapid" ? "#000000" : "#ffffff"),
      weight: sos ? 3 : 1.2,
      fillColor: sos ? CFG.colors.sos : CFG.colors.unitStatus[status],
      fillOpacity: 0.95,
      opacity: 1
    };
  }

  function unitGroupKey(code) {
    var kind = CFG.unitKind[(code >> 3) & 7];
    return kind === "patrol" ? "patrol" : (kind === "rapid" ? "rapid" : "otherUnits");
  }

  function isOffDuty(code) { return CFG.unitStatus[code & 7] === "off_duty" && !(code & 64); }

  function upsertUnit(id, lat, lon, code) {
    var u = DM.units[id];
    if (!u) {
      var marker = shapeMarker(lat, lon, L.extend({ renderer: DM.unitRenderer }, unitStyle(code)));
      marker.dmId = id;
      u = DM.units[id] = { marker: marker, lat: lat, lon: lon, code: -1, group: null };
    } else if (u.lat !== lat || u.lon !== lon) {
      u.marker.setLatLng([lat, lon]);
    }
    u.lat = lat;
    u.lon = lon;
    if (u.code !== code) {
      if (u.code !== -1) { u.marker.setStyle(unitStyle(code)); }
      var target = isOffDuty(code) ? null : DM.layers[unitGroupKey(code)];
      if (u.group !== target) {
        if (u.group) { u.group.removeLayer(u.marker); }
        if (target) { target.addLayer(u.marker); }
        u.group = target;
      }
      u.code = code;
    }
  }

  function removeUnit(id) {
    var u = DM.units[id];
    if (u) {
      if (u.group) { u.group.removeLayer(u.marker); }
      delete DM.units[id];
    }
  }

  function unitTooltip(id) {
    var u = DM.units[id], lb = DM.labels || {};
    var status = CFG.unitStatus[u.code & 7], kind = CFG.unitKind[(u.code >> 3) & 7];
    var text = "<b>" + escapeHtml(DM.unitNames[id] || id) + "</b><br>" +
      escapeHtml((lb.unitKind || {})[kind] || kind) + " · " + escapeHtml((lb.unitStatus || {})[status] || status);
    if (u.code & 64) { text += "<br><b class='dm-sos'>SOS</b>"; }
    return text;
  }

  // --- incidents ------------------------------------------------------------------------------------

  function incidentStyle(row) {
    var cls = CFG.typeClasses[row[4]];
    var nonPolice = cls === "non_police";
    return {
      renderer: DM.incidentRenderer,
      shape: CFG.classShapes[cls] || "circle",
      radius: row[3] <= 1 ? 9 : 7,
      color: nonPolice ? CFG.colors.priority[row[3]] : "#212121",
      weight: nonPolice ? 2.5 : 1.2,
      fillColor: CFG.colors.priority[row[3]],
      fillOpacity: nonPolice ? 0.25 : 0.95,
      opacity: 1
    };
  }

  function incidentTooltip(row) {
    var lb = DM.labels || {};
    var status = CFG.incidentStatus[row[5]];
    return "<b>" + escapeHtml(row[6]) + "</b> · " + escapeHtml((lb.priority || {})[row[3]] || ("P" + row[3])) +
      "<br>" + escapeHtml(row[7]) + "<br>" + escapeHtml((lb.incidentStatus || {})[status] || status) +
      "<br><span class='dm-id'>" + escapeHtml(row[0]) + "</span>";
  }

  var incidentRenderPending = false;
  function scheduleIncidentRender() {
    if (incidentRenderPending) { return; }
    incidentRenderPending = true;
    // A timer, not requestAnimationFrame: frames pause while the page is hidden (a covered dock, a
    // minimised window) and the layer must still be right when it is queried or shown again.
    window.setTimeout(function () { incidentRenderPending = false; renderIncidents(); }, 16);
  }

  // Incidents are few (hundreds open at once), so the layer is rebuilt whole: on a zoom the grid
  // changes anyway, and a rebuild keeps clustering exact.
  function renderIncidents() {
    var group = DM.layers.incidents;
    group.clearLayers();
    var zoom = DM.map.getZoom();
    var cluster = zoom < CFG.clusterBelowZoom;
    var cell = CFG.clusterCellPx;
    var buckets = {};
    Object.keys(DM.incidents).forEach(function (id) {
      var row = DM.incidents[id];
      if (!cluster) { group.addLayer(singleIncident(row)); return; }
      var p = DM.map.project([row[1], row[2]], zoom);
      var key = Math.floor(p.x / cell) + ":" + Math.floor(p.y / cell);
      (buckets[key] = buckets[key] || []).push(row);
    });
    Object.keys(buckets).forEach(function (key) {
      var rows = buckets[key];
      group.addLayer(rows.length === 1 ? singleIncident(rows[0]) : clusterMarker(rows));
    });
    placeSelectionRing();
  }

  function singleIncident(row) {
    var m = shapeMarker(row[1], row[2], incidentStyle(row));
    m.dmIncident = row[0];
    return m;
  }

  function clusterMarker(rows) {
    var lat = 0, lon = 0, top = 4;
    rows.forEach(function (r) { lat += r[1]; lon += r[2]; top = Math.min(top, r[3]); });
    var size = rows.length < 10 ? 30 : (rows.length < 100 ? 36 : 44);
    var m = L.marker([lat / rows.length, lon / rows.length], {
      pane: "dm-clusters",
      icon: L.divIcon({
        className: "dm-cluster dm-p" + top,
        html: "<span>" + rows.length + "</span>",
        iconSize: [size, size]
      })
    });
    m.dmRows = rows;
    var text = ((DM.labels && DM.labels.ui.cluster) || "{n}").replace("{n}", rows.length);
    m.bindTooltip(escapeHtml(text), { direction: "top" });
    return m;
  }

  // --- selection and follow -------------------------------------------------------------------------

  function selectedLatLng() {
    var s = DM.selected;
    if (s.kind === "unit" && DM.units[s.id]) { return [DM.units[s.id].lat, DM.units[s.id].lon]; }
    if (s.kind === "incident" && DM.incidents[s.id]) { return [DM.incidents[s.id][1], DM.incidents[s.id][2]]; }
    return null;
  }

  function placeSelectionRing() {
    var ll = selectedLatLng();
    if (!ll) { DM.selectionRing.remove(); return; }
    DM.selectionRing.setLatLng(ll);
    if (!DM.map.hasLayer(DM.selectionRing)) { DM.selectionRing.addTo(DM.map); }
  }

  function showSelection(kind, id) {
    DM.selected = { kind: kind, id: id };
    placeSelectionRing();
    var ll = selectedLatLng();
    if (ll && !DM.map.getBounds().pad(-0.1).contains(ll)) { DM.autoFit = false; DM.map.panTo(ll); }
  }

  function keepFollowing() {
    if (!DM.follow || !DM.units[DM.follow]) { return; }
    var u = DM.units[DM.follow];
    DM.map.panTo([u.lat, u.lon], { animate: false });
  }

  // --- deltas from Python ---------------------------------------------------------------------------

  function applyDelta(text) {
    var started = performance.now();
    var d = JSON.parse(text);
    var i;
    if (d.reset) {
      Object.keys(DM.units).forEach(removeUnit);
      DM.incidents = {};
    }
    if (d.n) { L.extend(DM.unitNames, d.n); }
    var u = d.u || [];
    for (i = 0; i < u.length; i += 4) { upsertUnit(u[i], u[i + 1], u[i + 2], u[i + 3]); }
    (d.ur || []).forEach(removeUnit);
    (d.i || []).forEach(function (row) { DM.incidents[row[0]] = row; });
    (d.ir || []).forEach(function (id) { delete DM.incidents[id]; });
    if (d.reset || (d.i && d.i.length) || (d.ir && d.ir.length)) { scheduleIncidentRender(); }
    placeSelectionRing();
    if (DM.follow && (d.reset || u.length)) { keepFollowing(); }
    DM.stats.deltas += 1;
    DM.stats.unitRows += u.length / 4;
    DM.stats.incidentRows += (d.i || []).length;
    DM.stats.lastApplyMs = performance.now() - started;
  }

  // --- labels (translated strings come from Python) --------------------------------------------------

  function applyLabels(text) {
    DM.labels = JSON.parse(text);
    if (DM.layerControl) { DM.layerControl.remove(); }
    var overlays = {};
    CFG.layerOrder.forEach(function (key) {
      if (DM.layers[key]) { overlays[escapeHtml(DM.labels.layers[key] || key)] = DM.layers[key]; }
    });
    DM.layerControl = L.control.layers(null, overlays, { collapsed: false, position: "topright" }).addTo(DM.map);
    refreshDistrictLabels();
    renderLegend();
    scheduleIncidentRender();
  }

  function renderLegend() {
    var lb = DM.labels;
    var rows = [];
    function title(text) { rows.push("<div class='dm-legend-title'>" + escapeHtml(text) + "</div>"); }
    function row(html) { rows.push("<div>" + html + "</div>"); }
    title(lb.ui.units);
    CFG.legendUnitStatus.forEach(function (status) {
      row(swatch(CFG.colors.unitStatus[status], "circle") + escapeHtml(lb.unitStatus[status]));
    });
    row(swatch("#ffffff", "star") + escapeHtml(lb.unitKind.rapid));
    row(swatch(CFG.colors.sos, "circle") + "SOS");
    title(lb.ui.incidents);
    [1, 2, 3, 4].forEach(function (p) { row(swatch(CFG.colors.priority[p], "square") + escapeHtml(lb.priority[p])); });
    DM.legend.getContainer().innerHTML = rows.join("");
  }

  function swatch(color, shape) {
    return "<span class='dm-swatch dm-swatch-" + shape + "' style='background:" + color + "'></span>";
  }

  function escapeHtml(text) {
    return String(text === undefined || text === null ? "" : text)
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  // --- layer visibility -----------------------------------------------------------------------------

  function setLayerVisible(key, visible) {
    var layer = DM.layers[key];
    if (!layer) { return; }
    if (visible && !DM.map.hasLayer(layer)) { layer.addTo(DM.map); }
    if (!visible && DM.map.hasLayer(layer)) { DM.map.removeLayer(layer); }
  }

  function layerKeyOf(layer) {
    var found = "";
    Object.keys(DM.layers).forEach(function (key) { if (DM.layers[key] === layer) { found = key; } });
    return found;
  }

  // --- start ----------------------------------------------------------------------------------------

  DM.init = function (parts) {
    installShapes();
    installBatchedCanvas();
    var map = DM.map = parts.map;
    [["dm-static", 410], ["dm-units", 420], ["dm-incidents", 430], ["dm-clusters", 640],
     ["dm-selection", 650], ["dm-labels", 450]].forEach(function (pane) {
      map.createPane(pane[0]).style.zIndex = pane[1];
    });
    map.getPane("dm-labels").style.pointerEvents = "none";
    var staticRenderer = L.canvas({ pane: "dm-static", padding: 0.2 });
    DM.unitRenderer = new L.BatchedCanvas({ pane: "dm-units", padding: 0.2 });
    DM.incidentRenderer = L.canvas({ pane: "dm-incidents", padding: 0.2 });

    DM.districtLabels = districtLabels();
    DM.layers.districts = L.featureGroup([parts.districts, DM.districtLabels]);
    parts.districts.remove();
    DM.layers.districts.addTo(map);

    var stationPoints = pointLayer(STATIC.stations, staticRenderer, CFG.styles.station,
      function (row) { return escapeHtml(row[1]); });
    parts.stations.remove();
    parts.stations.on("mouseover", function (e) {
      var props = e.layer.feature.properties;
      e.layer.bindTooltip(escapeHtml(props.name), { sticky: true }).openTooltip(e.latlng);
    });
    parts.stations.on("mouseout", function (e) { e.layer.unbindTooltip(); });
    DM.layers.stations = L.featureGroup([parts.stations, stationPoints]);

    parts.patrolAreas.remove();
    parts.patrolAreas.on("mouseover", function (e) {
      e.layer.bindTooltip(escapeHtml(e.layer.feature.properties.name), { sticky: true }).openTooltip(e.latlng);
    });
    parts.patrolAreas.on("mouseout", function (e) { e.layer.unbindTooltip(); });
    DM.layers.patrolAreas = parts.patrolAreas;

    DM.layers.dutyPoints = pointLayer(STATIC.dutyPoints, staticRenderer, CFG.styles.dutyPoint,
      function (row) { return escapeHtml(row[1]); });
    DM.layers.checkpoints = pointLayer(STATIC.checkpoints, staticRenderer, CFG.styles.checkpoint,
      function (row) { return escapeHtml(row[1]) + "<br>" + escapeHtml(row[4]); });
    DM.layers.cameras = pointLayer(STATIC.cameras, staticRenderer, CFG.styles.camera,
      function (row) { return escapeHtml(row[1]); });
    DM.layers.cameras.on("click", function (e) {
      L.DomEvent.stop(e);
      if (DM.bridge) { DM.bridge.selectCamera(e.layer.dmRow[0]); }
    });

    ["patrol", "rapid", "otherUnits", "incidents"].forEach(function (key) { DM.layers[key] = L.featureGroup(); });
    ["patrol", "rapid", "otherUnits"].forEach(function (key) {
      DM.layers[key].on("click", function (e) {
        L.DomEvent.stop(e);
        if (DM.bridge) { DM.bridge.selectUnit(e.layer.dmId); }
      });
      DM.layers[key].on("mouseover", function (e) {
        e.layer.bindTooltip(unitTooltip(e.layer.dmId), { direction: "top", offset: [0, -6] }).openTooltip();
      });
      DM.layers[key].on("mouseout", function (e) { e.layer.unbindTooltip(); });
    });
    DM.layers.incidents.on("click", function (e) {
      L.DomEvent.stop(e);
      if (e.layer.dmRows) {
        map.fitBounds(L.latLngBounds(e.layer.dmRows.map(function (r) { return [r[1], r[2]]; })).pad(0.3),
                      { maxZoom: CFG.clusterBelowZoom });
      } else if (DM.bridge) {
        DM.bridge.selectIncident(e.layer.dmIncident);
      }
    });
    DM.layers.incidents.on("mouseover", function (e) {
      if (e.layer.dmIncident) {
        e.layer.bindTooltip(incidentTooltip(DM.incidents[e.layer.dmIncident]), { direction: "top" }).openTooltip();
      }
    });
    DM.layers.incidents.on("mouseout", function (e) { if (e.layer.dmIncident) { e.layer.unbindTooltip(); } });
    if (parts.tiles) { DM.layers.tiles = parts.tiles; }

    CFG.layerOrder.forEach(function (key) {
      setLayerVisible(key, CFG.defaultVisible.indexOf(key) >= 0);
    });

    DM.selectionRing = L.circleMarker([0, 0], {
      pane: "dm-selection", renderer: L.svg({ pane: "dm-selection" }), radius: 14, color: CFG.colors.selection,
      weight: 3, fill: false, interactive: false, className: "dm-selection-ring"
    });
    DM.legend = L.control({ position: "bottomleft" });
    DM.legend.onAdd = function () { return L.DomUtil.create("div", "dm-legend"); };
    DM.legend.addTo(map);

    map.on("zoomend", scheduleIncidentRender);
    map.on("click", function (e) { if (DM.bridge) { DM.bridge.clickMap(e.latlng.lat, e.latlng.lng); } });
    map.on("overlayadd overlayremove", function (e) {
      var key = layerKeyOf(e.layer);
      if (key && DM.bridge) { DM.bridge.layerChanged(key, e.type === "overlayadd"); }
    });
    // The attribution links would navigate the desk's map away; Leaflet is credited in plain text.
    map.attributionControl.setPrefix("Leaflet");
    L.control.scale({ imperial: false, position: "bottomright" }).addTo(map);
    map.fitBounds(CFG.bounds);
    // The view may be laid out (docks placed, window maximised) after the page loaded: keep the whole
    // city in view until someone steers the map (the user, the desk, or following a unit).
    DM.autoFit = true;
    window.addEventListener("resize", function () {
      map.invalidateSize();
      if (DM.autoFit) { map.fitBounds(CFG.bounds); }
    });
    ["mousedown", "wheel", "keydown", "touchstart"].forEach(function (type) {
      map.getContainer().addEventListener(type, function () { DM.autoFit = false; }, { passive: true });
    });

    new QWebChannel(qt.webChannelTransport, function (channel) {
      var bridge = channel.objects.bridge;
      bridge.delta.connect(applyDelta);
      bridge.texts.connect(applyLabels);
      bridge.selection.connect(showSelection);
      bridge.follow.connect(function (id) { DM.follow = id; if (id) { DM.autoFit = false; } keepFollowing(); });
      bridge.layerVisibility.connect(setLayerVisible);
      bridge.view.connect(function (lat, lon, zoom) {
        DM.autoFit = false;
        map.setView([lat, lon], zoom > 0 ? zoom : map.getZoom(), { animate: false });
      });
      DM.bridge = bridge;
      DM.ready = true;
      bridge.pageReady();
    });
  };

  // --- for tests and diagnostics -----------------------------------------------------------------------

  DM.unitPosition = function (id) {
    var u = DM.units[id];
    if (!u) { return null; }
    var ll = u.marker.getLatLng();
    return [ll.lat, ll.lng];
  };
  DM.unitOnMap = function (id) { return !!(DM.units[id] && DM.units[id].group && DM.map.hasLayer(DM.units[id].group)); };
  DM.districtCount = function () {
    var n = 0;
    DM.layers.districts.eachLayer(function (layer) { if (layer.getLayers && layer !== DM.districtLabels) { n += layer.getLayers().length; } });
    return n;
  };
  DM.incidentCount = function () { return Object.keys(DM.incidents).length; };
  DM.layerVisible = function (key) { return !!DM.layers[key] && DM.map.hasLayer(DM.layers[key]); };
  DM.clickUnit = function (id) { DM.units[id].marker.fire("click", { latlng: DM.units[id].marker.getLatLng() }, true); };
  DM.clickCamera = function (id) {
    var hit = null;
    DM.layers.cameras.eachLayer(function (layer) { if (layer.dmRow[0] === id) { hit = layer; } });
    if (hit) { hit.fire("click", { latlng: hit.getLatLng() }, true); }
    return !!hit;
  };
  DM.clickIncident = function (id) {
    var hit = null;
    DM.layers.incidents.eachLayer(function (layer) { if (layer.dmIncident === id) { hit = layer; } });
    if (hit) { hit.fire("click", { latlng: hit.getLatLng() }, true); }
    return !!hit;
  };
})();
