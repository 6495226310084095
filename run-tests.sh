#!/usr/bin/env bash
# The whole test suite, from a fresh Debian 12 machine (see README.md):
#   1. the same setup as ./setup-and-run.sh (system packages, .venv, translations) plus the test tools;
#   2. a throwaway PostgreSQL server for the store's tests, when one can be started (stopped at the end);
#   3. the static checks, a few seconds: ruff over the repository and mypy over dispatch_desktop (both as
#      configured in pyproject.toml; mypy keeps its cache in .mypy_cache, so a second run checks only what
#      changed);
#   4. pytest in two phases:
#        core - the Qt-free packages, in a process where importing PySide6 fails and with no display;
#        gui  - everything else (UI, plugins...), Qt on its offscreen platform.
# Ends with one line "N passed, N failed[, N skipped]" over the tests, a failed check counting as one failure;
# exits non-zero when a check or a phase failed. Extra arguments go to both pytest runs (e.g. ./run-tests.sh
# -x -k store); the checks run whatever they are.
set -uo pipefail # not -e: the second phase runs, and is counted, even when the first one fails

cd "$(dirname "${BASH_SOURCE[0]}")" || exit 1
python=.venv/bin/python

scripts/setup --tests || exit 1

work=$(mktemp -d /tmp/dispatch-tests.XXXXXX)
postgres_dir=""
stop_postgres() {
    if [ -n "$postgres_dir" ]; then
        scripts/postgres-for-tests stop "$postgres_dir" >/dev/null 2>&1 \
            || echo "[tests] could not stop the PostgreSQL server in $postgres_dir" >&2
        postgres_dir=""
    fi
}
# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() { stop_postgres; rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- PostgreSQL --------------------------------------------------------------------------------
if [ -n "${DISPATCH_TEST_POSTGRES_URL:-}" ]; then
    echo "[tests] PostgreSQL tests run against DISPATCH_TEST_POSTGRES_URL from the environment"
elif [ ! -x scripts/postgres-for-tests ]; then
    echo "[tests] PostgreSQL tests will be SKIPPED: scripts/postgres-for-tests is missing"
elif exports=$(scripts/postgres-for-tests 2>"$work/postgres.log"); then
    eval "$exports"
    postgres_dir=${DISPATCH_TEST_POSTGRES_DIR:-}
    echo "[tests] PostgreSQL tests run against a throwaway server: $DISPATCH_TEST_POSTGRES_URL"
else
    echo "[tests] PostgreSQL tests will be SKIPPED: no throwaway server could be started:"
    sed 's/^/    /' "$work/postgres.log"
fi

# --- which tests go in which phase -------------------------------------------------------------
read -r -a core_packages < <("$python" -c 'from tests.conftest import CORE_PACKAGES; print(*CORE_PACKAGES)') \
    || { echo "[tests] could not read CORE_PACKAGES from tests/conftest.py (error above)" >&2; exit 1; }
core=() gui=()
for entry in tests/*; do
    name=$(basename "$entry")
    if [ -d "$entry" ]; then
        [ "$name" = __pycache__ ] && continue
        if [[ " ${core_packages[*]} " == *" $name "* ]]; then core+=("$entry"); else gui+=("$entry"); fi
    elif [[ $name == test_*.py ]]; then
        # The architecture and CLI checks are Qt-free by design: they run with Qt blocked.
        case $name in
            test_architecture.py | test_cli.py | test_public_api.py) core+=("$entry") ;;
            *) gui+=("$entry") ;;
        esac
    fi
done

passed=0 failed=0 skipped=0 phase_failed=0

# run_check NAME COMMAND...: one static check; when it fails it counts as one failure (its own output says why).
run_check() {
    local name=$1 started=$SECONDS
    shift
    echo
    echo "[tests] check '$name': $*"
    if "$@"; then
        echo "[tests] check '$name': passed ($((SECONDS - started)) s)"
    else
        echo "[tests] check '$name': FAILED, counted as one failure"
        phase_failed=1
        failed=$((failed + 1))
    fi
}

run_check ruff "$python" -m ruff check .
run_check mypy "$python" -m mypy

# run_phase NAME ENV... -- PYTEST_ARGS...: runs pytest under `env ENV...` and adds up its counts.
run_phase() {
    local name=$1 report="$work/$1.xml" status counts p f s
    shift
    local environment=()
    while [ "$1" != -- ]; do environment+=("$1"); shift; done
    shift
    echo
    echo "[tests] phase '$name': $*"
    env "${environment[@]}" "$python" -m pytest --junitxml="$report" -o junit_family=xunit2 "$@"
    status=$?
    counts=$("$python" - "$report" <<'EOF'
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

path = Path(sys.argv[1])
total = failed = skipped = 0
if path.exists():
    for suite in ET.parse(path).getroot().iter("testsuite"):
        total += int(suite.get("tests", 0))
        failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skipped += int(suite.get("skipped", 0))
print(total - failed - skipped, failed, skipped)
EOF
    ) || counts="0 0 0"
    read -r p f s <<<"$counts"
    if [ "$status" -ne 0 ] && [ "$status" -ne 5 ]; then
        phase_failed=1
        if [ "$f" -eq 0 ]; then
            echo "[tests] phase '$name': pytest stopped with exit code $status before reporting a failed test;" \
                "counted as one failure"
            f=1
        fi
    fi
    passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
}

if [ "${#core[@]}" -gt 0 ]; then
    run_phase core -u DISPLAY -u WAYLAND_DISPLAY DISPATCH_BLOCK_QT=1 -- -p no:pytest-qt "${core[@]}" "$@"
fi
if [ "${#gui[@]}" -gt 0 ]; then
    # --no-sandbox: Chromium's sandbox refuses to run as root, and QtWebEngine then ends the process.
    run_phase gui QT_QPA_PLATFORM=offscreen QTWEBENGINE_CHROMIUM_FLAGS=--no-sandbox -- "${gui[@]}" "$@"
else
    echo "[tests] phase 'gui': no GUI test directories yet"
fi

stop_postgres
echo
if [ $((passed + failed)) -eq 0 ]; then
    echo "[tests] FAILED: no test ran at all"
    phase_failed=1
elif [ "$phase_failed" -ne 0 ]; then
    echo "[tests] FAILED"
else
    echo "[tests] OK"
fi
summary="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
exit "$phase_failed"
