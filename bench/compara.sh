#!/bin/sh
# bench/compara.sh — do two runs agree? The median of every figure found in
# both results files, side by side, with B/A; a figure whose larger value is
# more than LIMIT % (10) above the smaller is marked. A figure is worth
# quoting only when a second run gives it again. It measures nothing itself.
#
#   $ make bench IPC_BENCH_FLAGS=--quick && make bench IPC_BENCH_FLAGS=--quick
#   $ sh bench/compara.sh                    (the two newest ipc_bench-*.csv)
#   $ sh bench/compara.sh --limit 5 bench/results/ipc_bench-A.csv bench/results/ipc_bench-B.csv
#
# The output is a Markdown table, then how many figures of each kind agree.

USAGE="compara.sh [--limit PERCENT] [A.csv B.csv]"
ROOT=$(cd "$(dirname "$0")/.." && pwd) || exit 1
LIMIT=10 A='' B=''

usage_error() { echo "compara.sh: $1 (Ús: $USAGE)" >&2; exit 1; }
while [ $# -gt 0 ]; do
    case $1 in
    -h) echo "Ús: $USAGE"
        echo "Compara dues execucions de ipc_bench o de bench_pi.sh (per defecte, els dos ipc_bench-*.csv més nous de bench/results/)."
        exit 0 ;;
    --limit) [ $# -ge 2 ] || usage_error "falta el valor de --limit"
        case $2 in '' | *[!0-9]*) usage_error "--limit '$2': no és un nombre enter" ;; esac
        LIMIT=$2; shift ;;
    -*) usage_error "opció desconeguda '$1'" ;;
    *) if [ -z "$A" ]; then A=$1; elif [ -z "$B" ]; then B=$1; else usage_error "massa arguments"; fi ;;
    esac
    shift
done
if [ -z "$A" ]; then
    # shellcheck disable=SC2012   # results files are named by ipc_bench: no odd characters
    two=$(ls "$ROOT"/bench/results/ipc_bench-*.csv 2>/dev/null | sort | tail -n 2)
    [ "$(echo "$two" | grep -c .)" -eq 2 ] ||
        { echo "compara.sh: calen dos resultats a bench/results/ (executeu make bench dues vegades)" >&2; exit 1; }
    A=$(echo "$two" | head -n 1) B=$(echo "$two" | tail -n 1)
fi
[ -n "$B" ] || usage_error "falta el segon fitxer"
for f in "$A" "$B"; do
    [ -r "$f" ] || { echo "compara.sh: no puc llegir $f" >&2; exit 1; }
    [ -s "$f" ] || { echo "compara.sh: $f: és buit" >&2; exit 1; }
done

