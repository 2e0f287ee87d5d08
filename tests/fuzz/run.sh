#!/bin/sh
# Builds the libFuzzer targets (clang, ASan + UBSan, a build directory of their own) and runs each of them.
# Usage: tests/fuzz/run.sh [RUNS] [libFuzzer flags...]      RUNS per target, default 10000
#   tests/fuzz/run.sh 3000                  the smoke tests/run-tests.sh runs
#   tests/fuzz/run.sh 1000000 -jobs=1       the long run (one worker process, log in its run folder)
# Environment: FUZZ_BUILD (default build-fuzz), FUZZ_TARGETS (default: all, e.g. "jingle colibri").
# Per target it prints runs, exec/s, coverage and findings; new corpus inputs and findings stay under
# $FUZZ_BUILD/runs/<target>/ (copy a finding to tests/fuzz/regressions/<target>/ once fixed).
# Exits 1 when a target found something. Without clang it says so and exits 0 (install-deps installs it).
set -eu
cd "$(dirname "$0")/../.."
ROOT="$(pwd)"
RUNS="${1:-10000}"
[ $# -gt 0 ] && shift
BUILD="${FUZZ_BUILD:-build-fuzz}"
case "$BUILD" in /*) ;; *) BUILD="$ROOT/$BUILD" ;; esac

if ! command -v clang >/dev/null 2>&1 || ! command -v clang++ >/dev/null 2>&1; then
    echo "fuzz: SKIPPED: clang is not installed (installers/install-deps.sh installs clang and libclang-rt-14-dev)"
    exit 0
fi

started=$(date +%s)
if [ ! -f "$BUILD/CMakeCache.txt" ]; then
    CC=clang CXX=clang++ cmake -S . -B "$BUILD" -DJICOFO_FUZZ=ON >"$BUILD.configure.log" 2>&1 ||
        { cat "$BUILD.configure.log"; exit 1; }
    rm -f "$BUILD.configure.log"
fi
cmake --build "$BUILD" -j "$(nproc 2>/dev/null || echo 2)" >"$BUILD/build.log" 2>&1 || { cat "$BUILD/build.log"; exit 1; }
echo "fuzz: built in $(($(date +%s) - started)) s ($BUILD/fuzz)"

# A field of libFuzzer's final lines: "stat::name: value" or "... name: value ..." of the DONE line.
stat() { sed -n "s/^stat::$1: *//p" "$2" | tail -n 1; }
done_field() { grep -E '^#[0-9]+[[:space:]]+DONE' "$2" | tail -n 1 | sed -n "s/.* $1: \([^ ]*\).*/\1/p"; }

TARGETS="${FUZZ_TARGETS:-$(cd "$BUILD/fuzz" && ls fuzz_* | sed 's/^fuzz_//')}"
failed=0
printf '%-11s %9s %8s %6s %7s %8s  %s\n' target runs exec/s cov ft corpus findings
for t in $TARGETS; do
    run="$BUILD/runs/$t"
    rm -rf "$run/artifacts" "$run/fuzz-0.log" "$run/output.log"
    mkdir -p "$run/corpus" "$run/artifacts"
    dirs="$run/corpus"
    for d in "$ROOT/tests/fuzz/corpus/$t" "$ROOT/tests/fuzz/regressions/$t"; do
        [ -d "$d" ] && dirs="$dirs $d"
    done
    dict=""
    case "$t" in properties | cmdline | jid) ;; *) dict="-dict=$ROOT/tests/fuzz/xml.dict" ;; esac
    # In the run folder: -jobs writes fuzz-0.log to the working directory.
    # shellcheck disable=SC2086
    (cd "$run" && "$BUILD/fuzz/fuzz_$t" -runs="$RUNS" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$run/artifacts/" $dict "$@" $dirs >"$run/output.log" 2>&1) && status=0 || status=$?
    log="$run/output.log"
    [ -f "$run/fuzz-0.log" ] && log="$run/fuzz-0.log"
    findings=$(find "$run/artifacts" -type f | wc -l)
    if [ "$status" -ne 0 ] || [ "$findings" -ne 0 ]; then
        failed=1
        what=$(grep -E '^==jicofo-fuzz==|^SUMMARY: |ERROR: libFuzzer' "$log" | head -n 1)
        printf '%-11s %9s %8s %6s %7s %8s  %s\n' "$t" "$(stat number_of_executed_units "$log")" \
            "$(stat average_exec_per_sec "$log")" - - - "$findings (exit $status) $what"
        find "$run/artifacts" -type f | sed 's/^/    /'
        echo "    log: $log"
        continue
    fi
    printf '%-11s %9s %8s %6s %7s %8s  %s\n' "$t" "$(stat number_of_executed_units "$log")" \
        "$(stat average_exec_per_sec "$log")" "$(done_field cov "$log")" "$(done_field ft "$log")" \
        "$(done_field corp "$log")" 0
done
echo "fuzz: $(($(date +%s) - started)) s in all"
exit "$failed"
