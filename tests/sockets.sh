#!/bin/sh
# tests/sockets.sh — network sockets: socket_server (one client at a time),
# socket_server_concurrent (a child per client) and socket_client.
#
# Every server listens on a port this script picks at random (never 1234, the
# demo's), on loopback, or on the address of one of two network namespaces
# that the script makes itself (claim 17 across two hosts, root only).
# Misbehaving clients (silent, not reading, bytes with a '\0', holding the
# connection open) are bash's /dev/tcp: without bash, those checks skip.
. "$(dirname "$0")/lib.sh"

# Under valgrind (make memcheck) each program takes ~0.5 s of CPU to start:
# fewer clients where each is a process of ours.
SEQ_CLIENTS=${SOCKETS_SEQ_CLIENTS:-${VALGRIND:+50}}
SEQ_CLIENTS=${SEQ_CLIENTS:-1000}           # load test: one after another
PAR_CLIENTS=${SOCKETS_PAR_CLIENTS:-50}     # load test: all at once (one bash process)
PAR_PROCS=${SOCKETS_PAR_PROCS:-${VALGRIND:+10}}
PAR_PROCS=${PAR_PROCS:-50}                 # load test: socket_client processes at once

if command -v bash >/dev/null 2>&1; then HAVE_BASH=1; else HAVE_BASH=; fi
NO_BASH="needs bash for its /dev/tcp (a misbehaving client)"

# ---- local helpers ----------------------------------------------------------
# rand_port: a port in 20000-31999 (below Linux's ephemeral range).
rand_port() {
    echo $((20000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 12000))
}

up_or_gone() { contains "$1.out" "Escoltant a " || ended "$2"; }

# start_server NAME PROG [ADREÇA [SEGONS]]: start `$WRAP PROG PORT ...` with a
# random free PORT and wait for its "Escoltant a" line; another port when
# that one is in use.  Sets SRV (its PID) and PORT.  Status 1 if it never
# listens.  WRAP (normally empty) runs it elsewhere: `ip netns exec NS`.
WRAP=
start_server() {
    _sn=$1 _sp=$2; shift 2
    for _try in 1 2 3 4 5 6 7 8 9 10; do
        PORT=$(rand_port)
        start "$_sn" $WRAP "$_sp" "$PORT" "$@"
        SRV=$LAST
        wait_for 10 up_or_gone "$_sn" "$SRV" || return 1
        contains "$_sn.out" "Escoltant a " && return 0
        wait "$SRV"
        forget "$SRV"
        contains "$_sn.err" " in use" || return 1   # EADDRINUSE: glibc and musl word it differently
    done
    return 1
}

# need_server NAME PROG [ARGS]: start_server, or give up the script (nothing
# further could be checked without it).
need_server() {
    start_server "$@" && return 0
    not_ok "$1: the server listens" "$(cat "$1.out" "$1.err")"
    done_testing
    exit 1
}

# children_of PID: the PIDs of PID's children, zombies included (POSIX ps,
# or /proc where there is no ps).
children_of() {
    if command -v ps >/dev/null 2>&1; then
        ps -e -o pid= -o ppid=
    else
        for _f in /proc/[0-9]*/stat; do
            sed -n 's/^\([0-9]*\) .*) . \([0-9]*\) .*/\1 \2/p' "$_f" 2>/dev/null
        done
    fi | awk -v p="$1" '$2 == p { print $1 }'
}
all_ended()   { for _p in "$@"; do ended "$_p" || return 1; done; }
no_children() { [ -z "$(children_of "$1")" ]; }
n_children()  { [ "$(children_of "$1" | wc -l)" -eq "$2" ]; }
count_is()    { [ "$(grep -c -- "$2" "$1")" -eq "$3" ]; }   # FILE has N lines with TEXT

# client NAME CMD...: run the client command CMD (10 s at most); status 0
# when it exits 0, else show its stderr.
client() {
    _cn=$1; shift
    start "$_cn" "$@"
    exits_with "$LAST" 0 || { sed 's/^/#   client: /' "$_cn.err"; return 1; }
}

