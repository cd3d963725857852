#!/bin/sh
# tests/pi.sh — pi/calcul_pi_1proces, calcul_pi_2processos, calcul_pi_nprocessos.
# Small counts (at most 1e6 rectangles, a millisecond) except for the three
# runs that must be caught mid-work (4e8: a fifth of a second per process).
. "$(dirname "$0")/lib.sh"

# have_strace: strace is installed and allowed to trace here (ptrace may be forbidden).
have_strace() { command -v strace >/dev/null 2>&1 && strace -f -o /dev/null true >/dev/null 2>&1; }

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

# The slide's result line, exactly: one rectangle is 4/(1+0.5^2) = 3.2.
printf 'pi = 3.200000e+00\n' >want
for p in 1proces 2processos; do
    ./pi/calcul_pi_$p 1 >o.out 2>o.err
    check "calcul_pi_$p 1 exits 0, nothing on stderr" sh -c "[ $? -eq 0 ] && [ ! -s o.err ]"
    same_file "calcul_pi_$p 1 prints 'pi = 3.200000e+00'" want o.out
done
./pi/calcul_pi_nprocessos 5 1 >o.out 2>o.err
check "calcul_pi_nprocessos 5 1 exits 0 (four processes with nothing to do)" sh -c "[ $? -eq 0 ] && [ ! -s o.err ]"
same_file "calcul_pi_nprocessos 5 1 prints 'pi = 3.200000e+00'" want o.out

# Claim 9: 1, 2 and N processes print the same value, within the rule's error.
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
    if [ -z "$bad" ]; then
        ok "claim 9: 1, 2 and N=1,2,3,5 processes print the same value for $n rectangles"
    else
        not_ok "claim 9: 1, 2 and N=1,2,3,5 processes print the same value for $n rectangles" "$bad"
    fi
    v=$(sed -n 's/^pi = //p' one.out)
    check "claim 9: $n rectangles give $v, within 1/(3n^2) of pi" within_bound "$v" "$n"
done

# The slide's notation for counts.
./pi/calcul_pi_1proces 1000 >one.out 2>&1
bad=
for c in 1e3 1E03 1E3 1.0e3 01000; do same_as_one note ./pi/calcul_pi_1proces "$c"; done
same_as_one note ./pi/calcul_pi_2processos 1E03
same_as_one note ./pi/calcul_pi_nprocessos 2 1e3
if [ -z "$bad" ]; then ok "counts: 1e3, 1E03, 1.0e3, 01000 all mean 1000"; else not_ok "counts: 1e3, 1E03, 1.0e3, 01000 all mean 1000" "$bad"; fi
./pi/calcul_pi_1proces 2500 >one.out 2>&1
bad=
same_as_one note ./pi/calcul_pi_1proces 2.5e3
if [ -z "$bad" ]; then ok "counts: 2.5e3 means 2500"; else not_ok "counts: 2.5e3 means 2500" "$bad"; fi

