#!/bin/sh
# bench/bench_pi.sh — do 2 (or N) processes compute pi 2 (or N) times faster?
#
# Slide: "El temps d'execució amb 2 processos és menor que amb un procés".
# Times pi/calcul_pi_1proces, pi/calcul_pi_2processos and pi/calcul_pi_nprocessos
# for N = 1 .. 2 x CPUs (median of several repeats, runs interleaved so that a
# noisy moment hits every program alike) and prints for each: time, speedup
# over 1 process, efficiency = speedup / min(N, CPUs), ns per rectangle, and
# the share of the CPU's divide throughput used (bench/limit_divisio measures
# it). Beside the -O2 programs that `make` builds, two more columns: the same
# sources built by this script into a temporary directory (removed at exit):
#   $CC -std=c11 -O3 -ffast-math                 pi/*.c   (the compiler may vectorise)
#   $CC -std=c11 -O3 -ffast-math -march=native   pi/*.c   (with this CPU's widest vectors)
# and a reference row: the slide's own loop (bench/pi_diapositiva.c).
#
#   $ sh bench/bench_pi.sh [-n RECTANGLES] [-r REPETICIONS] [-p NMAX] [--quick]
#   $ make bench-pi
#
# It prints numbers and checks no timing: the issue-5 targets are reported as
# met or not met, and the exit status is 0 either way.

USAGE="bench_pi.sh [-n RECTANGLES] [-r REPETICIONS] [-p NMAX] [--quick]"
ROOT=$(cd "$(dirname "$0")/.." && pwd) || exit 1
CC=${CC:-cc}

usage_error() { echo "bench_pi.sh: $1 (usage: $USAGE)" >&2; exit 1; }

# whole NAME VALUE MIN MAX: VALUE must be a whole number in [MIN, MAX].
whole() {
    case $2 in ''|*[!0-9]*) usage_error "bad value for $1: '$2'" ;; esac
    [ "${#2}" -le 15 ] && [ "$2" -ge "$3" ] && [ "$2" -le "$4" ] ||
        usage_error "bad value for $1: '$2' (from $3 to $4)"
}

CPUS=$(getconf _NPROCESSORS_ONLN 2>/dev/null) || CPUS=1
case $CPUS in ''|*[!0-9]*|0) CPUS=1 ;; esac
RECTS=500000000 REPEATS=5 NMAX=$((2 * CPUS)) DIVS=100000000
while [ $# -gt 0 ]; do
    case $1 in
    -h) echo "Ús: $USAGE"
        echo "Mesura quant més ràpid calculen pi 1, 2 i N processos, i el compara amb el límit de la divisió."
        exit 0 ;;
    -n) [ $# -ge 2 ] || usage_error "missing value after -n"; whole -n "$2" 1000 10000000000000; RECTS=$2; shift ;;
    -r) [ $# -ge 2 ] || usage_error "missing value after -r"; whole -r "$2" 1 99; REPEATS=$2; shift ;;
    -p) [ $# -ge 2 ] || usage_error "missing value after -p"; whole -p "$2" 1 1024; NMAX=$2; shift ;;
    --quick) RECTS=2000000 REPEATS=1 DIVS=1000000 ;;
    *) usage_error "unknown argument '$1'" ;;
    esac
    shift
done

for p in pi/calcul_pi_1proces pi/calcul_pi_2processos pi/calcul_pi_nprocessos \
         bench/cronometre bench/limit_divisio; do
    [ -x "$ROOT/$p" ] || { echo "bench_pi.sh: $p is not built (run make)" >&2; exit 1; }
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/bench_pi.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

progress() { [ -t 2 ] && printf '\r%-79.79s' "$1" >&2; }
progress_end() { [ -t 2 ] && printf '\r%79s\r' "" >&2; }

