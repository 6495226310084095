"""A desk started with DISPATCH_DESKTOP_DATA keeps its layouts and caches in that directory, so a second
desk on the same machine (or a portable install) shares nothing with the first."""

from __future__ import annotations

from pathlib import Path

import pytest

from dispatch_desktop.ui.workstation import WorkstationSettings


def test_layouts_and_caches_live_in_the_data_dir_when_one_is_set(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISPATCH_DESKTOP_DATA", str(tmp_path / "desk-2"))
    settings = WorkstationSettings(user="dispatcher")
    assert settings.resolved_config_dir() == tmp_path / "desk-2" / "config"
    assert settings.resolved_cache_dir() == tmp_path / "desk-2" / "cache"
    chosen = WorkstationSettings(user="dispatcher", config_dir=tmp_path / "mine", cache_dir=tmp_path / "c")
    assert (chosen.resolved_config_dir(), chosen.resolved_cache_dir()) == (tmp_path / "mine", tmp_path / "c")


def test_without_a_data_dir_they_follow_the_platform(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DISPATCH_DESKTOP_DATA", raising=False)
    settings = WorkstationSettings(user="dispatcher")
    assert settings.resolved_config_dir() != settings.resolved_cache_dir()
    assert settings.resolved_config_dir().name == settings.resolved_cache_dir().name == "dispatch-desktop"
