"""``dispatch-desktop cameras``: the camera registry — import a CSV, list, export.

An import checks each row's form and meaning (a place in the service area, a district that holds it, a
stream address the wall can open), stores every good row in one transaction and lists each refused row
with its row number, column and reason; re-importing a camera id updates it. ``--all-or-nothing``
stores nothing if any row is refused, ``--dry-run`` stores nothing at all; both say what the import
would have done.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from dispatch_desktop.commands.registry_cli import RegistryWords, add_registry_arguments, import_summary, registry_url

if TYPE_CHECKING:
    from dispatch_desktop.video.camera_store import CameraImport, CameraStore

HELP = "manage the camera registry (import a CSV with per-row errors, list, export)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    words = RegistryWords("cameras", "the CSV file; relative video paths in it are read from its folder",
                          "print the number of cameras and the first few",
                          "write every camera to a CSV file in the import format")
    add_registry_arguments(parser, words, _import_help())


def run(args: argparse.Namespace) -> int:
    from dispatch_desktop.store import StoreError
    from dispatch_desktop.video.camera_store import CameraStore
    from dispatch_desktop.video.registry import write_cameras_csv

    url = registry_url(args)
    try:
        store = CameraStore.open(url)
    except (StoreError, ValueError) as error:
        print(f"dispatch-desktop cameras: cannot open {url}: {error}", file=sys.stderr)
        return 2
    with store:
        if args.action == "import":
            return _import(store, args)
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


def _import_help() -> str:
    from dispatch_desktop.video.csv_columns import header_help

    return (
        "Add or update cameras from a CSV file: UTF-8 (with or without BOM) or GB18030, as Excel saves it.\n"
        "Every row is checked; each refused one is listed with its row, column and reason, and the good\n"
        "rows are stored (all of them in one go), unless --all-or-nothing or --dry-run says otherwise.\n\n"
        "Columns, in any order; the header names understood besides the English one (case, spaces, _ and -\n"
        "and a trailing note in brackets such as 经度(WGS84) do not matter):\n"
        f"{header_help()}\n\n"
        "id, lat, lon and a name are required; the address is not stored, but names a camera whose name is\n"
        "empty. lat/lon are WGS84 degrees inside the service area (the city's 11 districts). district is an\n"
        "adcode (440106), 天河区, 天河 or Tianhe and must hold the point; it is filled in when empty.\n"
        "stream_url is rtsp:// or rtsps:// (IP cameras, recorders), http:// or https:// (MJPEG, HLS), a\n"
        "video file (file:///..., an absolute path, or a path relative to the CSV's folder, which must\n"
        "exist) or a device number 0-99 as OpenCV numbers cameras; empty: no stream yet.\n"
        "heading and fov are degrees (empty for a dome); tags are separated by ';'."
    )


_MAX_NOTES = 20  # notes (not refusals) can be one a row for a whole registry: show the first few


def _import(store: CameraStore, args: argparse.Namespace) -> int:
    from dispatch_desktop.city import DEFAULT_SEED, CityDataError, generate_city
    from dispatch_desktop.store import StoreError

    try:
        # Only the districts are used, and their boundaries are the real ones whatever the seed.
        city = generate_city(DEFAULT_SEED, cameras=0)
    except CityDataError as error:
        print(f"dispatch-desktop cameras: cannot check places: {error}", file=sys.stderr)
        return 2
    try:
        done = store.import_csv(args.file, city, dry_run=args.dry_run, all_or_nothing=args.all_or_nothing)
    except (OSError, ValueError, StoreError) as error:
        print(f"dispatch-desktop cameras: {args.file}: {error}", file=sys.stderr)
        return 1
    for problem in done.errors:
        print(f"{args.file}: {problem}", file=sys.stderr)
    for note in done.notes[:_MAX_NOTES]:
        print(f"{args.file}: note: {note}", file=sys.stderr)
    if len(done.notes) > _MAX_NOTES:
        print(f"{args.file}: … and {len(done.notes) - _MAX_NOTES} more notes like these", file=sys.stderr)
    print(summary(done, args))
    return 1 if done.errors else 0


def summary(done: CameraImport, args: argparse.Namespace) -> str:
    """"N rows read: M imported (…), K rows refused", and, when nothing was stored, why."""
    return import_summary(rows=done.rows, good=done.good, refused=done.refused, stored=done.stored,
                          dry_run=args.dry_run,
                          counts=f"{done.added} cameras added, {done.updated} updated, {done.unchanged} unchanged")
