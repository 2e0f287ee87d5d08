#!/bin/sh
# Builds one dist archive, like the original's `ant dist.OS -Dlabel=LABEL`:
#   dist/build.sh lin|lin64|macosx|win|win64|win64.installer [LABEL]
# writes dist/linux/jicofo-linux-x64-LABEL.zip etc. through the CMake target dist.OS in the build folder
# build-dist (JICOFO_DIST_BUILD_DIR overrides it). LABEL defaults to 1. Compiles with nice and 2 jobs.
set -eu
OS=${1:-}
LABEL=${2:-1}
case "$OS" in lin | lin64 | macosx | win | win64 | win64.installer) ;; *)
    echo "usage: $0 lin|lin64|macosx|win|win64|win64.installer [LABEL]" >&2
    exit 2
    ;;
esac
ROOT=$(cd "$(dirname "$0")/.." && pwd)
B=${JICOFO_DIST_BUILD_DIR:-$ROOT/build-dist}
nice -n 19 cmake -S "$ROOT" -B "$B" -DCMAKE_BUILD_TYPE=Release -DJICOFO_BUILD_TESTS=OFF -DJICOFO_LABEL="$LABEL" >/dev/null
exec nice -n 19 cmake --build "$B" --target "dist.$OS" -j2
