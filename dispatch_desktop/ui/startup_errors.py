"""Why the desk cannot start, in the user's language.

The Qt-free start-up (``embedded.py``) raises ``StartupError`` with a stable code, its parameters and
an English sentence. Here each code's sentence is a source text marked with ``QT_TRANSLATE_NOOP`` (so
``pyside6-lupdate`` collects it) and is translated when shown, the parameters filled in afterwards.
An error whose code this version does not know, or that has none, is shown as its message says it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from dispatch_desktop.embedded import StartupError
from dispatch_desktop.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "StartupError"

# The English texts, identical to ``embedded.STARTUP_ERRORS`` (a test holds them equal): repeated here
# because lupdate only collects literal strings.
TEXTS: dict[str, str] = {
    "not_a_file": QT_TRANSLATE_NOOP(
        "StartupError",
        "{store} is a directory, not an event store. It was not changed. Give --db the path of the database "
        "file (events.sqlite3) instead.",
    ),
    "no_permission": QT_TRANSLATE_NOOP(
        "StartupError",
        "You may not read {store}. It was not changed. Run Dispatch Desktop as the user who owns the file, "
        "or ask an administrator for access.",
    ),
    "not_sqlite": QT_TRANSLATE_NOOP(
        "StartupError",
        "{store} is not an SQLite database: it holds something else (overwritten, or --db names the wrong "
        "file). It was not changed. Check --db; if your event store was there, restore it from your backup.",
    ),
    "truncated": QT_TRANSLATE_NOOP(
        "StartupError",
        "{store} is cut short: {size} bytes, fewer than the {expected} it needs (an interrupted copy, a full "
        "disk?). It was not changed. Restore it from your backup, or run 'dispatch-desktop db check --db {url}' "
        "to see what is damaged.",
    ),
    "unreadable": QT_TRANSLATE_NOOP(
        "StartupError",
        "{store} is damaged: the database reports \"{detail}\". It was not changed. Restore it from your "
        "backup, or run 'dispatch-desktop db check --db {url}' to see what is damaged.",
    ),
    "incomplete": QT_TRANSLATE_NOOP(
        "StartupError",
        "{store} is an event store with parts missing ({missing}). It was not changed. Restore it from your "
        "backup, or run 'dispatch-desktop db check --db {url}' to see what is damaged.",
    ),
    "not_ours": QT_TRANSLATE_NOOP(
        "StartupError",
        "{store} is another program's database, not an event store (it holds {tables}). It was not changed. "
        "Check --db: give an event store, or a new name for a new, empty one.",
    ),
    "newer_schema": QT_TRANSLATE_NOOP(
        "StartupError",
        "{store} was written by a newer version of Dispatch Desktop (schema revision {revision}). It was not "
        "changed. Open it with that version, or update this one.",
    ),
    "store_unavailable": QT_TRANSLATE_NOOP(
        "StartupError", "The event store {store} could not be opened: {reason}"
    ),
    "no_key": QT_TRANSLATE_NOOP(
        "StartupError",
        "This workstation ({workstation}) has no key for the hub ({reason}). On the hub machine run "
        "'dispatch-desktop keys create --workstation {workstation} --role dispatcher', then copy "
        "private/{workstation}.key_secret and hub.key into {keys} (keeping private/).",
    ),
    "bad_endpoint": QT_TRANSLATE_NOOP("StartupError", "The hub's address cannot be used: {reason}"),
}


def title() -> str:
    return QCoreApplication.translate("Startup", "Dispatch Desktop cannot start")


def startup_error_text(error: BaseException) -> str:
    """What to tell the user about ``error``, in the installed language."""
    if not isinstance(error, StartupError):  # a bug, not a situation: its type helps the report
        return f"{type(error).__name__}: {error}"
    source = TEXTS.get(error.code)
    if source is None:
        return str(error)
    try:
        return QCoreApplication.translate(CONTEXT, source).format(**error.params)
    except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder: say it in English
        return str(error)
