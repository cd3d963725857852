/*
 * socket_server.c — a TCP server that answers every line its clients send.
 *
 * Slide: "Xarxa (sockets)". Process A listens on a port (1234, as on the
 * slide) with socket(), bind() and listen(); accept() gives it a new
 * descriptor de fitxer for each client, and read()/write() carry the
 * messages both ways, as with any other file.
 *
 *   $ ./sockets/socket_server [-a ADDRESS] [PORT]      (default: 127.0.0.1 1234)
 *   $ ./sockets/socket_client [HOST] [PORT] [MESSAGE]  (in another terminal, after it)
 *
 * Protocol: plain text lines of at most MAX_LINIA bytes, '\n' included. For
 * each line the server prints "Missatge rebut: LINE" and answers "Rebut:
 * LINE", so nc, socat or telnet can play the client too.
 *
 * Design, for the cases the slide leaves out:
 * - It listens on loopback only, unless -a names another address of this
 *   machine (0.0.0.0 or :: for all of them).
 * - One child per client (fork), so a client that takes its time does not
 *   hold back the others. At most MAX_FILLS at once: the next clients wait
 *   in listen()'s queue until a child ends.
 * - SIGINT, SIGTERM and SIGCHLD stay blocked except while the server waits
 *   in pselect() (or sigsuspend()). A signal cannot slip in between testing
 *   `done` and blocking, which a plain accept() loop allows, and the
 *   handlers only set flags. The loop, not the SIGCHLD handler, reaps the
 *   children with waitpid(WNOHANG): there it may report with fprintf how
 *   each one ended, which a handler may not (fprintf is not
 *   async-signal-safe).
 * - SIGINT or SIGTERM: stop accepting, send SIGTERM to each child, wait for
 *   them all, print "Servidor aturat." and exit 0.
 * - SIGPIPE is ignored: writing to a client that has gone fails with EPIPE,
 *   which ends that child with an error line, not the server.
 * - A line longer than MAX_LINIA gets an error line and the client is
 *   disconnected; a client that leaves mid-line loses that part. Neither
 *   disturbs the server or the other clients.
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define USAGE "socket_server [-a ADDRESS] [PORT]"
#define MAX_LINIA 4096          /* bytes in a line, '\n' included */
#define MAX_FILLS 64            /* clients served at once */

static char qui[300];           /* "ADDRESS:PORT" we are talking about */

static volatile sig_atomic_t done = 0;          /* SIGINT or SIGTERM arrived */
static volatile sig_atomic_t fill_acabat = 0;   /* SIGCHLD arrived */

/* Live children, to stop them at the end. Only the main loop touches them
 * (the SIGCHLD handler just sets its flag). */
static pid_t fills[MAX_FILLS];                  /* 0: free slot */
static int nfills = 0;

static void die(const char *what)
{
    fprintf(stderr, "socket_server: %s %s: %s\n", what, qui, strerror(errno));
    exit(EXIT_FAILURE);
}

/* For calls that concern no address (signal setup): "socket_server: sigaction: ..." */
static void die_call(const char *call)
{
    fprintf(stderr, "socket_server: %s: %s\n", call, strerror(errno));
    exit(EXIT_FAILURE);
}

static void bad_usage(const char *what, const char *arg)
{
    fprintf(stderr, "socket_server: %s%s%s (usage: " USAGE ")\n",
            what, arg ? " " : "", arg ? arg : "");
    exit(EXIT_FAILURE);
}

/* The slide installs its handler with signal(); sigaction() does the same
 * here and is the portable choice: what signal() does (keep the handler
 * after the first signal? restart the interrupted call?) differs between
 * systems, while sigaction() says it: the handler stays, no SA_RESTART. The
 * handlers only set a flag; the main loop does the work. */
static void finalitzar(int signo)
{
    (void)signo;
    done = 1;
}

static void fill_ha_acabat(int signo)
{
    (void)signo;
    fill_acabat = 1;
}

static void set_handler(int signo, void (*handler)(int))
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    if (sigaction(signo, &sa, NULL) == -1)
        die_call("sigaction");
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

/* "ADDRESS:PORT", with the IPv6 address in brackets: "[::1]:1234". */
static void name_address(const char *host, const char *port)
{
    const char *fmt = strchr(host, ':') ? "[%s]:%s" : "%s:%s";

    snprintf(qui, sizeof qui, fmt, host, port);
}

/* Reap the children that have ended (opcions WNOHANG), or all of them
 * (opcions 0), and check how each one ended. A child that failed has said
 * why itself; one killed by a signal cannot, so we say it. */
