#!/bin/bash
# Proves the Windows installer and service under the host's wine64, in a fresh wine prefix:
#   1. the installer without a secret refuses (exit status 2) and installs nothing;
#   2. `jicofo-windows-x64-LABEL-setup.exe /S /DOMAIN=... /SECRET=...` installs into C:\Program Files\Jicofo,
#      registers the service jicofo (display name, automatic start-up, the focus's flags) and starts it;
#   3. the service logs to log\jicofo.log, logs in to the test Prosody (test-prosody.sh) and answers a
#      client's conference IQ; `net stop jicofo` stops it cleanly;
#   4. the silent uninstaller removes the service and the program.
#   prove-service.sh SETUP_EXE PROSODY_DIR
# Secrets are masked in what it prints. Prints "prove-service: OK" (status 0) or what failed (status 1).
set -euo pipefail
SETUP=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
PDIR=$2
HERE=$(cd "$(dirname "$0")" && pwd)
# shellcheck disable=SC1091
. "$PDIR/env"
T=$(mktemp -d /tmp/prove-service.XXXXXX)
export WINEPREFIX=$T/wineprefix WINEDEBUG=-all
INST="$WINEPREFIX/drive_c/Program Files/Jicofo"
LOG="$INST/log/jicofo.log"
cleanup() {
    wine net stop jicofo >/dev/null 2>&1 || true
    wineserver -k 2>/dev/null || true
    rm -rf "$T"
}
trap cleanup EXIT
mask() { sed -e "s/$FOCUS_SECRET/*****/g" -e "s/$FOCUS_PASSWORD/*****/g" | tr -d '\r'; }
fail() {
    echo "prove-service: FAILED: $*"
    [ ! -f "$LOG" ] || {
        echo "--- $LOG:"
        mask <"$LOG" | tail -n 30
    }
    exit 1
}
w() { wine "$@" 2>&1 | mask | sed 's/^/    /'; }

echo "== $(basename "$SETUP") ($(du -k "$SETUP" | cut -f1) KiB) under wine64, prefix $WINEPREFIX"
wineboot -i >/dev/null 2>&1 || true
# Let the set-up session end before the proof: right after making a prefix wine can run two services.exe
# at once, each with its own service database, so a service created in one is missing in the other.
wineserver -w

echo "\$ wine $(basename "$SETUP") /S /DOMAIN=$DOMAIN   (no /SECRET)"
set +e
wine "$SETUP" /S "/DOMAIN=$DOMAIN" >/dev/null 2>&1
rc=$?
set -e
echo "    exit status $rc"
[ "$rc" = 2 ] || fail "the installer without a secret gave status $rc (expected 2)"
[ ! -e "$INST/jicofo.exe" ] || fail "the refused installer installed files"
ERR=$(find "$WINEPREFIX/drive_c/users" -name jicofo-setup-error.txt | head -n 1)
[ -n "$ERR" ] && sed 's/^/    /' "$ERR" && rm -f "$ERR"

# The test Prosody's c2s port and self-signed certificate go into a properties file the installer keeps (as an
# operator's earlier one); one more flag goes through /OPTS.
mkdir -p "$INST/config"
printf '%s\n' "org.jitsi.jicofo.ALWAYS_TRUST_MODE_ENABLED=true" "org.jitsi.jicofo.FOCUS_USER_PORT=$C2S_PORT" \
    >"$INST/config/sip-communicator.properties"
echo "\$ cat 'C:\\Program Files\\Jicofo\\config\\sip-communicator.properties'   (written before the install)"
sed 's/^/    /' "$INST/config/sip-communicator.properties"
OPTS="-Dorg.jitsi.jicofo.auth.jetty.port=0"
echo "\$ wine $(basename "$SETUP") /S /DOMAIN=$DOMAIN /HOST=127.0.0.1 /PORT=$COMPONENT_PORT /SECRET=***** /USER_DOMAIN=auth.$DOMAIN /USER_PASSWORD=***** /OPTS=$OPTS"
set +e
wine "$SETUP" /S "/DOMAIN=$DOMAIN" /HOST=127.0.0.1 "/PORT=$COMPONENT_PORT" "/SECRET=$FOCUS_SECRET" \
    "/USER_DOMAIN=auth.$DOMAIN" "/USER_PASSWORD=$FOCUS_PASSWORD" "/OPTS=$OPTS" >/dev/null 2>&1
