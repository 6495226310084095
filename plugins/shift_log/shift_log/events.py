"""The shift log's plugin event: its schema, which the hub checks wherever the plugin is installed.

Qt-free: the hub imports this module in a process without Qt (``dispatch-desktop plugins validate``
checks it). Extra fields may be added in later versions; a desk that does not know them ignores them.
"""

from __future__ import annotations

from typing import Annotated

import msgspec

MAX_TEXT = 2000
"""The most characters one entry holds (what the dispatcher's box counts)."""
MAX_OPERATOR = 200
"""As long as the ``operator`` of any workstation command."""

EntryText = Annotated[str, msgspec.Meta(min_length=1, max_length=MAX_TEXT, pattern=r"\S")]
"""1 to 2,000 characters, not only spaces (msgspec's pattern searches: one visible character)."""


class EntryAdded(msgspec.Struct, frozen=True):
    """One entry written in the shift log (``entry_added``). The incident it concerns, if any, and the
    operator who signed the command travel in the plugin event itself (``incident``, ``operator``)."""

    text: EntryText
    operator: Annotated[str, msgspec.Meta(max_length=MAX_OPERATOR)] = ""
    """Who the entry speaks for when not the operator signed in at the desk that wrote it (an entry
    dictated over the phone, an import); empty: the signed-in operator."""
