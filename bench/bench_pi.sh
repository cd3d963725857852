#!/bin/sh
# bench/bench_pi.sh — pi with processes and with threads: how much faster
# with 2 (or N)?
#
# Slide: "El temps d'execució amb 2 processos és menor que amb un procés", and
# its last words, "s'acostumen a fer servir fils". Times pi/calcul_pi_1proces,
# calcul_pi_2processos, and calcul_pi_nprocessos N beside calcul_pi_fils N for
# N = 1, 2 and the number of CPUs: the median of several runs (interleaved, so
# that a noisy moment hits every program alike), the fastest and the slowest,
# and the speed-up = time of calcul_pi_1proces / time. Beside them, the time
# of one double division (bench/limit_divisio), the loop's limit.
#
#   $ sh bench/bench_pi.sh [-n RECTANGLES] [-r REPETICIONS] [--quick] [--dir CARPETA]
#   $ make bench-pi        (the same, saving CSV and SVG in bench/results/)
#
# It prints numbers and checks none. With --dir (or --csv, --svg) it also
# writes bench_pi-DATE.csv (the columns of ipc_bench's CSV) and .svg.

USAGE="bench_pi.sh [-n RECTANGLES] [-r REPETICIONS] [--quick] [--dir CARPETA] [--csv FITXER] [--svg FITXER]"
ROOT=$(cd "$(dirname "$0")/.." && pwd) || exit 1

usage_error() { echo "bench_pi.sh: $1 (Ús: $USAGE)" >&2; exit 1; }

# whole NAME VALUE MIN MAX: VALUE must be a whole number from MIN to MAX.
whole() {
    case $2 in ''|*[!0-9]*) usage_error "$1 '$2': no és un nombre enter" ;; esac
    [ "${#2}" -le 15 ] && [ "$2" -ge "$3" ] && [ "$2" -le "$4" ] ||
        usage_error "$1 '$2': ha de ser entre $3 i $4"
}

CPUS=$(getconf _NPROCESSORS_ONLN 2>/dev/null) || CPUS=1
case $CPUS in ''|*[!0-9]*|0) CPUS=1 ;; esac
RECTS=250000000 REPEATS=5 DIVS=20000000 DIR='' CSV='' SVG=''
while [ $# -gt 0 ]; do
    case $1 in
    -h) echo "Ús: $USAGE"
        echo "Mesura quant més de pressa calculen pi 2 o N processos, i 2 o N fils, que un sol procés."
        exit 0 ;;
    -n|-r|--dir|--csv|--svg) [ $# -ge 2 ] || usage_error "falta el valor de $1" ;;
    --quick) ;;
    *) usage_error "opció desconeguda '$1'" ;;
    esac
    case $1 in
    -n) whole -n "$2" 1000 10000000000000; RECTS=$2; shift ;;
    -r) whole -r "$2" 1 99; REPEATS=$2; shift ;;
    --dir) DIR=$2; shift ;;
    --csv) CSV=$2; shift ;;
    --svg) SVG=$2; shift ;;
    --quick) RECTS=2000000 REPEATS=3 DIVS=1000000 ;;
    esac
    shift
done

for p in pi/calcul_pi_1proces pi/calcul_pi_2processos pi/calcul_pi_nprocessos pi/calcul_pi_fils \
         bench/cronometre bench/limit_divisio; do
    [ -x "$ROOT/$p" ] || { echo "bench_pi.sh: falta $p (executeu make)" >&2; exit 1; }
done

# The machine, as ipc_bench writes it.
DATE=$(date '+%Y-%m-%d %H:%M %z') STAMP=$(date '+%Y%m%d-%H%M%S') START=$(date '+%s')
MODEL=$(awk -F': *' '/^(model name|Hardware|cpu model|Processor|uarch)[ \t]*:/ { print $2; exit }' \
        /proc/cpuinfo 2>/dev/null)
[ -n "$MODEL" ] || MODEL=$(uname -m)
MODEL=$(printf '%s' "$MODEL" | tr ',"\t' '   ' | tr -s ' ' | sed 's/^ //; s/ $//')
KERNEL=$(uname -sr | tr ',"' '  ')
# How busy the CPUs were just before: the share of their time that other
# programs used over a quarter of a second (Linux), as ipc_bench says it.
ticks() { awk '/^cpu / { t = 0; for (i = 2; i <= 9; i++) t += $i; print t - $5 - $6, t }' /proc/stat 2>/dev/null; }
BUSY=''
if T0=$(ticks) && [ -n "$T0" ]; then
    sleep 0.25
    BUSY=$(printf '%s %s\n' "$T0" "$(ticks)" | awk '$4 > $2 { printf "%.0f", 100 * ($3 - $1) / ($4 - $2) }')
