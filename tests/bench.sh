#!/bin/sh
# tests/bench.sh — the benchmarks run on tiny sizes and print well-formed
# results. Numbers are never compared with a target: only their shape is checked.
. "$(dirname "$0")/lib.sh"

mkdir tmp                               # TMPDIR for the programs: must stay empty
TECHS="pipe fifo unix tcp mmap mmap-spin file signal"

# ---- ipc_bench ---------------------------------------------------------------
TMPDIR=$WORK/tmp ./bench/ipc_bench --quick --csv r.csv --svg r.svg >ipc.out 2>ipc.err
check "ipc_bench --quick exits 0" test $? -eq 0
check "ipc_bench --quick: nothing on stderr (no progress line when stderr is not a terminal)" \
    test ! -s ipc.err
check "ipc_bench leaves no temporary file, FIFO or socket" test -z "$(ls -A tmp)"

# The placements it used (same-cpu and different-cpus, or unpinned on a
# system that cannot pin), from the CSV; each technique must have each one.
PLACES=$(awk -F, '$1 == "latency" { print $3 }' r.csv | sort -u | tr '\n' ' ')
NP=$(echo "$PLACES" | wc -w)
check "ipc_bench measured at least one placement ($PLACES)" test "$NP" -ge 1
check "CSV header" has_line r.csv "test,technique,placement,cpus,msg_bytes,value,unit,p99,fraction_of_memcpy"
bad=
for t in $TECHS; do
    nl=$(awk -F, -v t="$t" '$1 == "latency" && $2 == t' r.csv | wc -l)
    nb=$(awk -F, -v t="$t" '$1 == "bandwidth" && $2 == t' r.csv | wc -l)
    want=$((4 * NP)); [ "$t" = signal ] && want=0
    [ "$nl" -eq "$NP" ] && [ "$nb" -eq "$want" ] || bad="$bad $t($nl latency, $nb bandwidth rows)"
done
check "CSV: every technique has a latency row per placement and 4 bandwidth rows (none for signals)$bad" \
    test -z "$bad"
check "CSV: memcpy ceiling for the 4 message sizes" \
    test "$(grep -c '^bandwidth,memcpy,one-process,,[0-9]*,' r.csv)" -eq 4
check "CSV: write() each, fwrite() each, one write()" \
    test "$(grep -cE '^syscall,(write-each|fwrite-each|write-once),' r.csv)" -eq 3
check "CSV: row count" test "$(wc -l <r.csv)" -eq $((1 + 8 * NP + 4 + 7 * 4 * NP + 3))
# Every value is a positive number; p99 >= median; fractions positive.
awk -F, 'NR > 1 && !($6 ~ /^[0-9]+(\.[0-9]+)?$/ && $6 > 0) { print "line " NR ": " $0; bad = 1 }
         $1 == "latency" && !($8 + 0 >= $6 + 0) { print "p99 < median, line " NR; bad = 1 }
         $1 == "bandwidth" && !($9 + 0 > 0) { print "fraction, line " NR; bad = 1 }
         END { exit bad }' r.csv >csv.bad
if [ $? -eq 0 ]; then ok "CSV: every number is positive, p99 >= median"; else not_ok "CSV: every number is positive, p99 >= median" "$(head -n 5 csv.bad)"; fi

# The table: each technique's row, with each placement, in the latency table.
for label in "canonada (pipe)" "canonada amb nom (FIFO)" "socket UNIX" "socket TCP (loopback)" \
             "mmap compartit" "mmap (espera activa)" "fitxer (sondeig)" "senyals (SIGUSR1)"; do
    n=$(sed -n '/^Latència: /,/^$/p' ipc.out | grep -cF -- "$label")
    check "table: '$label' has $NP latency rows" test "$n" -eq "$NP"
done
# A row is: label, placement, median, p99 — both numbers positive.
bad=$(sed -n '/^Latència: /,/^$/p' ipc.out | sed '1,2d;/^$/d' |
      awk '{ if (!($(NF-1) > 0 && $NF > 0)) print }')
check "table: every latency row ends with two positive numbers" test -z "$bad"
check "table: bandwidth header with the 4 message sizes" \
    sh -c "grep -q '64 B .*4 KiB .*64 KiB .*1 MiB' ipc.out"
