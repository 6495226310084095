"""The live map widget: a QWebEngineView on the generated page, wired to the bridge.

The page is generated on a worker thread (folium takes a moment for 255 station areas) and loaded from
its file once ready — never with ``setHtml``, which caps content at 2 MB. ``loadFinished(True)`` only
says the HTML arrived, so the view then asks the page whether Leaflet really loaded before calling the
map usable; ``mapReady`` fires when the page's script has connected to the bridge.
"""

from __future__ import annotations

import contextlib
import html
import logging
import threading
from collections import deque
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.staleness import DEFAULT_STALENESS, StalenessPolicy
from dispatch_desktop.ui.i18n import LanguageManager
from dispatch_desktop.ui.map.bridge import MapBridge
from dispatch_desktop.ui.map.page import build_page
from dispatch_desktop.ui.models.city_model import CityModel
from dispatch_desktop.ui.models.selection import SelectionModel

log = logging.getLogger(__name__)

LOCAL_SCHEMES = frozenset({"file", "qrc", "data", "blob", "about"})
LEAFLET_CHECK = "typeof L === 'object' && typeof window.DispatchMap === 'object' && typeof QWebChannel === 'function'"


class OfflineGuard(QWebEngineUrlRequestInterceptor):
    """Blocks every request from the map page that would leave the machine, except to the configured
    intranet tile server. A desk on a police network must not even try."""

    def __init__(self, allowed_prefixes: tuple[str, ...] = (), parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._allowed = tuple(p for p in allowed_prefixes if p)
        self.blocked: deque[str] = deque(maxlen=200)

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        if url.scheme() in LOCAL_SCHEMES:
            return
        text = url.toString()
        if self._allowed and text.startswith(self._allowed):
            return
        info.block(True)
        self.blocked.append(text)
        log.warning("map page request to %s blocked: the desk works offline", text)


class _MapPage(QWebEnginePage):
    """Stays on the map: a click on a link (an attribution, a tooltip) must not navigate the desk's
    map away, and with no network it could only end on an error page."""

    def acceptNavigationRequest(self, url: QUrl | str, _type: QWebEnginePage.NavigationType,
                                is_main_frame: bool) -> bool:
        url = QUrl(url)
        if url.isLocalFile() or url.scheme() in {"data", "about"}:
            return True
        log.info("map page navigation to %s refused", url.toString())
        return False


class _BuildSignals(QObject):
    built = Signal(str)
    failed = Signal(str)


class MapView(QWebEngineView):
    mapReady = Signal()
    mapFailed = Signal(str)

    def __init__(
        self,
        city: City,
        city_model: CityModel,
        selection: SelectionModel,
        language: LanguageManager | None = None,
        *,
        cache_dir: Path,
        tile_url: str = "",
        staleness: StalenessPolicy = DEFAULT_STALENESS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("map")
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.bridge = MapBridge(city_model, selection, language, city, self, staleness=staleness)
        self.failure = ""
        self.page_file: Path | None = None
        self.leaflet_loaded = False  # the page itself said Leaflet is there (not just "load finished")

        page = _MapPage(self)
        self.guard = OfflineGuard((tile_url.split("{", 1)[0],) if tile_url else (), self)
        page.setUrlRequestInterceptor(self.guard)
        settings = page.settings()
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, True)
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, bool(tile_url))
        self._channel = QWebChannel(page)
        self._channel.registerObject("bridge", self.bridge)
        self._channel.registerObject("pluginLayers", self.bridge.plugin_layers)
        page.setWebChannel(self._channel)
        self.setPage(page)
        page.loadStarted.connect(self.bridge.page_unloaded)
        page.loadFinished.connect(self._on_load_finished)
        self.bridge.pageLoaded.connect(self._on_bridge_ready)

        # Parented to the view: the builder thread holds a reference to it, and were that the last one (a
        # view closed before its page was built) a parentless QObject would be destroyed on that thread.
        self._build_signals = _BuildSignals(self)
        self._build_signals.built.connect(self._on_built)
        self._build_signals.failed.connect(self._fail)
        self._builder = threading.Thread(
            target=_build, args=(city, Path(cache_dir), tile_url, self._build_signals),
            name="map-page-build", daemon=True,
        )
        self._builder.start()

    @property
    def ready(self) -> bool:
        return self.bridge.page_ready and not self.failure

    def run_js(self, script: str, callback: Any = None) -> None:
        """Run ``script`` in the page; ``callback`` gets its result (asynchronously)."""
        if callback is None:
            self.page().runJavaScript(script, 0)
        else:
            self.page().runJavaScript(script, 0, callback)

    def _on_built(self, index: str) -> None:
        self.page_file = Path(index)
        self.load(QUrl.fromLocalFile(index))

    def _on_load_finished(self, ok: bool) -> None:
        if self.failure or self.page_file is None:
            return
        if not ok:
            self._fail(f"the map page did not load: {self.page_file}")
            return
        self.run_js(LEAFLET_CHECK, self._on_leaflet_checked)

    def _on_leaflet_checked(self, result: object) -> None:
        self.leaflet_loaded = result is True
        # No answer at all (None): the page went away before it could give one — the view is being closed,
        # its bridge perhaps already gone — which says nothing about Leaflet.
        if result is False:
            self._fail("Leaflet did not load in the map page (missing lib/leaflet?)")

    def _on_bridge_ready(self) -> None:
        if not self.failure:
            self.mapReady.emit()

    def _fail(self, message: str) -> None:
        log.error("map unavailable: %s", message)
        self.failure = message
        self.bridge.page_unloaded()
        title = self.tr("The map could not be loaded")
        self.setHtml(f"<h3>{html.escape(title)}</h3><p>{html.escape(message)}</p>")
        self.mapFailed.emit(message)


def _build(city: City, cache_dir: Path, tile_url: str, signals: _BuildSignals) -> None:
    try:
        page = build_page(city, cache_dir, tile_url=tile_url)
    except Exception as exc:  # reported to the desk, which shows it instead of a blank map
        log.exception("building the map page failed")
        with contextlib.suppress(RuntimeError):  # the view was closed meanwhile: nobody is left to tell
            signals.failed.emit(f"{type(exc).__name__}: {exc}")
        return
    with contextlib.suppress(RuntimeError):
        signals.built.emit(str(page.index))
