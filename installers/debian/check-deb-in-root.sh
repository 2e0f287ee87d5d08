#!/bin/bash
# Proves the Debian package on a clean Debian 12: installs it into a fresh copy of the cached minimal amd64
# debootstrap root (dist/cross/make-debian-root.sh; apt resolves the Depends from Debian's mirror), starts the
# focus through /etc/init.d/jicofo (systemd is not PID 1 in a chroot), watches it log in to a Prosody and a
# bridge simulator running on this machine's loopback (the root shares the network), asks its HTTP health
# check, stops it, reinstalls to show the configuration is kept, and purges. Slow (apt downloads); not in CI.
#   installers/debian/check-deb-in-root.sh DEB [BUILD_DIR]     (BUILD_DIR holds tests/bridgesim/bridgesim;
#                                                                default: build). Needs root. KEEP=1 keeps the root.
set -euo pipefail
DEB=${1:-}
BUILD=${2:-build}
[ -f "$DEB" ] || {
    echo "usage: $0 DEB [BUILD_DIR]" >&2
    exit 2
}
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
CACHE=${JICOFO_CACHE:-$TOP/.cache}
export JICOFO_CACHE=$CACHE
NAME=amd64-debcheck
R=$CACHE/rootfs-$NAME
BRIDGESIM=$(cd "$BUILD" && pwd)/tests/bridgesim/bridgesim
DOMAIN=debcheck.example
WORK=$(mktemp -d /tmp/jicofo-debcheck.XXXXXX)
PIDS=""
step() { printf '\n== %s\n' "$*"; }
in_root() { "$TOP/dist/cross/run-in-root.sh" "$NAME" "$@"; }
# /var/run is an absolute link to /run inside the root: read the pid file from there, not through the host's.
root_pid() { cat "$R/run/jicofo.pid" 2>/dev/null; }
cleanup() {
    set +e
    pid=$(root_pid) && [ -n "$pid" ] && kill "$pid" 2>/dev/null
    for p in $PIDS; do kill "$p" 2>/dev/null; done
    wait 2>/dev/null
    if [ "${KEEP:-0}" = 1 ]; then echo "kept $R and $WORK"; else rm -rf "$R" "$WORK"; fi
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() { # FILE TEXT SECONDS
    for _ in $(seq 1 $(($3 * 10))); do
        grep -q -- "$2" "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "timed out waiting for '$2' in $1" >&2
    tail -n 30 "$1" >&2 || true
    return 1
}

step "fresh copy of the clean Debian 12 amd64 root"
"$TOP/dist/cross/make-debian-root.sh" amd64 >/dev/null
rm -rf "$R"
mkdir -p "$R"
tar -xzf "$CACHE/rootfs-amd64.tar.gz" -C "$R"
touch "$R/.jicofo-root-ok"
echo "root: $R ($(chroot "$R" dpkg-query -W -f '${Package}\n' | wc -l) packages; POCO/Boost/OpenSSL: $(
    chroot "$R" dpkg-query -W -f '${Package}\n' | grep -cE '^(libpoco|libboost|libssl3)' || true))"
cp "$DEB" "$R/root/jicofo.deb"
# As image builders do: no service starts while packages are installed; we start it ourselves below.
printf '#!/bin/sh\nexit 101\n' >"$R/usr/sbin/policy-rc.d"
chmod 755 "$R/usr/sbin/policy-rc.d"

step "apt-get install ./jicofo.deb   (JICOFO_HOSTNAME=$DOMAIN)"
in_root sh -c "apt-get update -qq >/dev/null 2>&1; JICOFO_HOSTNAME=$DOMAIN DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -q --no-install-recommends /root/jicofo.deb" >"$WORK/apt.log" 2>&1 || {
    tail -n 40 "$WORK/apt.log"
    exit 1
}
grep -E '^(Setting up|Unpacking) |^jicofo:' "$WORK/apt.log"
rm -f "$R/usr/sbin/policy-rc.d"

step "what the package installed"
in_root dpkg-query -W -f 'Package: ${Package} ${Version} ${Architecture}\nDepends: ${Depends}\n' jicofo
in_root sh -c 'ls -l /usr/lib/jicofo /usr/share/jicofo /usr/share/jicofo/lib /etc/init.d/jicofo /lib/systemd/system/jicofo.service;
    ls -ld /etc/jitsi/jicofo /var/log/jitsi; ls -l /etc/jitsi/jicofo /var/log/jitsi; id jicofo'
