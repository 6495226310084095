"""The forces the plugins require per incident (api 1.2 ``desk.require_forces``), for the dispatch panel.

Each requirement is kept per (plugin, incident): a plugin asking again for the same incident replaces
its previous one, its ``cancel`` removes it (unless a newer one replaced it already), and a plugin that
stops loses all of its own. The panel merges what every plugin asks of an incident (``domain.recommend``:
per kind the larger count) and ranks again when an incident's requirements change.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal

from dispatch_desktop.api.forces import ForceRequirement
from dispatch_desktop.domain.recommend import Required


class RequiredForces(QObject):
    changed = Signal(str)  # the incident whose requirements changed

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # (owner, incident) -> (the call's own token, what it requires); the token tells a cancel of an
        # earlier call from one of the call that stands.
        self._required: dict[tuple[str, str], tuple[object, tuple[Required, ...]]] = {}

    def require(self, owner: str, incident: str, forces: Sequence[ForceRequirement], reason: str
                ) -> Callable[[], None]:
        """``owner`` requires ``forces`` for ``incident`` (instead of what it required before), because of
        ``reason``; ValueError naming what is wrong with the arguments. Returns the cancel."""
        required = _checked(owner, incident, forces, reason)
        key, token = (owner, incident), object()
        before = self._required.get(key)
        self._required[key] = (token, required)
        # A plugin re-derives its requirements from every event it hears: the same again leaves the list
        # standing still under the dispatcher's cursor.
        if before is None or before[1] != required:
            self.changed.emit(incident)

        def cancel() -> None:
            standing = self._required.get(key)
            if standing is not None and standing[0] is token:
                del self._required[key]
                self.changed.emit(incident)

        return cancel

    def drop_owner(self, owner: str) -> None:
        """``owner`` stopped: none of its requirements stands any more."""
        for key in [key for key in self._required if key[0] == owner]:
            del self._required[key]
            self.changed.emit(key[1])

    def for_incident(self, incident: str) -> tuple[Required, ...]:
        """Everything required for ``incident``, by every owner, in the order they asked."""
        return tuple(need for (_owner, about), (_token, required) in self._required.items() if about == incident
                     for need in required)


def _checked(owner: str, incident: str, forces: Sequence[ForceRequirement], reason: str) -> tuple[Required, ...]:
    """``require_forces``'s arguments checked, as the ranking takes them; ValueError naming what is wrong."""
    where = f"plugin {owner}: require_forces"
    if not isinstance(incident, str) or not incident:
        raise ValueError(f"{where} needs the incident's id, not {incident!r}")
    if not isinstance(reason, str) or not reason.strip():
        raise ValueError(f"{where} for {incident} needs a reason the dispatcher reads (e.g. the plan's title)")
    given: object = forces  # typed, but a plugin's values come from its own files
    if isinstance(given, ForceRequirement) or not forces:
        raise ValueError(f"{where} for {incident} takes a list of ForceRequirement, at least one")
    kinds: set[str] = set()
    for force in forces:
        if not isinstance(force, ForceRequirement):
            raise ValueError(f"{where} for {incident}: {force!r} is not a ForceRequirement")
        if force.kind in kinds:
            raise ValueError(f"{where} for {incident} names {force.kind.name} twice: give one requirement per "
                             "kind, with its count")
        kinds.add(force.kind)
    return tuple(Required(force.kind, force.count, reason.strip()) for force in forces)
