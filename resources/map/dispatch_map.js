/*
 * Dispatch Desktop live map.
 *
 * The page is generated once by folium (districts, station areas, patrol areas); everything that moves
 * arrives as batched JSON deltas from the Python MapBridge over QWebChannel, at most ten a second.
 * Units and incidents are drawn on their own canvas renderers (thousands of markers stay fast) with
 * shapes drawn straight on the canvas; incidents aggregate on a screen grid when zoomed out.
 *
 * Every symbol is drawn from a style the page config gives (symbols.py) through one painter,
 * ``paintLook``; the legend draws its swatches through the same painter from the same styles, so the
 * two cannot disagree. The layer switches and the legend fold into two small buttons on the map.
 *
 * Layers contributed by plugins (points, lines, areas) arrive from the Python PluginLayers object
 * ("pluginLayers" on the channel): a layer's title, legend and whether it takes clicks, then its features
 * as one message. They are listed after the desk's own layers in the switches and the legend.
 *
 * Nothing here fetches anything: Leaflet comes from the page's own lib/ folder, qwebchannel.js from
 * QtWebEngine's built-in resources, the static data from static_layers.js beside the page.
 */
(function () {
  "use strict";

  var CFG = window.DISPATCH_CONFIG;
  var STATIC = window.DISPATCH_STATIC;
  var BITS = CFG.codeBits;

  var DM = {
    ready: false,
    map: null,
    bridge: null,
    layers: {},        // key -> layer shown in the layer control
    units: {},         // id -> {marker, lat, lon, code}
    unitNames: {},
    lastReport: {},    // id -> ms of the last report, for the units shown stale
    now: 0,            // the desk's clock (ms), ticked by Python once a second
    focused: "",       // the incident focus_incident highlighted
    panels: {},        // "layers" / "legend" -> {box, button, panel}
    incidents: {},     // id -> [id, lat, lon, priority, class, status, typeName, address]
    selected: { kind: "", id: "" },
    follow: "",
    labels: null,
    plugins: {},       // contributed layer id -> {title, legend, clickable, count}
    pluginOrder: [],   // their ids, in the order they were added
    pluginBridge: null,
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
        var p = layer._point;
        paintLook(this._ctx, layer.options, [p.x, p.y, Math.max(Math.round(layer._radius), 1)]);
      }
    });
  }

  // The one painter of every marker look: ``points`` is a flat [x, y, radius, ...] list of markers that
  // share the look ``o`` (a Leaflet path style with a ``shape``), traced as one path, filled and stroked
  // once. Leaflet's defaults apply where the style says nothing, as they do on the map.
  function paintLook(ctx, o, points) {
    var shape = o.shape || "circle";
    ctx.beginPath();
    for (var j = 0; j < points.length; j += 3) {
      if (shape === "circle") { ctx.moveTo(points[j] + points[j + 2], points[j + 1]); }  // not a line from the last
      tracePath(ctx, shape, points[j], points[j + 1], points[j + 2]);
    }
    fillStroke(ctx, o);
  }

  function fillStroke(ctx, o) {
    var dash = dashOf(o);
    if (o.fill !== false) {
      ctx.globalAlpha = o.fillOpacity === undefined ? 0.2 : o.fillOpacity;
      ctx.fillStyle = o.fillColor || o.color || "#3388ff";
      ctx.fill("nonzero");
    }
    if (o.stroke !== false && o.weight !== 0) {
      ctx.globalAlpha = o.opacity === undefined ? 1 : o.opacity;
      ctx.lineWidth = o.weight === undefined ? 3 : o.weight;
      ctx.strokeStyle = o.color || "#3388ff";
      // Round caps would close a short dash's gaps.
      ctx.lineCap = dash.length ? "butt" : "round";
      ctx.lineJoin = "round";
      ctx.setLineDash(dash);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.globalAlpha = 1;
  }

  function dashOf(o) {
    return o.dashArray ? String(o.dashArray).split(/[ ,]+/).map(Number) : [];
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
          key = o.shape + "|" + o.fill + "|" + o.fillColor + "|" + o.color + "|" + o.weight + "|" +
            o.fillOpacity + "|" + o.opacity + "|" + o.dashArray;
          look = looks[key];
          if (!look) { look = looks[key] = { options: o, points: [] }; order.push(key); }
          look.points.push(layer._point.x, layer._point.y, Math.max(Math.round(layer._radius), 1));
        }
        for (var i = 0; i < order.length; i++) {
          paintLook(ctx, looks[order[i]].options, looks[order[i]].points);
        }
        this._drawing = false;
        ctx.restore();
      }
    });
  }

  // --- the pointer over the canvases ---------------------------------------------------------------------

  // Each canvas renderer draws on a canvas as big as the map in its own pane, and the browser gives a
  // click or a hover to the top canvas only: the incidents' canvas hid the units, the stations and the
  // contributed layers under it from the pointer (a click on a unit was a click on an empty spot). So the
  // canvases let the pointer through (dispatch_map.css), and the map's container hands each click and
  // hover to the top-most drawn thing under the pointer, on any canvas, that listens to it; a click on
  // nothing that listens stays the map's (an empty spot).
  var canvases = [];   // the canvas renderers on the map, the top-most pane first
  var hovered = null;  // the drawn thing under the pointer
  var pendingMove = null;

  function installCanvasStack(map) {
    var base = L.Canvas.prototype, onAdd = base.onAdd, onRemove = base.onRemove;
    L.Canvas.include({
      onAdd: function () { onAdd.call(this); stackCanvas(this); },
      onRemove: function () { unstackCanvas(this); onRemove.call(this); }
    });
    map.eachLayer(function (layer) { if (layer instanceof L.Canvas) { stackCanvas(layer); } });  // folium's
    var container = map.getContainer();
    container.addEventListener("click", onPointerClick, true);  // before the map's own listener
    container.addEventListener("mousemove", function (e) {
      // At most one hit test every 32 ms (as Leaflet does), always with the last position.
      if (!pendingMove) { window.setTimeout(function () { var last = pendingMove; pendingMove = null; if (last) { hover(last); } }, 32); }
      pendingMove = e;
    }, true);
    container.addEventListener("mouseleave", function (e) { pendingMove = null; hover(e, true); });
  }

  function stackCanvas(renderer) {
    if (canvases.indexOf(renderer) >= 0) { return; }
    renderer.dmZ = Number(window.getComputedStyle(renderer.getPane()).zIndex) || 0;
    canvases.push(renderer);
    canvases.sort(function (a, b) { return b.dmZ - a.dmZ; });
  }

  function unstackCanvas(renderer) {
    var n = canvases.indexOf(renderer);
    if (n >= 0) { canvases.splice(n, 1); }
    if (hovered && hovered._renderer === renderer) { hovered = null; }
  }

  // Only where the pointer is on the map itself: a control, a cluster or a label is its own target.
  function onMapSurface(el) {
    return el === DM.map.getContainer() || el.tagName === "CANVAS" || L.DomUtil.hasClass(el, "leaflet-pane");
  }

  function drawnAt(e, type) {
    var point = DM.map.mouseEventToLayerPoint(e);
    for (var i = 0; i < canvases.length; i++) {
      var hit = null;
      for (var link = canvases[i]._drawFirst; link; link = link.next) {
        var layer = link.layer;
        if (layer.options.interactive && layer._containsPoint(point) && layer.listens(type, true)) { hit = layer; }
      }
      if (hit) { return hit; }
    }
    return null;
  }

  function onPointerClick(e) {
    if (!onMapSurface(e.target) || DM.map._draggableMoved(DM.map)) { return; }
    var hit = drawnAt(e, "click");
    if (hit) {
      e.stopPropagation();  // the map's own listener would take it for a click on an empty spot
      hit._renderer._fireEvent([hit], e);
    }
  }

  function hover(e, leaving) {
    var map = DM.map;
    var over = !leaving && onMapSurface(e.target) && !map.dragging.moving() && !map._animatingZoom
      ? drawnAt(e, "mouseover") : null;
    if (over !== hovered) {
      if (hovered && hovered._map) { hovered._renderer._fireEvent([hovered], e, "mouseout"); }
      hovered = over;
      if (over) { over._renderer._fireEvent([over], e, "mouseover"); }
      (over ? L.DomUtil.addClass : L.DomUtil.removeClass)(map.getContainer(), "dm-pointing");
    }
    if (hovered) { hovered.fire("mousemove", { latlng: map.mouseEventToLatLng(e), originalEvent: e }, true); }
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
      case "triangleDown": polygon(ctx, x, y - 0.2 * r, 1.3 * r, 3, Math.PI / 2); break;
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

  function labelHtml(name) { return "<span>" + escapeHtml(name) + "</span>"; }

  function labelIcon(name) {
    return L.divIcon({ className: "dm-district-label", html: labelHtml(name), iconSize: null });
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

  function codeStatus(code) { return CFG.unitStatus[code & 7]; }
  function codeKind(code) { return CFG.unitKind[(code >> BITS.kindShift) & 7]; }
  function makeCode(kind, status, flags) {
    return CFG.unitStatus.indexOf(status) | (CFG.unitKind.indexOf(kind) << BITS.kindShift) | (flags || 0);
  }

  function unitStyle(code) {
    var status = codeStatus(code), kind = codeKind(code), sos = code & BITS.sos, stale = code & BITS.stale;
    var radius = CFG.unitRadius[kind] || 5;
    var look = {
      shape: CFG.unitShapes[kind] || "circle",
      radius: sos ? radius + 3 : radius,
      color: sos ? CFG.colors.sos : (kind === "rapid" ? "#000000" : "#ffffff"),
      weight: sos ? 3 : 1.2,
      fillColor: sos ? CFG.colors.sos : CFG.colors.unitStatus[status],
      fillOpacity: 0.95,
      opacity: 1,
      dashArray: null
    };
    if (stale) {
      // Where it last reported, not surely where it is: hollow, grey and dashed. An SOS stays loud and
      // only its outline goes dashed.
      var s = CFG.styles.stale;
      if (!sos) {
        look.color = s.color;
        look.weight = s.weight;
        look.fillColor = s.fillColor;
        look.fillOpacity = s.fillOpacity;
      }
      look.dashArray = s.dashArray;
    }
    return look;
  }

  function unitGroupKey(code) {
    var kind = codeKind(code);
    return kind === "patrol" ? "patrol" : (kind === "rapid" ? "rapid" : "otherUnits");
  }

  function isOffDuty(code) { return codeStatus(code) === "off_duty" && !(code & BITS.sos); }

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
      delete DM.lastReport[id];
    }
  }

  function unitTooltip(id) {
    var u = DM.units[id], lb = DM.labels || {}, ui = lb.ui || {};
    var status = codeStatus(u.code), kind = codeKind(u.code);
    var text = "<b>" + escapeHtml(DM.unitNames[id] || id) + "</b><br>" +
      escapeHtml((lb.unitKind || {})[kind] || kind) + " · " + escapeHtml((lb.unitStatus || {})[status] || status);
    if (u.code & BITS.sos) { text += "<br><b class='dm-sos'>" + escapeHtml(ui.sos || "SOS") + "</b>"; }
    if (u.code & BITS.stale) { text += "<br><span class='dm-stale'>" + escapeHtml(reportAge(id)) + "</span>"; }
    return text;
  }

  function reportAge(id) {
    var ui = (DM.labels && DM.labels.ui) || {}, last = DM.lastReport[id];
    if (!last) { return ui.noReport || ""; }
    var seconds = Math.max(0, Math.floor((DM.now - last) / 1000));
    var age = seconds < 60 ? (ui.seconds || "{n} s").replace("{n}", seconds)
      : (ui.minutes || "{n} min").replace("{n}", Math.floor(seconds / 60));
    return (ui.lastReport || "{age}").replace("{age}", age);
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
    var m = L.marker([lat / rows.length, lon / rows.length], {
      pane: "dm-clusters",
      icon: clusterIcon(rows.length, top)
    });
    m.dmRows = rows;
    var text = ((DM.labels && DM.labels.ui.cluster) || "{n}").replace("{n}", rows.length);
    m.bindTooltip(escapeHtml(text), { direction: "top" });
    return m;
  }

  // Coloured as its most urgent incident, from the same priority colours the single markers use.
  function clusterIcon(count, top) {
    var size = count < 10 ? 30 : (count < 100 ? 36 : 44);
    return L.divIcon({ className: "dm-cluster dm-p" + top, html: clusterHtml(count, top), iconSize: [size, size] });
  }

  function clusterHtml(count, top) {
    return "<span style='background:" + CFG.colors.priority[top] + "'>" + count + "</span>";
  }

  // --- selection, focus and follow -------------------------------------------------------------------

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

  function focusIcon() {
    return L.divIcon({ className: "dm-focus", html: "<span style='border-color:" + CFG.colors.focus + "'></span>",
                       iconSize: [40, 40] });
  }

  function placeFocus() {
    var row = DM.focused && DM.incidents[DM.focused];
    if (!row) { DM.focusMarker.remove(); return; }
    DM.focusMarker.setLatLng([row[1], row[2]]);
    if (!DM.map.hasLayer(DM.focusMarker)) { DM.focusMarker.addTo(DM.map); }
  }

  // Python decided it (focus_incident): close enough to see the street, unless the view is closer.
  function focusIncident(id, lat, lon, zoom) {
    DM.autoFit = false;
    DM.focused = id;
    DM.map.setView([lat, lon], Math.max(DM.map.getZoom(), zoom), { animate: false });
    placeFocus();
  }

  function showSelection(kind, id) {
    DM.selected = { kind: kind, id: id };
    if (DM.focused && !(kind === "incident" && id === DM.focused)) { DM.focused = ""; placeFocus(); }
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
    var u = d.u || [], lr = d.lr || {};
    for (i = 0; i < u.length; i += 4) {
      upsertUnit(u[i], u[i + 1], u[i + 2], u[i + 3]);
      if (u[i + 3] & BITS.stale) { DM.lastReport[u[i]] = lr[u[i]]; } else { delete DM.lastReport[u[i]]; }
    }
    (d.ur || []).forEach(removeUnit);
    (d.i || []).forEach(function (row) { DM.incidents[row[0]] = row; });
    (d.ir || []).forEach(function (id) { delete DM.incidents[id]; });
    if (d.reset || (d.i && d.i.length) || (d.ir && d.ir.length)) { scheduleIncidentRender(); placeFocus(); }
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
    var ui = DM.labels.ui;
    labelPanelButton("layers", ui.layersButton, ui.layersHint);
    labelPanelButton("legend", ui.legendButton, ui.legendHint);
    renderLayerPanel();
    refreshDistrictLabels();
    renderLegend();
    scheduleIncidentRender();
  }

  function escapeHtml(text) {
    return String(text === undefined || text === null ? "" : text)
      .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  // --- the two folding panels: layer switches (top right) and legend (bottom left) ---------------------

  // A small button on the map that opens its panel; a second click or Esc closes it. Closed at start:
  // on a laptop screen an open legend would hide a third of the city.
  function foldingControl(key, position) {
    var control = L.control({ position: position });
    control.onAdd = function () {
      var box = L.DomUtil.create("div", "dm-fold dm-fold-" + key + " leaflet-control");
      var button = L.DomUtil.create("button", "dm-fold-button", box);
      button.type = "button";
      button.setAttribute("aria-expanded", "false");
      var panel = L.DomUtil.create("div", "dm-fold-panel", box);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      L.DomEvent.on(button, "click", function () { setPanelOpen(key, !panelOpen(key)); });
      DM.panels[key] = { box: box, button: button, panel: panel };
      return box;
    };
    return control;
  }

  function panelOpen(key) { return L.DomUtil.hasClass(DM.panels[key].box, "dm-open"); }

  function setPanelOpen(key, open) {
    var p = DM.panels[key];
    (open ? L.DomUtil.addClass : L.DomUtil.removeClass)(p.box, "dm-open");
    p.button.setAttribute("aria-expanded", open ? "true" : "false");
    // On a narrow map the two panels meet: the one opened last lies on top.
    Object.keys(DM.panels).forEach(function (other) { DM.panels[other].box.parentNode.style.zIndex = ""; });
    if (open) { p.box.parentNode.style.zIndex = 1001; }
  }

  function labelPanelButton(key, text, hint) {
    var button = DM.panels[key].button;
    button.textContent = text;
    button.title = hint;
  }

  // The desk's own layers, then the contributed ones below a rule.
  function renderLayerPanel() {
    var panel = DM.panels.layers.panel;
    panel.innerHTML = "";
    CFG.layerOrder.forEach(function (key) {
      if (DM.layers[key]) { layerSwitch(panel, key, DM.labels.layers[key] || key); }
    });
    if (DM.pluginOrder.length) { L.DomUtil.create("div", "dm-layer-rule", panel); }
    DM.pluginOrder.forEach(function (id) { layerSwitch(panel, id, DM.plugins[id].title || id); });
  }

  function layerSwitch(panel, key, title) {
    var row = L.DomUtil.create("label", "dm-layer-row", panel);
    var box = L.DomUtil.create("input", "", row);
    box.type = "checkbox";
    box.setAttribute("data-layer", key);
    box.checked = DM.map.hasLayer(DM.layers[key]);
    row.appendChild(document.createTextNode(title));
    L.DomEvent.on(box, "change", function () {
      setLayerVisible(key, box.checked);
      if (DM.bridge) { DM.bridge.layerChanged(key, box.checked); }
    });
  }

  // --- the legend -------------------------------------------------------------------------------------

  // A row of the legend: its swatch is painted by the map's own painters from the map's own styles, and
  // ``looks`` records what it shows (what the test compares with everything the map can draw).
  function markerRow(group, style, text) {
    var canvas = swatchCanvas(function (ctx, w, h) {
      paintLook(ctx, style, [w / 2, h / 2, Math.min(style.radius || 5, 6)]);
    });
    return { group: group, looks: [lookOf(style, false)], swatch: canvas, text: text };
  }

  function areaRow(group, style, text, fills) {
    var canvas = swatchCanvas(function (ctx, w, h) { paintArea(ctx, style, w, h, fills); });
    var looks = (fills || [undefined]).map(function (fill) {
      return lookOf(fill ? L.extend({}, style, { fillColor: fill }) : style, true);
    });
    return { group: group, looks: looks, swatch: canvas, text: text };
  }

  function lineRow(group, style, text) {
    var line = L.extend({}, style, { fill: false, shape: "line" });
    var canvas = swatchCanvas(function (ctx, w, h) {
      ctx.beginPath();
      ctx.moveTo(2, h - 5);
      ctx.lineTo(w - 2, 5);
      fillStroke(ctx, line);
    });
    return { group: group, looks: [lookOf(line, false)], swatch: canvas, text: text };
  }

  function iconRow(group, icon, text) {
    var holder = L.DomUtil.create("span", "dm-swatch-icon " + icon.options.className);
    holder.innerHTML = icon.options.html;
    return { group: group, looks: [iconLook(icon)], swatch: holder, text: text };
  }

  // A marker drawn in HTML (a district name, a cluster, the focus ping) looks like its class says.
  function iconLook(icon) { return { shape: icon.options.className.split(" ")[0] }; }

  function swatchCanvas(paint) {
    var w = 24, h = 20, ratio = window.devicePixelRatio || 1;
    var canvas = L.DomUtil.create("canvas", "dm-swatch");
    canvas.width = w * ratio;
    canvas.height = h * ratio;
    canvas.style.width = w + "px";
    canvas.style.height = h + "px";
    var ctx = canvas.getContext("2d");
    ctx.scale(ratio, ratio);
    paint(ctx, w, h);
    return canvas;
  }

  // An area's swatch: a patch in the area's style; the districts' patch shows each district's fill.
  function paintArea(ctx, style, w, h, fills) {
    var x = 2, y = 3, pw = w - 4, ph = h - 6;
    (fills || [undefined]).forEach(function (fill, n, all) {
      ctx.beginPath();
      ctx.rect(x + n * pw / all.length, y, pw / all.length, ph);
      fillStroke(ctx, L.extend({}, style, fill ? { fillColor: fill } : {}, { stroke: false }));
    });
    ctx.beginPath();
    ctx.rect(x, y, pw, ph);
    fillStroke(ctx, L.extend({}, style, { fill: false }));
  }

  // The districts' patch, its words written the way the map writes a district's name.
  function districtRow(title) {
    var row = areaRow("districts", CFG.styles.districtArea, "", CFG.colors.districtFills);
    row.textIcon = labelIcon(title);
    row.looks.push(iconLook(row.textIcon));
    return row;
  }

  function sampleIncident(priority, cls) {
    return ["", 0, 0, priority, CFG.typeClasses.indexOf(cls), 0, "", ""];
  }

  function legendSections() {
    var lb = DM.labels, ui = lb.ui, st = CFG.styles;
    var sample = function (kind, status, flags) { return unitStyle(makeCode(kind, status, flags)); };
    var layer = function (key) { return lb.layers[key] || key; };
    return [
      { title: ui.units + " · " + ui.unitShape, rows: CFG.unitKind.map(function (kind) {
        return markerRow("units", sample(kind, "available"), lb.unitKind[kind]);
      }) },
      { title: ui.units + " · " + ui.unitColour, rows: CFG.legendUnitStatus.map(function (status) {
        return markerRow("units", sample("patrol", status), lb.unitStatus[status]);
      }).concat([
        markerRow("units", sample("patrol", "available", BITS.sos), ui.sos),
        markerRow("units", sample("patrol", "available", BITS.stale), ui.stale)
      ]) },
      { title: ui.incidents, rows: [1, 2, 3, 4].map(function (p) {
        return markerRow("incidents", incidentStyle(sampleIncident(p, "order")), lb.priority[p]);
      }) },
      { title: ui.incidentTypes, rows: CFG.typeClasses.map(function (cls) {
        return markerRow("incidents", incidentStyle(sampleIncident(2, cls)), lb.typeClass[cls]);
      }).concat([iconRow("incidents", clusterIcon(5, 1), ui.clusterLegend)]) },
      { title: ui.onMap, rows: [
        markerRow("selection", st.selection, ui.selected),
        iconRow("focus", focusIcon(), ui.focused),
        markerRow("stations", st.station, ui.station),
        areaRow("stations", st.stationArea, ui.stationArea),
        areaRow("patrolAreas", st.patrolArea, layer("patrolAreas")),
        markerRow("dutyPoints", st.dutyPoint, layer("dutyPoints")),
        markerRow("checkpoints", st.checkpoint, layer("checkpoints")),
        markerRow("cameras", st.camera, layer("cameras")),
        districtRow(layer("districts"))
      ] }
    ].concat(pluginLegendSections());
  }

  function renderLegend() {
    var legend = DM.legendBox;
    legend.innerHTML = "";
    legendSections().forEach(function (section) {
      var box = L.DomUtil.create("div", "dm-legend-section", legend);
      L.DomUtil.create("div", "dm-legend-title", box).textContent = section.title;
      section.rows.forEach(function (row) {
        var line = L.DomUtil.create("div", "dm-legend-row", box);
        line.setAttribute("data-group", row.group);
        line.setAttribute("data-looks", JSON.stringify(row.looks));
        line.appendChild(row.swatch);
        if (row.textIcon) {
          L.DomUtil.create("span", "dm-legend-text " + row.textIcon.options.className, line).innerHTML =
            row.textIcon.options.html;
        } else {
          L.DomUtil.create("span", "dm-legend-text", line).textContent = row.text;
        }
      });
    });
  }

  // What a drawn thing looks like, in the terms the legend must explain: shape, fill, outline, dashes.
  function lookOf(o, area) {
    var fill = o.fill !== false, stroke = o.stroke !== false && o.weight !== 0;
    return {
      shape: area ? "area" : (o.shape || "circle"),
      fillColor: fill ? (o.fillColor || o.color || "#3388ff") : null,
      fillOpacity: fill ? (o.fillOpacity === undefined ? 0.2 : o.fillOpacity) : null,
      color: stroke ? (o.color || "#3388ff") : null,
      dashArray: stroke && o.dashArray ? String(o.dashArray) : null
    };
  }

  // --- layers contributed by plugins ------------------------------------------------------------------

  // A style row from Python (plugin_layers.style_row: colour, fill, weight, radius, opacity, dash,
  // fill opacity, permanent label) as the options of a Leaflet path; the legend paints from the same.
  function pluginStyle(row) {
    return {
      shape: "circle", color: row[0], fill: !!row[1], fillColor: row[1] || null, weight: row[2], radius: row[3],
      opacity: row[4], dashArray: row[5] || null, fillOpacity: row[6]
    };
  }

  function latLngPairs(flat) {
    var out = [];
    for (var i = 0; i < flat.length; i += 2) { out.push([flat[i], flat[i + 1]]); }
    return out;
  }

  function pluginGroup(id) {
    var group = L.featureGroup();
    group.dmLayerId = id;
    // Labels show under the pointer, bound then (thousands of features keep no tooltips), unless the
    // style writes them beside the feature all the time.
    group.on("mouseover", function (e) {
      var f = e.layer;
      if (!f.dmLabel || f.dmPermanent) { return; }
      var point = f instanceof L.CircleMarker;
      f.bindTooltip(escapeHtml(f.dmLabel), point ? { direction: "top", offset: [0, -6] } : { sticky: true })
        .openTooltip(point ? undefined : e.latlng);
    });
    group.on("mouseout", function (e) { if (!e.layer.dmPermanent) { e.layer.unbindTooltip(); } });
    return group;
  }

  // Only a layer that a plugin listens to takes clicks: the others let them through to the map. An area
  // (a polygon) covers ground: a click in it is also a click on that spot of the map (a new incident's
  // location, say), or an area layer covering the city would leave no spot to click.
  function onPluginClick(e) {
    L.DomEvent.stop(e);
    if (DM.pluginBridge) { DM.pluginBridge.clickFeature(this.dmLayerId, e.layer.dmFeature); }
    if (e.layer instanceof L.Polygon && DM.bridge) { DM.bridge.clickMap(e.latlng.lat, e.latlng.lng); }
  }

  function pluginFeature(row, styles, clickable) {
    var kind = row[0], label = row[row.length - 2], look = styles[row[row.length - 1]], layer;
    if (kind === 0) {
      layer = shapeMarker(row[2], row[3], L.extend({ renderer: DM.pluginPointRenderer }, look.options));
    } else if (kind === 1) {
      layer = L.polyline(latLngPairs(row[2]), L.extend({ renderer: DM.pluginShapeRenderer }, look.options,
                                                       { fill: false, shape: "line" }));
    } else {
      layer = L.polygon(row[2].map(latLngPairs), L.extend({ renderer: DM.pluginShapeRenderer }, look.options));
    }
    layer.dmFeature = row[1];
    layer.dmLabel = label;
    layer.dmPermanent = !!(label && look.permanent);
    layer.options.interactive = !!label || clickable;
    if (layer.dmPermanent) {
      layer.bindTooltip(escapeHtml(label), {
        permanent: true, direction: kind === 0 ? "right" : "center", offset: kind === 0 ? [look.options.radius, 0] : [0, 0],
        className: "dm-plugin-label", interactive: false
      });
    }
    return layer;
  }

  function applyPluginMeta(text) {
    var m = JSON.parse(text), p = DM.plugins[m.id];
    if (!p) {
      p = DM.plugins[m.id] = { clickable: false, count: 0 };
      DM.pluginOrder.push(m.id);
      DM.layers[m.id] = pluginGroup(m.id);
      setLayerVisible(m.id, m.visible);  // later switches come by themselves (``visibility``)
    }
    p.title = m.title;
    p.legend = m.legend;
    if (p.clickable !== m.clickable) {
      var group = DM.layers[m.id];
      p.clickable = m.clickable;
      group.off("click", onPluginClick, group);
      if (m.clickable) { group.on("click", onPluginClick, group); }
      group.eachLayer(function (f) { f.options.interactive = !!f.dmLabel || m.clickable; });
    }
    if (DM.labels) { renderLayerPanel(); renderLegend(); }
  }

  // A layer's features, all of them (they replace what it drew): built off the map and put on it once.
  function applyPluginFeatures(text) {
    var started = performance.now();
    var d = JSON.parse(text), p = DM.plugins[d.id], group = DM.layers[d.id];
    if (!p) { return; }
    var styles = d.s.map(function (row) { return { options: pluginStyle(row), permanent: row[7] === 1 }; });
    var shown = DM.map.hasLayer(group);
    if (shown) { DM.map.removeLayer(group); }
    group.clearLayers();
    d.f.forEach(function (row) { group.addLayer(pluginFeature(row, styles, p.clickable)); });
    if (shown) { group.addTo(DM.map); }
    p.count = d.f.length;
    p.applyMs = performance.now() - started;
  }

  function removePluginLayer(id) {
    var group = DM.layers[id];
    if (!group || !DM.plugins[id]) { return; }
    if (DM.map.hasLayer(group)) { DM.map.removeLayer(group); }
    group.clearLayers();
    delete DM.layers[id];
    delete DM.plugins[id];
    DM.pluginOrder.splice(DM.pluginOrder.indexOf(id), 1);
    if (DM.labels) { renderLayerPanel(); renderLegend(); }
  }

  function pluginLegendSections() {
    return DM.pluginOrder.filter(function (id) { return DM.plugins[id].legend.length; }).map(function (id) {
      return { title: DM.plugins[id].title, rows: DM.plugins[id].legend.map(function (entry) {
        var style = pluginStyle(entry.style);
        if (entry.shape === "line") { return lineRow(id, style, entry.label); }
        if (entry.shape === "polygon") { return areaRow(id, style, entry.label); }
        return markerRow(id, style, entry.label);
      }) };
    });
  }

  // --- layer visibility -----------------------------------------------------------------------------

  function setLayerVisible(key, visible) {
    var layer = DM.layers[key];
    if (!layer) { return; }
    if (visible && !DM.map.hasLayer(layer)) { layer.addTo(DM.map); }
    if (!visible && DM.map.hasLayer(layer)) { DM.map.removeLayer(layer); }
    var box = DM.panels.layers && DM.panels.layers.panel.querySelector("input[data-layer='" + key + "']");
    if (box) { box.checked = visible; }
  }

  // --- start ----------------------------------------------------------------------------------------

  DM.init = function (parts) {
    installShapes();
    installBatchedCanvas();
    var map = DM.map = parts.map;
    // District names sit above the markers and clusters (and below tooltips): a cluster over a name
    // hid which district it was in.
    // Contributed layers lie over the city's areas and points, under the units and incidents.
    [["dm-static", 410], ["dm-plugin-shapes", 412], ["dm-plugin-points", 415], ["dm-units", 420], ["dm-incidents", 430], ["dm-clusters", 640],
     ["dm-labels", 645], ["dm-selection", 650]].forEach(function (pane) {
      map.createPane(pane[0]).style.zIndex = pane[1];
    });
    map.getPane("dm-labels").style.pointerEvents = "none";
    installCanvasStack(map);
    var staticRenderer = L.canvas({ pane: "dm-static", padding: 0.2 });
    DM.unitRenderer = new L.BatchedCanvas({ pane: "dm-units", padding: 0.2 });
    DM.incidentRenderer = L.canvas({ pane: "dm-incidents", padding: 0.2 });
    DM.pluginShapeRenderer = L.canvas({ pane: "dm-plugin-shapes", padding: 0.2 });
    DM.pluginPointRenderer = new L.BatchedCanvas({ pane: "dm-plugin-points", padding: 0.2 });

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

    DM.selectionRing = L.circleMarker([0, 0], L.extend({
      pane: "dm-selection", renderer: L.svg({ pane: "dm-selection" }), interactive: false,
      className: "dm-selection-ring"
    }, CFG.styles.selection));
    DM.focusMarker = L.marker([0, 0], { pane: "dm-selection", icon: focusIcon(), interactive: false, keyboard: false });

    foldingControl("layers", "topright").addTo(map);
    foldingControl("legend", "bottomleft").addTo(map);
    DM.legendBox = L.DomUtil.create("div", "dm-legend", DM.panels.legend.panel);
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { Object.keys(DM.panels).forEach(function (key) { setPanelOpen(key, false); }); }
    });

    map.on("zoomend", scheduleIncidentRender);
    map.on("click", function (e) { if (DM.bridge) { DM.bridge.clickMap(e.latlng.lat, e.latlng.lng); } });
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
      bridge.focus.connect(focusIncident);
      bridge.clock.connect(function (now) { DM.now = now; });
      var plugins = channel.objects.pluginLayers;
      plugins.meta.connect(applyPluginMeta);
      plugins.features.connect(applyPluginFeatures);
      plugins.visibility.connect(setLayerVisible);
      plugins.layerRemoved.connect(removePluginLayer);
      DM.pluginBridge = plugins;
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
  DM.panelOpen = panelOpen;
  DM.openPanels = function (keys) { keys.forEach(function (key) { setPanelOpen(key, true); }); };
  DM.unitLook = function (id) { return DM.units[id] ? lookOf(DM.units[id].marker.options, false) : null; };

  // Everything the map can draw, as the looks the legend must explain, by group: units and incidents
  // through their style functions over every code they can be sent, the rest from the layers as built.
  DM.drawables = function () {
    var out = [], seen = {};
    function add(group, look) {
      look.group = group;
      var key = JSON.stringify(look);
      if (!seen[key]) { seen[key] = true; out.push(look); }
    }
    CFG.unitKind.forEach(function (kind) {
      CFG.unitStatus.forEach(function (status) {
        [0, BITS.sos, BITS.stale, BITS.sos | BITS.stale].forEach(function (flags) {
          var code = makeCode(kind, status, flags);
          if (!isOffDuty(code)) { add("units", lookOf(unitStyle(code), false)); }
        });
      });
    });
    [1, 2, 3, 4].forEach(function (p) {
      CFG.typeClasses.forEach(function (cls) { add("incidents", lookOf(incidentStyle(sampleIncident(p, cls)), false)); });
      add("incidents", iconLook(clusterIcon(2, p)));
    });
    function walk(group, layer) {
      if (layer.eachLayer) { layer.eachLayer(function (child) { walk(group, child); }); return; }
      if (layer instanceof L.Marker) { add(group, iconLook(layer.options.icon)); return; }
      add(group, lookOf(layer.options, layer instanceof L.Polygon));
    }
    ["districts", "stations", "patrolAreas", "dutyPoints", "checkpoints", "cameras"].forEach(function (key) {
      walk(key, DM.layers[key]);
    });
    walk("selection", DM.selectionRing);
    walk("focus", DM.focusMarker);
    return out;
  };
  DM.legendLooks = function () {
    var out = [];
    Array.prototype.forEach.call(document.querySelectorAll(".dm-legend-row"), function (row) {
      JSON.parse(row.getAttribute("data-looks")).forEach(function (look) {
        look.group = row.getAttribute("data-group");
        out.push(look);
      });
    });
    return out;
  };
  DM.layerVisible = function (key) { return !!DM.layers[key] && DM.map.hasLayer(DM.layers[key]); };
  DM.clickUnit = function (id) { DM.units[id].marker.fire("click", { latlng: DM.units[id].marker.getLatLng() }, true); };
  DM.clickCamera = function (id) {
    var hit = null;
    DM.layers.cameras.eachLayer(function (layer) { if (layer.dmRow[0] === id) { hit = layer; } });
    if (hit) { hit.fire("click", { latlng: hit.getLatLng() }, true); }
    return !!hit;
  };
  // A contributed layer as the page holds it: title, switch, and each feature's kind, label and look.
  DM.pluginLayer = function (id) {
    var p = DM.plugins[id], group = DM.layers[id];
    if (!p || !group) { return null; }
    var features = [];
    group.eachLayer(function (f) {
      var kind = f instanceof L.Polygon ? "polygon" : (f instanceof L.Polyline ? "line" : "point");
      var tip = f.getTooltip();
      features.push({
        id: f.dmFeature, kind: kind, label: f.dmLabel, permanent: !!(tip && tip.options.permanent),
        look: lookOf(f.options, kind === "polygon"), weight: f.options.weight, opacity: f.options.opacity,
        radius: kind === "point" ? f.options.radius : null, interactive: !!f.options.interactive,
        latlngs: kind === "point" ? pair(f.getLatLng())
          : (kind === "line" ? f.getLatLngs().map(pair) : f.getLatLngs().map(function (ring) { return ring.map(pair); }))
      });
    });
    return { title: p.title, visible: DM.map.hasLayer(group), clickable: p.clickable, count: p.count,
             applyMs: p.applyMs, features: features };
  };
  function pair(ll) { return [ll.lat, ll.lng]; }
  DM.pluginLayerIds = function () { return DM.pluginOrder.slice(); };
  DM.clickPluginFeature = function (layerId, featureId) {
    var hit = null;
    if (DM.layers[layerId]) { DM.layers[layerId].eachLayer(function (f) { if (f.dmFeature === featureId) { hit = f; } }); }
    if (hit) { hit.fire("click", { latlng: hit.getCenter ? hit.getCenter() : hit.getLatLng() }, true); }
    return !!hit;
  };
  // Where a contributed feature is in the page's window (CSS pixels): for a real pointer in the tests.
  DM.pluginFeatureAt = function (layerId, featureId) {
    var hit = null;
    if (DM.layers[layerId]) { DM.layers[layerId].eachLayer(function (f) { if (f.dmFeature === featureId) { hit = f; } }); }
    if (!hit) { return null; }
    var p = DM.map.latLngToContainerPoint(hit.getCenter ? hit.getCenter() : hit.getLatLng());
    var box = DM.map.getContainer().getBoundingClientRect();
    return [p.x + box.left, p.y + box.top];
  };
  DM.clickIncident = function (id) {
    var hit = null;
    DM.layers.incidents.eachLayer(function (layer) { if (layer.dmIncident === id) { hit = layer; } });
    if (hit) { hit.fire("click", { latlng: hit.getLatLng() }, true); }
    return !!hit;
  };
})();