echo "--- /etc/jitsi/jicofo/config (secrets masked)"
sed -E 's/^(JICOFO_SECRET|JICOFO_AUTH_PASSWORD)=.*/\1=*****/' "$R/etc/jitsi/jicofo/config" | grep -v '^#' | grep -v '^$'
in_root /usr/share/jicofo/jicofo.sh --help >"$WORK/help.out" 2>&1 || true
head -n 3 "$WORK/help.out"

step "Prosody and a bridge simulator on this machine's loopback, with the package's secrets"
# shellcheck disable=SC1091
. "$R/etc/jitsi/jicofo/config"
C2S=$(free_port)
COMP=$(free_port)
HTTP=$(free_port)
XMPP_HTTP=$(free_port)  # Prosody's BOSH port; its page folder stays empty
mkdir -p "$WORK/www"
JVB_SECRET=$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj "/CN=$DOMAIN" \
    -addext "subjectAltName=DNS:$DOMAIN,DNS:*.$DOMAIN" -keyout "$WORK/p.key" -out "$WORK/p.crt" 2>/dev/null
sed -e "s|@DOMAIN@|$DOMAIN|g" -e "s|@C2S_PORT@|$C2S|g" -e "s|@COMPONENT_PORT@|$COMP|g" -e "s|@DATA_DIR@|$WORK|g" \
    -e "s|@FOCUS_SECRET@|$JICOFO_SECRET|g" -e "s|@JVB_SECRET@|$JVB_SECRET|g" -e "s|@CERT@|$WORK/p.crt|g" \
    -e "s|@KEY@|$WORK/p.key|g" -e "s|@LOG_LEVEL@|info|g" -e "s|@HTTP_PORT@|$XMPP_HTTP|g" \
    -e "s|@WWW_DIR@|$WORK/www|g" "$TOP/resources/prosody/prosody.cfg.lua.template" \
    >"$WORK/prosody.cfg.lua"
prosodyctl --config "$WORK/prosody.cfg.lua" register "$JICOFO_AUTH_USER" "$JICOFO_AUTH_DOMAIN" "$JICOFO_AUTH_PASSWORD"
prosody -F --config "$WORK/prosody.cfg.lua" >"$WORK/prosody.out" 2>&1 &
PIDS="$PIDS $!"
for _ in $(seq 1 50); do (echo >"/dev/tcp/127.0.0.1/$COMP") 2>/dev/null && break || sleep 0.1; done
"$BRIDGESIM" --host=127.0.0.1 --port="$COMP" --domain="$DOMAIN" --secret="$JVB_SECRET" >"$WORK/bridgesim.log" 2>&1 &
PIDS="$PIDS $!"
echo "Prosody: c2s 127.0.0.1:$C2S, components :$COMP; bridge simulator jitsi-videobridge.$DOMAIN"

step "point the installed focus at it, as an operator edits the package's files"
sed -i -e "s/^JICOFO_HOST=.*/JICOFO_HOST=127.0.0.1/" -e "s/^JICOFO_PORT=.*/JICOFO_PORT=$COMP/" \
    "$R/etc/jitsi/jicofo/config"
cat >>"$R/etc/jitsi/jicofo/sip-communicator.properties" <<PROPS
org.jitsi.jicofo.FOCUS_USER_PORT=$C2S
org.jitsi.jicofo.ALWAYS_TRUST_MODE_ENABLED=true
org.jitsi.jicofo.auth.jetty.host=127.0.0.1
org.jitsi.jicofo.auth.jetty.port=$HTTP
PROPS
grep -E '^JICOFO_(HOST|PORT)=' "$R/etc/jitsi/jicofo/config"
cat "$R/etc/jitsi/jicofo/sip-communicator.properties"

step "/etc/init.d/jicofo start"
in_root /etc/init.d/jicofo start
LOG=$R/var/log/jitsi/jicofo.log
wait_for "$LOG" "focus user logged in" 20
wait_for "$LOG" "is connected" 20
wait_for "$LOG" "HTTP server listening" 10
in_root /etc/init.d/jicofo status
PID=$(root_pid)
echo "pid $PID runs as $(in_root stat -c %U:%G "/proc/$PID"): $(tr '\0' ' ' <"/proc/$PID/cmdline")"
if tr '\0' ' ' <"/proc/$PID/cmdline" | grep -q -- "$JICOFO_SECRET"; then
    echo "the component secret is visible in the process's command line" >&2
    exit 1
