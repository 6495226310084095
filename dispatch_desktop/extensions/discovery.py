"""The installed plugins: entry points of the group ``dispatch_desktop.plugins``, each naming the manifest
inside the plugin's top-level package (npe2-style)::

    [project.entry-points."dispatch_desktop.plugins"]
    shift_log = "shift_log:dispatch_plugin.toml"

The package is located with ``importlib.util.find_spec``, which does not execute it, so a plugin whose
``__init__`` raises is still listed with its manifest (and fails later, guarded, when activated). Every
plugin found is a ``Discovered``, broken or not: the plugin manager and ``plugins list`` show them all.
Two plugins of the same id are both reported and neither is loaded: which one the user meant is not ours
to guess.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from dispatch_desktop.extensions.manifest import MANIFEST_NAME, Manifest, read_manifest
from dispatch_desktop.extensions.problems import ManifestError, Problem

ENTRY_POINT_GROUP = "dispatch_desktop.plugins"
_TOP_LEVEL = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True, slots=True)
class Discovered:
    """One installed plugin as found. ``manifest`` is None when it could not be read; ``problems`` says
    why, and also holds a duplicate id (then the manifest is kept for display but the plugin not loaded).
    """

    manifest: Manifest | None
    problems: tuple[Problem, ...]
    distribution: str
    distribution_version: str
    entry_point: str  # "name = value", as installed

    @property
    def id(self) -> str:
        """The manifest's id, else the entry point's name (what the user can recognise)."""
        return self.manifest.id if self.manifest else self.entry_point.partition(" = ")[0]

    @property
    def loadable(self) -> bool:
        return self.manifest is not None and not self.problems


def discover(entry_points: Iterable[importlib.metadata.EntryPoint] | None = None) -> list[Discovered]:
    """Every plugin installed (or given), sorted by id. Never raises for a plugin's fault."""
    if entry_points is None:
        entry_points = importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)
    found: list[Discovered] = []
    seen: set[tuple[str, str]] = set()
    for entry_point in entry_points:
        distribution = entry_point.dist
        name = distribution.name if distribution else "?"
        # The same distribution seen twice on sys.path (an egg-info next to site-packages) is one plugin.
        key = (name.lower().replace("_", "-"), entry_point.value)
        if key in seen:
            continue
        seen.add(key)
        found.append(_examine(entry_point, name, distribution.version if distribution else "?"))
    return sorted(_refuse_duplicates(found), key=lambda plugin: (plugin.id, plugin.distribution))


def _examine(entry_point: importlib.metadata.EntryPoint, distribution: str, version: str) -> Discovered:
    described = f"{entry_point.name} = {entry_point.value}"
    where = f"entry point {described} of {distribution} {version}"
    try:
        path = locate_manifest(entry_point.value)
        manifest = read_manifest(path)
    except ManifestError as error:
        problems = tuple(problem if problem.source != "" else replace(problem, source=where)
                         for problem in error.problems)
        return Discovered(None, problems, distribution, version, described)
    return Discovered(manifest, (), distribution, version, described)


def locate_manifest(value: str) -> Path:
    """The manifest file named by an entry point's value ``package:file``, found without importing the
    package; ManifestError (with an empty source, filled in by the caller) when it cannot be."""
    package, separator, file_name = value.partition(":")
    package, file_name = package.strip(), file_name.strip()

    def problem(message: str) -> ManifestError:
        return ManifestError([Problem("", "", message)])

    if not separator or not _TOP_LEVEL.match(package) or not file_name or Path(file_name).is_absolute() \
            or ".." in Path(file_name).parts:
        raise problem(f'the value {value!r} must name a top-level package and the manifest inside it, '
                      f'like "shift_log:{MANIFEST_NAME}".')
    try:
        spec = importlib.util.find_spec(package)
    except Exception as error:  # a meta path finder of someone else's may raise anything
        raise problem(f"the package {package} cannot be located: {type(error).__name__}: {error}.") from None
    if spec is None:
        raise problem(f"the package {package} is not installed; reinstall the plugin's distribution.")
    if not spec.submodule_search_locations:
        raise problem(f"{package} is a module, not a package: the manifest must be inside a package folder.")
    candidates = [Path(folder) / file_name for folder in spec.submodule_search_locations]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise problem(f"the manifest {candidates[0]} does not exist; the distribution must include it "
                  "(package data).")


def _refuse_duplicates(found: list[Discovered]) -> list[Discovered]:
    by_id: dict[str, list[Discovered]] = {}
    for plugin in found:
        if plugin.manifest is not None:
            by_id.setdefault(plugin.id, []).append(plugin)
    result = []
    for plugin in found:
        others = [other for other in by_id.get(plugin.id, []) if other is not plugin]
        if plugin.manifest is not None and others:
            owners = ", ".join(f"{other.distribution} {other.distribution_version}" for other in others)
            problem = Problem(str(plugin.manifest.source or plugin.entry_point), "plugin.id",
                              f'plugin.id "{plugin.id}" is also the id of {owners}; neither is loaded: '
                              "uninstall one of them.")
            plugin = replace(plugin, problems=(*plugin.problems, problem))
        result.append(plugin)
    return result


def load_manifest_path(path: Path) -> Manifest:
    """The manifest of a plugin's source tree (``plugins validate PATH``): ``path`` is the manifest itself,
    or a folder holding it, its package folder, or a project whose ``pyproject.toml`` declares the entry
    point. ManifestError when none or several are found, or when the manifest is not valid."""
    return read_manifest(find_manifest_file(path))


def find_manifest_file(path: Path) -> Path:
    """The manifest file ``load_manifest_path`` reads (see there)."""
    if path.is_file():
        return path
    if not path.is_dir():
        raise ManifestError([Problem(str(path), "", "there is no such file or folder.")])
    declared = _declared_in_pyproject(path)
    if declared is not None:
        return declared
    candidates = [path / MANIFEST_NAME, *sorted(path.glob(f"*/{MANIFEST_NAME}")),
                  *sorted(path.glob(f"src/*/{MANIFEST_NAME}"))]
    existing = [candidate for candidate in candidates if candidate.is_file()]
    if len(existing) == 1:
        return existing[0]
    if not existing:
        raise ManifestError([Problem(str(path), "", f"no {MANIFEST_NAME} in this folder, its packages or src/; "
                                                    "give the manifest's path.")])
    raise ManifestError([Problem(str(path), "", f"several manifests: {', '.join(map(str, existing))}; "
                                                "give the one to check.")])


def _declared_in_pyproject(project: Path) -> Path | None:
    try:
        data = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return None
    project_table = data.get("project", {})
    groups = project_table.get("entry-points", {}) if isinstance(project_table, dict) else {}
    declared = groups.get(ENTRY_POINT_GROUP, {}) if isinstance(groups, dict) else {}
    for value in declared.values() if isinstance(declared, dict) else ():
        package, _, file_name = str(value).partition(":")
        for root in (project, project / "src"):
            candidate = root / package.strip() / file_name.strip()
            if candidate.is_file():
                return candidate
    return None
