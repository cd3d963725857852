/*
 * socket_server.c — servidor TCP: torna a cada client els bytes que li envia.
 *
 * Slide: "Xarxa (sockets)". Process A listens on a port (1234, as on the
 * slide): socket(), bind() and listen(). accept() gives it a new file
 * descriptor for the next client; read() and write() move the bytes both
 * ways, as with any other file, and close() hangs up.
 *
 *   $ ./sockets/socket_server [PORT] [ADREÇA] [SEGONS]    (default: 1234 127.0.0.1 10)
 *   $ ./sockets/socket_client [HOST] [PORT] [MISSATGE]    (in another terminal, after it)
 *
 * One client at a time: the next ones wait in listen()'s queue until this one
 * hangs up. A client that stays silent SEGONS seconds (or does not read what
 * it is sent) is dropped, so it cannot keep the others waiting for ever.
 * ./sockets/socket_server_concurrent serves them all at once (a child each).
 * It listens on loopback (only this machine) unless ADREÇA says otherwise
 * (0.0.0.0: every address of the machine, for clients on other computers).
 * Bytes are bytes: what comes in goes back whole, a '\0' or a '\n' included.
 */
#include "../include/ipc.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>

/* Echo what client C sends until it hangs up, and say how it ended. */
static void atendre(int c, long segons)
{
    char buf[4096];
    ssize_t n;

    while ((n = read(c, buf, sizeof buf)) > 0) {
        printf("Missatge rebut (%zd bytes): ", n);
        fwrite(buf, 1, (size_t)n, stdout);      /* as they came: the log shows them */
        if (buf[n - 1] != '\n')
            printf("\n");
        if (writen(c, buf, (size_t)n) == -1)
            break;
    }
    if (n == 0)
        printf("Client desconnectat\n");
    else if (errno == EAGAIN || errno == EWOULDBLOCK)
        printf("Client inactiu durant %ld s: desconnectat\n", segons);
    else
        printf("Client desconnectat: %s\n", strerror(errno));
}

int main(int argc, char *argv[])
{
    struct sockaddr_in adreca = { .sin_family = AF_INET }, client;
    socklen_t mida;
    const char *ip = argc > 2 ? argv[2] : "127.0.0.1";
    long port = 1234;
    struct timeval espera = { .tv_sec = 10 };
    char qui[INET_ADDRSTRLEN];
    int s, c, on = 1;

    args(argc, argv, 0, 3, "[PORT] [ADREÇA] [SEGONS]",
         "Servidor TCP: atén els clients d'un en un i torna a cadascun els bytes que li envia.");
    if (argc > 1)
        port = parse_count(argv[1], "port", 1, 65535);
    if (inet_pton(AF_INET, ip, &adreca.sin_addr) != 1)
        usage_error("adreça '%s': no és una adreça IPv4", ip);
    if (argc > 3)
        espera.tv_sec = parse_count(argv[3], "segons", 1, 3600);
    adreca.sin_port = htons((unsigned short)port);
    set_handler(SIGPIPE, SIG_IGN);      /* a client gone: write() fails with EPIPE */
    hint(EADDRINUSE, "ja hi ha un servidor en aquest port: atureu-lo o trieu un altre PORT");

    if ((s = socket(AF_INET, SOCK_STREAM, 0)) == -1)
        die("socket");
    /* Restart at once on the same port, without waiting for the old
     * connections (TIME_WAIT) to expire. */
    if (setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) == -1)
        die("setsockopt SO_REUSEADDR");
    if (bind(s, (struct sockaddr *)&adreca, sizeof adreca) == -1)
        die("bind %s:%ld", ip, port);
    if (listen(s, SOMAXCONN) == -1)
        die("listen");
    printf("Escoltant a %s:%ld\n", ip, port);

    for (;;) {
        mida = sizeof client;
        if ((c = accept(s, (struct sockaddr *)&client, &mida)) == -1) {
            if (errno == ECONNABORTED)  /* that client gave up while it waited */
                continue;
            die("accept");
        }
        if (inet_ntop(AF_INET, &client.sin_addr, qui, sizeof qui) == NULL)
            die("inet_ntop");
        printf("Client %s:%d connectat\n", qui, ntohs(client.sin_port));
        /* read() and write() give up after SEGONS seconds without progress. */
        if (setsockopt(c, SOL_SOCKET, SO_RCVTIMEO, &espera, sizeof espera) == -1 ||
            setsockopt(c, SOL_SOCKET, SO_SNDTIMEO, &espera, sizeof espera) == -1)
            die("setsockopt SO_RCVTIMEO/SO_SNDTIMEO");
        atendre(c, (long)espera.tv_sec);
        if (close(c) == -1)
            die("close");
    }
}
