"""Throwaway plugins for desk tests: a package written to a folder on sys.path, its manifest read as
discovery reads an installed one. Each gets a fresh id, so Python's module cache never mixes two tests'
plugins."""

from __future__ import annotations

import itertools
import sys
import textwrap
from pathlib import Path
from typing import Any

from dispatch_desktop.extensions.discovery import Discovered, load_manifest_path
from dispatch_desktop.ui.plugins.guard import Fault

_numbers = itertools.count(1)

GOOD_HOOKS = '''
from dispatch_desktop.api import hookimpl

@hookimpl
def activate(desk):
    pass
'''


def write_plugin(root: Path, base: str, files: dict[str, str], *, manifest: str = "") -> Discovered:
    """A plugin ``<base>_<n>`` under ``root`` (put on sys.path): ``files`` maps module names (``hooks``,
    ``panel``…) to their code, in which ``PLUGIN`` stands for the plugin's id; ``manifest`` is added to the
    manifest after its ``[plugin]`` table (with ``PLUGIN`` replaced too). The hooks module is ``hooks``."""
    plugin_id = f"{base}_{next(_numbers)}"
    package = root / plugin_id
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("")
    for module, code in {"hooks": GOOD_HOOKS, **files}.items():
        (package / f"{module}.py").write_text(textwrap.dedent(code).replace("PLUGIN", plugin_id))
    (package / "dispatch_plugin.toml").write_text(textwrap.dedent(f'''
        [plugin]
        id = "{plugin_id}"
        name = "Test plugin {plugin_id}"
        version = "0.1.0"
        api = ">=1.0,<2"
        module = "{plugin_id}.hooks"
        ''') + textwrap.dedent(manifest).replace("PLUGIN", plugin_id))
    if str(root) not in sys.path:
        sys.path.insert(0, str(root))
    found = load_manifest_path(package)
    return Discovered(found, (), f"test-{plugin_id}", "0.1.0", f"{plugin_id} = {plugin_id}:dispatch_plugin.toml")


def failures(desk: Any, plugin_id: str) -> list[Fault]:
    """The plugin's faults other than holding the desk too long: whether a call takes 90 or 110 ms depends on
    how busy the machine is, so a test of what a plugin does asserts these; holding is tested on its own
    (tests/ui/test_plugin_isolation.py), with margins no machine's load crosses."""
    return [fault for fault in desk.plugins.host.guard.faults(plugin_id) if not fault.hold]
