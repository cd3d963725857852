#!/bin/sh
# bench/readme.sh — write the results section of bench/README.md from the
# results files, so that the README's figures are always a run's figures,
# with its date, machine and spread.
#
#   $ make bench && sh bench/readme.sh
#   $ sh bench/readme.sh bench/results/ipc_bench-DATA.csv bench/results/bench_pi-DATA.csv
#
# Without arguments it takes the newest ipc_bench-*.csv and bench_pi-*.csv in
# bench/results/. It replaces what lies between the lines
# "<!-- resultats: inici" and "<!-- resultats: fi -->" of the README (or of
# the file named with --readme FITXER), and copies the SVG written beside
# each CSV next to the README, as ipc_bench.svg and bench_pi.svg. When an
# earlier ipc_bench-*.csv sits in the same folder, the section also says how
# far this run agrees with it (bench/compara.sh).

USAGE="readme.sh [--readme FITXER] [IPC_BENCH.csv] [BENCH_PI.csv]"
ROOT=$(cd "$(dirname "$0")/.." && pwd) || exit 1
README=$ROOT/bench/README.md IPC='' PI=''

usage_error() { echo "readme.sh: $1 (Ús: $USAGE)" >&2; exit 1; }
while [ $# -gt 0 ]; do
    case $1 in
    -h) echo "Ús: $USAGE"
        echo "Reescriu la secció de resultats de bench/README.md a partir dels fitxers de bench/results/."
        exit 0 ;;
    --readme) [ $# -ge 2 ] || usage_error "falta el valor de --readme"; README=$2; shift ;;
    -*) usage_error "opció desconeguda '$1'" ;;
    *ipc_bench*.csv) IPC=$1 ;;
    *bench_pi*.csv) PI=$1 ;;
    *) usage_error "'$1': no és un ipc_bench-*.csv ni un bench_pi-*.csv" ;;
    esac
    shift
done
newest() { ls "$ROOT"/bench/results/"$1"-*.csv 2>/dev/null | sort | tail -n 1; }
[ -n "$IPC" ] || IPC=$(newest ipc_bench)
[ -n "$PI" ] || PI=$(newest bench_pi)
[ -n "$IPC" ] && [ -n "$PI" ] ||
    { echo "readme.sh: no hi ha resultats a bench/results/ (executeu primer make bench)" >&2; exit 1; }
for f in "$IPC" "$PI" "$README"; do
    [ -r "$f" ] || { echo "readme.sh: no puc llegir $f" >&2; exit 1; }
done
grep -q '^<!-- resultats: inici' "$README" && grep -q '^<!-- resultats: fi -->' "$README" ||
    { echo "readme.sh: $README no té les línies <!-- resultats: inici ... --> i <!-- resultats: fi -->" >&2; exit 1; }

