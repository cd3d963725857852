#!/bin/sh
# signals/demo.sh — tour of signals (make demo-signals; STEP=1 waits at each step).
# The commands shown are the ones a student types in bash (kill -SIGKILL ...);
# this script runs the same with the portable spelling (kill -KILL ...).
. "$(dirname "$0")/../tests/lib.sh"

# counter NAME PROGRAM: start a counting example, wait for its first second,
# show its terminal; its PID is left in $P.
counter() {
    start "$1" "./signals/$2"
    P=$LAST
    wait_for 10 has_line "$1.out" "He esperat 1 segons" || demo_fail "$2 does not count"
    show "$1" "terminal 1"
}

# stopped PID: the process is stopped (ps state T).
stopped() { ps -o stat= -p "$1" 2>/dev/null | grep -q '^T'; }

heading "Senyals: exemple_sigterm captura SIGTERM"

step "Terminal 1: el programa diu el seu PID i compta segons" \
     "./signals/exemple_sigterm"
counter sigterm exemple_sigterm

step "Terminal 2: kill envia SIGTERM; el sistema crida finalitzar i el bucle acaba normalment" \
     "kill $P"
kill "$P"
exits_with "$P" 0 >/dev/null || demo_fail "exemple_sigterm did not end normally on SIGTERM"
show sigterm "terminal 1"

heading "Coses a fer: Ctrl+C (SIGINT) també crida finalitzar (exemple_sigint)"

step "Terminal 1: el mateix comptador, ara també amb SIGINT capturat" \
     "./signals/exemple_sigint"
counter sigint exemple_sigint

step "Ctrl+C al terminal 1 envia SIGINT; aquí l'enviem amb kill des del terminal 2" \
     "kill -SIGINT $P"
kill -INT "$P"
exits_with "$P" 0 >/dev/null || demo_fail "exemple_sigint did not end normally on SIGINT"
show sigint "terminal 1"

heading "Coses a fer: què passa si ignorem SIGTERM? (exemple_sigign)"

step "Terminal 1: SIGTERM amb SIG_IGN; el sistema no deixa capturar ni ignorar SIGKILL i SIGSTOP" \
     "./signals/exemple_sigign"
counter sigign exemple_sigign

step "Terminal 2: kill envia SIGTERM, però s'ignora: el procés continua comptant" \
     "kill $P"
n=$(grep -c "^He esperat" sigign.out)
kill "$P"
wait_for 10 has_line sigign.out "He esperat $((n + 1)) segons" || demo_fail "exemple_sigign stopped counting"
grep -q "He capturat" sigign.out && demo_fail "exemple_sigign caught SIGTERM"
show sigign "terminal 1"

step "Terminal 2: SIGKILL no es pot ni capturar ni ignorar: el procés mor a l'acte" \
     "kill -SIGKILL $P"
kill -KILL "$P"
exits_with "$P" 137 >/dev/null || demo_fail "SIGKILL did not end exemple_sigign"
show sigign "terminal 1"
echo "  (l'intèrpret d'ordres rep l'estat de sortida 137 = 128 + 9: mort pel senyal 9, SIGKILL)"

heading "SIGSTOP atura un procés i SIGCONT el fa continuar"

step "Terminal 1: un comptador qualsevol" \
     "./signals/exemple_sigterm"
counter stopcont exemple_sigterm

step "Terminal 2: SIGSTOP l'atura (no el mata): ps hi mostra l'estat T, i el comptador no avança" \
     "kill -SIGSTOP $P"
kill -STOP "$P"
wait_for 10 stopped "$P" || demo_fail "SIGSTOP did not stop exemple_sigterm"
ps -o pid,stat,args -p "$P" | sed 's/^/  [terminal 2] /'
n=$(grep -c "^He esperat" stopcont.out)
show stopcont "terminal 1"

step "Terminal 2: SIGCONT el fa continuar on era" \
     "kill -SIGCONT $P"
kill -CONT "$P"
wait_for 10 has_line stopcont.out "He esperat $((n + 1)) segons" || demo_fail "SIGCONT did not resume it"
show stopcont "terminal 1"
kill "$P"
exits_with "$P" 0 >/dev/null || demo_fail "exemple_sigterm did not end on SIGTERM"
echo "  (i l'acabem amb kill $P, com al principi)"

heading "SIGUSR1 i SIGUSR2: sigusr i enviar_sigusr"

step "Terminal 1: sigusr diu el seu PID i es bloqueja a pause() fins que rep un senyal" \
     "./signals/sigusr"
start sigusr ./signals/sigusr
P=$LAST
wait_for 10 has_line sigusr.out "Espero senyal!" || demo_fail "sigusr did not start"
show sigusr "terminal 1"
if has_proc; then
    wait_for 10 blocked "$P" || demo_fail "sigusr is not blocked in pause()"
    ps -o pid,stat,args -p "$P" | sed 's/^/  [terminal 2] /'
    echo "  (estat S: dorm dins de pause(), sense gastar CPU, fins que arribi un senyal)"
fi

k=0
for s in 1 2; do
    k=$((k + 1))
    step "Terminal 2: enviar_sigusr crida kill() per enviar SIGUSR$s al PID de sigusr" \
         "./signals/enviar_sigusr $P $s"
    start enviar ./signals/enviar_sigusr "$P" "$s"
    exits_with "$LAST" 0 >/dev/null || demo_fail "enviar_sigusr failed: $(cat enviar.err)"
    wait_for 10 has_line sigusr.out "He rebut SIGUSR$s." || demo_fail "sigusr did not report SIGUSR$s"
    wait_for 10 lines sigusr.out $((2 * k + 2)) || demo_fail "sigusr did not wait again"
    show enviar "terminal 2"
    show sigusr "terminal 1"
done

step "Terminal 2: sigusr no acaba mai sol; kill (SIGTERM, acció per defecte) l'acaba" \
     "kill $P"
kill "$P"
exits_with "$P" 143 >/dev/null || demo_fail "sigusr did not end on SIGTERM"
echo "  (estat de sortida 143 = 128 + 15: mort pel senyal 15, SIGTERM, sense cap línia més)"

step "Terminal 2: si el PID no és de cap procés, l'error diu què cal fer" \
     "./signals/enviar_sigusr 2147483647"
start enviar ./signals/enviar_sigusr 2147483647
exits_with "$LAST" 1 >/dev/null || demo_fail "enviar_sigusr did not refuse a PID that does not exist"
show enviar "terminal 2"

heading "Alguns detalls: alarm() fa que el sistema enviï SIGALRM"

step "alarm(1): al cap d'un segon el sistema envia SIGALRM al procés; mentrestant espera amb sigsuspend()" \
     "./signals/alarm 1"
start alarm ./signals/alarm 1
exits_with "$LAST" 0 >/dev/null || demo_fail "alarm failed: $(cat alarm.err)"
show alarm "terminal 1"
