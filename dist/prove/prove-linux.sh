#!/bin/bash
# Proves a Linux dist archive on a clean Debian 12 root (dist/check-archive-in-root.sh: unpacked there, no
# POCO/Boost/OpenSSL installed): `jicofo.sh --help` prints the usage and exits 1; started with the 2015 flags
# against the test Prosody (test-prosody.sh, on the host's loopback) both streams come up; a client's
# conference IQ is answered and the focus joins the room; SIGTERM stops it with status 0.
#   prove-linux.sh ZIP amd64|i386 PROSODY_DIR
# Prints the steps and "prove-linux: OK" (status 0) or what failed (status 1).
set -euo pipefail
ZIP=$1
ROOTNAME=$2
PDIR=$3
HERE=$(cd "$(dirname "$0")" && pwd)
DIST=$(cd "$HERE/.." && pwd)
# shellcheck disable=SC1091
. "$PDIR/env"
# The pid of the first descendant of $1 whose command name is $2 (the focus inside the chroot).
descendant() {
    local p
    for p in $(pgrep -P "$1"); do
        if [ "$(cat "/proc/$p/comm" 2>/dev/null)" = "$2" ]; then
            echo "$p"
            return 0
        fi
        descendant "$p" "$2" && return 0
    done
    return 1
}

OUT=$(mktemp /tmp/prove-linux.XXXXXX)
CHECK_PID=""
cleanup() {
    if [ -n "$CHECK_PID" ]; then
        f=$(descendant "$CHECK_PID" jicofo) && kill "$f" 2>/dev/null
        wait "$CHECK_PID" 2>/dev/null || true
    fi
    rm -f "$OUT"
}
trap cleanup EXIT
fail() {
    echo "prove-linux: FAILED: $*"
    echo "--- focus output:"
    tail -n 40 "$OUT"
    exit 1
}
echo "== $(basename "$ZIP") ($(du -k "$ZIP" | cut -f1) KiB) in the clean $ROOTNAME root"
echo "\$ file jicofo: $(unzip -p "$ZIP" "$(basename "$ZIP" .zip)/jicofo" | file -b - | cut -d, -f1-2)"
echo "\$ zipinfo -1 $(basename "$ZIP")"
zipinfo -1 "$ZIP" | sed 's/^/    /'
ROOM=prove-$ROOTNAME-$$
JICOFO_CHECK_TIMEOUT=120 "$DIST/check-archive-in-root.sh" "$ZIP" "$ROOTNAME" \
    -Dorg.jitsi.jicofo.ALWAYS_TRUST_MODE_ENABLED=true -Dorg.jitsi.jicofo.FOCUS_USER_PORT="$C2S_PORT" \
    -Dorg.jitsi.jicofo.auth.jetty.port=0 \
    --host=127.0.0.1 --port="$COMPONENT_PORT" --domain="$DOMAIN" --secret="$FOCUS_SECRET" \
    --user_domain="auth.$DOMAIN" --user_password="$FOCUS_PASSWORD" >"$OUT" 2>&1 &
CHECK_PID=$!
up=0
for _ in $(seq 1 300); do
    if grep -q "component focus.$DOMAIN is connected" "$OUT" && grep -q "focus user logged in as" "$OUT"; then
        up=1
        break
    fi
    kill -0 "$CHECK_PID" 2>/dev/null || break
    sleep 0.2
done
sed -n '1,/^(exit status 1, as expected)$/p' "$OUT"
[ "$up" = 1 ] || fail "the two streams did not come up"
echo "--- focus log: both streams up"
grep -E "logged in as|is connected" "$OUT" | sed 's/^/    /'
echo "\$ conference-probe.py --port $C2S_PORT --domain $DOMAIN --room $ROOM"
if ! "$HERE/conference-probe.py" --port "$C2S_PORT" --domain "$DOMAIN" --room "$ROOM" --timeout 40 | sed 's/^/    /'; then
    fail "the conference IQ was not answered"
fi
sleep 0.5
grep -q "\[room=$ROOM@conference.$DOMAIN\] joined and configured" "$OUT" || fail "this focus did not join $ROOM"
echo "--- focus log for the room"
grep "\[room=$ROOM@" "$OUT" | sed 's/^/    /'

FOCUS=$(descendant "$CHECK_PID" jicofo) || fail "no jicofo process under the check"
echo "\$ kill -TERM $FOCUS   (the focus in the root)"
kill -TERM "$FOCUS"
set +e
wait "$CHECK_PID"
rc=$?
set -e
CHECK_PID=""
grep -E "stopping|stopped" "$OUT" | sed 's/^/    /'
tail -n 1 "$OUT"
[ "$rc" = 0 ] || fail "the check ended with status $rc (expected 0 after SIGTERM)"
echo "prove-linux: OK ($(basename "$ZIP") in rootfs-$ROOTNAME)"
