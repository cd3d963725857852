# shellcheck shell=sh
# tests/lib.sh — shared by tests/*.sh and the */demo.sh tours.  Sourced, not run.
#
# On load: makes a private scratch directory, cd's into it and links the program
# folders there, so commands run exactly as the file headers show them
# (./fifo/fifo_read) and every data file they write lands in the scratch
# directory.  On exit: kills the processes started with `start` (by PID) and
# removes the directory.

ROOT=$(cd "$(dirname "$0")/.." && pwd) || exit 1
WORK=$(mktemp -d "${TMPDIR:-/tmp}/ipc-suite.XXXXXX") || exit 1
PIDS=

# cleanup: SIGTERM first, so that a server stops its own children; SIGCONT for
# a stopped one; after at most a second, SIGKILL whatever is left.
cleanup() {
    for _p in $PIDS; do kill -TERM "$_p" 2>/dev/null; kill -CONT "$_p" 2>/dev/null; done
    _left=20
    [ -n "$PIDS" ] || _left=0
    while [ "$_left" -gt 0 ] && for _p in $PIDS; do kill -0 "$_p" 2>/dev/null && break; done; do
        _left=$((_left - 1)); sleep 0.05     # poll, a second in all
    done
    for _p in $PIDS; do kill -KILL "$_p" 2>/dev/null; done
    for _p in $PIDS; do wait "$_p" 2>/dev/null; done
    cd / && rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 141' PIPE                    # `make demo | head -3`: clean up, then go

cd "$WORK" || exit 1
for _d in signals pipes fifo files mmap sockets pi bench; do
    if [ -z "${VALGRIND:-}" ]; then
        ln -s "$ROOT/$_d" "$_d"
    else
        # make memcheck: each program becomes a script that execs it under
        # valgrind (same PID, same arguments), so the tests run unchanged.
        mkdir "$_d"
        for _f in "$ROOT/$_d"/*; do
            case ${_f##*/} in *.*) ln -s "$_f" "$_d/" ;; *)
                if [ -f "$_f" ] && [ -x "$_f" ]; then
                    printf '#!/bin/sh\nexec %s "%s" "$@"\n' "$VALGRIND" "$_f" >"$_d/${_f##*/}"
                    chmod +x "$_d/${_f##*/}"
                else
                    ln -s "$_f" "$_d/"
                fi ;;
            esac
        done
    fi
done

# Under `make asan`, LeakSanitizer cannot work under ptrace: the checks that run a
# program under strace say ASAN_OPTIONS=detect_leaks=0 (harmless for other builds).

# start NAME CMD...: run CMD in the background, stdout to NAME.out, stderr to
# NAME.err; its PID is left in $LAST (and remembered for the cleanup).
start() {
    _name=$1; shift
    : >"$_name.out"; : >"$_name.err"    # empty now, not later in the child: no stale lines
    "$@" >>"$_name.out" 2>>"$_name.err" &
    LAST=$!
    PIDS="$PIDS $LAST"
}

# wait_for SECONDS CMD...: poll CMD every 50 ms until it succeeds; status 1
# when SECONDS pass first.  The only way scripts here wait for an event.
wait_for() {
    _left=$(($1 * 20)); shift
    until "$@"; do
        _left=$((_left - 1))
        [ "$_left" -gt 0 ] || return 1
        sleep 0.05                      # the poll interval
    done
}

# forget PID: a reaped process is no longer ours to kill (its PID may be reused).
forget() { PIDS=$(echo " $PIDS " | sed "s/ $1 / /; s/^ *//; s/ *\$//"); }

# Conditions for wait_for and for checks.
has_line() { grep -qxF -- "$2" "$1" 2>/dev/null; }   # FILE has the exact line TEXT
contains() { grep -qF -- "$2" "$1" 2>/dev/null; }    # FILE contains TEXT
lines()    { [ "$(wc -l <"$1")" -ge "$2" ]; }        # FILE has at least N lines
running()  { kill -0 "$1" 2>/dev/null; }             # PID is alive
ended()    { ! kill -0 "$1" 2>/dev/null; }           # PID is gone (or a zombie reaped by wait)

# exits_with PID STATUS [SECONDS]: the process started with `start` ends within
# SECONDS (default 10) with exit status STATUS (128+N when killed by signal N).
exits_with() {
    if ! wait_for "${3:-10}" ended "$1"; then echo "#   pid $1 still running"; return 1; fi
    wait "$1"
    _st=$?
    forget "$1"
    [ "$_st" -eq "$2" ] || { echo "#   exit status $_st, wanted $2"; return 1; }
}

# blocked PID: "it blocks", shown by the kernel: the process sleeps (state S in
# /proc/PID/stat) and its CPU time does not grow over 0.3 s, so a busy loop
# fails.  Use it with wait_for (the process must first reach its blocking
# call): `wait_for 10 blocked "$LAST"`.  Status 2 where there is no /proc:
# check has_proc first and skip.
has_proc() { [ -r /proc/self/stat ]; }
proc_state() {                          # "STATE CPU_TICKS" (utime + stime)
    sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{ print $1, $12 + $13 }'
}
blocked() {
    has_proc || return 2
    _s1=$(proc_state "$1") && [ "${_s1%% *}" = S ] || return 1
    sleep 0.3                           # no deadline: it proves nothing happens (no CPU time used)
    _s2=$(proc_state "$1") && [ "$_s1" = "$_s2" ]
}

