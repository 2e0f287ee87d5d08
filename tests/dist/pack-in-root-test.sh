#!/bin/bash
# Slow packaging check (root, network to Debian's mirror the first time): builds a small program linked like
# the focus (POCO, OpenSSL, expat, Boost.Log), packs it with dist/pack.sh, and runs the archive in the clean
# Debian 12 amd64 root that has none of those libraries.
# Usage: tests/dist/pack-in-root-test.sh   (prints "N passed, N failed")
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
T=$(mktemp -d)
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

"$ROOT/dist/cross/make-debian-root.sh" amd64 >/dev/null || {
    echo "cannot make the clean root"
    echo "0 passed, 1 failed"
    exit 1
}
nice -n 19 cmake -S "$HERE/probe" -B "$T/build" -DCMAKE_BUILD_TYPE=Release >"$T/configure.log" 2>&1 ||
    cat "$T/configure.log"
nice -n 19 cmake --build "$T/build" -j2 >"$T/build.log" 2>&1 || tail -n 30 "$T/build.log"
cp "$T/build/probe" "$T/probe" 2>/dev/null
check "probe builds" [ -x "$T/probe" ]
echo '.level=INFO' >"$T/logging.properties"
echo '# sample' >"$T/sample"
ZIP=$T/linux/jicofo-linux-x64-7.zip
"$ROOT/dist/pack.sh" --os linux --program "$T/probe" --out "$ZIP" \
    --root-libs "$ROOT/.cache/rootfs-amd64/.jicofo-libs" --logging "$T/logging.properties" --sample "$T/sample"
check "pack.sh writes the zip" [ -f "$ZIP" ]

zipinfo -1 "$ZIP" >"$T/list"
check "one top folder named like the archive" \
    sh -c "! grep -v '^jicofo-linux-x64-7/' '$T/list'"
for f in jicofo jicofo.sh lib/logging.properties sip-communicator.properties.sample README.txt \
    lib/libPocoFoundation.so.80 lib/libPocoNetSSL.so.80 lib/libssl.so.3 lib/libexpat.so.1 lib/libboost_log.so.1.74.0; do
    check "archive has $f" grep -qx "jicofo-linux-x64-7/$f" "$T/list"
done
check "C library not shipped" sh -c "! grep -E '/lib/(libc\.so|libm\.so|ld-linux)' '$T/list'"
check "libstdc++ not shipped (a clean Debian 12 has it)" sh -c "! grep -q libstdc '$T/list'"
check "launcher is mode 755" sh -c "zipinfo '$ZIP' jicofo-linux-x64-7/jicofo.sh | grep -q '^-rwxr-xr-x'"

JAVA_SYS_PROPS='-Dorg.example=1' "$ROOT/dist/check-archive-in-root.sh" "$ZIP" amd64 --domain=example.com --fail \
    >"$T/run" 2>&1
rc=$?
cat "$T/run"
check "program's exit status through launcher and root" [ "$rc" -eq 3 ]
check "--help usage in the root" grep -q -- '--subdomain=SUBDOMAIN' "$T/run"
check "runs in the clean root with lib/ (TLS, XML, JSON, Boost.Log)" \
    sh -c "grep -q 'sha256(abc)=ba7816bf8f01cfea' '$T/run' && grep -q 'xml=get' '$T/run' && grep -q 'boost.log ok' '$T/run'"
check "logging and JAVA_SYS_PROPS flags reach the program" \
    sh -c "grep -q 'arg\\[1\\]=-Djava.util.logging.config.file=/opt/.*/lib/logging.properties' '$T/run' &&
           grep -qx 'arg\\[2\\]=-Dorg.example=1' '$T/run' && grep -qx 'arg\\[3\\]=--domain=example.com' '$T/run'"
check "clean root left clean" sh -c "! ls -d '$ROOT'/.cache/rootfs-amd64/opt/jicofo-check-* 2>/dev/null"
# Without lib/ on the library path the program cannot start there: the libraries really come from the archive.
mkdir -p "$ROOT/.cache/rootfs-amd64/opt/bare"
cp "$T/probe" "$ROOT/.cache/rootfs-amd64/opt/bare/"
"$ROOT/dist/cross/run-in-root.sh" amd64 /opt/bare/probe >/dev/null 2>&1
rc=$?
rm -rf "$ROOT/.cache/rootfs-amd64/opt/bare"
check "the clean root lacks the libraries (bare program fails)" [ "$rc" -eq 127 ]

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