# served TAG: the server on $PORT still answers a new client.
served() {
    client "next_$1" ./sockets/socket_client 127.0.0.1 "$PORT" "$1" && has_line "next_$1.out" "$1"
}

# tcp NAME SCRIPT: bash, its fd 3 connected to 127.0.0.1:$PORT, runs SCRIPT.
# Scripts use builtins, or exec their last command, so that the process
# `start` remembers is the one holding the connection (the cleanup kills it).
tcp() {
    start "$1" bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT || exit 1; $2"
}

# conns NAME N [hold]: one bash process opens N connections to $PORT at once,
# sends "NAME i" on connection i, then reads the echoes in turn and prints
# them, hanging up each one after its echo; with hold, it keeps them all open
# afterwards, until the server closes the first.  Many clients, one process.
conns() {
    start "$1" bash -c 'fds=()
        for ((i = 0; i < $1; i++)); do exec {fd}<>/dev/tcp/127.0.0.1/$2 || exit 1; fds+=($fd); done
        for ((i = 0; i < $1; i++)); do printf "%s %d\n" "$3" $i >&${fds[i]}; done
        for ((i = 0; i < $1; i++)); do
            IFS= read -r l <&${fds[i]} && printf "%s\n" "$l" || exit 1
            fd=${fds[i]}; [ "$4" = hold ] || exec {fd}>&-
        done
        [ "$4" != hold ] || exec cat <&${fds[0]}' _ "$2" "$PORT" "$1" "${3:-}"
}
# echoed NAME N: conns NAME N has printed the N echoes, in order.
echoed() { awk -v n="$2" -v w="$1" 'BEGIN { for (i = 0; i < n; i++) print w " " i }' | cmp -s - "$1.out"; }

# normal_log [FILE]: the server's log with the client's port and the child's PID made constant.
normal_log() { sed 's/^Fill [0-9]*:/Fill N:/; s/\([Cc]lient\) \([0-9.]*\):[0-9]*/\1 \2:P/' "$@"; }

# A byte string with a '\0' inside, and the bash script that sends it and
# reads back as many bytes (dd, one byte at a time: a short read cannot cut it).
printf 'abc\000def\n' >want.bytes
SEND_BYTES='printf "abc\0def\n" >&3; exec dd bs=1 count=8 <&3 2>/dev/null'

# ==== socket_server: one client at a time =====================================
need_server srv ./sockets/socket_server
S=$SRV
check "socket_server listens on loopback, port as given" has_line srv.out "Escoltant a 127.0.0.1:$PORT"
check "socket_client exits 0" client c1 ./sockets/socket_client localhost "$PORT" Hola
printf 'Hola\n' >want.c1
printf 'Escoltant a 127.0.0.1:%s\nClient 127.0.0.1:P connectat\nMissatge rebut (5 bytes): Hola\nClient desconnectat\n' "$PORT" >want.srv
normal_log srv.out >got.srv
same_file "claim 17: the client's message reaches the server, which prints it" want.srv got.srv
same_file "claim 17: the server's reply (the echo) reaches the client, which prints it" want.c1 c1.out
check "nothing on stderr on either side" test ! -s srv.err -a ! -s c1.err
full_stdout "socket_client: its output is its result (stdout on a full disk fails)" \
    ./sockets/socket_client 127.0.0.1 "$PORT" Hola
check "socket_client sends Hola by default" client c2 ./sockets/socket_client 127.0.0.1 "$PORT"
check "the default message comes back" has_line c2.out "Hola"
check "a message with spaces and accents goes through" client c3 ./sockets/socket_client localhost "$PORT" "Bon dia, què tal?"
check "it comes back whole" has_line c3.out "Bon dia, què tal?"
long=$(printf '%04094d' 0)
check "a message of 4094 bytes (the most) goes through" client c4 ./sockets/socket_client localhost "$PORT" "$long"
check "it comes back whole" has_line c4.out "$long"
if [ -n "$HAVE_BASH" ]; then
    tcp bytes "$SEND_BYTES"
    check "bytes with a NUL inside: the bash client ends" exits_with "$LAST" 0
    same_file "bytes are bytes: a NUL byte and the newline come back whole" want.bytes bytes.out
    check "bytes are bytes: the server saw 8 bytes" wait_for 10 contains srv.out "Missatge rebut (8 bytes): abc"
    # A message and its echo, then the next one: each is answered before the next is sent.
    tcp multi 'for m in u dos tres; do printf "%s\r\n" $m >&3; IFS= read -r l <&3; printf "%s\n" "$l"; done'
    check "several messages in one connection: bash client ends" exits_with "$LAST" 0
    printf 'u\r\ndos\r\ntres\r\n' >want.multi
    same_file "claim 17: both ways, message by message, on one connection (CR LF kept)" want.multi multi.out
