#!/bin/sh
# Builds the Windows installer of the win64 dist archive with Debian's makensis (package nsis):
#   installers/windows/build-installer.sh dist/windows/jicofo-windows-x64-LABEL.zip OUT-setup.exe
# The installer (jicofo.nsi beside this script) installs the archive's folder into Program Files and
# registers the jicofo Windows service; see the header of jicofo.nsi for its options.
set -eu
ZIP=${1:-}
OUT=${2:-}
[ -f "$ZIP" ] && [ -n "$OUT" ] || {
    echo "usage: $0 jicofo-windows-x64-LABEL.zip OUT.exe" >&2
    exit 2
}
command -v makensis >/dev/null || {
    echo "build-installer.sh: makensis is missing (apt-get install nsis)" >&2
    exit 1
}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
VERSION=$(sed -n 's/^project(jicofo VERSION \([0-9.]*\).*/\1/p' "$ROOT/CMakeLists.txt")
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
unzip -q "$ZIP" -d "$T"
TOP=$(basename "$ZIP" .zip)
[ -f "$T/$TOP/jicofo.exe" ] || {
    echo "build-installer.sh: $ZIP has no $TOP/jicofo.exe" >&2
    exit 1
}
mkdir -p "$(dirname "$OUT")"
OUT=$(cd "$(dirname "$OUT")" && pwd)/$(basename "$OUT")
makensis -V2 -DSOURCE_DIR="$T/$TOP" -DOUT_FILE="$OUT" -DVERSION="${VERSION:-1.0.0}" "$HERE/jicofo.nsi"
echo "build-installer.sh: wrote $OUT ($(du -k "$OUT" | cut -f1) KiB)"
