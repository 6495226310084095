"""The supervision order (督办令) the monthly station review drafts for a station, and issuing it as an event.

**The template** is a data file a command center edits (``resources/supervision_order.yaml``, or one of its
own): the order's number pattern, the working days a station has to report, and for each language the
issuer, the title and the text, with the figures' placeholders in braces (the file's head lists them).
A placeholder the drafting does not know is an error naming the file, the line and the placeholders there
are: a command center finds a typo when it loads the template, not in an order it has sent.

**The language.** The order is a Chinese document: its Chinese text is what is issued, and what the event's
SHA-256 is of (``text_sha256``). The English rendering is drafted from the same figures for an English desk
to read; it is not the order.

**Issuing** is the event ``supervision_order_issued`` (``order_event``), sent by the supervisor's desk. The hub
keeps no list of the orders (the event changes no state), so the orders already issued for a month are read
from the log (``issued_orders``): a station's order is then shown as issued, not offered again.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

import msgspec

from dispatch_desktop.analytics.review import MonthlyReview, StationChange, month_start_ms, percent_text, shift_month
from dispatch_desktop.domain import events as ev
from dispatch_desktop.domain import yaml_source
from dispatch_desktop.domain.city import City
from dispatch_desktop.domain.enums import Mode
from dispatch_desktop.domain.gazetteer import english_district, romaniser
from dispatch_desktop.domain.localtime import local
from dispatch_desktop.paths import RESOURCES
from dispatch_desktop.store import EventStore

TEMPLATE_FILE = RESOURCES / "supervision_order.yaml"
ORDER_KIND = "supervision_order_issued"
LANGUAGES = ("zh_CN", "en")
NUMBER_PLACEHOLDERS = ("year", "month_number", "seq")
TEXT_PLACEHOLDERS = ("number", "month", "last_month_name", "year_ago_name", "station", "station_id", "district",
                     "this_month", "last_month", "last_year", "rise", "mom", "yoy", "rank", "stations",
                     "working_days", "issuer", "issued_date")
LOOK_AFTER_MONTHS = 2
"""Orders for a month are looked for in the log from the month's end until this many months after it: the
review of a month is made in the weeks after it, and reading further would read a year of the log."""
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")
_ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                   "October", "November", "December")


class TemplateProblem(ValueError):
    """The template cannot be used; the message names the file, line and field (``file:line: field: what``)."""


class _Language(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    issuer: Annotated[str, msgspec.Meta(min_length=1)]
    title: Annotated[str, msgspec.Meta(min_length=1)]
    text: Annotated[str, msgspec.Meta(min_length=1)]


class OrderTemplate(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    number: Annotated[str, msgspec.Meta(min_length=1)]
    working_days: Annotated[int, msgspec.Meta(ge=1, le=60)]
    zh_CN: _Language
    en: _Language
    file: str = ""

    def language(self, language: str) -> _Language:
        return self.zh_CN if language.startswith("zh") else self.en


_SCHEMA = yaml_source.Schema(OrderTemplate, "a supervision order template (a mapping of number, working_days, "
                                            "zh_CN and en)")


def load_template(path: Path | None = None) -> OrderTemplate:
    """The template at ``path`` (None: the shipped one), its placeholders checked. Raises ``TemplateProblem``."""
    path = path or TEMPLATE_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TemplateProblem(f"{path}: cannot read the supervision order template: {error}. "
                              "Give a UTF-8 YAML file like resources/supervision_order.yaml.") from None
    document, problems = yaml_source.parse(text, str(path))
    template = None
    if document is not None and not problems:
        template, problems = yaml_source.convert(document, _SCHEMA)
    if template is None or problems:
        raise TemplateProblem("\n".join(str(problem) for problem in problems))
    assert document is not None
    wrong = _placeholder_problems(template, document)
    if wrong:
        raise TemplateProblem("\n".join(wrong))
    return msgspec.structs.replace(template, file=str(path))


def _placeholder_problems(template: OrderTemplate, document: yaml_source.Document) -> list[str]:
    checked: list[tuple[tuple[str, ...], str, tuple[str, ...]]] = [(("number",), template.number, NUMBER_PLACEHOLDERS)]
    for language in LANGUAGES:
        parts = template.language(language)
        checked += [((language, field), getattr(parts, field), TEXT_PLACEHOLDERS) for field in ("issuer", "title",
                                                                                                 "text")]
    problems = []
    for path, text, known in checked:
        for match in _PLACEHOLDER.finditer(text):
            name = match.group(1)
            if match.group(0) in ("{{", "}}") or (name is not None and name in known):
                continue
            node = document.node_at(path)
            block = 1 if getattr(node, "style", None) in ("|", ">") else 0  # a block's text starts a line below
            line = node.start_mark.line + 1 + block + text.count("\n", 0, match.start())
            what = (f"unknown placeholder {match.group(0)}" if name is not None
                    else f"a lone {match.group(0)!r} (write {match.group(0) * 2} for a brace)")
            problems.append(f"{document.file}:{line}: {'.'.join(path)}: {what}; the placeholders here are "
                            + ", ".join(f"{{{name}}}" for name in known) + ".")
    return problems


def fill(text: str, values: Mapping[str, str]) -> str:
    """``text`` with each ``{name}`` replaced by ``values[name]`` and ``{{`` / ``}}`` by a brace (the template was
    checked when it was loaded, so every name is there)."""
    def one(match: re.Match[str]) -> str:
        token = match.group(0)
        return token[0] if token in ("{{", "}}") else values[match.group(1)]
    return _PLACEHOLDER.sub(one, text)


# --- drafting -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DraftOrder:
    number: str
    language: str
    title: str
    text: str
    station: str
    month: str


def month_name(month: str, language: str) -> str:
    year, number = int(month[:4]), int(month[5:])
    return f"{year}年{number}月" if language.startswith("zh") else f"{_ENGLISH_MONTHS[number - 1]} {year}"


def _date_text(ms: int, language: str) -> str:
    day = local(ms)
    return f"{day.year}年{day.month}月{day.day}日" if language.startswith("zh") else \
        f"{day.day} {_ENGLISH_MONTHS[day.month - 1]} {day.year}"


def order_number(template: OrderTemplate, month: str, seq: int) -> str:
    return fill(template.number, {"year": month[:4], "month_number": str(int(month[5:])), "seq": f"{seq:02d}"})


def placeholder_values(template: OrderTemplate, review: MonthlyReview, change: StationChange, city: City, *,
                       number: str, issued_ms: int, language: str) -> dict[str, str]:
    """What each placeholder of ``language``'s text stands for, for ``change``'s station."""
    chinese = language.startswith("zh")
    district = city.district(change.district)
    month = review.coverage.month

    def count(value: int | None) -> str:
        return "—" if value is None else str(value)

    values = {
        "number": number, "station_id": change.station,
        "station": change.name if chinese else romaniser(city.districts).english(change.name),
        "district": district.name if chinese else english_district(district),
        "month": month_name(month, language), "last_month_name": month_name(shift_month(month, -1), language),
        "year_ago_name": month_name(shift_month(month, -12), language),
        "this_month": str(change.this_month), "last_month": count(change.last_month),
        "last_year": count(change.last_year), "rise": "—" if change.rise is None else f"{change.rise:+d}",
        "mom": percent_text(change.mom), "yoy": percent_text(change.yoy), "rank": str(change.rank),
        "stations": str(len(review.stations)), "working_days": str(template.working_days),
        "issued_date": _date_text(issued_ms, language),
    }
    values["issuer"] = fill(template.language(language).issuer, values | {"issuer": ""})
    return values


def draft_order(template: OrderTemplate, review: MonthlyReview, station: str, city: City, *, seq: int,
                issued_ms: int, language: str = "zh_CN") -> DraftOrder:
    """The order for ``station`` (its id) in ``language`` ("zh_CN": the order; "en": its English rendering),
    numbered ``seq`` within the month, dated ``issued_ms``."""
    change = review.station(station)
    number = order_number(template, review.coverage.month, seq)
    values = placeholder_values(template, review, change, city, number=number, issued_ms=issued_ms,
                                language=language)
    parts = template.language(language)
    return DraftOrder(number=number, language=language, title=fill(parts.title, values),
                      text=fill(parts.text, values).rstrip("\n") + "\n", station=station, month=review.coverage.month)


ORDER_RED = "#c00000"  # an official document's red head (红头)
_DOCUMENT_WORDS = {
    "zh_CN": {"rendering": "英文译文（仅供参考，以中文督办令为准）", "sha": "督办令正文 SHA-256（与事件日志核对）",
              "draft": "草稿：尚未签发"},
    "en": {"rendering": "English rendering (for reference; the Chinese order above is the order)",
           "sha": "SHA-256 of the order's text (check it against the event log)", "draft": "DRAFT: not issued yet"},
}


def document_words(language: str) -> dict[str, str]:
    return _DOCUMENT_WORDS["zh_CN" if language.startswith("zh") else "en"]


def order_markup(order: DraftOrder, issuer: str, *, rendering: DraftOrder | None = None, issued: bool = True,
                 language: str = "zh_CN") -> str:
    """The order as an HTML body fragment (Qt's rich text reads it for the PDF; ``order_html`` wraps it for a
    browser): the issuer and title in red over a red rule, the number, the text and its SHA-256, then for an
    English desk the English ``rendering``; a draft's mark at the head when not ``issued``."""
    words = document_words(language)

    def paragraphs(text: str) -> str:
        """A paragraph per block of lines between blank lines; the last block, the issuer and the date, to the
        right, as an official letter signs."""
        blocks = [block.strip("\n") for block in re.split(r"\n\s*\n", text.strip()) if block.strip()]
        return "".join(f"<p{' align=right' if n == len(blocks) - 1 and n else ''}>"
                       + "<br/>".join(html.escape(line) for line in block.splitlines()) + "</p>"
                       for n, block in enumerate(blocks))

    mark = f"<p align='center'><b><font color='{ORDER_RED}'>{html.escape(words['draft'])}</font></b></p>"
    draft = "" if issued else mark
    parts = [
        draft,
        f"<h2 align='center'><font color='{ORDER_RED}'>{html.escape(issuer)}</font></h2>",
        f"<h1 align='center'><font color='{ORDER_RED}'>{html.escape(order.title)}</font></h1>",
        f"<p align='center'>{html.escape(order.number)}</p><hr/>",
        paragraphs(order.text),
        f"<hr/><p><small>{html.escape(words['sha'])}: {text_sha256(order.text)}</small></p>",
    ]
    if rendering is not None:
        parts += [f"<h3>{html.escape(words['rendering'])}</h3>",
                  f"<h3>{html.escape(rendering.title)} {html.escape(rendering.number)}</h3>",
                  paragraphs(rendering.text)]
    return "".join(parts)


