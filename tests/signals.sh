#!/bin/sh
# tests/signals.sh — signals: exemple_sigterm, exemple_sigint, exemple_sigign,
# sigusr + enviar_sigusr, alarm.  Shows the claims 1-7 of issue 3.
. "$(dirname "$0")/lib.sh"

# ---- local helpers ----------------------------------------------------------
# count FILE LINE: how many lines of FILE are exactly LINE.
count() { grep -cxF -- "$2" "$1" 2>/dev/null; }
# has_n FILE LINE N: FILE has at least N lines that are exactly LINE.
has_n() { [ "$(count "$1" "$2")" -ge "$3" ]; }
# seconds FILE: the number of "He esperat N segons" lines (the counter).
seconds() { grep -c '^He esperat [0-9]* segons$' "$1"; }
# lacks FILE TEXT: FILE does not contain TEXT.
lacks() { ! contains "$1" "$2"; }
# stopped PID: the process is stopped (ps state T).
stopped() { ps -o stat= -p "$1" 2>/dev/null | grep -q '^T'; }
# alive PID: the process exists and is not a zombie (kill -0 also succeeds on
# a zombie that nobody has reaped yet, so it cannot tell).
alive() { ps -o stat= -p "$1" 2>/dev/null | grep -q '^[^Z]'; }
# counter FROM TO: the counter lines "He esperat N segons", N = FROM..TO.
counter() {
    _i=$1
    while [ "$_i" -le "$2" ]; do echo "He esperat $_i segons"; _i=$((_i + 1)); done
}
# want_caught OUT PID [HEAD]: the whole output the slide's counter loop must
# have written to OUT when a signal made finalitzar end it: the PID line, the
# lines of file HEAD if given, the counter 1..N, "He capturat el senyal." and
# "S'ha acabat el bucle. Finalitzo normalment".  The signal cuts a sleep(1)
# short and the slide's loop still prints that second, so the handler's line
# comes after the last counter line or just before it.  N is read from OUT.
want_caught() {
    _n=$(seconds "$1")
    _j=$(sed -n '/^He capturat el senyal\.$/q;/^He esperat [0-9]* segons$/p' "$1" | wc -l)
    [ "$_j" -ge $((_n - 1)) ] || _j=$((_n - 1))
    echo "El meu PID és $2"
    [ -z "${3:-}" ] || cat "$3"
    counter 1 "$_j"
    echo "He capturat el senyal."
    counter $((_j + 1)) "$_n"
    echo "S'ha acabat el bucle. Finalitzo normalment"
}
# elapsed_between FILE MIN MAX: alarm's last line "He esperat S segons" has
# MIN <= S <= MAX.
elapsed_between() {
    awk -v lo="$2" -v hi="$3" '/^He esperat [0-9.]+ segons$/ { s = $3; found = 1 }
        END { if (!found || s < lo || s > hi) { print "#   waited: " (found ? s : "no line"); exit 1 } }' "$1"
}

# The programs that count seconds are slow by nature: start them all now, side
# by side, and check each in turn below (each has its own files and PID).
start term ./signals/exemple_sigterm
T_PID=$LAST
start int ./signals/exemple_sigint
I_PID=$LAST
start ign ./signals/exemple_sigign
G_PID=$LAST
start ign2 ./signals/exemple_sigign
G2_PID=$LAST
start stop ./signals/exemple_sigterm
S_PID=$LAST
start usr ./signals/sigusr
U_PID=$LAST
start alarm1 ./signals/alarm 1
A1_PID=$LAST
start alarm3 ./signals/alarm
A3_PID=$LAST

# sigusr's first lines; from here on it must print nothing until a signal
# comes (claim 6 below checks that, several seconds later).
check "sigusr prints its PID and 'Espero senyal!'" wait_for 10 has_n usr.out "Espero senyal!" 1

# ---- -h and bad input (meanwhile the counters run) --------------------------
for p in exemple_sigterm exemple_sigint exemple_sigign sigusr enviar_sigusr alarm; do
    check "$p -h prints usage" sh -c "./signals/$p -h >h.out && grep -q '^Ús: $p' h.out"
done
for p in exemple_sigterm exemple_sigint exemple_sigign sigusr; do
    expect_fail "$p: an argument it does not take" "usage" "./signals/$p" 5
done

expect_fail "enviar_sigusr: no PID" "missing PID" ./signals/enviar_sigusr
expect_fail "enviar_sigusr: PID not a number" "not a number: abc" ./signals/enviar_sigusr abc
expect_fail "enviar_sigusr: PID with trailing garbage" "not a number: 12x" ./signals/enviar_sigusr 12x
expect_fail "enviar_sigusr: empty PID" "not a number" ./signals/enviar_sigusr ""
expect_fail "enviar_sigusr: PID beyond pid_t" "out of range" ./signals/enviar_sigusr 2147483648
expect_fail "enviar_sigusr: huge PID" "out of range" ./signals/enviar_sigusr 99999999999999999999
# No system gives out PID 2^31-1 (Linux stops at 2^22): no such process.
expect_fail "enviar_sigusr: PID that does not exist (ESRCH)" "No such process" \
    ./signals/enviar_sigusr 2147483647
