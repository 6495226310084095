"""One plan file read from YAML into a ``Plan``, with every problem named by file, line and field.

The reading itself (YAML 1.2 plain scalars, the node tree's lines, msgspec's errors reworded for the person
who edits the file, each field and list item converted on its own) is the desk's ``api.yaml_source``; this
module names what a plan file holds and how its patterns read.
"""

from __future__ import annotations

from dispatch_desktop.api import yaml_source
from dispatch_desktop.api.yaml_source import Document, Path_, render_path
from emergency_plans.model import Plan

PlanProblem = yaml_source.Problem
"""One thing wrong in a plan file (``file:line: field: message``)."""

PLAN_FILE = yaml_source.Schema(
    root=Plan,
    what="a plan (a mapping of id, version, title, trigger, steps…)",
    patterns={
        r"^[a-z][a-z0-9_]{2,63}$": 'an id of 3 to 64 characters: a lowercase letter, then lowercase letters, '
                                   'digits or "_"',
        r"^[a-z][a-z0-9_]{0,63}$": 'an id: a lowercase letter, then lowercase letters, digits or "_" (64 at most)',
        r"^(([01][0-9]|2[0-3]):[0-5][0-9]|24:00)$": 'a local time "HH:MM" from 00:00 to 24:00 (in quotes)',
        r"^[0-9+][0-9 ()\-]{2,31}$": 'a phone number (digits, spaces, "-", "+", brackets)',
    },
)


def parse(text: str, file: str) -> tuple[Document | None, list[PlanProblem]]:
    """The document, or the YAML syntax error (and any key given twice in one mapping)."""
    return yaml_source.parse(text, file, empty="the file is empty; a plan starts with its id, version and title")


def convert(document: Document) -> tuple[Plan | None, list[PlanProblem]]:
    """The plan, or every shape problem found (each field and list item converted on its own)."""
    return yaml_source.convert(document, PLAN_FILE)


__all__ = ["Document", "Path_", "PlanProblem", "convert", "parse", "render_path"]
