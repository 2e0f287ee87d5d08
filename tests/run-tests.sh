#!/bin/sh
# Builds everything and runs every test (unit, logic, integration against a real Prosody the tests start),
# then a short fuzz smoke: every libFuzzer target a few thousand runs, in a clang build of its own
# ([build-dir]-fuzz; skipped with a message when clang is missing).
# Usage: tests/run-tests.sh [build-dir]   (default: build)
set -eu
cd "$(dirname "$0")/.."
BUILD="${1:-build}"
JOBS="$(nproc 2>/dev/null || echo 2)"
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJICOFO_BUILD_TESTS=ON
cmake --build "$BUILD" -j "$JOBS"
# Unit and logic tests run in parallel; integration tests are marked RUN_SERIAL (each starts its own Prosody).
ctest --test-dir "$BUILD" --output-on-failure -j "$JOBS" --timeout 300
if [ -x tests/dist/launcher-test.sh ]; then
    tests/dist/launcher-test.sh
fi
FUZZ_BUILD="$BUILD-fuzz" tests/fuzz/run.sh 3000
