"""``dispatch-desktop cameras``: the camera registry — import a CSV, list, export.

An import stores every good row in one transaction and lists each refused row with its row number,
column and reason; re-importing a camera id updates it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dispatch_desktop import paths

HELP = "manage the camera registry (import a CSV with per-row errors, list, export)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL", help="event store database (default: the user data dir's SQLite)")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    load = actions.add_parser("import", help="add or update cameras from a CSV file (UTF-8 or GB18030)")
    load.add_argument("file", type=Path)
    actions.add_parser("list", help="print the number of cameras and the first few")
    out = actions.add_parser("export", help="write every camera to a CSV file in the import format")
    out.add_argument("file", type=Path)


def run(args: argparse.Namespace) -> int:
    from dispatch_desktop.store import StoreError
    from dispatch_desktop.store.cameras import CameraStore
    from dispatch_desktop.video.registry import write_cameras_csv

    url = args.db or paths.default_database_url()
    try:
        store = CameraStore.open(url)
    except (StoreError, ValueError) as error:
        print(f"dispatch-desktop cameras: cannot open {url}: {error}", file=sys.stderr)
        return 2
    with store:
        if args.action == "import":
            try:
                done = store.import_csv(args.file)
            except (OSError, ValueError, StoreError) as error:
                print(f"dispatch-desktop cameras: {args.file}: {error}", file=sys.stderr)
                return 1
            for problem in done.errors:
                print(f"{args.file}: {problem}", file=sys.stderr)
            print(f"{done.rows} rows read: {done.added} cameras added, {done.updated} updated, "
                  f"{done.unchanged} unchanged, {len(done.errors)} rows refused")
            return 1 if done.errors else 0
        if args.action == "list":
            cameras = store.all()
            print(f"{len(cameras)} cameras")
            for camera in cameras[:20]:
                print(f"  {camera.id}  {camera.name}  {camera.lat:.6f},{camera.lon:.6f}  {camera.stream_url or '-'}")
            return 0
        with args.file.open("w", encoding="utf-8", newline="") as out:
            write_cameras_csv(store.iterate(), out)
        print(f"{store.count()} cameras written to {args.file}")
        return 0
