#!/bin/bash
# Slow packaging check for Windows: builds tests/dist/probe (linked like the focus) with the mingw toolchain
# file against the cached prefix of build-windows-deps.sh ARCH, packs it with dist/pack.sh and runs
# jicofo.bat under Debian's wine: 64-bit on the host, 32-bit in the i386 wine root (make-debian-root.sh
# i386 wine), since the host cannot install wine32 next to its amd64 packages.
# Usage: tests/dist/windows-probe-test.sh x86_64|i686   (prints "N passed, N failed")
set -u
ARCH=${1:-x86_64}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
T=$(mktemp -d /tmp/winprobe.XXXXXX)
trap 'rm -rf "$T"' EXIT
passed=0
failed=0
check() {
    local name=$1
    shift
    if "$@"; then passed=$((passed + 1)); else
        failed=$((failed + 1))
        echo "FAIL: $name" >&2
    fi
}
[ -f "$ROOT/.cache/win-$ARCH/stamps/boost" ] || "$ROOT/dist/cross/build-windows-deps.sh" "$ARCH" >/dev/null

nice -n 19 cmake -S "$HERE/probe" -B "$T/build" -DCMAKE_TOOLCHAIN_FILE="$ROOT/dist/cross/mingw-$ARCH.cmake" \
    -DCMAKE_BUILD_TYPE=Release >"$T/configure.log" 2>&1 || cat "$T/configure.log"
nice -n 19 cmake --build "$T/build" -j2 >"$T/build.log" 2>&1 || tail -n 30 "$T/build.log"
check "probe.exe builds" [ -f "$T/build/probe.exe" ]
echo '.level=INFO' >"$T/logging.properties"
echo '# sample' >"$T/sample"
if [ "$ARCH" = x86_64 ]; then LA=x64; else LA=x86; fi
ZIP=$T/windows/jicofo-windows-$LA-1.zip
"$ROOT/dist/pack.sh" --os windows --program "$T/build/probe.exe" --out "$ZIP" \
    --logging "$T/logging.properties" --sample "$T/sample"
check "pack.sh writes the zip" [ -f "$ZIP" ]
zipinfo -1 "$ZIP" >"$T/list"
for f in jicofo.exe jicofo.bat lib/logging.properties sip-communicator.properties.sample README.txt; do
    check "archive has $f" grep -qx "jicofo-windows-$LA-1/$f" "$T/list"
done
check "no DLL shipped (static build)" sh -c "! grep -qi '\\.dll$' '$T/list'"
TRIPLE=$ARCH-w64-mingw32
"$TRIPLE-objdump" -p "$T/build/probe.exe" | awk '/DLL Name:/ {print $3}' >"$T/dlls"
echo "imports: $(tr '\n' ' ' <"$T/dlls")"
check "imports only Windows system DLLs" \
    sh -c "! grep -viE '^(kernel32|msvcrt|ws2_32|advapi32|user32|crypt32|iphlpapi|bcrypt|gdi32|shell32|ole32|rpcrt4|secur32|api-ms-win-.*)\\.dll$' '$T/dlls'"

mkdir -p "$T/x"
unzip -q "$ZIP" -d "$T/x"
D=$T/x/jicofo-windows-$LA-1
# Runs the launcher under wine in the archive's folder: 64-bit on the host, 32-bit in the i386 root.
run_bat() {
    if [ "$ARCH" = x86_64 ]; then
        (cd "$D" && WINEDEBUG=-all WINEPREFIX=$T/wineprefix timeout 300 wine cmd /c jicofo.bat "$@" 2>&1)
    else
        JICOFO_ROOT_BIND="$T:$T" timeout 300 "$ROOT/dist/cross/run-in-root.sh" i386-wine \
            sh -c 'cd "$1" && shift && WINEDEBUG=-all wine cmd /c jicofo.bat "$@" 2>&1' sh "$D" "$@"
    fi
}
[ "$ARCH" = x86_64 ] || "$ROOT/dist/cross/make-debian-root.sh" i386 wine >/dev/null
run_bat >"$T/usage" 2>&1
rc=$?
tr -d '\r' <"$T/usage" | head -n 3
check "jicofo.bat without arguments exits 1" [ "$rc" -eq 1 ]
check "jicofo.bat usage lists --user_password" grep -q -- '--user_password=PASSWORD' "$T/usage"
for h in --help /h /?; do
    run_bat "$h" >"$T/usage2" 2>&1
    rc=$?
    check "jicofo.bat $h exits 1 with usage" sh -c "[ $rc -eq 1 ] && grep -q -- '--secret=SECRET' '$T/usage2'"
done
JAVA_SYS_PROPS='-Dorg.example=1' run_bat --domain=example.com --fail >"$T/run" 2>&1
rc=$?
tr -d '\r' <"$T/run" >"$T/run.txt"
cat "$T/run.txt"
check "program's exit status through jicofo.bat" [ "$rc" -eq 3 ]
check "runs under wine (TLS context, XML, JSON, Boost.Log)" \
    sh -c "grep -q 'sha256(abc)=ba7816bf8f01cfea' '$T/run.txt' && grep -q 'json=3' '$T/run.txt' && grep -q 'boost.log ok on Windows' '$T/run.txt'"
check "logging flag first, arguments unchanged" \
    sh -c "grep -q '^arg\\[1\\]=-Djava.util.logging.config.file=.*lib.logging.properties' '$T/run.txt' &&
           grep -qx 'arg\\[2\\]=-Dorg.example=1' '$T/run.txt' && grep -qx 'arg\\[3\\]=--domain=example.com' '$T/run.txt' && grep -qx 'arg\\[4\\]=--fail' '$T/run.txt'"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