else
    skip "bytes are bytes: a NUL byte and the newline come back whole" "$NO_BASH"
    skip "claim 17: both ways, message by message, on one connection (CR LF kept)" "$NO_BASH"
fi

# One client at a time: while one holds the server, the next one waits in read().
if [ -n "$HAVE_BASH" ]; then
    tcp holder 'printf "primer\n" >&3; exec cat <&3'
    H=$LAST
    wait_for 10 has_line holder.out "primer"
    start second ./sockets/socket_client 127.0.0.1 "$PORT" segon
    SECOND=$LAST
    if ! has_proc; then skip "one at a time: the second client waits while the first is served" "no /proc"
    else check "one at a time: the second client waits (asleep) while the first is served" wait_for 10 blocked "$SECOND"; fi
    kill -TERM "$H"
    check "once the first hangs up, the second is served" exits_with "$SECOND" 0
    check "... and gets its echo" has_line second.out "segon"
    printf 'Missatge rebut (7 bytes): primer\nClient desconnectat\nClient 127.0.0.1:P connectat\nMissatge rebut (6 bytes): segon\n' >want.order
    tr -d '\000' <srv.out | normal_log | grep -A 3 'primer$' >got.order
    same_file "... after the first one has hung up, as the server's log shows" want.order got.order
else
    skip "one at a time: the second client waits while the first is served" "$NO_BASH"
fi

# A client killed at once, wherever it was; the server goes on.
start gone ./sockets/socket_client 127.0.0.1 "$PORT" "adeu"
kill -KILL "$LAST"
wait "$LAST" 2>/dev/null
forget "$LAST"
check "after a client killed at once, the server serves the next one" served gone
expect_fail "socket_server: port in use" " in use" ./sockets/socket_server "$PORT"
check "port in use: the message names address and port, and the next step" \
    grep -qE "^socket_server: bind 127\.0\.0\.1:$PORT: Address (already )?in use \(ja hi ha un servidor" fail.err
check "after the failed second server, the first one still serves" served inuse
check "socket_server reports nothing on stderr" test ! -s srv.err
kill -TERM "$S"
check "socket_server ends on SIGTERM (the default action)" exits_with "$S" 143
expect_fail "socket_client: no server" "Connection refused" ./sockets/socket_client localhost "$PORT"
check "no server: the message names host and port, and says to start the server" \
    has_line fail.err "socket_client: connectant a localhost:$PORT: Connection refused (engegueu primer ./sockets/socket_server)"

# ---- idle clients: a silent one, one that does not read ------------------------
if [ -n "$HAVE_BASH" ]; then
    need_server idle ./sockets/socket_server 127.0.0.1 1
    I=$SRV
    tcp silent 'exec cat <&3'
    SIL=$LAST
    wait_for 10 contains idle.out "connectat"
    start after ./sockets/socket_client 127.0.0.1 "$PORT" "despres"
    check "a silent client is dropped: the next client is answered" exits_with "$LAST" 0
    check "... with its echo" has_line after.out "despres"
    check "the drop is in the server's log" has_line idle.out "Client inactiu durant 1 s: desconnectat"
    check "the silent client sees the end of the connection" exits_with "$SIL" 0
    # 1 KiB writes and never a read: once both buffers are full, the server's write() waits.
    tcp noread 'trap "" PIPE; printf -v k "%01024d" 0; while printf %s "$k" >&3 2>/dev/null; do :; done'
    check "a client that never reads is dropped too" exits_with "$LAST" 0 30
    check "... with a line in the log" wait_for 10 count_is idle.out "Client inactiu durant 1 s: desconnectat" 2
    check "after both, the server serves the next one" served idle
    kill -TERM "$I"; exits_with "$I" 143 >/dev/null
