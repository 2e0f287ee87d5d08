#!/bin/sh
# Installs (as root, idempotent) what the cross-built dist archives need on Debian 12:
# mingw-w64 posix compilers, wine64, debootstrap, nsis, zip and the tools the dependency source builds use.
# Nothing of another architecture goes on the host: an i386 -dev package is not Multi-Arch (libpoco-dev:i386
# replaced the amd64 libpoco-dev, and the native build could no longer find POCO), and wine32 needs the i386
# index to match the amd64 one. The 32-bit `lin` and `win` builds and proofs use i386 debootstrap roots
# instead (make-debian-root.sh i386 build|wine), which take every i386 package from one consistent index.
# At the end it checks that the native build still configures (check-native-build.sh).
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

# A lagging mirror index makes `apt-get update` exit non-zero although the main indexes are fine.
apt-get update || echo "install-cross-deps.sh: apt-get update reported errors; going on with the indexes it got" >&2

BASE="mingw-w64 g++-mingw-w64-x86-64-posix g++-mingw-w64-i686-posix gcc-mingw-w64-x86-64-posix
 gcc-mingw-w64-i686-posix binutils-mingw-w64-x86-64 binutils-mingw-w64-i686
 wine wine64 debootstrap nsis zip unzip bison flex perl make cmake ninja-build dpkg-dev devscripts
 file patch xz-utils"
# --no-remove: never take an installed package (the native -dev packages) away to make room.
# shellcheck disable=SC2086
apt-get install -y --no-install-recommends --no-remove $BASE

# Debian's mingw compilers default to the win32 thread model; the posix variants are used throughout.
for t in x86_64-w64-mingw32 i686-w64-mingw32; do
    for c in gcc g++; do
        update-alternatives --set "$t-$c" "/usr/bin/$t-$c-posix" >/dev/null 2>&1 || true
    done
done

# The native build must still configure (the -dev packages of install-deps.sh untouched).
"$(dirname "$0")/check-native-build.sh"
echo "install-cross-deps.sh: done"
