"""The event store: an append-only log of events in SQLite or PostgreSQL, keyframe snapshots of the
projected state, and time travel (``EventStore.state_at``). Qt-free."""

from dispatch_desktop.store.errors import StoreError
from dispatch_desktop.store.event_store import Appended, EventStore, Rebuilt
from dispatch_desktop.store.projector import Projector
from dispatch_desktop.store.writer import StoreWriter

__all__ = ["Appended", "EventStore", "Projector", "Rebuilt", "StoreError", "StoreWriter"]