# Every child is reaped, and its exit status checked: seen with strace, one
# trace file per process (trace.PID).  Each child writes its 8-byte sum once.
# reaped NAME CMD...: ok when every child of CMD wrote 8 bytes and was reaped
# by the parent with exit status 0.
reaped() {
    _d=$1; shift
    rm -f trace.*
    ASAN_OPTIONS=detect_leaks=0 strace -ff -o trace -e trace=execve,write,wait4 "$@" >s.out 2>s.err
    _parent=$(grep -l 'execve(' trace.* | sed 's/^trace\.//')
    _kids=$(for _f in trace.*; do echo "${_f#trace.}"; done | grep -vx "$_parent" | sort)
    _waited=$(sed -nE 's/^wait4\(([0-9]+), \[\{WIFEXITED\(s\) && WEXITSTATUS\(s\) == 0\}\], 0, NULL\) += ([0-9]+)$/\2/p' \
              "trace.$_parent" | sort)
    _wrote=0
    for _k in $_kids; do
        grep -qE '^write\([0-9]+, ".*", 8\) += 8$' "trace.$_k" && _wrote=$((_wrote + 1))
    done
    if [ -n "$_kids" ] && [ "$_kids" = "$_waited" ] && [ "$_wrote" -eq "$(echo "$_kids" | wc -l)" ] &&
       has_line s.out "pi = 3.141593e+00"; then
        ok "$_d"
    else
        not_ok "$_d" "children: $_kids" "reaped with status 0: $_waited" "children that wrote 8 bytes: $_wrote" \
            "$(cat s.out s.err)"
    fi
}
if have_strace; then
    reaped "calcul_pi_2processos: the child sends 8 bytes and is reaped, exit 0 (no zombie)" \
        ./pi/calcul_pi_2processos 1000
    reaped "calcul_pi_nprocessos 5: all 4 children send 8 bytes and are reaped (no zombie)" \
        ./pi/calcul_pi_nprocessos 5 1000
    check "calcul_pi_nprocessos 5 made exactly 4 children" test "$(ls trace.* | wc -l)" -eq 5
    rm -f trace.*
    ASAN_OPTIONS=detect_leaks=0 strace -ff -o trace -e trace=execve,write,wait4 ./pi/calcul_pi_nprocessos 1 1000 >s.out 2>s.err
    check "calcul_pi_nprocessos 1 makes no child" test "$(ls trace.* | wc -l)" -eq 1
else
    for d in "calcul_pi_2processos: the child sends 8 bytes and is reaped, exit 0 (no zombie)" \
             "calcul_pi_nprocessos 5: all 4 children send 8 bytes and are reaped (no zombie)" \
             "calcul_pi_nprocessos 5 made exactly 4 children" "calcul_pi_nprocessos 1 makes no child"; do
        skip "$d" "strace missing or not allowed"
    done
fi

# Faults, caught mid-work (4e8 rectangles: each process works for about 0.2 s,
# many times what finding and killing the child takes).
#  - a child killed: the parent gets end of file on the pipe, reaps the child,
#    says how it ended, prints no result, exits 1;
#  - the parent killed (the reader side gone): the child's write() fails with
#    EPIPE, it says so and exits; it is not killed by SIGPIPE.
if command -v pgrep >/dev/null 2>&1; then
    # child_of PID: true once PID has a child; its PID is left in $C.
    child_of() { C=$(pgrep -P "$1") && [ -n "$C" ]; }
    start k2 ./pi/calcul_pi_2processos 4e8
    P2=$LAST
    start kn ./pi/calcul_pi_nprocessos 2 4e8
    PN=$LAST
    start kp ./pi/calcul_pi_2processos 4e8
    PP=$LAST
    C2='' CN='' CP=''
    wait_for 10 child_of "$P2" && C2=$C && kill -KILL "$C2"
    wait_for 10 child_of "$PN" && CN=$C && kill -KILL "$CN"
    wait_for 10 child_of "$PP" && CP=$C && kill -KILL "$PP"

    check "a child killed: calcul_pi_2processos exits 1" exits_with "$P2" 1 120
    if [ -n "$C2" ] && [ ! -s k2.out ] && [ "$(wc -l <k2.err)" -eq 1 ] &&
       contains k2.err "calcul_pi_2processos: child killed by signal 9"; then
        ok "a child killed: calcul_pi_2processos reaps it and says so, prints no result"
    else
        not_ok "a child killed: calcul_pi_2processos reaps it and says so, prints no result" \
            "child: ${C2:-not found}" "stdout: $(cat k2.out)" "stderr: $(cat k2.err)"
    fi
    check "a child killed: calcul_pi_nprocessos exits 1" exits_with "$PN" 1 120
    if [ -n "$CN" ] && [ ! -s kn.out ] && [ "$(wc -l <kn.err)" -eq 1 ] &&
       contains kn.err "calcul_pi_nprocessos: child $CN killed by signal 9"; then
        ok "a child killed: calcul_pi_nprocessos reaps it and says so, prints no result"
    else
        not_ok "a child killed: calcul_pi_nprocessos reaps it and says so, prints no result" \
            "child: ${CN:-not found}" "stdout: $(cat kn.out)" "stderr: $(cat kn.err)"
    fi
    # The orphan is not our child: wait for its line, then for it to be gone.
    if [ -n "$CP" ] && wait_for 120 contains kp.err "child: write pipe: Broken pipe" &&
       wait_for 10 ended "$CP" && [ "$(wc -l <kp.err)" -eq 1 ] && [ ! -s kp.out ]; then
        ok "pi: the reader side gone: the child's write gets EPIPE, it says so and ends"
    else
        not_ok "pi: the reader side gone: the child's write gets EPIPE, it says so and ends" \
            "child: ${CP:-not found}" "stdout: $(cat kp.out)" "stderr: $(cat kp.err)"
        [ -n "$CP" ] && kill -KILL "$CP" 2>/dev/null
    fi