LC_ALL=C awk -F, -v limit="$LIMIT" -v afile="${A#"$ROOT"/}" -v bfile="${B#"$ROOT"/}" '
function num(v) { return v >= 100 ? sprintf("%.0f", v) : v >= 10 ? sprintf("%.1f", v) : v >= 1 ? sprintf("%.2f", v) : sprintf("%.3g", v) }
function size(b) { return b == "" ? "" : b >= 1048576 ? num(b / 1048576) " MiB" : b >= 1024 ? num(b / 1024) " KiB" : b " B" }
# B over A, and whether the larger of the two is within LIMIT % of the smaller.
function agrees(a, b) { return (b >= a ? b / a : a / b) <= 1 + limit / 100 }
BEGIN {
    SEC["latency"] = "latència"; SEC["bandwidth"] = "amplada de banda"; SEC["ceiling"] = "sostre (memcpy)"
    SEC["syscall"] = "crida a sistema"; SEC["start"] = "engegar"; SEC["pi"] = "π"
    # other-core, smt-sibling and different-cpus are one placement, "two CPUs",
    # whatever the topology said in each run (it may change when vCPUs move).
    PL["same-cpu"] = "mateixa CPU"; PL["one-process"] = "un procés"; PL["unpinned"] = "sense fixar"; PL["two-cpus"] = "CPUs diferents"
}
FNR == 1 {
    if ($1 != "date" || NF < 26 || NF > 27) { print "compara.sh: " FILENAME ": no és un CSV de ipc_bench o bench_pi" > "/dev/stderr"; bad = 1; exit 1 }
    file++; next
}
{
    place = $9 ~ /^(other-core|smt-sibling|different-cpus)$/ ? "two-cpus" : $9
    id = $6 SUBSEP $7 SUBSEP place SUBSEP $12 SUBSEP $24
}
file == 1 { if (!(id in VA)) { order[++n] = id; LABEL[id] = $8 ($6 == "pi" && $24 != "" ? ", N=" $24 : ""); PLACE[id] = $10; BYTES[id] = $12; S[id] = $6; K[id] = $7; P[id] = place; U[id] = $14 == "us" ? "µs" : $14 }
            VA[id] = $15 + 0; WHEN_A = $1; BUSY_A = $26; TOOL_A = $5; next }
{ VB[id] = $15 + 0; WHEN_B = $1; BUSY_B = $26; TOOL_B = $5; if (!(id in VA)) onlyb++ }
END {
    if (bad) exit 1
    if (TOOL_A != TOOL_B) { print "compara.sh: els fitxers són de " TOOL_A " i de " TOOL_B > "/dev/stderr"; exit 1 }
    for (i = 1; i <= n; i++) { id = order[i]; if (id in VB && VA[id] > 0 && VB[id] > 0) { both[id] = 1; nboth++ } else onlyone++ }
    if (!nboth) { print "compara.sh: cap xifra no és als dos fitxers" > "/dev/stderr"; exit 1 }
    printf "Cada xifra és la mediana de la seva fila; B/A, la de B dividida per la d\047A. Amb ⚠, la més gran\n"
    printf "de les dues supera la més petita en més d\047un %d %% (B/A per sobre de %.3f o per sota de %.3f).\n", limit, 1 + limit / 100, 1 / (1 + limit / 100)
    print ""
    print "- A: " afile " (" WHEN_A ", CPU ocupada per altres programes en començar: " BUSY_A " %)"
    print "- B: " bfile " (" WHEN_B ", CPU ocupada per altres programes en començar: " BUSY_B " %)"
    print ""
    print "| què | xifra | ubicació | mida | unitat | A | B | B/A |"
    print "| --- | --- | --- | --- | --- | --- | --- | --- |"
    ns = split("latency bandwidth ceiling syscall start pi", secs, " ")
    for (j = 1; j <= ns; j++) for (i = 1; i <= n; i++) {
        id = order[i]
        if (S[id] != secs[j] || !(id in both)) continue
        ok = agrees(VA[id], VB[id])
        g = SEC[S[id]] ", " PL[P[id]]
        if (!(g in total)) groups[++ng] = g
        total[g]++; agree[g] += ok
        printf "| %s | %s | %s | %s | %s | %s | %s | %.3f%s |\n", SEC[S[id]], LABEL[id], PLACE[id], size(BYTES[id]), U[id], num(VA[id]), num(VB[id]), VB[id] / VA[id], ok ? "" : " ⚠"
    }
    print ""
    printf "Xifres que coincideixen amb un %d %% de diferència com a màxim:\n\n", limit
    for (k = 1; k <= ng; k++)
        print "- " groups[k] ": " agree[groups[k]] " de " total[groups[k]]
    if (onlyone + onlyb)
        printf "- no comparades (només en un dels fitxers, o sense valor): %d\n", onlyone + onlyb
    # The machine itself: fwrite() of an int is almost all CPU work in one
    # process (a write() per 1024 ints); when it moves, the CPU was not as
    # fast in the two runs, and any other figure may have moved with it.
    for (id in both) {
        if (S[id] != "syscall" || K[id] != "fwrite-int") continue
        printf "\nLa CPU mateixa: fwrite() d\047un int (gairebé tot càlcul, en un procés) ha anat de %s a %s ns (B/A %.3f)", num(VA[id]), num(VB[id]), VB[id] / VA[id]
        if (!agrees(VA[id], VB[id]))
            printf ": la màquina no anava igual de ràpid en les dues execucions (altres programes, o altres màquines virtuals a l\047amfitrió), i les altres xifres es poden haver mogut igual"
        print "."
    }
    # Across CPUs, the busy-wait round trip is one cache line passed from CPU
    # to CPU and back: where the CPUs sit changes it several times over (0.17
    # against 0.62 us on a 2-vCPU VM whose host moved them), noise by far less.
    for (id in both) {
        if (S[id] != "latency" || K[id] != "mmap-spin" || P[id] != "two-cpus") continue
        r = VB[id] / VA[id]
        if (r > 1.5 || r < 1 / 1.5)
            printf "\nEntre CPUs, l\047anada i tornada de mmap amb espera activa (una línia de memòria cau que passa d\047una CPU a l\047altra i torna) ha anat de %s a %s µs: les dues CPUs no estaven igual de lluny l\047una de l\047altra en les dues execucions (en una màquina virtual, l\047amfitrió les pot moure), i les altres xifres entre CPUs no es poden comparar.\n", num(VA[id]), num(VB[id])
    }
}' "$A" "$B"
