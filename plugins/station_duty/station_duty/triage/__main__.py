"""``python -m station_duty.triage [FILE] [--rules FILE] [--hour H]``: the ``triage`` command without the desk."""

import sys

from station_duty.triage.cli import main

raise SystemExit(main(sys.argv[1:]))
