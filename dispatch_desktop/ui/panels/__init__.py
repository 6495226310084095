"""Dockable panels of the workstation; each is a plain widget that subscribes to the models."""
