#!/bin/sh
# tests/pi.sh — pi/calcul_pi_1proces, calcul_pi_2processos, calcul_pi_nprocessos
# and calcul_pi_fils.  Small counts (at most 1e6 rectangles, a millisecond),
# except for the runs whose child must be caught and stopped mid-work (2e8).
. "$(dirname "$0")/lib.sh"

PROGS="calcul_pi_1proces calcul_pi_2processos calcul_pi_nprocessos calcul_pi_fils"
FILS_N=${VALGRIND:+1 2 3 7 16}        # valgrind is slow: fewer thread counts there
FILS_N=${FILS_N:-1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16}

# have_strace: strace is installed and allowed to trace here (ptrace may be
# forbidden).  Under valgrind or ThreadSanitizer the traces would show the
# tool's own calls and processes.
have_strace() {
    [ -z "${VALGRIND:-}" ] && [ -z "${TSAN_OPTIONS:-}" ] && command -v strace >/dev/null 2>&1 && strace -f -o /dev/null true >/dev/null 2>&1
}

# within_bound VALUE N: |VALUE - pi| <= 1/(3 N^2), the midpoint rule's error
# bound (h^2/24 max|f''|, and |f''| <= 8 on [0,1] for f = 4/(1+x^2)), plus
# 5e-7 because "%e" keeps 7 significant digits.
within_bound() {
    awk -v v="$1" -v n="$2" 'BEGIN { e = v - 3.14159265358979324; if (e < 0) e = -e
                                     exit !(e <= 1 / (3 * n * n) + 5e-7) }'
}

# same_as_one NAME CMD...: run CMD; append to $bad a note unless it exits 0,
# prints nothing on stderr and prints exactly what one.out holds.
same_as_one() {
    _n=$1; shift
    "$@" >"$_n.out" 2>"$_n.err"
    _st=$?
    if [ "$_st" -ne 0 ] || [ -s "$_n.err" ] || ! cmp -s one.out "$_n.out"; then
        bad="$bad
$*: status $_st, printed '$(cat "$_n.out" "$_n.err")'"
    fi
}

# verdict DESC: ok when $bad is empty, else not ok with its notes.
verdict() { if [ -z "$bad" ]; then ok "$1"; else not_ok "$1" "$bad"; fi; }

# ---- the slide's line ----------------------------------------------------------
# One rectangle is 4/(1+0.5^2) = 3.2.  With more processes or threads than
# rectangles, the ones with nothing to do add 0.
printf 'pi = 3.200000e+00\n' >want
for p in calcul_pi_1proces calcul_pi_2processos; do
    ./pi/$p 1 >o.out 2>o.err
    check "$p 1 exits 0, nothing on stderr" sh -c "[ $? -eq 0 ] && [ ! -s o.err ]"
    same_file "$p 1 prints 'pi = 3.200000e+00'" want o.out
done
for p in calcul_pi_nprocessos calcul_pi_fils; do
    ./pi/$p 5 1 >o.out 2>o.err
    check "$p 5 1 exits 0, nothing on stderr (four with nothing to do)" sh -c "[ $? -eq 0 ] && [ ! -s o.err ]"
    same_file "$p 5 1 prints 'pi = 3.200000e+00'" want o.out
done

# ---- claim 9: 1, 2 and N processes print the same value ---------------------------
for n in 1 7 1000 12345 1000000; do
    bad=
    ./pi/calcul_pi_1proces "$n" >one.out 2>one.err ||
        bad="calcul_pi_1proces $n: status $?, printed '$(cat one.out one.err)'"
    grep -qxE 'pi = [0-9]\.[0-9]{6}e[+-][0-9]{2}' one.out && [ "$(wc -l <one.out)" -eq 1 ] ||
        bad="$bad
calcul_pi_1proces $n printed '$(cat one.out)', not one 'pi = %e' line"
    same_as_one two ./pi/calcul_pi_2processos "$n"
    for N in 1 2 3 5; do
        same_as_one "n$N" ./pi/calcul_pi_nprocessos "$N" "$n"
    done
    verdict "claim 9: 1, 2 and N=1,2,3,5 processes print the same value for $n rectangles"
    v=$(sed -n 's/^pi = //p' one.out)
    check "claim 9: $n rectangles give $v, within 1/(3n^2) of pi" within_bound "$v" "$n"
done

