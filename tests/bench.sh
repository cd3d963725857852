#!/bin/sh
# tests/bench.sh — the benchmarks run with their smallest settings and write
# well-formed results where they say. Only the SHAPE of the output is
# checked: columns, labels, the machine header, parseable CSV, well-formed
# SVG, files where said, nothing left behind. Never a measured value (load
# changes them), nor its rounding. Run after the functional tests, not
# beside them (tests/run.sh).
. "$(dirname "$0")/lib.sh"

mkdir tmp                               # TMPDIR for the programs: must stay empty
TECHS="pipe fifo unix tcp mmap mmap-spin file signal"
TINY="--quick --window 1 --batch 1 --repeats 1"
NUM='[0-9][0-9.e+-]*'
before=$(ls -A "$ROOT/bench/results" 2>/dev/null)

# ---- ipc_bench: the run -----------------------------------------------------
# shellcheck disable=SC2086
TMPDIR=$WORK/tmp ./bench/ipc_bench $TINY --dir out >ipc.out 2>ipc.err
check "ipc_bench $TINY --dir out: exit 0" test $? -eq 0
check "ipc_bench: nothing on stderr (no progress line when stderr is not a terminal)" test ! -s ipc.err
check "ipc_bench leaves no temporary file, FIFO or socket" test -z "$(ls -A tmp)"
CSV=$(ls out/ipc_bench-*.csv 2>/dev/null) SVG=$(ls out/ipc_bench-*.svg 2>/dev/null)
check "--dir: one CSV and one SVG named ipc_bench-DATE, with the same date" \
    sh -c "[ \$(ls out | wc -l) -eq 2 ] && echo '$CSV' | grep -qE '^out/ipc_bench-[0-9]{8}-[0-9]{6}\.csv$' && [ '${CSV%.csv}.svg' = '$SVG' ]"
check "the last line says where the files are" has_line ipc.out "Resultats desats: $CSV i $SVG"

# ---- ipc_bench: the CSV -------------------------------------------------------
HEADER="date,cpu_model,kernel,online_cpus,tool,section,key,label,placement,placement_label,cpus,bytes,copies,unit,median,min,max,batches,batch_ms,per_trip_median,p99,fraction_of_memcpy,lmbench,workers,speedup,cpu_busy_at_start,run_seconds"
check "CSV header" sh -c "head -n 1 '$CSV' | grep -qxF '$HEADER'"
check "CSV: every row has the 27 fields of the header" \
    awk -F, 'NF != 27 { exit 1 }' "$CSV"
check "CSV: every row names the machine (date, CPU model, kernel, online CPUs) and the tool" \
    awk -F, 'NR > 1 && !($1 ~ /^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]/ &&
             $2 != "" && $3 != "" && $4 ~ /^[1-9][0-9]*$/ && $5 == "ipc_bench") { exit 1 }' "$CSV"
check "CSV: median, min, max, batches are numbers and min <= median <= max in every row" \
    awk -F, -v n="^$NUM\$" 'NR > 1 && !($15 ~ n && $16 ~ n && $17 ~ n && $18 ~ /^[1-9][0-9]*$/ &&
             $16 + 0 <= $15 + 0 && $15 + 0 <= $17 + 0) { exit 1 }' "$CSV"
PLACES=$(awk -F, '$6 == "latency" { print $9 }' "$CSV" | sort -u | tr '\n' ' ')
NP=$(echo "$PLACES" | wc -w)
check "CSV: at least one placement ($PLACES), each a known one" \
    sh -c "[ $NP -ge 1 ] && ! echo '$PLACES' | tr ' ' '\n' | grep -v '^$' |
           grep -vxE 'same-cpu|other-core|smt-sibling|different-cpus|unpinned'"
bad=
for t in $TECHS; do
    nl=$(awk -F, -v t="$t" '$6 == "latency" && $7 == t' "$CSV" | wc -l)
    nb=$(awk -F, -v t="$t" '$6 == "bandwidth" && $7 == t' "$CSV" | wc -l)
    want=$((4 * NP)); [ "$t" = signal ] && want=0
    [ "$nl" -eq "$NP" ] && [ "$nb" -eq "$want" ] || bad="$bad $t($nl latency, $nb bandwidth)"
done
check "CSV: each technique has a latency row per placement, 4 bandwidth rows per placement (signals none)$bad" \
    test -z "$bad"
