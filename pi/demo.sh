#!/bin/sh
# pi/demo.sh — tour of the pi examples (make demo-pi; STEP=1 waits at each step).
# Each program runs on the slide's 1e9 rectangles (about a second for one
# process; RECTANGLES=2e7 sh pi/demo.sh for a quick run); the tour measures the
# wall-clock and CPU time of each, checks that all print the same value, and
# says how much faster (or slower) each was than one process — and, when the
# machine was busy, that it was, and how busy.
. "$(dirname "$0")/../tests/lib.sh"

R=${RECTANGLES:-}                       # empty: the programs' default, 1e9

# now_ms: wall-clock milliseconds.  `date +%N` is not POSIX: where it is
# missing (it prints a literal N) fall back to whole seconds.
now_ms() {
    _t=$(date +%s%N)
    case $_t in
        *[!0-9]*) echo $(($(date +%s) * 1000)) ;;
        *) echo $((_t / 1000000)) ;;
    esac
}

# cpu_ms FILE: the CPU time (user + system) of this shell's finished children,
# in ms, from the second line of `times` saved in FILE.  (`times` must run in
# this shell, not in a $(...) subshell, whose children are not ours.)
cpu_ms() {
    awk 'NR == 2 { for (i = 1; i <= NF; i++) { split($i, a, "m"); t += a[1] * 60 + a[2] }
                   printf "%d\n", t * 1000 }' "$1"
}

# timed NAME TEXT COMMAND: a step that runs COMMAND (a string, as shown, without
# `time`) and shows its output, its wall-clock time and its CPU time; they are
# left in NAME.ms and NAME.cpu.
timed() {
    step "$2" "time $3"
    times >"$1.t0"
    _t0=$(now_ms)
    sh -c "$3" >"$1.out" 2>"$1.err" || demo_fail "$3 failed: $(cat "$1.err")"
    _t1=$(now_ms)
    times >"$1.t1"
    echo $((_t1 - _t0)) >"$1.ms"
    echo $(($(cpu_ms "$1.t1") - $(cpu_ms "$1.t0"))) >"$1.cpu"
    show "$1" "terminal 1"
    awk -v ms="$(cat "$1.ms")" -v cpu="$(cat "$1.cpu")" 'BEGIN {
        printf "  temps real: %.2f s, temps de CPU: %.2f s", ms / 1000, cpu / 1000
        if (ms > 0) printf " (%.1f CPU de mitjana)", cpu / ms
        printf "\n" }'
}

ncpu=$(getconf _NPROCESSORS_ONLN 2>/dev/null) || ncpu=
case $ncpu in '' | *[!0-9]*) ncpu=0 ;; esac
nn=                                     # with a count, N must come first
[ -n "$R" ] && { nn=$ncpu; [ "$nn" -gt 0 ] || nn=2; }
load=
[ -r /proc/loadavg ] && read -r load _ </proc/loadavg

heading "Canonades (pipes): càlcul de pi amb 1 i 2 processos, amb fils i amb N processos"

timed u "Un procés: el bucle de la transparència, ${R:-1e9} rectangles" \
      "./pi/calcul_pi_1proces $R"
timed dos "Dos processos: el fill suma els rectangles parells i el pare els senars alhora; el fill envia la seva suma parcial (un double) per una canonada" \
      "./pi/calcul_pi_2processos $R"
timed fils "Dos fils d'execució (threads) en lloc de dos processos: cap fork(), cap canonada; cada fil deixa la seva suma a la memòria que comparteixen" \
      "./pi/calcul_pi_fils 2 $R"
timed n "N processos, per defecte un per CPU (aquesta màquina en té $ncpu); tots els fills escriuen a la mateixa canonada" \
      "./pi/calcul_pi_nprocessos ${nn:+$nn }$R"

for f in dos fils n; do
    cmp -s u.out "$f.out" || demo_fail "the programs printed different values: $(cat u.out dos.out fils.out n.out)"
done
printf '\n  Tots imprimeixen el mateix valor: %s\n' "$(cat u.out)"

# The speed lines.  "N vegades més ràpid" only when it was faster; otherwise
# "més lent".  Each parallel run should have kept min(its workers, CPUs) CPUs
# busy (CPU time / real time); when it did not, or the load average was at
# least the number of CPUs before we began, other programs were using the
# machine, and the line says so, so that a slow result is not taken for the
# technique's fault.
awk -v t1="$(cat u.ms)" -v c1="$(cat u.cpu)" -v cpus="$ncpu" -v load="$load" \
    -v t2="$(cat dos.ms)" -v c2="$(cat dos.cpu)" -v tf="$(cat fils.ms)" -v cf="$(cat fils.cpu)" \
    -v tn="$(cat n.ms)" -v cn="$(cat n.cpu)" '
function speed(what, t, c, workers,   want, got) {
    if (t <= 0 || t1 <= 0) return
    if (t1 >= t) printf "  %s: %.2f vegades més ràpid que 1 procés", what, t1 / t
    else         printf "  %s: %.2f vegades més lent que 1 procés", what, t / t1
    want = (cpus > 0 && cpus < workers) ? cpus : workers
    got = c / t
    printf " (el màxim és %d", want
    if (cpus > 0) printf ", amb %d CPU lliures", cpus
    printf "; han treballat de mitjana %.1f CPU)\n", got
    if (got < 0.8 * want) busy = busy sprintf("\n    %s només han tingut %.1f CPU de mitjana, no %d", what, got, want)
}
BEGIN {
    print ""
    if (t1 > 0 && c1 / t1 < 0.8) busy = sprintf("\n    1 procés només ha tingut %.1f CPU de mitjana, no 1", c1 / t1)
    speed("2 processos", t2, c2, 2)
    speed("2 fils", tf, cf, 2)
    speed("N processos", tn, cn, cpus > 0 ? cpus : 2)
    if (load != "" && cpus > 0 && load + 0 >= cpus)
        busy = sprintf("\n    càrrega mitjana abans de començar: %s, amb %d CPU (altres programes ja hi treballaven)", load, cpus) busy
    if (busy != "")
        printf "\n  Atenció: els programes no han tingut les CPU per a ells sols (la màquina estava ocupada),\n  i els temps no mostren tot el guany:%s\n", busy
}'