# ---- threads: the same line as one process ------------------------------------------
# Counts that N threads mostly cannot share evenly: 7 (more threads than
# rectangles from N = 8 on), 12345 and the prime 999983.
# The runs for one count go side by side (each is a few milliseconds).
for n in 7 12345 999983; do
    bad='' runs=''
    ./pi/calcul_pi_1proces "$n" >one.out 2>&1
    for N in $FILS_N; do
        ./pi/calcul_pi_fils "$N" "$n" >"f$N.out" 2>"f$N.err" &
        runs="$runs $!:$N"
    done
    for r in $runs; do
        wait "${r%%:*}"
        st=$? N=${r#*:}
        if [ "$st" -ne 0 ] || [ -s "f$N.err" ] || ! cmp -s one.out "f$N.out"; then
            bad="$bad
calcul_pi_fils $N $n: status $st, printed '$(cat "f$N.out" "f$N.err")'"
        fi
    done
    verdict "calcul_pi_fils with N=$(echo $FILS_N | tr ' ' ,) threads prints the same line as calcul_pi_1proces for $n rectangles"
done

# ---- the slide's notation for counts -------------------------------------------------
./pi/calcul_pi_1proces 1000 >one.out 2>&1
bad=
for c in 1e3 1E03 1E3 1.0e3 01000; do same_as_one note ./pi/calcul_pi_1proces "$c"; done
same_as_one note ./pi/calcul_pi_2processos 1E03
same_as_one note ./pi/calcul_pi_nprocessos 2 1e3
same_as_one note ./pi/calcul_pi_fils 2 1e3
verdict "counts: 1e3, 1E03, 1.0e3, 01000 all mean 1000"
./pi/calcul_pi_1proces 2500 >one.out 2>&1
bad=
same_as_one note ./pi/calcul_pi_1proces 2.5e3
verdict "counts: 2.5e3 means 2500"

# ---- who makes what: children and pipes, or threads (strace) ---------------------------
# reaped NAME BYTES CMD...: ok when every child of CMD wrote one BYTES-byte
# message and was reaped by the parent with exit status 0.
reaped() {
    _d=$1 _b=$2; shift 2
    rm -f trace.*
    ASAN_OPTIONS=detect_leaks=0 strace -ff -o trace -e trace=execve,write,wait4 "$@" >s.out 2>s.err
    _parent=$(grep -l 'execve(' trace.* | sed 's/^trace\.//')
    _kids=$(for _f in trace.*; do echo "${_f#trace.}"; done | grep -vx "$_parent" | sort)
    _waited=$(sed -nE 's/^wait4\(([0-9]+), \[\{WIFEXITED\(s\) && WEXITSTATUS\(s\) == 0\}\], 0, NULL\) += ([0-9]+)$/\2/p' \
              "trace.$_parent" | sort)
    _wrote=0
    for _k in $_kids; do
        [ "$(grep -cE "^write\([0-9]+, \".*\", $_b\) += $_b\$" "trace.$_k")" -eq 1 ] && _wrote=$((_wrote + 1))
    done
    if [ -n "$_kids" ] && [ "$_kids" = "$_waited" ] && [ "$_wrote" -eq "$(echo "$_kids" | wc -l)" ] &&
       has_line s.out "pi = 3.141593e+00"; then
        ok "$_d"
    else
        not_ok "$_d" "children: $_kids" "reaped with status 0: $_waited" "children that wrote $_b bytes once: $_wrote" \
            "$(cat s.out s.err)"
    fi
}
D1="calcul_pi_2processos: the child sends its sum (8 bytes) and is reaped, exit 0 (no zombie)"
D2="calcul_pi_nprocessos 5: each of the 4 children sends one 16-byte message and is reaped (no zombie)"
D3="calcul_pi_nprocessos 5 made exactly 4 children"
D4="calcul_pi_nprocessos 1 makes no child"
D5="calcul_pi_fils 4: four threads (clone with CLONE_THREAD, 3 more than with N=1), no fork, no pipe"
if have_strace; then
    reaped "$D1" 8 ./pi/calcul_pi_2processos 1000
    reaped "$D2" 16 ./pi/calcul_pi_nprocessos 5 1000
    check "$D3" test "$(ls trace.* | wc -l)" -eq 5
    rm -f trace.*
    ASAN_OPTIONS=detect_leaks=0 strace -ff -o trace -e trace=execve,write,wait4 ./pi/calcul_pi_nprocessos 1 1000 >s.out 2>s.err
    check "$D4" test "$(ls trace.* | wc -l)" -eq 1
    rm -f trace.*
    # threads N: how many threads (clone with CLONE_THREAD) calcul_pi_fils N
    # makes, and no fork and no pipe in threads.trace.  A sanitizer's runtime
    # may start one of its own: N = 4 must make exactly 3 more than N = 1.
    threads() {
        ASAN_OPTIONS=detect_leaks=0 strace -f -o threads.trace -e trace=clone,clone3,fork,vfork,pipe,pipe2 \
            ./pi/calcul_pi_fils "$1" 1000 >s.out 2>s.err
        grep -E '(^|[ ])(v?fork|pipe2?)\(' threads.trace >>forks.trace
        grep -E '(^|[ ])clone3?\(' threads.trace | grep -v CLONE_THREAD >>forks.trace
        has_line s.out "pi = 3.141593e+00" && grep -c 'clone.*CLONE_THREAD' threads.trace
    }
    : >forks.trace
    t1=$(threads 1) t4=$(threads 4)
    if [ -n "$t1" ] && [ -n "$t4" ] && [ "$t1" -ge 1 ] && [ $((t4 - t1)) -eq 3 ] && [ ! -s forks.trace ]; then
        ok "$D5"
    else
        not_ok "$D5" "threads made with N=1: ${t1:-?}, with N=4: ${t4:-?} (wanted 3 more)" \
            "fork or pipe: $(cut -c1-120 forks.trace)" "$(cat s.out s.err)"
    fi
else
    for d in "$D1" "$D2" "$D3" "$D4" "$D5"; do skip "$d" "strace missing, not allowed, or under valgrind or ThreadSanitizer (its runtime starts a helper process)"; done
fi

# ---- a child caught mid-work -------------------------------------------------------
# The parent computes its own share before it reads the pipe, so a count big
# enough for the child to be found and stopped (SIGSTOP) before it is done is
# also work the parent must finish.  Each run below stops the child first and
# makes sure it was caught in the middle: stopped, not ended, no write() made
# yet (so nothing is in the pipe).  Then:
#  - the parent, done with its share, sleeps in read() on the pipe: "blocks";
#    let the child go (SIGCONT) and the parent prints the result;
#  - the child killed: the parent's read() sees end of file (it closed its own
#    write end), it says how the child ended, prints no result, exits 1;
#  - the parent killed (the reader side gone): the child's write() fails with
#    EPIPE (it ignores SIGPIPE); it says so and ends, not killed by SIGPIPE.
HELD_COUNTS=${VALGRIND:+1e7 5e7 2.5e8}
HELD_COUNTS=${HELD_COUNTS:-2e8 1e9 5e9}

# child_of PID: true once PID has a child; its PID is left in $C.
child_of() { C=$(pgrep -P "$1" | head -n 1) && [ -n "$C" ]; }
# state PID: the process's state letter (R, S, T, Z...); empty once it is gone.
state() { ps -o stat= -p "$1" 2>/dev/null | cut -c1; }
# settled PID: stopped, or ended (a zombie, or gone).
settled() { case $(state "$1") in T|Z|'') return 0 ;; *) return 1 ;; esac; }
# unwritten PID: it has made no write() yet, where /proc/PID/io says so
# (under valgrind it also counts valgrind's own writes: not asked there).
unwritten() {
    [ -n "${VALGRIND:-}" ] || [ ! -r "/proc/$1/io" ] || [ "$(sed -n 's/^syscw: //p' "/proc/$1/io")" = 0 ]
}
# held NAME CMD...: start CMD with a count appended, find its child and stop
# it mid-work.  A child quicker than us (a fast machine for the count) is
# retried with a count 5 and 25 times bigger.  The parent's PID is left in $HP
# and the stopped child's in $HC; status 1 when no child could be caught.
held() {
    _name=$1; shift
    for _c in $HELD_COUNTS; do
        start "$_name" "$@" "$_c"
        HP=$LAST HC=''
        if wait_for 10 child_of "$HP"; then
            HC=$C
            PIDS="$PIDS $HC"            # not our child, but ours to clean up
            kill -STOP "$HC" 2>/dev/null
            wait_for 10 settled "$HC" && [ "$(state "$HC")" = T ] && unwritten "$HC" && return 0
            kill -KILL "$HC" 2>/dev/null
        fi
        kill -KILL "$HP" 2>/dev/null; wait "$HP" 2>/dev/null; forget "$HP"
        echo "# $* $_c: the child was not caught mid-work; trying a bigger count"
    done
    return 1
}

