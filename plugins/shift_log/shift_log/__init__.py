"""The shift log (值班日志): the command center's handover notes, a built-in plugin of Dispatch Desktop.

Entries are plugin events (``entry_added``) in the desk's event log, so every desk shows the same log,
it replays, and it appears in exports. The package imports nothing on its own: the hub imports
``shift_log.events`` (the event schema) in a process without Qt, the desk imports the rest.
"""