fi

# Whatever stops the script, nothing stays: the background loops are killed
# and waited for (also one started just before the signal), the temporary
# directory goes, and so do the result files unless they were finished.
TMP='' LOOPS='' MADE='' DONE=''
cleanup() {
    for p in $LOOPS; do kill "$p" 2>/dev/null; done
    wait
    [ -z "$TMP" ] || rm -rf "$TMP"
    [ -z "$MADE" ] || [ -n "$DONE" ] || rm -f -- ${CSV:+"$CSV"} ${SVG:+"$SVG"}
}
trap cleanup EXIT
trap 'exit 129' HUP
trap 'exit 130' INT
trap 'exit 143' TERM

# The files are written to the temporary directory and moved into place at
# the end: a run cut short leaves nothing half written.
if [ -n "$DIR" ]; then
    mkdir -p "$DIR" || exit 1
    CSV=${CSV:-$DIR/bench_pi-$STAMP.csv} SVG=${SVG:-$DIR/bench_pi-$STAMP.svg}
fi
MADE=1
for f in "$CSV" "$SVG"; do
    [ -z "$f" ] || : >>"$f" || exit 1          # a bad path fails now, not after a minute
done
TMP=$(mktemp -d "${TMPDIR:-/tmp}/bench_pi.XXXXXX") || exit 1

progress() { [ -t 2 ] && printf '\r%-79.79s' "$1" >&2; }
progress_end() { [ -t 2 ] && printf '\r%79s\r' "" >&2; }

# ---- the divide bound: one loop, then one per CPU at once ---------------------
progress "bench/limit_divisio $DIVS"
"$ROOT/bench/limit_divisio" "$DIVS" >"$TMP/div" || exit 1
k=1
while [ "$k" -le "$CPUS" ]; do
    "$ROOT/bench/limit_divisio" "$DIVS" >"$TMP/div.$k" &
    LOOPS="$LOOPS $!"
    k=$((k + 1))
done
for p in $LOOPS; do wait "$p" || exit 1; done
LOOPS=
DIV_ONE=$(awk '/^divisions independents/ { print $3 }' "$TMP/div")
DIV_ALL=$(cat "$TMP"/div.* | awk '/^divisions independents/ { s += $3; n++ } END { printf "%.3g", s / n }')

# ---- the runs: "PROGRAM N" configurations, interleaved repeats ---------------------
NS=$(printf '%s\n' 1 2 "$CPUS" | sort -n | uniq | tr '\n' ' ')
CONFIGS="calcul_pi_1proces:1 calcul_pi_2processos:2"
for n in $NS; do CONFIGS="$CONFIGS calcul_pi_nprocessos:$n calcul_pi_fils:$n"; done
total=0
for c in $CONFIGS; do total=$((total + REPEATS)); done
: >"$TMP/times"
done_runs=0 r=1
while [ "$r" -le "$REPEATS" ]; do
    for c in $CONFIGS; do
        prog=${c%:*} n=${c#*:}
        case $prog in
        calcul_pi_nprocessos|calcul_pi_fils) set -- "$n" "$RECTS" ;;
        *) set -- "$RECTS" ;;
        esac
        done_runs=$((done_runs + 1))
        progress "[$done_runs/$total] $prog $*"
        t=$("$ROOT/bench/cronometre" -o "$TMP/out" "$ROOT/pi/$prog" "$@") ||
            { echo "bench_pi.sh: pi/$prog $* ha fallat" >&2; exit 1; }
        grep -q '^pi = 3\.14159[0-9]e+00$' "$TMP/out" ||
            { echo "bench_pi.sh: pi/$prog $* ha escrit '$(head -c 80 "$TMP/out")', no pi" >&2; exit 1; }
        echo "$prog $n $t" >>"$TMP/times"
    done
    r=$((r + 1))
done
progress_end

# ---- the table, the CSV and the SVG ------------------------------------------------
LC_ALL=C awk -v rects="$RECTS" -v repeats="$REPEATS" -v cpus="$CPUS" -v ns="$NS" -v date="$DATE" \
    -v model="$MODEL" -v kernel="$KERNEL" -v busy="$BUSY" -v secs="$(($(date '+%s') - START))" -v div1="$DIV_ONE" -v divall="$DIV_ALL" \
    -v csv="$TMP/csv" -v svg="$TMP/svg" '
