#!/bin/sh
# tests/leftovers.sh — nothing is left behind, however the user stops things:
# `make clean` removes every file the programs write; Ctrl+C on the test runner
# stops every test script and every program they started and removes their
# scratch directories; a demo whose output is cut (`make demo | head -3`,
# `make demo | less` then q) leaves no program running and no scratch directory.
. "$(dirname "$0")/lib.sh"

# in_group PGID: some process of that process group is still alive.
in_group() {
    cat /proc/[0-9]*/stat 2>/dev/null | sed 's/^[0-9]* (.*) //' | awk -v g="$1" '$3 == g { f = 1 } END { exit !f }'
}
# cwd_under DIR: some process still works in DIR or below (a demo's programs
# run in the demo's scratch directory, which is under DIR).
cwd_under() {
    for _c in /proc/[0-9]*/cwd; do
        case $(readlink "$_c" 2>/dev/null) in "$1"/*) return 0 ;; esac
    done
    return 1
}
empty_dir() { [ -z "$(ls -A "$1")" ]; }

# ---- make clean ------------------------------------------------------------
# The writers run as a student runs them: from the top folder and from their own.
mkdir tree tree/files tree/fifo tree/mmap
for d in tree tree/files; do
    (cd "$d" && for w in write_char_int write_vector_int fwrite_char_int fprintf_char_int; do
        "$ROOT/files/$w" >/dev/null || echo "$w failed"; done) >>writers.err 2>&1
done
for d in tree tree/fifo; do
    (cd "$d" && "$ROOT/fifo/fifo_write" >/dev/null 2>&1 & (cd "$d" && "$ROOT/fifo/fifo_read" >/dev/null 2>&1); wait)
done
check "the writers ran (file.data, log_fopen.data, myfifo written)" \
    test -e tree/file.data -a -e tree/files/log_fopen.data -a -p tree/fifo/myfifo -a ! -s writers.err
(cd tree && make -s -f "$ROOT/Makefile" clean >/dev/null 2>&1)
left=$(cd tree && find . ! -type d)
check "make clean removes every file the programs write (left: $(echo $left))" test -z "$left"

# ---- Ctrl+C on the test runner --------------------------------------------------
# A terminal's Ctrl+C sends SIGINT to the whole foreground process group. Here:
# the real runner and lib.sh, in a group of their own (setsid), running two
# scripts that each start programs blocked for good; then SIGINT to the group.
if ! has_proc || ! command -v setsid >/dev/null 2>&1 || ! env --default-signal=INT true 2>/dev/null; then
    skip "Ctrl+C on the runner stops every script and program" "needs /proc, setsid and env --default-signal"
    skip "Ctrl+C on the runner leaves no scratch directory" "needs /proc, setsid and env --default-signal"
else
    mkdir -p fake/tests fake/tmp
    cp "$ROOT/tests/run.sh" "$ROOT/tests/lib.sh" fake/tests/
    for d in signals pipes fifo files mmap sockets pi bench; do ln -s "$ROOT/$d" "fake/$d"; done
    for n in 1 2; do
        cat >"fake/tests/slow$n.sh" <<EOF
. "\$(dirname "\$0")/lib.sh"
start s ./signals/sigusr
start f ./fifo/fifo_read never$n
wait_for 10 has_line s.out "Espero senyal!" && wait_for 10 test -p never$n && echo "\$WORK" >"$WORK/ready$n"
wait_for 600 false
EOF
    done
    # SIGINT back to its default (a background job starts with it ignored), as in a terminal.
    TMPDIR=$WORK/fake/tmp env --default-signal=INT setsid sh fake/tests/run.sh slow1 slow2 >fake.out 2>&1 &
    RUNNER=$!
    PIDS="$PIDS $RUNNER"
    trap 'kill -KILL "-$RUNNER" 2>/dev/null; cleanup' EXIT     # the whole group, if it failed
    if wait_for 20 test -s ready1 -a -s ready2; then
        kill -INT "-$RUNNER"
        stopped() { ! in_group "$RUNNER"; }
        check "Ctrl+C on the runner stops every script and program (process group empty)" wait_for 5 stopped
        check "Ctrl+C on the runner leaves no scratch directory" empty_dir fake/tmp
    else
        not_ok "Ctrl+C on the runner stops every script and program" "the fake tests never got ready: $(cat fake.out)"
        skip "Ctrl+C on the runner leaves no scratch directory" "not run"
    fi
fi

# ---- a demo whose output is cut ------------------------------------------------
# As `make demo-sockets` and `make demo` run them (not through make here: make
# would first rebuild with its own default compiler, under the other tests' feet).
TECHNIQUES=$(sed -n 's/^TECHNIQUES *= *//p' "$ROOT/Makefile")
for demo in sockets all; do
    mkdir "cut-$demo"
    name="make demo-$demo"; [ "$demo" = all ] && name="make demo"
    if [ "$demo" = all ]; then
        (cd "$ROOT" && for t in $TECHNIQUES; do TMPDIR=$WORK/cut-$demo sh "$t/demo.sh" || exit 1; done) 2>/dev/null | head -n 3 >/dev/null
    else
        (cd "$ROOT" && TMPDIR=$WORK/cut-$demo sh "$demo/demo.sh") 2>/dev/null | head -n 3 >/dev/null
    fi
    if has_proc; then
        gone() { ! cwd_under "$WORK/cut-$demo"; }
        check "$name | head -3: no program left running" wait_for 5 gone
    else
        skip "$name | head -3: no program left running" "no /proc"
    fi
    check "$name | head -3: no scratch directory left" wait_for 5 empty_dir "cut-$demo"
done

done_testing
