"""The drill tests' shared city: generated once (a second or so), as every desk generates it."""

from __future__ import annotations

import pytest

from dispatch_desktop.city import generate_city
from dispatch_desktop.domain.city import City


@pytest.fixture(scope="session")
def city() -> City:
    return generate_city()
