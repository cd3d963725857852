#!/bin/sh
# tests/sockets.sh — network sockets: socket_server / socket_client.
#
# Every server listens on a random free port (never 1234, the demo's), on
# loopback, or on the link-local addresses of two network namespaces that the
# test makes itself (claim 17 across two hosts, root only).
# Misbehaving clients (silent, cut mid-line, 1 MiB without a newline, holding
# the connection open) are bash's /dev/tcp: without bash, those checks skip.
. "$(dirname "$0")/lib.sh"

# Under valgrind (make memcheck) each client takes ~0.5 s to start: 50, not 1000.
SEQ_CLIENTS=${SOCKETS_SEQ_CLIENTS:-${VALGRIND:+50}}
SEQ_CLIENTS=${SEQ_CLIENTS:-1000}           # load test: one after another
PAR_CLIENTS=${SOCKETS_PAR_CLIENTS:-50}     # load test: all at once (< MAX_FILLS, 64)

if command -v bash >/dev/null 2>&1; then HAVE_BASH=1; else HAVE_BASH=; fi
NO_BASH="needs bash for its /dev/tcp (a misbehaving client)"

# ---- local helpers ----------------------------------------------------------
# rand_port: a port in 20000-31999 (below Linux's ephemeral range).
rand_port() {
    echo $((20000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 12000))
}

up_or_gone() { contains "$1.out" "Escoltant a " || ended "$2"; }

