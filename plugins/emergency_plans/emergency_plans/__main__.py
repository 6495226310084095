"""``python -m emergency_plans validate [DIR]``: the ``plans`` command without the desk."""

import sys

from emergency_plans.cli import main

raise SystemExit(main(sys.argv[1:]))
