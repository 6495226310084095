"""Throwaway plugin distributions, installed without pip: a package folder and a ``*.dist-info`` folder
(METADATA and entry_points.txt) in a directory put on sys.path, where importlib.metadata finds them like
an installed wheel."""

from __future__ import annotations

import importlib
import importlib.metadata
import sys
import textwrap
from pathlib import Path

from dispatch_desktop.extensions.discovery import ENTRY_POINT_GROUP


def manifest_text(plugin_id: str, *, api: str = ">=1.0,<2", extra: str = "", version: str = "1.0.0") -> str:
    """A valid manifest for a plugin whose package is named like its id, plus ``extra`` TOML."""
    return textwrap.dedent(f"""\
        [plugin]
        id = "{plugin_id}"
        name = "{plugin_id.replace("_", " ").capitalize()}"
        version = "{version}"
        api = "{api}"
        module = "{plugin_id}.plugin"
        """) + textwrap.dedent(extra)


class PluginDists:
    """Makes plugin distributions under ``root`` (on sys.path for the test); forgets their modules after."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.packages: set[str] = set()

    def make(self, package: str, manifest: str | None = None, files: dict[str, str] | None = None, *,
             distribution: str = "", version: str = "1.0.0", entry_point: str = "") -> Path:
        """Writes ``package`` (an ``__init__.py``, ``manifest`` unless None, ``files`` by relative path) and
        a distribution declaring it; returns the package folder."""
        folder = self.root / package
        folder.mkdir(parents=True, exist_ok=True)
        self.packages.add(package)
        contents = {"__init__.py": "", "plugin.py": "", **(files or {})}
        for relative, text in contents.items():
            path = folder / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(textwrap.dedent(text), encoding="utf-8")
        if manifest is not None:
            (folder / "dispatch_plugin.toml").write_text(manifest, encoding="utf-8")
        distribution = distribution or f"dispatch-{package.replace('_', '-')}"
        info = self.root / f"{distribution.replace('-', '_')}-{version}.dist-info"
        info.mkdir(exist_ok=True)
        (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {distribution}\nVersion: {version}\n",
                                       encoding="utf-8")
        value = entry_point or f"{package}:dispatch_plugin.toml"
        (info / "entry_points.txt").write_text(f"[{ENTRY_POINT_GROUP}]\n{package} = {value}\n", encoding="utf-8")
        importlib.invalidate_caches()
        return folder

    def entry_points(self) -> list[importlib.metadata.EntryPoint]:
        """The entry points of these distributions only (not of plugins installed in the venv)."""
        return [entry_point for dist in importlib.metadata.distributions(path=[str(self.root)])
                for entry_point in dist.entry_points if entry_point.group == ENTRY_POINT_GROUP]

    def forget_modules(self) -> None:
        for name in list(sys.modules):
            if name.partition(".")[0] in self.packages:
                del sys.modules[name]

