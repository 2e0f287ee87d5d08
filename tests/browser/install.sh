#!/bin/sh
# Installs what the browser tests and the demo page load, pinned: the npm packages of package-lock.json
# (playwright-core, which drives Debian's /usr/bin/chromium and never downloads a browser; jquery; the 2020
# client build lib-jitsi-meet-dist) and the late-2021 client build @lyno/lib-jitsi-meet, which cannot be
# `npm install`ed (its package.json names GitHub dependencies): `npm pack` fetches the tarball, its sha512 is
# checked against the one pinned here, and it is unpacked into vendor/. Idempotent; called by
# installers/install-deps.sh.
set -eu
cd "$(dirname "$0")"

LYNO=@lyno/lib-jitsi-meet@2.6726.2
LYNO_DIR=vendor/lib-jitsi-meet-2.6726.2
LYNO_SHA512=cTrKBgy4ZHD6vyFTOAOx5ylyzjWs3ft6MLhmchu9zRq7uLr8omD4lE2fmSfoyoSqMjFc/3sU9XLYXiJ21hqQuw==

if ! npm ls --depth=0 >/dev/null 2>&1; then
    npm ci --no-audit --no-fund --loglevel=error
fi

if [ ! -f "$LYNO_DIR/lib-jitsi-meet.min.js" ]; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    npm pack "$LYNO" --pack-destination "$tmp" --loglevel=error >/dev/null
    tarball=$(ls "$tmp"/*.tgz)
    got=$(openssl dgst -sha512 -binary "$tarball" | openssl base64 -A)
    if [ "$got" != "$LYNO_SHA512" ]; then
        echo "tests/browser/install.sh: $LYNO has sha512-$got, expected sha512-$LYNO_SHA512" >&2
        exit 1
    fi
    mkdir -p "$LYNO_DIR"
    tar -xzf "$tarball" -C "$LYNO_DIR" --strip-components=1 package/lib-jitsi-meet.min.js package/LICENSE \
        package/package.json
fi
echo "tests/browser: npm packages and both client builds are installed"
