/*
 * socket_server_concurrent.c — servidor TCP concurrent: un procés fill per client.
 *
 * Slide: "Xarxa (sockets)", with the fork() and the pipe of "Canonades
 * (pipes)": the server of socket_server.c, but after accept() a child talks
 * to the client while the parent goes back to accept() the next one. Same
 * arguments, same echo.
 *
 *   $ ./sockets/socket_server_concurrent [PORT] [ADREÇA] [SEGONS]   (default: 1234 127.0.0.1 10)
 *   $ ./sockets/socket_client [HOST] [PORT] [MISSATGE]              (in other terminals, after it)
 *
 * What is here, and why (the lesson is the first two; the rest is what a
 * stop with Ctrl+C or kill needs to be clean):
 * - fork() per client; each child closes what it does not use (the listening
 *   socket), the parent closes the client's socket.
 * - The parent reaps every child that ends (waitpid, WNOHANG: whichever one
 *   ended, so no zombie stays), and reports one that did not end well.
 * - A child drops its client after SEGONS seconds of silence (poll()), or
 *   when the client does not read what it is sent (SO_SNDTIMEO).
 * - SIGINT, SIGTERM and SIGCHLD are blocked except inside pselect(): a
 *   signal cannot slip in between testing `acabar` and waiting, which a
 *   plain accept() loop allows. The handler only sets the flag.
 * - Stop: the parent closes the write end of the pipe `vida`; every child
 *   polls its read end, sees it close and hangs up. No table of PIDs to
 *   kill, and it also works when the parent is killed with SIGKILL.
 *   Then the parent waits for them all and prints "Servidor aturat.".
 * - Ctrl+C reaches the whole process group: the children ignore SIGINT and
 *   let the parent decide.
 * Not here: IPv6 and getnameinfo() (our servers speak IPv4; inet_ntop()
 * names the client), a table of children and a cap on them (the pipe does
 * the table's job; a fork() that fails loses that one client only).
 */
#include "../include/ipc.h"
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <sys/time.h>

static volatile sig_atomic_t acabar = 0;
static int mals = 0;                    /* children that did not end well */

static void senyal(int signo)
{
    if (signo != SIGCHLD)               /* SIGCHLD only wakes pselect() up */
        acabar = 1;
}

/* Reap the children that have ended (WNOHANG), or all of them (0). The
 * parent does not know which child ends first, so not reap(pid) here. */
static void recollir(int opcions)
{
    int estat;
    pid_t pid;

    while ((pid = waitpid(-1, &estat, opcions)) > 0)
        if (WIFSIGNALED(estat) || WEXITSTATUS(estat) != 0) {
            fprintf(stderr, "%s: el fill %ld ha acabat malament (%s %d)\n", prog, (long)pid,
                    WIFSIGNALED(estat) ? "senyal" : "estat",
                    WIFSIGNALED(estat) ? WTERMSIG(estat) : WEXITSTATUS(estat));
            mals++;
        }
    if (pid == -1 && errno != ECHILD)
        die("waitpid");
}

/* The child's work: echo what client C sends, until it hangs up, stays
 * silent SEGONS seconds, or the parent closes the pipe VIDA (stop). */
static _Noreturn void atendre(int c, int vida, long segons)
{
    struct pollfd fds[2] = { { .fd = c, .events = POLLIN }, { .fd = vida, .events = POLLIN } };
    struct timeval espera = { .tv_sec = segons };
    const char *com = NULL;
    char buf[4096];
    ssize_t n;
    int r;

    if (setsockopt(c, SOL_SOCKET, SO_SNDTIMEO, &espera, sizeof espera) == -1)
        die("setsockopt SO_SNDTIMEO");
    while (com == NULL) {
        r = poll(fds, 2, (int)segons * 1000);
        if (r == 0)
            com = "inactiu";
        else if (r == -1)
            com = strerror(errno);
        else if (fds[1].revents != 0)
            com = "el servidor s'atura";
        else if ((n = read(c, buf, sizeof buf)) <= 0)
            com = n == 0 ? "ha tancat la connexió" : strerror(errno);
        else {
            printf("Fill %ld: missatge rebut (%zd bytes): ", (long)getpid(), n);
            fwrite(buf, 1, (size_t)n, stdout);
            if (buf[n - 1] != '\n')
                printf("\n");
            if (writen(c, buf, (size_t)n) == -1)
                com = errno == EAGAIN || errno == EWOULDBLOCK ? "inactiu" : strerror(errno);
        }
    }
    if (strcmp(com, "inactiu") == 0)
        printf("Fill %ld: client inactiu durant %ld s: desconnectat\n", (long)getpid(), segons);
    else
        printf("Fill %ld: client desconnectat (%s)\n", (long)getpid(), com);
    if (close(c) == -1)
        die("close");
    exit(EXIT_SUCCESS);
}

