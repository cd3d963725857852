#!/bin/sh
# tests/run.sh [NAME...] — run the test scripts (all of tests/*.sh, or the named
# ones: `sh tests/run.sh fifo sockets`) side by side, print their TAP output in
# order, and end with the line "N passed, N failed".  Exit status 1 on any failure.
cd "$(dirname "$0")" || exit 1
out=$(mktemp -d "${TMPDIR:-/tmp}/ipc-run.XXXXXX") || exit 1
trap 'rm -rf "$out"' EXIT
trap 'exit 130' INT TERM
trap 'exit 141' PIPE

if [ $# -eq 0 ]; then
    set --
    for f in *.sh; do
        case $f in lib.sh|run.sh) ;; *) set -- "$@" "${f%.sh}" ;; esac
    done
fi

for t in "$@"; do
    [ -f "$t.sh" ] || { echo "run.sh: no test script tests/$t.sh" >&2; exit 1; }
    (sh "./$t.sh" >"$out/$t.tap" 2>&1; echo $? >"$out/$t.rc") &
done
wait

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