def order_html(order: DraftOrder, issuer: str, *, rendering: DraftOrder | None = None, issued: bool = True,
               language: str = "zh_CN") -> bytes:
    """A self-contained HTML file of the order (UTF-8)."""
    body = order_markup(order, issuer, rendering=rendering, issued=issued, language=language)
    lang = "zh-CN" if language.startswith("zh") else "en"
    return (f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{html.escape(order.title)} "
            f"{html.escape(order.number)}</title><style>body {{ max-width: 44em; margin: 2em auto; font-family: "
            f"sans-serif; line-height: 1.6; }} hr {{ border: 0; border-top: 2px solid {ORDER_RED}; }}</style></head>"
            f"<body>{body}</body></html>").encode()


def text_sha256(text: str) -> str:
    """SHA-256 of the order's text as issued: UTF-8, line ends as ``\\n`` (a copy from Windows hashes the same)."""
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()


# --- issuing --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IssuedOrder:
    station: str
    month: str
    number: str
    issued_ms: int  # the hub's time of the event
    operator: str
    sha256: str
    gseq: int


def order_event(review: MonthlyReview, station: str, number: str, text: str, operator: str = "") -> \
        ev.SupervisionOrderIssued:
    """The event that issues ``text`` as order ``number`` to ``station``, checked as strictly as the hub decodes
    it. ``ValueError`` with a sentence naming the field when it would not be accepted."""
    change = review.station(station)
    body = ev.SupervisionOrderIssued(month=review.coverage.month, station=station, number=number.strip(),
                                     this_month=change.this_month, last_month=change.last_month,
                                     last_year=change.last_year, rank=change.rank, stations=len(review.stations),
                                     sha256=text_sha256(text), operator=operator)
    try:  # a Struct's constructor does not check the constraints; decoding does
        return msgspec.msgpack.decode(msgspec.msgpack.encode(body), type=ev.SupervisionOrderIssued)
    except msgspec.ValidationError as error:
        raise ValueError(f"The order for {station} cannot be issued as written: {error} "
                         f"(number {number!r}).") from None


