#!/bin/bash
# Builds the Debian package of the focus from a built program, with dpkg-deb (no debhelper needed):
#   installers/debian/build-deb.sh BINARY [OUTDIR]          e.g. build-deb.sh build/jicofo dist/debian
# Writes OUTDIR/jicofo_VERSION_ARCH.deb (OUTDIR defaults to the current folder) and prints its path last.
# VERSION: the project version of CMakeLists.txt plus the git revision ("1.0.0+g6669f5e35d-1"); set
# JICOFO_DEB_VERSION to override. ARCH comes from the binary (amd64, i386, arm64...).
# Layout (docs/packaging.md, as the 2015 package, lintian-clean):
#   /usr/lib/jicofo/jicofo (the program: architecture-dependent, so not in /usr/share), /usr/share/jicofo/{jicofo
#   -> ../../lib/jicofo/jicofo, jicofo.sh, graceful_shutdown, collect-dump-logs.sh, lib/logging.properties ->
#   /etc/jitsi/jicofo/logging.properties}, /etc/jitsi/jicofo/logging.properties (conffile), /etc/init.d/jicofo
#   (conffile), /lib/systemd/system/jicofo.service, /usr/share/doc/jicofo/{copyright, changelog.Debian.gz,
#   README.Debian, sip-communicator.properties.sample}; postinst writes /etc/jitsi/jicofo/{config,
#   sip-communicator.properties} and /var/log/jitsi/jicofo.log.
# Depends: the runtime packages of the program's shared libraries (POCO, Boost.Log, OpenSSL, expat, libstdc++,
# libc), found by dpkg-shlibdeps on this machine, so build on the Debian release you install on.
# changelog.Debian.gz: installers/debian/changelog with an entry for this build on top (unless VERSION is one of
# its entries). Maintainer: JICOFO_DEB_MAINTAINER="Name <address>" (default: the changelog's, at the reserved
# domain jicofo.example: set your own when you publish the package).
set -euo pipefail

BINARY=${1:-}
OUTDIR=${2:-.}
if [ -z "$BINARY" ] || [ ! -x "$BINARY" ]; then
    echo "usage: $0 BINARY [OUTDIR]   (BINARY: the built jicofo program)" >&2
    exit 2
fi
HERE=$(cd "$(dirname "$0")" && pwd)
TOP=$(cd "$HERE/../.." && pwd)
for tool in dpkg-deb dpkg-shlibdeps readelf strip; do
    command -v $tool >/dev/null || {
        echo "build-deb.sh: $tool is missing (apt-get install dpkg-dev binutils)" >&2
        exit 1
    }
done

# --- version and architecture
if [ -n "${JICOFO_DEB_VERSION:-}" ]; then
    VERSION=$JICOFO_DEB_VERSION
else
    upstream=$(sed -n 's/^project(jicofo VERSION \([0-9.]*\).*/\1/p' "$TOP/CMakeLists.txt")
    rev=$(git --no-optional-locks -C "$TOP" describe --always --dirty=.dirty --abbrev=10 --match=NONE 2>/dev/null || true)
    VERSION="${upstream:-0}${rev:++g$rev}-1"
fi
case "$(readelf -h "$BINARY" | sed -n 's/^ *Machine: *//p')" in
*X86-64*) ARCH=amd64 ;;
*80386*) ARCH=i386 ;;
*AArch64*) ARCH=arm64 ;;
*ARM*) ARCH=armhf ;;
*)
    echo "build-deb.sh: cannot tell the Debian architecture of $BINARY" >&2
    exit 1
    ;;
esac

STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
R=$STAGE/root
MAINTAINER=${JICOFO_DEB_MAINTAINER:-jicofo maintainers <maintainers@jicofo.example>}
install -d "$R/DEBIAN" "$R/usr/lib/jicofo" "$R/usr/share/jicofo/lib" "$R/etc/jitsi/jicofo" "$R/etc/init.d" \
    "$R/lib/systemd/system" "$R/usr/share/doc/jicofo"