# start_server NAME CMD...: start CMD with a random port as last argument
# and wait for its "Escoltant a" line; another port when that one is in use.
# Sets SRV (its PID) and PORT.  Status 1 if it never listens.
start_server() {
    _sn=$1; shift
    for _try in 1 2 3 4 5 6 7 8 9 10; do
        PORT=$(rand_port)
        start "$_sn" "$@" "$PORT"
        SRV=$LAST
        wait_for 10 up_or_gone "$_sn" "$SRV" || return 1
        contains "$_sn.out" "Escoltant a " && return 0
        wait "$SRV"
        contains "$_sn.err" " in use" || return 1   # EADDRINUSE: glibc and musl word it differently
    done
    return 1
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

# client NAME CMD...: run the client command CMD (10 s at most); status 0
# when it exits 0, else show its stderr.
client() {
    _cn=$1; shift
    start "$_cn" "$@"
    exits_with "$LAST" 0 || { sed 's/^/#   client: /' "$_cn.err"; return 1; }
}

# served TAG: the server on $PORT still answers a new client.
served() {
    client "next_$1" ./sockets/socket_client 127.0.0.1 "$PORT" "$1" >/dev/null && has_line "next_$1.out" "Rebut: $1"
}

# tcp NAME SCRIPT: bash, its fd 3 connected to 127.0.0.1:$PORT, runs SCRIPT.
# Scripts use builtins, or exec their last command, so that the process
# `start` remembers is the one holding the connection (the cleanup kills it).
tcp() {
    start "$1" bash -c "exec 3<>/dev/tcp/127.0.0.1/$PORT || exit 1; $2"
}

# need_server NAME CMD...: start_server, or give up the script (nothing
# further could be checked without it).
need_server() {
    start_server "$@" && return 0
    not_ok "$1: socket_server listens" "$(cat "$1.out" "$1.err")"
    done_testing
    exit 1
}

# ---- happy path (claim 17) ------------------------------------------------------
need_server srv ./sockets/socket_server
S=$SRV
check "socket_server prints where it listens" has_line srv.out "Escoltant a 127.0.0.1:$PORT"
check "socket_client exits 0" client c1 ./sockets/socket_client localhost "$PORT" Hola
printf 'Rebut: Hola\n' >want.c1
printf 'Escoltant a 127.0.0.1:%s\nMissatge rebut: Hola\n' "$PORT" >want.srv
same_file "claim 17: the client's message reaches the server, which prints it" want.srv srv.out
same_file "claim 17: the server's reply reaches the client, which prints it" want.c1 c1.out
check "nothing on stderr on either side" test ! -s srv.err -a ! -s c1.err
check "socket_client sends Hola by default" client c2 ./sockets/socket_client 127.0.0.1 "$PORT"
check "the default message is answered" has_line c2.out "Rebut: Hola"
check "a message with spaces and accents goes through whole" client c3 ./sockets/socket_client localhost "$PORT" "Bon dia, què tal?"
check "its reply is whole" has_line c3.out "Rebut: Bon dia, què tal?"
long=$(printf '%04095d' 0)
check "a line of 4095 bytes (the most) is answered" client c4 ./sockets/socket_client localhost "$PORT" "$long"
check "its reply is whole" has_line c4.out "Rebut: $long"
if [ -n "$HAVE_BASH" ]; then
    tcp multi 'printf "u\ndos\r\ntres\n" >&3; for i in 1 2 3; do IFS= read -r l <&3; echo "$l"; done'
    check "several lines in one connection: bash client ends" exits_with "$LAST" 0
    printf 'Rebut: u\nRebut: dos\nRebut: tres\n' >want.multi
    same_file "claim 17: both ways, line by line, on one connection (CR LF too)" want.multi multi.out
else
    skip "claim 17: both ways, line by line, on one connection (CR LF too)" "$NO_BASH"
fi

# ---- bad clients: the server keeps serving (issue 4) --------------------------
if [ -n "$HAVE_BASH" ]; then
    lines_before=$(wc -l <srv.out)
    tcp silent 'exec 3>&-'
    check "a client that sends nothing and leaves ends" exits_with "$LAST" 0
    check "after a silent client, the server serves the next one" served silent
    check "the silent client left no trace in the log" \
        test "$(wc -l <srv.out)" -eq $((lines_before + 1)) -a ! -s srv.err

    tcp midline 'printf "mig miss" >&3'
    check "a client that leaves mid-line ends" exits_with "$LAST" 0
    check "after a client left mid-line, the server serves the next one" served midline
    check "the server says the cut line was discarded" \
        wait_for 10 contains srv.err "client left mid-line, 8 bytes discarded"
    check "the cut line is not printed as a message" sh -c '! grep -q "mig miss" srv.out'

    # 1024 writes of 1 KiB of "0"s; once the server has hung up, write fails (EPIPE).
    tcp huge 'trap "" PIPE; printf -v k "%01024d" 0; i=0
        while [ $i -lt 1024 ] && printf %s "$k" >&3 2>/dev/null; do i=$((i + 1)); done
        exec cat <&3'
    wait_for 10 ended "$LAST"
    check "1 MiB without a newline: the client gets an error line" \
        has_line huge.out "Error: línia massa llarga"
    check "1 MiB without a newline: the server says so and drops the client" \
        wait_for 10 contains srv.err "line longer than 4096 bytes, client disconnected"
    check "after 1 MiB without a newline, the server serves the next one" served huge
else
    for _c in "a silent client" "a client that leaves mid-line" "1 MiB without a newline"; do
        skip "$_c: the server keeps serving" "$NO_BASH"
    done
fi

# A client killed at once, wherever it was; the server goes on.
start gone ./sockets/socket_client 127.0.0.1 "$PORT" "adeu"
kill -KILL "$LAST"
wait "$LAST" 2>/dev/null
check "after a client killed at once, the server serves the next one" served gone
expect_fail "socket_server: port in use" " in use" ./sockets/socket_server "$PORT"
check "port in use: the message names address and port" \
    grep -qE "^socket_server: bind 127\.0\.0\.1:$PORT: Address (already )?in use$" fail.err
check "after the failed second server, the first one still serves" served inuse
check "no zombie left after all those clients" wait_for 10 no_children "$S"
kill -TERM "$S"
check "the server stops on SIGTERM with exit 0" exits_with "$S" 0
check "its last line is Servidor aturat." test "$(tail -n 1 srv.out)" = "Servidor aturat."

# Nobody listens on that port any more.
expect_fail "socket_client: no server" "Connection refused" ./sockets/socket_client localhost "$PORT"
check "no server: the message names host and port" \
    has_line fail.err "socket_client: connect localhost:$PORT: Connection refused"

# ---- IPv6 ---------------------------------------------------------------------
# Skipped only where the host has no ::1 (Linux lists it in /proc/net/if_inet6).
if [ -d /proc/net ] && ! grep -qs '^0\{31\}1 ' /proc/net/if_inet6; then
    skip "IPv6: client and server exchange over ::1" "no IPv6 loopback on this host"
elif start_server srv6 ./sockets/socket_server -a ::1 && contains srv6.out "Escoltant a [::1]:"; then
    check "IPv6: client and server exchange over ::1" client c6 ./sockets/socket_client ::1 "$PORT" "Hola IPv6"
    check "IPv6: the reply arrives" has_line c6.out "Rebut: Hola IPv6"
    kill -TERM "$SRV"; exits_with "$SRV" 0 >/dev/null
else
    not_ok "IPv6: client and server exchange over ::1" "the server did not listen on ::1: $(cat srv6.err)"
fi

# ---- bad input ----------------------------------------------------------------
for p in 0 70000 abc -1 12x ""; do
    expect_fail "socket_server: bad port '$p'" "bad port" ./sockets/socket_server "$p"
done
expect_fail "socket_server: bad address" "bad address 999.1.1.1" ./sockets/socket_server -a 999.1.1.1 20000
expect_fail "socket_server: a name is not an address" "bad address localhost" ./sockets/socket_server -a localhost 20000
# 192.0.2.1 is for documentation: never an address of this machine (no packet is sent).
expect_fail "socket_server: an address not of this machine" "bind 192.0.2.1:20000: " \
    ./sockets/socket_server -a 192.0.2.1 20000
expect_fail "socket_server: -a without an address" "usage" ./sockets/socket_server -a
expect_fail "socket_server: two ports" "usage" ./sockets/socket_server 20000 20001
expect_fail "socket_server: unknown option" "usage" ./sockets/socket_server -x
for p in 0 70000 abc; do
    expect_fail "socket_client: bad port '$p'" "bad port" ./sockets/socket_client localhost "$p"
done
# A 64-byte label cannot go into a DNS query: the resolver rejects the name
# before sending anything, so this checks an unknown host with no network.
nohost="$(printf '%064d' 0 | tr 0 x).invalid"
expect_fail "socket_client: unknown host" "getaddrinfo $nohost: " ./sockets/socket_client "$nohost" 20000
expect_fail "socket_client: two lines as message" "single line" ./sockets/socket_client localhost 20000 "$(printf 'a\nb')"
expect_fail "socket_client: a message over the line limit" "longer than 4095" \
    ./sockets/socket_client localhost 20000 "${long}x"
expect_fail "socket_client: too many arguments" "usage" ./sockets/socket_client localhost 20000 a b
expect_fail "socket_client: unknown option" "usage" ./sockets/socket_client -x
help_ok() {   # PROG -h: exit 0, "Ús: PROG ..." and one sentence on stdout, nothing on stderr
    "./sockets/$1" -h >help.out 2>help.err &&
        head -n 1 help.out | grep -q "^Ús: $1 " && [ "$(wc -l <help.out)" -eq 2 ] && [ ! -s help.err ]
}
check "socket_server -h prints its usage" help_ok socket_server
check "socket_client -h prints its usage" help_ok socket_client

# ---- concurrency and load (issue 4) --------------------------------------------
need_server load ./sockets/socket_server
L=$SRV
start seq sh -c 'i=0; while [ $i -lt "$1" ]; do
    ./sockets/socket_client 127.0.0.1 "$2" "seq $i" || echo "client $i failed"; i=$((i + 1)); done' \
    _ "$SEQ_CLIENTS" "$PORT"
SEQ=$LAST
if ! wait_for 120 ended "$SEQ"; then
    kill -KILL "$SEQ"
    for k in $(children_of "$L"); do kill -KILL "$k"; done
fi
awk -v n="$SEQ_CLIENTS" 'BEGIN { for (i = 0; i < n; i++) print "Rebut: seq " i }' >want.seq
same_file "load: $SEQ_CLIENTS clients one after another, each answered right" want.seq seq.out
check "load: none of them failed" test ! -s seq.err
awk -v n="$SEQ_CLIENTS" 'BEGIN { for (i = 0; i < n; i++) print "Missatge rebut: seq " i }' >want.seqlog
grep '^Missatge rebut: seq ' load.out >got.seqlog
same_file "load: the server printed each of the $SEQ_CLIENTS messages once, in order" want.seqlog got.seqlog

i=0 pids=
while [ $i -lt "$PAR_CLIENTS" ]; do
    start "par$i" ./sockets/socket_client 127.0.0.1 "$PORT" "par $i"
    pids="$pids $LAST" i=$((i + 1))
done
bad=
wait_for 20 all_ended $pids      # one deadline for all: a broken server costs 20 s, not 50 x 10
for p in $pids; do exits_with "$p" 0 0 >/dev/null || bad="$bad $p"; done
i=0 wrong=
while [ $i -lt "$PAR_CLIENTS" ]; do
    has_line "par$i.out" "Rebut: par $i" || wrong="$wrong $i"
    i=$((i + 1))
done
check "load: $PAR_CLIENTS clients at once all exit 0" test -z "$bad"
if [ -z "$wrong" ]; then ok "load: $PAR_CLIENTS clients at once, each answered right, none lost"
else not_ok "load: $PAR_CLIENTS clients at once, each answered right, none lost" "wrong or missing:$wrong"; fi
if wait_for 10 no_children "$L"; then ok "load: no zombie (no child at all) left after the load"
else not_ok "load: no zombie (no child at all) left after the load" "children: $(children_of "$L")"; fi

if [ -n "$HAVE_BASH" ]; then
    # Each holds its connection open after the reply, until the server closes it.
    i=0 holds=
    while [ $i -lt "$PAR_CLIENTS" ]; do
        tcp "hold$i" "printf 'espero $i\n' >&3; exec cat <&3"
        holds="$holds $LAST" i=$((i + 1))
    done
    all_replied() {
        _i=0
        while [ $_i -lt "$PAR_CLIENTS" ]; do has_line "hold$_i.out" "Rebut: espero $_i" || return 1; _i=$((_i + 1)); done
    }
    check "concurrency: $PAR_CLIENTS open connections are all answered" wait_for 20 all_replied
    check "concurrency: one child per client, all $PAR_CLIENTS alive at once" n_children "$L" "$PAR_CLIENTS"
    kids=$(children_of "$L")
    kill -TERM "$L"
    check "SIGTERM with $PAR_CLIENTS clients connected: exit 0" exits_with "$L" 0
    check "SIGTERM: the last line is Servidor aturat." test "$(tail -n 1 load.out)" = "Servidor aturat."
    gone=1
    wait_for 10 all_ended $holds || gone=
    for k in $kids; do ended "$k" || gone=; done
    check "SIGTERM: every child is gone and every client saw the end" test -n "$gone"
    check "SIGTERM: the server reports nothing abnormal" test ! -s load.err
else
    skip "concurrency: $PAR_CLIENTS connections open at once" "$NO_BASH"
    kill -TERM "$L"
    check "SIGTERM: exit 0" exits_with "$L" 0
fi

# SIGINT (Ctrl+C) stops it the same way, with a client connected.
need_server sint ./sockets/socket_server
I=$SRV
if [ -n "$HAVE_BASH" ]; then
    tcp holdint "printf 'hola\n' >&3; exec cat <&3"
    H=$LAST
    wait_for 10 has_line holdint.out "Rebut: hola"
    kids=$(children_of "$I")
    check "SIGINT: the connected client has its child" test -n "$kids"
fi
kill -INT "$I"
check "SIGINT stops the server with exit 0" exits_with "$I" 0
check "SIGINT: the last line is Servidor aturat." test "$(tail -n 1 sint.out)" = "Servidor aturat."
if [ -n "$HAVE_BASH" ]; then
    gone=1
    wait_for 10 ended "$H" || gone=
    for k in $kids; do ended "$k" || gone=; done
    check "SIGINT: its child is gone and the client saw the end" test -n "$gone"
fi

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
    if start_server nsrv ip netns exec "$NS1" ./sockets/socket_server -a 169.254.77.1; then
        check "two hosts: the server listens on its host's address" has_line nsrv.out "Escoltant a 169.254.77.1:$PORT"
        check "claim 17: a client on another host connects and gets the reply" \
            client ncli ip netns exec "$NS2" ./sockets/socket_client 169.254.77.1 "$PORT" "Hola des de l'altre host"
        check "claim 17 (two hosts): the reply reaches the client" has_line ncli.out "Rebut: Hola des de l'altre host"
        check "claim 17 (two hosts): the message reaches the server" has_line nsrv.out "Missatge rebut: Hola des de l'altre host"
        kill -TERM "$SRV"
        check "two hosts: the server stops on SIGTERM with exit 0" exits_with "$SRV" 0
    else
        not_ok "two hosts: the server listens on its host's address" "$(cat nsrv.out nsrv.err)"
    fi
    # Without -a the server listens on loopback only: the other host is refused.
    if start_server nlo ip netns exec "$NS1" ./sockets/socket_server; then
        start nref ip netns exec "$NS2" ./sockets/socket_client 169.254.77.1 "$PORT"
        check "two hosts: without -a (loopback only), the other host is refused" exits_with "$LAST" 1
        check "two hosts: ... with Connection refused" contains nref.err "Connection refused"
        kill -TERM "$SRV"; exits_with "$SRV" 0 >/dev/null
    else
        not_ok "two hosts: loopback server starts" "$(cat nlo.err)"
    fi
fi

done_testing
