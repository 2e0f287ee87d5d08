#!/bin/bash
# Proves a Windows dist archive under Debian's wine, in a fresh wine prefix: the program imports only Windows'
# own DLLs; `jicofo.bat --help` prints the 2015 usage and exits 1; `jicofo.exe --help` prints the program's
# help; started through jicofo.bat with the 2015 flags against the test Prosody (test-prosody.sh) both streams
# come up and a client's conference IQ is answered, the focus joining the room.
#   prove-windows.sh ZIP x86_64|i686 PROSODY_DIR
# x86_64 runs on the host's wine64; i686 runs in the i386 wine root (make-debian-root.sh i386 wine), since the
# host cannot install wine32 next to its amd64 packages. Prints "prove-windows: OK" (status 0) or what failed.
set -euo pipefail
ZIP=$1
ARCH=$2
PDIR=$3
HERE=$(cd "$(dirname "$0")" && pwd)
CROSS=$(cd "$HERE/../cross" && pwd)
# shellcheck disable=SC1091
. "$PDIR/env"
T=$(mktemp -d /tmp/prove-windows.XXXXXX)
RUN_PID=""
TOP=$(basename "$ZIP" .zip)
# The pid of this run's jicofo.exe: wine's processes are not children of the wine command that started them,
# so it is found by its unique folder (Z:\tmp\prove-windows.XXXXXX\TOP\jicofo.exe).
focus_pid() { pgrep -f "$(basename "$T").$TOP.jicofo\.exe" | head -n 1; }
cleanup() {
    if [ -n "$RUN_PID" ]; then
        f=$(focus_pid) && [ -n "$f" ] && kill "$f" 2>/dev/null
        wait "$RUN_PID" 2>/dev/null || true
    fi
    rm -rf "$T"
}
trap cleanup EXIT
fail() {
    echo "prove-windows: FAILED: $*"
    [ ! -f "$T/run.out" ] || {
        echo "--- focus output:"
        tr -d '\r' <"$T/run.out" | tail -n 40
    }
    exit 1
}
unzip -q "$ZIP" -d "$T"
D=$T/$TOP
# Runs a command in the archive's folder under wine: 64-bit on the host, 32-bit in the i386 wine root.
in_wine() {
    if [ "$ARCH" = x86_64 ]; then
        (cd "$D" && WINEDEBUG=-all WINEPREFIX=$T/wineprefix wine "$@")
    else
        JICOFO_ROOT_BIND="$T:$T" "$CROSS/run-in-root.sh" i386-wine \
            sh -c 'cd "$1" && shift && WINEDEBUG=-all WINEPREFIX="$0/wineprefix" wine "$@"' "$T" "$D" "$@"
    fi
}
[ "$ARCH" = x86_64 ] || "$CROSS/make-debian-root.sh" i386 wine >/dev/null

TRIPLE=$ARCH-w64-mingw32
echo "== $(basename "$ZIP") ($(du -k "$ZIP" | cut -f1) KiB) under wine ($ARCH)"
echo "\$ file jicofo.exe: $(file -b "$D/jicofo.exe")"
echo "\$ zipinfo -1 $(basename "$ZIP")"
zipinfo -1 "$ZIP" | sed 's/^/    /'
DLLS=$("$TRIPLE-objdump" -p "$D/jicofo.exe" | awk '/DLL Name:/ {print $3}' | tr '\n' ' ')
echo "imports: $DLLS"
# shellcheck disable=SC2086
for dll in $DLLS; do
    echo "$dll" | grep -qiE '^(kernel32|msvcrt|ws2_32|mswsock|advapi32|user32|crypt32|iphlpapi|bcrypt|gdi32|shell32|ole32|oleaut32|rpcrt4|secur32|comdlg32|winspool|api-ms-win-.*)\.dll$' ||
        fail "jicofo.exe imports $dll, not a Windows system DLL"
done

