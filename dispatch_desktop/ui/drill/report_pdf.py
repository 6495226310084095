"""A drill's report as a PDF (A4): the content of the HTML report (``drill.report_content``), with the
exercise's marks on every page: the banner at the top and the watermark "演练 DRILL" across the page, rotated
and translucent, drawn last so that no table covers it. The page set-up, fonts, markup and foot are the
incident report's (``ui.report_pdf``); the content flows over as many pages as it needs.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPdfWriter

from dispatch_desktop.drill import report_content as content
from dispatch_desktop.drill import texts
from dispatch_desktop.drill.record import DrillRecord
from dispatch_desktop.record import texts as record_texts
from dispatch_desktop.record.report_content import LEVEL_COLOURS
from dispatch_desktop.ui.report_pdf import (
    RESOLUTION_DPI,
    bordered_table,
    draw_foot,
    escaped,
    header_row,
    point_pixels,
    render_pdf,
    report_font,
    report_font_families,
    text_document,
)

WATERMARK_POINTS = 64
WATERMARK_ANGLE = -30.0  # degrees, counter-clockwise: corner to corner on a portrait page
BANNER_POINTS = 9


def drill_report_pdf(record: DrillRecord, *, db: str, language: str = "zh_CN") -> bytes:
    """The report as PDF bytes; ``db`` as the replay command names it (its password hidden)."""
    texts.check_language(language)
    return render_pdf(content.title(record, language),
                      lambda writer: _DrillPages(writer, record, db, language).draw())


class _DrillPages:
    def __init__(self, writer: QPdfWriter, record: DrillRecord, db: str, language: str) -> None:
        self.writer = writer
        self.record = record
        self.db = db
        self.language = language
        self.families = report_font_families()
        paint_rect = writer.pageLayout().paintRectPixels(RESOLUTION_DPI)
        self.width = float(paint_rect.width())
        self.height = float(paint_rect.height())
        self.banner = point_pixels(BANNER_POINTS) * 2.4
        self.footer = point_pixels(9) * 2.2
        self.body = QRectF(0, self.banner + point_pixels(6), self.width,
                           self.height - self.footer - self.banner - point_pixels(6))

    def draw(self) -> None:
        document = text_document(self.writer, self.families, self._markup(), self.width)
        document.setPageSize(QSizeF(self.width, self.body.height()))
        pages = document.pageCount()
        painter = QPainter(self.writer)
        try:
            for page in range(pages):
                if page:
                    self.writer.newPage()
                self._banner(painter)
                painter.save()
                painter.translate(0, self.body.top() - page * self.body.height())
                document.drawContents(painter, QRectF(0, page * self.body.height(), self.width, self.body.height()))
                painter.restore()
                foot = QRectF(0, self.height - self.footer * 0.8, self.width, self.footer * 0.8)
                draw_foot(painter, foot, report_font(self.families, 8),
                          f"{self.record.drill_id} · {record_texts.label('sha_note', self.language)}",
                          record_texts.label("page", self.language).format(page=page + 1, pages=pages))
                self._watermark(painter)
        finally:
            painter.end()

    def _banner(self, painter: QPainter) -> None:
        strip = QRectF(0, 0, self.width, self.banner)
        painter.fillRect(strip, QColor(content.BANNER_COLOUR))
        painter.setPen(QColor("#ffffff"))
        font = report_font(self.families, BANNER_POINTS)
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(strip.adjusted(point_pixels(6), 0, -point_pixels(6), 0),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                         texts.label("banner", self.language))

    def _watermark(self, painter: QPainter) -> None:
        painter.save()
        painter.translate(QPointF(self.width / 2, self.height / 2))
        painter.rotate(WATERMARK_ANGLE)
        font = report_font(self.families, WATERMARK_POINTS)
        font.setWeight(QFont.Weight.Bold)
        painter.setFont(font)
        painter.setPen(QColor(*content.WATERMARK_COLOUR))
        size = point_pixels(WATERMARK_POINTS)
        span = QRectF(-self.height / 2, -size, self.height, size * 2)  # a page's height: the diagonal's length
        painter.drawText(span, Qt.AlignmentFlag.AlignCenter, texts.WATERMARK)
        painter.restore()

    def _markup(self) -> str:
        record, language = self.record, self.language
        said = functools.partial(texts.label, language=language)
        facts = "".join(f"<tr><th align=left>{escaped(row.label)}</th><td>{escaped(row.value)}</td></tr>"
                        for row in content.facts(record, language))
        scores = "".join(f"<tr bgcolor='{row.colour}'>" + "".join(f"<td>{escaped(cell)}</td>" for cell in row[:6])
                         + "</tr>" for row in content.score_rows(record, language))
        score_head = header_row(*map(said, ("expectation", "deadline", "met_at", "against", "outcome", "points")))
        injects = "".join("<tr>" + "".join(f"<td>{escaped(cell)}</td>" for cell in row) + "</tr>"
                          for row in content.inject_rows(record, language))
        inject_head = header_row(*map(said, ("inject", "inject_kind", "planned", "actual", "became")))
        incidents = "".join(self._incident(section) for section in content.incident_sections(record, language)) \
            or f"<p>{escaped(said('no_incidents'))}</p>"
        return (
            f"<h1>{escaped(content.title(record, language))}</h1>{bordered_table(facts)}"
            f"<h2>{escaped(said('score'))}</h2>"
            f"<p><b>{escaped(said('total'))}: {escaped(content.score_total(record, language))}</b></p>"
            + (bordered_table(score_head + scores) if scores else "")
            + f"<h2>{escaped(said('injects'))}</h2>{bordered_table(inject_head + injects)}"
            f"<h2>{escaped(said('incidents'))}</h2>{incidents}"
            f"<h2>{escaped(said('replay'))}</h2><p>{escaped(said('replay_note'))}</p>"
            f"<p><tt>{escaped(content.replay_command(record, self.db))}</tt></p>"
        )

    def _incident(self, section: content.IncidentSection) -> str:
        said = functools.partial(record_texts.label, language=self.language)
        facts = "".join(f"<tr><th align=left>{escaped(row.label)}</th><td>{escaped(row.value)}</td></tr>"
                        for row in section.facts)
        phases = "".join(f"<tr bgcolor='{LEVEL_COLOURS[row.level]}'><td>{escaped(row.name)}</td>"
                         f"<td>{escaped(row.elapsed)}</td><td>{escaped(row.target)}</td>"
                         f"<td>{escaped(row.level_text)}</td></tr>" for row in section.phases)
        steps = "".join(f"<tr><td>{escaped(row.label)}</td><td>{escaped(row.value)}</td></tr>" for row in section.steps)
        units = "".join(f"<tr><td><font color='{row.colour}'>■</font> {escaped(row.name)}</td><td>{escaped(row.kind)}"
                        f"</td><td>{escaped(row.station)}</td><td>{escaped(row.distance)}</td>"
                        f"<td>{escaped(row.on_scene)}</td></tr>" for row in section.units)
        unit_head = header_row(*map(said, ("unit", "unit_kind", "station", "distance", "on_scene")))
        return (f"<h3>{escaped(section.title)}</h3>{bordered_table(facts)}<br/>"
                f"{bordered_table(header_row(*map(said, ('step', 'elapsed', 'target', 'level'))) + phases)}<br/>"
                f"{bordered_table(header_row(said('step'), said('elapsed')) + steps)}<br/>"
                + (bordered_table(unit_head + units) + "<br/>" if units else ""))