def orders_in(events: Iterable[tuple[int, ev.Envelope]], month: str) -> dict[str, IssuedOrder]:
    """The first order issued to each station for ``month`` among ``events`` (gseq, envelope)."""
    found: dict[str, IssuedOrder] = {}
    for gseq, event in events:
        body = event.body
        if isinstance(body, ev.SupervisionOrderIssued) and body.month == month and body.station not in found:
            found[body.station] = IssuedOrder(station=body.station, month=month, number=body.number,
                                              issued_ms=event.t_hub, operator=body.operator, sha256=body.sha256,
                                              gseq=gseq)
    return found


def issue_window(month: str, now_ms: int) -> tuple[int, int]:
    """The span of the log (hub time) where the orders for ``month`` are looked for: from the month's end (a
    month is reviewed once it is over) for ``LOOK_AFTER_MONTHS``, and not past now."""
    end = month_start_ms(shift_month(month, 1))
    return end, max(end, min(now_ms + 1, month_start_ms(shift_month(month, 1 + LOOK_AFTER_MONTHS))))


def issued_orders(store: EventStore, month: str, now_ms: int) -> dict[str, IssuedOrder]:
    """The orders already issued for ``month``, by station, as ``store``'s log holds them (``issue_window``).
    The database picks the orders out by their kind: the events around them are not decoded."""
    start, end = issue_window(month, now_ms)

    def in_window() -> Iterator[tuple[int, ev.Envelope]]:
        for gseq, event in store.read_kinds((ORDER_KIND,), from_time_ms=start, mode=Mode.LIVE):
            if event.t_hub >= end:  # hub time rises with gseq (but for a clock set back): nothing later counts
                return
            yield gseq, event

    return orders_in(in_window(), month)


def next_seq(issued: Mapping[str, IssuedOrder], template: OrderTemplate, month: str) -> int:
    """The next order's number within the month: after the ones issued, skipping a number already given."""
    taken = {order.number for order in issued.values()}
    seq = len(issued) + 1
    while order_number(template, month, seq) in taken:
        seq += 1
    return seq
