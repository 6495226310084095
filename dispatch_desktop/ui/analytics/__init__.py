"""Command analytics on the desk: the live dashboard, the level map, the district trend, the station review."""