D1="a parent in read() on a pipe blocks: calcul_pi_2processos's parent sleeps while its child is stopped"
D2="the child let go: calcul_pi_2processos's parent reads the sum, prints the result, exit 0"
D3="a parent in read() on a pipe blocks: calcul_pi_nprocessos's parent sleeps while its child is stopped"
D4="a child killed mid-work: calcul_pi_2processos exits 1"
D5="a child killed mid-work: calcul_pi_2processos says how it ended, prints no result"
D6="a child killed mid-work: calcul_pi_nprocessos exits 1"
D7="a child killed mid-work: calcul_pi_nprocessos says which child and how it ended, prints no result"
D8="pi: the reader side gone: the child's write gets EPIPE, it says so on one line and ends"
if command -v pgrep >/dev/null 2>&1 && command -v ps >/dev/null 2>&1 && has_proc; then
    held go ./pi/calcul_pi_2processos && GP=$HP GC=$HC
    held k2 ./pi/calcul_pi_2processos && KP=$HP KC=$HC
    held kn ./pi/calcul_pi_nprocessos 2 && NP=$HP NC=$HC
    held kp ./pi/calcul_pi_2processos && PP=$HP PC=$HC

    if [ -n "${GC:-}" ] && wait_for 60 blocked "$GP" && [ ! -s go.out ]; then ok "$D1"; else
        not_ok "$D1" "parent ${GP:-?}: $(proc_state "${GP:-0}"), child ${GC:-not caught}" "$(cat go.out go.err)"; fi
    [ -n "${GC:-}" ] && kill -CONT "$GC"
    if [ -n "${GC:-}" ] && exits_with "$GP" 0 60 && [ "$(cat go.out)" = "pi = 3.141593e+00" ] && [ ! -s go.err ]; then
        ok "$D2"; else not_ok "$D2" "stdout: $(cat go.out)" "stderr: $(cat go.err)"; fi

    if [ -n "${NC:-}" ] && wait_for 60 blocked "$NP" && [ ! -s kn.out ]; then ok "$D3"; else
        not_ok "$D3" "parent ${NP:-?}: $(proc_state "${NP:-0}"), child ${NC:-not caught}" "$(cat kn.out kn.err)"; fi

    [ -n "${KC:-}" ] && kill -KILL "$KC"
    [ -n "${NC:-}" ] && kill -KILL "$NC"
    [ -n "${PP:-}" ] && kill -KILL "$PP" && kill -CONT "$PC"

    if [ -n "${KC:-}" ] && exits_with "$KP" 1 60; then ok "$D4"; else not_ok "$D4" "child: ${KC:-not caught}"; fi
    if [ -n "${KC:-}" ] && [ ! -s k2.out ] && [ "$(wc -l <k2.err)" -eq 1 ] &&
       has_line k2.err "calcul_pi_2processos: el fill $KC ha mort pel senyal 9 (Killed)"; then
        ok "$D5"
    else
        not_ok "$D5" "child: ${KC:-not caught}" "stdout: $(cat k2.out)" "stderr: $(cat k2.err)"
    fi
    if [ -n "${NC:-}" ] && exits_with "$NP" 1 60; then ok "$D6"; else not_ok "$D6" "child: ${NC:-not caught}"; fi
    if [ -n "${NC:-}" ] && [ ! -s kn.out ] && [ "$(wc -l <kn.err)" -eq 1 ] &&
       has_line kn.err "calcul_pi_nprocessos: el fill $NC ha mort pel senyal 9 (Killed)"; then
        ok "$D7"
    else
        not_ok "$D7" "child: ${NC:-not caught}" "stdout: $(cat kn.out)" "stderr: $(cat kn.err)"
    fi
    # The orphan is not our child: wait for its line, then for it to be gone.
    if [ -n "${PC:-}" ] && exits_with "$PP" 137 10 >/dev/null &&
       wait_for 60 contains kp.err "escrivint a la canonada" && wait_for 10 ended "$PC" && [ ! -s kp.out ] &&
       [ "$(cat kp.err)" = "calcul_pi_2processos: escrivint a la canonada: Broken pipe (el pare ja no hi és)" ]; then
        ok "$D8"
    else
        not_ok "$D8" "child: ${PC:-not caught}" "stdout: $(cat kp.out)" "stderr: $(cat kp.err)"
    fi