check "CSV: latency rows carry the per-trip median and p99; bandwidth rows a message size and copies" \
    awk -F, -v n="^$NUM\$" '($6 == "latency" && !($20 ~ n && $21 ~ n && $14 == "us")) ||
             ($6 == "bandwidth" && !($12 ~ /^(64|4096|65536|1048576)$/ && $13 ~ /^[1-9]$/ && $14 == "MB/s")) { exit 1 }' "$CSV"
check "CSV: shared-mmap bandwidth rows, and only they, have a fraction of memcpy" \
    awk -F, -v n="^$NUM\$" '$6 == "bandwidth" && (($7 ~ /^mmap/) != ($22 ~ n)) { exit 1 }' "$CSV"
for k in memcpy-cache memcpy-ring memcpy-dram; do
    check "CSV: ceiling $k for the 4 message sizes" \
        test "$(awk -F, -v k="$k" '$6 == "ceiling" && $7 == k && $9 == "one-process"' "$CSV" | wc -l)" -eq 4
done
check "CSV: system-call rows getppid, write-devnull, write-int, write-all, fwrite-int, signal-catch" \
    test "$(awk -F, '$6 == "syscall" { print $7 }' "$CSV" | sort | tr '\n' ' ')" = \
         "fwrite-int getppid signal-catch write-all write-devnull write-int "
