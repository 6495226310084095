"""``"module:attribute"`` references, as a manifest names a plugin's factories, handlers and schemas: the
shape checked without importing anything, and the import itself with one sentence when it fails."""

from __future__ import annotations

import importlib
import re

_DOTTED = r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*"
MODULE = re.compile(rf"^{_DOTTED}$")
REFERENCE = re.compile(rf"^({_DOTTED}):({_DOTTED})$")


class LoadError(Exception):
    """A reference that cannot be loaded; the message says which module or attribute and why."""


def split_reference(reference: str) -> tuple[str, str]:
    """``("module", "attribute")`` of ``"module:attribute"``; ValueError if it has not that shape."""
    match = REFERENCE.match(reference)
    if match is None:
        raise ValueError(f"{reference!r} is not of the form 'module:attribute'")
    return match.group(1), match.group(2)


def load_reference(reference: str) -> object:
    """Imports the module of ``"module:attribute"`` and returns the attribute (a dotted attribute walks
    into classes). Any exception of the plugin's import (SyntaxError, its own errors) becomes a LoadError
    that names it; the original is chained for the traceback."""
    try:
        module_name, attribute = split_reference(reference)
    except ValueError as error:
        raise LoadError(str(error)) from None
    try:
        target: object = importlib.import_module(module_name)
    except (Exception, SystemExit) as error:  # a plugin's sys.exit() at import must not end the host
        raise LoadError(f"importing {module_name} failed: {type(error).__name__}: {error}") from error
    for part in attribute.split("."):
        try:
            target = getattr(target, part)
        except AttributeError:
            raise LoadError(f"{module_name} has no attribute {attribute}") from None
    return target
