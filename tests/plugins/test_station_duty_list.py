"""The station responsibility list: the shipped file, the checks a command center's own file goes
through, search in Chinese and English, importing, and the panel (pytest-qt, offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.plugins.station_duty_list_load_fake_desk import FakeDesk

from station_duty.responsibilities import (  # isort: skip - found through the fake desk's path
    DEPARTMENTS,
    SHIPPED,
    ListError,
    current,
    import_file,
    load,
    load_shipped,
)

CATEGORIES = ["人口管理", "治安管理", "安全防范", "情报信息", "执法办案", "内部管理", "后勤保障"]
GOOD_ITEM = """
[[categories.items]]
id = "X-01"
name_zh = "测试项目"
name_en = "Test item"
description_zh = "说明"
description_en = "What it is"
legal_basis = "《中华人民共和国人民警察法》第六条"
department = "公安"
"""


def write(tmp_path: Path, text: str, name: str = "own.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def own_list(items: str = GOOD_ITEM, category: str = 'id = "mine"\nname_zh = "本所"\nname_en = "Ours"') -> str:
    return f'[list]\ntitle_zh = "本中心清单"\ntitle_en = "Our list"\n\n[[categories]]\n{category}\n{items}'


# --- the shipped list ---------------------------------------------------------------------------------


def test_the_shipped_list_has_the_seven_categories_and_forty_items_each_complete() -> None:
    listing = load_shipped()
    assert [category.name_zh for category in listing.categories] == CATEGORIES
    assert len(listing.items) == 40
    assert len({item.id for item in listing.items}) == 40
    for item in listing.items:
        assert item.legal_basis.startswith("《") and "第" in item.legal_basis, item.id
        assert item.department in DEPARTMENTS, item.id
        assert all((item.name_zh, item.name_en, item.description_zh, item.description_en)), item.id
    # Both kinds: the station's own work and the matters it refers elsewhere.
    assert {item.department for item in listing.items if not item.police} >= {"城管", "劳动", "民政", "街道"}


def test_the_shipped_file_says_its_items_are_examples() -> None:
    listing = load_shipped()
    assert "示例" in listing.note_zh and "example" in listing.note_en.lower()
    assert "examples written for this project" in SHIPPED.read_text(encoding="utf-8").lower()


# --- a command center's own file ----------------------------------------------------------------------


def test_every_problem_of_a_bad_file_is_named_with_its_file_item_and_field(tmp_path: Path) -> None:
    bad_items = GOOD_ITEM + GOOD_ITEM.replace('department = "公安"', 'department = "公安局"') + """