# ---- builds: o2 = the programs `make` built; fm, nat = built here ----------
# The slide's loop has an int index: only for counts below 2^31.
SLIDE=yes
[ "$RECTS" -lt 2147483648 ] || SLIDE=no
build() {   # build VARIANT FLAGS...: into $TMP/VARIANT; status 1 if the compiler refuses
    _v=$1; shift
    mkdir "$TMP/$_v" || exit 1
    if [ "$_v" != o2 ]; then
        for _p in calcul_pi_1proces calcul_pi_2processos calcul_pi_nprocessos; do
            "$CC" -std=c11 "$@" -o "$TMP/$_v/$_p" "$ROOT/pi/$_p.c" 2>>"$TMP/build.log" || return 1
        done
    else
        for _p in calcul_pi_1proces calcul_pi_2processos calcul_pi_nprocessos; do
            ln -s "$ROOT/pi/$_p" "$TMP/$_v/$_p" || exit 1
        done
    fi
    if [ "$SLIDE" = yes ]; then
        "$CC" -std=c11 "$@" -DNUM_RECTS="$RECTS" -o "$TMP/$_v/diapositiva" \
            "$ROOT/bench/pi_diapositiva.c" 2>>"$TMP/build.log" || return 1
    fi
}
progress "compilant les variants (-O2, -O3 -ffast-math, -march=native)"
build o2 -O2 || { echo "bench_pi.sh: $CC cannot build bench/pi_diapositiva.c: $(head -n 1 "$TMP/build.log")" >&2; exit 1; }
VARIANTS=o2
if build fm -O3 -ffast-math; then VARIANTS="$VARIANTS fm"; else FM_NOTE="$CC -O3 -ffast-math failed"; fi
if build nat -O3 -ffast-math -march=native; then VARIANTS="$VARIANTS nat"; else NAT_NOTE="$CC -march=native failed"; fi

# ---- the divide bound -------------------------------------------------------
progress "bench/limit_divisio $DIVS"
"$ROOT/bench/limit_divisio" "$DIVS" >"$TMP/div" || exit 1
DIV_IND=$(awk '/^divisions independents/ { print $3 }' "$TMP/div")
DIV_DEP=$(awk '/^divisions dependents/ { print $3 }' "$TMP/div")
# The machine's own ceiling for N = CPUs: one divide loop per CPU, all at
# once. If the CPUs slow each other down (shared caches, clock, a virtual
# machine's host), no program can reach an efficiency of 1.
progress "bench/limit_divisio $DIVS x $CPUS alhora"
LOOPS=
k=1
while [ "$k" -le "$CPUS" ]; do
    "$ROOT/bench/limit_divisio" "$DIVS" >"$TMP/div.$k" &
    LOOPS="$LOOPS $!"
    k=$((k + 1))
done
trap 'for p in $LOOPS; do kill "$p" 2>/dev/null; done; rm -rf "$TMP"' EXIT
for p in $LOOPS; do wait "$p" || exit 1; done
LOOPS=
DIV_PAR=$(cat "$TMP"/div.* | awk '/^divisions independents/ { s += $3; n++ } END { printf "%.3f", s / n }')
CEIL=$(awk -v a="$DIV_IND" -v b="$DIV_PAR" 'BEGIN { printf "%.2f", a / b }')

# ---- the runs -------------------------------------------------------------
# A configuration is "NAME N": the program and how many processes it uses.
CONFIGS=
[ "$SLIDE" = yes ] && CONFIGS="diapositiva:1"
CONFIGS="$CONFIGS calcul_pi_1proces:1 calcul_pi_2processos:2"
n=1
while [ "$n" -le "$NMAX" ]; do CONFIGS="$CONFIGS calcul_pi_nprocessos:$n"; n=$((n + 1)); done

total=0
for v in $VARIANTS; do for c in $CONFIGS; do total=$((total + REPEATS)); done; done
: >"$TMP/times"
done_runs=0 r=1
while [ "$r" -le "$REPEATS" ]; do
    for v in $VARIANTS; do
        for c in $CONFIGS; do
            prog=${c%:*} n=${c#*:}
            case $prog in
            diapositiva) set -- ;;
            calcul_pi_nprocessos) set -- "$n" "$RECTS" ;;
            *) set -- "$RECTS" ;;
            esac
            done_runs=$((done_runs + 1))
            progress "[$done_runs/$total] $v $prog $*"
            t=$("$ROOT/bench/cronometre" -o "$TMP/out" "$TMP/$v/$prog" "$@") ||
                { echo "bench_pi.sh: $v/$prog $* failed" >&2; exit 1; }
            grep -q '^pi = 3\.14159[0-9]e+00$' "$TMP/out" ||
                { echo "bench_pi.sh: $v/$prog $* printed '$(head -c 80 "$TMP/out")', not pi" >&2; exit 1; }
            echo "$v $prog $n $t" >>"$TMP/times"
        done
    done
    r=$((r + 1))
