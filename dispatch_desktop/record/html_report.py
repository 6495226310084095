"""An incident's record as one self-contained HTML file (docs/RECORD.md): the facts, the phases against
their targets, the steps, the units, a folium map of the units' tracks, and the event table.

It must open on a machine with no network (an evidence file is read in court rooms and on laptops that
are offline) and must not tell anyone on the internet that it was opened: no request at all. So:

- Leaflet's JavaScript and stylesheet are written into the page from the installed ``xstatic`` package,
  and the stylesheet's few images become ``data:`` URIs;
- everything else folium links from a CDN (jQuery, Bootstrap, Font Awesome, awesome-markers) is left
  out: the page uses none of it (circle markers and tooltips are Leaflet's own);
- there are no tiles: the districts' outlines (``city``) are drawn as a light background instead.
"""

from __future__ import annotations

import base64
import functools
import html
import re
from pathlib import Path
from typing import TYPE_CHECKING, cast

from dispatch_desktop.domain.localtime import date_time_text
from dispatch_desktop.record import report_content as content
from dispatch_desktop.record import texts
from dispatch_desktop.record.model import IncidentRecord
from dispatch_desktop.record.stats import RecordStatistics

if TYPE_CHECKING:
    import folium

# folium (with branca and requests, ~0.2 s) is imported when a report is made, not with the record package.

MAP_HEIGHT = "520px"
_LINKED = re.compile(r'<script src="(?P<script>[^"]+)"></script>|<link rel="stylesheet" href="(?P<sheet>[^"]+)"/>')
_CSS_IMAGE = re.compile(r"url\((?P<name>images/[\w.-]+\.png)\)")

_STYLE = """
html, body { height: auto !important; }  /* folium's page is a full-window map; this one scrolls */
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #222;
       margin: 24px !important; width: auto !important; }
h1 { font-size: 22px; margin: 0 0 12px; } h2 { font-size: 17px; margin: 24px 0 8px; }
table { border-collapse: collapse; margin-bottom: 8px; font-size: 13px; }
th, td { border: 1px solid #bbb; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #eef1f5; } table.facts th { width: 9em; }
td.summary { white-space: pre-wrap; max-width: 48em; }
.swatch { display: inline-block; width: 12px; height: 12px; margin-right: 6px; vertical-align: middle; }
.folium-map { border: 1px solid #bbb; }
footer { margin-top: 24px; font-size: 12px; color: #666; }
"""


@functools.cache
def _leaflet_inline() -> str:
    """Leaflet's script and stylesheet as inline elements (read once per process)."""
    import xstatic.pkg.leaflet

    folder = Path(xstatic.pkg.leaflet.BASE_DIR)
    script = (folder / "leaflet.js").read_text(encoding="utf-8").replace("</script", "<\\/script")

    def image(match: re.Match[str]) -> str:
        data = base64.b64encode((folder / match.group("name")).read_bytes()).decode("ascii")
        return f"url(data:image/png;base64,{data})"

    sheet = _CSS_IMAGE.sub(image, (folder / "leaflet.css").read_text(encoding="utf-8"))
    return f"<script>{script}</script>\n<style>{sheet}</style>"


def _offline(page: str) -> str:
    """The page with every script and stylesheet folium links from a CDN removed, Leaflet's inlined."""
    inlined = False

    def replace(match: re.Match[str]) -> str:
        nonlocal inlined
        url = match.group("script") or match.group("sheet")
        if url.rsplit("/", 1)[-1] in ("leaflet.js", "leaflet.css") and not inlined:
            inlined = True
            return _leaflet_inline()
        return ""

    return _LINKED.sub(replace, page)


def _map(record: IncidentRecord, language: str) -> folium.Map:
    import folium

    said = functools.partial(texts.label, language=language)
    (south, west), (north, east) = content.bounds(record)
    view = folium.Map(location=((south + north) / 2, (west + east) / 2), zoom_start=13, tiles=None,
                      control_scale=True, width="100%", height=MAP_HEIGHT, prefer_canvas=False,
                      attribution_control=False)  # its prefix links to leafletjs.com: no link out either
    for district in content.district_outlines():
        for ring in district.rings:
            folium.Polygon(ring, color=content.DISTRICT_COLOUR, weight=1, fill=True, fill_color="#f2f2f2",
                           fill_opacity=0.6, tooltip=district.name, interactive=False).add_to(view)
    for line in content.track_lines(record):
        for run in line.runs:
            if len(run) > 1:
                folium.PolyLine(run, color=line.colour, weight=4, opacity=0.85,  # type: ignore[no-untyped-call]  # folium leaves PolyLine.__init__ unannotated
                                tooltip=line.unit).add_to(view)
        for point, word, filled in ((line.start, "track_start", "#ffffff"), (line.end, "track_end", line.colour)):
            if point is not None:
                folium.CircleMarker(point, radius=6, color=line.colour, weight=2, fill=True, fill_color=filled,
                                    fill_opacity=1.0, tooltip=f"{line.unit}: {said(word)}").add_to(view)
    incident = record.incident
    folium.CircleMarker((incident.lat, incident.lon), radius=9, color=content.INCIDENT_COLOUR, weight=3, fill=True,
                        fill_color=content.INCIDENT_COLOUR, fill_opacity=0.5,
                        tooltip=f"{said('place')}: {incident.address}").add_to(view)
    if (south, west) != (north, east):
        view.fit_bounds([(south, west), (north, east)], padding=(24, 24))
    # The instance's own lists: the class's name CDN files the page must not load.
    view.default_js = [("leaflet", "leaflet.js")]
    view.default_css = [("leaflet_css", "leaflet.css")]
    return view