rc=$?
set -e
echo "    exit status $rc"
ERR=$(find "$WINEPREFIX/drive_c/users" -name jicofo-setup-error.txt 2>/dev/null | head -n 1)
[ -z "$ERR" ] || mask <"$ERR" | sed 's/^/    /'
[ "$rc" = 0 ] || fail "the installer gave status $rc"
echo "\$ ls -R 'C:\\Program Files\\Jicofo'"
(cd "$INST" && find . -type f | sort | sed 's/^/    /')

echo "\$ wine reg query 'HKLM\\System\\CurrentControlSet\\Services\\jicofo'"
wine reg query 'HKLM\System\CurrentControlSet\Services\jicofo' >"$T/reg" 2>&1 || fail "no service key"
mask <"$T/reg" | sed 's/^/    /'
grep -q 'DisplayName.*Jitsi Meet Focus' "$T/reg" || fail "no display name"
grep -q 'Start.*0x2' "$T/reg" || fail "start-up type is not automatic (2)"
grep -q "ImagePath.*jicofo.exe.*--domain=$DOMAIN.*--secret=" "$T/reg" || fail "the service does not run with the flags"

up=0
for _ in $(seq 1 300); do
    if [ -f "$LOG" ] && grep -q "component focus.$DOMAIN is connected" "$LOG" && grep -q "focus user logged in as" "$LOG"; then
        up=1
        break
    fi
    sleep 0.2
done
echo "\$ wine sc query jicofo"
w sc query jicofo
[ "$up" = 1 ] || fail "the service did not bring both streams up"
echo "--- C:\\Program Files\\Jicofo\\log\\jicofo.log: both streams up"
mask <"$LOG" | grep -E "Read |No .*properties|logged in as|is connected" | sed 's/^/    /'
grep -q "Read C:.Program Files.Jicofo.config.sip-communicator.properties" "$LOG" || fail "the service did not read config\\sip-communicator.properties"

ROOM=prove-service-$$
echo "\$ conference-probe.py --port $C2S_PORT --domain $DOMAIN --room $ROOM"
if ! "$HERE/conference-probe.py" --port "$C2S_PORT" --domain "$DOMAIN" --room "$ROOM" --timeout 40 | sed 's/^/    /'; then
    fail "the conference IQ was not answered"
fi
sleep 0.5
grep -q "\[room=$ROOM@conference.$DOMAIN\] joined and configured" "$LOG" || fail "the service did not join $ROOM"
echo "--- the log for the room"
mask <"$LOG" | grep "\[room=$ROOM@" | sed 's/^/    /'

echo "\$ wine net stop jicofo"
w net stop jicofo
sleep 1
mask <"$LOG" | grep -E "stopping|stopped$" | sed 's/^/    /'
grep -q "stopping: leaving rooms" "$LOG" || fail "the service did not stop cleanly"

# NSIS's uninstaller copies itself to %TEMP% and returns at once (the in-place form _?=DIR cannot be given
# here: wine quotes a path with a blank, and NSIS then ignores it): wait for its work.
echo "\$ wine 'C:\\Program Files\\Jicofo\\uninstall.exe' /S"
set +e
wine "$INST/uninstall.exe" /S >/dev/null 2>&1
rc=$?
set -e
echo "    exit status $rc"
for _ in $(seq 1 150); do
    wine reg query 'HKLM\System\CurrentControlSet\Services\jicofo' >/dev/null 2>&1 || break
    sleep 0.2
done
if wine reg query 'HKLM\System\CurrentControlSet\Services\jicofo' >/dev/null 2>&1; then
    fail "the service is still registered 30 s after the uninstall"
fi
for _ in $(seq 1 50); do
    [ -e "$INST/jicofo.exe" ] || break
    sleep 0.2
done
echo "    the service key is gone; left in C:\\Program Files\\Jicofo (configuration and log are kept):"
(cd "$INST" && find . -type f | sort | sed 's/^/      /')
[ ! -e "$INST/jicofo.exe" ] || fail "jicofo.exe is still installed"
echo "prove-service: OK ($(basename "$SETUP"))"
