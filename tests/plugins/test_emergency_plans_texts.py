"""The emergency plans plugin as shipped: every text its model, actions and dialogs show, and every title
of its manifest, is in its Chinese catalogue with the same placeholders (and compiled into the .qm the desk
loads); the plugin imports nothing of the desk but ``dispatch_desktop.api``; the model loads without Qt."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import emergency_plans

PACKAGE = Path(emergency_plans.__file__).parent
FRAGMENT = PACKAGE / "translations" / "src" / "model_zh_CN.ts"
MODULES = ("desk_model", "desk_derived", "plan_loading", "plan_actions", "plan_chooser", "suggestion_section", "plugin")
PLACEHOLDER = re.compile(r"\{(\w+)(?:![rs])?\}")


def _texts_in(module: str) -> set[str]:
    texts = set()
    for node in ast.walk(ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name == "tr":
                texts.add(node.args[0].value)
    return texts


def _manifest_titles() -> set[str]:
    manifest = tomllib.loads((PACKAGE / "dispatch_plugin.toml").read_text(encoding="utf-8"))
    titles = {manifest["plugin"]["name"], manifest["plugin"]["description"]}
    for table in ("panels", "map_layers", "incident_actions"):
        titles |= {entry["title"] for entry in manifest.get(table, [])}
    return titles


def test_every_text_shown_and_every_manifest_title_has_a_chinese_translation() -> None:
    [context] = ET.parse(FRAGMENT).getroot().iter("context")
    assert context.findtext("name") == "emergency_plans"
    catalogue = {message.findtext("source", ""): message.findtext("translation", "")
                 for message in context.iter("message")}
    texts = set().union(*(_texts_in(module) for module in MODULES)) | _manifest_titles()
    assert len(texts) > 30
    assert sorted(texts - set(catalogue)) == []
    for text in texts:
        assert catalogue[text] and catalogue[text] != text, text
        assert sorted(PLACEHOLDER.findall(catalogue[text])) == sorted(PLACEHOLDER.findall(text)), text


def test_the_compiled_catalogue_holds_every_fragment() -> None:
    compiled = (PACKAGE / "translations" / "emergency_plans_zh_CN.qm").read_bytes()
    for fragment in sorted((PACKAGE / "translations" / "src").glob("*_zh_CN.ts")):
        for message in ET.parse(fragment).getroot().iter("message"):
            translation = message.findtext("translation", "")
            assert translation.encode("utf-16-be") in compiled, (fragment.name, message.findtext("source"))


def test_the_plugin_imports_only_the_desks_public_api() -> None:
    for path in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else (
                [alias.name for alias in node.names] if isinstance(node, ast.Import) else [])
            for name in names:
                if name.startswith("dispatch_desktop"):
                    assert name == "dispatch_desktop.api", f"{path.name} imports {name}"


def test_the_model_loads_without_qt() -> None:
    check = ("import sys; import emergency_plans.desk_model, emergency_plans.desk_derived, "
             "emergency_plans.plan_loading; "
             "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'")
    subprocess.run([sys.executable, "-c", check], check=True)
