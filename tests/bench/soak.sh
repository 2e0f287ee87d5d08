#!/bin/sh
# tests/bench/soak.sh MINUTES [BUILD_DIR] [more jicofo_bench flags]
# Issue 10 §4 soak: MINUTES of churn (rooms of 2-8 real 2015-style clients joining, negotiating and leaving)
# against a real Prosody, the bridge simulator and the focus, through jicofo_bench --only=soak. Prints the
# focus's RSS after the warm-up and at the end (both with no room open; growth should stay within 1 MB) and
# the conferences and channels left at the end (0 / 0). Builds jicofo_bench first if needed.
set -eu
if [ $# -lt 1 ]; then
    echo "usage: $0 MINUTES [BUILD_DIR] [jicofo_bench flags, e.g. --soak-workers=6]" >&2
    exit 2
fi
minutes=$1
shift
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
[ $# -ge 1 ] && shift
if [ ! -x "$build/tests/bench/jicofo_bench" ]; then
    cmake -S "$here" -B "$build" -DJICOFO_BUILD_TESTS=ON >/dev/null
    cmake --build "$build" -j2 --target jicofo_bench
fi
exec "$build/tests/bench/jicofo_bench" --only=soak --minutes="$minutes" "$@"