else
    for d in "$D1" "$D2" "$D3" "$D4" "$D5" "$D6" "$D7" "$D8"; do skip "$d" "pgrep, ps or /proc missing"; done
fi

# ---- threads: a failed pthread_create() is reported with its own error -------------------
# pthread_create() returns the error number and leaves errno alone.  Under a
# 50 MB address-space limit, 1024 thread stacks cannot be made: the error is
# EAGAIN, and the line must say so (not "Success" or a stale errno).  Builds
# that need more address space than that (sanitizers, valgrind) skip.
D="calcul_pi_fils: a failed pthread_create is reported with its error number's text, exit 1"
# (`st=$?; exit $st`: the subshell waits for the program itself, so a build that
# aborts under the limit is reported to /dev/null, not to our stderr.)
# shellcheck disable=SC3045  # ulimit -v/-s: not POSIX, but dash and bash have them; the probe skips where not
if (ulimit -v 50000 && ulimit -s 8192 && ./pi/calcul_pi_fils 1 10; st=$?; exit $st) >/dev/null 2>&1; then
    # shellcheck disable=SC3045
    (ulimit -v 50000 && ulimit -s 8192 && exec ./pi/calcul_pi_fils 1024 1024) >t.out 2>t.err
    st=$?
    if [ "$st" -eq 1 ] && [ ! -s t.out ] && [ "$(wc -l <t.err)" -eq 1 ] &&
       grep -qE '^calcul_pi_fils: creant el fil [0-9]+: Resource temporarily unavailable$' t.err; then
        ok "$D"
    else
        not_ok "$D" "exit status $st (wanted 1)" "stdout: $(cat t.out)" "stderr: $(cat t.err)"
    fi
