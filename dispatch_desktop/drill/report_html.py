"""A drill's report as one self-contained HTML file: the banner and the watermark "演练 DRILL", the drill's
facts, the score, the inject timeline, each drill incident's intervals and the command that replays it.

Like the incident report (``record.html_report``) it opens offline and asks the network for nothing: no
script, no font, no image, the stylesheet inline. The watermark is a ``position: fixed`` element, which a
browser draws over every screen and repeats on every printed page; the banner opens the page.
"""

from __future__ import annotations

import functools
import html

from dispatch_desktop.domain.localtime import date_time_text
from dispatch_desktop.drill import report_content as content
from dispatch_desktop.drill import texts
from dispatch_desktop.drill.record import DrillRecord
from dispatch_desktop.record import texts as record_texts
from dispatch_desktop.record.report_content import LEVEL_COLOURS

_RED, _GREEN, _BLUE, _ALPHA = content.WATERMARK_COLOUR
_STYLE = f"""
body {{ font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #222; margin: 24px; }}
h1 {{ font-size: 22px; margin: 12px 0; }} h2 {{ font-size: 17px; margin: 24px 0 8px; }}
h3 {{ font-size: 15px; margin: 16px 0 6px; }}
table {{ border-collapse: collapse; margin-bottom: 8px; font-size: 13px; }}
th, td {{ border: 1px solid #bbb; padding: 3px 8px; text-align: left; vertical-align: top; }}
th {{ background: #eef1f5; }} table.facts th {{ width: 9em; }}
.banner {{ background: {content.BANNER_COLOUR}; color: #fff; font-weight: bold; padding: 8px 12px; font-size: 15px; }}
.watermark {{ position: fixed; top: 45%; left: 0; width: 100%; text-align: center; font-size: 120px;
  font-weight: bold; color: rgba({_RED}, {_GREEN}, {_BLUE}, {_ALPHA / 255:.2f}); transform: rotate(-30deg);
  pointer-events: none; z-index: 1000; white-space: nowrap; }}
.total {{ font-size: 17px; font-weight: bold; }}
code {{ display: block; background: #f4f4f4; border: 1px solid #ddd; padding: 6px 8px; white-space: pre-wrap; }}
footer {{ margin-top: 24px; font-size: 12px; color: #666; }}
@media print {{ .banner, th, tr {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }} }}
"""


def _table(headers: list[str], rows: list[list[str]], *, css_class: str = "", colours: list[str] | None = None) -> str:
    head = "".join(f"<th>{html.escape(header)}</th>" for header in headers)
    body = []
    for n, row in enumerate(rows):
        cells = "".join(f"<td>{html.escape(cell)}</td>" for cell in row)
        style = f' style="background:{colours[n]}"' if colours else ""
        body.append(f"<tr{style}>{cells}</tr>")
    attribute = f' class="{css_class}"' if css_class else ""
    return f"<table{attribute}><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _facts(rows: list[tuple[str, str]]) -> str:
    cells = "".join(f"<tr><th>{html.escape(label)}</th><td>{html.escape(value)}</td></tr>" for label, value in rows)
    return f'<table class="facts">{cells}</table>'


def _incident(section: content.IncidentSection, language: str) -> str:
    said = functools.partial(record_texts.label, language=language)
    return "\n".join([
        f"<h3>{html.escape(section.title)}</h3>",
        _facts([(row.label, row.value) for row in section.facts]),
        _table([said("step"), said("elapsed"), said("target"), said("level")],
               [[row.name, row.elapsed, row.target, row.level_text] for row in section.phases], css_class="phases",
               colours=[LEVEL_COLOURS[row.level] for row in section.phases]),
        _table([said("step"), said("elapsed")], [[row.label, row.value] for row in section.steps], css_class="steps"),
        _table([said("unit"), said("unit_kind"), said("station"), said("distance"), said("on_scene")],
               [[row.name, row.kind, row.station, row.distance, row.on_scene] for row in section.units],
               css_class="units") if section.units else "",
    ])


def drill_report_html(record: DrillRecord, *, db: str, language: str = "zh_CN",
                      generated_ms: int | None = None) -> bytes:
    """The report as UTF-8 bytes. ``db``: the event store's URL, as the replay command names it (give it with
    its password hidden). ``generated_ms``: the time at its foot (default: the drill's end, so that the same
    drill gives the same bytes)."""
    texts.check_language(language)
    said = functools.partial(texts.label, language=language)
    score_rows = content.score_rows(record, language)
    sections = content.incident_sections(record, language)
    title = content.title(record, language)
    parts = [
        f'<div class="watermark" aria-hidden="true">{html.escape(texts.WATERMARK)}</div>',
        f'<div class="banner">{html.escape(said("banner"))}</div>',
        f"<h1>{html.escape(title)}</h1>",
        _facts([(row.label, row.value) for row in content.facts(record, language)]),
        f"<h2>{html.escape(said('score'))}</h2>",
        f'<p class="total">{html.escape(said("total"))}: {html.escape(content.score_total(record, language))}</p>',
        _table([said("expectation"), said("deadline"), said("met_at"), said("against"), said("outcome"),
                said("points")], [list(row[:6]) for row in score_rows], css_class="score",
               colours=[row.colour for row in score_rows]) if score_rows else "",
        f"<h2>{html.escape(said('injects'))}</h2>",
        _table([said("inject"), said("inject_kind"), said("planned"), said("actual"), said("became")],
               [list(row) for row in content.inject_rows(record, language)], css_class="injects"),
        f"<h2>{html.escape(said('incidents'))}</h2>",
        "\n".join(_incident(section, language) for section in sections)
        or f"<p>{html.escape(said('no_incidents'))}</p>",
        f"<h2>{html.escape(said('replay'))}</h2>",
        f"<p>{html.escape(said('replay_note'))}</p><code>{html.escape(content.replay_command(record, db))}</code>",
        f"<footer>{html.escape(record_texts.label('generated', language))}: "
        f"{html.escape(date_time_text(generated_ms or record.end_ms))} · "
        f"{html.escape(record_texts.label('sha_note', language))}</footer>",
    ]
    lang = "zh-CN" if language == "zh_CN" else "en"
    page = (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8"/>\n'
            f"<title>{html.escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n"
            + "\n".join(part for part in parts if part) + "\n</body>\n</html>\n")
    return page.encode("utf-8")
