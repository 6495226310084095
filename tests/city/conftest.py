from __future__ import annotations

import pytest

from dispatch_desktop.city import generate_city
from dispatch_desktop.domain.city import City


@pytest.fixture(scope="session")
def city() -> City:
    """The default city, generated once for the whole run."""
    return generate_city()
