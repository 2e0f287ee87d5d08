#!/bin/bash
# The packaging checks too slow or too privileged for every CI run (root, debootstrap, mingw builds, wine):
# launcher test, Linux pack in the clean amd64 root, Windows x86_64 and i686 probes under wine, then
# dist/prove-all.sh (the real archives and the installer). The first run builds the cached Windows prefixes
# (20-30 min each on 2 shared cores) and the Debian roots (a few minutes).
# Usage: tests/dist/run-slow-checks.sh   (prints "N passed, N failed" over the scripts)
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
passed=0
failed=0
run() {
    echo "=== $*"
    if "$@"; then passed=$((passed + 1)); else
        failed=$((failed + 1))
        echo "FAILED: $*" >&2
    fi
}
run "$HERE/launcher-test.sh"
run "$HERE/pack-in-root-test.sh"
run "$HERE/windows-probe-test.sh" x86_64
run "$HERE/windows-probe-test.sh" i686
# The real archives and the installer: built, run in the clean roots, under wine, as a service.
run "$HERE/../../dist/prove-all.sh"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
