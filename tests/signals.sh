#!/bin/sh
# tests/signals.sh — signals: exemple_sigterm, exemple_sigint, exemple_sigign,
# sigusr + enviar_sigusr, alarm.  Claims 1-7: what the slides say signals do.
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
not_stopped() { ! stopped "$1"; }
# alive PID: the process exists and is not a zombie (kill -0 also succeeds on
# a zombie that nobody has reaped yet, so it cannot tell).
alive() { ps -o stat= -p "$1" 2>/dev/null | grep -q '^[^Z]'; }
# ignores PID SIGNO / catches PID SIGNO: the kernel holds signal SIGNO (1-16)
# as ignored / as caught by a handler for PID (its bit in SigIgn / SigCgt of
# /proc/PID/status).
sigbit() {
    _m=$(sed -n "s/^$1:[[:space:]]*//p" "/proc/$2/status" 2>/dev/null) && [ -n "$_m" ] &&
        [ $((0x${_m#????????????} & (1 << ($3 - 1)))) -ne 0 ]
}
ignores() { sigbit SigIgn "$1" "$2"; }
catches() { sigbit SigCgt "$1" "$2"; }
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
# waited_at_least FILE MIN: alarm's last line "He esperat S segons" has S >= MIN
# (alarm() never rings early; how late it rings depends on the load, unchecked).
waited_at_least() {
    awk -v lo="$2" '/^He esperat [0-9.]+ segons$/ { s = $3; found = 1 }
        END { if (!found || s < lo) { print "#   waited: " (found ? s : "no line"); exit 1 } }' "$1"
}
# start_full NAME CMD...: like start, but stdout is /dev/full (a full disk).
start_full() {
    _name=$1; shift
    : >"$_name.err"
    "$@" >/dev/full 2>>"$_name.err" </dev/null &
    LAST=$!
    PIDS="$PIDS $LAST"
}
# full_end DESC PID NAME: the program started with start_full ends with exit
# status 1 and one line on NAME.err saying that stdout could not be written.
full_end() {
    if exits_with "$2" 1 >full.why && [ "$(wc -l <"$3.err")" -eq 1 ] &&
       grep -q "^[a-z_]*: escrivint la sortida: " "$3.err"; then
        ok "$1"
    else
        not_ok "$1" "$(cat full.why)" "stderr: $(head -c 300 "$3.err")"
    fi
}
# child_of PID: PID has a child process; its PID is left in $CHILD.
child_of() {
    CHILD=$(ps -A -o pid= -o ppid= | awk -v p="$1" '$2 == p { print $1; exit }')
    [ -n "$CHILD" ]
}
# no_proc DESC: skip a check that needs /proc to see a process's state.
no_proc() { skip "$1" "no /proc to read the process state from"; }

# The programs that count seconds or wait for an alarm are slow by nature:
# start them all now, side by side, and check each in turn below.
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
start usr2 ./signals/sigusr
U2_PID=$LAST
start alarm1 ./signals/alarm 1
A1_PID=$LAST
start alarm3 ./signals/alarm
A3_PID=$LAST
start alarmw ./signals/alarm 3600
AW_PID=$LAST
if [ -w /dev/full ]; then
    start_full fterm ./signals/exemple_sigterm
    FT_PID=$LAST
    start_full fint ./signals/exemple_sigint
    FI_PID=$LAST
    start_full fign ./signals/exemple_sigign
    FG_PID=$LAST
    start_full falarm ./signals/alarm 1
    FA_PID=$LAST
    start_full fusr ./signals/sigusr
    FU_PID=$LAST
fi
# Under strace: does alarm wait race-free?  (Not under valgrind, whose own
# system calls strace would see.)
STRACE=false
if [ -z "${VALGRIND:-}" ] && command -v strace >/dev/null 2>&1 && strace -o /dev/null true 2>/dev/null; then
    STRACE=true
    start alarmst env ASAN_OPTIONS=detect_leaks=0 strace -o alarm.strace \
        -e 'trace=rt_sigprocmask,?alarm,setitimer,?pause,rt_sigsuspend,ppoll' ./signals/alarm 1
    AS_PID=$LAST
    # A killed strace lets its tracee run on: remember the tracee for the cleanup.
    AS_CHILD=
    wait_for 10 child_of "$AS_PID" && AS_CHILD=$CHILD && PIDS="$PIDS $AS_CHILD"
fi

# ---- -h and bad input (meanwhile the counters run) --------------------------
for p in exemple_sigterm exemple_sigint exemple_sigign sigusr enviar_sigusr alarm; do
    check "$p -h prints usage and a sentence, exit 0" \
        sh -c "./signals/$p -h >h.out 2>h.err && head -n 1 h.out | grep -q '^Ús: $p' && [ \$(wc -l <h.out) -eq 2 ] && [ ! -s h.err ]"
    expect_fail "$p: six stray arguments" "$p: massa arguments (Ús: $p" ./signals/"$p" a b c d e f
    check "$p: the usage error starts with the program's name" grep -q "^$p: " fail.err
done
for p in exemple_sigterm exemple_sigint exemple_sigign sigusr; do
    expect_fail "$p: an option it does not know" "$p: opció desconeguda '-x' (Ús: $p)" ./signals/"$p" -x
done

U='(Ús: enviar_sigusr PID [1|2])'
expect_fail "enviar_sigusr: no PID" "enviar_sigusr: falten arguments $U" ./signals/enviar_sigusr
for a in abc 12x " 5" "+5" 5x 0x5 ""; do
    expect_fail "enviar_sigusr: PID '$a' is refused" "PID '$a': no és un nombre $U" ./signals/enviar_sigusr "$a"
done
expect_fail "enviar_sigusr: PID beyond pid_t" "PID '2147483648': massa gran, com a màxim 2147483647 $U" \
    ./signals/enviar_sigusr 2147483648
expect_fail "enviar_sigusr: huge PID" "massa gran" ./signals/enviar_sigusr 99999999999999999999
# No system gives out PID 2^31-1 (Linux stops at 2^22): no such process, and
# the line says the usual slip's next step.
expect_fail "enviar_sigusr: PID that does not exist (ESRCH) says to start sigusr first" \
    "enviar_sigusr: enviant SIGUSR1 al procés 2147483647: No such process (engegueu primer ./signals/sigusr i feu servir el PID que escriu)" \
    ./signals/enviar_sigusr 2147483647
expect_fail "enviar_sigusr: signal 3" "senyal '3': massa gran, com a màxim 2 $U" ./signals/enviar_sigusr "$U_PID" 3
expect_fail "enviar_sigusr: signal 0" "senyal '0': com a mínim 1 $U" ./signals/enviar_sigusr "$U_PID" 0
expect_fail "enviar_sigusr: signal by name" "senyal 'SIGUSR1': no és un nombre $U" \
    ./signals/enviar_sigusr "$U_PID" SIGUSR1
expect_fail "enviar_sigusr: signal ' 2'" "senyal ' 2': no és un nombre $U" ./signals/enviar_sigusr "$U_PID" " 2"
expect_fail "enviar_sigusr: too many arguments" "enviar_sigusr: massa arguments $U" \
    ./signals/enviar_sigusr "$U_PID" 1 2
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
GROUP="ha de ser positiu (0 i els negatius són grups de processos) $U"
expect_fail "enviar_sigusr: PID 0 (our process group)" "PID '0': $GROUP" alone ./signals/enviar_sigusr 0
expect_fail "enviar_sigusr: PID 00 (our process group)" "PID '00': $GROUP" alone ./signals/enviar_sigusr 00
expect_fail "enviar_sigusr: negative PID (a process group)" "PID '-2147483647': $GROUP" \
    alone ./signals/enviar_sigusr -2147483647
if $AS_NOBODY; then
    expect_fail "enviar_sigusr: PID -1 (every process)" "PID '-1': $GROUP" \
        alone setpriv --reuid=65534 --regid=65534 --clear-groups "$ENVIAR" -1
else
    skip "enviar_sigusr: PID -1 (every process)" "only run as root, where it can run as nobody"
fi
# EPERM: only root may signal another user's processes.  As root, run
# enviar_sigusr as nobody against our sigusr; otherwise aim at PID 1 when
# another user owns it (kill() then fails before anything is sent).
if $AS_NOBODY; then
    expect_fail "enviar_sigusr: a process of another user (EPERM)" \
        "enviar_sigusr: enviant SIGUSR2 al procés $U_PID: Operation not permitted" nobody "$ENVIAR" "$U_PID" 2
elif [ "$(id -u)" -ne 0 ] && [ "$(ps -o uid= -p 1 | tr -d ' ')" != "$(id -u)" ]; then
    expect_fail "enviar_sigusr: a process of another user (EPERM)" \
        "enviar_sigusr: enviant SIGUSR1 al procés 1: Operation not permitted" ./signals/enviar_sigusr 1
else
    skip "enviar_sigusr: a process of another user (EPERM)" "no other user to act as"
fi

U='(Ús: alarm [SEGONS])'
for a in abc "" " 5" "+5" 5x 0x5 -1; do
    expect_fail "alarm: SEGONS '$a' is refused" "alarm: SEGONS '$a': no és un nombre $U" ./signals/alarm "$a"
done
expect_fail "alarm: SEGONS '1.5' is refused" "SEGONS '1.5': no és un nombre enter $U" ./signals/alarm 1.5
expect_fail "alarm: SEGONS 0 (alarm(0) would set no alarm)" "SEGONS '0': com a mínim 1 $U" ./signals/alarm 0
for a in 3601 99999999999999999999; do
    expect_fail "alarm: SEGONS '$a' too large" "SEGONS '$a': massa gran, com a màxim 3600 $U" ./signals/alarm "$a"
done

# ---- stdout is the result: a full disk is an error, said in one line --------
# sigusr never ends by itself, so it checks its first line at once.
if [ -w /dev/full ]; then
    full_end "sigusr > /dev/full: exit 1 at once, one line 'escrivint la sortida'" "$FU_PID" fusr
else
    skip "sigusr > /dev/full" "no /dev/full here"
fi
check "sigusr (second one) waits for a signal" wait_for 10 has_line usr2.out "Espero senyal!"
full_stdout "enviar_sigusr > /dev/full: exit 1, one line 'escrivint la sortida'" ./signals/enviar_sigusr "$U2_PID"
check "enviar_sigusr > /dev/full: the signal was still sent" wait_for 10 has_line usr2.out "He rebut SIGUSR1."
kill "$U2_PID"
check "sigusr (second one) ends on kill" exits_with "$U2_PID" 143
# The counters print into the full disk until a signal ends their loop, sent
# once the kernel shows their handler set (SigCgt).
if [ ! -w /dev/full ]; then
    for p in exemple_sigterm exemple_sigint exemple_sigign alarm; do skip "$p > /dev/full" "no /dev/full here"; done
elif ! has_proc; then
    for p in exemple_sigterm exemple_sigint exemple_sigign; do no_proc "$p > /dev/full"; done
    full_end "alarm 1 > /dev/full: exit 1, one line 'escrivint la sortida'" "$FA_PID" falarm
else
    wait_for 10 catches "$FT_PID" 15
    kill "$FT_PID"
    full_end "exemple_sigterm > /dev/full, then kill: exit 1, one line 'escrivint la sortida'" "$FT_PID" fterm
    wait_for 10 catches "$FI_PID" 2
    kill -INT "$FI_PID"
    full_end "exemple_sigint > /dev/full, then SIGINT: exit 1, one line 'escrivint la sortida'" "$FI_PID" fint
    wait_for 10 catches "$FG_PID" 2
    kill -INT "$FG_PID"
    full_end "exemple_sigign > /dev/full, then SIGINT: exit 1, one line 'escrivint la sortida'" "$FG_PID" fign
    full_end "alarm 1 > /dev/full: exit 1, one line 'escrivint la sortida'" "$FA_PID" falarm
fi

# ---- claim 1: kill (SIGTERM) runs exemple_sigterm's handler -----------------
check "exemple_sigterm prints its PID and counts" wait_for 10 has_line term.out "He esperat 1 segons"
kill "$T_PID"
check "claim 1: after kill (SIGTERM) exemple_sigterm ends normally, exit status 0" exits_with "$T_PID" 0
want_caught term.out "$T_PID" >want.term
same_file "claim 1: finalitzar ran and the loop ended with the slide's lines" want.term term.out

# ---- claim 2: SIGINT (Ctrl+C) runs finalitzar in exemple_sigint -------------
# (This background job may start with SIGINT ignored, as every background job
# of a non-interactive sh; the program's sigaction() replaces that.)
check "exemple_sigint prints its PID and counts" wait_for 10 has_line int.out "He esperat 1 segons"
kill -INT "$I_PID"
check "claim 2: after SIGINT exemple_sigint ends normally, exit status 0" exits_with "$I_PID" 0
want_caught int.out "$I_PID" >want.int
same_file "claim 2: SIGINT ran finalitzar: the slide's lines" want.int int.out

# ---- claim 3: with SIG_IGN, SIGTERM leaves exemple_sigign running -----------
check "exemple_sigign prints its PID and counts" wait_for 10 has_line ign.out "He esperat 1 segons"
if has_proc; then
    check "claim 3: the kernel holds SIGTERM as ignored for exemple_sigign (SigIgn)" ignores "$G_PID" 15
else
    no_proc "claim 3: the kernel holds SIGTERM as ignored for exemple_sigign (SigIgn)"
fi
# An ignored signal is dropped when it is sent: once kill returns, it is gone.
kill "$G_PID"
n=$(seconds ign.out)
check "claim 3: SIG_IGN: after kill (SIGTERM) it goes on counting" \
    wait_for 10 has_line ign.out "He esperat $((n + 1)) segons"
check "claim 3: SIG_IGN: it is still alive" alive "$G_PID"
check "claim 3: SIG_IGN: the handler did not run" lacks ign.out "He capturat el senyal."

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
tail -n +6 ign2.out >got.ign2
want_caught got.ign2 "$G2_PID" | tail -n +2 >want.ign2
same_file "exemple_sigign: SIGINT ran finalitzar: the slide's lines" want.ign2 got.ign2

# ---- claim 5: SIGSTOP stops a running example, SIGCONT resumes it -----------
check "exemple_sigterm (second one) counts" wait_for 10 has_line stop.out "He esperat 1 segons"
kill -STOP "$S_PID"
check "claim 5: after kill -SIGSTOP the process is stopped (state T), not ended" wait_for 10 stopped "$S_PID"
n=$(seconds stop.out)
kill -CONT "$S_PID"
check "claim 5: after kill -SIGCONT it runs again (no longer in state T)" wait_for 10 not_stopped "$S_PID"
check "claim 5: and counts on from where it stopped" \
    wait_for 10 has_line stop.out "He esperat $((n + 1)) segons"
kill "$S_PID"
check "claim 5: and it still ends normally on SIGTERM" exits_with "$S_PID" 0
want_caught stop.out "$S_PID" >want.stop
same_file "claim 5: one counter, no second skipped or repeated" want.stop stop.out

# ---- claim 6: pause() blocks until a signal; enviar_sigusr sends it ---------
check "sigusr prints its PID and 'Espero senyal!'" wait_for 10 has_line usr.out "Espero senyal!"
if has_proc; then
    check "claim 6: pause() blocks: sigusr sleeps in the kernel, using no CPU" wait_for 10 blocked "$U_PID"
else
    no_proc "claim 6: pause() blocks: sigusr sleeps in the kernel, using no CPU"
fi
printf 'El meu PID és %s\nEspero senyal!\n' "$U_PID" >want.usr
same_file "claim 6: sigusr said its PID and that it waits" want.usr usr.out
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
    check "claim 6: sigusr says it waits again (signal $k)" wait_for 10 has_n usr.out "Espero senyal!" $((k + 1))
done
if has_proc; then
    check "claim 6: and blocks in pause() again" wait_for 10 blocked "$U_PID"
else
    no_proc "claim 6: and blocks in pause() again"
fi
same_file "claim 6: sigusr reported each signal, in order, and nothing else" want.usr usr.out
kill "$U_PID"
check "sigusr ends on kill (SIGTERM's default action: status 143)" exits_with "$U_PID" 143

# ---- claim 7: alarm(N) has the system send SIGALRM after N seconds ----------
check "alarm 1: exits 0" exits_with "$A1_PID" 0
printf '%s\n' "Programo alarm(1): el sistema m'enviarà SIGALRM d'aquí a 1 segons" \
    "He rebut SIGALRM." "He esperat S segons" >want.alarm1
sed 's/^He esperat [0-9]*\.[0-9][0-9] segons$/He esperat S segons/' alarm1.out >got.alarm1
same_file "claim 7: alarm 1: the handler reports SIGALRM" want.alarm1 got.alarm1
check "claim 7: alarm(1): SIGALRM came no sooner than 1 s" waited_at_least alarm1.out 1
check "alarm without argument: exits 0" exits_with "$A3_PID" 0
check "alarm without argument: alarm(3) by default" \
    has_line alarm3.out "Programo alarm(3): el sistema m'enviarà SIGALRM d'aquí a 3 segons"
check "claim 7: alarm(3): SIGALRM came no sooner than 3 s" waited_at_least alarm3.out 3

# alarm 3600 waits asleep, race-free (SIGALRM blocked, then sigsuspend()).
check "alarm 3600 has set its alarm" wait_for 10 has_line alarmw.out \
    "Programo alarm(3600): el sistema m'enviarà SIGALRM d'aquí a 3600 segons"
if has_proc; then
    check "alarm blocks while it waits: asleep in the kernel, using no CPU" wait_for 10 blocked "$AW_PID"
else
    no_proc "alarm blocks while it waits: asleep in the kernel, using no CPU"
fi
# Whoever sends SIGALRM, the handler runs: the receiver cannot tell who sent it.
kill -ALRM "$AW_PID"
check "a SIGALRM sent with kill ends alarm's wait too: exit 0" exits_with "$AW_PID" 0
check "... and the handler reported it" has_line alarmw.out "He rebut SIGALRM."

if $STRACE; then
    if exits_with "$AS_PID" 0 >as.why; then
        ok "alarm under strace: exits 0"
        [ -z "$AS_CHILD" ] || forget "$AS_CHILD"    # ended with strace: not ours to kill
    else
        not_ok "alarm under strace: exits 0" "$(cat as.why)"
    fi
    # SIGALRM blocked before the timer is set, then waited for with
    # sigsuspend() (not pause(), whose wait can miss a signal that came first).
    check "alarm waits race-free: SIGALRM blocked, then alarm(), then sigsuspend(), no pause()" \
        awk 'b == 0 && /^rt_sigprocmask\(SIG_BLOCK, \[ALRM\]/ { b = NR }
             a == 0 && /^(alarm\(1\)|setitimer\(ITIMER_REAL, .*tv_sec=1)/ { a = NR }
             s == 0 && /^rt_sigsuspend\(/ { s = NR }
             /^(pause|ppoll)\(/ { p = 1 }
             END { exit !(b && a && s && b < a && a < s && !p) }' alarm.strace
else
    skip "alarm waits race-free: SIGALRM blocked, then alarm(), then sigsuspend(), no pause()" \
        "strace not installed, not allowed to trace, or valgrind in the way"
fi

done_testing
