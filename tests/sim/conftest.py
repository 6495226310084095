from __future__ import annotations

import pytest

from dispatch_desktop.city import generate_city
from dispatch_desktop.domain.city import City

START_MS = 1_480_586_400_000  # 2016-12-01 18:00 in Guangzhou: the evening peak begins
MINUTE_MS = 60_000
HOUR_MS = 3_600_000


@pytest.fixture(scope="session")
def city() -> City:
    """The default city, generated once for the whole run."""
    return generate_city()
