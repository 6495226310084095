"""An incident's record as a PDF (A4): the same content as the HTML report (``record.report_content``),
laid out for paper.

- page 1: the title, the incident's facts, the phases against their targets (coloured by level), the
  steps and the units;
- page 2: the track map, drawn with QPainter: the districts' outlines as a light background (no tiles: a
  PDF must not depend on a map server), each unit's track in its kind's colour and cut at every gap, start
  and end marks, the incident's place, a scale bar and a legend;
- page 3 on: the event table, paginated, its header repeated on every page.

It needs Qt's GUI module but no window: with no application running (the command line), it starts a
``QGuiApplication`` on the offscreen platform. Texts come from ``record.texts`` in the language asked for,
not from the desk's translator, so the command line and the desk give the same file.
"""

from __future__ import annotations

import html
import math
import os
from collections.abc import Callable, Iterable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPdfWriter,
    QPen,
    QTextDocument,
)

from dispatch_desktop.record import report_content as content
from dispatch_desktop.record import texts
from dispatch_desktop.record.model import IncidentRecord
from dispatch_desktop.record.stats import RecordStatistics

RESOLUTION_DPI = 300
MARGIN_MM = 15.0
LATIN_FAMILIES = ("DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Helvetica")
CJK_FAMILIES = ("Microsoft YaHei", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Droid Sans Fallback", "SimHei",
                "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans SC")
"""Families that hold the Chinese glyphs, best first; the first one installed is used. TrueType ones come
first: with the OpenType (CFF) Noto Sans CJK, Qt's PDF maps the digits' glyphs back to the wrong
characters, so a reader copying an incident number out of the file would get control characters."""
SCALE_STEPS_M = (50, 100, 200, 500, 1_000, 2_000, 5_000, 10_000, 20_000, 50_000)
UNIT_COLUMNS = ("unit", "unit_kind", "station", "distance", "on_scene", "fixes")
MIN_MAP_SPAN_M = 1_500.0  # an incident whose units barely moved still shows its streets' scale
_application: QGuiApplication | None = None  # kept alive for the process when this module started it


def ensure_application() -> None:
    """A Qt GUI application, started offscreen if none runs (the command line has no window)."""
    global _application
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _application = QGuiApplication([])


def report_font_families() -> list[str]:
    """A Latin family for letters and digits, then a Chinese one for the rest: the first installed of
    ``LATIN_FAMILIES`` and of ``CJK_FAMILIES`` (with neither, the system's default, and Chinese may show
    as boxes: docs/RECORD.md names the fonts to install)."""
    installed = set(QFontDatabase.families())
    chosen = [next((family for family in choices if family in installed), "")
              for choices in (LATIN_FAMILIES, CJK_FAMILIES)]
    return [family for family in chosen if family] or [QFont().family()]


def report_pdf(record: IncidentRecord, statistics: RecordStatistics, *, language: str = "zh_CN") -> bytes:
    """The report as PDF bytes."""
    texts.check_language(language)
    return render_pdf(f"{texts.label('title', language)} {record.incident.id}",
                      lambda writer: _Report(writer, record, statistics, language).draw())


def render_pdf(title: str, draw: Callable[[QPdfWriter], None]) -> bytes:
    """The PDF that ``draw`` paints on an A4 writer (portrait, ``MARGIN_MM`` margins, ``RESOLUTION_DPI``), as
    bytes: the page set-up every report of the desk shares."""
    ensure_application()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION_DPI)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                     QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                     QPageLayout.Unit.Millimeter))
    writer.setTitle(title)
    writer.setCreator("Dispatch Desktop")
    draw(writer)
    buffer.close()
    return bytes(QByteArray(buffer.data()).data())


def point_pixels(size: float) -> float:
    """Device pixels of a length in points, at the reports' resolution."""
    return size * RESOLUTION_DPI / 72


def report_font(families: list[str], points: float) -> QFont:
    font = QFont()
    font.setFamilies(families)
    font.setPointSizeF(points)
    return font


