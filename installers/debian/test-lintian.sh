#!/bin/bash
# ctest `deb_lintian`: builds the Debian package from the given program and runs lintian on it. Fails on any
# error (E:) or warning (W:); informational tags are printed but pass. Overrides, if ever needed, go in
# installers/debian/lintian-overrides, each with a comment saying why.
#   installers/debian/test-lintian.sh BINARY
set -euo pipefail
BINARY=${1:?usage: $0 BINARY}
HERE=$(cd "$(dirname "$0")" && pwd)
command -v lintian >/dev/null || {
    echo "FAIL: lintian is not installed (installers/install-deps.sh installs it)" >&2
    exit 1
}
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
DEB=$("$HERE/build-deb.sh" "$BINARY" "$OUT" | tail -n 1)
# --tag-display-limit 0: every instance; -I: show the informational tags too (they do not fail the test).
lintian --tag-display-limit 0 -I "$DEB" >"$OUT/lintian.out" 2>&1 || true
cat "$OUT/lintian.out"
errors=$(grep -c '^E: ' "$OUT/lintian.out" || true)
warnings=$(grep -c '^W: ' "$OUT/lintian.out" || true)
echo "lintian $(lintian --print-version): $errors errors, $warnings warnings on $(basename "$DEB")"
[ "$errors" -eq 0 ] && [ "$warnings" -eq 0 ]