expect_fail "enviar_sigusr: signal 3" "must be 1 (SIGUSR1) or 2 (SIGUSR2)" ./signals/enviar_sigusr "$U_PID" 3
expect_fail "enviar_sigusr: signal 0" "must be 1 (SIGUSR1) or 2 (SIGUSR2)" ./signals/enviar_sigusr "$U_PID" 0
expect_fail "enviar_sigusr: signal by name" "must be 1 (SIGUSR1) or 2 (SIGUSR2)" \
    ./signals/enviar_sigusr "$U_PID" SIGUSR1
expect_fail "enviar_sigusr: too many arguments" "too many arguments" ./signals/enviar_sigusr "$U_PID" 1 2
# 0 and negative PIDs mean process groups to kill(): were enviar_sigusr ever
# to let them through, they must not hit the test run or the system.  So 0
# runs in a session of its own (its group is then itself alone), the negative
# group is one that cannot exist (PIDs stop far below 2^31-1), and -1 ("every
# process we may signal") runs only where it can run as nobody.
ENVIAR=$ROOT/signals/enviar_sigusr
alone() { if command -v setsid >/dev/null 2>&1; then setsid -w "$@"; else "$@"; fi; }
nobody() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
AS_NOBODY=false
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1 && nobody "$ENVIAR" -h >/dev/null 2>&1; then
    AS_NOBODY=true
fi
expect_fail "enviar_sigusr: PID 0 (our process group)" "must be positive" alone ./signals/enviar_sigusr 0
expect_fail "enviar_sigusr: negative PID (a process group)" "must be positive" \
    alone ./signals/enviar_sigusr -2147483647
if $AS_NOBODY; then
    expect_fail "enviar_sigusr: PID -1 (every process)" "must be positive" \
        alone setpriv --reuid=65534 --regid=65534 --clear-groups "$ENVIAR" -1
else
    skip "enviar_sigusr: PID -1 (every process)" "only run as root, where it can run as nobody"
fi
# EPERM: only root may signal another user's processes.  As root, run
# enviar_sigusr as nobody against our sigusr; otherwise aim at PID 1 when
# another user owns it (kill() then fails before anything is sent).
if $AS_NOBODY; then
    expect_fail "enviar_sigusr: a process of another user (EPERM)" "Operation not permitted" \
        nobody "$ENVIAR" "$U_PID" 2
elif [ "$(id -u)" -ne 0 ] && [ "$(ps -o uid= -p 1 | tr -d ' ')" != "$(id -u)" ]; then
    expect_fail "enviar_sigusr: a process of another user (EPERM)" "Operation not permitted" \
        ./signals/enviar_sigusr 1
else
    skip "enviar_sigusr: a process of another user (EPERM)" "no other user to act as"
fi

for a in abc 1.5 ""; do
    expect_fail "alarm: bad SEGONS '$a'" "SEGONS is not a whole number: $a (" ./signals/alarm "$a"
done
for a in 0 -1 3601 99999999999999999999; do
    expect_fail "alarm: SEGONS '$a' out of range" "SEGONS must be from 1 to 3600: $a (" ./signals/alarm "$a"
done
expect_fail "alarm: too many arguments" "too many arguments" ./signals/alarm 1 2

# ---- claim 1: kill (SIGTERM) runs exemple_sigterm's handler -----------------
check "exemple_sigterm prints its PID and counts" wait_for 10 has_line term.out "He esperat 1 segons"
kill "$T_PID"
check "claim 1: after kill (SIGTERM) exemple_sigterm ends normally, exit status 0" exits_with "$T_PID" 0
want_caught term.out "$T_PID" >want.term
same_file "claim 1: finalitzar ran and the loop ended with the slide's lines" want.term term.out

# ---- claim 2: SIGINT (Ctrl+C) runs finalitzar in exemple_sigint -------------
# (This background job starts with SIGINT ignored, as every background job of
# a non-interactive sh; the program's sigaction() replaces that.)
check "exemple_sigint prints its PID and counts" wait_for 10 has_line int.out "He esperat 1 segons"
kill -INT "$I_PID"
check "claim 2: after SIGINT exemple_sigint ends normally, exit status 0" exits_with "$I_PID" 0
want_caught int.out "$I_PID" >want.int
same_file "claim 2: SIGINT ran finalitzar: the slide's lines" want.int int.out

# ---- claim 3: with SIG_IGN, SIGTERM leaves exemple_sigign running -----------
check "exemple_sigign prints its PID and counts" wait_for 10 has_line ign.out "He esperat 1 segons"
kill "$G_PID"
sleep 1     # proves that NOTHING happens for 1 s (not a wait for an event: no deadline)
check "claim 3: SIG_IGN: exemple_sigign is still alive 1 s after kill (SIGTERM)" alive "$G_PID"
check "claim 3: SIG_IGN: the handler did not run" lacks ign.out "He capturat el senyal."
n=$(seconds ign.out)
check "claim 3: SIG_IGN: it goes on counting afterwards" \
    wait_for 10 has_line ign.out "He esperat $((n + 1)) segons"

