#!/bin/sh
# tests/trace.sh — tests/timeline, the strace timelines of `make trace-PAIR`.
# First the reader of strace's output, on traces written here by hand (every
# awk at hand must draw the same timeline); then each pair on the real
# programs: its timeline is non-empty, in time order and readable, and shows
# the claim it is for (the slide's claim about what happens in the kernel).
# The real pairs are skipped where strace is missing or may not trace.
. "$(dirname "$0")/lib.sh"

TL="$ROOT/tests/timeline"
SH=$(command -v sh)

# ---- helpers -------------------------------------------------------------------

# rows FILE: the timeline's rows (lines that start with a time), as "TIME<TAB>LINE"
rows() { awk '/^[0-9]+,[0-9][0-9][0-9][0-9][0-9][0-9]  / { t = $1; sub(/,/, ".", t); print t "\t" $0 }' "$1"; }

# timeline_ok DESC FILE MIN: FILE is a timeline with at least MIN rows, their
# times never going back.
timeline_ok() {
    _why=$(rows "$2" | awk -v min="$3" -F '\t' '
        $1 + 0 < last { print "row " NR " goes back in time: " $2; bad = 1; exit }
        { last = $1 + 0 }
        END { if (!bad && NR < min) print NR " rows, wanted at least " min }')
    if [ -z "$_why" ]; then ok "$1"; else not_ok "$1" "$_why" "$(head -n 12 "$2")"; fi
}

# events_ok DESC FILE MIN: the events file has at least MIN events of 11
# tab-separated fields, numbered in order, starts in time order, no call
# ending before it starts.
events_ok() {
    _why=$(awk -F '\t' -v min="$3" '
        NF != 11 { print "line " NR ": " NF " fields"; bad = 1; exit }
        $1 != NR { print "line " NR ": numbered " $1; bad = 1; exit }
        $6 + 0 < last { print "line " NR ": starts before the line above"; bad = 1; exit }
        $7 + 0 < $6 + 0 { print "line " NR ": ends before it starts"; bad = 1; exit }
        { last = $6 + 0 }
        END { if (!bad && NR < min) print NR " events, wanted at least " min }' "$2")
    if [ -z "$_why" ]; then ok "$1"; else not_ok "$1" "$_why"; fi
}

# in_order FILE ERE...: each ERE matches a line of FILE after the line the
# previous one matched.
in_order() {
    _f=$1; shift
    _res=''
    for _re in "$@"; do _res="$_res$_re
"; done
    RES=$_res awk 'BEGIN { n = split(ENVIRON["RES"], re, "\n") - 1; k = 1 }
        k <= n && $0 ~ re[k] { at = at " " NR; k++ }
        END { if (k <= n) { print "#   no line matching \"" re[k] "\" after lines" at; exit 1 } }' "$_f"
}

# svg_ok FILE: well-formed XML as far as a small checker can tell (XML
# declaration, one <svg> root in the SVG namespace, every tag closed in order,
# attributes quoted, no bare & or <), and xmllint agrees where it is installed.
svg_ok() {
    _why=$(awk '
        { doc = doc $0 "\n" }
        END {
            if (doc !~ /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/) { print "no XML declaration and <svg> root"; exit }
            n = 0; rest = doc
            while ((i = index(rest, "<")) > 0) {
                text = substr(rest, 1, i - 1)
                if (text ~ />/) { print "bare > in text: " text; exit }
                if (text ~ /&/ && text !~ /^([^&]|&(amp|lt|gt|quot|apos|#[0-9]+);)*$/) { print "bare & in text: " text; exit }
                rest = substr(rest, i)
                j = index(rest, ">")
                if (j == 0) { print "unclosed tag"; exit }
                tag = substr(rest, 1, j); rest = substr(rest, j + 1)
                if (tag ~ /^<\?/) continue
                if (tag ~ /^<\//) {
                    name = substr(tag, 3, length(tag) - 3)
                    if (n == 0 || st[n] != name) { print "</" name "> closes <" st[n] ">"; exit }
                    n--; if (n == 0) roots++
                    continue
                }
                if (tag !~ /^<[a-zA-Z][a-zA-Z0-9:-]*( +[a-zA-Z_:][a-zA-Z0-9_:.-]*="[^"<&]*(&(amp|lt|gt|quot|#[0-9]+);[^"<&]*)*")* *\/?>$/) { print "bad tag: " tag; exit }
                if (tag ~ /\/>$/) { if (n == 0) roots++; continue }
                name = tag; sub(/^</, "", name); sub(/[ >].*/, "", name)
                st[++n] = name
            }
            if (n != 0) print "<" st[n] "> never closed"
            else if (roots != 1) print roots " root elements"
            else if (rest !~ /^\n*$/) print "text after the root"
        }' "$1")
    [ -z "$_why" ] || { echo "#   $1: $_why"; return 1; }
    if command -v xmllint >/dev/null 2>&1; then xmllint --noout "$1" || return 1; fi
}

# ---- the pairs start now, all six at once (each in its own scratch directory,
# under ours); their checks come after those of the reader.
PAIRS="fifo pipes files sockets concurrent signals sigusr pi"
CANNOT=
if ! command -v strace >/dev/null 2>&1; then
    CANNOT="strace is not installed (apt-get install strace)"
elif ! strace -o /dev/null true 2>ptrace.err; then
    CANNOT="strace may not trace here: $(head -n 1 ptrace.err)"
else
    mkdir tmp
    : >stamp
    for _p in $PAIRS; do
        start "run-$_p" env TMPDIR="$WORK/tmp" "$SH" "$TL" "$_p" --svg "$_p.svg" --events "$_p.ev"
        eval "RUN_$_p=\$LAST"
    done
fi

# ---- the reader, on traces written by hand ------------------------------------
# A parent and its child (one strace -f file: calls cut in two halves where the
# other process came between), and a kill from another trace.

cat >pare.trace <<'EOF'
100  1000.000000 execve("./pare", ["./pare"], 0x7ffd00000000 /* 3 vars */) = 0 <0.000500>
100  1000.001000 openat(AT_FDCWD, "/lib/x86_64-linux-gnu/libc.so.6", O_RDONLY|O_CLOEXEC) = 3 <0.000020>
100  1000.001100 read(3, "\177ELF\2\1\1\3\0\0\0\0\0\0\0\0\3\0>\0\1\0\0\0"..., 832) = 832 <0.000010>
100  1000.001200 close(3)        = 0 <0.000010>
100  1000.001300 pipe2([3, 4], 0) = 0 <0.000010>
100  1000.002000 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f0000000a10) = 101 <0.000100>
100  1000.003000 close(4)        = 0 <0.000010>
100  1000.004000 read(3,  <unfinished ...>
101  1000.010000 close(3)        = 0 <0.000010>
101  1000.020000 write(4, "test\0", 5) = 5 <0.000020>
100  1000.020030 <... read resumed>"test\0", 20) = 5 <0.016030>
101  1000.021000 +++ exited with 0 +++
100  1000.021100 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=101, si_uid=1000, si_status=0, si_utime=0, si_stime=0} ---
100  1000.022000 wait4(101, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 101 <0.000010>
100  1000.023000 write(1, "a\303\247\303\255 \342\202\254\n", 10) = 10 <0.000010>
100  1000.030000 clock_nanosleep(CLOCK_REALTIME, 0, {tv_sec=1, tv_nsec=0},  <unfinished ...>
100  1000.530000 <... clock_nanosleep resumed>{tv_sec=0, tv_nsec=500000000}) = ? ERESTART_RESTARTBLOCK (Interrupted by signal) <0.500000>
100  1000.530100 --- SIGTERM {si_signo=SIGTERM, si_code=SI_USER, si_pid=200, si_uid=1000} ---
100  1000.530200 +++ killed by SIGTERM +++
EOF
cat >kill.trace <<'EOF'
200  1000.400000 execve("/bin/kill", ["kill", "-s", "TERM", "100"], 0x7ffd00000000 /* 3 vars */) = 0 <0.000500>
200  1000.529000 kill(100, SIGTERM) = 0 <0.000010>
200  1000.529500 +++ exited with 0 +++
EOF

if "$SH" "$TL" -f pare.trace=pare kill.trace --events hand.ev --svg hand.svg >hand.txt 2>hand.err; then
    ok "hand-made traces: drawn (exit status 0)"
else
    not_ok "hand-made traces: drawn (exit status 0)" "$(cat hand.err)"
fi
check "hand-made traces: nothing on stderr" test ! -s hand.err
check "hand-made traces: columns named by program and PID, the child as '(fill)', a file's name where no name is given" \
    grep -Eq '^temps \(s\) +pare \[100\] +pare \(fill\) \[101\] +kill \[200\]$' hand.txt
timeline_ok "hand-made traces: 15 rows or more, in time order" hand.txt 15
events_ok "hand-made traces: events file of 15 events or more, in order" hand.ev 15
check "hand-made traces: the dynamic loader's files are not shown" sh -c '! grep -q "libc.so\|ELF" hand.txt'
check "hand-made traces: a call cut in two halves is drawn from its start to its end, with the writer's bytes in between" \
    in_order hand.txt '^0,004000  +read\(3, "test\\0", 20\) …$' \
    '^0,020000  .*write\(4, "test\\0", 5\) = 5$' '^0,020030  +… = 5 ← \[101\], bloquejat 16 ms( |$)'
check "hand-made traces: a signal, who sent it, and the interrupted sleep()" \
    in_order hand.txt '^0,030000  +sleep\(1\) …' '^0,529000 .*kill\(100, SIGTERM\) = 0$' \
    '^0,530000  +… interrompuda, bloquejat 0,50 s' '^0,530100  +--- SIGTERM de \[200\] ---' \
    '^0,530200  +\+\+\+ mort per SIGTERM \+\+\+'
check "hand-made traces: SIGCHLD from the child, waitpid()'s status" \
    in_order hand.txt '--- SIGCHLD de \[101\] ---' 'waitpid\(101\) = 101 \(sortida 0\)'
check "hand-made traces: bytes that are UTF-8 text shown as text" grep -qF 'write(1, "açí €\n", 10) = 10' hand.txt
check "hand-made traces: the summary counts each process's calls" \
    grep -qxF '  pare [100]: 1 execve, 1 pipe, 1 fork, 1 close, 1 read (a canonada), 1 waitpid, 1 write (a stdout), 1 sleep' hand.txt
check "hand-made traces: SVG well-formed" svg_ok hand.svg
check "hand-made traces: SVG has the three lifelines, arrows for the bytes, the signal and the fork" \
    sh -c 'grep -c "stroke-dasharray=\"4 3\"" hand.svg | grep -qx 3 && grep -q "fletxa-b" hand.svg &&
           grep -q "fletxa-s" hand.svg && grep -q "fletxa-f" hand.svg && grep -q "fork()" hand.svg'

# strace may hear of a child's end after its parent has (waitpid() returned it,
# SIGCHLD came): the end is drawn before the parent learns of it.
cat >wait.trace <<'EOF'
100  1000.000000 execve("./pare", ["./pare"], 0x7ffd00000000 /* 3 vars */) = 0 <0.000500>
100  1000.002000 clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f0000000a10) = 101 <0.000100>
101  1000.003000 write(1, "fill\n", 5) = 5 <0.000010>
100  1000.006000 wait4(101, [{WIFEXITED(s) && WEXITSTATUS(s) == 0}], 0, NULL) = 101 <0.001000>
100  1000.007100 --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=101, si_uid=1000, si_status=0, si_utime=0, si_stime=0} ---
101  1000.009000 +++ exited with 0 +++
100  1000.010000 +++ exited with 0 +++
EOF
"$SH" "$TL" -f wait.trace >wait.txt 2>&1
check "hand-made traces: a child's end is drawn before waitpid() returns it" \
    in_order wait.txt '^0,006000  +waitpid\(101\) …' '\+\+\+ surt amb 0 \+\+\+' '^0,007000  +… = 101 \(sortida 0\)' '--- SIGCHLD de \[101\] ---'

# Long bytes are cut between escapes, never inside one; a cell too long for
# its column ends in "»" (a trailing "…" would say the call has not returned).
cat >long.trace <<'EOF'
100  1000.000000 execve("./x", ["./x", "a-very-long-argument-that-does-not-fit-in-a-column"], 0x7ffd00000000 /* 3 vars */) = 0 <0.000500>
100  1000.001000 openat(AT_FDCWD, "log_fopen.data", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3 <0.000100>
100  1000.002000 write(3, "lluis\0\0\0\0lluis\1\0\0\0lluis\2\0\0\0lluis\3\0\0\0"..., 900) = 900 <0.000100>
100  1000.003000 write(1, "3\352[\242\260\271\242A", 8) = 8 <0.000100>
EOF
"$SH" "$TL" -f long.trace >long.txt 2>&1
check "hand-made traces: long bytes cut between escapes" grep -qF 'write(3, "lluis\0\0\0\0lluis\1…", 900) = 900' long.txt
check "hand-made traces: bytes above 127 that are not text stay escapes, cut between them" \
    grep -qF 'write(1, "3\352[\242\260\271…", 8) = 8' long.txt
check "hand-made traces: a cell too long ends in '»'" grep -q '^0,000000  *\$ \./x a-very-long-argument.*»$' long.txt
check "hand-made traces: what fopen(\"w\") asks for, whole" grep -qF 'open("log_fopen.data", O_WRONLY|O_CREAT|O_TRUNC) = 3' long.txt

# Every POSIX awk here must draw the very same timeline.
for awk_ in mawk "gawk --posix" "busybox awk" original-awk nawk; do
    command -v "${awk_%% *}" >/dev/null 2>&1 || continue
    [ "$awk_" = "busybox awk" ] && ! busybox awk 'BEGIN {}' 2>/dev/null && continue
    if AWK=$awk_ "$SH" "$TL" -f pare.trace=pare kill.trace --svg other.svg >other.txt 2>other.err &&
       cmp -s hand.txt other.txt && cmp -s hand.svg other.svg; then
        ok "hand-made traces: $awk_ draws the same timeline"
    else
        not_ok "hand-made traces: $awk_ draws the same timeline" "$(cat other.err)" "$(diff hand.txt other.txt | head -n 10)"
    fi
done

# What it cannot read, it says, in one line, and draws nothing.
printf '100  1000.000000 execve("./x", ["./x"], 0x0 /* 0 vars */) = 0 <0.000100>\n100  1000.100000 this is not strace\n' >bad.trace
expect_fail "a line strace would not write: one line, naming it" "línia 2 de bad.trace" "$SH" "$TL" -f bad.trace
printf '1000.000000 execve("./x", ["./x"], 0x0 /* 0 vars */) = 0 <0.000100>\n' >nopid.trace
expect_fail "a trace without -f (no PIDs): one line saying so" "cal strace -f -ttt" "$SH" "$TL" -f nopid.trace
printf '100  1000.000000 read(3,  <unfinished ...>\n100  1000.100000 write(1,  <unfinished ...>\n' >twice.trace
expect_fail "two calls unfinished in one process: refused" "dues crides a mitges" "$SH" "$TL" -f twice.trace
printf '100  1000.100000 <... read resumed>"x", 1) = 1 <0.100000>\n' >orphan.trace
expect_fail "the second half of a call that never started: refused" "no havia començat" "$SH" "$TL" -f orphan.trace
printf '100  1000.000000 read(3, "x", 1 = 1 <0.000100>\n' >cut.trace
expect_fail "a call cut short: refused" "crida il·legible" "$SH" "$TL" -f cut.trace
: >empty.trace
expect_fail "an empty trace: refused" "la traça és buida" "$SH" "$TL" -f empty.trace
printf '100  1000.000000 read(7, "x", 1) = 1 <0.000100>\n' >hidden.trace
expect_fail "a trace with nothing to show: refused" "cap crida" "$SH" "$TL" -f hidden.trace
expect_fail "a missing trace: one line" "no puc llegir" "$SH" "$TL" -f no-such.trace
expect_fail "an unknown pair: one usage line" "Ús:" "$SH" "$TL" nope
expect_fail "no pair: one usage line" "Ús:" "$SH" "$TL"
expect_fail "--svg without a file: one usage line" "Ús:" "$SH" "$TL" fifo --svg
expect_fail "an unknown option: one usage line" "Ús:" "$SH" "$TL" fifo -x

# Without strace: one line saying how to install it, exit 1.
mkdir nostrace
for _t in dirname cat sed awk mktemp rm ln head tail grep; do
    _p=$(command -v "$_t") && ln -s "$_p" "nostrace/$_t"
done
expect_fail "without strace: one line saying how to install it" "apt-get install strace" \
    env PATH="$WORK/nostrace" "$SH" "$TL" fifo --svg nostrace.svg
check "without strace: no SVG written" test ! -e nostrace.svg
expect_fail "an SVG where it cannot be written: one line" "no puc escriure" "$SH" "$TL" fifo --svg no-such-dir/x.svg

# ---- the pairs, on the real programs ----------------------------------------------

if [ -n "$CANNOT" ]; then
    for _p in $PAIRS; do skip "trace-$_p" "$CANNOT"; done
    done_testing; exit
fi
for _p in $PAIRS; do
    _r=''
    eval "_r=\$RUN_$_p"
    if exits_with "$_r" 0 60 >"run-$_p.status"; then
        ok "trace-$_p: runs (exit status 0)"
    else
        kill -TERM "$_r" 2>/dev/null     # its own cleanup: programs, strace, scratch directory
        exits_with "$_r" 143 10 >/dev/null
        not_ok "trace-$_p: runs (exit status 0)" "$(cat "run-$_p.status")" "$(head -n 5 "run-$_p.err")"
    fi
    check "trace-$_p: nothing on stderr" test ! -s "run-$_p.err"
done

# ev FILE AWK-CONDITION: the events of FILE for which the condition holds
# ($2 column, $3 pid, $4 kind, $5 name, $6 start, $7 end, $8 result, $9 object,
# $10 from, $11 text), one per line.
ev() { awk -F '\t' "$2" "$1"; }

# fifo: open() of a FIFO blocks until the other end is opened.
timeline_ok "trace-fifo: 15 rows or more, in time order" run-fifo.out 15
events_ok "trace-fifo: events in order" fifo.ev 15
check "trace-fifo: a column for each, named by program and PID" \
    grep -Eq '^temps \(s\) +fifo_read \[[0-9]+\] +fifo_write \[[0-9]+\]$' run-fifo.out
r_open=$(ev fifo.ev '$2 == "fifo_read" && $5 ~ /^open/ && $9 == "myfifo" { print $6, $7; exit }')
w_open=$(ev fifo.ev '$2 == "fifo_write" && $5 ~ /^open/ && $9 == "myfifo" { print $6, $7; exit }')
check "trace-fifo: claim: the writer's open() ends after the reader's open() starts" \
    awk -v r="$r_open" -v w="$w_open" 'BEGIN { split(r, a, " "); split(w, b, " "); exit !(r != "" && w != "" && b[2] > a[1]) }'
check "trace-fifo: claim: the reader's open() blocks until the writer's open() starts" \
    awk -v r="$r_open" -v w="$w_open" 'BEGIN { split(r, a, " "); split(w, b, " "); exit !(r != "" && w != "" && a[2] > b[1]) }'
check "trace-fifo: the timeline shows it: the reader's open() starts, the writer's runs, then the reader's returns" \
    in_order run-fifo.out '^[0-9,]+  +open\("myfifo", O_RDONLY\) …$' 'open\("myfifo", O_WRONLY\)' '^[0-9,]+  +… = [0-9]+ ← \[[0-9]+\], bloquejat'
check "trace-fifo: the reader reads the writer's bytes" \
    sh -c "[ \"\$(awk -F '\t' '\$2 == \"fifo_read\" && \$5 == \"read\" && \$10 != \"\" { print \$10; exit }' fifo.ev)\" = \
           \"\$(awk -F '\t' '\$2 == \"fifo_write\" { print \$3; exit }' fifo.ev)\" ]"

# pipes: the parent's read() waits for the child's write().
timeline_ok "trace-pipes: 10 rows or more, in time order" run-pipes.out 10
events_ok "trace-pipes: events in order" pipes.ev 10
check "trace-pipes: the parent and its child, each in a column" \
    grep -Eq '^temps \(s\) +pipe2 \[[0-9]+\] +pipe2 \(fill\) \[[0-9]+\]$' run-pipes.out
read_=$(ev pipes.ev '$2 == "pipe2" && $5 == "read" && $9 == "canonada" { print $7, $10; exit }')
write_=$(ev pipes.ev '$2 == "pipe2 (fill)" && $5 ~ /^write/ && $9 == "canonada" { print $6, $3; exit }')
check "trace-pipes: claim: the parent's read() on the pipe returns after the child's write() starts, with its bytes" \
    awk -v r="$read_" -v w="$write_" 'BEGIN { split(r, a, " "); split(w, b, " "); exit !(r != "" && w != "" && a[1] > b[1] && a[2] == b[2]) }'
check "trace-pipes: pipe(), then fork(), then the child's write()" \
    in_order run-pipes.out 'pipe\(\[[0-9]+, [0-9]+\]\) = 0' 'fork\(\) = [0-9]+' 'write\([0-9]+, "test\\0", 5\)'

# files: 200 write() calls against stdio's buffer.
timeline_ok "trace-files: 10 rows or more, in time order" run-files.out 10
events_ok "trace-files: events in order" files.ev 200
n_sys=$(ev files.ev '$2 == "write_char_int" && $5 ~ /^write/ && $9 !~ /^std(out|err)$/' | wc -l)
n_std=$(ev files.ev '$2 == "fwrite_char_int" && $5 ~ /^write/ && $9 !~ /^std(out|err)$/' | wc -l)
check "trace-files: claim: write_char_int makes 200 write() calls to its file" test "$n_sys" -eq 200
check "trace-files: claim: fwrite_char_int makes at most a few (stdio's buffer)" test "$n_std" -ge 1 -a "$n_std" -le 3
check "trace-files: the summary says so" \
    sh -c 'grep -Eq "^  write_char_int \[[0-9]+\]: .*200 write \(a file.data\)" run-files.out &&
           grep -Eq "^  fwrite_char_int \[[0-9]+\]: .*[123] writev? \(a log_fopen.data\)" run-files.out'
check "trace-files: 200 like rows are shown as 2, '⋮', 2" grep -Eq '^ +⋮ i 196 crides write\(3, …\) més' run-files.out

# sockets: accept() waits for connect().
timeline_ok "trace-sockets: 15 rows or more, in time order" run-sockets.out 15
events_ok "trace-sockets: events in order" sockets.ev 15
acc=$(ev sockets.ev '$2 == "socket_server" && $5 ~ /^accept/ && $8 ~ /^[0-9]+$/ { print $6, $7; exit }')
con=$(ev sockets.ev '$2 == "socket_client" && $5 == "connect" && $8 == "0" { print $6; exit }')
check "trace-sockets: claim: accept() returns after connect() starts" \
    awk -v a="$acc" -v c="$con" 'BEGIN { split(a, x, " "); exit !(a != "" && c != "" && x[2] > c + 0) }'
check "trace-sockets: claim: the server was already waiting in accept() when the client called connect()" \
    awk -v a="$acc" -v c="$con" 'BEGIN { split(a, x, " "); exit !(a != "" && c != "" && x[1] < c + 0) }'
check "trace-sockets: the client's bytes reach the server, and back" \
    sh -c "awk -F '\t' '\$2 == \"socket_server\" && \$5 == \"read\" && \$10 != \"\" { s = 1 }
                       \$2 == \"socket_client\" && \$5 == \"read\" && \$10 != \"\" { c = 1 } END { exit !(s && c) }' sockets.ev"

# concurrent: a child of the server per client.
timeline_ok "trace-concurrent: 30 rows or more, in time order" run-concurrent.out 30
events_ok "trace-concurrent: events in order" concurrent.ev 30
check "trace-concurrent: the server, the clients, the server's children: three columns" \
    grep -Eq '^temps \(s\) +socket_server_concurrent \[[0-9]+\] +socket_client \[[0-9]+, [0-9]+\] +socket_server_concurrent \(fill\) \[[0-9]+, [0-9]+\]$' run-concurrent.out
claim=$(awk -F '\t' '
    $2 == "socket_server_concurrent" && $5 ~ /^(clone|clone3|fork)$/ { forked[$8] = 1 }
    $2 == "socket_server_concurrent (fill)" && $5 == "read" && $10 != "" && ($3 in forked) && !($10 in by) { by[$10] = $3; n++ }
    END { for (c in by) for (d in by) if (c != d && by[c] == by[d]) n = 0; print n + 0 }' concurrent.ev)
check "trace-concurrent: claim: each client's bytes are read by its own child, forked by the server" test "$claim" -eq 2
check "trace-concurrent: accept(), then fork(), for each client; SIGTERM ends the server" \
    in_order run-concurrent.out 'accept\([0-9]+\)' 'fork\(\) = [0-9]+' 'accept\([0-9]+\)' 'fork\(\) = [0-9]+' \
    '--- SIGTERM de \[[0-9]+\]'

# pi: both compute at once; the child's sum comes through the pipe.
timeline_ok "trace-pi: 8 rows or more, in time order" run-pi.out 8
events_ok "trace-pi: events in order" pi.ev 8
claim=$(awk -F '\t' '
    $2 == "calcul_pi_2processos" && $5 == "close" && !pc { pc = $7 + 0 }
    $2 == "calcul_pi_2processos" && $5 == "read" && $9 == "canonada" { pr = $6 + 0; from = $10; got = $8 }
    $2 == "calcul_pi_2processos (fill)" && $5 == "close" && !cc { cc = $7 + 0; child = $3 }
    $2 == "calcul_pi_2processos (fill)" && $5 ~ /^write/ && $9 == "canonada" { cw = $6 + 0 }
    END { print (pc && cc && pr > cc && cw > pc && from == child && got == 8) ? "yes" : "no" }' pi.ev)
check "trace-pi: claim: parent and child compute at the same time; the parent reads the child's 8-byte sum" test "$claim" = yes

# signals: SIGTERM interrupts sleep() and runs the handler.
timeline_ok "trace-signals: 10 rows or more, in time order" run-signals.out 10
events_ok "trace-signals: events in order" signals.ev 10
claim=$(awk -F '\t' '
    $2 == "kill" && $5 == "kill" { k = $6 + 0; kp = $3 }
    $2 == "exemple_sigterm" && $4 == "call" && $5 ~ /nanosleep$/ { s0 = $6 + 0; s1 = $7 + 0; sres = $8; last = "sleep"; next }
    $2 == "exemple_sigterm" && $4 == "signal" && $5 == "SIGTERM" {
        if (last == "sleep" && sres == "?" && s0 < k && k < s1 && $10 == kp) print "yes"; exit }
    $2 == "exemple_sigterm" { last = $5 }' signals.ev)
check "trace-signals: claim: kill() is sent while sleep() blocks; sleep() is interrupted and the signal comes next" \
    test "$claim" = yes
check "trace-signals: the timeline shows it: sleep() starts, kill(), sleep() interrupted, SIGTERM, the handler" \
    in_order run-signals.out '^[0-9,]+  +sleep\(1\) …$' 'kill\([0-9]+, SIGTERM\) = 0' '… interrompuda' \
    '--- SIGTERM de \[[0-9]+\] ---' 'fi del manejador'

# sigusr: pause() waits until a signal comes.
timeline_ok "trace-sigusr: 15 rows or more, in time order" run-sigusr.out 15
events_ok "trace-sigusr: events in order" sigusr.ev 15
claim=$(awk -F '\t' '
    $2 == "enviar_sigusr" && $5 == "kill" { k[$3] = $6 + 0 }
    $2 == "sigusr" && $4 == "call" && $5 ~ /^(pause|rt_sigsuspend)$/ { p0 = $6 + 0; p1 = $7 + 0; pres = $8; last = "pause"; next }
    $2 == "sigusr" && $4 == "signal" && $5 ~ /^SIGUSR[12]$/ {
        if (last == "pause" && pres == "?" && ($10 in k) && p0 < k[$10] && k[$10] < p1) n++ }
    $2 == "sigusr" { last = $5 }
    END { print n + 0 }' sigusr.ev)
check "trace-sigusr: claim: each of the two signals is sent while pause() waits, and interrupts it" test "$claim" -eq 2
check "trace-sigusr: both senders share one column" grep -Eq '^temps \(s\) +sigusr \[[0-9]+\] +enviar_sigusr \[[0-9]+, [0-9]+\]$' run-sigusr.out

# SVG: well-formed, with an arrow where bytes or a signal passed.
for _p in $PAIRS; do
    check "trace-$_p: SVG well-formed" svg_ok "$_p.svg"
done
check "trace-fifo, pipes, sockets, concurrent, pi: SVG arrows for the bytes" \
    sh -c 'for f in fifo pipes sockets concurrent pi; do grep -q "url(#fletxa-b)" $f.svg || exit 1; done'
check "trace-signals, sigusr: SVG arrows for the signals" \
    sh -c 'grep -q "url(#fletxa-s)" signals.svg && grep -q "url(#fletxa-s)" sigusr.svg'

# Stopped midway (as by Ctrl+C), while fifo_read waits in open() under strace:
# the timeline stops too, and leaves no program, no strace, no scratch
# directory.  The script is held (SIGSTOP) as soon as it has started the
# reader, so that it cannot go on to the writer before it is stopped.
mkdir tmp2
start midway env TMPDIR="$WORK/tmp2" "$SH" "$TL" fifo
M=$LAST
if ! wait_for 20 sh -c 'ls "$1"/*/lector.trace' sh "$WORK/tmp2" >/dev/null 2>&1; then
    not_ok "trace-fifo stopped midway: it starts fifo_read" "$(cat midway.err)"
elif kill -STOP "$M" && ls "$WORK"/tmp2/*/escriptor.trace >/dev/null 2>&1; then
    kill -CONT "$M"
    exits_with "$M" 0 60 >/dev/null
    skip "trace-fifo stopped midway: it ends (SIGTERM)" "the pair ran on before it could be held"
elif ! wait_for 20 sh -c 'grep -qs "myfifo\", O_RDONLY" "$1"/*/lector.trace' sh "$WORK/tmp2"; then
    kill -CONT "$M"
    not_ok "trace-fifo stopped midway: fifo_read reaches open() under strace" "$(cat midway.err)"
else
    kill -TERM "$M"
    kill -CONT "$M"
    check "trace-fifo stopped midway: it ends (SIGTERM)" exits_with "$M" 143 20
fi

# Nothing left behind: no scratch directory, no process, no file in the repo.
check "traces: no scratch directory left by the one stopped midway" test -z "$(ls -A tmp2)"
check "traces: no scratch directory left" test -z "$(ls -A tmp)"
if has_proc; then
    left=
    for _p in /proc/[0-9]*; do
        case $(readlink "$_p/cwd" 2>/dev/null) in "$WORK"/tmp/* | "$WORK"/tmp2/*) left="$left ${_p#/proc/}" ;; esac
    done
    check "traces: no process left (strace or program)" test -z "$left"
else
    skip "traces: no process left (strace or program)" "no /proc here"
fi
new=$(find "$ROOT" -path "$ROOT/.git" -prune -o -newer stamp \( -name myfifo -o -name '*.data' -o \
    -name '*.trace' -o -name '*.svg' -o -name '*.ev' -o -name '*.out' -o -name '*.err' \) -print)
check "traces: no file written in the repository" test -z "$new"

done_testing