check "CSV: fork and thread start rows, side by side at each placement" \
    sh -c "[ \$(awk -F, '\$6 == \"start\" && \$7 == \"fork\"' '$CSV' | wc -l) -ge 1 ] &&
           [ \"\$(awk -F, '\$6 == \"start\" && \$7 == \"fork\" { print \$9 }' '$CSV')\" = \"\$(awk -F, '\$6 == \"start\" && \$7 == \"thread\" { print \$9 }' '$CSV')\" ]"
check "CSV: each lmbench counterpart named (lat_pipe, lat_syscall null, lat_sig catch, lat_proc fork, bw_mem)" \
    awk -F, '$7 == "pipe" && $6 == "latency" && $23 != "lat_pipe" { e = 1 }
             $7 == "getppid" && $23 != "lat_syscall null" { e = 1 }
             $7 == "signal-catch" && $23 != "lat_sig catch" { e = 1 }
             $7 == "fork" && $23 != "lat_proc fork" { e = 1 }
             $7 == "memcpy-dram" && $23 != "bw_mem bcopy" { e = 1 }
             END { exit e }' "$CSV"

# ---- ipc_bench: the text ----------------------------------------------------------
check "text: first line is the machine: date, CPU model, kernel, online CPUs" \
    sh -c "head -n 1 ipc.out | grep -qE '^ipc_bench · [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} .* · .* · .* · [0-9]+ CPUs en línia$'"
check "text: the placements explained (same CPU; two CPUs and what they are)" \
    sh -c "grep -q '^«mateixa CPU»: els dos processos fixats a la CPU [0-9]*' ipc.out || grep -q '^«sense fixar»' ipc.out"
if grep -q 'other-core\|smt-sibling\|different-cpus' "$CSV"; then
    check "text: the two CPUs: other core, SMT sibling or unknown" \
        grep -qE '^«CPUs [0-9]+ i [0-9]+»: un procés a cada una; (nuclis diferents|el mateix nucli \(SMT\)|nucli desconegut)' ipc.out
fi
check "text: the latency table's columns" \
    grep -q '^tècnica  *ubicació  *mediana  *(mín–màx)  *una a una  *p99  *lmbench$' ipc.out
for label in "canonada (pipe)" "canonada amb nom (FIFO)" "socket UNIX" "socket TCP (127.0.0.1)" \
             "mmap compartit (semàfors)" "mmap (espera activa)" "fitxer (sondeig)" "senyals (kill + sigwait)"; do
    n=$(sed -n '/^Latència: /,/^$/p' ipc.out | grep -cF -- "$label")
    check "text: '$label' has $NP latency rows" test "$n" -eq "$NP"
done
check "text: latency rows end with median, (min–max), per-trip median, p99 and the lmbench tool" \
    sh -c "sed -n '/^tècnica /,/^$/p' ipc.out | sed '1d;/^$/d' |
           grep -vE ' $NUM  \($NUM–$NUM\) +$NUM +$NUM  (lat_[a-z]+|-)$' | grep -q . && exit 1 || exit 0"
check "text: the bandwidth table's columns (copies, the 4 sizes)" \
    grep -qE '^ +còpies +64 B +4 KiB +64 KiB +1 MiB$' ipc.out
check "text: a bandwidth row: copies, then 4 medians; under it 4 ranges" \
    sh -c "grep -A1 -E '^canonada \(pipe\) · ' ipc.out | head -n 2 | tr '\n' '|' |
           grep -qE ' +2( +$NUM){4}\| +(\($NUM–$NUM\) *){4}\|'"
check "text: the memcpy ceilings (cache, the ring, DRAM)" \
    sh -c "grep -q '^memcpy (dades a la memòria cau)' ipc.out && grep -q '^memcpy per l.anell de mmap (2 còpies)' ipc.out && grep -q '^memcpy (dades a la DRAM: 2 x [0-9]* MiB)' ipc.out"
check "text: mmap against memcpy through the same ring" grep -q "^mmap contra «memcpy per l'anell»" ipc.out
check "text: system calls beside each other" \
    sh -c "grep -qE '^getppid\(\): una crida que no fa res +$NUM  \($NUM–$NUM\) +lat_syscall null$' ipc.out &&
           grep -qE '^write\(\) d.un int a un fitxer +$NUM ' ipc.out &&
           grep -qE '^senyal a si mateix \(amb gestor\) +$NUM  \($NUM–$NUM\) +lat_sig catch$' ipc.out"
check "text: a process and a thread started, side by side" \
    sh -c "grep -qE '^fork\(\) \+ waitpid\(\): un procés ' ipc.out && grep -qE '^pthread_create\(\) \+ pthread_join\(\): un fil ' ipc.out"
check "text: what to notice, in the student's terms" grep -q '^Què cal observar' ipc.out

# ---- ipc_bench: the SVG ------------------------------------------------------------
check "SVG starts with an XML declaration" sh -c "head -n 1 '$SVG' | grep -q '^<?xml version=\"1.0\" encoding=\"UTF-8\"?>'"
check "SVG opens <svg xmlns=...> and ends with </svg>" \
    sh -c "grep -q '<svg xmlns=\"http://www.w3.org/2000/svg\"' '$SVG' && tail -n 1 '$SVG' | grep -qx '</svg>'"
check "SVG names the machine" sh -c "grep -qE '>ipc_bench · [0-9]{4}-[0-9]{2}-[0-9]{2} .* · [0-9]+ CPUs</text>' '$SVG'"
check "SVG: a panel for latency, each message size, system calls and starting" \
    sh -c "for t in 'Latència' 'missatges de 64 B' 'missatges de 1 MiB' 'Crides a sistema' 'Engegar'; do grep -qF \"\$t\" '$SVG' || exit 1; done"
check "SVG: a label for each technique" \
    sh -c "for l in 'canonada (pipe)' 'socket TCP (127.0.0.1)' 'senyals (kill + sigwait)' 'getppid()' 'pthread_create()'; do grep -qF \"\$l\" '$SVG' || exit 1; done"
if command -v xmllint >/dev/null 2>&1; then
    check "SVG is well-formed XML (xmllint)" xmllint --noout "$SVG"
else
    skip "SVG is well-formed XML (xmllint)" "xmllint not installed"
fi
check "nothing about our own targets in the output, the CSV or the SVG" \
    sh -c "! grep -iqE 'objectiu|issue|% *límit|complert' ipc.out '$CSV' '$SVG'"

# ---- ipc_bench: options, files, stops -----------------------------------------------
TMPDIR=$WORK/tmp ./bench/ipc_bench --quick --batch 1 --only pipe --placement free --csv one.csv >one.out 2>&1
check "--only pipe --placement free --csv one.csv: exit 0" test $? -eq 0
check "--only/--placement: just the pipe, unpinned, and no one-process rows" \
    test "$(awk -F, 'NR > 1 { print $6 "/" $7 "/" $9 }' one.csv | sort -u | tr '\n' ' ')" = \
         "bandwidth/pipe/unpinned latency/pipe/unpinned "
check "--only: the table has no other technique" sh -c "grep -q 'canonada (pipe)' one.out && ! grep -q 'socket UNIX' one.out"
check "--csv alone: the CSV where asked, no SVG, and the last line says so" \
    sh -c "[ ! -e one.svg ] && tail -n 1 one.out | grep -qx 'Resultats desats: one.csv'"
TMPDIR=$WORK/tmp ./bench/ipc_bench --quick --batch 1 --only signal --placement free >none.out 2>&1
check "no file asked for: none written, and the last line says how" \
    sh -c "[ -z \"\$(ls -A tmp)\" ] && tail -n 1 none.out | grep -q -- '--dir CARPETA'"
full_stdout "ipc_bench > /dev/full: exit 1, one line" ./bench/ipc_bench --quick --batch 1 --only signal --placement free

# Stopped in the middle (Ctrl-C, here SIGTERM): the temporary directory and
# the half-written results go too.
mkdir stop
TMPDIR=$WORK/tmp start big ./bench/ipc_bench --dir stop        # the defaults: half a minute
B=$LAST
check "ipc_bench makes its temporary directory in \$TMPDIR" wait_for 10 sh -c 'ls tmp | grep -q ipc_bench'
kill -TERM "$B"
check "ipc_bench ends on SIGTERM (status 143)" exits_with "$B" 143
check "ipc_bench stopped: no temporary directory, no half-written CSV or SVG" \
    sh -c "[ -z \"\$(ls -A tmp)\" ] && [ -z \"\$(ls -A stop)\" ]"

expect_fail "ipc_bench: --repeats abc" "--repeats 'abc': no és un nombre" ./bench/ipc_bench --repeats abc
expect_fail "ipc_bench: --repeats 0" "--repeats '0': com a mínim 1" ./bench/ipc_bench --repeats 0
expect_fail "ipc_bench: --window -1" "--window '-1': no és un nombre" ./bench/ipc_bench --window -1
expect_fail "ipc_bench: --batch 99999999999999999999" "--batch '99999999999999999999': massa gran" \
    ./bench/ipc_bench --batch 99999999999999999999
expect_fail "ipc_bench: --only carrier-pigeon" "--only: no conec 'carrier-pigeon'" ./bench/ipc_bench --only pipe,carrier-pigeon
expect_fail "ipc_bench: --placement nowhere" "--placement: no conec 'nowhere'" ./bench/ipc_bench --placement nowhere
expect_fail "ipc_bench: --csv without a file" "falta el valor de --csv" ./bench/ipc_bench --csv
expect_fail "ipc_bench: unknown option" "opció desconeguda '--fast'" ./bench/ipc_bench --fast
expect_fail "ipc_bench: a stray argument" "opció desconeguda 'extra'" ./bench/ipc_bench extra
expect_fail "ipc_bench: --csv into a missing directory" "No such file or directory" \
    ./bench/ipc_bench --quick --only pipe --csv nodir/r.csv
check "ipc_bench: every usage error says how to call it (Ús:)" \
    sh -c "./bench/ipc_bench --fast 2>&1 | grep -q '(Ús: ipc_bench \[--quick\]'"
check "ipc_bench -h prints usage and a sentence" \
    sh -c './bench/ipc_bench -h >h.out && head -n 1 h.out | grep -q "^Ús: ipc_bench \[--quick\]" && [ $(wc -l <h.out) -ge 2 ]'

# ---- cronometre and limit_divisio ------------------------------------------------
t=$(./bench/cronometre -o pi.out ./pi/calcul_pi_1proces 1000)
check "cronometre prints the seconds, one number" sh -c "echo '$t' | grep -qE '^[0-9]+\.[0-9]{6}$'"
check "cronometre -o: the command's output is in the file" has_line pi.out "pi = 3.141593e+00"
expect_fail "cronometre: a command that does not exist" "No such file or directory" ./bench/cronometre ./no/such/program
check "cronometre: a failing command makes it fail" sh -c '! ./bench/cronometre ./pi/calcul_pi_1proces abc 2>/dev/null'
expect_fail "cronometre: no command" "falta l'ordre" ./bench/cronometre
full_stdout "cronometre > /dev/full: exit 1, one line" ./bench/cronometre ./pi/calcul_pi_1proces 1000
check "limit_divisio: two lines, ns per division" \
    sh -c "./bench/limit_divisio 100000 >div.out && grep -cE '^divisions (dependents|independents): [0-9]+\.[0-9]{3} ns per divisió' div.out | grep -qx 2"
expect_fail "limit_divisio: bad count" "iteracions '1e99': massa gran" ./bench/limit_divisio 1e99
full_stdout "limit_divisio > /dev/full: exit 1, one line" ./bench/limit_divisio 1000

# ---- bench_pi.sh ------------------------------------------------------------------
CPUS=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
NS=$(printf '%s\n' 1 2 "$CPUS" | sort -n | uniq | tr '\n' ' ')
TMPDIR=$WORK/tmp sh ./bench/bench_pi.sh --quick -n 1000 -r 1 --dir piout >pi.txt 2>pi.err
check "bench_pi.sh --quick -n 1000 -r 1 --dir piout: exit 0, nothing on stderr" sh -c "[ $? -eq 0 ] && [ ! -s pi.err ]"
check "bench_pi.sh leaves no temporary file" test -z "$(ls -A tmp)"
PCSV=$(ls piout/bench_pi-*.csv 2>/dev/null) PSVG=$(ls piout/bench_pi-*.svg 2>/dev/null)
check "bench_pi.sh --dir: one CSV and one SVG named bench_pi-DATE, said on the last line" \
    sh -c "[ \$(ls piout | wc -l) -eq 2 ] && [ '${PCSV%.csv}.svg' = '$PSVG' ] && tail -n 1 pi.txt | grep -qxF 'Resultats desats: $PCSV i $PSVG'"
check "bench_pi.sh: first line is the machine" \
    sh -c "head -n 1 pi.txt | grep -qE '^Càlcul de pi amb processos i amb fils · [0-9]{4}-[0-9]{2}-[0-9]{2} .* · [0-9]+ CPUs en línia$'"
check "bench_pi.sh: the reference rows (1 process, 2 processes): N, time, (min–max), speed-up" \
    sh -c "grep -qE '^calcul_pi_1proces +1 +$NUM +\($NUM–$NUM\) +$NUM$' pi.txt && grep -qE '^calcul_pi_2processos +2 +$NUM +\($NUM–$NUM\) +$NUM$' pi.txt"
check "bench_pi.sh: processes and threads side by side for N = $NS" \
    test "$(awk '/^ +N +temps/ { on = 1; next } on && /^ +[0-9]+ / { printf "%s ", $1 } on && /^$/ { on = 0 }' pi.txt)" = "$NS"
check "bench_pi.sh: each N row: time (min–max) speed-up, twice" \
    sh -c "awk '/^ +N +temps/ { on = 1; next } on && /^\$/ { on = 0 } on' pi.txt |
           grep -vE '^ +[0-9]+ +$NUM +\($NUM–$NUM\) +$NUM +$NUM +\($NUM–$NUM\) +$NUM$' | grep -q . && exit 1 || exit 0"
check "bench_pi.sh: CSV with ipc_bench's header" sh -c "head -n 1 '$PCSV' | grep -qxF '$HEADER'"
check "bench_pi.sh: CSV rows: 27 fields, the machine, N and a speed-up" \
    awk -F, -v n="^$NUM\$" 'NR > 1 && !(NF == 27 && $1 ~ /^[0-9][0-9][0-9][0-9]-/ && $2 != "" && $3 != "" &&
             $5 == "bench_pi" && $6 == "pi" && $24 ~ /^[0-9]+$/ && $25 ~ n && $15 ~ n) { exit 1 }' "$PCSV"
