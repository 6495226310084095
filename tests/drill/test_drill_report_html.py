"""The drill report as HTML: it opens offline (nothing fetched), carries the exercise's banner and its
watermark over every page, and shows the score row by row, the inject timeline, the drill's incidents and
the command that replays the drill, in Chinese or English."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from lxml import html as lxml_html

from dispatch_desktop.domain.localtime import set_zone, zone
from dispatch_desktop.drill.record import DrillRecord, drill_record
from dispatch_desktop.drill.report_html import drill_report_html
from dispatch_desktop.store import EventStore
from tests.drill.drill_log import DRILL, SCENARIO, write_drill_log

DB = "sqlite:////srv/dispatch/events.sqlite3"


@pytest.fixture(scope="module")
def drill(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DrillRecord]:
    before = zone().key
    set_zone("Asia/Shanghai")
    folder = tmp_path_factory.mktemp("drill_html")
    (folder / "report_test.yaml").write_text(SCENARIO, encoding="utf-8")
    with EventStore.open(f"sqlite:///{folder / 'drill.db'}") as store:
        write_drill_log(store)
        yield drill_record(store, DRILL, scenario_file=folder / "report_test.yaml")
    set_zone(before)


def _page(drill: DrillRecord, language: str) -> lxml_html.HtmlElement:
    return lxml_html.fromstring(drill_report_html(drill, db=DB, language=language))


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_report_is_offline_and_watermarked_over_every_page(drill: DrillRecord, language: str) -> None:
    page = _page(drill, language)
    assert not page.xpath("//script | //link | //img | //iframe | //*[@src] | //*[@href]")
    style = " ".join(page.xpath("//style/text()"))
    assert "url(" not in style and "@import" not in style
    (watermark,) = page.xpath("//div[@class='watermark']")
    assert watermark.text_content() == "演练 DRILL"
    rule = style[style.index(".watermark"):style.index("}", style.index(".watermark"))]
    assert "position: fixed" in rule and "rotate(" in rule and "rgba(" in rule  # on every page, across, see-through
    banner = page.xpath("//div[@class='banner']")[0]
    assert banner.getprevious() is watermark and ("演练" in banner.text_content() or "DRILL" in banner.text_content())


@pytest.mark.parametrize(("language", "title", "rapid", "missed"), [
    ("zh_CN", "演练报告 D-20251122-01 · 报告测试演练", "一分钟内派出突击队", "未达成"),
    ("en", "Drill report D-20251122-01 · Report test drill", "Rapid-response team sent within a minute", "missed"),
])
def test_the_score_is_shown_row_by_row_against_each_deadline(drill: DrillRecord, language: str, title: str,
                                                            rapid: str, missed: str) -> None:
    page = _page(drill, language)
    assert page.xpath("//h1")[0].text_content() == title
    assert "45 / 85" in page.xpath("//p[@class='total']")[0].text_content()
    rows = [[cell.text_content() for cell in row.xpath("td")]
            for row in page.xpath("//table[@class='score']//tbody/tr")]
    assert len(rows) == 4
    assert rows[0][0] == rapid and rows[0][2] == "+01:10" and rows[0][4] == missed and rows[0][5] == "0 / 30"
    assert "10" in rows[0][3]  # ten seconds late
    assert rows[1][5] == "20 / 20"


def test_the_timeline_the_incidents_and_the_replay_command(drill: DrillRecord) -> None:
    page = _page(drill, "en")
    injects = [[cell.text_content() for cell in row.xpath("td")]
               for row in page.xpath("//table[@class='injects']//tbody/tr")]
    assert injects[0] == ["knife", "110 call", "+00:30", "+00:30 (10:53:50)", "J-D-1"]
    assert injects[1][:4] == ["cams", "camera dark", "+01:30", "+01:30 (10:54:50)"]
    assert [heading.text_content().split(" · ")[0] for heading in page.xpath("//h3")] == ["J-D-1", "J-D-2"]
    assert "on time" in page.xpath("//table[@class='phases']")[0].text_content()
    command = page.xpath("//code")[0].text_content()
    assert command == f"dispatch-desktop replay open --db {DB} --drill {drill.drill_id}"


def test_the_same_drill_gives_the_same_bytes(drill: DrillRecord) -> None:
    assert drill_report_html(drill, db=DB) == drill_report_html(drill, db=DB)


def test_an_unknown_language_is_refused(drill: DrillRecord) -> None:
    with pytest.raises(ValueError, match="zh_CN, en"):
        drill_report_html(drill, db=DB, language="fr")
