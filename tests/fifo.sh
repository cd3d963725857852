#!/bin/sh
# tests/fifo.sh — named pipes: fifo_write / fifo_read.
. "$(dirname "$0")/lib.sh"

printf 'Obrint pipe per lectura\nLlegint missatge\nRebut test, tancant.\n' >want.r
printf 'Obrint pipe per escriptura\nEscrivint missatge\nTancant\n' >want.w
printf 'Obrint pipe per lectura\nLlegint missatge\n' >want.0
printf 'Obrint pipe per lectura\nLlegint missatge\nRebut uno, tancant.\nRebut dos, tancant.\n' >want.2

# in_open NAME PID FIRST_LINE: the program has printed its first line (the one
# just before open()) and nothing more, and sleeps in the kernel: it is in open().
in_open() { [ "$(cat "$1.out")" = "$3" ] && blocked "$2"; }
# ready NAME PID FIRST_LINE: the same where /proc shows it; elsewhere only
# that the first line is out (then open() is the next call).
ready() { if has_proc; then in_open "$@"; else [ "$(cat "$1.out")" = "$3" ]; fi; }
# one_line FILE TEXT: FILE is one line, and it contains TEXT.
one_line() { [ "$(wc -l <"$1")" -eq 1 ] && contains "$1" "$2"; }
# blocks DESC NAME PID FIRST_LINE: check that the process waits in open().
blocks() {
    if ! has_proc; then skip "$1" "no /proc: the process state cannot be seen"
    elif wait_for 10 in_open "$2" "$3" "$4"; then ok "$1"
    else not_ok "$1" "stdout: $(cat "$2.out")" "stderr: $(cat "$2.err")" "state: $(proc_state "$3")"; fi
}

# Reader first: it creates myfifo and waits in open() for a writer.
start r ./fifo/fifo_read
R=$LAST
blocks "reader first: fifo_read waits in open() until a writer opens" r "$R" "Obrint pipe per lectura"
check "fifo_read created myfifo as a FIFO" test -p myfifo
start w ./fifo/fifo_write
W=$LAST
check "reader exits 0" exits_with "$R" 0
check "writer exits 0" exits_with "$W" 0
same_file "reader prints the slide's lines" want.r r.out
same_file "writer prints the slide's lines" want.w w.out
check "the FIFO stays on disk, empty, as on the slide" sh -c 'test -p myfifo && ! test -s myfifo'

# Writer first, on a path given as argument: it creates the FIFO and waits in open().
start w ./fifo/fifo_write canal
W=$LAST
blocks "writer first: fifo_write waits in open() until a reader opens" w "$W" "Obrint pipe per escriptura"
start r ./fifo/fifo_read canal
R=$LAST
check "writer first: reader exits 0" exits_with "$R" 0
check "writer first: writer exits 0" exits_with "$W" 0
same_file "writer first: reader gets the message" want.r r.out
same_file "writer first: writer prints the slide's lines" want.w w.out

# A message given as argument arrives whole.
start r ./fifo/fifo_read canal
R=$LAST
start w ./fifo/fifo_write canal "hola, món"
check "a message of the writer's choosing: writer exits 0" exits_with "$LAST" 0
check "a message of the writer's choosing: reader exits 0" exits_with "$R" 0
check "the reader prints it" has_line r.out "Rebut hola, món, tancant."

# Claim 10: opening one end blocks until the other end is opened.
start r ./fifo/fifo_read bloc
R=$LAST
blocks "claim 10: fifo_read is still blocked in open() while no writer exists" r "$R" "Obrint pipe per lectura"
start w ./fifo/fifo_write bloc
check "claim 10: the writer exits 0" exits_with "$LAST" 0
check "claim 10: two unrelated processes talk through the FIFO" exits_with "$R" 0
check "claim 10: the reader got the writer's message" has_line r.out "Rebut test, tancant."

# Every message gives its line; the reader ends when every writer has closed.
start r ./fifo/fifo_read dos
R=$LAST
if wait_for 10 ready r "$R" "Obrint pipe per lectura"; then
    exec 4>dos                          # a writer that stays: the two below come one after another
    start w1 ./fifo/fifo_write dos uno
    exits_with "$LAST" 0 && start w2 ./fifo/fifo_write dos dos && exits_with "$LAST" 0
    wst=$?
    blocks_read() { [ "$(wc -l <r.out)" -eq 4 ] && blocked "$R"; }
    if has_proc; then
        check "every writer gone but one: the reader waits for more" wait_for 10 blocks_read
    fi
    exec 4>&-                           # the last writer closes: read() returns 0
    check "two writers one after another: both exit 0" test "$wst" -eq 0
    check "two writers one after another: the reader exits 0 when the last closes" exits_with "$R" 0
    same_file "two writers one after another: one line per message, in order" want.2 r.out
