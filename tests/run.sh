#!/bin/sh
# tests/run.sh [NAME...] — run the test scripts (all of tests/*.sh, or the named
# ones: `sh tests/run.sh fifo sockets`), print their TAP output in order, and end
# with the line "N passed, N failed".  Exit status 1 on any failure.
#
# The functional tests run side by side; the benchmark's shape test (bench.sh)
# runs alone after them, so that it never competes with them for the CPUs.
# Ctrl+C (or SIGTERM) stops every test script at once: background jobs of a
# script ignore SIGINT, so each one is sent SIGTERM, and lib.sh's cleanup kills
# the programs it started and removes its scratch directory.
cd "$(dirname "$0")" || exit 1
out=$(mktemp -d "${TMPDIR:-/tmp}/ipc-run.XXXXXX") || exit 1
jobs=

stop() {
    for _p in $jobs; do kill -TERM "$_p" 2>/dev/null; done
    for _p in $jobs; do wait "$_p" 2>/dev/null; done
    rm -rf "$out"
    exit "$1"
}
trap 'rm -rf "$out"' EXIT
trap 'stop 130' INT
trap 'stop 143' TERM
trap 'stop 141' PIPE

if [ $# -eq 0 ]; then
    for f in *.sh; do
        case $f in lib.sh|run.sh) ;; *) set -- "$@" "${f%.sh}" ;; esac
    done
fi
for t in "$@"; do
    [ -f "$t.sh" ] || { echo "run.sh: no test script tests/$t.sh" >&2; exit 1; }
done

# run_group NAME...: start the scripts side by side, wait for each, keep its status.
run_group() {
    jobs=
    for t in "$@"; do
        sh "./$t.sh" >"$out/$t.tap" 2>&1 </dev/null &
        jobs="$jobs $!"
        echo "$t $!" >>"$out/pids"
    done
    for t in "$@"; do
        _p=$(awk -v t="$t" '$1 == t { p = $2 } END { print p }' "$out/pids")
        wait "$_p"
        echo $? >"$out/$t.rc"
    done
    jobs=
}

functional='' benchmarks=''
for t in "$@"; do
    case $t in bench) benchmarks="$benchmarks $t" ;; *) functional="$functional $t" ;; esac
done
# shellcheck disable=SC2086  # word splitting of the name lists is intended
{ [ -z "$functional" ] || run_group $functional; [ -z "$benchmarks" ] || run_group $benchmarks; }

pass=0 fail=0 skip=0
for t in "$@"; do
    echo "# tests/$t.sh"
    cat "$out/$t.tap"
    p=$(grep -c '^ok ' "$out/$t.tap")
    s=$(grep -c '^ok .* # SKIP' "$out/$t.tap")
    f=$(grep -c '^not ok ' "$out/$t.tap")
    rc=$(cat "$out/$t.rc")
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
        echo "not ok - tests/$t.sh exited with status $rc"
        f=1
    fi
    pass=$((pass + p - s)) skip=$((skip + s)) fail=$((fail + f))
done
bad=$(cat "$out"/*.tap | sed -n 's/^# .*(\([0-9]*\) bad-input cases)$/\1/p' | awk '{ n += $1 } END { print n + 0 }')
echo "# bad input: $bad cases checked with expect_fail (one-line error, non-zero status, empty stdout)"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
