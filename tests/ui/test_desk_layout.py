"""The desk fits its screen: on 1920×1080 and on 1366×768 it opens maximised, the status bar and every
action are on screen, the dispatch panel shows five units in each list, the queue's elapsed time shows
without scrolling, the video wall is a strip until there is something to watch, and it still fits once the
analytics panels are opened, and after View → Reset layout. Each screen size
runs in a process of its own (Qt's offscreen platform, given a screen of that size)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = [pytest.mark.gui, pytest.mark.timeout(180)]

REPO = Path(__file__).resolve().parents[2]


def _layout(tmp_path: Path, width: int, height: int) -> dict[str, object]:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"synchronousWindowSystemEvents": True, "windowFrameMargins": False, "screens": [
        {"name": "s0", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "logicalBaseDpi": 96,
         "dpr": 1}]}))
    environment = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run([sys.executable, "-m", "tests.ui.layout_probe", str(tmp_path / "data")], cwd=REPO,
                          env=environment, capture_output=True, text=True, timeout=150, check=False)
    line = next((x for x in done.stdout.splitlines() if x.startswith("LAYOUT ")), None)
    assert line is not None, done.stdout + done.stderr
    return json.loads(line.removeprefix("LAYOUT "))


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1920, 1080)])
def test_the_desk_fits_the_screen(tmp_path: Path, width: int, height: int) -> None:
    facts = _layout(tmp_path, width, height)
    assert facts["maximized"] and facts["window"] == [width, height]
    assert facts["status_bar_inside"] and facts["buttons_inside"]
    assert facts["recommended_visible"] and facts["assigned_visible"]
    assert facts["recommended_rows"] >= 5 and facts["assigned_rows"] >= 5
    assert facts["elapsed_right_edge"] <= facts["queue_width"]  # no scrolling to see how long it has waited
    assert facts["wall_height"] <= 80  # nothing to watch yet: a strip
    assert facts["cut_off"] == []
    assert facts["map_width"] >= 0.3 * width
    # the district trend and the dashboard opened: on a 1366×768 screen they join the right column's tabs
    # (a stack of their own above the dispatch panel made the window 949 px tall, off the screen's bottom)
    assert facts["window_with_trend"] == [width, height]
    assert facts["min_height_with_trend"] <= height
    assert not facts["trend_cut_off"] and facts["trend_status_bar_inside"]
    # View → Reset layout: the desk's own arrangement for this screen again, the leader's panels put away
    # (before, every panel was shown in the arrangement from before the fitting: 1,008 px tall on 1366×768)
    assert facts["window_after_reset"] == [width, height] and facts["min_height_after_reset"] <= height
    shown = facts["shown_after_reset"]
    assert isinstance(shown, list) and "dispatch" in shown and "intake" in shown
    assert "analytics_dashboard" not in shown and "analytics_trend" not in shown
    assert facts["dispatch_rows_after_reset"] >= 5