else
    skip "$D" "this build does not run under a 50 MB address-space limit (ulimit -v)"
fi

# ---- the class demo tells the truth on a busy machine ---------------------------------
# Pinned to one CPU (taskset), two processes cannot use two: the tour must say
# that they did not get their CPUs, and never call a slower run "més ràpid"
# (every "N vegades" it prints is N >= 1, "més lent" when slower).
D1="demo-pi: 'N vegades més ràpid' only with N >= 1, 'més lent' otherwise"
D2="demo-pi pinned to one CPU: it says the 2 processes did not get 2 CPUs (machine busy)"
if [ -z "${VALGRIND:-}" ] && command -v taskset >/dev/null 2>&1 && [ "$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)" -ge 2 ] &&
   taskset -c 0 true 2>/dev/null; then
    RECTANGLES=5e7 taskset -c 0 sh "$ROOT/pi/demo.sh" >demo.out 2>demo.err
    st=$?
    if [ "$st" -eq 0 ] && grep -q 'vegades més' demo.out &&
       ! grep -o '[0-9.]* vegades més [a-zà]*' demo.out | awk '$1 < 1 { bad = 1 } END { exit !bad }'; then
        ok "$D1"
    else
        not_ok "$D1" "exit status $st" "$(grep -e 'vegades' -e 'demo:' demo.out demo.err)"
    fi
    if grep -q '^  Atenció: els programes no han tingut les CPU' demo.out &&
       grep -q '^    2 processos només han tingut [0-9.]* CPU de mitjana, no 2$' demo.out; then
        ok "$D2"
    else
        not_ok "$D2" "$(sed -n '/Tots imprimeixen/,$p' demo.out)"
    fi
else
    skip "$D1" "under valgrind, or no taskset, or one CPU"
    skip "$D2" "under valgrind, or no taskset, or one CPU"
fi

# ---- stdout that cannot be written ----------------------------------------------------------
full_stdout "calcul_pi_1proces 10 > /dev/full: exit 1, one line 'escrivint la sortida'" ./pi/calcul_pi_1proces 10
full_stdout "calcul_pi_2processos 10 > /dev/full: exit 1, one line 'escrivint la sortida'" ./pi/calcul_pi_2processos 10
full_stdout "calcul_pi_nprocessos 3 10 > /dev/full: exit 1, one line 'escrivint la sortida'" ./pi/calcul_pi_nprocessos 3 10
full_stdout "calcul_pi_fils 3 10 > /dev/full: exit 1, one line 'escrivint la sortida'" ./pi/calcul_pi_fils 3 10

