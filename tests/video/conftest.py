from __future__ import annotations

from pathlib import Path

import pytest

from tests.video.helpers import small_clips


@pytest.fixture(scope="session")
def clips(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return small_clips(tmp_path_factory.mktemp("clips"))
