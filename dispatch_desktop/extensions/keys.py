"""The textual check of a shortcut a manifest declares (``key = "Ctrl+Shift+L"``), without Qt.

It accepts what ``QKeySequence(text, PortableText)`` reads for a desk's shortcuts: up to four chords
separated by ", ", each made of distinct modifiers and one key joined by "+". Whether the key is free is
the Qt side's business (the central keymap refuses conflicts with both owners named).
"""

from __future__ import annotations

MODIFIERS = ("Ctrl", "Shift", "Alt", "Meta", "Num")
_NAMED_KEYS = (
    "Esc", "Tab", "Backtab", "Backspace", "Return", "Enter", "Ins", "Del", "Pause", "Print", "SysReq",
    "Home", "End", "Left", "Up", "Right", "Down", "PgUp", "PgDown", "Space", "Menu", "Help", "Clear",
    "Back", "Forward", "Stop", "Refresh", "Search", "Favorites", "Standby", "Select", "Cancel", "Execute",
    "CapsLock", "NumLock", "ScrollLock",
    *(f"F{number}" for number in range(1, 36)),
)
_KEYS_BY_FOLDED = {name.casefold(): name for name in _NAMED_KEYS}
_MODIFIERS_BY_FOLDED = {name.casefold(): name for name in MODIFIERS}
MAX_CHORDS = 4
EXAMPLE = 'write it like "Ctrl+Shift+L" or "F6"'


def key_problem(text: str) -> str | None:
    """Why ``text`` is not a key sequence (a clause to put after the value), or None if it is one."""
    if not text.strip():
        return f"a key cannot be empty: leave key out for no shortcut, or {EXAMPLE}"
    chords = text.split(", ")
    if len(chords) > MAX_CHORDS:
        return f"a shortcut has at most {MAX_CHORDS} chords separated by \", \""
    for chord in chords:
        problem = _chord_problem(chord)
        if problem is not None:
            return problem
    return None


def _chord_problem(chord: str) -> str | None:
    if chord.endswith("++"):  # "Ctrl++": the plus key itself
        modifiers_text, key = chord[:-2], "+"
    else:
        modifiers_text, _, key = chord.rpartition("+")
    modifiers = modifiers_text.split("+") if modifiers_text else []
    if not key:
        return f'"{chord}" names no key; {EXAMPLE}'
    seen: set[str] = set()
    for modifier in modifiers:
        name = _MODIFIERS_BY_FOLDED.get(modifier.strip().casefold())
        if name is None:
            return f'"{modifier}" is not a modifier (use {", ".join(MODIFIERS)}); {EXAMPLE}'
        if name in seen:
            return f'"{chord}" names the modifier {name} twice'
        seen.add(name)
    if key.casefold() in _MODIFIERS_BY_FOLDED:
        return f'"{chord}" has only modifiers; add the key they go with, e.g. "{chord}+L"'
    if len(key) == 1 and key.isprintable() and not key.isspace():
        return None
    if key.casefold() in _KEYS_BY_FOLDED:
        return None
    return f'"{key}" is not a key (a single character, F1 to F35, or a name such as Del, PgUp, Space); {EXAMPLE}'
