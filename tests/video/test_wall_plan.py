from __future__ import annotations

import pytest

from dispatch_desktop.video.wall_plan import WallPlan


def test_filling_puts_the_ranked_cameras_in_reading_order() -> None:
    plan = WallPlan(4)
    plan.fill(["a", "b", "c"])
    assert plan.tiles == ["a", "b", "c", None]
    plan.fill(["d", "e", "f", "g", "h"])
    assert plan.tiles == ["d", "e", "f", "g"]


def test_pinned_cameras_keep_their_tiles_when_the_incident_changes() -> None:
    plan = WallPlan(4)
    plan.fill(["a", "b", "c", "d"])
    assert plan.pin("b")
    plan.fill(["x", "b", "y", "z", "w"])  # b ranks again: it is not shown twice
    assert plan.tiles == ["x", "b", "y", "z"]
    plan.fill(["p", "q"])
    assert plan.tiles == ["p", "b", "q", None]
    plan.pin("b", False)
    plan.fill(["r"])
    assert plan.tiles == ["r", None, None, None]


def test_a_camera_from_the_map_goes_to_a_free_tile_else_replaces_the_last_unpinned_one() -> None:
    plan = WallPlan(4)
    plan.fill(["a", "b", "c"])
    assert plan.put("m") == 3
    assert plan.put("a") == 0  # already shown: stays where it is
    plan.pin("m")
    assert plan.put("n") == 2
    assert plan.tiles == ["a", "b", "n", "m"]
    for camera in ("a", "b", "n"):
        plan.pin(camera)
    assert plan.put("o") is None
    assert not plan.pin("o")


def test_shrinking_the_layout_keeps_pinned_cameras() -> None:
    plan = WallPlan(9)
    plan.fill([f"c{i}" for i in range(9)])
    plan.pin("c7")
    plan.pin("c0")
    plan.resize(4)
    assert plan.tiles == ["c0", "c7", "c2", "c3"]
    assert plan.pinned == {"c0", "c7"}
    plan.resize(16)
    assert plan.tiles[:4] == ["c0", "c7", "c2", "c3"] and plan.tiles[4:] == [None] * 12
    plan.resize(1)
    assert plan.tiles == ["c0"] and plan.pinned == {"c0"}


def test_only_square_layouts_up_to_25() -> None:
    for size in (1, 4, 9, 16, 25):
        assert WallPlan(size).size == size
    with pytest.raises(ValueError, match="layout"):
        WallPlan(6)