check "bench_pi.sh: CSV has processes and threads for each N, and the two reference programs" \
    test "$(awk -F, 'NR > 1 { print $7 ":" $24 }' "$PCSV" | sort | tr '\n' ' ')" = \
         "$(for n in $NS; do echo "calcul_pi_fils:$n"; echo "calcul_pi_nprocessos:$n"; done |
            { cat; echo calcul_pi_1proces:1; echo calcul_pi_2processos:2; } | sort | tr '\n' ' ')"
if command -v xmllint >/dev/null 2>&1; then
    check "bench_pi.sh: SVG is well-formed XML (xmllint)" xmllint --noout "$PSVG"
else
    skip "bench_pi.sh: SVG is well-formed XML (xmllint)" "xmllint not installed"
fi
check "bench_pi.sh: SVG names the machine, processes and threads, each N" \
    sh -c "grep -q '>bench_pi · [0-9]' '$PSVG' && grep -q 'processos (calcul_pi_nprocessos)' '$PSVG' &&
           grep -q 'fils (calcul_pi_fils)' '$PSVG' && for n in $NS; do grep -q \">N = \$n</text>\" '$PSVG' || exit 1; done"
check "bench_pi.sh: nothing about our own targets" sh -c "! grep -iqE 'objectiu|issue|% *límit|complert' pi.txt '$PCSV' '$PSVG'"
TMPDIR=$WORK/tmp start pistop sh ./bench/bench_pi.sh --dir pistop      # the defaults: a few seconds
P=$LAST
check "bench_pi.sh makes its temporary directory in \$TMPDIR" wait_for 10 sh -c 'ls tmp | grep -q bench_pi'
kill -TERM "$P"
check "bench_pi.sh ends on SIGTERM (status 143)" exits_with "$P" 143
check "bench_pi.sh stopped: no temporary directory, no half-written CSV or SVG" \
    sh -c "[ -z \"\$(ls -A tmp)\" ] && [ -z \"\$(ls -A pistop 2>/dev/null)\" ]"