int main(int argc, char *argv[])
{
    struct sockaddr_in adreca = { .sin_family = AF_INET }, client;
    socklen_t mida;
    const char *ip = argc > 2 ? argv[2] : "127.0.0.1";
    long port = 1234, segons = 10;
    char qui[INET_ADDRSTRLEN];
    sigset_t senyals, obert;
    fd_set llegibles;
    int s, c, vida[2], on = 1;
    pid_t pid;

    args(argc, argv, 0, 3, "[PORT] [ADREÇA] [SEGONS]",
         "Servidor TCP concurrent: un procés fill per client, que li torna els bytes que li envia.");
    if (argc > 1)
        port = parse_count(argv[1], "port", 1, 65535);
    if (inet_pton(AF_INET, ip, &adreca.sin_addr) != 1)
        usage_error("adreça '%s': no és una adreça IPv4", ip);
    if (argc > 3)
        segons = parse_count(argv[3], "segons", 1, 3600);
    adreca.sin_port = htons((unsigned short)port);
    hint(EADDRINUSE, "ja hi ha un servidor en aquest port: atureu-lo o trieu un altre PORT");

    sigemptyset(&senyals);
    sigaddset(&senyals, SIGINT);
    sigaddset(&senyals, SIGTERM);
    sigaddset(&senyals, SIGCHLD);
    if (sigprocmask(SIG_BLOCK, &senyals, &obert) == -1)
        die("sigprocmask");
    set_handler(SIGINT, senyal);
    set_handler(SIGTERM, senyal);
    set_handler(SIGCHLD, senyal);
    set_handler(SIGPIPE, SIG_IGN);      /* a client gone: write() fails with EPIPE */
    if (pipe(vida) == -1)
        die("pipe");

    if ((s = socket(AF_INET, SOCK_STREAM, 0)) == -1)
        die("socket");
    if (setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) == -1)
        die("setsockopt SO_REUSEADDR");
    if (bind(s, (struct sockaddr *)&adreca, sizeof adreca) == -1)
        die("bind %s:%ld", ip, port);
    if (listen(s, SOMAXCONN) == -1)
        die("listen");
    /* Non-blocking: a client that gives up between pselect() and accept()
     * makes accept() fail with EAGAIN, instead of blocking with the signals
     * blocked. */
    if (fcntl(s, F_SETFL, O_NONBLOCK) == -1)
        die("fcntl O_NONBLOCK");
    printf("Escoltant a %s:%ld\n", ip, port);

    while (!acabar) {
        recollir(WNOHANG);
        FD_ZERO(&llegibles);
        FD_SET(s, &llegibles);
        if (pselect(s + 1, &llegibles, NULL, NULL, NULL, &obert) == -1) {
            if (errno != EINTR)         /* EINTR: a signal; the loop looks at why */
                die("pselect");
            continue;
        }
        mida = sizeof client;
        if ((c = accept(s, (struct sockaddr *)&client, &mida)) == -1) {
            if (errno == EAGAIN || errno == EWOULDBLOCK || errno == ECONNABORTED)
                continue;               /* that client has gone: the next one */
            die("accept");
        }
        if (inet_ntop(AF_INET, &client.sin_addr, qui, sizeof qui) == NULL)
            die("inet_ntop");
        fflush(stdout);
        if ((pid = fork()) == -1)       /* no child for this client: it is dropped */
            fprintf(stderr, "%s: fork: %s\n", prog, strerror(errno));
        if (pid == 0) {
            printf("Fill %ld: client %s:%d connectat\n", (long)getpid(), qui, ntohs(client.sin_port));
            set_handler(SIGINT, SIG_IGN);
            set_handler(SIGTERM, SIG_DFL);
            if (sigprocmask(SIG_SETMASK, &obert, NULL) == -1)
                die("sigprocmask");
            /* Some systems pass O_NONBLOCK on from s to c: clear it. */
            if (close(s) == -1 || close(vida[1]) == -1 || fcntl(c, F_SETFL, 0) == -1)
                die("preparant el fill");
            atendre(c, vida[0], segons);
        }
        if (close(c) == -1)             /* the child has its own copy */
            die("close");
    }

    /* Stop: no new clients; the closed pipe tells every child to hang up. */
    if (close(s) == -1 || close(vida[1]) == -1)
        die("close");
    recollir(0);
    printf("Servidor aturat.\n");
    return mals == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
