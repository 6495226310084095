"""Which plugins start: the user's choices (kept across plugins that come and go, and across a damaged
file), the API range, and the plugin that crashed the last start."""

from __future__ import annotations

from pathlib import Path

from dispatch_desktop.extensions import sentinel
from dispatch_desktop.extensions.discovery import Discovered, discover
from dispatch_desktop.extensions.state import CRASHED_MESSAGE, PluginStates
from dispatch_desktop.extensions.status import Status, plugin_statuses, start_plugins
from tests.extensions.plugin_dists import PluginDists, manifest_text


def _installed(plugin_dists: PluginDists, *ids: str, api: str = ">=1.0,<2") -> list[Discovered]:
    for plugin_id in ids:
        plugin_dists.make(plugin_id, manifest_text(plugin_id, api=api))
    return discover(plugin_dists.entry_points())


def _statuses(discovered: list[Discovered], directory: Path) -> dict[str, Status]:
    return {status.id: status.status for status in plugin_statuses(discovered, PluginStates.load(directory))}


def test_plugins_start_enabled_and_a_disabled_one_stays_disabled_for_the_next_run(
        plugin_dists: PluginDists, tmp_path: Path) -> None:
    discovered = _installed(plugin_dists, "radio", "night_log")
    assert _statuses(discovered, tmp_path) == {"radio": Status.ENABLED, "night_log": Status.ENABLED}
    states = PluginStates.load(tmp_path)
    states.disable("night_log")
    states.save()
    assert _statuses(discovered, tmp_path) == {"radio": Status.ENABLED, "night_log": Status.DISABLED}
    states = PluginStates.load(tmp_path)
    states.enable("night_log")
    states.save()
    assert _statuses(discovered, tmp_path)["night_log"] is Status.ENABLED


def test_a_disabled_plugin_that_was_uninstalled_is_missing_and_its_choice_kept(
        plugin_dists: PluginDists, tmp_path: Path) -> None:
    states = PluginStates.load(tmp_path)
    states.disable("gone")
    states.save()
    discovered = _installed(plugin_dists, "radio")
    statuses = plugin_statuses(discovered, PluginStates.load(tmp_path))
    assert [(s.id, s.status) for s in statuses] == [("radio", Status.ENABLED), ("gone", Status.MISSING)]
    assert "no longer installed" in statuses[1].detail
    states = PluginStates.load(tmp_path)
    states.disable("radio")
    states.save()  # saving keeps the missing plugin's choice: it applies again if the plugin comes back
    assert not PluginStates.load(tmp_path).is_enabled("gone")


def test_a_damaged_choices_file_is_set_aside_and_every_plugin_starts(plugin_dists: PluginDists, tmp_path: Path) -> None:
    (tmp_path / "plugins.json").write_text('{"format": 1, "plugins": {"radio": {"enabled": fal', encoding="utf-8")
    states = PluginStates.load(tmp_path)
    assert states.warning is not None
    assert str(tmp_path / "plugins.json") in states.warning and "every plugin starts enabled" in states.warning
    assert (tmp_path / "plugins.json.bad").read_text(encoding="utf-8").startswith('{"format": 1')
    assert _statuses(_installed(plugin_dists, "radio"), tmp_path) == {"radio": Status.ENABLED}
    states.disable("radio")
    states.save()
    assert PluginStates.load(tmp_path).warning is None


def test_a_choices_file_of_the_wrong_shape_is_damaged_too(tmp_path: Path) -> None:
    (tmp_path / "plugins.json").write_text('{"plugins": {"radio": {"enabled": "no"}}}', encoding="utf-8")
    states = PluginStates.load(tmp_path)
    assert states.warning is not None and "Expected `bool`" in states.warning
    assert states.is_enabled("radio")


def test_a_choices_file_of_another_format_is_set_aside_not_misread(tmp_path: Path) -> None:
    (tmp_path / "plugins.json").write_text('{"format": 2, "plugins": {"radio": {"enabled": false}}}', encoding="utf-8")
    states = PluginStates.load(tmp_path)
    assert states.warning is not None and "it is of format 2, this desk reads 1" in states.warning
    assert states.is_enabled("radio") and (tmp_path / "plugins.json.bad").exists()


def test_a_plugin_for_another_api_is_incompatible_whatever_the_user_chose(
        plugin_dists: PluginDists, tmp_path: Path) -> None:
    discovered = _installed(plugin_dists, "old_radio", api=">=0.1,<1")
    (status,) = plugin_statuses(discovered, PluginStates.load(tmp_path), api_version="1.0")
    assert status.status is Status.INCOMPATIBLE
    assert "supports the plugin API >=0.1,<1; this desk offers 1.0" in status.detail
    (status,) = plugin_statuses(discovered, PluginStates.load(tmp_path), api_version="0.5")
    assert status.status is Status.ENABLED


def test_a_broken_manifest_is_a_status_with_its_problems(plugin_dists: PluginDists, tmp_path: Path) -> None:
    plugin_dists.make("radio", manifest_text("radio").replace('version = "1.0.0"', 'version = "new"'))
    (status,) = plugin_statuses(discover(plugin_dists.entry_points()), PluginStates.load(tmp_path))
    assert status.status is Status.BROKEN and 'plugin.version is "new"' in status.detail
    assert (status.name, status.version) == ("", "1.0.0")  # the distribution's version when the manifest is unread


def test_the_sentinel_names_the_plugin_being_activated_until_disarmed(tmp_path: Path) -> None:
    assert sentinel.left_by_last_run(tmp_path) is None
    sentinel.arm("radio", tmp_path)
    sentinel.arm("night_log", tmp_path)
    assert sentinel.left_by_last_run(tmp_path) == "night_log"
    sentinel.disarm(tmp_path)
    assert sentinel.left_by_last_run(tmp_path) is None
    sentinel.disarm(tmp_path)  # twice is fine


def test_a_sentinel_that_holds_no_plugin_id_blames_no_one(tmp_path: Path) -> None:
    (tmp_path / sentinel.SENTINEL_FILE).write_bytes(b"\x00\x00")
    assert sentinel.left_by_last_run(tmp_path) is None


def test_the_plugin_that_crashed_the_last_start_is_disabled_with_a_message_until_re_enabled(
        plugin_dists: PluginDists, tmp_path: Path) -> None:
    discovered = _installed(plugin_dists, "radio", "night_log")
    sentinel.arm("night_log", tmp_path)  # ... and the process died
    statuses = start_plugins(discovered, PluginStates.load(tmp_path), sentinel_dir=tmp_path)
    assert [(s.id, s.status) for s in statuses] == [("night_log", Status.CRASHED), ("radio", Status.ENABLED)]
    assert statuses[0].detail == CRASHED_MESSAGE
    assert sentinel.left_by_last_run(tmp_path) is None
    # the next start remembers it (the choice is saved), until the user enables it again
    assert _statuses(discovered, tmp_path)["night_log"] is Status.CRASHED
    states = PluginStates.load(tmp_path)
    states.enable("night_log")
    states.save()
    statuses = start_plugins(discovered, PluginStates.load(tmp_path), sentinel_dir=tmp_path)
    assert [s.status for s in statuses] == [Status.ENABLED, Status.ENABLED]


def test_the_sentinel_and_choices_live_in_the_users_dirs_by_default(user_data: Path) -> None:
    sentinel.arm("radio")
    assert (user_data / "state" / sentinel.SENTINEL_FILE).is_file()
    states = PluginStates.load()
    states.disable("radio")
    states.save()
    assert (user_data / "config" / "plugins.json").is_file()
