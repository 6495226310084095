"""The store's own error type."""

from __future__ import annotations


class StoreError(Exception):
    """The database cannot be used as an event store: unreachable, not a database, written by a
    newer version of Dispatch Desktop, unsupported URL… The message says which, for a person."""
