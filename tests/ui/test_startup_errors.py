"""Why the desk cannot start, in the user's language: every start-up error code has a translatable
sentence, and a catalogue that translates it makes the message box speak that language."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from dispatch_desktop.embedded import STARTUP_ERRORS, StartupError
from dispatch_desktop.ui import startup_errors
from dispatch_desktop.ui.i18n import compile_catalogue

DAMAGED = StartupError.of("not_sqlite", store="/srv/dispatch/events.sqlite3")


def test_every_start_up_error_has_its_english_sentence_as_a_translatable_source_text() -> None:
    assert startup_errors.TEXTS == STARTUP_ERRORS


def test_in_english_the_message_is_the_errors_own(qapp) -> None:  # type: ignore[no-untyped-def]
    assert startup_errors.startup_error_text(DAMAGED) == str(DAMAGED)
    assert "/srv/dispatch/events.sqlite3 is not an SQLite database" in str(DAMAGED)
    assert startup_errors.startup_error_text(StartupError("no key for the hub")) == "no key for the hub"
    assert startup_errors.startup_error_text(RuntimeError("boom")) == "RuntimeError: boom"


def _catalogue(directory: Path, translations: dict[tuple[str, str], str]) -> Path:
    root = ET.Element("TS", version="2.1", language="zh_CN")
    for (context, source), text in translations.items():
        element = ET.SubElement(root, "context")
        ET.SubElement(element, "name").text = context
        message = ET.SubElement(element, "message")
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation").text = text
    ts_file = directory / "startup_zh_CN.ts"
    ET.ElementTree(root).write(ts_file, encoding="utf-8", xml_declaration=True)
    return compile_catalogue(ts_file, ts_file.with_suffix(".qm"))


@pytest.fixture
def chinese(qapp, tmp_path: Path) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """A catalogue with the Chinese of two start-up errors (one with a misspelt placeholder) and the
    title, installed as the desk installs its own."""
    qm_file = _catalogue(tmp_path, {
        ("StartupError", startup_errors.TEXTS["not_sqlite"]):
            "{store} 不是 SQLite 数据库。该文件未被改动。请检查 --db；如事件库原在此处，请从备份恢复。",
        ("StartupError", startup_errors.TEXTS["not_ours"]): "{stor} 是其他程序的数据库。",
        ("Startup", "Dispatch Desktop cannot start"): "指挥调度台无法启动",
    })
    translator = QTranslator()
    assert translator.load(str(qm_file))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_with_a_chinese_catalogue_the_message_is_chinese_with_the_file_named(chinese: None) -> None:
    assert startup_errors.title() == "指挥调度台无法启动"
    assert startup_errors.startup_error_text(DAMAGED) == (
        "/srv/dispatch/events.sqlite3 不是 SQLite 数据库。该文件未被改动。"
        "请检查 --db；如事件库原在此处，请从备份恢复。")


def test_a_translation_with_a_broken_placeholder_falls_back_to_english(chinese: None) -> None:
    foreign = StartupError.of("not_ours", store="/srv/crm.db", tables="customers")
    assert startup_errors.startup_error_text(foreign) == str(foreign)