static void recollir_fills(int opcions)
{
    int estat, i;
    pid_t pid;

    while (nfills > 0 && (pid = waitpid(-1, &estat, opcions)) != 0) {
        if (pid == -1) {
            if (errno == EINTR)
                continue;
            die("waitpid");
        }
        for (i = 0; i < MAX_FILLS; i++)
            if (fills[i] == pid) {
                fills[i] = 0;
                nfills--;
            }
        if (WIFSIGNALED(estat) && !(done && WTERMSIG(estat) == SIGTERM))
            fprintf(stderr, "socket_server: child %ld killed by signal %d\n",
                    (long)pid, WTERMSIG(estat));
    }
}

/* Print one line received and answer it. */
static void respondre(int c, const char *linia, size_t len)
{
    char resposta[MAX_LINIA + 16];
    int m;

    if (len > 0 && linia[len - 1] == '\r')
        len--;                          /* telnet ends its lines with "\r\n" */
    printf("Missatge rebut: %.*s\n", (int)len, linia);
    m = snprintf(resposta, sizeof resposta, "Rebut: %.*s\n", (int)len, linia);
    if (writen(c, resposta, (size_t)m) == -1)
        die("write");
}

/* The child's work: answer each line of client c until it hangs up. */
static void atendre(int c)
{
    static const char massa_llarga[] = "Error: línia massa llarga\n";
    char buf[MAX_LINIA];
    size_t n = 0;                       /* bytes in buf: part of a line, no '\n' */

    for (;;) {
        ssize_t r = read(c, buf + n, sizeof buf - n);
        char *inici, *nl;

        if (r == -1) {
            if (errno == EINTR)
                continue;
            die("read");
        }
        if (r == 0) {                   /* the client hung up */
            if (n > 0)
                fprintf(stderr, "socket_server: %s: client left mid-line, "
                        "%zu bytes discarded\n", qui, n);
            return;
        }
        n += (size_t)r;

        /* One read() may bring several lines, or part of one. */
        inici = buf;
        while ((nl = memchr(inici, '\n', n - (size_t)(inici - buf))) != NULL) {
            respondre(c, inici, (size_t)(nl - inici));
            inici = nl + 1;
        }
        n -= (size_t)(inici - buf);
        memmove(buf, inici, n);         /* keep the start of the next line */

        if (n == sizeof buf) {          /* the buffer is full and still no '\n' */
            if (writen(c, massa_llarga, sizeof massa_llarga - 1) == -1)
                die("write");
            fprintf(stderr, "socket_server: %s: line longer than %d bytes, "
                    "client disconnected\n", qui, MAX_LINIA);
            return;
        }
    }
}