else
    not_ok "two writers one after another: the reader waits in open()" "$(cat r.out r.err)"
fi

if has_proc; then
    start w1 ./fifo/fifo_write tots uno
    W1=$LAST
    start w2 ./fifo/fifo_write tots dos
    W2=$LAST
    if wait_for 10 in_open w1 "$W1" "Obrint pipe per escriptura" && wait_for 10 in_open w2 "$W2" "Obrint pipe per escriptura"; then
        start r ./fifo/fifo_read tots
        R=$LAST
        check "two writers waiting at once: the reader exits 0" exits_with "$R" 0
        check "two writers waiting at once: the first writer exits 0" exits_with "$W1" 0
        check "two writers waiting at once: the second writer exits 0" exits_with "$W2" 0
        sed -n '3,$p' r.out | sort >got.2
        printf 'Rebut dos, tancant.\nRebut uno, tancant.\n' >want.2s
        same_file "two writers waiting at once: both messages printed" want.2s got.2
    else
        not_ok "two writers waiting at once: both wait in open()" "$(cat w1.out w1.err w2.out w2.err)"
    fi
else
    skip "two writers waiting at once: both messages printed" "no /proc: cannot see that both wait in open()"
fi

start r ./fifo/fifo_read junts
R=$LAST
wait_for 10 test -p junts    # the reader made it: a shell redirection must not make a regular file
start p sh -c "printf 'uno\\000dos\\000' >junts"   # two messages in one write(): nothing after the first '\0' is lost
check "two messages in one write: the shell's printf exits 0" exits_with "$LAST" 0
check "two messages in one write: reader exits 0" exits_with "$R" 0
same_file "two messages in one write: both printed" want.2 r.out

# The limit: buf[20] holds 19 characters and the '\0'.
m19=1234567890123456789
start r ./fifo/fifo_read limit
R=$LAST
start w ./fifo/fifo_write limit $m19
check "a 19-character message fits: writer exits 0" exits_with "$LAST" 0
check "a 19-character message fits: reader exits 0" exits_with "$R" 0
check "a 19-character message fits: printed whole" has_line r.out "Rebut $m19, tancant."
start r ./fifo/fifo_read limit
R=$LAST
start w ./fifo/fifo_write limit "${m19}0"
check "a 20-character message: the writer exits 0 (the FIFO took it)" exits_with "$LAST" 0
check "a 20-character message: reader exits 1" exits_with "$R" 1
check "a 20-character message: one error line naming the limit" \
    one_line r.err "fifo_read: limit: missatge sense '\\0' final o de més de 19 caràcters (la mida de buf)"
same_file "a 20-character message: nothing printed as received" want.0 r.out
start r ./fifo/fifo_read eco
R=$LAST
wait_for 10 test -p eco    # the reader made it: a shell redirection must not make a regular file
start p sh -c 'echo hola >eco'         # bytes that end without a '\0'
check "bytes without a final NUL: echo exits 0" exits_with "$LAST" 0
check "bytes without a final NUL: reader exits 1" exits_with "$R" 1
check "bytes without a final NUL: one error line says so" one_line r.err "fifo_read: eco: missatge sense '\\0' final o de més de 19 caràcters (la mida de buf)"

# A writer that opens and closes without writing: no message, the reader ends.
start r ./fifo/fifo_read mute
R=$LAST
wait_for 10 test -p mute    # the reader made it: a shell redirection must not make a regular file
start p sh -c ': >mute'
check "writer closed without writing: it exits 0" exits_with "$LAST" 0
check "writer closed without writing: reader exits 0" exits_with "$R" 0
same_file "writer closed without writing: no message printed" want.0 r.out

# Several writers at once: each message of PIPE_BUF bytes (this system's, with
# its '\0') arrives whole, never mixed with another.  POSIX promises 512 at least.
pb=$(getconf PIPE_BUF . 2>/dev/null)
case $pb in '' | *[!0-9]*) pb=512 ;; esac
mkfifo multi
start cat cat multi
C=$LAST
if wait_for 10 ready cat "$C" ""; then
    exec 3>multi                        # hold a write end so that cat waits for everyone
    wpids=
    for k in A B C D E F G H I J K L M N O P Q R S T; do
        start "w$k" ./fifo/fifo_write multi "$(awk -v n=$((pb - 1)) -v k=$k 'BEGIN { s = k; while (length(s) * 2 <= n) s = s s; while (length(s) < n) s = s k; print s }')"
        wpids="$wpids $LAST"
    done
    wfail=0
    for p in $wpids; do exits_with "$p" 0 || wfail=$((wfail + 1)); done
    exec 3>&-
    check "20 writers at once: cat ends" exits_with "$C" 0
    tr '\0' '\n' <cat.out >msgs
    # Each line: one letter, pb - 1 times; 20 lines, 20 different letters.
    if [ "$wfail" -eq 0 ] &&
       awk -v n=$((pb - 1)) '{ k = substr($0, 1, 1); if (length($0) != n || $0 ~ ("[^" k "]") || (k in seen)) exit 1; seen[k] = 1; c++ }
                              END { exit c != 20 }' msgs; then
        ok "20 writers at once: every $pb-byte message (PIPE_BUF) arrives whole"
    else
        not_ok "20 writers at once: every $pb-byte message (PIPE_BUF) arrives whole" "writer failures: $wfail" \
            "lines: $(wc -l <msgs)" "$(cut -c 1-60 msgs | head -n 25)"
    fi
