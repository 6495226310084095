#!/usr/bin/env bash
# Quick start: sets up everything on a fresh Debian 12 machine (scripts/setup: system packages, .venv,
# translations) and starts Dispatch Desktop on its embedded default: SQLite in the user data dir, the
# hub inside the process, a simulated city. Safe to run again; the second time it starts in seconds.
# Arguments go to `dispatch-desktop run`, e.g.  ./setup-and-run.sh --lang en --speed 10
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

scripts/setup

app=.venv/bin/dispatch-desktop
for arg in "$@"; do
    [ "$arg" = --offscreen ] && exec "$app" run "$@"
done
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec "$app" run "$@"
fi

seconds=20
shot=$(.venv/bin/python -c 'from dispatch_desktop.paths import data_dir; print(data_dir())')/screenshots/first-run.png
cat <<EOF

[run] No display: neither DISPLAY nor WAYLAND_DISPLAY is set, so the window has no screen to open on.
[run] Running the app once on a virtual screen (Xvfb) for $seconds seconds to take a screenshot instead...
EOF
rm -f "$shot"
if ! xvfb-run -a -s "-screen 0 1920x1080x24" "$app" run --screenshot "$shot" --quit-after "$seconds" "$@"; then
    echo "[run] The app failed on the virtual screen (its messages are above)." >&2
    exit 1
fi
if [ ! -s "$shot" ]; then
    echo "[run] The app ran but wrote no screenshot to $shot." >&2
    exit 1
fi
cat <<EOF

[run] Screenshot: $shot

To use it on a real screen:
  - on a desktop, run ./setup-and-run.sh from a terminal inside your graphical session;
  - from another machine, log in with X11 forwarding (ssh -X) and run it there;
  - later runs need no setup:  .venv/bin/dispatch-desktop run   (--help lists the options).
Another picture without any screen:
  .venv/bin/dispatch-desktop run --offscreen --screenshot shot.png --quit-after $seconds
EOF