else
    skip "idle clients are dropped after SEGONS seconds" "$NO_BASH"
fi

# ---- load: one after another, and all at once, on the plain server ----------------
need_server load ./sockets/socket_server
L=$SRV
# One bash process makes the connections one after another (a new process per
# client would cost more than the server's work); without bash, socket_client.
if [ -n "$HAVE_BASH" ]; then
    start seq bash -c 'for ((i = 0; i < $1; i++)); do
        exec 3<>/dev/tcp/127.0.0.1/$2 && printf "seq %d\n" $i >&3 && IFS= read -r l <&3 &&
            printf "%s\n" "$l" || echo "client $i failed" >&2; exec 3>&-; done' _ "$SEQ_CLIENTS" "$PORT"
else
    start seq sh -c 'i=0; while [ $i -lt "$1" ]; do
        ./sockets/socket_client 127.0.0.1 "$2" "seq $i" || echo "client $i failed" >&2; i=$((i + 1)); done' \
        _ "$SEQ_CLIENTS" "$PORT"
fi
SEQ=$LAST
wait_for 120 ended "$SEQ" || kill -KILL "$SEQ"
awk -v n="$SEQ_CLIENTS" 'BEGIN { for (i = 0; i < n; i++) print "seq " i }' >want.seq
same_file "load: $SEQ_CLIENTS clients one after another, each gets its echo" want.seq seq.out
check "load: none of them failed" test ! -s seq.err
awk -v n="$SEQ_CLIENTS" 'BEGIN { for (i = 0; i < n; i++) print "Missatge rebut (" length("seq " i) + 1 " bytes): seq " i }' >want.seqlog
grep '^Missatge rebut' load.out >got.seqlog
same_file "load: the server printed each of the $SEQ_CLIENTS messages once, in order" want.seqlog got.seqlog
check "load: each of them connected and hung up once" \
    sh -c '[ "$(grep -c "^Client 127.0.0.1:[0-9]* connectat$" load.out)" -eq "$1" ] &&
           [ "$(grep -c "^Client desconnectat$" load.out)" -eq "$1" ]' _ "$SEQ_CLIENTS"

# par_load NAME: $PAR_PROCS clients started at once against $PORT; ok when
# every one exits 0 with its own echo.
par_load() {
    _i=0 _pids=
    while [ $_i -lt "$PAR_PROCS" ]; do
        start "$1$_i" ./sockets/socket_client 127.0.0.1 "$PORT" "$1 $_i"
        _pids="$_pids $LAST" _i=$((_i + 1))
    done
    wait_for 60 all_ended $_pids    # one deadline for all: a broken server costs 60 s, not 50 x 10
    _bad=
    for _p in $_pids; do exits_with "$_p" 0 0 >/dev/null || _bad="$_bad $_p"; done
    _i=0
    while [ $_i -lt "$PAR_PROCS" ]; do
        has_line "$1$_i.out" "$1 $_i" || _bad="$_bad #$_i"
        _i=$((_i + 1))
    done
    [ -z "$_bad" ] || { echo "#   failed or wrong:$_bad"; return 1; }
}
if [ -n "$HAVE_BASH" ]; then
    conns queue "$PAR_CLIENTS"
    check "load: $PAR_CLIENTS clients connected at once are served one after another" exits_with "$LAST" 0 30
    check "... each gets its echo, none lost" echoed queue "$PAR_CLIENTS"
else
    skip "load: $PAR_CLIENTS clients connected at once are served one after another" "$NO_BASH"
fi
kill -TERM "$L"; exits_with "$L" 143 >/dev/null

