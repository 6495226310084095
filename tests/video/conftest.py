from __future__ import annotations

from pathlib import Path

import pytest

from dispatch_desktop.city import DEFAULT_SEED, generate_city
from dispatch_desktop.domain.city import City
from tests.video.helpers import small_clips


@pytest.fixture(scope="session")
def clips(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return small_clips(tmp_path_factory.mktemp("clips"))


@pytest.fixture(scope="session")
def city() -> City:
    """The city the registry checks places against (its districts are the real ones)."""
    return generate_city(DEFAULT_SEED, cameras=0)