check "table: memcpy row, 100% of itself" sh -c "grep '^memcpy (1 procés)  *un procés' ipc.out | grep -q '(100%)'"
check "table: 3 system-call rows" \
    test "$(grep -cE '^(write\(\) per cada int|fwrite\(\) per cada int|un sol write\(\)) +[0-9]' ipc.out)" -eq 3
check "bar charts of plain '#' characters (latency, bandwidth, system calls)" \
    test "$(grep -c ' #\{1,\} \{1,\}[0-9.]*$' ipc.out)" -ge $((8 * NP + 1 + 7 * NP + 3))
check "every row says its placement" \
    sh -c "sed -n '/^Latència: /,/^$/p' ipc.out | sed '1,2d;/^$/d' | grep -vqE 'mateixa CPU|CPUs [0-9]+ i [0-9]+|sense fixar' && exit 1 || exit 0"

# The SVG: XML that opens and closes an <svg> element, with a bar per row.
check "SVG starts with an XML declaration" sh -c "head -n 1 r.svg | grep -q '^<?xml version=\"1.0\" encoding=\"UTF-8\"?>'"
check "SVG opens <svg xmlns=...>" contains r.svg '<svg xmlns="http://www.w3.org/2000/svg"'
check "SVG ends with </svg>" sh -c "tail -n 1 r.svg | grep -qx '</svg>'"
check "SVG has a label for each technique" sh -c "for l in 'canonada (pipe)' 'socket TCP (loopback)' 'senyals (SIGUSR1)' 'un sol write()'; do grep -qF \"\$l\" r.svg || exit 1; done"
if command -v xmllint >/dev/null 2>&1; then
    check "SVG is well-formed XML (xmllint)" xmllint --noout r.svg
else
    skip "SVG is well-formed XML (xmllint)" "xmllint not installed"
fi

# Options narrow the run.
TMPDIR=$WORK/tmp ./bench/ipc_bench --quick --only pipe,signal --placement free --csv one.csv >one.out 2>&1
check "--only pipe,signal --placement free: exit 0" test $? -eq 0
check "--only/--placement: just pipe and signals, unpinned" \
    test "$(awk -F, '$1 == "latency" { print $2 "/" $3 }' one.csv | tr '\n' ' ')" = "pipe/unpinned signal/unpinned "
check "--only: the table has no other technique" sh -c "grep -q 'canonada (pipe)' one.out && ! grep -q 'socket UNIX' one.out"

# Ctrl-C (here SIGTERM) in the middle: the temporary directory goes too.
TMPDIR=$WORK/tmp start big ./bench/ipc_bench      # the defaults: about 30 s
B=$LAST
check "ipc_bench makes its temporary directory in \$TMPDIR" wait_for 10 sh -c 'ls tmp | grep -q ipc_bench'
kill -TERM "$B"
check "ipc_bench ends on SIGTERM (status 143)" exits_with "$B" 143
check "ipc_bench removes its temporary directory when killed" test -z "$(ls -A tmp)"

# Bad input.
expect_fail "ipc_bench: --rounds abc" "bad value for --rounds" ./bench/ipc_bench --rounds abc
expect_fail "ipc_bench: --rounds 0" "bad value for --rounds" ./bench/ipc_bench --rounds 0
expect_fail "ipc_bench: --volume -1" "bad value for --volume" ./bench/ipc_bench --volume -1
expect_fail "ipc_bench: --volume 12X" "bad value for --volume" ./bench/ipc_bench --volume 12X
expect_fail "ipc_bench: --repeats 99999999999999999999" "bad value for --repeats" ./bench/ipc_bench --repeats 99999999999999999999
expect_fail "ipc_bench: --only carrier-pigeon" "unknown name in --only" ./bench/ipc_bench --only pipe,carrier-pigeon
expect_fail "ipc_bench: --placement nowhere" "unknown name in --placement" ./bench/ipc_bench --placement nowhere
expect_fail "ipc_bench: --csv without a file" "missing value after" ./bench/ipc_bench --csv
expect_fail "ipc_bench: unknown option" "unknown argument" ./bench/ipc_bench --fast
expect_fail "ipc_bench: --csv into a missing directory" "No such file or directory" \
    ./bench/ipc_bench --quick --only pipe --csv nodir/r.csv