# ==== socket_server_concurrent: a child per client ============================
need_server conc ./sockets/socket_server_concurrent 127.0.0.1 60
C=$SRV
check "socket_server_concurrent listens on loopback, port as given" has_line conc.out "Escoltant a 127.0.0.1:$PORT"
check "concurrent: socket_client exits 0" client k1 ./sockets/socket_client localhost "$PORT" Hola
check "concurrent: the echo reaches the client" has_line k1.out "Hola"
wait_for 10 contains conc.out "desconnectat"
printf 'Escoltant a 127.0.0.1:%s\nFill N: client 127.0.0.1:P connectat\nFill N: missatge rebut (5 bytes): Hola\nFill N: client desconnectat (ha tancat la connexió)\n' "$PORT" >want.conc
normal_log conc.out >got.conc
same_file "claim 17 (concurrent): the message reaches the server; a child prints it" want.conc got.conc
check "concurrent: the child that served it is not the server" \
    sh -c '! grep -q "^Fill $1:" conc.out' _ "$C"
if [ -n "$HAVE_BASH" ]; then
    tcp kbytes "$SEND_BYTES"
    check "concurrent: bytes with a NUL inside: the bash client ends" exits_with "$LAST" 0
    same_file "concurrent: bytes are bytes: a NUL byte and the newline come back whole" want.bytes kbytes.out

    # 64 silent clients, all connections of one bash process; then client 65.
    start silent64 bash -c "i=0; while [ \$i -lt 64 ]; do exec {fd}<>/dev/tcp/127.0.0.1/$PORT || exit 1; i=\$((i + 1)); done; exec cat <&\$fd"
    SIL=$LAST
    check "concurrent: 64 silent clients connected, a child each" wait_for 30 n_children "$C" 64
    check "concurrent: with 64 silent clients connected, client 65 is answered" \
        client k65 ./sockets/socket_client 127.0.0.1 "$PORT" "client 65"
    check "... with its echo" has_line k65.out "client 65"
    kids=$(children_of "$C")
    kill -TERM "$C"
    check "SIGTERM with 64 clients connected: exit 0" exits_with "$C" 0
    check "SIGTERM: the last line is Servidor aturat." test "$(tail -n 1 conc.out)" = "Servidor aturat."
    check "SIGTERM: every child has gone (no process left)" wait_for 10 all_ended $kids
    check "SIGTERM: the silent clients saw the end" exits_with "$SIL" 0
    check "SIGTERM: each child said why it hung up" count_is conc.out "client desconnectat (el servidor s'atura)" 64
    check "SIGTERM: the server reports nothing abnormal" test ! -s conc.err
else
    skip "concurrent: with 64 silent clients connected, client 65 is answered" "$NO_BASH"
    kill -TERM "$C"
    check "SIGTERM: exit 0" exits_with "$C" 0
fi

# Idle clients are dropped after SEGONS seconds, with a line in the log.
if [ -n "$HAVE_BASH" ]; then
    need_server cidle ./sockets/socket_server_concurrent 127.0.0.1 1
    I=$SRV
    tcp csilent 'exec cat <&3'
    check "concurrent: a silent client is dropped after SEGONS seconds" exits_with "$LAST" 0
    check "... with a line in the server's log" \
        sh -c 'grep -q "^Fill [0-9]*: client inactiu durant 1 s: desconnectat$" cidle.out'
    check "... and its child is reaped (no zombie)" wait_for 10 no_children "$I"
    check "after it, the server serves the next one" served cidle
    check "the server reported nothing on stderr" test ! -s cidle.err
    kill -TERM "$I"; exits_with "$I" 0 >/dev/null

    # A child killed from outside: the parent says so, and its exit status too.
    need_server cvict ./sockets/socket_server_concurrent 127.0.0.1 60
    V=$SRV
    tcp victim "printf 'hola\n' >&3; exec cat <&3"
    wait_for 10 has_line victim.out "hola"
    kid=$(children_of "$V")
    kill -KILL $kid
    check "a child killed by a signal is reported by the parent" \
        wait_for 10 has_line cvict.err "socket_server_concurrent: el fill $kid ha acabat malament (senyal 9)"
    kill -TERM "$V"
    check "... and the server's stop then exits 1" exits_with "$V" 1
else
    skip "concurrent: idle clients are dropped after SEGONS seconds" "$NO_BASH"
fi

