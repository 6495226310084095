"""The layering the project depends on: the core works without Qt and knows nothing of the UI or plugins.

Three independent checks, because each catches what the others miss: import-linter follows the import
graph (indirect imports too), the source scan also sees imports inside functions and
``importlib.import_module("...")`` calls, and the subprocess proves the modules really import with Qt
unavailable.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import CORE_PACKAGES, QT_PACKAGES

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "dispatch_desktop"


def core_sources() -> list[Path]:
    return sorted(path for name in CORE_PACKAGES for path in (PACKAGE / name).rglob("*.py"))


def _module_name(path: Path, root: Path) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(tree: ast.AST, module: str, is_package: bool) -> Iterator[tuple[int, list[str]]]:
    """(line, dotted names) of each import in the module, relative imports made absolute."""
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield node.lineno, [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            # "from dispatch_desktop import ui" imports a module too
            yield node.lineno, [base, *(f"{base}.{alias.name}" for alias in node.names)]
        elif (
            isinstance(node, ast.Call)
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and (
                (isinstance(node.func, ast.Name) and node.func.id == "__import__")
                or (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
            )
        ):
            yield node.lineno, [node.args[0].value]


def _forbidden(name: str) -> bool:
    top = name.partition(".")[0]
    return (
        top in QT_PACKAGES
        or top == "plugins"
        or name == "dispatch_desktop.ui"
        or name.startswith("dispatch_desktop.ui.")
    )


def forbidden_imports(sources: list[Path], root: Path) -> list[str]:
    """ "file:line imports NAME" for each import of Qt, the UI or plugins in ``sources``."""
    found = []
    for path in sources:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        module = _module_name(path, root)
        for line, names in _imports(tree, module, path.name == "__init__.py"):
            bad = [name for name in names if _forbidden(name)]
            if bad:
                found.append(f"{path.relative_to(root)}:{line} imports {bad[0]}")
        # The bare package ("import dispatch_desktop", to find its files, say) is beyond the API too; it is
        # only let through above as the base of "from dispatch_desktop import api".
        found += [f"{path.relative_to(root)}:{node.lineno} imports dispatch_desktop" for node in ast.walk(tree)
                  if isinstance(node, ast.Import) and any(a.name == "dispatch_desktop" for a in node.names)]
    return found


def test_import_linter_contracts_hold() -> None:
    lint_imports = Path(sys.executable).parent / "lint-imports"
    assert lint_imports.exists(), f"{lint_imports} missing: install the test extra (pip install -e '.[test]')"
    result = subprocess.run(
        [str(lint_imports), "--no-cache", "--no-logo"], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_sources_import_no_qt_ui_or_plugins() -> None:
    sources = core_sources()
    assert sources, "no core sources found: has the package moved?"
    assert forbidden_imports(sources, REPO) == []


@pytest.mark.parametrize(
    ("relative_path", "source"),
    [
        ("dispatch_desktop/store/x.py", "import PySide6.QtCore\n"),
        ("dispatch_desktop/bus/x.py", "def f():\n    from pyqtgraph import PlotWidget\n"),
        ("dispatch_desktop/city/x.py", "from dispatch_desktop import ui\n"),
        ("dispatch_desktop/sim/x.py", "from ..ui.map import MapView\n"),
        ("dispatch_desktop/domain/x.py", "import importlib\nimportlib.import_module('plugins.radio')\n"),
    ],
)
def test_source_scan_catches_a_bad_import(tmp_path: Path, relative_path: str, source: str) -> None:
    # The scan above passes on a clean tree; this shows it is not passing because it sees nothing.
    path = tmp_path / relative_path
    path.parent.mkdir(parents=True)
    path.write_text(source, encoding="utf-8")
    assert len(forbidden_imports([path], tmp_path)) == 1


IMPORT_EVERYTHING = """
import importlib, json, pkgutil, sys
from tests.conftest import CORE_PACKAGES, block_qt, loaded_qt_modules
block_qt()
names = ["dispatch_desktop.cli", "dispatch_desktop.paths"]
for package in ["dispatch_desktop.commands", *(f"dispatch_desktop.{name}" for name in CORE_PACKAGES)]:
    try:
        module = importlib.import_module(package)
    except ModuleNotFoundError as error:
        if error.name == package:
            continue  # that area has not been written yet
        raise
    names.append(package)
    names += [info.name for info in pkgutil.walk_packages(module.__path__, package + ".")]