# --- files
install -m 755 "$BINARY" "$R/usr/lib/jicofo/jicofo"
strip --strip-unneeded --remove-section=.comment --remove-section=.note "$R/usr/lib/jicofo/jicofo"
# The launcher runs the program beside it: the 2015 path stays, as a link.
ln -s ../../lib/jicofo/jicofo "$R/usr/share/jicofo/jicofo"
install -m 755 "$TOP/resources/jicofo.sh" "$R/usr/share/jicofo/jicofo.sh"
install -m 755 "$TOP/resources/graceful_shutdown" "$R/usr/share/jicofo/graceful_shutdown"
install -m 755 "$HERE/collect-dump-logs.sh" "$R/usr/share/jicofo/collect-dump-logs.sh"
install -m 644 "$TOP/resources/logging.properties" "$R/etc/jitsi/jicofo/logging.properties"
# The launcher uses lib/logging.properties when present: the operator's copy in /etc.
ln -s /etc/jitsi/jicofo/logging.properties "$R/usr/share/jicofo/lib/logging.properties"
install -m 755 "$HERE/jicofo.init" "$R/etc/init.d/jicofo"
install -m 644 "$HERE/jicofo.service" "$R/lib/systemd/system/jicofo.service"
install -m 644 "$HERE/README.Debian" "$R/usr/share/doc/jicofo/README.Debian"
install -m 644 "$HERE/copyright" "$R/usr/share/doc/jicofo/copyright"
install -m 644 "$TOP/sip-communicator.properties.sample" "$R/usr/share/doc/jicofo/sip-communicator.properties.sample"
{
    if ! grep -q "^jicofo ($VERSION)" "$HERE/changelog"; then
        printf 'jicofo (%s) stable; urgency=medium\n\n  * Built from %s.\n\n -- %s  %s\n\n' \
            "$VERSION" "${rev:-the source tree}" "$MAINTAINER" "$(date -R)"
    fi
    cat "$HERE/changelog"
} | gzip -9n >"$R/usr/share/doc/jicofo/changelog.Debian.gz"
chmod 644 "$R/usr/share/doc/jicofo/changelog.Debian.gz"
for s in postinst prerm postrm; do install -m 755 "$HERE/$s" "$R/DEBIAN/$s"; done
printf '/etc/init.d/jicofo\n/etc/jitsi/jicofo/logging.properties\n' >"$R/DEBIAN/conffiles"

# --- Depends from the program's shared libraries
mkdir -p "$STAGE/shlibs/debian"
printf 'Source: jicofo\n\nPackage: jicofo\nArchitecture: any\n' >"$STAGE/shlibs/debian/control"
shlibs=$(cd "$STAGE/shlibs" && dpkg-shlibdeps -O --warnings=0 -e"$R/usr/lib/jicofo/jicofo" | sed -n 's/^shlibs:Depends=//p')
if [ -z "$shlibs" ]; then
    echo "build-deb.sh: dpkg-shlibdeps found no library dependencies" >&2
    exit 1
fi

SIZE=$(du -sk --exclude=DEBIAN "$R" | cut -f1)
cat >"$R/DEBIAN/control" <<CONTROL
Package: jicofo
Version: $VERSION
Architecture: $ARCH
Maintainer: $MAINTAINER
Installed-Size: $SIZE
Depends: $shlibs, adduser, init-system-helpers (>= 1.54~)
Recommends: prosody, python3
Section: net
Priority: optional
Homepage: https://github.com/jitsi/jicofo
Description: Jitsi Meet conference focus (C++)
 Jicofo manages Jitsi Meet conferences: it joins each conference's MUC room,
 allocates channels on a videobridge and starts the media sessions of the
 participants (Jingle). This is a C++ re-implementation of the 2015 focus,
 wire-compatible with its clients, bridges and configuration files.
 .
 The package runs it as a service (systemd unit or /etc/init.d/jicofo) with
 the settings in /etc/jitsi/jicofo, and serves health, statistics and
 Prometheus metrics over HTTP on port 8888.
CONTROL
(cd "$R" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum >DEBIAN/md5sums)

mkdir -p "$OUTDIR"
OUT="$(cd "$OUTDIR" && pwd)/jicofo_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zxz --build "$R" "$OUT" >/dev/null
echo "Depends: $shlibs, adduser, init-system-helpers (>= 1.54~)"
echo "$OUT"