expect_fail "bench_pi.sh: -n abc" "-n 'abc': no és un nombre enter" sh ./bench/bench_pi.sh -n abc
expect_fail "bench_pi.sh: -r 0" "-r '0': ha de ser entre 1 i 99" sh ./bench/bench_pi.sh -r 0
expect_fail "bench_pi.sh: unknown option" "opció desconeguda '--turbo'" sh ./bench/bench_pi.sh --turbo
check "bench_pi.sh -h prints usage" sh -c 'sh ./bench/bench_pi.sh -h >h.out && grep -q "^Ús: bench_pi.sh" h.out'

# ---- readme.sh: the README's figures come from these files ---------------------------
cp "$ROOT/bench/README.md" README.md
sh ./bench/readme.sh --readme README.md "$CSV" "$PCSV" >readme.out 2>&1
check "readme.sh --readme README.md IPC.csv PI.csv: exit 0" test $? -eq 0
sed '/^<!-- resultats: inici/,/^<!-- resultats: fi -->/d' "$ROOT/bench/README.md" >outside.want
sed '/^<!-- resultats: inici/,/^<!-- resultats: fi -->/d' README.md >outside.got
same_file "readme.sh changes nothing outside its markers" outside.want outside.got
sed -n '/^<!-- resultats: inici/,/^<!-- resultats: fi -->/p' README.md >section
check "readme.sh: the section names the machine and the files it comes from" \
    sh -c "grep -qF \"\$(sed -n '2p' '$CSV' | cut -d, -f1-3 | sed 's/,/ · /g')\" section && grep -qF '$CSV' section && grep -qF '$PCSV' section"
