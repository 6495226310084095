"""The replay window's own widgets: the timeline (lanes, ticks, bookmarks, the cursor)."""
