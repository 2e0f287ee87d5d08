#!/bin/bash
# Builds the Windows dependencies of jicofo (expat, OpenSSL 3.0, POCO 1.11, Boost.Log 1.74; all static) with
# Debian's mingw-w64 posix compilers from Debian's own source packages, into a cached prefix:
#   .cache/win-ARCH/prefix       (ARCH = x86_64 | i686; dist/cross/mingw-ARCH.cmake points CMake at it)
# Idempotent: a finished step leaves a stamp in .cache/win-ARCH/stamps and is skipped next time
# (delete the stamp, or the whole .cache/win-ARCH, to rebuild). Times go to .cache/win-ARCH/times.log.
# Needs root only to add deb-src entries; run dist/cross/install-cross-deps.sh first.
set -euo pipefail

ARCH=${1:-}
case "$ARCH" in
x86_64) OPENSSL_TARGET=mingw64 ADDRESS_MODEL=64 ;;
i686) OPENSSL_TARGET=mingw ADDRESS_MODEL=32 ;;
*)
    echo "usage: $0 x86_64|i686" >&2
    exit 2
    ;;
esac
TRIPLE=$ARCH-w64-mingw32
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CACHE=${JICOFO_CACHE:-$ROOT/.cache}
W=$CACHE/win-$ARCH
SRC=$W/src
BLD=$W/build
PREFIX=$W/prefix
STAMPS=$W/stamps
DEBSRC=$CACHE/debsrc
TOOLCHAIN=$HERE/mingw-$ARCH.cmake
JOBS=${JOBS:-2}
NICE="nice -n 19"
WINNT=0x0601
mkdir -p "$SRC" "$BLD" "$PREFIX" "$STAMPS" "$DEBSRC"

log() { echo "build-windows-deps[$ARCH]: $*"; }
die() {
    echo "build-windows-deps[$ARCH]: $*" >&2
    exit 1
}

for tool in "$TRIPLE-g++-posix" "$TRIPLE-gcc-posix" "$TRIPLE-windmc" cmake bison perl dpkg-source; do
    command -v "$tool" >/dev/null || die "$tool missing: run dist/cross/install-cross-deps.sh"
done

# Runs one named step unless its stamp exists; records the wall time.
step() {
    local name=$1
    shift
    if [ -f "$STAMPS/$name" ]; then
        log "$name: already built"
        return
    fi
    log "$name: building"
    local t0=$SECONDS
    "$@"
    local dt=$((SECONDS - t0))
    echo "$name ${dt}s $(date -u +%FT%TZ)" >>"$W/times.log"
    touch "$STAMPS/$name"
    log "$name: done in ${dt}s"
}

ensure_deb_src() {
    if apt-cache showsrc poco 2>/dev/null | grep -q '^Package: poco'; then
        return
    fi
    [ "$(id -u)" = 0 ] || die "no deb-src entries; run dist/cross/install-cross-deps.sh as root"
    cat >/etc/apt/sources.list.d/jicofo-deb-src.sources <<'SOURCES'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
    apt-get update || true
}

# Unpacks Debian source package $1 (patches applied) into $SRC/$1, downloading it once into $DEBSRC.
# Only the main archive's sources are configured (security sources are not always served); its newest
# version is taken.
unpack() {
    local pkg=$1 dsc
    dsc=$(ls "$DEBSRC/${pkg}_"*.dsc 2>/dev/null | sort -V | tail -n1 || true)
    if [ -z "$dsc" ]; then
        (cd "$DEBSRC" && apt-get source --download-only "$pkg")
        dsc=$(ls "$DEBSRC/${pkg}_"*.dsc | sort -V | tail -n1)
    fi
    rm -rf "${SRC:?}/$pkg"
    dpkg-source --no-check -x "$dsc" "$SRC/$pkg" >/dev/null
}