check "readme.sh: the section has the tables (latency, bandwidth, system calls, start, pi)" \
    sh -c "for l in '| canonada (pipe) |' '| memcpy per l' '| getppid(): una crida que no fa res |' '| fork() + waitpid(): un procés |' '| 1 |'; do grep -qF \"\$l\" section || exit 1; done"
check "readme.sh: the charts copied beside the README" sh -c "cmp -s '$SVG' ipc_bench.svg && cmp -s '$PSVG' bench_pi.svg"
cp README.md README.once
sh ./bench/readme.sh --readme README.md "$CSV" "$PCSV" >/dev/null 2>&1
same_file "readme.sh twice gives the same README" README.once README.md
echo "no,soc,un,csv" >bad_ipc_bench.csv
expect_fail "readme.sh: a file that is not a results CSV" "no és un CSV de ipc_bench o bench_pi" \
    sh ./bench/readme.sh --readme README.md bad_ipc_bench.csv "$PCSV"

# ---- compara.sh: do two runs agree? (made-up second runs: exact ratios) --------------
mkdir runs
cp "$CSV" runs/ipc_bench-20000101-000001.csv
for f in 000000 000001; do cp "$SVG" runs/ipc_bench-20000101-$f.svg; done    # readme.sh copies the chart
awk -F, 'BEGIN { OFS = "," } $6 == "latency" { $15 *= ($7 == "pipe" ? 1.05 : 1.25) } { print }' "$CSV" >runs/ipc_bench-20000101-000000.csv
NL=$(awk -F, '$6 == "latency"' "$CSV" | wc -l) NBW=$(awk -F, '$6 == "bandwidth"' "$CSV" | wc -l)
sh ./bench/compara.sh "$CSV" runs/ipc_bench-20000101-000000.csv >cmp.out 2>cmp.err
check "compara.sh A.csv B.csv: exit 0, nothing on stderr" sh -c "[ $? -eq 0 ] && [ ! -s cmp.err ]"
check "compara.sh: one table row per latency and bandwidth figure ($NL and $NBW)" \
    sh -c "[ \$(grep -c '^| latència |' cmp.out) -eq $NL ] && [ \$(grep -c '^| amplada de banda |' cmp.out) -eq $NBW ]"
