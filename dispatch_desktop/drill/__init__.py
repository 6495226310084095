"""Drills for shift commanders (演练): scenario files, their validated loading, scoring over a drill's events,
and a past shift turned into a scenario. Qt-free, in the core beside ``replay``; the runner and the UI build
on it."""
