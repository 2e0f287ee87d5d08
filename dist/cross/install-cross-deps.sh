#!/bin/sh
# Installs (as root, idempotent) what the cross-built dist archives need on Debian 12:
# mingw-w64 posix compilers, wine, debootstrap, nsis, zip and the tools the dependency source builds use.
# The i386 architecture is added for wine32 and the 32-bit Linux build. The i386 packages are tried, but on a
# mirror whose i386 security index lags the amd64 one they cannot be co-installed (Multi-Arch: same needs equal
# versions; libboost-log1.74-dev is not Multi-Arch at all and would replace the amd64 one). The `lin` and
# `win` (32-bit) checks therefore do not rely on them: they use i386 debootstrap roots (make-debian-root.sh i386
# build|wine), which take every i386 package from one consistent index.
set -eu
export DEBIAN_FRONTEND=noninteractive

if [ "$(id -u)" != 0 ]; then
    echo "install-cross-deps.sh: must run as root" >&2
    exit 1
fi

# deb-src entries are needed by build-windows-deps.sh (apt-get source).
SRC=/etc/apt/sources.list.d/jicofo-deb-src.sources
if ! grep -rqs '^Types:.*deb-src\|^deb-src ' /etc/apt/sources.list /etc/apt/sources.list.d/ ; then
    cat >"$SRC" <<'SOURCES'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
fi

if ! dpkg --print-foreign-architectures | grep -qx i386; then
    dpkg --add-architecture i386
fi

# A lagging mirror index makes `apt-get update` exit non-zero although the main indexes are fine.
apt-get update || echo "install-cross-deps.sh: apt-get update reported errors; going on with the indexes it got" >&2

BASE="mingw-w64 g++-mingw-w64-x86-64-posix g++-mingw-w64-i686-posix gcc-mingw-w64-x86-64-posix
 gcc-mingw-w64-i686-posix binutils-mingw-w64-x86-64 binutils-mingw-w64-i686
 wine wine64 debootstrap nsis zip unzip bison flex perl make cmake ninja-build dpkg-dev devscripts
 g++-i686-linux-gnu file patch xz-utils"
# shellcheck disable=SC2086
apt-get install -y --no-install-recommends $BASE

# Debian's mingw compilers default to the win32 thread model; the posix variants are used throughout.
for t in x86_64-w64-mingw32 i686-w64-mingw32; do
    for c in gcc g++; do
        update-alternatives --set "$t-$c" "/usr/bin/$t-$c-posix" >/dev/null 2>&1 || true
    done
done

# Best effort: only installs when the i386 indexes match the amd64 ones (see above).
I386="wine32:i386 libpoco-dev:i386 libssl-dev:i386 libexpat1-dev:i386"
# shellcheck disable=SC2086
if apt-get install -y --no-install-recommends $I386; then
    echo "install-cross-deps.sh: i386 multiarch packages installed"
else
    echo "install-cross-deps.sh: i386 multiarch packages not installable here (version skew between the" >&2
    echo "  amd64 and i386 indexes); the 32-bit builds use the i386 debootstrap roots instead" >&2
fi
echo "install-cross-deps.sh: done"