build_expat() {
    unpack expat
    local s=$SRC/expat
    [ -f "$s/expat/CMakeLists.txt" ] && s=$s/expat
    # Debian's security patches test `#if XML_DTD == 1` (autotools defines it as 1); CMake's template
    # defines it empty.
    sed -i 's/^#cmakedefine XML_DTD$/#cmakedefine XML_DTD 1/; s/^#cmakedefine XML_NS$/#cmakedefine XML_NS 1/' \
        "$s/expat_config.h.cmake"
    rm -rf "$BLD/expat"
    $NICE cmake -S "$s" -B "$BLD/expat" -DCMAKE_TOOLCHAIN_FILE="$TOOLCHAIN" -DJICOFO_WIN_PREFIX="$PREFIX" \
        -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$PREFIX" -DEXPAT_SHARED_LIBS=OFF \
        -DEXPAT_BUILD_TOOLS=OFF -DEXPAT_BUILD_EXAMPLES=OFF -DEXPAT_BUILD_TESTS=OFF -DEXPAT_BUILD_DOCS=OFF \
        -DEXPAT_BUILD_FUZZERS=OFF >"$BLD/expat.log"
    $NICE cmake --build "$BLD/expat" -j"$JOBS" >>"$BLD/expat.log"
    cmake --install "$BLD/expat" >>"$BLD/expat.log"
}

build_openssl() {
    unpack openssl
    local s=$SRC/openssl
    # Debian's pic.patch rewrites the x86 assembly for ELF PIC (GOT, @PLT); COFF has neither.
    if [ "$ARCH" = i686 ]; then
        (cd "$s" && patch -R -p1 <debian/patches/pic.patch >/dev/null)
    fi
    (
        cd "$s"
        # OpenSSL 3.0's Configure has no no-docs; only the libraries and headers are built and installed.
        $NICE ./Configure "$OPENSSL_TARGET" --cross-compile-prefix="$TRIPLE-" --prefix="$PREFIX" \
            --libdir=lib --openssldir="$PREFIX/ssl" no-shared no-tests no-module "-D_WIN32_WINNT=$WINNT" \
            CC=gcc-posix CXX=g++-posix >"$BLD/openssl.log"
        $NICE make -j"$JOBS" build_libs >>"$BLD/openssl.log"
        make install_dev >>"$BLD/openssl.log"
    )
}

# Lower-cases includes of Windows headers that POCO spells with capitals (Winsock2.h, Iphlpapi.h): the
# mingw headers are lower-case and Linux file systems are case-sensitive. Patched in the installed headers
# too, so programs including them need nothing extra.
lowercase_windows_includes() {
    local dir=$1 inc=/usr/$TRIPLE/include f name lower
    grep -rlE '#[[:space:]]*include[[:space:]]*<[A-Za-z0-9_]*[A-Z][A-Za-z0-9_]*\.h>' "$dir" \
        --include='*.h' --include='*.cpp' --include='*.c' | while read -r f; do
        grep -oE '#[[:space:]]*include[[:space:]]*<[A-Za-z0-9_]*[A-Z][A-Za-z0-9_]*\.h>' "$f" |
            sed -E 's/.*<(.*)>/\1/' | sort -u | while read -r name; do
            lower=$(echo "$name" | tr '[:upper:]' '[:lower:]')
            if [ ! -e "$inc/$name" ] && [ -e "$inc/$lower" ]; then
                sed -i "s|<$name>|<$lower>|g" "$f"
            fi
        done
    done || true
}

