#!/bin/bash
# Builds what Debian does not ship as static libraries for the statically linked Linux dist programs: POCO 1.11
# (Foundation, XML, JSON, Util, Net, Crypto, NetSSL) from Debian's own source package, compiled with
# -ffunction-sections -fdata-sections so the program's link can drop what it does not use, into
#   .cache/linux-ARCH/prefix        (ARCH = amd64: with this host's compiler; i386: inside the i386 build root)
# Boost.Log, OpenSSL, expat and libstdc++ come as static libraries with Debian's -dev packages already.
# POCO XML uses Debian's expat (the program links expat too: one copy); Foundation keeps its bundled PCRE and
# zlib. Idempotent: a finished build leaves .cache/linux-ARCH/stamps/poco (delete it to rebuild); the time goes
# to .cache/linux-ARCH/times.log. Needs root for i386 (the build root) and deb-src entries (install-cross-deps.sh
# adds them) the first time.
set -euo pipefail

ARCH=${1:-}
case "$ARCH" in amd64 | i386) ;; *)
    echo "usage: $0 amd64|i386" >&2
    exit 2
    ;;
esac
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CACHE=${JICOFO_CACHE:-$ROOT/.cache}
W=$CACHE/linux-$ARCH
PREFIX=$W/prefix
DEBSRC=$CACHE/debsrc
JOBS=${JOBS:-2}
log() { echo "build-linux-deps[$ARCH]: $*"; }
die() {
    echo "build-linux-deps[$ARCH]: $*" >&2
    exit 1
}
mkdir -p "$W/stamps" "$DEBSRC"
if [ -f "$W/stamps/poco" ]; then
    log "poco: already built ($PREFIX)"
    exit 0
fi

# The source, unpacked on the host (dpkg-source is not in the build root); the newest of the main archive.
command -v dpkg-source >/dev/null || die "dpkg-source missing (apt-get install dpkg-dev)"
dsc=$(ls "$DEBSRC"/poco_*.dsc 2>/dev/null | sort -V | tail -n1 || true)
if [ -z "$dsc" ]; then
    apt-cache showsrc poco 2>/dev/null | grep -q '^Package: poco' ||
        die "no deb-src entries: run dist/cross/install-cross-deps.sh as root"
    (cd "$DEBSRC" && apt-get source --download-only poco)
    dsc=$(ls "$DEBSRC"/poco_*.dsc | sort -V | tail -n1)
fi
rm -rf "$W/src" "$W/build"
dpkg-source --no-check -x "$dsc" "$W/src" >/dev/null
# POCO XML against the system's expat (POCO_UNBUNDLED in XML's directory scope only).
sed -i '1i if(JICOFO_EXTERNAL_EXPAT)\n\tset(POCO_UNBUNDLED ON)\nendif()\n' "$W/src/XML/CMakeLists.txt"

CONFIGURE=(-S "$W/src" -B "$W/build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$PREFIX"
    -DBUILD_SHARED_LIBS=OFF -DCMAKE_POSITION_INDEPENDENT_CODE=ON
    "-DCMAKE_C_FLAGS=-ffunction-sections -fdata-sections" "-DCMAKE_CXX_FLAGS=-ffunction-sections -fdata-sections"
    -DJICOFO_EXTERNAL_EXPAT=ON -DPOCO_UNBUNDLED=OFF
    -DENABLE_FOUNDATION=ON -DENABLE_XML=ON -DENABLE_JSON=ON -DENABLE_UTIL=ON -DENABLE_NET=ON -DENABLE_CRYPTO=ON
    -DENABLE_NETSSL=ON -DENABLE_ENCODINGS=OFF -DENABLE_MONGODB=OFF -DENABLE_DATA=OFF -DENABLE_DATA_SQLITE=OFF
    -DENABLE_DATA_MYSQL=OFF -DENABLE_DATA_POSTGRESQL=OFF -DENABLE_DATA_ODBC=OFF -DENABLE_REDIS=OFF
    -DENABLE_PDF=OFF -DENABLE_ZIP=OFF -DENABLE_SEVENZIP=OFF -DENABLE_PAGECOMPILER=OFF
    -DENABLE_PAGECOMPILER_FILE2PAGE=OFF -DENABLE_ACTIVERECORD=OFF -DENABLE_ACTIVERECORD_COMPILER=OFF
    -DENABLE_JWT=OFF -DENABLE_APACHECONNECTOR=OFF -DENABLE_TESTS=OFF)
t0=$SECONDS
log "poco: building (a few minutes)"
build() {
    nice -n 19 cmake "${CONFIGURE[@]}" >"$W/poco.log" &&
        nice -n 19 cmake --build "$W/build" -j"$JOBS" >>"$W/poco.log" && cmake --install "$W/build" >>"$W/poco.log"
}
if [ "$ARCH" = amd64 ]; then
    [ "$(dpkg --print-architecture)" = amd64 ] || die "amd64 builds on an amd64 host"
    build || { tail -n 30 "$W/poco.log" >&2; exit 1; }
else
    "$HERE/make-debian-root.sh" i386 build >/dev/null
    # The same commands in the root, with the cache at its own path.
    JICOFO_ROOT_BIND="$CACHE:$CACHE" "$HERE/run-in-root.sh" i386-build \
        bash -c "$(declare -p CONFIGURE W PREFIX JOBS); $(declare -f build); build" ||
        { tail -n 30 "$W/poco.log" >&2; exit 1; }
fi
rm -rf "$W/src" "$W/build"
echo "poco $((SECONDS - t0))s $(date -u +%FT%TZ)" >>"$W/times.log"
touch "$W/stamps/poco"
log "poco: done in $((SECONDS - t0))s: $PREFIX ($(du -sh "$PREFIX" | cut -f1))"
