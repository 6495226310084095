"""The drills' Qt side: the drill report drawn as a PDF (``report_pdf``). The drill itself (scenarios, the
record read back from the log, scoring, the HTML report) is Qt-free, in ``dispatch_desktop.drill``."""
