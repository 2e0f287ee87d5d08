#!/bin/bash
# The slow proofs of the dist archives and the Windows installer (root, debootstrap roots, mingw builds, wine;
# not part of .ci/run). Builds the archives with dist/build.sh (skip with --no-build), starts a throw-away
# Prosody on the loopback (dist/prove/test-prosody.sh) and runs:
#   prove-linux.sh    lin64 in the clean amd64 root, lin in the clean i386 root: --help, both streams up, a
#                     conference IQ answered and the room joined, SIGTERM -> exit 0
#   prove-windows.sh  win64 under wine64, win under wine32 (i386 wine root): system DLLs only, launcher and
#                     program --help, both streams up, a conference IQ answered and the room joined
#   prove-service.sh  the NSIS installer of win64 run silently under wine: service registered with the flags,
#                     started, logging to its file, conference IQ answered, net stop, silent uninstall
# Usage: sudo dist/prove-all.sh [--no-build] [LABEL]     (JICOFO_DIST_BUILD_DIR as for dist/build.sh)
# First of all, the prerequisites must have left the native build working (dist/cross/check-native-build.sh).
# Prints each proof's transcript and "N passed, N failed"; status 0 when all passed.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
BUILD=1
if [ "${1:-}" = --no-build ]; then
    BUILD=0
    shift
fi
LABEL=${1:-1}
passed=0
failed=0
LOGS=$(mktemp -d /tmp/prove-all.XXXXXX)
PDIR=$LOGS/prosody
trap '"$HERE/prove/test-prosody.sh" stop "$PDIR"; rm -rf "$LOGS"' EXIT
run() {
    echo
    echo "=== $*"
    if "$@"; then passed=$((passed + 1)); else
        failed=$((failed + 1))
        echo "FAILED: $*"
    fi
}
run "$HERE/cross/check-native-build.sh"
if [ "$BUILD" = 1 ]; then
    for os in lin64 lin win64 win win64.installer; do
        echo "=== dist/build.sh $os $LABEL"
        start=$SECONDS
        if "$ROOT/dist/build.sh" "$os" "$LABEL" >"$LOGS/build-$os.log" 2>&1; then
            grep -hE "pack.sh: wrote|build-installer.sh: wrote" "$LOGS/build-$os.log"
            echo "(built in $((SECONDS - start)) s)"
        else
            tail -n 30 "$LOGS/build-$os.log"
            echo "FAILED: dist/build.sh $os"
            failed=$((failed + 1))
        fi
    done
fi

"$HERE/prove/test-prosody.sh" start "$PDIR" || exit 1

run "$HERE/prove/prove-linux.sh" "$ROOT/dist/linux/jicofo-linux-x64-$LABEL.zip" amd64 "$PDIR"
run "$HERE/prove/prove-linux.sh" "$ROOT/dist/linux/jicofo-linux-x86-$LABEL.zip" i386 "$PDIR"
run "$HERE/prove/prove-windows.sh" "$ROOT/dist/windows/jicofo-windows-x64-$LABEL.zip" x86_64 "$PDIR"
run "$HERE/prove/prove-windows.sh" "$ROOT/dist/windows/jicofo-windows-x86-$LABEL.zip" i686 "$PDIR"
run "$HERE/prove/prove-service.sh" "$ROOT/dist/windows/jicofo-windows-x64-$LABEL-setup.exe" "$PDIR"
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
