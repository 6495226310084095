"""The replay's tests reuse the record's story log (one incident from call to closing, three units
reporting every 5 s, P-0001 silent for 8 minutes): ``story_store``."""

from tests.record.conftest import guangzhou_time, story_store

__all__ = ["guangzhou_time", "story_store"]
