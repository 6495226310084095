"""The map's words: its layers' titles, the page's own texts and the incident symbol families, as source
texts for the catalogues (context ``MapLayers``), and the page's duration wording."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from dispatch_desktop.ui.i18n import QT_TRANSLATE_NOOP
from dispatch_desktop.ui.map.page import LAYER_ORDER, TYPE_CLASSES

LAYER_TITLES: dict[str, str] = {
    "districts": QT_TRANSLATE_NOOP("MapLayers", "Districts"),
    "stations": QT_TRANSLATE_NOOP("MapLayers", "Police stations and their areas"),
    "patrolAreas": QT_TRANSLATE_NOOP("MapLayers", "Emergency patrol areas"),
    "incidents": QT_TRANSLATE_NOOP("MapLayers", "Incidents"),
    "patrol": QT_TRANSLATE_NOOP("MapLayers", "Patrol groups"),
    "rapid": QT_TRANSLATE_NOOP("MapLayers", "Rapid-response teams"),
    "otherUnits": QT_TRANSLATE_NOOP("MapLayers", "Traffic police and station cars"),
    "dutyPoints": QT_TRANSLATE_NOOP("MapLayers", "Duty points"),
    "checkpoints": QT_TRANSLATE_NOOP("MapLayers", "Checkpoints"),
    "cameras": QT_TRANSLATE_NOOP("MapLayers", "Cameras"),
}
assert set(LAYER_TITLES) == set(LAYER_ORDER), "every map layer needs a title"

MAP_UI: dict[str, str] = {
    "units": QT_TRANSLATE_NOOP("MapLayers", "Units"),
    "incidents": QT_TRANSLATE_NOOP("MapLayers", "Incidents by priority"),
    "cluster": QT_TRANSLATE_NOOP("MapLayers", "{n} incidents here: click to zoom in"),
    "layersButton": QT_TRANSLATE_NOOP("MapLayers", "Layers"),
    "layersHint": QT_TRANSLATE_NOOP("MapLayers", "Show or hide map layers (click again or Esc to close)"),
    "legendButton": QT_TRANSLATE_NOOP("MapLayers", "Legend"),
    "legendHint": QT_TRANSLATE_NOOP("MapLayers", "What the symbols mean (click again or Esc to close)"),
    "unitShape": QT_TRANSLATE_NOOP("MapLayers", "Shape: kind of unit"),
    "unitColour": QT_TRANSLATE_NOOP("MapLayers", "Colour: status"),
    "sos": QT_TRANSLATE_NOOP("MapLayers", "SOS: officer needs help"),
    "stale": QT_TRANSLATE_NOOP("MapLayers", "No report for over {limit}: last known position"),
    "lastReport": QT_TRANSLATE_NOOP("MapLayers", "Last report {age} ago"),
    "noReport": QT_TRANSLATE_NOOP("MapLayers", "No report received yet"),
    "minutes": QT_TRANSLATE_NOOP("MapLayers", "{n} min"),
    "seconds": QT_TRANSLATE_NOOP("MapLayers", "{n} s"),
    "incidentTypes": QT_TRANSLATE_NOOP("MapLayers", "Incidents by type"),
    "clusterLegend": QT_TRANSLATE_NOOP("MapLayers", "Several incidents close together (colour of the most urgent)"),
    "onMap": QT_TRANSLATE_NOOP("MapLayers", "On the map"),
    "selected": QT_TRANSLATE_NOOP("MapLayers", "Selected unit or incident"),
    "focused": QT_TRANSLATE_NOOP("MapLayers", "Incident just located"),
    "station": QT_TRANSLATE_NOOP("MapLayers", "Police station"),
    "stationArea": QT_TRANSLATE_NOOP("MapLayers", "Police station's area"),
}

TYPE_CLASS_TITLES: dict[str, str] = {
    "critical": QT_TRANSLATE_NOOP("MapLayers", "Critical: rapid response"),
    "violent": QT_TRANSLATE_NOOP("MapLayers", "Violence against people"),
    "property": QT_TRANSLATE_NOOP("MapLayers", "Theft, burglary, fraud"),
    "traffic": QT_TRANSLATE_NOOP("MapLayers", "Traffic"),
    "order": QT_TRANSLATE_NOOP("MapLayers", "Public order and other"),
    "non_police": QT_TRANSLATE_NOOP("MapLayers", "Not police business (another department)"),
}
assert set(TYPE_CLASS_TITLES) == set(TYPE_CLASSES), "every incident symbol family needs a title"


def tr(text: str) -> str:
    return QCoreApplication.translate("MapLayers", text)


def duration(seconds: float) -> str:
    """A limit as people say it: whole minutes when it is some, else seconds."""
    if seconds >= 60 and seconds % 60 == 0:
        return tr(MAP_UI["minutes"]).format(n=int(seconds // 60))
    return tr(MAP_UI["seconds"]).format(n=f"{seconds:g}")