TMP=$(mktemp "${TMPDIR:-/tmp}/readme.XXXXXX") || exit 1
trap 'rm -f "$TMP" "$TMP.cmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The CSVs' columns (ipc_bench's csv.h says what each means); files from
# before run_seconds (26 columns) are read too.
LC_ALL=C awk -F, -v ipcfile="${IPC#"$ROOT"/}" -v pifile="${PI#"$ROOT"/}" '
function num(v) { return v >= 100 ? sprintf("%.0f", v) : v >= 10 ? sprintf("%.1f", v) : v >= 1 ? sprintf("%.2f", v) : sprintf("%.3g", v) }
function fig(i) { return num(MED[i]) " (" num(MIN[i]) "–" num(MAX[i]) ")" }
function find(section, key, place, bytes,   i) {
    for (i = 1; i <= n; i++)
        if (SEC[i] == section && KEY[i] == key && (place == "" || PL[i] == place) && (bytes == "" || BY[i] == bytes))
            return i
    return 0
}
FNR == 1 { if ($1 != "date" || NF < 26 || NF > 27) { print "readme.sh: " FILENAME ": no és un CSV de ipc_bench o bench_pi" > "/dev/stderr"; bad = 1; exit 1 }; next }
{
    n++
    SEC[n] = $6; KEY[n] = $7; LBL[n] = $8; PL[n] = $9; PLL[n] = $10; BY[n] = $12; CP[n] = $13
    MED[n] = $15; MIN[n] = $16; MAX[n] = $17; NB[n] = $18; BMS[n] = $19; ONE[n] = $20; P99[n] = $21
    FR[n] = $22; REF[n] = $23; W[n] = $24; SP[n] = $25
    m = $1 " · " $2 " · " $3 " · " $4 " CPUs" ($26 != "" ? ", CPU ocupada per altres programes en començar: " $26 " %" : "")
    if ($5 == "ipc_bench") { machine_ipc = m; secs_ipc = $27 }
    else { machine_pi = m; secs_pi = $27 }
    if ($6 == "latency" && !($9 in seen)) { seen[$9] = 1; places[++np] = $9; plabel[$9] = $10 }
    if ($6 == "latency") { lat_nb = $18; lat_ms = $19 }
    if ($6 == "bandwidth" || $6 == "ceiling") { bw_nb = $18; bw_ms = $19 }
    if ($6 == "syscall" || $6 == "start") { one_nb = $18; one_ms = $19 }
    if ($6 == "pi") { pi_nb = $18; if ($7 == "calcul_pi_fils" && !($24 in seenw)) { seenw[$24] = 1; workers[++nw] = $24 } }
}
END {
    if (bad) exit 1
    print "<!-- resultats: inici (l'\''escriu bench/readme.sh a partir dels CSV: no l'\''editeu a mà) -->"
    print ""
    print "Mesurat amb `make bench`: **" machine_ipc "** (ipc_bench) i **" machine_pi "** (π)."
    print "Fitxers: `" ipcfile "`, `" pifile "` (i els `.svg` del costat). Cada xifra és la mediana i,"
    printf "entre parèntesis, el lot més ràpid i el més lent."
    if (secs_ipc != "" && secs_pi != "") printf " `ipc_bench` va trigar %s s, i `bench_pi.sh`, %s s.", secs_ipc, secs_pi
    print ""
    print ""
    print "![ipc_bench: latència, amplada de banda, crides a sistema, fork i fils](ipc_bench.svg)"
    print ""
    printf "**Latència**, µs: 1 byte anada i tornada; mediana de %d lots de ≥ %s ms.\n\n", lat_nb, lat_ms
    printf "| tècnica |"; for (p = 1; p <= np; p++) printf " %s |", plabel[places[p]]; print " lmbench |"
    printf "| --- |"; for (p = 1; p <= np; p++) printf " --- |"; print " --- |"
    for (i = 1; i <= n; i++) {
        if (SEC[i] != "latency" || PL[i] != places[1]) continue
        printf "| %s |", LBL[i]
        for (p = 1; p <= np; p++) { j = find("latency", KEY[i], places[p], ""); printf " %s |", j ? fig(j) : "-" }
        printf " %s |\n", REF[i] == "" ? "-" : "`" REF[i] "`"
    }
    printf "\n**Amplada de banda**, MB/s (1 MB = 10⁶ bytes); mediana de %d finestres de ≥ %s ms.\n", bw_nb, bw_ms
    print "Els `memcpy` són d'\''un sol procés: el sostre.\n"
    print "| tècnica | ubicació | còpies | 64 B | 4 KiB | 64 KiB | 1 MiB |"
    print "| --- | --- | --- | --- | --- | --- | --- |"
    split("64 4096 65536 1048576", SZ, " ")
    for (pass = 1; pass <= 2; pass++)
        for (i = 1; i <= n; i++) {
            if (SEC[i] != (pass == 1 ? "ceiling" : "bandwidth") || BY[i] != 64) continue
            printf "| %s | %s | %s |", LBL[i], PLL[i], CP[i]
            for (k = 1; k <= 4; k++) { j = find(SEC[i], KEY[i], PL[i], SZ[k]); printf " %s |", j ? fig(j) : "-" }
            print ""
        }
    print "\n**mmap contra `memcpy` per l'\''anell** (la mateixa memòria i les mateixes 2 còpies, en un procés):"
    print "quina fracció n'\''assoleix.\n"
    print "| tècnica | ubicació | 64 B | 4 KiB | 64 KiB | 1 MiB |"
    print "| --- | --- | --- | --- | --- | --- |"
    for (i = 1; i <= n; i++) {
        if (SEC[i] != "bandwidth" || BY[i] != 64 || FR[i] == "") continue
        printf "| %s | %s |", LBL[i], PLL[i]
        for (k = 1; k <= 4; k++) { j = find("bandwidth", KEY[i], PL[i], SZ[k]); printf " %s |", j && FR[j] != "" ? num(FR[j]) : "-" }
        print ""
    }
    # What stops the shared ring short of its ceiling, in the numbers of the run.
    c = find("ceiling", "memcpy-ring", "", 65536)
    if (c) {
        print "\nA 64 KiB per missatge, les dues còpies soles (`memcpy` per l'\''anell) tarden " num(65536 / MED[c]) " µs:\n"
        for (i = 1; i <= n; i++) {
            if (SEC[i] != "bandwidth" || BY[i] != 65536 || FR[i] == "") continue
            t = 65536 / MED[i]; l = find("latency", KEY[i], PL[i], "")
            printf "- %s, %s: %s µs per missatge, el %.0f %% del sostre", LBL[i], PLL[i], num(t), 100 * FR[i]
            if (FR[i] < 0.8)
                printf "; els altres %s µs no són les còpies: són %s (una anada i tornada d\0471 byte hi tarda %s µs)",
                    num(t - 65536 / MED[c]), PL[i] == "same-cpu" ? "els canvis d'\''un procés a l'\''altre, perquè a la mateixa CPU només en pot córrer un" : "esperar l'\''altre procés i portar les dades de la memòria cau de l'\''altra CPU", l ? num(MED[l]) : "-"
            print "."
        }
        j = find("ceiling", "memcpy-ring-syscall", "", 65536)
        if (j)
            printf "- Una sola crida a sistema per volta de l%sanell (`getppid()`, que no fa res) ja baixa les còpies soles de %s a %s MB/s: entrar al nucli es paga també després, a les còpies. A la mateixa CPU, l%sanell en fa com a mínim dues per volta (cedir la CPU i tornar-la a tenir).\n", "\047", num(MED[c]), num(MED[j]), "\047"
    }
    printf "\n**Crides a sistema i senyals**, ns per crida, en un procés; mediana de %d lots de ≥ %s ms.\n\n", one_nb, one_ms
    print "| què | ns | lmbench |"
    print "| --- | --- | --- |"
    for (i = 1; i <= n; i++)
        if (SEC[i] == "syscall") printf "| %s | %s | %s |\n", LBL[i], fig(i), REF[i] == "" ? "-" : "`" REF[i] "`"
    print "\n**Engegar un procés o un fil** que no fa res i esperar-lo, µs.\n"
    print "| què | ubicació | µs | lmbench |"
    print "| --- | --- | --- | --- |"
    for (i = 1; i <= n; i++)
        if (SEC[i] == "start") printf "| %s | %s | %s | %s |\n", LBL[i], PLL[i], fig(i), REF[i] == "" ? "-" : "`" REF[i] "`"
    printf "\n**π amb processos i amb fils**, segons; mediana de %d execucions; acceleració = temps de\n", pi_nb
    print "`calcul_pi_1proces` / temps.\n"
    i = find("pi", "calcul_pi_1proces", "", ""); j = find("pi", "calcul_pi_2processos", "", "")
    if (i) printf "`calcul_pi_1proces`: %s s. `calcul_pi_2processos`: %s s, acceleració %.2f.\n\n", fig(i), j ? fig(j) : "-", j ? SP[j] : 0
    print "| N | processos (`calcul_pi_nprocessos`) | acceleració | fils (`calcul_pi_fils`) | acceleració |"
    print "| --- | --- | --- | --- | --- |"
    for (w = 1; w <= nw; w++) {
        for (i = 1; i <= n; i++) if (SEC[i] == "pi" && KEY[i] == "calcul_pi_nprocessos" && W[i] == workers[w]) a = i
        for (i = 1; i <= n; i++) if (SEC[i] == "pi" && KEY[i] == "calcul_pi_fils" && W[i] == workers[w]) b = i
        printf "| %s | %s | %.2f | %s | %.2f |\n", workers[w], fig(a), SP[a], fig(b), SP[b]
    }
    print ""
    print "![π: acceleració amb processos i amb fils](bench_pi.svg)"
}' "$IPC" "$PI" >"$TMP" || exit 1

# Do the figures hold? The run before this one in the same folder, if any,
# against this one (bench/compara.sh): how many figures of each kind agree
# within 10 %, and the latency rows side by side. Names are compared without
# their folder, as written by ipc_bench (a date that sorts).
dir=$(dirname "$IPC")
# shellcheck disable=SC2012   # results files are named by ipc_bench: no odd characters
PREV=$(cd "$dir" && ls ipc_bench-*.csv 2>/dev/null | LC_ALL=C sort |
       LC_ALL=C awk -v me="$(basename "$IPC")" '$0 < me' | tail -n 1)
if [ -n "$PREV" ] && ! sh "$ROOT/bench/compara.sh" "$dir/$PREV" "$IPC" >"$TMP.cmp"; then
    echo "readme.sh: no comparo amb $dir/$PREV (vegeu el missatge de compara.sh); el README no en diu res" >&2
    PREV=
fi
if [ -n "$PREV" ]; then
    {
        echo ""
        echo "**Dues execucions seguides**: cada xifra d'aquesta execució (B) contra la de l'anterior (A),"
        echo "amb \`sh bench/compara.sh\`. Una xifra que no es repeteix no és de la tècnica, sinó del moment."
        echo ""
        sed -n '1,/^- B: /p' "$TMP.cmp"
        echo ""
        sed -n '/^Xifres que coincideixen/,$p' "$TMP.cmp"
        echo ""
        grep -E '^\| (què|---|latència) ' "$TMP.cmp"
    } >>"$TMP"
fi
printf '\n<!-- resultats: fi -->\n' >>"$TMP"

# The README with the section replaced; the charts beside it.
awk -v gen="$TMP" '
/^<!-- resultats: inici/ { while ((getline l < gen) > 0) print l; skip = 1; next }
/^<!-- resultats: fi -->/ { skip = 0; next }
!skip' "$README" >"$README.new" && mv "$README.new" "$README" || { rm -f "$README.new"; exit 1; }
dir=$(dirname "$README")
cp "${IPC%.csv}.svg" "$dir/ipc_bench.svg" || exit 1
cp "${PI%.csv}.svg" "$dir/bench_pi.svg" || exit 1
echo "readme.sh: $README reescrit a partir de $IPC i $PI"
