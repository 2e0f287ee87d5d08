#!/bin/bash
# Packs a built jicofo program into an extract-and-run archive laid out as the 2015 dist archives:
#   TOP/jicofo[.exe]  TOP/jicofo.sh|jicofo.bat  TOP/lib/logging.properties  TOP/lib/<shared libraries>
#   TOP/sip-communicator.properties.sample  TOP/README.txt
# where TOP is the archive's name without .zip (jicofo-linux-x64-1 in jicofo-linux-x64-1.zip).
#
#   pack.sh --os linux|macosx|windows --program FILE --out DIR/TOP.zip [options]
#     --root-libs FILE   linux: the file names of the shared libraries a clean machine has (make-debian-root.sh
#                        writes .cache/rootfs-ARCH/.jicofo-libs); every library ldd reports that is not in it
#                        goes into lib/. Without it only the C library family is left out.
#     --logging FILE     logging settings            (default: resources/logging.properties)
#     --sample FILE      properties sample           (default: sip-communicator.properties.sample)
#     --readme FILE      README of the archive       (default: dist/README-archive.txt)
#     --launcher FILE    (default: resources/jicofo.sh, or resources/jicofo.bat for windows)
#     --no-strip         keep the symbols
# For the 32-bit Linux archive run it inside the i386 build root (ldd must be that root's).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
OS="" PROGRAM="" OUT="" ROOT_LIBS="" STRIP=1 LAUNCHER=""
LOGGING=$ROOT/resources/logging.properties
SAMPLE=$ROOT/sip-communicator.properties.sample
README=$HERE/README-archive.txt

die() {
    echo "pack.sh: $*" >&2
    exit 1
}
while [ $# -gt 0 ]; do
    case "$1" in
    --os) OS=$2 && shift ;;
    --program) PROGRAM=$2 && shift ;;
    --out) OUT=$2 && shift ;;
    --root-libs) ROOT_LIBS=$2 && shift ;;
    --logging) LOGGING=$2 && shift ;;
    --sample) SAMPLE=$2 && shift ;;
    --readme) README=$2 && shift ;;
    --launcher) LAUNCHER=$2 && shift ;;
    --no-strip) STRIP=0 ;;
    *) die "unknown option $1 (see the header of $0)" ;;
    esac
    shift
done
case "$OS" in linux | macosx | windows) ;; *) die "--os linux|macosx|windows is required" ;; esac
[ -f "$PROGRAM" ] || die "--program: no such file: $PROGRAM"
case "$OUT" in *.zip) ;; *) die "--out must name a .zip file" ;; esac
if [ -z "$LAUNCHER" ]; then
    if [ "$OS" = windows ]; then LAUNCHER=$ROOT/resources/jicofo.bat; else LAUNCHER=$ROOT/resources/jicofo.sh; fi
fi
for f in "$LAUNCHER" "$LOGGING" "$SAMPLE" "$README"; do
    [ -f "$f" ] || die "missing input file: $f"
done
[ -z "$ROOT_LIBS" ] || [ -f "$ROOT_LIBS" ] || die "--root-libs: no such file: $ROOT_LIBS"
command -v zip >/dev/null || die "zip is not installed"

TOP=$(basename "$OUT" .zip)
mkdir -p "$(dirname "$OUT")"
OUT=$(cd "$(dirname "$OUT")" && pwd)/$(basename "$OUT")
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
D=$STAGE/$TOP
mkdir -p "$D/lib"

if [ "$OS" = windows ]; then EXE=jicofo.exe; else EXE=jicofo; fi
install -m 755 "$PROGRAM" "$D/$EXE"
install -m 755 "$LAUNCHER" "$D/$(basename "$LAUNCHER")"
install -m 644 "$LOGGING" "$D/lib/logging.properties"
install -m 644 "$SAMPLE" "$D/sip-communicator.properties.sample"
install -m 644 "$README" "$D/README.txt"

# Libraries every Linux system has with its C library; never shipped (they must match the kernel's loader).
is_libc_family() {
    case "$1" in
    ld-linux* | linux-vdso* | linux-gate* | libc.so.* | libm.so.* | libpthread.so.* | libdl.so.* | librt.so.* | \
        libresolv.so.* | libutil.so.* | libnsl.so.* | libanl.so.*) return 0 ;;
    *) return 1 ;;
    esac
}

shipped=()
case "$OS" in
linux)
    # "soname => /path (0x...)" lines; a "not found" fails the pack: the archive would not start anywhere.
    if ldd "$PROGRAM" | grep -q 'not found'; then
        ldd "$PROGRAM" >&2
        die "unresolved libraries"
    fi
    while read -r soname path; do
        is_libc_family "$soname" && continue
        if [ -n "$ROOT_LIBS" ] && grep -qxF "$soname" "$ROOT_LIBS"; then
            continue
        fi
        install -m 644 "$(readlink -f "$path")" "$D/lib/$soname"
        shipped+=("$soname")
    done < <(ldd "$PROGRAM" | awk '$2 == "=>" && $3 ~ /^\// {print $1, $3}')
    [ "$STRIP" = 0 ] || strip --strip-unneeded "$D/$EXE"
    ;;
windows)
    # A static build imports only Windows' DLLs; any mingw runtime DLL it does import is shipped in lib/
    # (jicofo.bat puts lib/ on PATH).
    case "$(x86_64-w64-mingw32-objdump -f "$PROGRAM" 2>/dev/null | sed -n 's/.*file format //p')" in
    pei-x86-64) triple=x86_64-w64-mingw32 ;;
    pei-i386) triple=i686-w64-mingw32 ;;
    *) die "$PROGRAM is not a Windows program of a known architecture" ;;
    esac
    for dll in $("$triple-objdump" -p "$PROGRAM" | awk '/DLL Name:/ {print $3}'); do
        found=$(find /usr/lib/gcc/"$triple" /usr/"$triple"/lib -iname "$dll" 2>/dev/null | grep posix -m1 ||
            find /usr/lib/gcc/"$triple" /usr/"$triple"/lib -iname "$dll" 2>/dev/null | head -n1 || true)
        if [ -n "$found" ]; then
            install -m 644 "$found" "$D/lib/$dll"
            shipped+=("$dll")
        fi
    done
    [ "$STRIP" = 0 ] || "$triple-strip" "$D/$EXE"
    ;;
macosx)
    # Only on a Mac: every dylib outside the system's folders goes into lib/ (DYLD_LIBRARY_PATH from jicofo.sh).
    if command -v otool >/dev/null; then
        for lib in $(otool -L "$PROGRAM" | awk 'NR > 1 {print $1}' | grep -vE '^(/usr/lib|/System)/'); do
            install -m 644 "$lib" "$D/lib/$(basename "$lib")"
            shipped+=("$(basename "$lib")")
        done
    else
        echo "pack.sh: no otool here; the archive holds no dylibs" >&2
    fi
    [ "$STRIP" = 0 ] || strip "$D/$EXE" 2>/dev/null || true
    ;;
esac

rm -f "$OUT"
(cd "$STAGE" && zip -q -r -X -y "$OUT" "$TOP")
echo "pack.sh: wrote $OUT ($(du -k "$OUT" | cut -f1) KiB) with ${#shipped[@]} libraries in lib/: ${shipped[*]:-none}"
