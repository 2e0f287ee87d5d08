#!/bin/sh
# Builds the logic and integration tests, the focus and the bridge simulators with clang's ThreadSanitizer in
# a build directory of their own and runs them; the integration tests start the TSan-built focus and
# simulators, so their races are caught too (each process writes its reports to $BUILD/tsan-reports/).
# Usage: tests/tsan/run.sh [INTEGRATION_FILTER]
#   tests/tsan/run.sh                         logic tests and every integration test
#   tests/tsan/run.sh 'MediaTest.*:Fault*'    logic tests and these integration tests (gtest filter)
#   tests/tsan/run.sh -                       logic tests only
# Environment: TSAN_BUILD (default build-tsan). Needs clang and libclang-rt-14-dev (installers/install-deps.sh).
# Suppressions (tests/tsan/suppressions.txt) say why each one is there. Exits 1 when TSan reported anything
# or a test failed.
set -eu
cd "$(dirname "$0")/../.."
ROOT="$(pwd)"
FILTER="${1:-*}"
BUILD="${TSAN_BUILD:-build-tsan}"
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac
if ! command -v clang++ >/dev/null 2>&1; then
    echo "tsan: SKIPPED: clang is not installed (installers/install-deps.sh installs clang and libclang-rt-14-dev)"
    exit 0
fi

started=$(date +%s)
mkdir -p "$BUILD"
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
    CC=clang CXX=clang++ cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJICOFO_BUILD_TESTS=ON \
        -DCMAKE_C_FLAGS="-fsanitize=thread" -DCMAKE_CXX_FLAGS="-fsanitize=thread" \
        -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=thread" -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=thread" \
        >"$BUILD/configure.log" 2>&1 || { cat "$BUILD/configure.log"; exit 1; }
fi
targets="logic_tests jicofo"
[ "$FILTER" = "-" ] || targets="$targets integration_tests bridgesim bridgesim2"
# shellcheck disable=SC2086
cmake --build "$BUILD" -j "$(nproc 2>/dev/null || echo 2)" --target $targets >"$BUILD/build.log" 2>&1 ||
    { tail -n 60 "$BUILD/build.log"; exit 1; }
echo "tsan: built in $(($(date +%s) - started)) s ($BUILD)"

reports="$BUILD/tsan-reports"
rm -rf "$reports"
mkdir -p "$reports"
TSAN_OPTIONS="suppressions=$ROOT/tests/tsan/suppressions.txt halt_on_error=0 second_deadlock_stack=1 log_path=$reports/report"
export TSAN_OPTIONS
status=0
started=$(date +%s)
"$BUILD/tests/logic_tests" --gtest_brief=1 >"$BUILD/logic.log" 2>&1 || status=1
echo "tsan: logic tests: $(grep -E '^\[  (PASSED|FAILED) ' "$BUILD/logic.log" | tr '\n' ' ')($(($(date +%s) - started)) s)"
if [ "$FILTER" != "-" ]; then
    started=$(date +%s)
    "$BUILD/tests/integration_tests" --gtest_brief=1 --gtest_filter="$FILTER" >"$BUILD/integration.log" 2>&1 || status=1
    echo "tsan: integration tests ($FILTER): $(grep -E '^\[  (PASSED|FAILED) ' "$BUILD/integration.log" | tr '\n' ' ')($(($(date +%s) - started)) s)"
fi
[ $status -eq 0 ] || grep -E '^\[  FAILED  \]' "$BUILD"/logic.log "$BUILD"/integration.log 2>/dev/null | head -n 20

count=$(cat "$reports"/report.* 2>/dev/null | grep -c '^WARNING: ThreadSanitizer' || true)
if [ "$count" -gt 0 ]; then
    echo "tsan: $count report(s) in $reports:"
    for f in "$reports"/report.*; do
        echo "== $f"
        grep -E '^WARNING: ThreadSanitizer|^SUMMARY' "$f" | head -n 20
    done
    exit 1
fi
echo "tsan: clean (no ThreadSanitizer report from the tests, the focus or the simulators)"
exit $status
