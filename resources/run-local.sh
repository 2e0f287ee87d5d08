#!/usr/bin/env bash
# Builds the focus and runs a complete local set-up on loopback, thrown away when you stop it:
#   - a Prosody in a temp dir, configured from resources/prosody/prosody.cfg.lua.template as the original
#     README describes (anonymous DOMAIN, auth.DOMAIN with focus@auth.DOMAIN, conference.DOMAIN MUC,
#     components focus.DOMAIN and jitsi-videobridge.DOMAIN, self-signed certificate);
#   - the bridge simulator as jitsi-videobridge.DOMAIN (a 2015-style videobridge speaking Colibri);
#   - the focus, with the command line of the original README;
#   - the demo page (resources/demo), served by that Prosody with BOSH on loopback: open it in two or three
#     browser tabs and watch real lib-jitsi-meet clients meet through this focus.
# Stop with Ctrl-C (or kill this script): everything started here is stopped and the temp dir removed.
#
# Environment: DOMAIN (default jitsi.example.com), C2S_PORT (5222), COMPONENT_PORT (5347), HTTP_PORT (5280,
# Prosody's BOSH/websocket and the demo page), FOCUS_HTTP_PORT (8888, the focus's operator page, health and
# stats), BUILD (build), KEEP=1 keeps the temp dir.
set -eu
cd "$(dirname "$0")/.."
ROOT=$(pwd)
DOMAIN=${DOMAIN:-jitsi.example.com}
C2S_PORT=${C2S_PORT:-5222}
COMPONENT_PORT=${COMPONENT_PORT:-5347}
HTTP_PORT=${HTTP_PORT:-5280}
FOCUS_HTTP_PORT=${FOCUS_HTTP_PORT:-8888}
BUILD=${BUILD:-build}
FOCUS_SECRET=${FOCUS_SECRET:-focus_secret}
JVB_SECRET=${JVB_SECRET:-jvb_secret}
FOCUS_PASSWORD=${FOCUS_PASSWORD:-focuspassword}

echo "== building (cmake, $BUILD/)"
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD" -j "$(nproc 2>/dev/null || echo 2)" --target jicofo bridgesim

DIR=$(mktemp -d /tmp/jicofo-local.XXXXXX)
PIDS=""
cleanup() {
    trap - EXIT INT TERM
    echo "== stopping"
    for p in $PIDS; do kill "$p" 2>/dev/null || true; done
    for p in $PIDS; do wait "$p" 2>/dev/null || true; done
    if [ "${KEEP:-0}" = 1 ]; then echo "kept $DIR"; else rm -rf "$DIR"; fi
}
trap cleanup EXIT INT TERM

echo "== Prosody in $DIR"
if resources/demo/make-www.sh "$DIR/www" "$DOMAIN" "http://127.0.0.1:$FOCUS_HTTP_PORT/"; then
    DEMO="http://127.0.0.1:$HTTP_PORT/files/"
else
    mkdir -p "$DIR/www"
    DEMO="(not available: the client builds are missing, see above)"
fi
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 30 -subj "/CN=$DOMAIN" \
    -addext "subjectAltName=DNS:$DOMAIN,DNS:auth.$DOMAIN,DNS:*.$DOMAIN" \
    -keyout "$DIR/$DOMAIN.key" -out "$DIR/$DOMAIN.crt" 2>/dev/null
sed -e "s|@DOMAIN@|$DOMAIN|g" -e "s|@C2S_PORT@|$C2S_PORT|g" -e "s|@COMPONENT_PORT@|$COMPONENT_PORT|g" \
    -e "s|@DATA_DIR@|$DIR|g" -e "s|@FOCUS_SECRET@|$FOCUS_SECRET|g" -e "s|@JVB_SECRET@|$JVB_SECRET|g" \
    -e "s|@CERT@|$DIR/$DOMAIN.crt|g" -e "s|@KEY@|$DIR/$DOMAIN.key|g" -e "s|@LOG_LEVEL@|info|g" \
    -e "s|@HTTP_PORT@|$HTTP_PORT|g" -e "s|@WWW_DIR@|$DIR/www|g" \
    resources/prosody/prosody.cfg.lua.template > "$DIR/prosody.cfg.lua"
prosodyctl --config "$DIR/prosody.cfg.lua" register focus "auth.$DOMAIN" "$FOCUS_PASSWORD" >/dev/null
prosody -F --config "$DIR/prosody.cfg.lua" > "$DIR/prosody.out" 2>&1 &
PIDS="$!"
for _ in $(seq 1 50); do
    if (echo > "/dev/tcp/127.0.0.1/$COMPONENT_PORT") 2>/dev/null; then break; fi
    sleep 0.1
done
sleep 0.3

echo "== bridge simulator as jitsi-videobridge.$DOMAIN"
"$BUILD/tests/bridgesim/bridgesim" --host=127.0.0.1 --port="$COMPONENT_PORT" --domain="$DOMAIN" \
    --secret="$JVB_SECRET" > "$DIR/bridgesim.log" 2>&1 &
PIDS="$PIDS $!"

echo "== focus"
JICOFO_SECRET="$FOCUS_SECRET" JICOFO_AUTH_PASSWORD="$FOCUS_PASSWORD" \
"$BUILD/jicofo" -Dorg.jitsi.jicofo.ALWAYS_TRUST_MODE_ENABLED=true \
    -Dorg.jitsi.jicofo.FOCUS_USER_PORT="$C2S_PORT" -Dorg.jitsi.jicofo.auth.jetty.host=127.0.0.1 \
    -Dorg.jitsi.jicofo.auth.jetty.port="$FOCUS_HTTP_PORT" --host=127.0.0.1 --port="$COMPONENT_PORT" \
    --domain="$DOMAIN" --user_domain="auth.$DOMAIN" --user_name=focus > "$DIR/jicofo.log" 2>&1 &
FOCUS_PID=$!
PIDS="$PIDS $FOCUS_PID"

cat <<INFO

Running (Ctrl-C stops everything and removes $DIR):
  Prosody     127.0.0.1:$C2S_PORT (c2s, TLS with a self-signed certificate), components on :$COMPONENT_PORT,
              BOSH http://127.0.0.1:$HTTP_PORT/http-bind, websocket ws://127.0.0.1:$HTTP_PORT/xmpp-websocket
              config $DIR/prosody.cfg.lua, log $DIR/prosody.log
  bridge sim  jitsi-videobridge.$DOMAIN, log $DIR/bridgesim.log
  focus       focus.$DOMAIN and focus@auth.$DOMAIN, log $DIR/jicofo.log

Demo page:     $DEMO
               open it in two or three tabs of Chromium or Firefox on this machine and press "join" in each
Operator page: http://127.0.0.1:$FOCUS_HTTP_PORT/  (conferences, bridges, streams; /stats has the same as JSON)

Or point a client of your own at it: log in anonymously to $DOMAIN on 127.0.0.1:$C2S_PORT, send
  <iq type='set' to='focus.$DOMAIN'><conference xmlns='http://jitsi.org/protocol/focus'
      room='myroom@conference.$DOMAIN'/></iq>
then join myroom@conference.$DOMAIN/<nick>: the focus is there as 'focus' and sends a Jingle offer once two
people are in the room.

INFO
tail -n +1 -f "$DIR/jicofo.log" &
PIDS="$PIDS $!"
wait "$FOCUS_PID"