else
    not_ok "20 writers at once: cat waits in open()" "$(cat cat.err)"
fi

# The reader goes away while the writer writes: EPIPE is reported, no silent death.
big=$(awk 'BEGIN { s = "x"; while (length(s) < 100000) s = s s; print substr(s, 1, 100000) }')
mkfifo gone
start w ./fifo/fifo_write gone "$big"
W=$LAST
if wait_for 10 ready w "$W" "Obrint pipe per escriptura"; then
    exec 5<gone                         # a reader that reads nothing
    wait_for 10 has_line w.out "Escrivint missatge" || echo "# the writer never started writing: $(cat w.err)"
    exec 5<&-                           # ...and is gone
    check "reader gone: the writer exits with status 1" exits_with "$W" 1
    check "reader gone: the writer says Broken pipe, in one line" one_line w.err "fifo_write: escrivint gone: Broken pipe"
else
    not_ok "reader gone: the writer waits in open()" "$(cat w.out w.err)"
fi
start w ./fifo/fifo_write early "$big"
W=$LAST
start r ./fifo/fifo_read early
check "reader stops after its buffer: it exits with status 1" exits_with "$LAST" 1
check "reader stops after its buffer: it reports the message as too long" contains r.err "de més de 19 caràcters"
check "reader stops after its buffer: the writer gets EPIPE, status 1" exits_with "$W" 1

# Output that cannot be written is an error (the reader's output is its result).
# (Each runs in the foreground once its peer waits in open().)
start w ./fifo/fifo_write ple
W=$LAST
if wait_for 10 ready w "$W" "Obrint pipe per escriptura"; then
    full_stdout "fifo_read > /dev/full: exit 1, one line" ./fifo/fifo_read ple
    check "fifo_read > /dev/full: the writer still exits 0" exits_with "$W" 0
else
    not_ok "fifo_read > /dev/full: the writer waits in open()" "$(cat w.out w.err)"
fi
start r ./fifo/fifo_read ple
R=$LAST
if wait_for 10 ready r "$R" "Obrint pipe per lectura"; then
    full_stdout "fifo_write > /dev/full: exit 1, one line" ./fifo/fifo_write ple
    check "fifo_write > /dev/full: the reader still exits 0" exits_with "$R" 0
else
    not_ok "fifo_write > /dev/full: the reader waits in open()" "$(cat r.out r.err)"
fi

# Bad input.
echo "precious" >regular
cp regular regular.orig
expect_fail "fifo_read: path is a regular file" "regular: existeix i no és una FIFO" ./fifo/fifo_read regular
expect_fail "fifo_write: path is a regular file" "regular: existeix i no és una FIFO" ./fifo/fifo_write regular
same_file "the regular file is left untouched" regular.orig regular
mkdir dir
expect_fail "fifo_read: path is a directory" "dir: existeix i no és una FIFO" ./fifo/fifo_read dir
expect_fail "fifo_write: path is a directory" "dir: existeix i no és una FIFO" ./fifo/fifo_write dir
expect_fail "fifo_read: missing directory" "fifo_read: creant la FIFO nodir/f: No such file or directory" ./fifo/fifo_read nodir/f
expect_fail "fifo_write: missing directory" "fifo_write: creant la FIFO nodir/f: No such file or directory" ./fifo/fifo_write nodir/f
expect_fail "fifo_read: two paths" "fifo_read: massa arguments (Ús: fifo_read [FIFO])" ./fifo/fifo_read a b
expect_fail "fifo_write: three arguments" "fifo_write: massa arguments (Ús: fifo_write [FIFO [MISSATGE]])" ./fifo/fifo_write a b c
expect_fail "fifo_write: unknown option" "Ús: fifo_write" ./fifo/fifo_write -x
expect_fail "fifo_read: unknown option" "Ús: fifo_read" ./fifo/fifo_read -x
check "bad arguments create no FIFO" sh -c '! test -e a && ! test -e -x'
check "fifo_read -h prints usage" sh -c './fifo/fifo_read -h >h.out && grep -qx "Ús: fifo_read \[FIFO\]" h.out'
check "fifo_write -h prints usage" sh -c './fifo/fifo_write -h >h.out && grep -qx "Ús: fifo_write \[FIFO \[MISSATGE\]\]" h.out'

done_testing
