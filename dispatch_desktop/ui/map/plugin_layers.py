"""The map's contributed layers (``dispatch_desktop.api.map_layers``) on the Qt side.

``PluginLayers`` belongs to the map's bridge (``bridge.plugin_layers``) and is registered on the page's
QWebChannel as ``pluginLayers``. It keeps every contributed layer's title, visibility, legend and features
in Python, so that a reloaded page gets all of it again, and sends the page:

- ``meta``: one layer's title, visibility, legend and whether it takes clicks, as JSON, when it is added,
  its legend changes or the language changes;
- ``features``: one layer's features as one compact JSON message (styles listed once, positions rounded to
  6 decimals, about 10 cm). Calls to ``set_features`` in quick succession are sent once, at most every
  ``interval_ms``, the last one winning, and nothing is sent before the page is ready;
- ``visibility`` and ``layerRemoved``.

The page reports clicks on a feature (``clickFeature``) and the dispatcher's switches (``layerChanged``).
Calls into plugin code (titles, legend labels, click callbacks) go through the layer's ``guard``: the
plugin host passes its fault guard; without one an exception is logged and the desk goes on.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable, Iterable
from typing import Any, Protocol, TypeVar

import msgspec
from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from dispatch_desktop.api.map_layers import (
    LAYER_ID,
    LegendEntry,
    Line,
    MapFeature,
    MapLayer,
    Point,
    Polygon,
    Style,
)

log = logging.getLogger(__name__)

T = TypeVar("T")
_encode = msgspec.json.Encoder().encode
_POINT, _LINE, _POLYGON = 0, 1, 2  # the kinds of feature on the wire (dispatch_map.js reads the same)


class Guard(Protocol):
    """Runs one call into a plugin's code; returns its result, or None when the call failed."""

    def __call__(self, call: Callable[[], T], /) -> T | None: ...


def log_failures(call: Callable[[], T], /) -> T | None:
    """The guard of a layer added without one: a failing plugin call is logged, not raised into Qt."""
    try:
        return call()
    except Exception:
        log.exception("a map layer's plugin code failed")
        return None


def style_row(style: Style) -> list[Any]:
    return [style.colour, style.fill, style.weight, style.radius, style.opacity, style.dash, style.fill_opacity,
            1 if style.permanent_label else 0]


def _flat(points: Iterable[tuple[float, float]]) -> list[float]:
    return [round(value, 6) for point in points for value in point]


def features_payload(layer_id: str, features: tuple[MapFeature, ...]) -> bytes:
    """``{"id", "s": [style rows], "f": [[kind, id, geometry…, label, style index], …]}``."""
    styles: dict[Style, int] = {}
    rows: list[list[Any]] = []
    for feature in features:
        index = styles.setdefault(feature.style, len(styles))
        if isinstance(feature, Point):
            rows.append([_POINT, feature.id, round(feature.lat, 6), round(feature.lon, 6), feature.label, index])
        elif isinstance(feature, Line):
            rows.append([_LINE, feature.id, _flat(feature.points), feature.label, index])
        else:
            rows.append([_POLYGON, feature.id, [_flat(ring) for ring in feature.rings], feature.label, index])
    return _encode({"id": layer_id, "s": [style_row(style) for style in styles], "f": rows})


def checked_features(layer_id: str, features: Iterable[MapFeature]) -> tuple[MapFeature, ...]:
    items = tuple(features)
    seen: set[str] = set()
    for n, feature in enumerate(items):
        if not isinstance(feature, (Point, Line, Polygon)):
            raise ValueError(f"map layer {layer_id}: item {n} is a {type(feature).__name__}, not a Point, Line "
                             "or Polygon")
        if feature.id in seen:
            raise ValueError(f"map layer {layer_id}: two features have the id {feature.id!r}; a click reports "
                             "the id, so each must be different")
        seen.add(feature.id)
    return items


