"""The roster's code as shipped: every text it shows is in its Chinese catalogue with the same
placeholders, and its model, schema and CSV load where no Qt is (the hub imports the schema). (That it
imports nothing of the desk but ``dispatch_desktop.api``: tests/test_architecture.py.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import station_duty.roster

from tests.plugins.catalogue_checks import messages, texts_in, untranslated

PACKAGE = Path(station_duty.roster.__file__).parent
CATALOGUE = PACKAGE.parent / "translations" / "src" / "roster_zh_CN.ts"
TRANSLATING_CALLS = ("tr", "_tr", "translatable", "translate")
QT_FREE = ("events", "shifts", "generate", "book", "csv_format", "csv_read", "csv_write", "session", "texts",
           "drafts")


def test_every_text_shown_has_a_chinese_translation_with_the_same_placeholders() -> None:
    texts = texts_in(PACKAGE.glob("*.py"), TRANSLATING_CALLS)
    assert len(texts) > 70
    assert untranslated(texts, messages(CATALOGUE, "station_duty")) == []


def test_the_model_schema_and_csv_load_without_qt() -> None:
    modules = ", ".join(f"station_duty.roster.{name}" for name in QT_FREE)
    check = (f"import sys; import {modules}; "
             "print(sorted(m for m in sys.modules if m.partition('.')[0] in ('PySide6', 'shiboken6')))")
    done = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=False, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
