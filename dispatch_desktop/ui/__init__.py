"""The dispatcher's workstation (the only package that imports Qt).

Entry point: ``ui.workstation.Workstation(city, feed, settings)``, a QMainWindow fed by a
``ui.models.state_feed.StateFeed`` whose ``push(state, changed_events)`` / ``set_connected(up)`` any
thread may call. Models (``ui.models``) emit, panels (``ui.panels``) and the map (``ui.map``) subscribe.
"""