# ---- bad input ----------------------------------------------------------------------------
# A count: 0, negative, non-numeric, not whole, huge.  The parsing is the
# header's parse_count(), so the whole table runs for calcul_pi_1proces, and a
# few cases for the others show that each passes the right argument and name.
while IFS='|' read -r arg why; do
    expect_fail "calcul_pi_1proces: count '$arg' ($why)" "calcul_pi_1proces: rectangles '$arg': $why" \
        ./pi/calcul_pi_1proces "$arg"
done <<'EOF'
0|com a mínim 1
0e5|com a mínim 1
1e-3|com a mínim 1
-5|no és un nombre
abc|no és un nombre
12abc|no és un nombre
1E09x|no és un nombre
|no és un nombre
 5|no és un nombre
+5|no és un nombre
0x10|no és un nombre
inf|no és un nombre
nan|no és un nombre
1e|no és un nombre
1.5|no és un nombre enter
1e14|massa gran, com a màxim 10000000000000
10000000000001|massa gran
99999999999999999999|massa gran
1e999|massa gran
EOF
while IFS='|' read -r arg why; do
    expect_fail "calcul_pi_2processos: count '$arg' ($why)" "calcul_pi_2processos: rectangles '$arg': $why" \
        ./pi/calcul_pi_2processos "$arg"
    expect_fail "calcul_pi_nprocessos: count '$arg' ($why)" "calcul_pi_nprocessos: rectangles '$arg': $why" \
        ./pi/calcul_pi_nprocessos 2 "$arg"
    expect_fail "calcul_pi_fils: count '$arg' ($why)" "calcul_pi_fils: rectangles '$arg': $why" \
        ./pi/calcul_pi_fils 2 "$arg"
done <<'EOF'
0|com a mínim 1
-5|no és un nombre
|no és un nombre
1.5|no és un nombre enter
1e14|massa gran, com a màxim 10000000000000
EOF

# A number of processes or threads: 1 to 1024.
while IFS='|' read -r arg why; do
    expect_fail "calcul_pi_nprocessos: N '$arg' ($why)" \
        "calcul_pi_nprocessos: nombre de processos '$arg': $why" ./pi/calcul_pi_nprocessos "$arg" 10
    expect_fail "calcul_pi_fils: N '$arg' ($why)" \
        "calcul_pi_fils: nombre de fils '$arg': $why" ./pi/calcul_pi_fils "$arg" 10
done <<'EOF'
0|com a mínim 1
-2|no és un nombre
abc|no és un nombre
2x|no és un nombre
|no és un nombre
1.5|no és un nombre enter
1025|massa gran, com a màxim 1024
99999999999999999999|massa gran
EOF

expect_fail "calcul_pi_1proces: two arguments" "calcul_pi_1proces: massa arguments (Ús: calcul_pi_1proces [RECTANGLES])" \
    ./pi/calcul_pi_1proces 10 10
expect_fail "calcul_pi_2processos: two arguments" "calcul_pi_2processos: massa arguments (Ús: calcul_pi_2processos [RECTANGLES])" \
    ./pi/calcul_pi_2processos 10 10
expect_fail "calcul_pi_nprocessos: three arguments" "calcul_pi_nprocessos: massa arguments (Ús: calcul_pi_nprocessos [N] [RECTANGLES])" \
    ./pi/calcul_pi_nprocessos 2 10 10
expect_fail "calcul_pi_fils: six arguments" "calcul_pi_fils: massa arguments (Ús: calcul_pi_fils [N] [RECTANGLES])" \
    ./pi/calcul_pi_fils 1 2 3 4 5 6
expect_fail "calcul_pi_fils: an unknown option" "calcul_pi_fils: opció desconeguda '-x'" ./pi/calcul_pi_fils -x

for p in $PROGS; do
    ./pi/$p -h >h.out 2>h.err
    check "$p -h prints usage and a sentence, exit 0" \
        sh -c "[ $? -eq 0 ] && grep -q '^Ús: $p \[' h.out && [ \$(wc -l <h.out) -eq 2 ] && [ ! -s h.err ]"
done

# No mention of our tracker in what students read.
check "pi/ and this test name claims by what they claim, not by a tracker number" \
    sh -c "! grep -rniE 'issue ?[0-9]' '$ROOT/pi' '$ROOT/tests/pi.sh'"

done_testing
