#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 60), PARALLEL at a time (default 2), and prints
# per target: executions, exec/s, crashes (artifacts written), final coverage.
#
#   fuzz/run.sh [SECONDS]            e.g. fuzz/run.sh 120
#   TARGETS="uri wire" fuzz/run.sh 30
#
# Works on a stable toolchain: RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its -Z flags
# (-Zsanitizer=address, sancov) to the stable compiler. Needs `cargo install cargo-fuzz`.
# New inputs go to fuzz/target/corpus/<target> (ignored); fuzz/corpus/<target> (the committed
# seeds) is only read. Crash/timeout/OOM inputs go to fuzz/artifacts/<target>/.
set -uo pipefail
SECONDS_PER_TARGET="${1:-60}"
PARALLEL="${PARALLEL:-2}"
TARGETS="${TARGETS:-bundle uri wire hello verify}"
cd "$(dirname "$0")"
export RUSTC_BOOTSTRAP=1

for t in $TARGETS; do
    cargo fuzz build "$t" >/dev/null 2>build.log || { cat build.log; exit 1; }
done
rm -f build.log
mkdir -p target/logs

run_one() {
    local t="$1"
    mkdir -p "target/corpus/$t" "artifacts/$t"
    local before
    before=$(ls "artifacts/$t" | wc -l)
    cargo fuzz run "$t" "target/corpus/$t" "corpus/$t" -- \
        -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 >"target/logs/$t.log" 2>&1
    echo $? >"target/logs/$t.rc"
    local after
    after=$(ls "artifacts/$t" | wc -l)
    echo $((after - before)) >"target/logs/$t.crashes"
}

running=0
for t in $TARGETS; do
    run_one "$t" &
    running=$((running + 1))
    if [ "$running" -ge "$PARALLEL" ]; then wait -n; running=$((running - 1)); fi
done
wait

status=0
printf '%-8s %12s %8s %8s %6s %s\n' target runs exec/s seconds cov crashes
for t in $TARGETS; do
    log="target/logs/$t.log"
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    eps=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
    secs=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | grep -o 'in [0-9]*' | grep -o '[0-9]*')
    crashes=$(cat "target/logs/$t.crashes")
    rc=$(cat "target/logs/$t.rc")
    [ "$rc" != 0 ] && [ "$crashes" = 0 ] && crashes="? (exit $rc, see fuzz/$log)"
    [ "$crashes" != 0 ] && status=1
    printf '%-8s %12s %8s %8s %6s %s\n' "$t" "${runs:-?}" "${eps:-?}" "${secs:-?}" "${cov:-?}" "$crashes"
done
exit $status
