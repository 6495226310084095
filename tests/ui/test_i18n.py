"""Every word the desk shows has a Chinese translation, and domain values are translated too."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from dispatch_desktop.domain.enums import Category, IncidentStatus, UnitKind, UnitStatus
from dispatch_desktop.domain.reasons import SUMMARIES, TEMPLATES, refusal
from dispatch_desktop.ui import labels
from dispatch_desktop.ui.display_mode import DisplayMode
from dispatch_desktop.ui.i18n import CATALOGUE, TRANSLATIONS_DIR, LanguageManager

PLACEHOLDER = re.compile(r"\{[^}]*\}|%\d")


def _messages(language: str) -> list[tuple[str, str, str, str | None]]:
    """(context, source, translation, type) of every message in the language's .ts file."""
    root = ET.parse(TRANSLATIONS_DIR / f"{CATALOGUE}_{language}.ts").getroot()
    out = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            # A plural message (%n) holds one text per grammatical number; every one must be complete.
            forms = [form.text or "" for form in translation.iter("numerusform")] or [translation.text or ""]
            out.extend((name, message.findtext("source") or "", form, translation.get("type")) for form in forms)
    return out


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_text_is_translated_and_keeps_its_placeholders(language: str) -> None:
    messages = [m for m in _messages(language) if m[3] not in ("obsolete", "vanished")]
    assert messages
    unfinished = [(context, source) for context, source, text, kind in messages if kind == "unfinished" or not text]
    assert unfinished == []
    for context, source, text, _kind in messages:
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), (context, source, text)


def test_the_chinese_catalogue_is_chinese() -> None:
    translated = [text for context, _source, text, _kind in _messages("zh_CN") if context != "Language"]
    with_hanzi = [text for text in translated if re.search(r"[\u4e00-\u9fff]", text)]
    assert len(with_hanzi) > 0.9 * len(translated)


@pytest.mark.parametrize(("table", "values"), [
    (labels.UNIT_STATUS, UnitStatus), (labels.INCIDENT_STATUS, IncidentStatus), (labels.UNIT_KIND, UnitKind),
    (labels.DISPLAY_MODE, DisplayMode), (labels.CATEGORY, Category),
])
def test_every_domain_value_has_a_label(table: dict, values: type) -> None:  # type: ignore[type-arg]
    assert set(table) == set(values)


def test_the_refusal_texts_are_the_domains_own_sentences() -> None:
    assert labels.REFUSAL == TEMPLATES
    assert labels.REFUSAL_SUMMARY == SUMMARIES


def test_refusals_read_in_chinese_with_their_status_words_translated(qapp, translations_dir: Path) -> None:  # type: ignore[no-untyped-def]
    manager = LanguageManager(translations_dir)
    message = refusal("unit_not_available", unit="PG-1", status="dispatched").message
    assert labels.refusal_text("unit_not_available", message) == message
    assert manager.set_language("zh_CN")
    try:
        assert labels.refusal_text("unit_not_available", message) == "警力 PG-1 当前为“已派警”，不可调派。"
        closed = refusal("incident_closed", incident="J-9", status="referred").message
        assert labels.refusal_message_text(closed) == "警情 J-9 当前为“已移交”，不能再更改。"
        assert labels.unit_status("en_route") == "出警途中"
        summary = SUMMARIES["refusals_suppressed"].format(count=180, unit="PG-1")
        assert (labels.refusal_text("refusals_suppressed", summary)
                == "PG-1 一分钟内另有 180 次被拒绝的上报已答复但未逐条存档。")
        assert labels.incident_type_name("knife_attack") == "持刀伤人"
        assert labels.district_name("440106", "天河区") == "天河区"
        assert manager.set_language("en")
        assert labels.incident_type_name("knife_attack") == "Knife attack"
        assert labels.district_name("440106", "天河区") == "Tianhe"
    finally:
        manager.uninstall()


def test_a_message_that_does_not_fit_its_template_is_shown_as_it_came(qapp) -> None:  # type: ignore[no-untyped-def]
    assert labels.refusal_text("unit_not_available", "something else entirely") == "something else entirely"
    assert labels.refusal_text("a_code_from_a_newer_hub", "Plain words.") == "Plain words."


def test_a_missing_catalogue_keeps_the_current_language(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    manager = LanguageManager(tmp_path)  # no .ts, no .qm
    assert not manager.set_language("zh_CN")
    assert manager.language == "en"
    assert QCoreApplication.translate("Language", "LANGUAGE_CODE") == "LANGUAGE_CODE"
    with pytest.raises(ValueError, match="unknown language"):
        manager.set_language("fr")


def test_a_catalogue_not_yet_built_is_compiled_into_the_cache(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "src"
    source.mkdir()
    (source / f"{CATALOGUE}_zh_CN.ts").write_bytes((TRANSLATIONS_DIR / f"{CATALOGUE}_zh_CN.ts").read_bytes())
    manager = LanguageManager(source, tmp_path / "cache")
    try:
        assert manager.set_language("zh_CN")
        assert (tmp_path / "cache" / f"{CATALOGUE}_zh_CN.qm").exists()
        assert labels.unit_status("available") == "巡逻待命"
    finally:
        manager.uninstall()