int main(int argc, char *argv[])
{
    const char *adreca = NULL, *port_arg = NULL;
    char port[8];
    struct addrinfo hints, *res;
    struct sockaddr_storage client;
    socklen_t client_len;
    sigset_t senyals, obert;
    fd_set llegibles;
    int s, c, i, err, flags, on = 1;
    pid_t pid;

    if (argc > 1 && strcmp(argv[1], "-h") == 0) {
        printf("Ús: " USAGE "\n"
               "Servidor TCP: escolta al PORT (per defecte 127.0.0.1:1234) i respon "
               "cada línia que li envien els clients.\n");
        return EXIT_SUCCESS;
    }
    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-a") == 0 && i + 1 < argc && adreca == NULL)
            adreca = argv[++i];
        else if (port_arg == NULL &&
                 (argv[i][0] != '-' || isdigit((unsigned char)argv[i][1])))
            port_arg = argv[i];
        else
            bad_usage("bad arguments", NULL);
    }
    if (adreca == NULL)
        adreca = "127.0.0.1";           /* loopback: only this machine */
    if (port_arg == NULL)
        port_arg = "1234";
    if (parse_port(port_arg) == -1)
        bad_usage("bad port", port_arg);
    snprintf(port, sizeof port, "%ld", parse_port(port_arg));
    name_address(adreca, port);

    setvbuf(stdout, NULL, _IOLBF, 0);   /* the log shows at once, even in a file */

    /* Block the signals now; they are let in only inside pselect/sigsuspend. */
    sigemptyset(&senyals);
    sigaddset(&senyals, SIGINT);
    sigaddset(&senyals, SIGTERM);
    sigaddset(&senyals, SIGCHLD);
    if (sigprocmask(SIG_BLOCK, &senyals, &obert) == -1)
        die_call("sigprocmask");
    set_handler(SIGINT, finalitzar);
    set_handler(SIGTERM, finalitzar);
    set_handler(SIGCHLD, fill_ha_acabat);
    if (signal(SIGPIPE, SIG_IGN) == SIG_ERR)
        die_call("signal");

    /* A numeric address only (no name lookup): IPv4 or IPv6. */
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV;
    err = getaddrinfo(adreca, port, &hints, &res);
    if (err == EAI_NONAME)
        bad_usage("bad address", adreca);
    if (err != 0) {
        fprintf(stderr, "socket_server: getaddrinfo %s: %s\n", qui,
                err == EAI_SYSTEM ? strerror(errno) : gai_strerror(err));
        return EXIT_FAILURE;
    }

    s = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
    if (s == -1)
        die("socket");
    /* Restart at once on the same port, without waiting for the old
     * connections in TIME_WAIT to expire. */
    if (setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) == -1)
        die("setsockopt");
    if (bind(s, res->ai_addr, res->ai_addrlen) == -1)
        die("bind");
    freeaddrinfo(res);
    if (listen(s, SOMAXCONN) == -1)
        die("listen");
    /* Non-blocking, in case a client gives up between pselect() and
     * accept(): then accept() fails with EAGAIN instead of blocking us with
     * the signals blocked. */
    if ((flags = fcntl(s, F_GETFL)) == -1 || fcntl(s, F_SETFL, flags | O_NONBLOCK) == -1)
        die("fcntl");
    printf("Escoltant a %s\n", qui);

    while (!done) {
        if (fill_acabat) {
            fill_acabat = 0;
            recollir_fills(WNOHANG);
        }
        if (nfills == MAX_FILLS) {      /* full: wait for a child to end */
            sigsuspend(&obert);
            continue;
        }
        FD_ZERO(&llegibles);
        FD_SET(s, &llegibles);
        if (pselect(s + 1, &llegibles, NULL, NULL, NULL, &obert) == -1) {
            if (errno == EINTR)
                continue;               /* SIGCHLD, or `done` is set */
            die("pselect");
        }

        client_len = sizeof client;
        c = accept(s, (struct sockaddr *)&client, &client_len);
        if (c == -1) {
            if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK ||
                errno == ECONNABORTED)
                continue;               /* that client is gone: next one */
            die("accept");
        }

        fflush(stdout);
        pid = fork();
        if (pid == -1) {                /* no child for this client, but go on */
            fprintf(stderr, "socket_server: fork: %s\n", strerror(errno));
            close(c);
            continue;
        }
        if (pid == 0) {
            char host[80], serv[8];        /* numeric: an IPv6 address fits */

            /* Ctrl+C reaches the whole process group: the parent decides
             * for its children. SIGTERM from the parent ends the child. */
            if (signal(SIGINT, SIG_IGN) == SIG_ERR ||
                signal(SIGTERM, SIG_DFL) == SIG_ERR ||
                signal(SIGCHLD, SIG_DFL) == SIG_ERR)
                die_call("signal");
            if (sigprocmask(SIG_SETMASK, &obert, NULL) == -1)
                die_call("sigprocmask");
            if (close(s) == -1)
                die("close");
            /* Some systems pass O_NONBLOCK on from s to c: clear it. */
            if ((flags = fcntl(c, F_GETFL)) == -1 ||
                fcntl(c, F_SETFL, flags & ~O_NONBLOCK) == -1)
                die("fcntl");
            if (getnameinfo((struct sockaddr *)&client, client_len, host, sizeof host,
                            serv, sizeof serv, NI_NUMERICHOST | NI_NUMERICSERV) == 0)
                name_address(host, serv);   /* errors now name the client */
            atendre(c);
            if (close(c) == -1)
                die("close");
            exit(EXIT_SUCCESS);
        }
        if (close(c) == -1)             /* the child has its own copy */
            die("close");
        for (i = 0; fills[i] != 0; i++)
            ;                           /* nfills < MAX_FILLS: a slot is free */
        fills[i] = pid;
        nfills++;
    }

    /* Stop: no new clients; end the children and wait for every one. */
    if (close(s) == -1)
        die("close");
    for (i = 0; i < MAX_FILLS; i++)
        if (fills[i] != 0 && kill(fills[i], SIGTERM) == -1 && errno != ESRCH)
            die("kill");
    recollir_fills(0);
    printf("Servidor aturat.\n");
    return EXIT_SUCCESS;
}
