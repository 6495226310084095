"""What the built-in plugins' tests check of a Chinese catalogue: the texts the code hands to a translating
call, the catalogue's messages in the plugin's context, and each text translated with the same placeholders."""

from __future__ import annotations

import ast
import re
import xml.etree.ElementTree as ET
from collections.abc import Collection, Iterable
from pathlib import Path

PLACEHOLDER = re.compile(r"\{(\w+)(?:![rs])?\}")


def texts_in(paths: Iterable[Path], calls: Collection[str] = ("tr",)) -> set[str]:
    """The literal first arguments of the calls named ``calls`` (``desk.tr("…")``, ``translatable("…")``);
    a call with a variable passes on a text marked where it is written."""
    texts = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                if name in calls:
                    texts.add(node.args[0].value)
    return texts


def messages(catalogue: Path, context: str) -> dict[str, str]:
    """source -> translation of a .ts file holding one context, the plugin id's (what ``desk.tr`` uses)."""
    [found] = ET.parse(catalogue).getroot().iter("context")
    assert found.findtext("name") == context, f"{catalogue.name}: context {found.findtext('name')!r}"
    return {message.findtext("source", ""): message.findtext("translation", "") for message in found.iter("message")}


def untranslated(texts: Iterable[str], catalogue: dict[str, str]) -> list[str]:
    """The texts missing from the catalogue, left empty or as the source, or whose placeholders differ (a
    placeholder lost or misspelt would show as "{count}" or raise KeyError)."""
    return sorted(text for text in texts
                  if not catalogue.get(text, "").strip() or catalogue[text] == text
                  or sorted(PLACEHOLDER.findall(catalogue[text])) != sorted(PLACEHOLDER.findall(text)))
