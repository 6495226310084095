"""Checkpoints SQLite's write-ahead log on a thread of its own.

Left to itself SQLite checkpoints inside the commit that takes the log past ``wal_autocheckpoint``
pages: that commit then also copies megabytes from the log into the database and syncs it, a stall of
a tenth of a second or more every few seconds under full load, with every acknowledgement of the hub
waiting behind it. Here a PASSIVE checkpoint runs twice a second on a connection of its own, beside the
writer: a passive checkpoint never blocks a writer, and the sqlite3 module releases the GIL while it
works. The writers' own automatic checkpoint stays, at a much higher threshold (``backends``), as the
safety net should this thread ever fall behind.
"""

from __future__ import annotations

import logging
import sqlite3
import threading

log = logging.getLogger(__name__)

INTERVAL_S = 0.5


class Checkpointer:
    def __init__(self, path: str, interval_s: float = INTERVAL_S) -> None:
        self._path = path
        self._interval = interval_s
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="dispatch-store-checkpoint", daemon=True)

    def start(self) -> Checkpointer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(10)

    def _run(self) -> None:
        try:
            connection = sqlite3.connect(self._path, timeout=0, check_same_thread=False)
        except sqlite3.Error:  # the writers' automatic checkpoints still run
            log.exception("cannot open %s to checkpoint its log", self._path)
            return
        try:
            while not self._stop.wait(self._interval):
                try:
                    connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                except sqlite3.Error as error:  # e.g. busy: simply the next time
                    log.debug("checkpoint of %s skipped: %s", self._path, error)
        finally:
            connection.close()