failures = {}
for name in names:
    try:
        importlib.import_module(name)
    except Exception as error:
        failures[name] = f"{type(error).__name__}: {error}"
print(json.dumps({"imported": names, "failures": failures, "qt": loaded_qt_modules()}))
"""


def test_core_and_commands_import_without_qt() -> None:
    # The commands are here too: cli.py imports every one of them for --help, so one Qt import there
    # would make even "dispatch-desktop db upgrade" on a headless server need Qt.
    env = {**os.environ, "DISPATCH_BLOCK_QT": "1"}
    result = subprocess.run(
        [sys.executable, "-c", IMPORT_EVERYTHING], cwd=REPO, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["failures"] == {}
    assert report["qt"] == []
    assert "dispatch_desktop.domain.events" in report["imported"]


PLUGINS = REPO / "plugins"


def builtin_plugin_packages() -> set[str]:
    """The top-level packages of the built-in plugins (``plugins/<project>/<package>/__init__.py``)."""
    return {init.parent.name for init in PLUGINS.glob("*/*/__init__.py")}


def desk_imports_of_plugins(sources: list[Path], root: Path, packages: set[str]) -> list[str]:
    found = []
    for path in sources:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for line, names in _imports(tree, _module_name(path, root), path.name == "__init__.py"):
            bad = [name for name in names if name.partition(".")[0] in packages]
            if bad:
                found.append(f"{path.relative_to(root)}:{line} imports {bad[0]}")
        # The bare package ("import dispatch_desktop", to find its files, say) is beyond the API too; it is
        # only let through above as the base of "from dispatch_desktop import api".
        found += [f"{path.relative_to(root)}:{node.lineno} imports dispatch_desktop" for node in ast.walk(tree)
                  if isinstance(node, ast.Import) and any(a.name == "dispatch_desktop" for a in node.names)]
    return found


def plugin_imports_beyond_the_api(sources: list[Path], root: Path) -> list[str]:
    """ "file:line imports NAME" for each import of dispatch_desktop that is not its public API."""
    found = []
    for path in sources:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for line, names in _imports(tree, _module_name(path, root), path.name == "__init__.py"):
            bad = [name for name in names if name.partition(".")[0] == "dispatch_desktop"
                   and name != "dispatch_desktop" and not (name + ".").startswith("dispatch_desktop.api.")]
            if bad:
                found.append(f"{path.relative_to(root)}:{line} imports {bad[0]}")
        # The bare package ("import dispatch_desktop", to find its files, say) is beyond the API too; it is
        # only let through above as the base of "from dispatch_desktop import api".
        found += [f"{path.relative_to(root)}:{node.lineno} imports dispatch_desktop" for node in ast.walk(tree)
                  if isinstance(node, ast.Import) and any(a.name == "dispatch_desktop" for a in node.names)]
    return found


def test_no_module_of_the_desk_imports_a_builtin_plugin() -> None:
    packages = builtin_plugin_packages()
    assert packages, "no built-in plugin found under plugins/"
    assert desk_imports_of_plugins(sorted(PACKAGE.rglob("*.py")), REPO, packages) == []


def test_builtin_plugins_import_only_the_public_api() -> None:
    sources = sorted(path for path in PLUGINS.rglob("*.py") if ".egg-info" not in str(path))
    assert sources
    assert plugin_imports_beyond_the_api(sources, PLUGINS) == []


@pytest.mark.parametrize("source", ["from dispatch_desktop.ui import labels\n",
                                    "import dispatch_desktop\n",
                                    "import dispatch_desktop.domain.state\n",
                                    "from dispatch_desktop import paths\n"])
def test_the_plugin_scan_catches_an_import_beyond_the_api(tmp_path: Path, source: str) -> None:
    path = tmp_path / "radio" / "radio" / "panel.py"
    path.parent.mkdir(parents=True)
    path.write_text(source + "from dispatch_desktop.api import DeskContext\n", encoding="utf-8")
    assert len(plugin_imports_beyond_the_api([path], tmp_path)) == 1
    desk = tmp_path / "dispatch_desktop" / "ui" / "x.py"
    desk.parent.mkdir(parents=True)
    desk.write_text("from radio.panel import Panel\n", encoding="utf-8")
    assert len(desk_imports_of_plugins([desk], tmp_path, {"radio"})) == 1
