#!/bin/sh
# tests/fifo.sh — named pipes: fifo_write / fifo_read.
. "$(dirname "$0")/lib.sh"

# Reader first: it must print its first line and then block in open().
start r ./fifo/fifo_read
R=$LAST
if wait_for 5 has_line r.out "Obrint pipe per lectura"; then ok "fifo_read announces the open"; else not_ok "fifo_read announces the open" "$(cat r.out r.err)"; fi
check "fifo_read created myfifo as a FIFO" test -p myfifo
start w ./fifo/fifo_write
W=$LAST
check "reader exits 0" exits_with "$R" 0
check "writer exits 0" exits_with "$W" 0
printf 'Obrint pipe per lectura\nLlegint missatge\nRebut test, tancant.\n' >want.r
printf 'Obrint pipe per escriptura\nEscrivint missatge\nTancant\n' >want.w
same_file "reader prints the slide's lines" want.r r.out
same_file "writer prints the slide's lines" want.w w.out

# Writer first, on a path given as argument.
start w ./fifo/fifo_write canal
W=$LAST
check "writer first: it waits in open()" wait_for 10 has_line w.out "Obrint pipe per escriptura"
start r ./fifo/fifo_read canal
R=$LAST
check "writer first: reader exits 0" exits_with "$R" 0
check "writer first: writer exits 0" exits_with "$W" 0
same_file "writer first: reader gets the message" want.r r.out

# A message given as argument arrives whole.
start r ./fifo/fifo_read canal
R=$LAST
./fifo/fifo_write canal "hola, món" >/dev/null
check "a message of the writer's choosing arrives" exits_with "$R" 0
check "the reader prints it" has_line r.out "Rebut hola, món, tancant."

# Claim 10: opening one end blocks until the other end is opened.
start r ./fifo/fifo_read bloc
R=$LAST
wait_for 10 has_line r.out "Obrint pipe per lectura"
sleep 0.5   # proves that nothing happens (no deadline: no event to wait for): open() must not return
if has_line r.out "Obrint pipe per lectura" && running "$R" && ! contains r.out "Llegint missatge"; then
    ok "claim 10: fifo_read is still blocked in open() while no writer exists"
else
    not_ok "claim 10: fifo_read is still blocked in open() while no writer exists" "$(cat r.out r.err)"
fi
check "claim 10: the writer exits 0" sh -c './fifo/fifo_write bloc >/dev/null'
check "claim 10: two unrelated processes talk through the FIFO" exits_with "$R" 0
check "claim 10: the reader got the writer's message" has_line r.out "Rebut test, tancant."

# Several writers at once: each message (below PIPE_BUF) arrives whole.
mkfifo multi
start cat cat multi
C=$LAST
exec 3>multi                      # hold a write end so that cat waits for everyone
i=0 wpids=
while [ $i -lt 20 ]; do
    ./fifo/fifo_write multi "$(printf "%04d" $i | awk '{ s = ""; for (j = 0; j < 200; j++) s = s $0 "-"; print s }')" >/dev/null &
    wpids="$wpids $!"
    i=$((i + 1))
done
wfail=0
for p in $wpids; do wait "$p" || wfail=$((wfail + 1)); done
exec 3>&-
wait_for 10 ended "$C"
tr '\0' '\n' <cat.out >msgs
if [ "$wfail" -eq 0 ] && [ "$(wc -l <msgs)" -eq 20 ] &&
   awk '{ k = substr($0, 1, 4); if ($0 != sprintf("%0200d", 0) && length($0) != 1000) exit 1; for (j = 0; j < 200; j++) if (substr($0, j * 5 + 1, 5) != k "-") exit 1; seen[k]++ } END { if (length(seen) != 20) exit 1 }' msgs; then
    ok "20 writers at once: every 1000-byte message arrives whole"
else
    not_ok "20 writers at once: every 1000-byte message arrives whole" "writer failures: $wfail" "$(head -c 300 msgs)"
fi

# The reader goes away while the writer writes: EPIPE is reported, no silent death.
big=$(awk 'BEGIN { s = "x"; while (length(s) < 100000) s = s s; print substr(s, 1, 100000) }')
mkfifo gone
start hold sh -c 'exec sleep 60 <gone'    # a reader that never reads (killed below, not a deadline)
H=$LAST
start w ./fifo/fifo_write gone "$big"
W=$LAST
if wait_for 10 contains w.out "Escrivint missatge"; then kill -KILL "$H"; else echo "# the writer never started writing: $(cat w.err)"; fi
check "reader killed: the writer exits with status 1" exits_with "$W" 1
check "reader killed: the writer says Broken pipe" has_line w.err "fifo_write: write gone: Broken pipe"
mkfifo early
start w ./fifo/fifo_write early "$big"
W=$LAST
start r ./fifo/fifo_read early
check "reader stops after its buffer: it exits with status 1" exits_with "$LAST" 1
check "reader stops after its buffer: it reports the message as too long" contains r.err "message longer than"
check "reader stops after its buffer: the writer gets EPIPE, status 1" exits_with "$W" 1

# Bad input.
mkfifo mute
start r ./fifo/fifo_read mute
R=$LAST
wait_for 10 has_line r.out "Obrint pipe per lectura"
: >mute                           # a writer that opens and closes without writing
check "writer closed without writing: reader exits 1" exits_with "$R" 1
check "writer closed without writing: reader says so" has_line r.err "fifo_read: mute: writer closed without writing"
echo "precious" >regular
expect_fail "fifo_read: path is a regular file" "not a FIFO" ./fifo/fifo_read regular
expect_fail "fifo_write: path is a regular file" "not a FIFO" ./fifo/fifo_write regular
check "the regular file is left untouched" has_line regular precious
expect_fail "fifo_read: missing directory" "No such file or directory" ./fifo/fifo_read nodir/f
expect_fail "fifo_write: missing directory" "No such file or directory" ./fifo/fifo_write nodir/f
expect_fail "fifo_read: two paths" "usage" ./fifo/fifo_read a b
expect_fail "fifo_write: unknown option" "usage" ./fifo/fifo_write -x
check "fifo_read -h prints usage" sh -c './fifo/fifo_read -h >h.out && grep -q "^Ús: fifo_read" h.out'
check "fifo_write -h prints usage" sh -c './fifo/fifo_write -h >h.out && grep -q "^Ús: fifo_write" h.out'

done_testing