check "compara.sh: B/A of pipe latency is 1.05, unmarked; of FIFO latency 1.25, marked" \
    sh -c "grep '^| latència | canonada (pipe) |' cmp.out | grep -q '| 1.050 |\$' && grep '^| latència | canonada amb nom (FIFO) |' cmp.out | grep -q '| 1.250 ⚠ |\$'"
check "compara.sh: unchanged figures are 1.000, unmarked" sh -c "! grep '^| amplada de banda |' cmp.out | grep -v '| 1.000 |\$'"
check "compara.sh: the summary counts 1 latency figure in 8 agreeing, per placement, and every bandwidth figure" \
    sh -c "grep '^- latència, ' cmp.out | grep -qv ': 1 de 8\$' && exit 1; grep -q '^- latència, mateixa CPU: 1 de 8\$' cmp.out &&
           ! grep '^- amplada de banda, ' cmp.out | grep -v ': \\([0-9]*\\) de \\1\$'"
check "compara.sh --limit 30: every latency figure agrees; --limit 4: pipe's does not" \
    sh -c "sh ./bench/compara.sh --limit 30 '$CSV' runs/ipc_bench-20000101-000000.csv | grep -q '^- latència, mateixa CPU: 8 de 8\$' &&
           sh ./bench/compara.sh --limit 4 '$CSV' runs/ipc_bench-20000101-000000.csv | grep '^| latència | canonada (pipe) |' | grep -q '⚠'"
check "compara.sh names both files and their dates" sh -c "grep -qF -- '- A: $CSV (' cmp.out && grep -qF -- '- B: runs/ipc_bench-20000101-000000.csv (' cmp.out"
check "compara.sh: the CPU itself (fwrite() of an int) unchanged: said, with no warning" \
    sh -c "grep -q '^La CPU mateixa: fwrite() .* (B/A 1.000)\\.\$' cmp.out"
awk -F, 'BEGIN { OFS = "," } $7 == "fwrite-int" { $15 *= 1.25 } { print }' "$CSV" >slower.csv
check "compara.sh: fwrite() of an int 1.25 times slower: the machine was not as fast in both runs" \
    sh -c "sh ./bench/compara.sh '$CSV' slower.csv | grep -q '^La CPU mateixa: .*(B/A 1.250): la màquina no anava igual de ràpid'"
check "compara.sh: figures 1.25 times apart say nothing about where the CPUs sit" sh -c "! grep -q 'no estaven igual de lluny' cmp.out"
if awk -F, '$6 == "latency" && $7 == "mmap-spin" && $9 != "same-cpu" && $9 != "unpinned" { f = 1 } END { exit !f }' "$CSV"; then
    awk -F, 'BEGIN { OFS = "," } $6 == "latency" && $7 == "mmap-spin" && $9 != "same-cpu" { $15 *= 3 } { print }' "$CSV" >moved.csv
    check "compara.sh: busy-wait across CPUs 3 times slower: it says the CPUs were not as close" \
        sh -c "sh ./bench/compara.sh '$CSV' moved.csv | grep -q '^Entre CPUs, .* les dues CPUs no estaven igual de lluny'"
else
    skip "compara.sh: busy-wait across CPUs 3 times slower: it says the CPUs were not as close" "no run across two CPUs here"
fi
awk -F, 'BEGIN { OFS = "," } $7 == "fwrite-int" || ($6 == "latency" && $7 == "pipe" && $9 == "same-cpu") { $15 = "" } { print }' "$CSV" >holes.csv
check "compara.sh: figures without a value are left out and counted, not divided by" \
    sh -c "sh ./bench/compara.sh '$CSV' holes.csv >holes.out 2>&1 && grep -q '^- no comparades (només en un dels fitxers, o sense valor): 2\$' holes.out &&
           ! grep -q 'La CPU mateixa' holes.out && ! grep -q '^| latència | canonada (pipe) | mateixa' holes.out"
