#!/bin/bash
# Unpacks a Linux dist archive into a clean Debian root (make-debian-root.sh) and runs its launcher there:
#   check-archive-in-root.sh ZIP ROOT [ARG...]       ROOT = amd64 | i386
# 1. `jicofo.sh --help` must print the usage and exit 1;
# 2. with ARGs, `jicofo.sh ARG...` runs in the root (host network, so a server on 127.0.0.1 is reachable) and
#    its exit status is this script's; JAVA_SYS_PROPS is passed through; JICOFO_CHECK_TIMEOUT (seconds)
#    bounds the run (status 124 when it had to be stopped).
# The unpacked copy is removed afterwards, so the root stays clean.
set -euo pipefail
ZIP=${1:-}
ROOTNAME=${2:-}
[ -f "$ZIP" ] && [ -n "$ROOTNAME" ] || {
    echo "usage: $0 ZIP amd64|i386 [ARG...]" >&2
    exit 2
}
shift 2
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${JICOFO_CACHE:-$(cd "$HERE/.." && pwd)/.cache}
R=$CACHE/rootfs-$ROOTNAME
[ -f "$R/.jicofo-root-ok" ] || "$HERE/cross/make-debian-root.sh" "$ROOTNAME"
TOP=$(basename "$ZIP" .zip)
DEST=/opt/jicofo-check-$$
trap 'rm -rf "${R:?}$DEST"' EXIT
mkdir -p "$R$DEST"
unzip -q "$ZIP" -d "$R$DEST"
[ -x "$R$DEST/$TOP/jicofo.sh" ] || {
    echo "check-archive-in-root: $TOP/jicofo.sh missing or not executable" >&2
    exit 1
}

echo "\$ $TOP/jicofo.sh --help   (in rootfs-$ROOTNAME)"
set +e
"$HERE/cross/run-in-root.sh" "$ROOTNAME" "$DEST/$TOP/jicofo.sh" --help >"$R$DEST/help.out" 2>&1
rc=$?
set -e
cat "$R$DEST/help.out"
if [ "$rc" -ne 1 ] || ! grep -q -- '--user_password=PASSWORD' "$R$DEST/help.out"; then
    echo "check-archive-in-root: --help gave status $rc or no usage" >&2
    exit 1
fi
echo "(exit status 1, as expected)"
[ $# -gt 0 ] || exit 0

echo "\$ $TOP/jicofo.sh $*   (in rootfs-$ROOTNAME)"
set +e
timeout --kill-after=5 "${JICOFO_CHECK_TIMEOUT:-60}" \
    "$HERE/cross/run-in-root.sh" "$ROOTNAME" "$DEST/$TOP/jicofo.sh" "$@"
rc=$?
set -e
echo "(exit status $rc)"
exit "$rc"
