"""``dispatch-desktop plugins validate PATH``: everything that can be checked about a plugin's source tree
without a desk. First the manifest's static rules (``manifest``); then, in this process, the imports the
desk and the hub would make, each problem named by its manifest field:

1. the event schemas and the settings struct, first and watched: the hub and the command line import
   them in processes without Qt, so importing Qt there is a problem; schemas must be frozen Structs,
   settings a Struct with a default for every field;
2. ``plugin.module``, its ``@hookimpl`` functions checked against the desk's hookspecs (pluggy);
3. every factory, handler, enabled-predicate and command entry: importable and callable;
4. the translations folder, if declared.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pluggy

from dispatch_desktop.api.hookspecs import PROJECT, DeskHooks
from dispatch_desktop.extensions.discovery import find_manifest_file
from dispatch_desktop.extensions.manifest import Manifest, read_manifest
from dispatch_desktop.extensions.policy import SchemaError, event_schema
from dispatch_desktop.extensions.problems import ManifestError
from dispatch_desktop.extensions.references import LoadError, load_reference
from dispatch_desktop.extensions.settings import SettingsError, settings_schema

QT_PACKAGES = ("PySide6", "shiboken6", "pyqtgraph", "PyQt5", "PyQt6")


@dataclass
class Validation:
    """What ``validate_plugin`` found: ``problems`` (sentences, each naming file or field and value) and
    the manifest, when it could be read."""

    path: Path
    manifest: Manifest | None = None
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def validate_plugin(path: Path) -> Validation:
    """Checks the plugin at ``path`` (its source folder, package folder or manifest file)."""
    result = Validation(path)
    try:
        manifest_path = find_manifest_file(path)
        manifest = read_manifest(manifest_path)
    except ManifestError as error:
        result.problems += [str(problem) for problem in error.problems]
        return result
    result.manifest = manifest
    where = str(manifest_path)
    with _importable(manifest_path.parent.parent):
        result.problems += [f"{where}: {problem}" for problem in _import_problems(manifest)]
    if manifest.translations and not (manifest_path.parent / manifest.translations).is_dir():
        result.problems.append(f"{where}: plugin.translations is {manifest.translations!r}, but there is no such "
                               f"folder in {manifest_path.parent}.")
    return result


@contextmanager
def _importable(root: Path) -> Iterator[None]:
    """The source tree first on sys.path (before an installed copy of the same plugin) while checking."""
    entry = str(root.resolve())
    sys.path.insert(0, entry)
    importlib.invalidate_caches()
    try:
        yield
    finally:
        if entry in sys.path:
            sys.path.remove(entry)


def _qt_loaded() -> set[str]:
    return {name for name in sys.modules if name.partition(".")[0] in QT_PACKAGES}


def _import_problems(manifest: Manifest) -> Iterator[str]:
    yield from _qt_free_problems(manifest)
    yield from _module_problems(manifest)
    for kind, specs in (("panels", manifest.panels), ("incident_actions", manifest.incident_actions)):
        for index, spec in enumerate(specs):
            for name in ("factory", "handler", "enabled"):
                reference = getattr(spec, name, "")
                if reference:
                    yield from _callable_problems(f"{kind}[{index}].{name}", reference)
    for index, command in enumerate(manifest.commands):
        yield from _callable_problems(f"commands[{index}].entry", command.entry)


def _qt_free_problems(manifest: Manifest) -> Iterator[str]:
    watch = not _qt_loaded()  # with Qt already imported, a schema's own import of it cannot be told apart
    for index, spec in enumerate(manifest.events):
        before = _qt_loaded()
        try:
            event_schema(manifest, index)
        except SchemaError as error:
            yield str(error)
            continue
        if watch and (qt := sorted(_qt_loaded() - before)):
            yield (f"events[{index}].schema {spec.schema!r}: importing it imported {qt[0]}; the hub imports event "
                   "schemas in a process without Qt, so keep the schema module free of Qt.")
            watch = False
    before = _qt_loaded()
    try:
        settings_schema(manifest)
    except SettingsError as error:
        yield str(error)
        return
    if watch and manifest.settings and (qt := sorted(_qt_loaded() - before)):
        yield (f"plugin.settings {manifest.settings!r}: importing it imported {qt[0]}; the plugin's commands read "
               "settings without Qt, so keep the settings module free of Qt.")


def _module_problems(manifest: Manifest) -> Iterator[str]:
    try:
        module = importlib.import_module(manifest.module)
    except (Exception, SystemExit) as error:
        yield f"plugin.module {manifest.module!r}: importing it failed: {type(error).__name__}: {error}"
        return
    hooks = pluggy.PluginManager(PROJECT)
    hooks.add_hookspecs(DeskHooks)
    try:
        hooks.register(module, name=manifest.id)
    except pluggy.PluginValidationError as error:
        detail = "; ".join(line.strip() for line in str(error).splitlines() if line.strip())  # one problem, one line
        yield f"plugin.module {manifest.module!r}: a @hookimpl does not match the desk's hooks: {detail}"


def _callable_problems(field_path: str, reference: str) -> Iterator[str]:
    try:
        target = load_reference(reference)
    except LoadError as error:
        yield f"{field_path} {reference!r}: {error}"
        return
    if not callable(target):
        yield f"{field_path} {reference!r} is a {type(target).__name__}, not something the desk can call."