check "ipc_bench -h prints usage" sh -c './bench/ipc_bench -h >h.out && grep -q "^Ús: ipc_bench" h.out'

# ---- cronometre and limit_divisio --------------------------------------------
t=$(./bench/cronometre -o pi.out ./pi/calcul_pi_1proces 1000)
check "cronometre prints the seconds, a positive number" sh -c "echo '$t' | grep -qE '^[0-9]+\.[0-9]{6}$' && [ '$t' != 0.000000 ]"
check "cronometre -o: the command's output is in the file" has_line pi.out "pi = 3.141593e+00"
expect_fail "cronometre: a command that does not exist" "No such file or directory" ./bench/cronometre ./no/such/program
check "cronometre: a failing command makes it fail" sh -c '! ./bench/cronometre ./pi/calcul_pi_1proces abc 2>/dev/null'
expect_fail "cronometre: no command" "no command" ./bench/cronometre
check "limit_divisio exits 0" sh -c "./bench/limit_divisio 100000 >div.out"
check "limit_divisio: two lines, ns per division, positive" \
    sh -c "awk '/^divisions (dependents|independents): [0-9.]+ ns per divisió/ && \$3 > 0 { n++ } END { exit n != 2 }' div.out"
expect_fail "limit_divisio: bad count" "bad count" ./bench/limit_divisio 1e99

# ---- bench_pi.sh -------------------------------------------------------------
CPUS=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
TMPDIR=$WORK/tmp sh ./bench/bench_pi.sh --quick >pi.txt 2>pi.err
check "bench_pi.sh --quick exits 0" test $? -eq 0
check "bench_pi.sh leaves no temporary build" sh -c '! ls tmp | grep -q bench_pi' 
rows=$(grep -cE '^(diapositiva \(int i\)|calcul_pi_1proces|calcul_pi_2processos|calcul_pi_nprocessos) ' pi.txt)
check "bench_pi.sh: a row for the slide loop, 1proces, 2processos and N = 1..2 x $CPUS" \
    test "$rows" -eq $((3 + 2 * CPUS))
check "bench_pi.sh: N = 1 .. 2 x CPUs for calcul_pi_nprocessos" \
    test "$(awk '$1 == "calcul_pi_nprocessos" { printf "%s ", $2 }' pi.txt)" = \
         "$(i=1; while [ $i -le $((2 * CPUS)) ]; do printf '%s ' $i; i=$((i + 1)); done)"
# Row: name, N, time, speedup, efficiency, ns/rect, % bound, then 2 x (time, speedup) or "-".
bad=$(awk '/^(diapositiva|calcul_pi)/ { s = $1 == "diapositiva" ? 4 : 2     # $s is N
           for (i = s + 1; i <= s + 4; i++) if (!($i > 0)) print
           if ($(s + 5) !~ /^[0-9]+%$/) print }' pi.txt)
check "bench_pi.sh: time, speedup, efficiency, ns/rect positive; % of the divide bound" test -z "$bad"
check "bench_pi.sh: the divide bound beside the table" \
    sh -c "grep -qE '^Límit de la divisió escalar .*: [0-9.]+ ns per divisió independent' pi.txt"
check "bench_pi.sh: -O3 -ffast-math column" contains pi.txt "-O3 -ffast-math"
check "bench_pi.sh: reports the efficiency target" sh -c "grep -qE '^Objectiu \(issue 5\): eficiència >= 0.95 amb N = CPUs = [0-9]+: [0-9.]+, (complert|NO complert)' pi.txt"
expect_fail "bench_pi.sh: -n abc" "bad value for -n" sh ./bench/bench_pi.sh -n abc
expect_fail "bench_pi.sh: -r 0" "bad value for -r" sh ./bench/bench_pi.sh -r 0
expect_fail "bench_pi.sh: unknown option" "unknown argument" sh ./bench/bench_pi.sh --turbo
check "bench_pi.sh -h prints usage" sh -c 'sh ./bench/bench_pi.sh -h >h.out && grep -q "^Ús: bench_pi.sh" h.out'

done_testing