def _table(headers: list[str], rows: list[list[str]], *, css_class: str = "", row_classes: list[str] | None = None,
           raw_columns: frozenset[int] = frozenset()) -> str:
    """An HTML table; every cell escaped except the ``raw_columns`` (markup this module made)."""
    head = "".join(f"<th>{html.escape(header)}</th>" for header in headers)
    body = []
    for n, row in enumerate(rows):
        cells = "".join(f"<td>{cell if i in raw_columns else html.escape(cell)}</td>" for i, cell in enumerate(row))
        style = f' style="background:{row_classes[n]}"' if row_classes else ""
        body.append(f"<tr{style}>{cells}</tr>")
    attribute = f' class="{css_class}"' if css_class else ""
    return f"<table{attribute}><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _sections(record: IncidentRecord, statistics: RecordStatistics, language: str,
              generated_ms: int) -> tuple[str, str]:
    """(what goes above the map, what goes below it)."""
    said = functools.partial(texts.label, language=language)
    facts = "".join(f"<tr><th>{html.escape(row.label)}</th><td>{html.escape(row.value)}</td></tr>"
                    for row in content.facts(record, language))
    phases = content.phase_rows(statistics, language)
    units = content.unit_rows(record, statistics, language)
    swatch = '<span class="swatch" style="background:{}"></span>{}'
    above = "\n".join([
        f"<h1>{html.escape(said('title'))} {html.escape(record.incident.id)}</h1>",
        f'<table class="facts">{facts}</table>',
        f"<h2>{html.escape(said('targets'))}</h2>",
        _table([said("step"), said("elapsed"), said("target"), said("level")],
               [[row.name, row.elapsed, row.target, row.level_text] for row in phases],
               css_class="phases", row_classes=[content.LEVEL_COLOURS[row.level] for row in phases]),
        f"<h2>{html.escape(said('intervals'))}</h2>",
        _table([said("step"), said("elapsed")],
               [[row.label, row.value] for row in content.step_rows(statistics, language)], css_class="steps"),
        f"<h2>{html.escape(said('units'))}</h2>",
        _table([said("unit"), said("unit_kind"), said("station"), said("distance"), said("on_scene"), said("fixes")],
               [[swatch.format(row.colour, html.escape(row.name)), row.kind, row.station, row.distance, row.on_scene,
                 row.fixes] for row in units], css_class="units", raw_columns=frozenset({0})),
        f"<h2>{html.escape(said('map'))}</h2>",
    ])
    events = content.event_rows(record, language)
    below = "\n".join([
        f"<h2>{html.escape(said('events'))}</h2>",
        _table(content.event_headings(record, language), [[str(row.gseq), *row[1:]] for row in events],
               css_class="events"),
        f"<footer>{html.escape(said('generated'))}: {html.escape(date_time_text(generated_ms))} · "
        f"{html.escape(said('sha_note'))}</footer>",
    ])
    return above, below


def html_report(record: IncidentRecord, statistics: RecordStatistics, *, language: str = "zh_CN",
                generated_ms: int | None = None) -> bytes:
    """The report as UTF-8 bytes. ``generated_ms``: the time printed at its foot (default: the record's
    newest event, so that the same record gives the same bytes)."""
    import folium
    from branca.element import Figure

    texts.check_language(language)
    view = _map(record, language)
    figure = cast(Figure, view.get_root())
    above, below = _sections(record, statistics, language, generated_ms or record.log_end_ms)
    figure.header.add_child(folium.Element(f"<style>{_STYLE}</style>"), name="report_style")
    page = figure.render()
    # The map's element is added to the body while rendering: the tables go around it afterwards.
    page = page.replace("<body>", f"<body>\n{above}", 1).replace("</body>", f"{below}\n</body>", 1)
    title = html.escape(f"{texts.label('title', language)} {record.incident.id}")
    page = page.replace("<head>", f'<head>\n<meta charset="utf-8"/>\n<title>{title}</title>', 1)
    page = page.replace("<html>", f'<html lang="{"zh-CN" if language == "zh_CN" else "en"}">', 1)
    return _offline(page).encode("utf-8")
