#!/bin/bash
# Makes a minimal Debian 12 root with debootstrap (--variant=minbase), cached between runs:
#   make-debian-root.sh ARCH [FLAVOR]      ARCH = amd64 | i386
#   FLAVOR clean (default): .cache/rootfs-ARCH        nothing beyond minbase: the "clean machine" the dist
#                                                      archives must run on (no POCO, Boost or OpenSSL)
#   FLAVOR build:           .cache/rootfs-ARCH-build  + compiler, cmake and the -dev packages, to build the
#                                                      32-bit `lin` program natively (the host cannot co-install
#                                                      every i386 -dev package: see install-cross-deps.sh)
#   FLAVOR wine:            .cache/rootfs-ARCH-wine   + wine (for i386: wine32), to run the 32-bit Windows build
# Writes .cache/rootfs-ARCH[-FLAVOR].tar.gz once and unpacks it again when the folder was removed; the folder is
# ready when it holds /.jicofo-root-ok. Also writes /.jicofo-libs: every shared library file name in the root
# (what dist/pack.sh must not ship). Needs root.
set -euo pipefail

ARCH=${1:-}
FLAVOR=${2:-clean}
case "$ARCH" in amd64 | i386) ;; *)
    echo "usage: $0 amd64|i386 [clean|build|wine]" >&2
    exit 2
    ;;
esac
case "$FLAVOR" in
clean) EXTRA="" ;;
build) EXTRA="g++ make cmake zip file libpoco-dev libboost-log-dev libboost-thread-dev libboost-filesystem-dev libssl-dev libexpat1-dev libgtest-dev" ;;
wine) if [ "$ARCH" = i386 ]; then EXTRA="wine wine32"; else EXTRA="wine wine64"; fi ;;
*)
    echo "unknown flavor $FLAVOR" >&2
    exit 2
    ;;
esac
HERE=$(cd "$(dirname "$0")" && pwd)
CACHE=${JICOFO_CACHE:-$(cd "$HERE/../.." && pwd)/.cache}
NAME=rootfs-$ARCH
[ "$FLAVOR" = clean ] || NAME=$NAME-$FLAVOR
R=$CACHE/$NAME
TARBALL=$CACHE/$NAME.tar.gz
SUITE=bookworm
log() { echo "make-debian-root[$NAME]: $*"; }

[ "$(id -u)" = 0 ] || {
    echo "make-debian-root.sh: must run as root" >&2
    exit 1
}

if [ -f "$R/.jicofo-root-ok" ]; then
    log "ready: $R"
    exit 0
fi
mkdir -p "$CACHE"
if [ -f "$TARBALL" ]; then
    log "unpacking cached $TARBALL"
    rm -rf "$R"
    mkdir -p "$R"
    tar -xzf "$TARBALL" -C "$R"
    touch "$R/.jicofo-root-ok"
    log "ready: $R"
    exit 0
fi

# The mirror apt uses here (deb822 or one-line sources), else Debian's default one.
mirror() {
    local m
    m=$(grep -hsE '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -n1 || true)
    [ -n "$m" ] || m=$(grep -hsE '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list |
        awk '{print $2}' | grep -v security | head -n1 || true)
    echo "${m:-http://deb.debian.org/debian}"
}
MIRROR=${JICOFO_DEBIAN_MIRROR:-$(mirror)}
SECURITY=${MIRROR%/debian}/debian-security
if ! curl -sfI --max-time 20 "$MIRROR/dists/$SUITE/Release" >/dev/null; then
    echo "make-debian-root.sh: mirror $MIRROR not reachable (set JICOFO_DEBIAN_MIRROR)" >&2
    exit 1
fi
log "debootstrap from $MIRROR"

command -v debootstrap >/dev/null || apt-get install -y debootstrap
rm -rf "$R" "$R.tmp"
t0=$SECONDS
nice -n 19 debootstrap --variant=minbase --arch="$ARCH" "$SUITE" "$R.tmp" "$MIRROR" >"$CACHE/$NAME.log" 2>&1 || {
    tail -n 30 "$CACHE/$NAME.log" >&2
    exit 1
}
cat >"$R.tmp/etc/apt/sources.list" <<SOURCES
deb $MIRROR $SUITE main
deb $MIRROR $SUITE-updates main
deb $SECURITY $SUITE-security main
SOURCES

if [ -n "$EXTRA" ]; then
    # A private mount namespace: the mounts vanish with the command, even if it fails.
    # shellcheck disable=SC2086
    unshare --mount --propagation private sh -c '
        R=$1; shift
        mount -t proc proc "$R/proc" && mount --rbind /dev "$R/dev"
        chroot "$R" sh -c "apt-get update || true; DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $*"
    ' sh "$R.tmp" $EXTRA >>"$CACHE/$NAME.log" 2>&1 || {
        tail -n 30 "$CACHE/$NAME.log" >&2
        exit 1
    }
fi
chroot "$R.tmp" apt-get clean

if [ "$FLAVOR" = clean ]; then
    # The point of the clean root: none of the libraries the program links must be there already.
    if chroot "$R.tmp" dpkg-query -W -f '${Package}\n' | grep -E '^(libpoco|libboost|libssl-dev|libexpat1-dev)'; then
        echo "make-debian-root.sh: clean root unexpectedly has the packages above" >&2
        exit 1
    fi
fi
# Every shared library file the root has, by file name (sonames and their links).
libdirs=""
for d in lib lib64 lib32 usr/lib usr/lib32 usr/lib64; do
    # usrmerge: /lib is a link to usr/lib
    [ -d "$R.tmp/$d" ] && [ ! -L "$R.tmp/$d" ] && libdirs="$libdirs $d"
done
# shellcheck disable=SC2086
(cd "$R.tmp" && find $libdirs -name '*.so*' \( -type f -o -type l \) -printf '%f\n' | sort -u >.jicofo-libs)
tar -czf "$TARBALL.tmp" -C "$R.tmp" .
mv "$TARBALL.tmp" "$TARBALL"
touch "$R.tmp/.jicofo-root-ok"
mv "$R.tmp" "$R"
log "ready in $((SECONDS - t0))s: $R ($(du -sh "$R" | cut -f1), tarball $(du -sh "$TARBALL" | cut -f1))"
