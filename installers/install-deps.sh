#!/bin/sh
# Installs what building, running and testing the focus needs on Debian 12, by package name, at Debian's
# current versions (installed packages are upgraded). Idempotent. Run as root (or with sudo).
set -eu

PACKAGES="
  build-essential cmake pkg-config clang-format
  clang libclang-rt-14-dev
  libpoco-dev libssl-dev libexpat1-dev libexpat1
  libboost-log-dev libboost-thread-dev libboost-filesystem-dev
  libgtest-dev googletest
  prosody lua-unbound openssl
  procps ca-certificates python3 dpkg-dev lintian
  chromium fonts-dejavu-core
"
# The browser tests (tests/browser) and the demo page run on Node.js. A machine that already has node and npm
# (e.g. from NodeSource) keeps them; Debian's packages are installed only where they are missing.
command -v node >/dev/null 2>&1 || PACKAGES="$PACKAGES nodejs"
command -v npm >/dev/null 2>&1 || PACKAGES="$PACKAGES npm"

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
# A mirror mid-sync may fail one index (seen for i386 here); the install below still works from the rest.
$SUDO apt-get update -q || echo "install-deps: apt-get update reported errors, trying the install anyway"
# Every named package, also the installed ones: apt-get install brings an installed package to Debian's
# current version, so the tests run against what an updated server runs (e.g. expat's security backports).
# --no-install-recommends keeps the machine lean; lua-unbound is listed above because Prosody 0.12 stops at
# start-up without it.
$SUDO apt-get install -y -q --no-install-recommends $PACKAGES

# npm side of the browser tests: playwright-core (drives /usr/bin/chromium, never downloads a browser), jquery
# and the two lib-jitsi-meet builds, pinned in tests/browser/package-lock.json and install.sh.
"$(dirname "$0")/../tests/browser/install.sh"

# The Debian package starts a system-wide Prosody where an init system runs; the focus's own scripts and tests
# start their own on other ports, so the system one is left alone (and is not needed).
echo "install-deps: all build, run and test dependencies are installed"
