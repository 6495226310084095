"""A deterministic Guangzhou-like city: real district boundaries, generated everything else."""

from dispatch_desktop.city.cameras import StreamUrl, stream_template, with_streams
from dispatch_desktop.city.districts import CityDataError, load_districts
from dispatch_desktop.city.generate import DEFAULT_SEED, GUANGZHOU_CAMERAS, CitySpec, clear_cache, generate_city
from dispatch_desktop.city.roster import RosterSpec, registration_events

__all__ = [
    "DEFAULT_SEED",
    "GUANGZHOU_CAMERAS",
    "CityDataError",
    "CitySpec",
    "RosterSpec",
    "StreamUrl",
    "clear_cache",
    "generate_city",
    "load_districts",
    "registration_events",
    "stream_template",
    "with_streams",
]
