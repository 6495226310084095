"""Each plugin's settings per user: defaults until saved, and defaults (with the file kept) when damaged."""

from __future__ import annotations

from pathlib import Path

import msgspec
import pytest

from dispatch_desktop.extensions.discovery import discover
from dispatch_desktop.extensions.manifest import Manifest
from dispatch_desktop.extensions.paths import plugin_data_dir
from dispatch_desktop.extensions.settings import PluginSettings, SettingsError, settings_schema
from tests.extensions.plugin_dists import PluginDists, manifest_text


class Settings(msgspec.Struct, frozen=True):
    shift_hours: int = 12
    printer: str = ""


def test_settings_are_the_defaults_until_saved_then_what_was_saved(tmp_path: Path) -> None:
    store = PluginSettings("night_log", Settings, tmp_path)
    assert store.load() == Settings()
    store.save(Settings(shift_hours=8, printer="lp0"))
    assert PluginSettings("night_log", Settings, tmp_path).load() == Settings(shift_hours=8, printer="lp0")
    assert store.warning is None


def test_a_setting_the_file_lacks_takes_its_default_and_one_no_longer_declared_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "night_log.json").write_text('{"printer": "lp1", "colour": "red"}', encoding="utf-8")
    store = PluginSettings("night_log", Settings, tmp_path)
    assert store.load() == Settings(printer="lp1")
    assert store.warning is None


@pytest.mark.parametrize("text", ['{"shift_hours": 8, "prin', '{"shift_hours": "eight"}', "[]"])
def test_damaged_or_no_longer_valid_settings_fall_back_to_defaults_and_are_kept(tmp_path: Path, text: str) -> None:
    (tmp_path / "night_log.json").write_text(text, encoding="utf-8")
    store = PluginSettings("night_log", Settings, tmp_path)
    assert store.load() == Settings()
    assert store.warning is not None
    assert f"The settings of plugin night_log in {tmp_path / 'night_log.json'} are damaged" in store.warning
    assert f"kept as {tmp_path / 'night_log.json.bad'}" in store.warning
    assert (tmp_path / "night_log.json.bad").read_text(encoding="utf-8") == text
    assert not (tmp_path / "night_log.json").exists()


def test_saving_something_else_than_the_declared_struct_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="settings must be a Settings"):
        PluginSettings("night_log", Settings, tmp_path).save(msgspec.Struct())  # type: ignore[arg-type]


def _manifest(plugin_dists: PluginDists, settings_source: str) -> Manifest:
    extra = 'settings = "night_log.settings:Settings"\n'
    plugin_dists.make("night_log", manifest_text("night_log", extra=extra), {"settings.py": settings_source})
    (found,) = discover(plugin_dists.entry_points())
    assert found.manifest is not None
    return found.manifest


def test_the_declared_settings_struct_is_imported_from_the_plugin(plugin_dists: PluginDists) -> None:
    manifest = _manifest(plugin_dists, "import msgspec\nclass Settings(msgspec.Struct):\n    hours: int = 12\n")
    schema = settings_schema(manifest)
    assert schema is not None and schema.__name__ == "Settings"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import msgspec\nclass Settings(msgspec.Struct):\n    hours: int\n", "needs a default for every field"),
        ("class Settings:\n    hours = 12\n", "is not a msgspec.Struct class"),
        ("raise RuntimeError('no printer')\n", "importing night_log.settings failed: RuntimeError: no printer"),
        ("", "night_log.settings has no attribute Settings"),
    ],
)
def test_an_unusable_settings_struct_is_named_with_the_reason(plugin_dists: PluginDists, source: str,
                                                              expected: str) -> None:
    with pytest.raises(SettingsError) as raised:
        settings_schema(_manifest(plugin_dists, source))
    assert "plugin night_log: plugin.settings 'night_log.settings:Settings'" in str(raised.value)
    assert expected in str(raised.value)


def test_settings_and_data_live_in_the_users_dirs_by_default(user_data: Path) -> None:
    PluginSettings("night_log", Settings).save(Settings())
    assert (user_data / "config" / "plugins" / "night_log.json").is_file()
    assert plugin_data_dir("night_log") == user_data / "plugins" / "night_log"
    assert (user_data / "plugins" / "night_log").is_dir()