function sorted(key,   n, i, j, t) {        # S[1..n]: the times of KEY, sorted
    n = split(T[key], S, " ")
    for (i = 2; i <= n; i++)
        for (j = i; j > 1 && S[j - 1] + 0 > S[j] + 0; j--) { t = S[j]; S[j] = S[j - 1]; S[j - 1] = t }
    return n
}
function stat(key,   n) {                   # MED, MIN, MAX of KEY
    n = sorted(key)
    MED = n % 2 ? S[(n + 1) / 2] : (S[n / 2] + S[n / 2 + 1]) / 2
    MIN = S[1]; MAX = S[n]
}
function num(v) { return v >= 100 ? sprintf("%.0f", v) : v >= 10 ? sprintf("%.1f", v) : v >= 1 ? sprintf("%.2f", v) : sprintf("%.3g", v) }
function cell(key,   s) {                   # "0.245   (0.244–0.247)        1.98"
    stat(key)
    return sprintf("%-7s %-17s %11.2f", num(MED), "(" num(MIN) "–" num(MAX) ")", base / MED)
}
function csvrow(prog, n) {
    stat(prog " " n)
    printf "%s,%s,%s,%d,bench_pi,pi,%s,%s,unpinned,sense fixar,,,,s,%.6g,%.6g,%.6g,%d,,,,,,%d,%.6g,%s,%d\n",
        date, model, kernel, cpus, prog, prog, MED, MIN, MAX, repeats, n, base / MED, busy, secs > csv
}
function bar(x, y, w, h, color, label) {
    printf "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n", x, y, w, h, color > svg
    printf "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">%s</text>\n", x + w + 6, y + h - 2, label > svg
}
{ T[$1 " " $2] = T[$1 " " $2] " " $3 }
END {
    stat("calcul_pi_1proces 1"); base = MED
    printf "Càlcul de pi amb processos i amb fils · %s · %s · %s · %d CPUs en línia\n", date, model, kernel, cpus
    printf "%d rectangles; temps en segons, mediana de %d execucions intercalades, entre parèntesis\n", rects, repeats
    printf "la més ràpida i la més lenta. Acceleració = temps de calcul_pi_1proces / temps.\n"
    if (busy != "")
        printf "CPU ocupada per altres programes en començar: %s %%%s\n", busy,
            (busy + 0 > 10) ? " (massa: els números en sortiran més lents i més dispersos)" : "."
    printf "\n"
    # Widths count bytes (LC_ALL=C): "–" is 3 bytes, "í", "à", "ó" 2 each.
    printf "%-22s %3s   %-7s %-19s %12s\n", "programa", "N", "temps", "(mín–màx)", "acceleració"
    printf "%-22s %3d   %s\n", "calcul_pi_1proces", 1, cell("calcul_pi_1proces 1")
    printf "%-22s %3d   %s\n\n", "calcul_pi_2processos", 2, cell("calcul_pi_2processos 2")
    printf "%3s   %-35s   %-35s\n", "", "processos (calcul_pi_nprocessos N)", "fils (calcul_pi_fils N)"
    printf "%3s   %-7s %-19s %12s   %-7s %-19s %12s\n", "N", "temps", "(mín–màx)", "acceleració", "temps", "(mín–màx)", "acceleració"
    m = split(ns, N, " ")
    for (i = 1; i <= m; i++)
        printf "%3d   %s   %s\n", N[i], cell("calcul_pi_nprocessos " N[i]), cell("calcul_pi_fils " N[i])
    printf "\nUna divisió de double: %s ns (bench/limit_divisio); amb %d bucles de divisions alhora, un per CPU:\n", num(div1), cpus
    printf "%s ns cadascun. El bucle de pi fa una divisió per rectangle: no pot anar més de pressa que això.\n", num(divall)
    stat("calcul_pi_nprocessos 2"); p2 = base / MED
    stat("calcul_pi_fils 2"); f2 = base / MED
    stat("calcul_pi_1proces 1")
    printf "\nQuè cal observar (amb els números d\047aquesta execució):\n"
    ns1 = MED * 1e9 / rects
    printf "- Un procés: %s ns per rectangle; una divisió sola, %s ns: ", num(ns1), num(div1)
    if (ns1 < 1.25 * div1)
        printf "el bucle va al ritme del divisor.\n"
    else
        printf "el bucle va més lent que el divisor\n  (amb pocs rectangles, hi pesa engegar el programa).\n"
    printf "- Amb 2 processos l\047acceleració és %.2f; amb 2 fils, %.2f. El càlcul i el resultat són els mateixos;\n", p2, f2
    printf "  el que canvia és com tornen la suma (una canonada, o la memòria que els fils ja comparteixen)\n"
    printf "  i quant costa crear-los (ipc_bench: «Engegar un procés o un fil»): poc, al costat de tot el càlcul.\n"
    printf "- L\047acceleració ideal és N fins a %d (les CPUs): amb més processos o fils que CPUs, s\047han de\n", cpus
    printf "  repartir les mateixes CPUs. I el temps és el del procés o fil que acaba més tard.\n"
    if (busy + 0 > 10)
        printf "- Una altra cosa feia servir les CPUs (%s %% en començar): torneu-ho a mesurar.\n", busy

    printf "date,cpu_model,kernel,online_cpus,tool,section,key,label,placement,placement_label,cpus,bytes,copies,unit,median,min,max,batches,batch_ms,per_trip_median,p99,fraction_of_memcpy,lmbench,workers,speedup,cpu_busy_at_start,run_seconds\n" > csv
    csvrow("calcul_pi_1proces", 1); csvrow("calcul_pi_2processos", 2)
    for (i = 1; i <= m; i++) { csvrow("calcul_pi_nprocessos", N[i]); csvrow("calcul_pi_fils", N[i]) }

    # SVG: per N, two bars of speed-up (processes, threads) and the ideal, min(N, CPUs).
    top = 1; for (i = 1; i <= m; i++) if (N[i] > top) top = N[i]
    scale = 420 / (top * 1.1); y = 90
    height = 110 + m * 70 + 40
    printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"760\" height=\"%d\" viewBox=\"0 0 760 %d\" font-family=\"sans-serif\">\n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n", height, height > svg
    printf "<text x=\"20\" y=\"26\" font-size=\"16\">bench_pi · %s · %s · %s · %d CPUs</text>\n", date, model, kernel, cpus > svg
    printf "<text x=\"20\" y=\"46\" font-size=\"11\">Acceleració sobre calcul_pi_1proces (%d rectangles, mediana de %d); línia negra: la ideal, min(N, CPUs)</text>\n", rects, repeats > svg
    printf "<rect x=\"20\" y=\"58\" width=\"12\" height=\"10\" fill=\"#3b6fb6\"/><text x=\"36\" y=\"67\" font-size=\"11\">processos (calcul_pi_nprocessos)</text>\n" > svg
    printf "<rect x=\"260\" y=\"58\" width=\"12\" height=\"10\" fill=\"#e07b28\"/><text x=\"276\" y=\"67\" font-size=\"11\">fils (calcul_pi_fils)</text>\n" > svg
    for (i = 1; i <= m; i++) {
        printf "<text x=\"150\" y=\"%d\" text-anchor=\"end\" font-size=\"12\">N = %d</text>\n", y + 30, N[i] > svg
        stat("calcul_pi_nprocessos " N[i]); bar(160, y + 4, base / MED * scale, 22, "#3b6fb6", sprintf("%.2f (%s s)", base / MED, num(MED)))
        stat("calcul_pi_fils " N[i]); bar(160, y + 30, base / MED * scale, 22, "#e07b28", sprintf("%.2f (%s s)", base / MED, num(MED)))
        ideal = N[i] < cpus ? N[i] : cpus
        printf "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\" stroke-width=\"2\"/>\n", 160 + ideal * scale, y, 160 + ideal * scale, y + 56 > svg
        y += 70
    }
    printf "<line x1=\"160\" y1=\"86\" x2=\"160\" y2=\"%d\" stroke=\"#999\"/>\n</svg>\n", y > svg
}' "$TMP/times" || exit 1

if [ -n "$CSV" ]; then mv "$TMP/csv" "$CSV" || exit 1; fi
if [ -n "$SVG" ]; then mv "$TMP/svg" "$SVG" || exit 1; fi
DONE=1
if [ -n "$CSV$SVG" ]; then
    echo
    echo "Resultats desats: $CSV${CSV:+${SVG:+ i }}$SVG"
fi