# ---- load on the concurrent server ----------------------------------------------
need_server cload ./sockets/socket_server_concurrent
L=$SRV
check "concurrent load: $PAR_PROCS clients at once, each answered right, none lost" par_load par
if wait_for 10 no_children "$L"; then ok "concurrent load: no zombie (no child at all) left after the load"
else not_ok "concurrent load: no zombie (no child at all) left after the load" "children: $(children_of "$L")"; fi
if [ -n "$HAVE_BASH" ]; then
    # Each holds its connection open after its echo, until the server closes it.
    conns hold "$PAR_CLIENTS" hold
    holds=$LAST
    check "concurrency: $PAR_CLIENTS open connections all get their echo" wait_for 30 echoed hold "$PAR_CLIENTS"
    check "concurrency: one child per client, all $PAR_CLIENTS alive at once" n_children "$L" "$PAR_CLIENTS"
    kids=$(children_of "$L")
    # Ctrl+C: the terminal sends SIGINT to the whole group, children included.
    kill -INT $kids "$L" 2>/dev/null
    check "Ctrl+C (SIGINT to the group) with $PAR_CLIENTS clients connected: exit 0" exits_with "$L" 0
    check "Ctrl+C: the last line is Servidor aturat." test "$(tail -n 1 cload.out)" = "Servidor aturat."
    check "Ctrl+C: every child has gone" wait_for 10 all_ended $kids
    check "Ctrl+C: each child said why it hung up" count_is cload.out "client desconnectat (el servidor s'atura)" "$PAR_CLIENTS"
    check "Ctrl+C: the clients saw the end" exits_with "$holds" 0
    check "Ctrl+C: the server reports nothing abnormal" test ! -s cload.err
else
    skip "concurrency: $PAR_CLIENTS connections open at once" "$NO_BASH"
    kill -INT "$L"
    check "SIGINT: exit 0" exits_with "$L" 0
fi

# The server killed outright (SIGKILL, no handler runs): its children still go,
# because the kernel closes the pipe they watch.
if [ -n "$HAVE_BASH" ]; then
    need_server ckill ./sockets/socket_server_concurrent
    K=$SRV
    tcp kheld "printf 'hola\n' >&3; exec cat <&3"
    H=$LAST
    wait_for 10 has_line kheld.out "hola"
    kids=$(children_of "$K")
    check "SIGKILL: the connected client has its child" test -n "$kids"
    kill -KILL "$K"
    exits_with "$K" 137 >/dev/null
    check "SIGKILL on the server: its child hangs up too, no process left" wait_for 10 all_ended $kids "$H"
fi

# ---- bad input ----------------------------------------------------------------
for prog in socket_server socket_server_concurrent; do
    for p in 0 70000 abc -1 12x ""; do
        expect_fail "$prog: bad port '$p'" "Ús: $prog [PORT]" "./sockets/$prog" "$p"
    done
    expect_fail "$prog: bad address" "adreça '999.1.1.1'" "./sockets/$prog" "$PORT" 999.1.1.1
    expect_fail "$prog: a name is not an address" "adreça 'localhost'" "./sockets/$prog" "$PORT" localhost
    expect_fail "$prog: bad SEGONS" "segons '0'" "./sockets/$prog" "$PORT" 127.0.0.1 0
    # 192.0.2.1 is for documentation: never an address of this machine (no packet is sent).
    expect_fail "$prog: an address not of this machine" "bind 192.0.2.1:$PORT: " "./sockets/$prog" "$PORT" 192.0.2.1
    expect_fail "$prog: too many arguments" "Ús:" "./sockets/$prog" "$PORT" 127.0.0.1 5 x
    expect_fail "$prog: unknown option" "Ús:" "./sockets/$prog" -x
done
for p in 0 70000 abc; do
    expect_fail "socket_client: bad port '$p'" "Ús: socket_client" ./sockets/socket_client localhost "$p"