done
progress_end

# ---- the table ---------------------------------------------------------------
LOAD=$(cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null) || LOAD=$(uptime | sed 's/.*: //')
echo "Càlcul de pi: $RECTS rectangles, $CPUS CPUs en línia, mediana de $REPEATS repeticions," \
     "compilador $CC (càrrega abans: $LOAD)"
echo "Límit de la divisió escalar (bench/limit_divisio): $DIV_IND ns per divisió independent," \
     "$DIV_DEP ns dependent"
echo "Amb $CPUS bucles de divisió alhora, un per CPU: $DIV_PAR ns cadascun; eficiència màxima" \
     "d'aquesta màquina: $CEIL"
[ -n "${FM_NOTE:-}" ] && echo "Nota: $FM_NOTE; columna buida"
[ -n "${NAT_NOTE:-}" ] && echo "Nota: $NAT_NOTE; columna buida"

awk -v q="'" -v ceil="$CEIL" -v cpus="$CPUS" -v rects="$RECTS" -v bound="$DIV_IND" -v configs="$CONFIGS" '
function med(key,   n, i, j, t, a) {
    n = split(T[key], a, " ")
    for (i = 2; i <= n; i++)            # insertion sort: a handful of values
        for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
function cell(v, prog, n,   key) {
    key = v " " prog " " n
    if (!(key in T)) { printf "  %8s %7s", "-", "-"; return }
    printf "  %8.3f %7.2f", med(key), base / med(key)
}
{ T[$1 " " $2 " " $3] = T[$1 " " $2 " " $3] " " $4 }
END {
    base = med("o2 calcul_pi_1proces 1")
    print ""
    # Literal headers: awk pads by bytes, and "acceleració" has more bytes than letters.
    print "                             -------------------- -O2 (make) -------------------   -O3 -ffast-math   + -march=native"
    print "programa                  N  temps (s) acceleració eficiència  ns/rect   % límit     temps  accel.     temps  accel."
    m = split(configs, C, " ")
    for (i = 1; i <= m; i++) {
        split(C[i], pn, ":"); prog = pn[1]; n = pn[2]
        t = med("o2 " prog " " n)
        used = n < cpus ? n : cpus
        sp = base / t; eff = sp / used; ns = t * 1e9 / rects
        name = prog == "diapositiva" ? "diapositiva (int i)" : prog
        printf "%-22s %4d  %9.3f %11.2f %10.2f %8.3f %8.0f%%", name, n, t, sp, eff, ns, 100 * bound / (ns * used)
        cell("fm", prog, n); cell("nat", prog, n); printf "\n"
        if (prog == "calcul_pi_nprocessos" && n == cpus) effn = eff
        if (prog == "calcul_pi_2processos") eff2 = sp / (cpus < 2 ? cpus : 2)
        if (prog == "diapositiva") slide = t
    }
    print ""
    print "acceleració = temps de calcul_pi_1proces (-O2) / temps; eficiència = acceleració / min(N, CPUs);"
    print "% límit = límit de divisió / (ns per rectangle x min(N, CPUs)): com d" q "a prop va cada CPU del seu divisor."
    printf "Objectiu (issue 5): eficiència >= 0.95 amb N = CPUs = %d: %.3f, %s", cpus, effn,
        (effn >= 0.95 ? "complert" : "NO complert (la màquina estava ocupada? torneu-ho a provar en repòs)")
    printf "; calcul_pi_2processos: %.3f; màxim de la màquina: %s\n", eff2, ceil
    if (slide > 0)
        printf "Objectiu: calcul_pi_1proces no més lent que el bucle de la diapositiva a -O2: %.3f s vs %.3f s, %s\n",
            base, slide, (base <= slide * 1.03 ? "complert (tolerància 3%)" : "NO complert")
}' "$TMP/times"
