"""The shift log as installed: a distribution the desk discovers through its entry point, a plugin that
passes ``dispatch-desktop plugins validate``, whose schema the hub can import without Qt, and whose every
text reads in Chinese from the catalogue it ships."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import shift_log
from PySide6.QtCore import QTranslator

from dispatch_desktop.api import API_VERSION
from dispatch_desktop.extensions.discovery import discover
from dispatch_desktop.extensions.manifest import Manifest
from dispatch_desktop.extensions.validate import validate_plugin
from tests.plugins.catalogue_checks import messages, texts_in, untranslated

PACKAGE = Path(shift_log.__file__).parent
PROJECT = PACKAGE.parent
CATALOGUE = PACKAGE / "translations" / "shift_log_zh_CN.ts"
TRANSLATING_CALLS = ("tr", "_tr", "translatable")
"""desk.tr("…") and the panel's self._tr("…") translate; translatable("…") marks a text translated later."""


def _installed() -> Manifest:
    [found] = [plugin for plugin in discover() if plugin.id == "shift_log"]
    assert found.loadable, found.problems
    assert (found.distribution, found.distribution_version) == ("dispatch-desktop-shift-log", "1.0.0")
    assert found.manifest is not None
    return found.manifest


def test_the_installed_distribution_is_found_through_its_entry_point_with_a_valid_manifest() -> None:
    manifest = _installed()
    assert manifest.supports(API_VERSION)
    assert [panel.id for panel in manifest.panels] == ["shift_log.entries"]
    assert (manifest.panels[0].area, manifest.panels[0].tab_group) == ("right", "core.dispatch")
    assert [(action.id, action.key) for action in manifest.incident_actions] == [
        ("shift_log.note_incident", "Ctrl+Shift+L")]
    assert [layer.id for layer in manifest.map_layers] == ["shift_log.places"]
    assert manifest.source is not None and (manifest.source.parent / manifest.translations).is_dir()


def test_the_source_tree_passes_plugins_validate() -> None:
    result = validate_plugin(PROJECT)
    assert result.problems == []


def test_the_hub_and_the_command_line_import_the_schema_and_settings_without_qt() -> None:
    modules = "shift_log.events, shift_log.settings, shift_log.shifts, shift_log.book, shift_log.session, " \
              "shift_log.places"
    check = (f"import sys; import {modules}; "
             "print(sorted(m for m in sys.modules if m.partition('.')[0] in ('PySide6', 'shiboken6')))")
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def _catalogue() -> dict[str, str]:
    return messages(CATALOGUE, "shift_log")  # desk.tr translates in the plugin id's context


def test_every_text_the_plugin_shows_is_translated_in_its_catalogue_and_no_other() -> None:
    manifest = _installed()
    shown = texts_in(PACKAGE.glob("*.py"), TRANSLATING_CALLS) | {
        manifest.name, manifest.description, *(panel.title for panel in manifest.panels),
        *(layer.title for layer in manifest.map_layers), *(action.title for action in manifest.incident_actions)}
    catalogue = _catalogue()
    assert sorted(shown - catalogue.keys()) == [], "texts missing from the catalogue"
    assert sorted(catalogue.keys() - shown) == [], "texts the plugin no longer shows"
    assert untranslated(shown, catalogue) == []


def test_the_shipped_qm_is_the_compiled_catalogue() -> None:
    translator = QTranslator()
    assert translator.load(str(CATALOGUE.with_suffix(".qm")))
    stale = {source: translator.translate("shift_log", source) for source, translation in _catalogue().items()
             if translator.translate("shift_log", source) != translation}
    assert stale == {}, "compile the .ts again (plugins/shift_log/README.md says how)"
