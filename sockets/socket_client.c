/*
 * socket_client.c — a TCP client: sends one line to the server, prints the reply.
 *
 * Slide: "Xarxa (sockets)". Process B opens a two-way channel to the IP
 * address and port where process A listens (socket() and connect()); what
 * B writes reaches A, and what A writes back reaches B.
 *
 *   $ ./sockets/socket_server [-a ADDRESS] [PORT]      (first, in another terminal)
 *   $ ./sockets/socket_client [HOST] [PORT] [MESSAGE]  (default: localhost 1234 Hola)
 *
 * getaddrinfo() turns HOST (a name, an IPv4 or an IPv6 address) into a list
 * of addresses; we try each one until a connect() succeeds. The message goes
 * out as one text line and the answer is one text line (see socket_server.c).
 * If the server goes away before we write, write() fails with EPIPE: SIGPIPE
 * is ignored so that this is reported as an error instead of killing us
 * silently.
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <errno.h>
#include <netdb.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

#define USAGE "socket_client [HOST] [PORT] [MESSAGE]"
#define MAX_LINIA 4096                  /* bytes in a line, '\n' included */
#define MAX_RESPOSTA (2 * MAX_LINIA)    /* room for "Rebut: " and the longest line */

static char qui[300];           /* "HOST:PORT", for messages */

static void die(const char *what)
{
    fprintf(stderr, "socket_client: %s %s: %s\n", what, qui, strerror(errno));
    exit(EXIT_FAILURE);
}

/* For calls that concern no address (signal setup): "socket_client: sigaction: ..." */
static void die_call(const char *call)
{
    fprintf(stderr, "socket_client: %s: %s\n", call, strerror(errno));
    exit(EXIT_FAILURE);
}

static void fail(const char *why)
{
    fprintf(stderr, "socket_client: %s: %s\n", qui, why);
    exit(EXIT_FAILURE);
}

static void bad_usage(const char *what, const char *arg)
{
    fprintf(stderr, "socket_client: %s%s%s (usage: " USAGE ")\n",
            what, arg ? " " : "", arg ? arg : "");
    exit(EXIT_FAILURE);
}

/* write() may write less than asked: loop until all of it is written. */
static int writen(int fd, const void *buf, size_t n)
{
    const char *p = buf;

    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w == -1) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* A port is a whole number from 1 to 65535; -1 if not. */
static long parse_port(const char *s)
{
    char *end;
    long n;

    if (!isdigit((unsigned char)s[0]))
        return -1;
    errno = 0;
    n = strtol(s, &end, 10);
    if (errno != 0 || *end != '\0' || n < 1 || n > 65535)
        return -1;
    return n;
}

int main(int argc, char *argv[])
{
    const char *host = "localhost", *port_arg = "1234", *missatge = "Hola";
    char port[8], linia[MAX_LINIA], resposta[MAX_RESPOSTA];
    struct addrinfo hints, *res, *ai;
    size_t len, n = 0;
    char *nl = NULL;
    int s = -1, err, errno_connect = 0;

    if (argc > 1 && strcmp(argv[1], "-h") == 0) {
        printf("Ús: " USAGE "\n"
               "Client TCP: es connecta al servidor (per defecte localhost 1234), "
               "li envia MESSAGE (per defecte Hola) i escriu la resposta.\n");
        return EXIT_SUCCESS;
    }
    if (argc > 4 || (argc > 1 && argv[1][0] == '-'))
        bad_usage("bad arguments", NULL);
    if (argc > 1)
        host = argv[1];
    if (argc > 2)
        port_arg = argv[2];
    if (argc > 3)
        missatge = argv[3];
    if (parse_port(port_arg) == -1)
        bad_usage("bad port", port_arg);
    snprintf(port, sizeof port, "%ld", parse_port(port_arg));
    if (strpbrk(missatge, "\r\n") != NULL)
        bad_usage("the message must be a single line", NULL);
    len = strlen(missatge);
    if (len > MAX_LINIA - 1)
        bad_usage("message longer than 4095 bytes", NULL);
    snprintf(qui, sizeof qui, strchr(host, ':') ? "[%s]:%s" : "%s:%s", host, port);

    if (signal(SIGPIPE, SIG_IGN) == SIG_ERR)
        die_call("signal");

    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;        /* IPv4 or IPv6, whatever HOST has */
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICSERV;
    err = getaddrinfo(host, port, &hints, &res);
    if (err != 0) {
        fprintf(stderr, "socket_client: getaddrinfo %s: %s\n", host,
                err == EAI_SYSTEM ? strerror(errno) : gai_strerror(err));
        return EXIT_FAILURE;
    }
    for (ai = res; ai != NULL; ai = ai->ai_next) {
        s = socket(ai->ai_family, ai->ai_socktype, ai->ai_protocol);
        if (s == -1) {
            errno_connect = errno;
            continue;
        }
        if (connect(s, ai->ai_addr, ai->ai_addrlen) == 0)
            break;
        errno_connect = errno;          /* remember why, try the next address */
        close(s);
        s = -1;
    }
    freeaddrinfo(res);
    if (s == -1) {
        errno = errno_connect;
        die("connect");
    }

    memcpy(linia, missatge, len);       /* the message and its '\n', in one write */
    linia[len] = '\n';
    if (writen(s, linia, len + 1) == -1)
        die("write");

    /* read() may return part of the line: read until the '\n', bounded. */
    while (nl == NULL) {
        ssize_t r;

        if (n == sizeof resposta)
            fail("reply longer than 8192 bytes");
        r = read(s, resposta + n, sizeof resposta - n);
        if (r == -1) {
            if (errno == EINTR)
                continue;
            die("read");
        }
        if (r == 0)
            fail(n == 0 ? "server closed the connection without replying"
                        : "server closed the connection mid-line");
        nl = memchr(resposta + n, '\n', (size_t)r);
        n += (size_t)r;
    }
    printf("%.*s\n", (int)(nl - resposta), resposta);
    if (close(s) == -1)
        die("close");
    return EXIT_SUCCESS;
}