# ---- claim 4: SIGKILL and SIGSTOP can be neither caught nor ignored ---------
{
    echo "El meu PID és $G_PID"
    for s in SIGKILL SIGSTOP; do
        echo "El sistema no deixa capturar $s: Invalid argument"
        echo "El sistema no deixa ignorar $s: Invalid argument"
    done
} >want.ign.head
head -n 5 ign.out >got.ign.head
same_file "claim 4: sigaction() refuses to catch or ignore SIGKILL and SIGSTOP (EINVAL)" \
    want.ign.head got.ign.head
kill -KILL "$G_PID"
check "claim 4: kill -SIGKILL ends exemple_sigign (status 137 = 128 + 9)" exits_with "$G_PID" 137
{ cat want.ign.head; counter 1 "$(seconds ign.out)"; } >want.ign
same_file "claim 4: SIGKILL ended it at once: no handler, no last line" want.ign ign.out
# The other half of the exercise: a caught signal still ends it normally.
check "exemple_sigign has set its handlers" wait_for 10 lines ign2.out 5
kill -INT "$G2_PID"
check "exemple_sigign: Ctrl+C (SIGINT) still ends it normally, exit status 0" exits_with "$G2_PID" 0
check "exemple_sigign: SIGINT ran finalitzar" has_line ign2.out "S'ha acabat el bucle. Finalitzo normalment"

# ---- claim 5: SIGSTOP stops a running example, SIGCONT resumes it -----------
check "exemple_sigterm (second one) counts" wait_for 10 has_line stop.out "He esperat 1 segons"
kill -STOP "$S_PID"
check "claim 5: after kill -SIGSTOP the process is stopped" wait_for 10 stopped "$S_PID"
n=$(seconds stop.out)
sleep 1.2   # the one kind of sleep allowed: proves that NOTHING is printed while stopped
check "claim 5: the counter does not advance while stopped (1.2 s)" [ "$(seconds stop.out)" -eq "$n" ]
kill -CONT "$S_PID"
check "claim 5: after kill -SIGCONT the next line appears" \
    wait_for 10 has_line stop.out "He esperat $((n + 1)) segons"
kill "$S_PID"
check "claim 5: and it still ends normally on SIGTERM" exits_with "$S_PID" 0

# ---- claim 6: pause() blocks until a signal; enviar_sigusr sends it ---------
# sigusr has been waiting in pause() since the start of the script (the two
# sleeps above alone last 2.2 s): it must have printed nothing more, not even
# for enviar_sigusr's failed attempts.
printf 'El meu PID és %s\nEspero senyal!\n' "$U_PID" >want.usr
same_file "claim 6: pause() blocks: sigusr printed nothing while no signal came" want.usr usr.out
# Alternate SIGUSR1 and SIGUSR2 and wait for each report before the next:
# two signals of one kind sent before the first is handled would merge.
k=0
for s in "" 2 1 2; do
    k=$((k + 1))
    name=SIGUSR${s:-1}
    if ./signals/enviar_sigusr "$U_PID" ${s:+"$s"} >send.out 2>send.err &&
       has_line send.out "He enviat $name al procés $U_PID." && [ ! -s send.err ]; then
        ok "enviar_sigusr PID${s:+ $s}: sends $name and says so (signal $k)"
    else
        not_ok "enviar_sigusr PID${s:+ $s}: sends $name and says so (signal $k)" "$(cat send.out send.err)"
    fi
    check "claim 6: sigusr reports $name (signal $k)" \
        wait_for 10 has_n usr.out "He rebut $name." $(($(count want.usr "He rebut $name.") + 1))
    printf 'He rebut %s.\nEspero senyal!\n' "$name" >>want.usr
    check "claim 6: sigusr waits again (signal $k)" wait_for 10 has_n usr.out "Espero senyal!" $((k + 1))
done
same_file "claim 6: sigusr reported each signal, in order, and nothing else" want.usr usr.out
kill "$U_PID"
check "sigusr ends on kill (SIGTERM's default action: status 143)" exits_with "$U_PID" 143

# ---- claim 7: alarm(N) delivers SIGALRM after about N seconds ---------------
check "alarm 1: exits 0" exits_with "$A1_PID" 0
printf '%s\n' "Programo alarm(1): el sistema m'enviarà SIGALRM d'aquí a 1 segons" \
    "He rebut SIGALRM." "He esperat S segons" >want.alarm1
sed 's/^He esperat [0-9]*\.[0-9][0-9] segons$/He esperat S segons/' alarm1.out >got.alarm1
same_file "claim 7: alarm 1: the handler reports SIGALRM" want.alarm1 got.alarm1
check "claim 7: alarm(1): SIGALRM came after 0.9 s to 10 s" elapsed_between alarm1.out 0.9 10
check "alarm without argument: exits 0" exits_with "$A3_PID" 0
check "alarm without argument: alarm(3) by default" \
    has_line alarm3.out "Programo alarm(3): el sistema m'enviarà SIGALRM d'aquí a 3 segons"
check "claim 7: alarm(3): SIGALRM came after 2.9 s to 12 s" elapsed_between alarm3.out 2.9 12

done_testing