def text_document(writer: QPdfWriter, families: list[str], markup: str, width: float) -> QTextDocument:
    """``markup`` laid out ``width`` pixels wide for ``writer``, in the reports' fonts and table style."""
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)  # point sizes at the writer's resolution
    document.setDefaultFont(report_font(families, 9.5))
    document.setDocumentMargin(0)
    document.setDefaultStyleSheet("th { background-color: #eef1f5; font-weight: bold; } "
                                  "h1 { font-size: 16pt; } h2 { font-size: 12pt; } h3 { font-size: 10.5pt; }")
    document.setHtml(markup)
    document.setTextWidth(width)
    return document


def draw_foot(painter: QPainter, foot: QRectF, font: QFont, left: str, right: str) -> None:
    """A page's foot: ``left`` (what the file is) and ``right`` (its page number), small and grey."""
    painter.setFont(font)
    painter.setPen(QColor("#666666"))
    painter.drawText(foot, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, left)
    painter.drawText(foot, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, right)


class _Report:
    def __init__(self, writer: QPdfWriter, record: IncidentRecord, statistics: RecordStatistics,
                 language: str) -> None:
        self.writer = writer
        self.record = record
        self.statistics = statistics
        self.language = language
        self.families = report_font_families()
        paint_rect = writer.pageLayout().paintRectPixels(RESOLUTION_DPI)
        self.width = float(paint_rect.width())
        self.height = float(paint_rect.height())
        self.footer = self._points(9) * 2.2  # room for "page n of m" at the foot
        self.body = QRectF(0, 0, self.width, self.height - self.footer)

    def _font(self, points: float) -> QFont:
        return report_font(self.families, points)

    @staticmethod
    def _points(size: float) -> float:
        return point_pixels(size)

    def _said(self, key: str) -> str:
        return texts.label(key, self.language)

    def _document(self, markup: str, width: float) -> QTextDocument:
        return text_document(self.writer, self.families, markup, width)

    def draw(self) -> None:
        events = self._document(self._events_markup(), self.width)
        events.setPageSize(QSizeF(self.width, self.body.height()))
        pages = 2 + events.pageCount()
        painter = QPainter(self.writer)
        try:
            self._summary_page(painter)
            self._foot(painter, 1, pages)
            self.writer.newPage()
            self._map_page(painter)
            self._foot(painter, 2, pages)
            for page in range(events.pageCount()):
                self.writer.newPage()
                painter.save()
                painter.translate(0, -page * self.body.height())
                events.drawContents(painter, QRectF(0, page * self.body.height(), self.width, self.body.height()))
                painter.restore()
                self._foot(painter, 3 + page, pages)
        finally:
            painter.end()

    def _foot(self, painter: QPainter, page: int, pages: int) -> None:
        foot = QRectF(0, self.height - self.footer * 0.8, self.width, self.footer * 0.8)
        draw_foot(painter, foot, self._font(8), f"{self.record.incident.id} · {self._said('sha_note')}",
                  self._said("page").format(page=page, pages=pages))

    # --- page 1 ------------------------------------------------------------------------------------------

    def _summary_page(self, painter: QPainter) -> None:
        said, language = self._said, self.language
        facts = "".join(f"<tr><th align=left>{escaped(row.label)}</th><td>{escaped(row.value)}</td></tr>"
                        for row in content.facts(self.record, language))
        phases = "".join(
            f"<tr bgcolor='{content.LEVEL_COLOURS[row.level]}'><td>{escaped(row.name)}</td>"
            f"<td>{escaped(row.elapsed)}</td><td>{escaped(row.target)}</td><td>{escaped(row.level_text)}</td></tr>"
            for row in content.phase_rows(self.statistics, language))
        steps = "".join(f"<tr><td>{escaped(row.label)}</td><td>{escaped(row.value)}</td></tr>"
                        for row in content.step_rows(self.statistics, language))
        units = "".join(
            f"<tr><td><font color='{row.colour}'>■</font> {escaped(row.name)}</td><td>{escaped(row.kind)}</td>"
            f"<td>{escaped(row.station)}</td><td>{escaped(row.distance)}</td><td>{escaped(row.on_scene)}</td>"
            f"<td align=right>{escaped(row.fixes)}</td></tr>"
            for row in content.unit_rows(self.record, self.statistics, language))
        markup = (
            f"<h1>{escaped(said('title'))} {escaped(self.record.incident.id)}</h1>"
            f"{bordered_table(facts)}"
            f"<h2>{escaped(said('targets'))}</h2>"
            f"{bordered_table(header_row(said('step'), said('elapsed'), said('target'), said('level')) + phases)}"
            f"<h2>{escaped(said('intervals'))}</h2>"
            f"{bordered_table(header_row(said('step'), said('elapsed')) + steps)}"
            f"<h2>{escaped(said('units'))}</h2>"
            f"{bordered_table(header_row(*map(said, UNIT_COLUMNS)) + units)}"
        )
        self._document(markup, self.width).drawContents(painter, self.body)

    # --- page 2: the map -------------------------------------------------------------------------------

    def _map_page(self, painter: QPainter) -> None:
        title = self._document(f"<h2>{escaped(self._said('map'))}</h2>", self.width)
        title.drawContents(painter, self.body)
        top = title.size().height() + self._points(4)
        legend_height = self._points(14) * (3 + math.ceil((len(self.record.units) + 1) / 5))
        area = QRectF(0, top, self.width, min(self.width * 1.15, self.body.height() - top - legend_height))
        projection = _Projection(self.record, area)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setClipRect(area)
        painter.fillRect(area, QColor("#fbfbf8"))
        self._districts(painter, projection)
        self._tracks(painter, projection)
        painter.restore()
        painter.setPen(QPen(QColor("#888888"), self._points(0.6)))
        painter.drawRect(area)
        self._scale_bar(painter, projection, area)
        self._legend(painter, QRectF(0, area.bottom() + self._points(6), self.width, legend_height))

    def _districts(self, painter: QPainter, projection: _Projection) -> None:
        painter.setPen(QPen(QColor(content.DISTRICT_COLOUR), self._points(0.5)))
        painter.setBrush(QColor("#eeeeee"))
        outlines = content.district_outlines()
        for district in outlines:
            for ring in district.rings:
                painter.drawPath(_path(projection.point(lat, lon) for lat, lon in ring))
        painter.setFont(self._font(11))
        painter.setPen(QColor("#9a9a9a"))
        for district in outlines:  # where a district's middle is on the map: which districts these are
            painter.drawText(projection.point(*district.label_at), district.name)

    def _tracks(self, painter: QPainter, projection: _Projection) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        radius = self._points(2.2)
        for line in content.track_lines(self.record):
            colour = QColor(line.colour)
            painter.setPen(QPen(colour, self._points(1.6), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                                Qt.PenJoinStyle.RoundJoin))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for run in line.runs:
                if len(run) > 1:
                    painter.drawPath(_path((projection.point(lat, lon) for lat, lon in run), closed=False))
            for point, fill in ((line.start, QColor("#ffffff")), (line.end, colour)):
                if point is not None:
                    painter.setBrush(fill)
                    painter.drawEllipse(projection.point(*point), radius, radius)
        incident = self.record.incident
        painter.setPen(QPen(QColor(content.INCIDENT_COLOUR), self._points(1.2)))
        painter.setBrush(QColor(211, 47, 47, 110))
        painter.drawEllipse(projection.point(incident.lat, incident.lon), radius * 1.8, radius * 1.8)

    def _scale_bar(self, painter: QPainter, projection: _Projection, area: QRectF) -> None:
        wanted = area.width() / 4 / projection.pixels_per_metre
        metres = max((step for step in SCALE_STEPS_M if step <= wanted), default=SCALE_STEPS_M[0])
        length = metres * projection.pixels_per_metre
        left, bottom = area.left() + self._points(10), area.bottom() - self._points(10)
        painter.setPen(QPen(QColor("#222222"), self._points(1.2)))
        painter.drawLine(QPointF(left, bottom), QPointF(left + length, bottom))
        for x in (left, left + length):
            painter.drawLine(QPointF(x, bottom - self._points(3)), QPointF(x, bottom))
        painter.setFont(self._font(8))
        label = f"{metres // 1000} km" if metres >= 1000 else f"{metres} m"
        painter.drawText(QPointF(left, bottom - self._points(5)), label)

    def _legend(self, painter: QPainter, area: QRectF) -> None:
        said = self._said
        entries = [(line.colour, line.unit) for line in content.track_lines(self.record)]
        entries.append((content.INCIDENT_COLOUR, said("place")))
        items = "&nbsp;&nbsp; ".join(f"<font color='{colour}'>■</font>&nbsp;{escaped(name)}"
                                     for colour, name in entries)
        note = f"○ {escaped(said('track_start'))} &nbsp; ● {escaped(said('track_end'))}"
        self._draw_at(painter, self._document(f"<p>{items}</p><p>{note}</p>", area.width()), area)

    @staticmethod
    def _draw_at(painter: QPainter, document: QTextDocument, area: QRectF) -> None:
        painter.save()
        painter.translate(area.topLeft())
        document.drawContents(painter, QRectF(0, 0, area.width(), area.height()))
        painter.restore()

    # --- page 3 on: the events -------------------------------------------------------------------------

    def _events_markup(self) -> str:
        said = self._said
        rows = "".join(
            f"<tr><td>{row.gseq}</td><td>{escaped(row.time)}</td><td>{escaped(row.kind)}</td>"
            f"<td>{escaped(row.unit)}</td><td>{escaped(row.operator)}</td><td>{escaped(row.summary)}</td></tr>"
            for row in content.event_rows(self.record, self.language))
        head = header_row(*content.event_headings(self.record, self.language))
        return f"<h2>{escaped(said('events'))}</h2><table border=1 cellspacing=0 cellpadding=3 width='100%'>" \
               f"<thead>{head}</thead>{rows}</table>"


