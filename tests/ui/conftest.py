"""UI test set-up: headless Qt, the generated city, compiled catalogues and a workstation factory."""

from __future__ import annotations

import os

# Before anything starts Qt: no display, and QtWebEngine without Chromium's sandbox (it refuses to run as
# root and takes the whole process down). The top-level conftest does this too; this keeps
# ``pytest tests/ui`` working on its own.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent

from dispatch_desktop.app import build_window
from dispatch_desktop.city import generate_city
from dispatch_desktop.domain.city import City
from dispatch_desktop.ui.i18n import CATALOGUE, TRANSLATIONS_DIR, compile_catalogue
from dispatch_desktop.ui.models.state_feed import StateFeed
from dispatch_desktop.ui.workstation import Workstation, WorkstationSettings
from tests.ui.builders import T0
from tests.ui.live_desk import make_desk  # noqa: F401 - the real desk, for the tests that need all of it

NOW = T0 + 3_600_000  # the desk's wall clock in these tests: an hour after the first event


@pytest.fixture(scope="session")
def city() -> City:
    return generate_city()


@pytest.fixture(scope="session")
def translations_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's .ts files with freshly compiled .qm beside them (as the setup builds them)."""
    out = tmp_path_factory.mktemp("translations")
    for ts_file in sorted(TRANSLATIONS_DIR.glob(f"{CATALOGUE}_*.ts")):
        copy = out / ts_file.name
        shutil.copy2(ts_file, copy)
        compile_catalogue(copy, copy.with_suffix(".qm"))
    return out


@pytest.fixture(scope="session")
def map_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache for the run, so the map page is generated once and reused like on a real desk."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture
def make_workstation(qtbot, tmp_path: Path, city: City, translations_dir: Path,  # type: ignore[no-untyped-def]
                     map_cache: Path) -> Iterator[Callable[..., Workstation]]:
    """Builds ``Workstation``s on a fresh StateFeed; every one is closed (saving its layout) at the end."""
    made: list[Workstation] = []

    def make(*, user: str = "dispatcher", language: str = "zh_CN", restore_layout: bool = True,
             config_dir: Path | None = None) -> Workstation:
        feed = StateFeed(min_interval_ms=0)
        window = build_window(city, feed, WorkstationSettings(
            user=user, config_dir=config_dir or tmp_path / "config", cache_dir=map_cache, language=language,
            translations_dir=translations_dir, clock=lambda: NOW, restore_layout=restore_layout,
        ))
        window.open()
        qtbot.addWidget(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()
        window.deleteLater()
    # Delete the pages now, while the web engine profile still exists (it warns at exit otherwise).
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
