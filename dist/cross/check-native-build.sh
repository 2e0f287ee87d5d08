#!/bin/sh
# Checks that the host's own (native) build still configures: every -dev package of installers/install-deps.sh
# is there for the host's architecture and none was replaced by another architecture's (an i386 -dev package
# is not Multi-Arch and takes the amd64 one's place). Run by install-cross-deps.sh and dist/prove-all.sh.
#   dist/cross/check-native-build.sh      status 0 and "native build configures" or what is wrong
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
fail() {
    echo "check-native-build: $*" >&2
    exit 1
}
native=$(dpkg --print-architecture)
foreign=$(dpkg-query -W -f '${Package}:${Architecture} ${db:Status-Abbrev}\n' 2>/dev/null |
    awk -v a="$native" '$2 ~ /^ii/ && $1 ~ /-dev:/ && $1 !~ (":(" a "|all)$") {print $1}')
[ -z "$foreign" ] || fail "-dev packages of another architecture on the host (remove them; the 32-bit builds
  use the i386 debootstrap roots): $(echo $foreign)"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
if ! cmake -S "$ROOT" -B "$T/build" -DJICOFO_BUILD_TESTS=ON >"$T/configure.log" 2>&1; then
    tail -n 20 "$T/configure.log" >&2
    fail "the native build does not configure (run installers/install-deps.sh)"
fi
echo "check-native-build: native build configures ($native)"
