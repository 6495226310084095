"""The version of the plugin API, apart so that the Qt-free host can read it without the rest."""

from __future__ import annotations

API_VERSION = "1.3"
"""major.minor. A minor release only adds; a major release may remove or change. A plugin declares the
versions it supports in its manifest (``api = ">=1.0,<2"``)."""