[[categories.items]]
id = "X-02"
name_zh = "缺依据"
name_en = "No basis"
description_zh = "说明"
description_en = "What it is"
legal_bassis = "《中华人民共和国治安管理处罚法》第九条"
department = "城管"
"""
    path = write(tmp_path, own_list(bad_items))
    with pytest.raises(ListError) as caught:
        load(path)
    problems = caught.value.problems
    assert str(path) in str(caught.value)
    assert any("'X-01'" in p and ".id" in p and "already" in p for p in problems), problems  # duplicate
    assert any("'X-01'" in p and ".department" in p and "公安局" in p for p in problems), problems
    assert any("'X-02'" in p and ".legal_basis: missing" in p for p in problems), problems
    assert any(".legal_bassis: unknown field" in p for p in problems), problems
    assert len(problems) == 4


def test_a_category_without_items_or_a_name_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, own_list(items="", category='id = "mine"\nname_zh = ""'))
    with pytest.raises(ListError) as caught:
        load(path)
    problems = caught.value.problems
    assert any("categories[0] (mine).items" in p for p in problems), problems
    assert any("categories[0] (mine).name_zh: must be a non-empty text" in p for p in problems), problems
    assert any("categories[0] (mine).name_en: missing" in p for p in problems), problems


def test_a_file_that_is_not_toml_is_refused_with_its_name(tmp_path: Path) -> None:
    path = write(tmp_path, "[list\ntitle_zh = 1")
    with pytest.raises(ListError, match=r"(?s)own\.toml.*not valid TOML"):
        load(path)


def test_a_json_list_with_the_same_keys_is_read(tmp_path: Path) -> None:
    import json
    document = {"list": {"title_zh": "清单", "title_en": "List"}, "categories": [
        {"id": "mine", "name_zh": "本所", "name_en": "Ours", "items": [
            {"id": "J-1", "name_zh": "项目", "name_en": "Item", "description_zh": "说明", "description_en": "Text",
             "legal_basis": "《中华人民共和国人民警察法》第六条", "department": "街道"}]}]}
    path = write(tmp_path, json.dumps(document, ensure_ascii=False), "own.json")
    assert [item.id for item in load(path).items] == ["J-1"]


def test_an_imported_list_is_kept_and_a_bad_one_leaves_it_in_place(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    imported = import_file(write(tmp_path, own_list()), data_dir)
    assert [item.id for item in imported.items] == ["X-01"]
    with pytest.raises(ListError):
        import_file(write(tmp_path, own_list(items=""), "bad.toml"), data_dir)
    listing, error = current(data_dir)
    assert error is None and [item.id for item in listing.items] == ["X-01"]


# --- search -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("query", "expected"), [
    ("噪声", "ZA-05"),  # a Chinese word in the name
    ("noise", "ZA-05"),  # the English word
    ("NIGHT-TIME", "ZA-05"),  # any case
    ("劳动保障监察条例", "ZA-08"),  # the legal basis
    ("city management", "ZA-07"),  # the department's English name (two words, both must match)
    ("民政", "RK-06"),  # the department
    ("救助站", "RK-06"),  # the description
])
def test_search_finds_items_by_chinese_and_english_words(query: str, expected: str) -> None:
    assert expected in [item.id for item in load_shipped().search(query)]


def test_search_puts_name_matches_first_and_needs_every_word() -> None:
    listing = load_shipped()
    found = [item.id for item in listing.search("户口")]
    assert found[0] == "RK-01"
    assert listing.search("噪声 labour") == []
    assert len(listing.search("  ")) == 40


# --- the panel ----------------------------------------------------------------------------------------


@pytest.fixture
def panel(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    from station_duty.responsibility_panel import ResponsibilityPanel
    desk = FakeDesk(data_dir=tmp_path / "data")
    widget = ResponsibilityPanel(desk)
    qtbot.addWidget(widget)
    widget.resize(420, 640)
    widget.show()
    return widget, desk


def test_the_panel_lists_every_item_and_shows_the_selected_one_in_full(panel) -> None:  # type: ignore[no-untyped-def]
    widget, _desk = panel
    assert len(widget.shown_items()) == 40
    assert widget.tree.topLevelItemCount() == 7
    widget.search.setText("噪声")
    assert widget.shown_items() == ["ZA-05", "ZF-08"]
    text = widget.details.toPlainText()
    assert "ZA-05" in text and "《中华人民共和国治安管理处罚法》第五十八条" in text and "Police business" in text


def test_the_panel_says_where_to_refer_non_police_matters(panel) -> None:  # type: ignore[no-untyped-def]
    widget, _desk = panel
    widget.search.setText("street stalls")
    assert widget.shown_items() == ["ZA-07"]
    assert "Not police business: refer to City management" in widget.details.toPlainText()


def test_the_panel_speaks_chinese_on_a_chinese_desk(panel) -> None:  # type: ignore[no-untyped-def]
    widget, desk = panel
    desk.switch_language("zh_CN")
    assert widget.tree.topLevelItem(0).text(0) == "人口管理"
    assert widget.import_button.text() == "导入…"
    widget.search.setText("street stalls")  # English words still find it
    assert widget.shown_items() == ["ZA-07"]
    text = widget.details.toPlainText()
    assert "非警务：移交城管" in text and "<untranslated" not in text


def test_a_bad_import_is_refused_with_its_problems_and_the_list_stays(panel, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    widget, desk = panel
    bad = write(tmp_path, own_list(GOOD_ITEM.replace('department = "公安"', 'department = "物业公司"')))
    assert not widget.import_path(bad)
    assert widget.problems.isVisible()
    assert "own.toml" in widget.problems.text() and "'X-01'" in widget.problems.text()
    assert ".department" in widget.problems.text()
    assert len(widget.shown_items()) == 40
    assert desk.notices[-1][0] == "warning"


def test_a_good_import_replaces_the_list_and_outlives_the_panel(panel, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from station_duty.responsibility_panel import ResponsibilityPanel
    widget, desk = panel
    assert widget.import_path(write(tmp_path, own_list()))
    assert widget.shown_items() == ["X-01"]
    assert "1 items" in desk.notices[-1][1]
    again = ResponsibilityPanel(desk)
    qtbot.addWidget(again)
    assert again.shown_items() == ["X-01"]
    again.use_shipped()
    assert len(again.shown_items()) == 40