class PluginMapLayer:
    """One contributed layer: the ``MapLayer`` a plugin holds. Once removed from the map (its plugin
    disabled) it does nothing."""

    def __init__(self, owner: PluginLayers, layer_id: str, title: str | Callable[[], str], visible: bool,
                 guard: Guard) -> None:
        self._owner = owner
        self._id = layer_id
        self._title = title
        self._visible = visible
        self.guard = guard
        self.features: tuple[MapFeature, ...] = ()
        self.legend: tuple[LegendEntry, ...] = ()
        self.callbacks: list[Callable[[str], None]] = []
        self.removed = False

    @property
    def id(self) -> str:
        return self._id

    @property
    def visible(self) -> bool:
        return self._visible

    def title(self) -> str:
        title = self._title
        if not callable(title):
            return title
        text = self.guard(title)
        return text if isinstance(text, str) and text else self._id

    def set_features(self, features: Iterable[MapFeature]) -> None:
        self._owner.check_thread()
        self.features = checked_features(self._id, features)
        if not self.removed:
            self._owner.features_changed(self._id)

    def clear(self) -> None:
        self.set_features(())

    def set_visible(self, visible: bool) -> None:
        self._owner.check_thread()
        if not self.removed:
            self._owner.set_visible(self._id, bool(visible))

    def set_legend(self, entries: Iterable[LegendEntry]) -> None:
        self._owner.check_thread()
        items = tuple(entries)
        for n, entry in enumerate(items):
            if not isinstance(entry, LegendEntry):
                raise ValueError(f"map layer {self._id}: legend item {n} is a {type(entry).__name__}, "
                                 "not a LegendEntry")
        self.legend = items
        if not self.removed:
            self._owner.meta_changed(self._id)

    def on_click(self, callback: Callable[[str], None]) -> None:
        self._owner.check_thread()
        if not callable(callback):
            raise ValueError(f"map layer {self._id}: on_click needs a function of the feature id, not {callback!r}")
        self.callbacks.append(callback)
        if len(self.callbacks) == 1 and not self.removed:
            self._owner.meta_changed(self._id)  # the page lets clicks through a layer nobody listens to

    def mark_visible(self, visible: bool) -> None:
        self._visible = visible

    def meta(self) -> dict[str, Any]:
        legend = []
        for entry in self.legend:
            label = self.guard(entry.text)
            legend.append({"label": label if isinstance(label, str) else "", "shape": entry.shape,
                           "style": style_row(entry.style)})
        return {"id": self._id, "title": self.title(), "visible": self._visible,
                "clickable": bool(self.callbacks), "legend": legend}


