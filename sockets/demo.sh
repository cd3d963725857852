#!/bin/sh
# sockets/demo.sh — tour of network sockets (make demo-sockets; STEP=1 waits at each step).
. "$(dirname "$0")/../tests/lib.sh"

# up_or_gone NAME PID: the server NAME says it listens, or has already ended.
up_or_gone() { contains "$1.out" "Escoltant a " || ended "$2"; }

heading "Xarxa (sockets): socket_server i socket_client"

step "Terminal 1: el servidor escolta al port 1234 de 127.0.0.1 (només aquesta màquina)" \
     "./sockets/socket_server"
start servidor ./sockets/socket_server
S=$LAST
wait_for 10 up_or_gone servidor "$S" || demo_fail "socket_server did not start"
PORT=1234 ARGS=
if ! contains servidor.out "Escoltant a "; then
    contains servidor.err "Address already in use" ||
        demo_fail "socket_server failed: $(cat servidor.err)"
    show servidor "terminal 1"
    for _try in 1 2 3 4 5 6 7 8 9 10; do
        PORT=$((20000 + $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 12000))
        echo "  (El port 1234 ja és ocupat per un altre procés: fem servir el $PORT.)"
        step "Terminal 1: el servidor, ara al port $PORT" "./sockets/socket_server $PORT"
        start servidor ./sockets/socket_server "$PORT"
        S=$LAST
        wait_for 10 up_or_gone servidor "$S" || demo_fail "socket_server did not start"
        contains servidor.out "Escoltant a " && break
        contains servidor.err "Address already in use" ||
            demo_fail "socket_server failed: $(cat servidor.err)"
    done
    contains servidor.out "Escoltant a " || demo_fail "no free port found"
    ARGS=" localhost $PORT"
fi
show servidor "terminal 1"

step "Terminal 2: el client es connecta, envia la línia \"Hola\" i escriu la resposta" \
     "./sockets/socket_client$ARGS"
start client1 ./sockets/socket_client localhost "$PORT"
exits_with "$LAST" 0 >/dev/null || demo_fail "socket_client failed: $(cat client1.err)"
show client1 "terminal 2"
show servidor "terminal 1"

step "Terminal 2: un altre client, amb el seu propi missatge" \
     "./sockets/socket_client localhost $PORT \"Bon dia, servidor\""
start client2 ./sockets/socket_client localhost "$PORT" "Bon dia, servidor"
exits_with "$LAST" 0 >/dev/null || demo_fail "socket_client failed: $(cat client2.err)"
show client2 "terminal 2"
show servidor "terminal 1"

step "Terminal 2: kill PID (el PID del servidor, amb ps o pgrep) envia SIGTERM; el servidor deixa d'acceptar clients, acaba els fills i surt (Ctrl+C al terminal 1 fa el mateix)" \
     "kill $S"
kill -TERM "$S"
exits_with "$S" 0 >/dev/null || demo_fail "socket_server did not stop cleanly: $(cat servidor.err)"
show servidor "terminal 1"

step "Terminal 2: sense servidor, el client no es pot connectar" \
     "./sockets/socket_client$ARGS"
start client3 ./sockets/socket_client localhost "$PORT"
exits_with "$LAST" 1 >/dev/null || demo_fail "socket_client should fail with no server"
show client3 "terminal 2"
