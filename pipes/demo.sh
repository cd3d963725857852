#!/bin/sh
# pipes/demo.sh — tour of pipes (make demo-pipes; STEP=1 waits at each step).
. "$(dirname "$0")/../tests/lib.sh"

heading "Canonades (pipes): pipe2 i pipe2_sense_lector"

step "Un terminal: pipe() crea la canonada i fork() el fill; el fill hi escriu \"test\" i el pare el llegeix (les dues primeres línies surten en l'ordre que triï el planificador)" \
     "./pipes/pipe2"
start pipe2 ./pipes/pipe2
exits_with "$LAST" 0 >/dev/null || demo_fail "pipe2 failed: $(cat pipe2.err)"
has_line pipe2.out 'parent read "test"' || demo_fail "pipe2 did not read \"test\": $(cat pipe2.out)"
show pipe2 "terminal 1"

step "Sense lector: el pare tanca l'únic extrem de lectura abans del fork(); el fill ignora SIGPIPE, el seu write() falla amb EPIPE i ho diu (estat de sortida 1)" \
     "./pipes/pipe2_sense_lector"
start sense ./pipes/pipe2_sense_lector
exits_with "$LAST" 1 >/dev/null || demo_fail "pipe2_sense_lector did not exit 1"
contains sense.err "escrivint a la canonada: Broken pipe" || demo_fail "pipe2_sense_lector: no EPIPE message: $(cat sense.err)"
show sense "terminal 1"
printf '  estat de sortida: 1 (sense ignorar SIGPIPE, el fill hauria mort en silenci: 141 al shell)\n'
