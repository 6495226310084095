"""Fixtures of the plugin host's tests: throwaway plugin distributions and a user of one's own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.extensions.plugin_dists import PluginDists


@pytest.fixture
def plugin_dists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[PluginDists]:
    root = tmp_path / "site"
    root.mkdir()
    monkeypatch.syspath_prepend(str(root))
    dists = PluginDists(root)
    yield dists
    dists.forget_modules()


@pytest.fixture
def user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data dir of this test's own, so that choices, settings and the sentinel start empty."""
    data = tmp_path / "data"
    monkeypatch.setenv("DISPATCH_DESKTOP_DATA", str(data))
    return data


@pytest.fixture
def source_tree(tmp_path: Path) -> Iterator[PluginDists]:
    """Plugins' source folders that are not installed (not on sys.path), for ``plugins validate``."""
    tree = PluginDists(tmp_path / "tree")
    yield tree
    tree.forget_modules()
