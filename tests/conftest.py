"""Set-up shared by every test area.

The suite runs in two kinds of process (``run-tests.sh`` starts both):

* ``DISPATCH_BLOCK_QT=1``: the Qt-free core (domain, store, bus, city, sim, video). Importing PySide6,
  shiboken6 or pyqtgraph raises ImportError there, so a core module that reaches for Qt fails its
  tests instead of passing on a developer's desktop and breaking a headless server. Run it with
  ``-p no:pytest-qt`` (that plugin imports PySide6 before this file is read).
* otherwise: Qt is allowed but headless: the offscreen platform, and QtWebEngine without Chromium's
  sandbox (which refuses to run as root, making QtWebEngine abort the whole pytest process without a
  word). So a plain ``pytest tests/ui`` works on a machine without a display.

Either way the tests get a throwaway data directory (``DISPATCH_DESKTOP_DATA``) unless one is set, so
no test reads or writes the user's real event store or keys.
"""

from __future__ import annotations

import importlib.abc
import os
import sys
from collections.abc import Iterator, Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType

import pytest

from dispatch_desktop.commands.run import disable_chromium_sandbox

CORE_PACKAGES = ("domain", "store", "bus", "city", "sim", "video", "controllers", "extensions", "api", "record",
                 "replay", "drill", "analytics")
"""The subpackages of dispatch_desktop that must work without Qt (and never import the UI or plugins)."""

QT_PACKAGES = ("PySide6", "shiboken6", "pyqtgraph")

BLOCK_QT = os.environ.get("DISPATCH_BLOCK_QT") == "1"


class QtBlocker(importlib.abc.MetaPathFinder):
    """Makes every Qt import fail, as if Qt were not installed."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname.partition(".")[0] in QT_PACKAGES:
            raise ModuleNotFoundError(
                f"import of {fullname} blocked: this process checks that the core works without Qt "
                "(DISPATCH_BLOCK_QT=1)",
                name=fullname,
            )
        return None


def loaded_qt_modules() -> list[str]:
    return sorted(name for name in sys.modules if name.partition(".")[0] in QT_PACKAGES)


def block_qt() -> None:
    """Installs the blocker; refuses when Qt is already imported, since blocking would then prove nothing."""
    if loaded := loaded_qt_modules():
        raise RuntimeError(
            f"DISPATCH_BLOCK_QT=1 but {', '.join(loaded[:3])} is already imported "
            "(by a pytest plugin? run pytest with -p no:pytest-qt)"
        )
    if not any(isinstance(finder, QtBlocker) for finder in sys.meta_path):
        sys.meta_path.insert(0, QtBlocker())


def pytest_configure(config: pytest.Config) -> None:
    if BLOCK_QT:
        try:
            block_qt()
        except RuntimeError as error:
            raise pytest.UsageError(str(error)) from None
    else:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        disable_chromium_sandbox(os.environ)


@pytest.fixture(autouse=True, scope="session")
def _throwaway_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Keeps every test away from the user's real data dir (pytest prunes its old temp dirs)."""
    if os.environ.get("DISPATCH_DESKTOP_DATA"):
        yield
        return
    os.environ["DISPATCH_DESKTOP_DATA"] = str(tmp_path_factory.mktemp("data"))
    yield
    del os.environ["DISPATCH_DESKTOP_DATA"]


if not BLOCK_QT:

    @pytest.fixture(autouse=True, scope="session")
    def _gui_thread_garbage_collection(qapp):  # type: ignore[no-untyped-def]
        """As in the application (app.main): Python's cyclic collector runs on the GUI thread only, so no
        test's Qt objects are destroyed on a bus or worker thread (see dispatch_desktop/ui/gui_thread_gc.py).
        The timer collects while a test waits on Qt; each test's own garbage is collected at its end."""
        from dispatch_desktop.ui.gui_thread_gc import GuiThreadCollector

        collector = GuiThreadCollector(qapp)
        yield collector
        collector.stop()

    @pytest.fixture(autouse=True)
    def _collect_after_each_test(_gui_thread_garbage_collection):  # type: ignore[no-untyped-def]
        yield
        _gui_thread_garbage_collection.collect_due()
