"""A supervision order (督办令) as a PDF (A4): the markup of ``analytics.order.order_markup`` (the issuer and the
title in red over a red rule, the number, the text, an English desk's rendering, the SHA-256 of the Chinese
text) laid out on as many pages as it needs, with a foot naming the order and the page. The page set-up and
the fonts, Chinese ones included, are the incident report's (``ui.report_pdf``)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QPainter, QPdfWriter

from dispatch_desktop.analytics.order import DraftOrder, order_markup, text_sha256
from dispatch_desktop.ui.report_pdf import (
    RESOLUTION_DPI,
    draw_foot,
    point_pixels,
    render_pdf,
    report_font,
    report_font_families,
    text_document,
)

BODY_POINTS = 12  # an official document's text reads larger than a report's tables
_PAGE = {"zh_CN": "第 {page} 页，共 {pages} 页", "en": "Page {page} of {pages}"}


def order_pdf(order: DraftOrder, issuer: str, *, rendering: DraftOrder | None = None, issued: bool = True,
              language: str = "zh_CN") -> bytes:
    """The order as PDF bytes; ``issued`` False marks it a draft."""
    markup = order_markup(order, issuer, rendering=rendering, issued=issued, language=language)
    return render_pdf(f"{order.title} {order.number}", lambda writer: _draw(writer, order, markup, language))


def _draw(writer: QPdfWriter, order: DraftOrder, markup: str, language: str) -> None:
    families = report_font_families()
    paint_rect = writer.pageLayout().paintRectPixels(RESOLUTION_DPI)
    width, height = float(paint_rect.width()), float(paint_rect.height())
    footer = point_pixels(9) * 2.2
    document = text_document(writer, families, markup, width)
    document.setDefaultFont(report_font(families, BODY_POINTS))
    document.setHtml(markup)  # again: the default font applies to what is laid out after it is set
    page_height = height - footer
    document.setPageSize(QSizeF(width, page_height))
    pages = document.pageCount()
    page_words = _PAGE["zh_CN" if language.startswith("zh") else "en"]
    painter = QPainter(writer)
    try:
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * page_height)
            document.drawContents(painter, QRectF(0, page * page_height, width, page_height))
            painter.restore()
            draw_foot(painter, QRectF(0, height - footer * 0.8, width, footer * 0.8), report_font(families, 8),
                      f"{order.number} · SHA-256 {text_sha256(order.text)[:16]}…",
                      page_words.format(page=page + 1, pages=pages))
    finally:
        painter.end()
