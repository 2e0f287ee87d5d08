#!/bin/bash
# Configures and builds a CMake target inside a build root (make-debian-root.sh ARCH build), with the source
# and build folders bound at their own paths, e.g. the 32-bit Linux program in the i386 root:
#   build-in-root.sh i386-build SRC_DIR BUILD_DIR TARGET [CMAKE_ARG...]
# Compiles with nice -n 19 and at most JOBS (default 2) jobs.
set -euo pipefail
NAME=${1:-}
SRC=${2:-}
BLD=${3:-}
TARGET=${4:-}
[ -n "$TARGET" ] || {
    echo "usage: $0 ROOT SRC_DIR BUILD_DIR TARGET [CMAKE_ARG...]" >&2
    exit 2
}
shift 4
HERE=$(cd "$(dirname "$0")" && pwd)
ARCH=${NAME%%-*}
FLAVOR=${NAME#*-}
[ "$FLAVOR" != "$NAME" ] || FLAVOR=clean
"$HERE/make-debian-root.sh" "$ARCH" "$FLAVOR" >/dev/null
mkdir -p "$BLD"
SRC=$(cd "$SRC" && pwd)
BLD=$(cd "$BLD" && pwd)
JICOFO_ROOT_BIND="$SRC:$SRC $BLD:$BLD ${JICOFO_ROOT_BIND:-}" exec "$HERE/run-in-root.sh" "$NAME" \
    sh -c 'src=$1 bld=$2 target=$3 jobs=$4; shift 4
        nice -n 19 cmake -S "$src" -B "$bld" -DCMAKE_BUILD_TYPE=Release "$@" >"$bld/configure.log" ||
            { cat "$bld/configure.log"; exit 1; }
        nice -n 19 cmake --build "$bld" --target "$target" -j"$jobs"' \
    sh "$SRC" "$BLD" "$TARGET" "${JOBS:-2}" "$@"
