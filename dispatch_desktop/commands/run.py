"""``dispatch-desktop run``: the workstation itself.

Only argument parsing and the checks that need no Qt live here; ``dispatch_desktop.app.main`` (the
composition root) builds the store, hub, simulator and window. It is imported inside ``run`` so that
``--help`` and the other subcommands work without Qt.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import MutableMapping
from pathlib import Path

from dispatch_desktop import paths
from dispatch_desktop.commands import arguments

HELP = "start the dispatch workstation (default: SQLite in the user data dir, in-process hub, simulated city)"

LANGUAGES = ("zh_CN", "en")

NO_DISPLAY = """\
dispatch-desktop: no display: neither DISPLAY nor WAYLAND_DISPLAY is set, so the window has nowhere to go.
  - On a desktop, start it from a terminal inside your graphical session.
  - Over SSH, connect with 'ssh -X' (X11 forwarding), or run it on the machine's own screen.
  - Without any screen, take a picture of it instead:
      xvfb-run -a dispatch-desktop run --screenshot shot.png --quit-after 20
      dispatch-desktop run --offscreen --screenshot shot.png --quit-after 20"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    data = parser.add_argument_group("data and network")
    data.add_argument(
        "--db",
        metavar="URL",
        help="event store database (SQLAlchemy URL, e.g. postgresql+psycopg://user@host/dispatch); "
        "default: events.sqlite3 in the user data dir (DISPATCH_DESKTOP_DATA overrides the dir)",
    )
    data.add_argument(
        "--hub",
        metavar="ENDPOINT",
        type=arguments.endpoint,
        help="connect to the external hub at ENDPOINT (e.g. tcp://10.0.0.5:5555) "
        "instead of starting one inside this process",
    )
    data.add_argument(
        "--keys", metavar="DIR", type=Path, help="directory of this workstation's keys (default: keys/ in the data dir)"
    )
    data.add_argument("--sign-key", metavar="FILE", type=arguments.sign_key, default=b"",
                      help="with --hub: " + arguments.SIGN_KEY_HELP + "; the hub's own --sign-key")
    data.add_argument(
        "--workstation",
        metavar="ID",
        type=arguments.identifier,
        help="this workstation's id (the source of its commands and the name of its key); default: the one "
        "workstation key found in the keys directory, else ws-<host name>",
    )

    sim = parser.add_argument_group("simulated city")
    sim.add_argument("--no-sim", action="store_true", help="do not start the simulator (real operations)")
    sim.add_argument("--no-auto-dispatch", action="store_true",
                     help="the simulated city's units still move and its calls still ring, but it neither "
                          "answers calls nor dispatches: you work every call")
    # None leaves the number to the city generator and the simulator, which own their defaults.
    sim.add_argument("--seed", type=int, help="random seed of the city and the simulator")
    sim.add_argument("--units", type=arguments.not_negative(int), help="patrol units to simulate")
    sim.add_argument("--cameras", type=arguments.not_negative(int), help="video cameras in the city")
    sim.add_argument(
        "--speed",
        type=arguments.positive(float),
        default=1.0,
        metavar="X",
        help="simulator time compression: 10 runs ten simulated minutes per real minute (default: 1)",
    )

    ui = parser.add_argument_group("user interface")
    ui.add_argument("--lang", choices=LANGUAGES, default=None,
                    help="interface language for this start (default: the last one chosen in the Language menu, "
                    "else zh_CN)")
    ui.add_argument("--operator", metavar="'NAME BADGE'", type=arguments.operator,
                    help="sign in as this operator (name and badge number) without the sign-in dialog")
    ui.add_argument("--timezone", metavar="ZONE", type=arguments.time_zone, default=None,
                    help="the command center's time zone for clocks, timers and incident numbers "
                    "(default: $DISPATCH_DESKTOP_TIMEZONE, else Asia/Shanghai), whatever the machine's zone")
    ui.add_argument(
        "--offscreen",
        action="store_true",
        help="render without a display (Qt's offscreen platform); useful with --screenshot",
    )
    ui.add_argument("--safe-mode", action="store_true",
                    help="start with no plugin (when one keeps the desk from working); the plugin manager still "
                    "lists them")
    ui.add_argument("--screenshot", metavar="FILE", type=Path, help="save a PNG of the main window to FILE")
    ui.add_argument("--quit-after", metavar="SECONDS", type=arguments.positive(float),
                    help="quit by itself after SECONDS")


def has_display(environ: MutableMapping[str, str]) -> bool:
    # A QT_QPA_PLATFORM chosen by the user (offscreen, vnc, eglfs...) needs neither variable.
    return any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def disable_chromium_sandbox(environ: MutableMapping[str, str]) -> None:
    """Let QtWebEngine start as root (in containers and CI): Chromium's sandbox refuses to run as root
    and QtWebEngine then aborts the whole process. The map page it shows is the app's own local
    Leaflet page, so there is no untrusted web content for the sandbox to contain."""
    flags = environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
    if "--no-sandbox" not in flags:
        environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join([*flags, "--no-sandbox"])


def run(args: argparse.Namespace) -> int:
    if args.sign_key and args.hub is None:
        print("dispatch-desktop run: --sign-key signs what goes to an external hub: give its address with --hub "
              "(the hub inside this process needs no key)", file=sys.stderr)
        return 2
    environ = os.environ
    if args.offscreen:
        environ["QT_QPA_PLATFORM"] = "offscreen"
    elif not has_display(environ):
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    if os.geteuid() == 0:
        disable_chromium_sandbox(environ)

    from dispatch_desktop.storage_checks import Use, check_store

    paths.data_dir()  # clips, keys and attachments live there: an unusable one is said before anything starts
    default = args.db is None
    if default:
        args.db = paths.default_database_url()
    if args.hub is None:  # with an external hub, the store is the hub's, on its machine
        check_store(args.db, Use.CREATE, default=default)  # before the window: damaged, foreign or new?
    if args.keys is None:
        args.keys = paths.keys_dir()
    if args.screenshot is not None:
        args.screenshot = args.screenshot.expanduser().resolve()
        args.screenshot.parent.mkdir(parents=True, exist_ok=True)

    from dispatch_desktop import app  # pulls in Qt: only this subcommand needs it

    return int(app.main(args) or 0)