awk -F, 'BEGIN { OFS = "," } $9 == "other-core" || $9 == "different-cpus" { $9 = "smt-sibling" } { print }' "$CSV" >sibling.csv
check "compara.sh: two CPUs are two CPUs whatever the topology said in each run ($NL latency rows compared)" \
    sh -c "sh ./bench/compara.sh '$CSV' sibling.csv >sibling.out && [ \$(grep -c '^| latència |' sibling.out) -eq $NL ] && ! grep -q 'no comparades' sibling.out"
: >empty0.csv
expect_fail "compara.sh: an empty file" "empty0.csv: és buit" sh ./bench/compara.sh empty0.csv "$CSV"
check "compara.sh -h prints usage" sh -c 'sh ./bench/compara.sh -h >h.out && grep -q "^Ús: compara.sh" h.out'
expect_fail "compara.sh: files of two different tools" "els fitxers són de ipc_bench i de bench_pi" sh ./bench/compara.sh "$CSV" "$PCSV"
expect_fail "compara.sh: a file that is not a results CSV" "no és un CSV de ipc_bench o bench_pi" sh ./bench/compara.sh bad_ipc_bench.csv "$CSV"
head -n 1 "$CSV" >empty.csv
expect_fail "compara.sh: no figure in both files" "cap xifra no és als dos fitxers" sh ./bench/compara.sh empty.csv empty.csv
expect_fail "compara.sh: one file only" "falta el segon fitxer" sh ./bench/compara.sh "$CSV"
expect_fail "compara.sh: --limit abc" "--limit 'abc': no és un nombre enter" sh ./bench/compara.sh --limit abc "$CSV" "$CSV"
expect_fail "compara.sh: a file it cannot read" "no puc llegir no-such.csv" sh ./bench/compara.sh "$CSV" no-such.csv

# readme.sh compares the run with the one before it in the same folder.
cp "$ROOT/bench/README.md" README.md
sh ./bench/readme.sh --readme README.md runs/ipc_bench-20000101-000001.csv "$PCSV" >/dev/null 2>&1
st=$?
sed -n '/^<!-- resultats: inici/,/^<!-- resultats: fi -->/p' README.md >section2
check "readme.sh with an earlier run beside it: exit 0, a section comparing the two, with the latency rows" \
    sh -c "[ $st -eq 0 ] && grep -q '^\*\*Dues execucions seguides\*\*' section2 && grep -qF -- '- A: runs/ipc_bench-20000101-000000.csv (' section2 &&
           grep -q '^- latència, mateixa CPU: 1 de 8\$' section2 && [ \$(grep -c '^| latència |' section2) -eq $NL ]"
(cd runs && sh "$ROOT/bench/readme.sh" --readme ../README.md ipc_bench-20000101-000001.csv "../$PCSV" >/dev/null 2>&1)
sed -n '/^<!-- resultats: inici/,/^<!-- resultats: fi -->/p' README.md >section3
check "readme.sh given a bare file name: the earlier run is the one before it, not itself" \
    sh -c "grep -qF -- '- A: ./ipc_bench-20000101-000000.csv (' section3 && grep -qF -- '- B: ipc_bench-20000101-000001.csv (' section3"
(cd runs && sh "$ROOT/bench/readme.sh" --readme ../README.md ipc_bench-20000101-000000.csv "../$PCSV" >/dev/null 2>&1)
check "readme.sh given the earliest run by a bare name: no comparison" sh -c "! grep -q 'Dues execucions seguides' README.md"
cut -d, -f1-25 "$CSV" >runs/ipc_bench-19990101-000000.csv      # an old file of another shape
sh ./bench/readme.sh --readme README.md runs/ipc_bench-20000101-000000.csv "$PCSV" >old.out 2>old.err
check "readme.sh: an unreadable earlier run is skipped with a warning, the README still written" \
    sh -c "[ $? -eq 0 ] && grep -q '^readme.sh: no comparo amb ' old.err && ! grep -q 'Dues execucions seguides' README.md && grep -q '^| canonada (pipe) |' README.md"
check "readme.sh without an earlier run: no comparison" sh -c "! grep -q 'Dues execucions seguides' section"

check "the tests wrote nothing into bench/results/" test "$(ls -A "$ROOT/bench/results" 2>/dev/null)" = "$before"
done_testing