class PluginLayers(QObject):
    # --- to the page (connected in dispatch_map.js) --------------------------------------------------
    meta = Signal(str)
    features = Signal(str)
    visibility = Signal(str, bool)
    layerRemoved = Signal(str)  # the page and the desk (the layer menu) alike

    # --- to the desk ---------------------------------------------------------------------------------
    layerAdded = Signal(str)
    layerToggled = Signal(str, bool)  # shown or hidden, by the dispatcher or by the plugin
    featureClicked = Signal(str, str)  # layer id, feature id
    flushed = Signal(str, int)  # layer id, bytes of its features sent

    def __init__(self, parent: QObject | None = None, *, interval_ms: int = 80) -> None:
        super().__init__(parent)
        self._layers: dict[str, PluginMapLayer] = {}
        self._dirty: dict[str, None] = {}  # layer ids whose features the page has not got yet, in order
        self._page_ready = False
        self._interval_ms = interval_ms
        self._last_flush_at = 0.0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    # --- the plugin host's side ------------------------------------------------------------------------

    def add(self, layer_id: str, title: str | Callable[[], str], visible: bool = True, *,
            guard: Guard = log_failures) -> MapLayer:
        """A new layer, empty, listed after the desk's own layers and the layers added before it.
        ``title`` is read again at every language change. Raises ``ValueError`` for an id that is not
        ``<plugin id>.<name>`` or is taken."""
        self.check_thread()
        if not isinstance(layer_id, str) or not LAYER_ID.match(layer_id):
            raise ValueError(f"map layer id {layer_id!r} must be '<plugin id>.<name>' in lower-case letters, "
                             "digits and underscores, like 'shift_log.places'")
        if layer_id in self._layers:
            raise ValueError(f"a map layer {layer_id!r} is already on the map; each layer id is used once")
        layer = self._layers[layer_id] = PluginMapLayer(self, layer_id, title, bool(visible), guard)
        if self._page_ready:
            self.meta.emit(_encode(layer.meta()).decode())
        self.layerAdded.emit(layer_id)
        return layer

    def remove(self, layer_id: str) -> None:
        """Take the layer off the page, the layer menu and the legend; the plugin's object goes inert."""
        self.check_thread()
        layer = self._layers.pop(layer_id, None)
        if layer is None:
            raise KeyError(f"no contributed map layer {layer_id!r}; the layers are {', '.join(self._layers) or 'none'}")
        layer.removed = True
        self._dirty.pop(layer_id, None)
        self.layerRemoved.emit(layer_id)

    def remove_plugin(self, plugin_id: str) -> None:
        """Remove every layer of a plugin (when it is disabled)."""
        for layer_id in [key for key in self._layers if key.split(".", 1)[0] == plugin_id]:
            self.remove(layer_id)

    def ids(self) -> list[str]:
        return list(self._layers)

    def __contains__(self, layer_id: object) -> bool:
        return layer_id in self._layers

    def layer(self, layer_id: str) -> MapLayer:
        return self._layers[layer_id]

    def title(self, layer_id: str) -> str:
        return self._layers[layer_id].title()

    def is_visible(self, layer_id: str) -> bool:
        return self._layers[layer_id].visible

    def set_visible(self, layer_id: str, visible: bool) -> None:
        layer = self._layers[layer_id]
        if layer.visible != visible:
            layer.mark_visible(visible)
            self.layerToggled.emit(layer_id, visible)
        if self._page_ready:
            self.visibility.emit(layer_id, visible)

    def retranslate(self) -> None:
        """Send the titles and legend labels again, in the language of the moment."""
        if self._page_ready:
            for layer in self._layers.values():
                self.meta.emit(_encode(layer.meta()).decode())

    def check_thread(self) -> None:
        if QThread.currentThread() is not self.thread():
            raise RuntimeError("map layers are changed on the desk's GUI thread only; from a worker thread, "
                               "hand the features over with a queued signal")

    # --- sending ----------------------------------------------------------------------------------------

    def meta_changed(self, layer_id: str) -> None:
        if self._page_ready:
            self.meta.emit(_encode(self._layers[layer_id].meta()).decode())

    def features_changed(self, layer_id: str) -> None:
        self._dirty[layer_id] = None
        if self._page_ready and not self._timer.isActive():
            # At most one send per interval, counted from the last one: a plugin redrawing on every event
            # costs the page one message per interval, not one per event.
            since = (time.perf_counter() - self._last_flush_at) * 1000.0
            self._timer.start(max(0, round(self._interval_ms - since)))

    def flush(self) -> int:
        """Send the features of every layer changed since the last send; returns the bytes sent."""
        self._timer.stop()
        if not self._page_ready:
            return 0
        sent = 0
        dirty, self._dirty = self._dirty, {}
        for layer_id in dirty:
            layer = self._layers.get(layer_id)
            if layer is None:
                continue
            text = features_payload(layer_id, layer.features).decode()
            self.features.emit(text)
            self.flushed.emit(layer_id, len(text))
            sent += len(text)
        self._last_flush_at = time.perf_counter()
        return sent

    def page_ready(self) -> None:
        """The (re)loaded page is listening: it gets every layer again."""
        self._page_ready = True
        for layer in self._layers.values():
            self.meta.emit(_encode(layer.meta()).decode())
            self._dirty[layer.id] = None
        self.flush()

    def page_unloaded(self) -> None:
        self._page_ready = False
        self._timer.stop()

    # --- called from the page ---------------------------------------------------------------------------

    @Slot(str, str)
    def clickFeature(self, layer_id: str, feature_id: str) -> None:  # named for JavaScript
        layer = self._layers.get(layer_id)
        if layer is None:
            return  # removed while the click was on its way
        for callback in list(layer.callbacks):
            layer.guard(functools.partial(callback, feature_id))
        self.featureClicked.emit(layer_id, feature_id)

    @Slot(str, bool)
    def layerChanged(self, layer_id: str, visible: bool) -> None:
        layer = self._layers.get(layer_id)
        if layer is not None and layer.visible != visible:
            layer.mark_visible(visible)
            self.layerToggled.emit(layer_id, visible)
