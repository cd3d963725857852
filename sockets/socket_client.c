/*
 * socket_client.c — client TCP: envia un missatge al servidor i escriu el que li torna.
 *
 * Slide: "Xarxa (sockets)". Process B opens a two-way channel to the IP
 * address and port where process A listens: socket() and connect(). What B
 * writes reaches A, and what A writes back reaches B.
 *
 *   $ ./sockets/socket_server                            (first, in another terminal)
 *   $ ./sockets/socket_client [HOST] [PORT] [MISSATGE]   (default: localhost 1234 Hola)
 *
 * It sends MISSATGE and a '\n', says with shutdown() that it has nothing more
 * to send (the server's read() then returns 0), and prints every byte the
 * server sends back until the server hangs up. With socket_server or
 * socket_server_concurrent that is the message itself: they echo it.
 * getaddrinfo() turns HOST (a name such as localhost, or an address) into an
 * IPv4 address, the kind our servers listen on.
 */
#include "../include/ipc.h"
#include <netdb.h>
#include <sys/socket.h>

int main(int argc, char *argv[])
{
    struct addrinfo hints = { .ai_family = AF_INET, .ai_socktype = SOCK_STREAM }, *adreca;
    const char *host = argc > 1 ? argv[1] : "localhost";
    const char *missatge = argc > 3 ? argv[3] : "Hola";
    char port[8], buf[4096];
    int s, err, len;
    ssize_t n;

    args(argc, argv, 0, 3, "[HOST] [PORT] [MISSATGE]",
         "Client TCP: envia MISSATGE (per defecte Hola) al servidor i escriu el que li torna.");
    snprintf(port, sizeof port, "%lld", argc > 2 ? parse_count(argv[2], "port", 1, 65535) : 1234);
    len = snprintf(buf, sizeof buf, "%s\n", missatge);
    if (len >= (int)sizeof buf)
        usage_error("missatge massa llarg: com a màxim %zu bytes", sizeof buf - 2);
    set_handler(SIGPIPE, SIG_IGN);      /* a server gone: write() fails with EPIPE */
    hint(ECONNREFUSED, "engegueu primer ./sockets/socket_server");

    if ((err = getaddrinfo(host, port, &hints, &adreca)) != 0)
        fail("resolent %s: %s", host, gai_strerror(err));
    if ((s = socket(AF_INET, SOCK_STREAM, 0)) == -1)
        die("socket");
    if (connect(s, adreca->ai_addr, adreca->ai_addrlen) == -1)
        die("connectant a %s:%s", host, port);
    freeaddrinfo(adreca);

    if (writen(s, buf, (size_t)len) == -1)
        die("enviant a %s:%s", host, port);
    if (shutdown(s, SHUT_WR) == -1)     /* "that was all": the server reads end of file */
        die("shutdown");
    while ((n = read(s, buf, sizeof buf)) > 0)
        fwrite(buf, 1, (size_t)n, stdout);      /* checked at exit: see ipc.h */
    if (n == -1)
        die("rebent de %s:%s", host, port);
    if (close(s) == -1)
        die("close");
    return 0;
}