class _Projection:
    """Degrees to the page: equirectangular around the middle latitude (exact enough for a few km), the
    record's extent plus a margin fitted into ``area`` at one scale for both axes."""

    METRES_PER_DEGREE_LAT = 110_574.0
    METRES_PER_DEGREE_LON_AT_EQUATOR = 111_320.0

    def __init__(self, record: IncidentRecord, area: QRectF) -> None:
        (south, west), (north, east) = content.bounds(record)
        self.mid_lat = (south + north) / 2
        self.lon_metres = self.METRES_PER_DEGREE_LON_AT_EQUATOR * math.cos(math.radians(self.mid_lat))
        span_x = max((east - west) * self.lon_metres, MIN_MAP_SPAN_M) * 1.2
        span_y = max((north - south) * self.METRES_PER_DEGREE_LAT, MIN_MAP_SPAN_M) * 1.2
        self.pixels_per_metre = min(area.width() / span_x, area.height() / span_y)
        self.centre = ((south + north) / 2, (west + east) / 2)
        self.area_centre = area.center()

    def point(self, lat: float, lon: float) -> QPointF:
        x = (lon - self.centre[1]) * self.lon_metres * self.pixels_per_metre
        y = (lat - self.centre[0]) * self.METRES_PER_DEGREE_LAT * self.pixels_per_metre
        return QPointF(self.area_centre.x() + x, self.area_centre.y() - y)


def _path(points: Iterable[QPointF], *, closed: bool = True) -> QPainterPath:
    path = QPainterPath()
    for n, point in enumerate(points):
        if n == 0:
            path.moveTo(point)
        else:
            path.lineTo(point)
    if closed:
        path.closeSubpath()
    return path


def escaped(value: str) -> str:
    """Escaped for QTextDocument's HTML, line breaks kept (a note typed on two lines)."""
    return html.escape(value).replace("\n", "<br/>")


def header_row(*labels: str) -> str:
    return "<tr>" + "".join(f"<th align=left>{escaped(label)}</th>" for label in labels) + "</tr>"


def bordered_table(rows: str) -> str:
    return f"<table border=1 cellspacing=0 cellpadding=3>{rows}</table>"
