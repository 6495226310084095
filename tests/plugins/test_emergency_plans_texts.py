"""The emergency plans plugin as shipped: every text its model, actions and dialogs show, and every title
of its manifest, is in its Chinese catalogue with the same placeholders (and compiled into the .qm the desk
loads); the model loads without Qt. (That it imports nothing of the desk but ``dispatch_desktop.api``:
tests/test_architecture.py, for every built-in plugin.)"""

from __future__ import annotations

import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import emergency_plans

from tests.plugins.catalogue_checks import messages, texts_in, untranslated

PACKAGE = Path(emergency_plans.__file__).parent
FRAGMENT = PACKAGE / "translations" / "src" / "model_zh_CN.ts"
MODULES = ("desk_model", "desk_derived", "plan_loading", "plan_actions", "plan_chooser", "suggestion_section", "plugin")


def _manifest_titles() -> set[str]:
    manifest = tomllib.loads((PACKAGE / "dispatch_plugin.toml").read_text(encoding="utf-8"))
    titles = {manifest["plugin"]["name"], manifest["plugin"]["description"]}
    for table in ("panels", "map_layers", "incident_actions"):
        titles |= {entry["title"] for entry in manifest.get(table, [])}
    return titles


def test_every_text_shown_and_every_manifest_title_has_a_chinese_translation() -> None:
    texts = texts_in(PACKAGE / f"{module}.py" for module in MODULES) | _manifest_titles()
    assert len(texts) > 30
    assert untranslated(texts, messages(FRAGMENT, "emergency_plans")) == []


def test_the_compiled_catalogue_holds_every_fragment() -> None:
    compiled = (PACKAGE / "translations" / "emergency_plans_zh_CN.qm").read_bytes()
    for fragment in sorted((PACKAGE / "translations" / "src").glob("*_zh_CN.ts")):
        for message in ET.parse(fragment).getroot().iter("message"):
            translation = message.findtext("translation", "")
            assert translation.encode("utf-16-be") in compiled, (fragment.name, message.findtext("source"))


def test_the_model_loads_without_qt() -> None:
    check = ("import sys; import emergency_plans.desk_model, emergency_plans.desk_derived, "
             "emergency_plans.plan_loading; "
             "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'")
    subprocess.run([sys.executable, "-c", check], check=True)
