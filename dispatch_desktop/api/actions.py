"""Incident actions: something a dispatcher can do to the selected incident, from a key, a button in the
dispatch panel or the Incident menu (the built-in re-rank, transfer, recall and close are four of them).

A plugin adds its actions with ``desk.actions.add(IncidentAction(...))`` (or declares them in its
manifest). The desk calls ``enabled`` whenever the selected incident or that incident's record changes,
and ``handler`` when the dispatcher triggers the action; both get the selected incident's id and run on
the desk's GUI thread. Keys are claimed through one keymap: a key that another action or panel of the
desk already uses is refused with ``KeyConflict``, and the action is not added.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

CORE = "core"
"""The owner of the desk's own actions (and panels); no plugin may take this id."""

ACTION_ID = re.compile(r"^[a-z][a-z0-9_]{1,39}\.[a-z][a-z0-9_]{0,39}$")
"""``<owner>.<name>``: the owner is the plugin's id (``core`` for the desk's own actions)."""


@dataclass(frozen=True, kw_only=True)
class IncidentAction:
    """One action on the selected incident.

    - ``id``: ``"<plugin id>.<name>"``, unique on the desk (e.g. ``"shift_log.note_incident"``).
    - ``title``: what the menu, the button and the keyboard reference show; a text, or a function of no
      arguments returning the text in the desk's current language (it is read again after a language
      change).
    - ``key``: the key in Qt's portable text (``"Ctrl+Shift+L"``, ``"F10"``); ``""`` for no key.
    - ``enabled``: given the selected incident's id, whether the action applies to it now; ``None`` means
      "any open incident". Without a selected incident the action is always disabled.
    - ``handler``: called with the selected incident's id when the dispatcher triggers the action.
    """

    id: str
    title: str | Callable[[], str]
    key: str = ""
    enabled: Callable[[str], bool] | None = None
    handler: Callable[[str], None]

    def __post_init__(self) -> None:
        if not ACTION_ID.match(self.id):
            raise ValueError(f"incident action id {self.id!r} must be '<plugin id>.<name>' in lower-case letters, "
                             "digits and underscores, like 'shift_log.note_incident'")

    @property
    def owner(self) -> str:
        """The owner named by the id: the plugin id, or ``core``."""
        return self.id.split(".", 1)[0]

    def text(self) -> str:
        """The title as it reads now."""
        return self.title() if callable(self.title) else self.title


class KeyConflict(ValueError):
    """A key that is already bound where the new binding would work too: Qt would fire neither."""

    def __init__(self, key: str, *, holder: str, holder_owner: str, claimant: str, claimant_owner: str) -> None:
        self.key = key
        self.holder = holder
        self.holder_owner = holder_owner
        self.claimant = claimant
        self.claimant_owner = claimant_owner
        who = (f"the desk's action {claimant}" if claimant_owner == CORE
               else f"the action {claimant} of plugin {claimant_owner}")
        super().__init__(f"{key} is already {holder} ({holder_owner}); {who} cannot use it. "
                         "Give it another key, or none.")


class Actions(Protocol):
    """``desk.actions``: a plugin's way to add incident actions."""

    def add(self, action: IncidentAction) -> None:
        """Add ``action`` to the dispatch panel, the Incident menu and the keymap. Raises ``ValueError``
        when its id is not this plugin's or already taken, ``KeyConflict`` when its key is taken."""
