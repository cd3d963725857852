#!/bin/sh
# sockets/demo.sh — tour of network sockets (make demo-sockets; STEP=1 waits at each step).
# Every server is started with `start`, so lib.sh kills it however the tour
# ends (`make demo-sockets | head -3` included) and removes the scratch dir.
. "$(dirname "$0")/../tests/lib.sh"

# up_or_gone NAME PID: the server NAME says it listens, or has already ended.
up_or_gone() { contains "$1.out" "Escoltant a " || ended "$2"; }

# serve NAME PROG: start PROG on $PORT (1234 at first); when that port is taken
# by another process, say so and move to a free one. Sets S (the server's PID).
serve() {
    for _try in 1 2 3 4 5 6 7 8 9 10; do
        start "$1" "$2" $ARG
        S=$LAST
        wait_for 10 up_or_gone "$1" "$S" || demo_fail "$2 no ha arrencat"
        contains "$1.out" "Escoltant a " && return 0
        contains "$1.err" " in use" || demo_fail "$2 ha fallat: $(cat "$1.err")"
        PORT=$((20000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 12000)) ARG=$PORT
        echo "  (un altre procés ja fa servir aquest port: provem el $PORT)"
    done
    demo_fail "no hi ha cap port lliure"
}

# client NAME [MESSAGE]: run socket_client against the server, as terminal 2.
client() {
    start "$1" ./sockets/socket_client localhost "$PORT" ${2:+"$2"}
    exits_with "$LAST" 0 >/dev/null || demo_fail "socket_client ha fallat: $(cat "$1.err")"
    show "$1" "terminal 2"
}

# news NAME LABEL: what the server NAME has written since the last call, each
# line tagged with LABEL (the terminal it would be in).
news() {
    cat "$1.out" "$1.err" >news.txt 2>/dev/null
    _seen=0
    eval "_seen=\${seen_$1:-0}"
    tail -n "+$((_seen + 1))" news.txt | sed "s/^/  [$2] /"
    eval "seen_$1=$(wc -l <news.txt)"
}

PORT=1234 ARG=
heading "Xarxa (sockets): socket_server, un client cada vegada"

step "Terminal 1: el servidor escolta al port 1234 de 127.0.0.1 (només aquesta màquina)" \
     "./sockets/socket_server"
serve servidor ./sockets/socket_server
news servidor "terminal 1"

step "Terminal 2: el client es connecta, envia \"Hola\" i escriu el que el servidor li torna" \
     "./sockets/socket_client localhost $PORT"
client client1
news servidor "terminal 1"

step "Terminal 2: un altre client, amb el seu propi missatge" \
     "./sockets/socket_client localhost $PORT \"Bon dia, servidor\""
client client2 "Bon dia, servidor"
news servidor "terminal 1"
echo "  (torna els bytes tal com arriben i atén els clients d'un en un: els altres"
echo "   esperen a la cua de listen(); un client que calla 10 s és desconnectat)"

step "Terminal 2: kill PID (el PID del servidor: pgrep socket_server) l'acaba (o Ctrl+C al terminal 1)" \
     "kill $S"
kill -TERM "$S"
exits_with "$S" 143 >/dev/null || demo_fail "socket_server no ha acabat"

heading "Xarxa (sockets): socket_server_concurrent, un procés fill per client"

step "Terminal 1: el servidor concurrent, al mateix port (SO_REUSEADDR: tot just aturat l'altre)" \
     "./sockets/socket_server_concurrent"
serve concurrent ./sockets/socket_server_concurrent
news concurrent "terminal 1"

step "Terminal 2: dos clients; cada un l'atén un fill diferent (PID a cada línia)" \
     "./sockets/socket_client localhost $PORT u; ./sockets/socket_client localhost $PORT dos"
client client3 u
client client4 dos
news concurrent "terminal 1"

step "Terminal 2: kill PID atura el servidor net: tanca la canonada dels fills, els espera i acaba" \
     "kill $S"
kill -TERM "$S"
exits_with "$S" 0 >/dev/null || demo_fail "socket_server_concurrent no ha acabat net: $(cat concurrent.err)"
news concurrent "terminal 1"

step "Terminal 2: sense servidor, el client no es pot connectar (i diu què cal fer)" \
     "./sockets/socket_client localhost $PORT"
start client5 ./sockets/socket_client localhost "$PORT"
exits_with "$LAST" 1 >/dev/null || demo_fail "socket_client hauria de fallar sense servidor"
show client5 "terminal 2"