# descendants PID: the PIDs of its children, their children, and so on.
descendants() {
    cat /proc/[0-9]*/stat 2>/dev/null | sed -n 's/^\([0-9]*\) (.*) . \([0-9]*\) .*/\1 \2/p' |
    awk -v root="$1" '{ kids[$2] = kids[$2] " " $1 }
        END { todo = root
              while (todo != "") {
                  n = split(todo, a, " "); todo = ""
                  for (i = 1; i <= n; i++) {
                      m = split(kids[a[i]], k, " ")
                      for (j = 1; j <= m; j++) { print k[j]; todo = todo " " k[j] }
                  }
              } }'
}

# proc_running CMD_PART PID: the PID of PID's descendant whose command line
# contains CMD_PART (printed; status 1 when there is none).
proc_running() {
    for _p in $(descendants "$2"); do
        if tr '\0' ' ' <"/proc/$_p/cmdline" 2>/dev/null | grep -qF -- "$1"; then echo "$_p"; return 0; fi
    done
    return 1
}

# full_stdout DESC CMD...: CMD's output is its result, so with stdout on a full
# disk (/dev/full) it must exit non-zero with one line on stderr that says so.
full_stdout() {
    _d=$1; shift
    if [ ! -w /dev/full ]; then skip "$_d" "no /dev/full here"; return; fi
    "$@" >/dev/full 2>full.err </dev/null
    _st=$?
    if [ "$_st" -ne 0 ] && [ "$(wc -l <full.err)" -eq 1 ] && grep -q 'escrivint la sortida' full.err; then
        ok "$_d"
    else
        not_ok "$_d" "command: $* >/dev/full" "exit status: $_st (wanted non-zero)" "stderr: $(head -c 300 full.err)"
    fi
}

# ---- TAP ------------------------------------------------------------------
TAP_N=0 TAP_PASS=0 TAP_FAIL=0 TAP_SKIP=0 TAP_BAD=0

ok()     { TAP_N=$((TAP_N + 1)); TAP_PASS=$((TAP_PASS + 1)); echo "ok $TAP_N - $1"; }
not_ok() {
    TAP_N=$((TAP_N + 1)); TAP_FAIL=$((TAP_FAIL + 1)); echo "not ok $TAP_N - $1"; shift
    for _l in "$@"; do printf '%s\n' "$_l" | sed 's/^/#   /'; done
}
skip()   { TAP_N=$((TAP_N + 1)); TAP_SKIP=$((TAP_SKIP + 1)); echo "ok $TAP_N - $1 # SKIP $2"; }

# check DESC CMD...: ok when CMD succeeds.
check() { _d=$1; shift; if "$@"; then ok "$_d"; else not_ok "$_d" "failed: $*"; fi; }

# same_file DESC EXPECTED ACTUAL: ok when the two files are identical; else show a diff.
same_file() {
    if cmp -s "$2" "$3"; then ok "$1"; else not_ok "$1" "$(diff "$2" "$3" | head -n 20)"; fi
}

# expect_fail DESC PATTERN CMD...: CMD must exit non-zero, print nothing on
# stdout, and print exactly one line on stderr that contains PATTERN.
expect_fail() {
    _d=$1 _pat=$2; shift 2
    TAP_BAD=$((TAP_BAD + 1))
    "$@" >fail.out 2>fail.err </dev/null
    _st=$?
    if [ "$_st" -ne 0 ] && [ ! -s fail.out ] && [ "$(wc -l <fail.err)" -eq 1 ] &&
       grep -qF -- "$_pat" fail.err; then
        ok "$_d"
    else
        not_ok "$_d" "command: $*" "exit status: $_st (wanted non-zero)" \
            "stdout: $(head -c 300 fail.out)" "stderr (wanted one line with '$_pat'): $(head -c 300 fail.err)"
    fi
}

# done_testing: the script's own summary (the runner prints the total).
done_testing() {
    echo "# $(basename "$0"): $TAP_PASS passed, $TAP_FAIL failed, $TAP_SKIP skipped ($TAP_BAD bad-input cases)"
    [ "$TAP_FAIL" -eq 0 ]
}

# ---- demo tours -------------------------------------------------------------
# heading TEXT: a title for a part of the tour.
heading() { printf '\n==== %s ====\n' "$1"; }

# step TEXT COMMAND: say what is about to happen and which command a student
# would type; with STEP=1 on a terminal, wait for Enter first.
step() {
    printf '\n-- %s\n$ %s\n' "$1" "$2"
    if [ "${STEP:-}" = 1 ] && [ -t 0 ]; then
        printf '[Enter] ' && read -r _ || true
    fi
}

# run TEXT COMMAND: a step that runs COMMAND (a string, as shown) in the foreground.
run() { step "$1" "$2"; sh -c "$2"; }

# show NAME LABEL: print what the background process NAME has written so far,
# each line tagged with LABEL (the terminal it would be in).
show() { cat "$1.out" "$1.err" 2>/dev/null | sed "s/^/  [$2] /"; }

# demo_fail TEXT: a tour step did not behave; say so and stop with status 1.
demo_fail() { echo "demo: $1" >&2; exit 1; }
