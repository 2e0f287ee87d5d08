#!/bin/bash
# Quick check of the Debian package (ctest `deb_package`, a few seconds): builds it from the given program and
# checks its metadata, layout, conffiles and maintainer scripts without installing anything.
#   installers/debian/test-build-deb.sh BINARY
set -euo pipefail
BINARY=${1:?usage: $0 BINARY}
HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
fail() {
    echo "FAIL: $*" >&2
    exit 1
}

DEB=$("$HERE/build-deb.sh" "$BINARY" "$OUT" | tail -n 1)
[ -f "$DEB" ] || fail "no package written"
info=$(dpkg-deb -I "$DEB")
contents=$(dpkg-deb -c "$DEB")
field() { dpkg-deb -f "$DEB" "$1"; }

[ "$(field Package)" = jicofo ] || fail "Package: $(field Package)"
[ "$(field Architecture)" = "$(dpkg --print-architecture)" ] || fail "Architecture: $(field Architecture)"
for dep in 'libpocofoundation80' 'libpoconet80' 'libboost-log1.74.0' 'libssl3' 'libc6' \
    'adduser' 'init-system-helpers (>= '; do
    field Depends | grep -q "$dep" || fail "Depends lacks $dep: $(field Depends)"
done
field Depends | grep -q -- '-dev' && fail "Depends names a -dev package: $(field Depends)"

for path in ./usr/lib/jicofo/jicofo ./usr/share/jicofo/jicofo ./usr/share/jicofo/jicofo.sh ./usr/share/jicofo/graceful_shutdown \
    ./usr/share/jicofo/collect-dump-logs.sh ./etc/init.d/jicofo ./lib/systemd/system/jicofo.service \
    ./etc/jitsi/jicofo/logging.properties ./usr/share/doc/jicofo/copyright; do
    grep -q " $path\$" <<<"$contents" || grep -q " $path -> " <<<"$contents" || fail "missing $path"
done
grep -q '^-rwxr-xr-x root/root .* ./usr/lib/jicofo/jicofo$' <<<"$contents" || fail "program not 755 root"
# The 2015 path (the launcher runs the program beside it) is a link to it; nothing architecture-dependent
# in /usr/share.
grep -q '^l.* ./usr/share/jicofo/jicofo -> ../../lib/jicofo/jicofo$' <<<"$contents" ||
    fail "/usr/share/jicofo/jicofo is not a link to /usr/lib/jicofo/jicofo"
grep -q './usr/share/jicofo/lib/logging.properties -> /etc/jitsi/jicofo/logging.properties' <<<"$contents" ||
    fail "lib/logging.properties does not point at /etc"
# config and sip-communicator.properties are made by postinst, never shipped (so never overwritten).
grep -q 'etc/jitsi/jicofo/config' <<<"$contents" && fail "config is shipped"
grep -q 'sip-communicator.properties$' <<<"$contents" && fail "sip-communicator.properties is shipped"

mkdir "$OUT/ctl"
dpkg-deb -e "$DEB" "$OUT/ctl"
diff <(sort "$OUT/ctl/conffiles") <(printf '/etc/init.d/jicofo\n/etc/jitsi/jicofo/logging.properties\n') ||
    fail "conffiles"
for s in postinst prerm postrm; do
    [ -x "$OUT/ctl/$s" ] || fail "$s not executable"
    sh -n "$OUT/ctl/$s" || fail "$s: syntax"
done
grep -q 'Restart=on-failure' "$HERE/jicofo.service" && grep -q '^User=jicofo' "$HERE/jicofo.service" &&
    grep -q '^EnvironmentFile=/etc/jitsi/jicofo/config' "$HERE/jicofo.service" || fail "unit settings"
if command -v systemd-analyze >/dev/null && [ -d /run/systemd/system ]; then
    systemd-analyze verify "$HERE/jicofo.service" 2>&1 | grep -v 'jicofo.sh' || true
fi

# The packaged program runs, also through the 2015 path and the launcher.
mkdir "$OUT/x"
dpkg-deb -x "$DEB" "$OUT/x"
"$OUT/x/usr/lib/jicofo/jicofo" --help >/dev/null || fail "packaged program does not run"
"$OUT/x/usr/share/jicofo/jicofo" --help >/dev/null || fail "packaged program does not run through its link"
"$OUT/x/usr/share/jicofo/jicofo.sh" -Dorg.example=1 --help 2>&1 | grep -q -- '--user_domain' ||
    fail "launcher does not reach the program"
echo "$info" | sed -n 's/^ \(Package\|Version\|Architecture\|Depends\|Installed-Size\):/\1:/p'
echo "OK: $(basename "$DEB")"