build_poco() {
    unpack poco
    local s=$SRC/poco
    lowercase_windows_includes "$s"
    # mingw's wincrypt.h (pulled in by windows.h) defines TIMESTAMP_REQUEST, an enumerator name here.
    sed -i '0,/^namespace Poco {/s//#ifdef TIMESTAMP_REQUEST\n#undef TIMESTAMP_REQUEST\n#endif\n\nnamespace Poco {/' \
        "$s/Net/include/Poco/Net/ICMPv4PacketImpl.h"
    grep -q 'undef TIMESTAMP_REQUEST' "$s/Net/include/Poco/Net/ICMPv4PacketImpl.h" || die "TIMESTAMP_REQUEST fix failed"
    # POCO XML uses the expat built above instead of its bundled copy, so a program linking both has one
    # expat (POCO_UNBUNDLED set in XML's directory scope only: Foundation keeps its bundled pcre and zlib).
    sed -i '1i if(JICOFO_EXTERNAL_EXPAT)\n\tset(POCO_UNBUNDLED ON)\nendif()\n' "$s/XML/CMakeLists.txt"
    rm -rf "$BLD/poco"
    $NICE cmake -S "$s" -B "$BLD/poco" -DCMAKE_TOOLCHAIN_FILE="$TOOLCHAIN" -DJICOFO_WIN_PREFIX="$PREFIX" \
        -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$PREFIX" -DBUILD_SHARED_LIBS=OFF \
        -DJICOFO_EXTERNAL_EXPAT=ON -DEXPAT_INCLUDE_DIR="$PREFIX/include" -DEXPAT_LIBRARY="$PREFIX/lib/libexpat.a" \
        -DENABLE_FOUNDATION=ON -DENABLE_XML=ON -DENABLE_JSON=ON -DENABLE_UTIL=ON -DENABLE_NET=ON \
        -DENABLE_CRYPTO=ON -DENABLE_NETSSL=ON -DENABLE_NETSSL_WIN=OFF -DENABLE_ENCODINGS=OFF \
        -DENABLE_MONGODB=OFF -DENABLE_DATA=OFF -DENABLE_DATA_SQLITE=OFF -DENABLE_DATA_MYSQL=OFF \
        -DENABLE_DATA_POSTGRESQL=OFF -DENABLE_DATA_ODBC=OFF -DENABLE_REDIS=OFF -DENABLE_PDF=OFF \
        -DENABLE_ZIP=OFF -DENABLE_SEVENZIP=OFF -DENABLE_PAGECOMPILER=OFF -DENABLE_PAGECOMPILER_FILE2PAGE=OFF \
        -DENABLE_ACTIVERECORD=OFF -DENABLE_ACTIVERECORD_COMPILER=OFF -DENABLE_JWT=OFF \
        -DENABLE_APACHECONNECTOR=OFF -DENABLE_TESTS=OFF -DPOCO_UNBUNDLED=OFF \
        -DOPENSSL_ROOT_DIR="$PREFIX" -DOPENSSL_USE_STATIC_LIBS=ON >"$BLD/poco.log"
    $NICE cmake --build "$BLD/poco" -j"$JOBS" >>"$BLD/poco.log"
    cmake --install "$BLD/poco" >>"$BLD/poco.log"
}

build_boost() {
    unpack boost1.74
    local s=$SRC/boost1.74
    (
        cd "$s"
        # The source package drops b2's generated parser; regenerate it as debian/rules does.
        (cd tools/build && bison -y -d -o src/engine/jamgram.cpp src/engine/jamgram.y)
        # b2 itself is a host program.
        $NICE ./bootstrap.sh --with-toolset=gcc --with-libraries=log >"$BLD/boost.log" 2>&1 ||
            { cat bootstrap.log >&2; exit 1; }
        cat >user-config.jam <<JAM
using gcc : mingw : $TRIPLE-g++-posix : <archiver>$TRIPLE-ar <ranlib>$TRIPLE-ranlib <rc>$TRIPLE-windres ;
JAM
        $NICE ./b2 -j"$JOBS" -q --ignore-site-config --user-config=user-config.jam --layout=system \
            --build-dir="$BLD/boost" --prefix="$PREFIX" --with-log toolset=gcc-mingw target-os=windows \
            threadapi=win32 address-model=$ADDRESS_MODEL architecture=x86 link=static runtime-link=shared \
            threading=multi variant=release "define=_WIN32_WINNT=$WINNT" "define=BOOST_USE_WINDOWS_H" \
            install >>"$BLD/boost.log" 2>&1
    )
}

ensure_deb_src
step expat build_expat
step openssl build_openssl
step poco build_poco
step boost build_boost
# Each step unpacks its sources afresh, so the trees and objects are of no further use (~850 MB); logs stay.
rm -rf "${SRC:?}" "${BLD:?}"/*/
log "prefix $PREFIX: $(du -sh "$PREFIX" | cut -f1)"
cat "$W/times.log"
