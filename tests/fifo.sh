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
wait_for 5 has_line w.out "Obrint pipe per escriptura"
start r ./fifo/fifo_read canal
R=$LAST
check "writer first: reader exits 0" exits_with "$R" 0
check "writer first: writer exits 0" exits_with "$W" 0
same_file "writer first: reader gets the message" want.r r.out

# Bad input.
echo "precious" >regular
expect_fail "fifo_read: path is a regular file" "not a FIFO" ./fifo/fifo_read regular
expect_fail "fifo_write: path is a regular file" "not a FIFO" ./fifo/fifo_write regular
check "the regular file is left untouched" has_line regular precious
expect_fail "fifo_read: missing directory" "No such file or directory" ./fifo/fifo_read nodir/f
expect_fail "fifo_write: missing directory" "No such file or directory" ./fifo/fifo_write nodir/f
expect_fail "fifo_read: two paths" "usage" ./fifo/fifo_read a b
expect_fail "fifo_write: unknown option" "usage" ./fifo/fifo_write -x
check "fifo_read -h prints usage" sh -c './fifo/fifo_read -h | grep -q "^Ús: fifo_read"'
check "fifo_write -h prints usage" sh -c './fifo/fifo_write -h | grep -q "^Ús: fifo_write"'

done_testing