fi
echo "--- /var/log/jitsi/jicofo.log"
cat "$LOG"

step "health over HTTP from the host"
for _ in $(seq 1 50); do
    curl -s "http://127.0.0.1:$HTTP/stats" | grep -q '"operational_bridges":1' && break
    sleep 0.2
done
curl -s -i "http://127.0.0.1:$HTTP/about/health" | tee "$WORK/health.out"
echo
grep -q '^HTTP/1.1 200' "$WORK/health.out"
curl -s "http://127.0.0.1:$HTTP/about/version"
echo

step "/etc/init.d/jicofo stop"
in_root /etc/init.d/jicofo stop
for _ in $(seq 1 50); do [ -d "/proc/$PID" ] || break; sleep 0.1; done
[ ! -d "/proc/$PID" ]
echo "process $PID is gone"
rc=0
in_root /etc/init.d/jicofo status || rc=$?
echo "(status exit code $rc)"
[ "$rc" -ne 0 ]
[ ! -f "$R/run/jicofo.pid" ]
echo "pid file removed"
tail -n 3 "$LOG"

step "reinstall (an upgrade): the configuration is kept"
before=$(sha256sum "$R/etc/jitsi/jicofo/config" | cut -d' ' -f1)
printf '#!/bin/sh\nexit 101\n' >"$R/usr/sbin/policy-rc.d"
chmod 755 "$R/usr/sbin/policy-rc.d"
in_root sh -c 'DEBIAN_FRONTEND=noninteractive dpkg -i /root/jicofo.deb' 2>&1 | grep -E 'Unpacking|Setting up|jicofo:'
rm -f "$R/usr/sbin/policy-rc.d"
after=$(sha256sum "$R/etc/jitsi/jicofo/config" | cut -d' ' -f1)
[ "$before" = "$after" ]
echo "config unchanged (sha256 $after)"

step "reinstall with an incomplete config: only the missing value is added"
sed -i '/^JICOFO_AUTH_USER=/d' "$R/etc/jitsi/jicofo/config"
printf '#!/bin/sh\nexit 101\n' >"$R/usr/sbin/policy-rc.d"
chmod 755 "$R/usr/sbin/policy-rc.d"
in_root sh -c 'DEBIAN_FRONTEND=noninteractive dpkg -i /root/jicofo.deb' 2>&1 | grep -E '^jicofo:' || true
rm -f "$R/usr/sbin/policy-rc.d"
grep -E '^JICOFO_(AUTH_USER|HOST|PORT)=' "$R/etc/jitsi/jicofo/config"
(
    . "$R/etc/jitsi/jicofo/config"
    [ "$JICOFO_SECRET" = "$(. "$R/etc/jitsi/jicofo/config.dpkg-old"; echo "$JICOFO_SECRET")" ] &&
        [ "$JICOFO_PORT" = "$COMP" ] && [ "$JICOFO_AUTH_USER" = focus ] || exit 1
    echo "secrets and edited values kept, JICOFO_AUTH_USER=$JICOFO_AUTH_USER added"
)

step "/etc/init.d/jicofo restart after the upgrade"
: >"$LOG"
in_root /etc/init.d/jicofo restart
wait_for "$LOG" "focus user logged in" 20
in_root /etc/init.d/jicofo stop

step "dpkg --purge jicofo"
in_root dpkg --purge jicofo 2>&1 | grep -v '^(Reading'
ls -d "$R/etc/jitsi/jicofo" "$R/var/log/jitsi" "$R/usr/share/jicofo" "$R/usr/lib/jicofo" 2>&1 | sed 's|'"$R"'||g' || true
# postrm removed the init script's links (once, on purge) with the script.
if ls "$R"/etc/rc?.d/*jicofo* 2>/dev/null; then
    echo "init script links left after the purge" >&2
    exit 1
fi
echo "no /etc/rc?.d links left"

printf '\nOK: the package installed on a clean Debian 12, started through its init script, logged in to\n'
printf 'Prosody, answered its health check, stopped, upgraded keeping its configuration, and purged.\n'
