"""``dispatch-desktop plans validate [DIR]``: check a directory of plans before the desks load it.

Prints every problem (file:line: field: what is wrong), then the trigger cells (incident type × district)
that more than one plan covers, then the districts where a rapid-response incident type has no plan or
only a partial one, in the desk's default city (``api.default_city()``: its districts, stations and places
are every desk's). Exit status: 0 when every plan can be used, 1 when some cannot, 2 when the command line
is wrong. Overlaps and gaps are for the command center to weigh; they do not fail the check.
Without DIR it checks the plans shipped with the plugin.
Also ``python -m emergency_plans`` (no desk needed).
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING

from emergency_plans.coverage import Gap, coverage, overlaps, uncovered
from emergency_plans.library import SHIPPED_PLANS, load_library
from emergency_plans.reference import Reference, default_reference

if TYPE_CHECKING:
    from dispatch_desktop.api import CliContext


def main(argv: list[str], cli: CliContext | None = None) -> int:
    if isinstance(sys.stdout, io.TextIOWrapper):
        sys.stdout.reconfigure(encoding="utf-8")  # district names in Chinese whatever the terminal's locale
    prog = f"dispatch-desktop {cli.command}" if cli is not None else "python -m emergency_plans"
    return run(argv, sys.stdout, sys.stderr, prog)


def run(argv: list[str], stdout: IO[str], stderr: IO[str], prog: str = "plans") -> int:
    parser = argparse.ArgumentParser(prog=prog, description="Emergency plans: check a directory of plan files.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    validate = commands.add_parser("validate", help="check every plan; show overlapping and uncovered trigger cells",
                                   description="Check every *.yaml plan of DIR (default: the shipped plans); "
                                   "show the cells (incident type × district) several plans cover and the "
                                   "rapid-response types some district has no plan for.")
    validate.add_argument("directory", nargs="?", type=Path, default=SHIPPED_PLANS, metavar="DIR")
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # argparse has printed the usage and the error
        return int(stop.code or 0)
    return validate_directory(args.directory, default_reference(), stdout)


def validate_directory(directory: Path, reference: Reference, out: IO[str]) -> int:
    library = load_library(directory, reference)
    if library.problems:
        files = len({problem.file for problem in library.problems})
        print(f"{len(library.problems)} problem(s) in {files} file(s); a plan with a problem is not loaded:", file=out)
        for problem in library.problems:
            print(f"  {problem}", file=out)
    print(f"{len(library.plans)} plan(s) can be used: {', '.join(plan.id for plan in library.plans) or '-'}.",
          file=out)
    cells = coverage(library.plans, reference)
    shared = overlaps(cells)
    print(f"\nOverlaps: {len(shared)} cell(s) (incident type × district) covered by more than one plan "
          "(the matcher suggests the most specific first):", file=out)
    for (incident_type, adcode), covers in shared.items():
        print(f"  {incident_type} × {_district(adcode, reference)}: {'; '.join(map(str, covers))}", file=out)
    gaps = uncovered(cells, reference)
    print(f"\nUncovered: {len(gaps)} rapid-response incident type(s) lack a plan, or a whole-district one, in some "
          "district:", file=out)
    for gap in gaps:
        print(f"  {_gap_line(gap, reference)}", file=out)
    return 1 if library.problems else 0


def _district(adcode: str, reference: Reference) -> str:
    district = reference.districts.get(adcode)
    return f"{adcode} {district.name}" if district is not None else adcode


def _gap_line(gap: Gap, reference: Reference) -> str:
    parts = []
    if gap.none:
        parts.append(f"no plan in {len(gap.none)} district(s): {', '.join(_district(a, reference) for a in gap.none)}")
    if gap.partly:
        parts.append(f"only part of {len(gap.partly)} district(s) (a place, station, polygon, time window or keyword): "
                     f"{', '.join(_district(a, reference) for a in gap.partly)}")
    kind = reference.incident_types.get(gap.incident_type)
    name = f" {kind.name_zh} / {kind.name_en}" if kind is not None else ""
    return f"{gap.incident_type}{name}: {'; '.join(parts)}"