# A wine prefix made in the i386 root lacks the registry key "Provider Types\Type 001" that rsaenh.dll's
# registration writes (Windows always has it); without it CryptAcquireContext fails and OpenSSL (a mingw build
# seeds from CryptGenRandom) has no entropy. Registering rsaenh again, as Windows set-up does, restores it.
in_wine wineboot -i >"$T/wineboot.out" 2>&1 || true
if ! in_wine reg query 'HKLM\Software\Microsoft\Cryptography\Defaults\Provider Types\Type 001' >/dev/null 2>&1; then
    echo "\$ wine regsvr32 rsaenh.dll   (the prefix lacks the crypto provider types)"
    in_wine regsvr32 rsaenh.dll 2>&1 | tr -d '\r' | sed 's/^/    /'
fi
echo "\$ wine cmd /c jicofo.bat --help"
set +e
in_wine cmd /c jicofo.bat --help >"$T/usage" 2>&1
rc=$?
set -e
tr -d '\r' <"$T/usage" | sed 's/^/    /'
[ "$rc" = 1 ] && grep -q -- '--user_password=PASSWORD' "$T/usage" || fail "jicofo.bat --help: status $rc"
echo "(exit status 1, as the 2015 launcher)"

echo "\$ wine jicofo.exe --help | head -n 12"
set +e
in_wine jicofo.exe --help >"$T/help" 2>&1
rc=$?
set -e
tr -d '\r' <"$T/help" | head -n 12 | sed 's/^/    /'
echo "    ... ($(wc -l <"$T/help") lines, exit status $rc)"
[ "$rc" = 0 ] && grep -q 'org.jitsi.jicofo.auth.jetty.port' "$T/help" || fail "jicofo.exe --help: status $rc"

ROOM=prove-win-$ARCH-$$
echo "\$ wine cmd /c jicofo.bat -D... --host=127.0.0.1 --port=$COMPONENT_PORT --domain=$DOMAIN ..."
in_wine cmd /c jicofo.bat -Dorg.jitsi.jicofo.ALWAYS_TRUST_MODE_ENABLED=true -Dorg.jitsi.jicofo.auth.jetty.port=0 \
    -Dorg.jitsi.jicofo.FOCUS_USER_PORT="$C2S_PORT" --host=127.0.0.1 --port="$COMPONENT_PORT" \
    --domain="$DOMAIN" --secret="$FOCUS_SECRET" --user_domain="auth.$DOMAIN" \
    --user_password="$FOCUS_PASSWORD" >"$T/run.out" 2>&1 &
RUN_PID=$!
up=0
for _ in $(seq 1 600); do
    if grep -q "component focus.$DOMAIN is connected" "$T/run.out" && grep -q "focus user logged in as" "$T/run.out"; then
        up=1
        break
    fi
    kill -0 "$RUN_PID" 2>/dev/null || break
    sleep 0.2
done
[ "$up" = 1 ] || fail "the two streams did not come up"
echo "--- focus log: both streams up"
tr -d '\r' <"$T/run.out" | grep -E "Read |No .*properties|logged in as|is connected" | sed 's/^/    /'
echo "\$ conference-probe.py --port $C2S_PORT --domain $DOMAIN --room $ROOM"
if ! "$HERE/conference-probe.py" --port "$C2S_PORT" --domain "$DOMAIN" --room "$ROOM" --timeout 40 | sed 's/^/    /'; then
    fail "the conference IQ was not answered"
fi
sleep 0.5
grep -q "\[room=$ROOM@conference.$DOMAIN\] joined and configured" "$T/run.out" || fail "this focus did not join $ROOM"
echo "--- focus log for the room"
tr -d '\r' <"$T/run.out" | grep "\[room=$ROOM@" | sed 's/^/    /'
FOCUS=$(focus_pid)
[ -n "$FOCUS" ] || fail "no jicofo.exe process under wine"
echo "\$ kill $FOCUS   (jicofo.exe)"
kill "$FOCUS"
wait "$RUN_PID" 2>/dev/null || true
RUN_PID=""
echo "prove-windows: OK ($(basename "$ZIP") under wine, $ARCH)"
