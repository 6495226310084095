"""The roster's code as shipped: every text it shows is in its Chinese catalogue with the same
placeholders, it imports nothing of the desk but ``dispatch_desktop.api``, and its model, schema and CSV
load where no Qt is (the hub imports the schema)."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import station_duty.roster

PACKAGE = Path(station_duty.roster.__file__).parent
CATALOGUE = PACKAGE.parent / "translations" / "src" / "roster_zh_CN.ts"
TRANSLATING_CALLS = ("tr", "_tr", "translatable", "translate")
PLACEHOLDER = re.compile(r"\{(\w+)(?:![rs])?\}")
QT_FREE = ("events", "shifts", "generate", "book", "csv_format", "csv_read", "csv_write", "session", "texts",
           "drafts")


def _texts_in_code() -> set[str]:
    texts = set()
    for path in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                if name in TRANSLATING_CALLS:
                    texts.add(node.args[0].value)
    return texts


def test_every_text_shown_has_a_chinese_translation_with_the_same_placeholders() -> None:
    [context] = ET.parse(CATALOGUE).getroot().iter("context")
    assert context.findtext("name") == "station_duty"
    catalogue = {message.findtext("source", ""): message.findtext("translation", "")
                 for message in context.iter("message")}
    texts = _texts_in_code()
    assert len(texts) > 70
    assert sorted(texts - set(catalogue)) == []
    for text in texts:
        assert catalogue[text] and catalogue[text] != text, text
        assert sorted(PLACEHOLDER.findall(catalogue[text])) == sorted(PLACEHOLDER.findall(text)), text


def test_the_roster_imports_only_the_desks_public_api() -> None:
    for path in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else (
                [alias.name for alias in node.names] if isinstance(node, ast.Import) else [])
            for name in names:
                if name.startswith("dispatch_desktop"):
                    assert name == "dispatch_desktop.api", f"{path.name} imports {name}"


def test_the_model_schema_and_csv_load_without_qt() -> None:
    modules = ", ".join(f"station_duty.roster.{name}" for name in QT_FREE)
    check = (f"import sys; import {modules}; "
             "print(sorted(m for m in sys.modules if m.partition('.')[0] in ('PySide6', 'shiboken6')))")
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
