#!/bin/sh
# pi/demo.sh — tour of the pi examples (make demo-pi; STEP=1 waits at each step).
# Each program runs on the slide's 1e9 rectangles (about a second for one
# process); the tour measures the wall-clock time of each and checks that all
# print the same value.
. "$(dirname "$0")/../tests/lib.sh"

# now_ms: wall-clock milliseconds.  `date +%N` is not POSIX: where it is
# missing (it prints a literal N) fall back to whole seconds.
now_ms() {
    _t=$(date +%s%N)
    case $_t in
        *[!0-9]*) echo $(($(date +%s) * 1000)) ;;
        *) echo $((_t / 1000000)) ;;
    esac
}

# timed NAME TEXT COMMAND: a step that runs COMMAND (a string, as shown, without
# `time`) and shows its output and how long it took; the time in ms is left in
# NAME.ms.
timed() {
    step "$2" "time $3"
    _t0=$(now_ms)
    sh -c "$3" >"$1.out" 2>"$1.err" || demo_fail "$3 failed: $(cat "$1.err")"
    _t1=$(now_ms)
    echo $((_t1 - _t0)) >"$1.ms"
    show "$1" "terminal 1"
    awk -v ms="$((_t1 - _t0))" 'BEGIN { printf "  temps real: %.2f s\n", ms / 1000 }'
}

ncpu=$(getconf _NPROCESSORS_ONLN 2>/dev/null) || ncpu="?"

heading "Canonades (pipes): càlcul de pi amb 1, 2 i N processos"

timed u "Un procés: el bucle de la transparència, 1e9 rectangles" \
      "./pi/calcul_pi_1proces"
timed dos "Dos processos: el fill suma els rectangles parells i el pare els senars alhora; el fill envia la seva suma parcial (un double) per una canonada" \
      "./pi/calcul_pi_2processos"
timed n "N processos, per defecte un per CPU (aquesta màquina en té $ncpu); tots els fills escriuen a la mateixa canonada" \
      "./pi/calcul_pi_nprocessos"

cmp -s u.out dos.out && cmp -s u.out n.out ||
    demo_fail "the three programs printed different values: $(cat u.out dos.out n.out)"
printf '\n  Els tres imprimeixen el mateix valor: %s\n' "$(cat u.out)"
awk -v t1="$(cat u.ms)" -v t2="$(cat dos.ms)" -v tn="$(cat n.ms)" -v cpus="$ncpu" 'BEGIN {
    if (t2 > 0) printf "  2 processos: %.2f vegades més ràpid que 1 (el màxim és 2, amb 2 CPU lliures)\n", t1 / t2
    if (tn > 0) printf "  N processos: %.2f vegades més ràpid que 1 (el màxim és el nombre de CPU: %s)\n", t1 / tn, cpus
}'
