"""The supervision order: drafted from the editable template with the review's figures, a wrong placeholder a
clear error, its text's SHA-256 in the event, and the orders already issued read back from the log."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from dispatch_desktop.analytics.order import (
    TEMPLATE_FILE,
    TemplateProblem,
    draft_order,
    issued_orders,
    load_template,
    next_seq,
    order_event,
    text_sha256,
)
from dispatch_desktop.analytics.review import MonthlyReview, month_start_ms, review
from dispatch_desktop.domain import events as ev
from dispatch_desktop.store import EventStore
from tests.analytics.review_fixture import five_station_city, hand_counts, station_ids

DECEMBER_7 = month_start_ms("2026-12") + 6 * 86_400_000 + 10 * 3_600_000  # 2026-12-07 10:00 local


@pytest.fixture(scope="module")
def november() -> MonthlyReview:
    return review(hand_counts(), five_station_city(), "2026-11")


def _edited(tmp_path: Path, old: str, new: str) -> Path:
    text = TEMPLATE_FILE.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "order.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_the_chinese_order_quotes_the_figures_the_rank_and_the_deadline(november: MonthlyReview) -> None:
    order = draft_order(load_template(), november, station_ids()["B"], five_station_city(), seq=1,
                        issued_ms=DECEMBER_7)
    station = five_station_city().station(station_ids()["B"])
    assert (order.number, order.title) == ("督办〔2026〕11-01", "督办令")
    assert order.text.startswith(f"{five_station_city().district(station.district).name}公安分局、{station.name}：")
    assert "2026年11月有效警情112起，较2026年10月（100起）环比+12.0%，较2025年11月（80起）同比+40.0%" in order.text
    assert "在全市5个派出所中居第1位" in order.text and "于5个工作日内" in order.text
    assert order.text.rstrip().endswith("广州市公安局指挥中心\n2026年12月7日")


def test_the_english_rendering_has_the_same_figures(november: MonthlyReview) -> None:
    order = draft_order(load_template(), november, station_ids()["A"], five_station_city(), seq=2,
                        issued_ms=DECEMBER_7, language="en")
    assert (order.number, order.title) == ("督办〔2026〕11-02", "Supervision Order")
    assert "30 valid incidents in November 2026: +50.0% month on month against October 2026 (20)" in order.text
    assert "+20.0% year on year against November 2025 (25)" in order.text
    assert "ranks no. 2 among the city's 5 police stations" in order.text and "7 December 2026" in order.text
    assert "Police Station" in order.text.splitlines()[0]  # the station's name rendered in English


def test_a_command_center_edits_the_words_and_the_working_days(tmp_path: Path, november: MonthlyReview) -> None:
    path = _edited(tmp_path, "working_days: 5", "working_days: 3")
    path.write_text(path.read_text(encoding="utf-8").replace("现予督办", "现予督办（第{rank}名，{{重点}}）"),
                    encoding="utf-8")
    order = draft_order(load_template(path), november, station_ids()["B"], five_station_city(), seq=1,
                        issued_ms=DECEMBER_7)
    assert "现予督办（第1名，{重点}）" in order.text and "于3个工作日内" in order.text


def test_a_wrong_placeholder_names_the_file_line_field_and_the_placeholders(tmp_path: Path) -> None:
    path = _edited(tmp_path, "你所{month}有效警情{this_month}起", "你所{month}有效警情{this_mnth}起")
    line = next(number for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
                if "{this_mnth}" in text)
    with pytest.raises(TemplateProblem) as problem:
        load_template(path)
    assert str(problem.value).startswith(f"{path}:{line}: zh_CN.text: unknown placeholder {{this_mnth}}; "
                                         "the placeholders here are {number}, {month},")


def test_the_number_takes_its_own_placeholders_only(tmp_path: Path) -> None:
    path = _edited(tmp_path, 'number: "督办〔{year}〕{month_number}-{seq}"', 'number: "督办〔{year}〕{station}-{seq}"')
    with pytest.raises(TemplateProblem, match=r":\d+: number: unknown placeholder \{station\}; the placeholders "
                                              r"here are \{year\}, \{month_number\}, \{seq\}"):
        load_template(path)


def test_a_missing_language_is_named(tmp_path: Path) -> None:
    text = TEMPLATE_FILE.read_text(encoding="utf-8")
    path = tmp_path / "order.yaml"
    path.write_text(text[:text.index("\nen:")] + "\n", encoding="utf-8")
    with pytest.raises(TemplateProblem, match="en"):
        load_template(path)


def test_the_event_carries_the_figures_and_the_texts_sha256(november: MonthlyReview) -> None:
    text = "荔湾区公安分局：\r\n督办\r\n"
    body = order_event(november, station_ids()["A"], "督办〔2026〕11-02", text, operator="王建国 010007")
    assert (body.month, body.station, body.this_month, body.last_month, body.last_year, body.rank, body.stations) == (
        "2026-11", station_ids()["A"], 30, 20, 25, 2, 5)
    assert body.sha256 == text_sha256("荔湾区公安分局：\n督办\n") != text_sha256("荔湾区公安分局：\n督办。\n")


def test_an_order_number_too_long_is_refused_before_sending(november: MonthlyReview) -> None:
    with pytest.raises(ValueError, match=f"order for {station_ids()['A']} cannot be issued"):
        order_event(november, station_ids()["A"], "督" * 65, "text")


def test_the_orders_already_issued_are_read_from_the_log(tmp_path: Path, november: MonthlyReview) -> None:
    template = load_template()
    first = order_event(november, station_ids()["B"], "督办〔2026〕11-01", "一")
    again = order_event(november, station_ids()["B"], "督办〔2026〕11-03", "二")
    october = ev.SupervisionOrderIssued(month="2026-10", station=station_ids()["C"], number="督办〔2026〕10-01",
                                        this_month=5, last_month=1, last_year=None, rank=1, stations=5,
                                        sha256="a" * 64)
    with EventStore.open(f"sqlite:///{tmp_path / 'log.sqlite3'}") as store:
        store.append([ev.envelope("ws-sup", seq, body, DECEMBER_7 + seq, t_hub=DECEMBER_7 + seq)
                      for seq, body in enumerate((october, first, again), start=1)])
        issued = issued_orders(store, "2026-11", DECEMBER_7 + 60_000)
    assert list(issued) == [station_ids()["B"]]
    assert (issued[station_ids()["B"]].number, issued[station_ids()["B"]].issued_ms) == ("督办〔2026〕11-01",
                                                                                      DECEMBER_7 + 2)
    assert next_seq(issued, template, "2026-11") == 2
    renumbered = dataclasses.replace(issued[station_ids()["B"]], number="督办〔2026〕11-02")
    assert next_seq({station_ids()["B"]: renumbered}, template, "2026-11") == 3  # 11-02 is taken