else
    for d in "a child killed: calcul_pi_2processos exits 1" \
             "a child killed: calcul_pi_2processos reaps it and says so, prints no result" \
             "a child killed: calcul_pi_nprocessos exits 1" \
             "a child killed: calcul_pi_nprocessos reaps it and says so, prints no result" \
             "pi: the reader side gone: the child's write gets EPIPE, it says so and ends"; do
        skip "$d" "pgrep missing"
    done
fi

# Bad counts, for each program (issue 4: 0, negative, non-numeric, huge).
while IFS='|' read -r arg why; do
    expect_fail "calcul_pi_1proces: count '$arg' ($why)" "calcul_pi_1proces: bad count '$arg': $why" \
        ./pi/calcul_pi_1proces "$arg"
    expect_fail "calcul_pi_2processos: count '$arg' ($why)" "calcul_pi_2processos: bad count '$arg': $why" \
        ./pi/calcul_pi_2processos "$arg"
    expect_fail "calcul_pi_nprocessos: count '$arg' ($why)" "calcul_pi_nprocessos: bad count '$arg': $why" \
        ./pi/calcul_pi_nprocessos 2 "$arg"
done <<'EOF'
0|must be at least 1
-5|must be at least 1
0e5|must be at least 1
abc|not a number
12abc|not a number
1E09x|not a number
|not a number
 5|not a number
+5|not a number
0x10|not a number
inf|not a number
nan|not a number
1e|not a number
1.5|not a whole number
1e-3|not a whole number
1e14|too large
10000000000001|too large
99999999999999999999|too large
1e999|too large
EOF

# Bad numbers of processes.
while IFS='|' read -r arg why; do
    expect_fail "calcul_pi_nprocessos: N '$arg' ($why)" \
        "calcul_pi_nprocessos: bad number of processes '$arg': $why" ./pi/calcul_pi_nprocessos "$arg" 10
done <<'EOF'
0|must be at least 1
-2|must be at least 1
abc|not a number
2x|not a number
|not a number
1.5|not a number
1025|too many
99999999999999999999|too many
EOF

expect_fail "calcul_pi_1proces: two arguments" "usage: calcul_pi_1proces [rectangles]" ./pi/calcul_pi_1proces 10 10
expect_fail "calcul_pi_2processos: two arguments" "usage: calcul_pi_2processos [rectangles]" ./pi/calcul_pi_2processos 10 10
expect_fail "calcul_pi_nprocessos: three arguments" "usage: calcul_pi_nprocessos [N] [rectangles]" ./pi/calcul_pi_nprocessos 2 10 10

for p in calcul_pi_1proces calcul_pi_2processos calcul_pi_nprocessos; do
    ./pi/$p -h >h.out 2>h.err
    check "$p -h prints usage and exits 0" sh -c "[ $? -eq 0 ] && grep -q '^Ús: $p ' h.out && [ \$(wc -l <h.out) -eq 2 ] && [ ! -s h.err ]"
done

done_testing
