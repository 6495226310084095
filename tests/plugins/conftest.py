"""The shift log's tests: a stand-in desk for most (``shift_log_fake_desk``), and the whole desk for the
end-to-end ones (``make_desk``, as the UI tests have it)."""

from __future__ import annotations

import os

# Before anything starts Qt (the top-level conftest does it too; this keeps ``pytest tests/plugins`` and a
# single file working on their own): no display, and QtWebEngine without Chromium's sandbox, which
# refuses to run as root and takes the whole process down.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

from tests.ui.live_desk import make_desk  # noqa: F401 - the real desk, on an in-process hub and store