done
# A 64-byte label cannot go into a DNS query: the resolver rejects the name
# before sending anything, so this checks an unknown host with no network.
nohost="$(printf '%064d' 0 | tr 0 x).invalid"
expect_fail "socket_client: unknown host" "resolent $nohost: " ./sockets/socket_client "$nohost" "$PORT"
expect_fail "socket_client: a message over the limit" "massa llarg" ./sockets/socket_client localhost "$PORT" "${long}x"
expect_fail "socket_client: too many arguments" "Ús:" ./sockets/socket_client localhost "$PORT" a b
expect_fail "socket_client: unknown option" "Ús:" ./sockets/socket_client -x
help_ok() {   # PROG -h: exit 0, "Ús: PROG ..." and one sentence on stdout, nothing on stderr
    "./sockets/$1" -h >help.out 2>help.err &&
        head -n 1 help.out | grep -q "^Ús: $1 " && [ "$(wc -l <help.out)" -eq 2 ] && [ ! -s help.err ]
}
for prog in socket_server socket_server_concurrent socket_client; do
    check "$prog -h prints its usage" help_ok "$prog"
done

# ---- claim 17 across two hosts: two network namespaces joined by a veth pair ----
NS_MADE=
ns_cleanup() { for _ns in $NS_MADE; do ip netns del "$_ns" 2>/dev/null; done; }
trap 'cleanup; ns_cleanup' EXIT
NS1=ipc-sockets-srv-$$ NS2=ipc-sockets-cli-$$
ns_setup() {
    ip netns add "$NS1" 2>/dev/null && NS_MADE=$NS1 &&
    ip netns add "$NS2" && NS_MADE="$NS1 $NS2" &&
    ip link add veth-srv netns "$NS1" type veth peer name veth-cli netns "$NS2" &&
    ip -n "$NS1" addr add 169.254.77.1/24 dev veth-srv &&
    ip -n "$NS2" addr add 169.254.77.2/24 dev veth-cli &&
    ip -n "$NS1" link set veth-srv up && ip -n "$NS2" link set veth-cli up &&
    ip -n "$NS1" link set lo up && ip -n "$NS2" link set lo up
}
link_up() { ip -n "$1" link show "$2" | grep -q 'state UP'; }
if [ "$(id -u)" -ne 0 ]; then
    skip "claim 17: client and server on two hosts (network namespaces)" "needs root for ip netns"
elif ! command -v ip >/dev/null 2>&1; then
    skip "claim 17: client and server on two hosts (network namespaces)" "no ip command"
elif ! ns_setup 2>ns.err; then
    skip "claim 17: client and server on two hosts (network namespaces)" "ip netns does not work here: $(head -n 1 ns.err)"
else
    wait_for 10 link_up "$NS1" veth-srv && wait_for 10 link_up "$NS2" veth-cli ||
        echo "# the veth link is not up after 10 s"
    WRAP="ip netns exec $NS1"
    if start_server nsrv ./sockets/socket_server 169.254.77.1; then
        check "two hosts: the server listens on its host's address" has_line nsrv.out "Escoltant a 169.254.77.1:$PORT"
        check "claim 17: a client on another host connects and gets the echo" \
            client ncli ip netns exec "$NS2" ./sockets/socket_client 169.254.77.1 "$PORT" "Hola des de l'altre host"
        check "claim 17 (two hosts): the echo reaches the client" has_line ncli.out "Hola des de l'altre host"
        check "claim 17 (two hosts): the message reaches the server" has_line nsrv.out "Missatge rebut (25 bytes): Hola des de l'altre host"
        check "claim 17 (two hosts): the server sees the other host's address" contains nsrv.out "Client 169.254.77.2:"
        kill -TERM "$SRV"
        check "two hosts: the server ends on SIGTERM" exits_with "$SRV" 143
    else
        not_ok "two hosts: the server listens on its host's address" "$(cat nsrv.out nsrv.err)"
    fi
    # Without ADREÇA the server listens on loopback only: the other host is refused.
    if start_server nlo ./sockets/socket_server; then
        start nref ip netns exec "$NS2" ./sockets/socket_client 169.254.77.1 "$PORT"
        check "two hosts: without ADREÇA (loopback only), the other host is refused" exits_with "$LAST" 1
        check "two hosts: ... with Connection refused" contains nref.err "Connection refused"
        kill -TERM "$SRV"; exits_with "$SRV" 143 >/dev/null
    else
        not_ok "two hosts: loopback server starts" "$(cat nlo.err)"
    fi
    WRAP=
fi

done_testing
