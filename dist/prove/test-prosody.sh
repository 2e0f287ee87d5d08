#!/bin/bash
# A throw-away Prosody on the host's loopback for the dist proofs, configured from
# resources/prosody/prosody.cfg.lua.template the way resources/run-local.sh does (anonymous DOMAIN,
# auth.DOMAIN with focus@auth.DOMAIN, conference.DOMAIN, component focus.DOMAIN, self-signed certificate).
#   test-prosody.sh start DIR    starts it in DIR (created), waits for its ports, writes DIR/env:
#                                DOMAIN C2S_PORT COMPONENT_PORT FOCUS_SECRET FOCUS_PASSWORD PROSODY_PID
#   test-prosody.sh stop DIR     stops that Prosody and removes DIR
# The chroots of run-in-root.sh and wine share the host's network, so they reach it on 127.0.0.1.
# Environment: DOMAIN (default jitsi.example.com); the ports are free ones picked here.
set -euo pipefail
CMD=${1:-}
DIR=${2:-}
[ -n "$CMD" ] && [ -n "$DIR" ] || {
    echo "usage: $0 start|stop DIR" >&2
    exit 2
}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)

if [ "$CMD" = stop ]; then
    if [ -f "$DIR/env" ]; then
        # shellcheck disable=SC1091
        . "$DIR/env"
        kill "$PROSODY_PID" 2>/dev/null || true
        for _ in $(seq 1 50); do kill -0 "$PROSODY_PID" 2>/dev/null || break; sleep 0.1; done
    fi
    rm -rf "$DIR"
    exit 0
fi
[ "$CMD" = start ] || {
    echo "usage: $0 start|stop DIR" >&2
    exit 2
}

DOMAIN=${DOMAIN:-jitsi.example.com}
FOCUS_SECRET=focus_secret_$RANDOM$RANDOM
FOCUS_PASSWORD=focus_password_$RANDOM$RANDOM
mkdir -p "$DIR/www"  # Prosody's page folder (BOSH port): empty here
DIR=$(cd "$DIR" && pwd)
read -r C2S_PORT COMPONENT_PORT HTTP_PORT < <(python3 -c '
import socket
s = [socket.socket() for _ in range(3)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 -subj "/CN=$DOMAIN" \
    -addext "subjectAltName=DNS:$DOMAIN,DNS:auth.$DOMAIN,DNS:*.$DOMAIN" \
    -keyout "$DIR/$DOMAIN.key" -out "$DIR/$DOMAIN.crt" 2>/dev/null
sed -e "s|@DOMAIN@|$DOMAIN|g" -e "s|@C2S_PORT@|$C2S_PORT|g" -e "s|@COMPONENT_PORT@|$COMPONENT_PORT|g" \
    -e "s|@DATA_DIR@|$DIR|g" -e "s|@FOCUS_SECRET@|$FOCUS_SECRET|g" -e "s|@JVB_SECRET@|jvb_secret|g" \
    -e "s|@CERT@|$DIR/$DOMAIN.crt|g" -e "s|@KEY@|$DIR/$DOMAIN.key|g" -e "s|@LOG_LEVEL@|info|g" \
    -e "s|@HTTP_PORT@|$HTTP_PORT|g" -e "s|@WWW_DIR@|$DIR/www|g" \
    "$ROOT/resources/prosody/prosody.cfg.lua.template" >"$DIR/prosody.cfg.lua"
prosodyctl --config "$DIR/prosody.cfg.lua" register focus "auth.$DOMAIN" "$FOCUS_PASSWORD" >/dev/null
setsid prosody -F --config "$DIR/prosody.cfg.lua" >"$DIR/prosody.out" 2>&1 </dev/null &
PROSODY_PID=$!
cat >"$DIR/env" <<ENV
DOMAIN=$DOMAIN
C2S_PORT=$C2S_PORT
COMPONENT_PORT=$COMPONENT_PORT
FOCUS_SECRET=$FOCUS_SECRET
FOCUS_PASSWORD=$FOCUS_PASSWORD
PROSODY_PID=$PROSODY_PID
ENV
for _ in $(seq 1 100); do
    if (echo >"/dev/tcp/127.0.0.1/$COMPONENT_PORT") 2>/dev/null && (echo >"/dev/tcp/127.0.0.1/$C2S_PORT") 2>/dev/null; then
        echo "test Prosody (pid $PROSODY_PID) for $DOMAIN: c2s 127.0.0.1:$C2S_PORT, components :$COMPONENT_PORT"
        exit 0
    fi
    sleep 0.1
done
echo "test-prosody.sh: Prosody did not open its ports; $DIR/prosody.out:" >&2
cat "$DIR/prosody.out" >&2
exit 1
