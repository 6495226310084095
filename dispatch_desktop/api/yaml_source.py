"""A YAML file read into a msgspec Struct with every problem named by file, line and field (the desk's
own reader of plan and drill files, for a plugin's files): ``parse`` the text, then ``convert`` it with a
``Schema`` (the root Struct, what the file should be, plain words for its regex patterns); each ``Problem``
prints as ``file:line: field: message``. YAML 1.2 plain scalars: ``23:00`` and ``no`` stay text."""

from __future__ import annotations

from dispatch_desktop.domain.yaml_source import Document, Path_, Problem, Schema, convert, describe, parse, render_path

__all__ = ["Document", "Path_", "Problem", "Schema", "convert", "describe", "parse", "render_path"]
