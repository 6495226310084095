"""``dispatch-desktop keys``: CurveZMQ key pairs for field units and workstations.

``keys create --unit P-0001 [P-0002 …]`` (with a warning for a unit the hub would refuse: on neither the
unit registry nor the generated city's roster) / ``keys create --workstation ws-01 --role dispatcher`` (or
``--workstation gw-110 --role telephony`` for a telephony gateway, which offers 110 calls) writes
``DIR/private/NAME.key_secret`` (hand it to the device) and ``DIR/authorized/NAME.key`` (the hub accepts
it from then on, without a restart). ``keys revoke NAME`` removes the authorized key: the hub refuses the
key's next message. ``keys list`` shows every key. The hub's own certificate (``DIR/hub.key``, needed by
every client) is created with the first key. ``keys sign-key FILE`` writes a fresh shared key for
``--sign-key`` (message signing; ``bus.signing``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dispatch_desktop import paths
from dispatch_desktop.bus.keys import KeyDirectory, KeyFileError, Kind, Role
from dispatch_desktop.bus.signing import SignKeyError, write_sign_key

HELP = "create, list and revoke the CurveZMQ keys of field units and workstations"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dir", type=Path, default=None,
                        help="key directory (default: the 'keys' folder in the user data dir)")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    create = actions.add_parser("create", help="create a key pair and authorize it")
    who = create.add_mutually_exclusive_group(required=True)
    who.add_argument("--unit", nargs="+", metavar="UNIT", help="field unit id(s), e.g. P-0001")
    who.add_argument("--workstation", metavar="NAME", help="workstation id, e.g. ws-01")
    create.add_argument("--role", choices=[r.value for r in Role],
                        help="workstation role: supervisors are read-only; a telephony gateway (which "
                             "rings 110 calls in) is a workstation of role telephony")
    create.add_argument("--dir", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    create.add_argument("--db", metavar="URL",
                        help="event store whose unit registry a --unit id is looked up in, to warn about a unit the "
                             "hub would refuse (default: the user data dir's SQLite)")
    listing = actions.add_parser("list", help="list keys and whether the hub accepts them")
    listing.add_argument("--dir", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    revoke = actions.add_parser("revoke", help="stop the hub accepting a key (takes effect at once)")
    revoke.add_argument("name", help="unit or workstation id")
    revoke.add_argument("--dir", type=Path, default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    sign = actions.add_parser("sign-key", help="write a fresh shared key for --sign-key (hub, run --hub, simulate)")
    sign.add_argument("file", type=Path, help="where to write it (readable by its owner only); copy it to every end")
    sign.add_argument("--force", action="store_true", help="replace an existing key file")


def run(args: argparse.Namespace) -> int:
    if args.action == "sign-key":
        return _sign_key(args.file, force=args.force)
    directory = KeyDirectory(args.dir if args.dir is not None else paths.keys_dir())
    try:
        if args.action == "create":
            return _create(directory, args)
        if args.action == "revoke":
            if not directory.revoke(args.name):
                print(f"dispatch-desktop keys: no authorized key named {args.name}", file=sys.stderr)
                return 1
            print(f"revoked {args.name}")
            return 0
        return _list(directory)
    except KeyFileError as error:
        print(f"dispatch-desktop keys: {error}", file=sys.stderr)
        return 2


def _create(directory: KeyDirectory, args: argparse.Namespace) -> int:
    targets: list[tuple[str, Kind, Role | None]]  # name, kind, a workstation's role
    if args.workstation:
        if not args.role:
            print("dispatch-desktop keys: a workstation key needs --role", file=sys.stderr)
            return 2
        targets = [(args.workstation, Kind.WORKSTATION, Role(args.role))]
    else:
        if args.role:
            print("dispatch-desktop keys: --role is for workstations only", file=sys.stderr)
            return 2
        targets = [(unit, Kind.UNIT, None) for unit in args.unit]
    for name, kind, role in targets:
        directory.create(name, kind, role)
        print(f"created {kind.value} {name}{f' ({role.value})' if role else ''}: "
              f"{directory.private / (name + '.key_secret')}")
    print(f"hub public key: {directory.root / 'hub.key'}")
    if args.unit:
        from dispatch_desktop.commands.units import warn_off_roster

        warn_off_roster(args.unit, args.db)
    return 0


def _list(directory: KeyDirectory) -> int:
    rows = directory.listing()
    print(f"{'NAME':<16} {'KIND':<12} {'ROLE':<11} {'STATUS':<10} PUBLIC KEY")
    for cert, authorized in rows:
        role = cert.role.value if cert.role else "-"
        status = "authorized" if authorized else "revoked"
        print(f"{cert.name:<16} {cert.kind.value:<12} {role:<11} {status:<10} {cert.public_key.decode()}")
    print(f"{len(rows)} key(s) in {directory.root}")
    return 0


def _sign_key(path: Path, *, force: bool) -> int:
    try:
        write_sign_key(path, force=force)
    except SignKeyError as error:
        print(f"dispatch-desktop keys: {error}", file=sys.stderr)
        return 1
    print(f"wrote a signing key to {path}: give the hub and every client a copy, with --sign-key {path}")
    return 0
