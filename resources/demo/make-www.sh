#!/bin/sh
# Lays out the folder Prosody serves at http://127.0.0.1:HTTP_PORT/files/ (its http_files_dir): the demo page
# of this folder, a config.js naming the XMPP domain, and the client builds the browser tests use
# (tests/browser/install.sh installs them). Links, not copies: nothing is duplicated.
# Usage: resources/demo/make-www.sh DEST DOMAIN [OPERATOR_URL]   (the last: a link to the focus's page)
set -eu
[ $# -eq 2 ] || [ $# -eq 3 ] || { echo "usage: $0 DEST DOMAIN [OPERATOR_URL]" >&2; exit 2; }
DEST=$1
DOMAIN=$2
OPERATOR=${3:-}
HERE=$(cd "$(dirname "$0")" && pwd)
BROWSER=$(cd "$HERE/../../tests/browser" && pwd)
LIB2020=$BROWSER/node_modules/lib-jitsi-meet-dist/dist/lib-jitsi-meet.min.js
LIB2021=$BROWSER/vendor/lib-jitsi-meet-2.6726.2/lib-jitsi-meet.min.js
JQUERY=$BROWSER/node_modules/jquery/dist/jquery.min.js
for f in "$LIB2020" "$LIB2021" "$JQUERY"; do
    [ -f "$f" ] || { echo "$f is missing: run tests/browser/install.sh (installers/install-deps.sh does)" >&2; exit 1; }
done
mkdir -p "$DEST/lib/2020" "$DEST/lib/2021"
for f in index.html demo.js demo.css; do ln -sf "$HERE/$f" "$DEST/$f"; done
ln -sf "$JQUERY" "$DEST/lib/jquery.min.js"
ln -sf "$LIB2020" "$DEST/lib/2020/lib-jitsi-meet.min.js"
ln -sf "$LIB2021" "$DEST/lib/2021/lib-jitsi-meet.min.js"
printf 'window.DEMO_CONFIG = { domain: "%s", bosh: "/http-bind", operator: "%s" };\n' "$DOMAIN" "$OPERATOR" \
    > "$DEST/config.js"
