/*
 * tecniques.h — the lecture's techniques, one block each, and their table.
 * Part of ipc_bench (included by ipc_bench.c).
 *
 * A technique is: setup (before fork(): what both processes inherit), attach
 * (after fork(): each process takes its ends), send, receive, reset (before
 * each run, while both sides are idle) and teardown. The measuring core
 * (ipc_bench.c) only calls these; adding a technique is one more block here
 * and one more line in the table at the end.
 *
 * The child is c->child == 1. Direction 0 carries parent -> child, 1 back.
 */

/* The technique's key, for error messages. */
static const char *tkey(void)
{
    return tech_now != NULL ? tech_now->key : "ipc_bench";
}

/* ---- byte streams: pipe, FIFO, sockets --------------------------------- */

static void fd_send(struct chan *c, const char *buf, size_t n)
{
    if (writen(c->wfd, buf, n) == -1) {
        if (errno == EPIPE || errno == ECONNRESET)
            peer_gone(tkey());
        die("%s: escrivint", tkey());
    }
}

static void fd_recv(struct chan *c, char *buf, size_t n)
{
    ssize_t r = readn(c->rfd, buf, n);

    if (r == -1 && errno != ECONNRESET)
        die("%s: llegint", tkey());
    if (r != (ssize_t)n)
        peer_gone(tkey());    /* end of file: the other side is gone */
}

static void fd_teardown(struct chan *c)
{
    xclose(c->rfd, tkey());
    if (c->wfd != c->rfd)
        xclose(c->wfd, tkey());
}

/* pipe: two pipes, one per direction (lat_pipe, bw_pipe). */
static int pipe_setup(struct chan *c)
{
    if (pipe(c->fds) == -1 || pipe(c->fds + 2) == -1)
        die("pipe");
    return 0;
}

static void pipe_attach(struct chan *c)
{
    /* fds[0..1]: parent -> child, fds[2..3]: back */
    c->rfd = c->child ? c->fds[0] : c->fds[2];
    c->wfd = c->child ? c->fds[3] : c->fds[1];
    xclose(c->child ? c->fds[1] : c->fds[0], "pipe");
    xclose(c->child ? c->fds[2] : c->fds[3], "pipe");
}

/* fifo: two FIFOs in the temporary directory (lat_fifo). */
static int fifo_setup(struct chan *c)
{
    (void)c;
    if (mkfifo(paths[F_FIFO1], S_IRUSR | S_IWUSR) == -1)
        die("mkfifo %s", paths[F_FIFO1]);
    if (mkfifo(paths[F_FIFO2], S_IRUSR | S_IWUSR) == -1)
        die("mkfifo %s", paths[F_FIFO2]);
    return 0;
}

static void set_blocking(int fd)
{
    int fl = fcntl(fd, F_GETFL);

    if (fl == -1 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) == -1)
        die("fcntl");
}

/* Each side opens its reading end without waiting, then its writing end:
 * O_NONBLOCK fails with ENXIO until the other side has its reading end
 * open, so neither waits for the other in open(). */
static void fifo_attach(struct chan *c)
{
    const char *in = paths[c->child ? F_FIFO1 : F_FIFO2], *out = paths[c->child ? F_FIFO2 : F_FIFO1];
    struct timespec ms = { 0, 1000000 };

    if ((c->rfd = open(in, O_RDONLY | O_NONBLOCK)) == -1)
        die("obrint %s", in);
    while ((c->wfd = open(out, O_WRONLY | O_NONBLOCK)) == -1) {
        if (errno != ENXIO && errno != EINTR)
            die("obrint %s", out);
        if (peer_dead)
            peer_gone("fifo");
        nanosleep(&ms, NULL);
    }
    set_blocking(c->rfd);
    set_blocking(c->wfd);
}

static void fifo_teardown(struct chan *c)
{
    fd_teardown(c);
    if (!c->child && (unlink(paths[F_FIFO1]) == -1 || unlink(paths[F_FIFO2]) == -1))
        die("esborrant %s", paths[F_FIFO1]);
}

/* Wait until a listening socket has a connection, watching the child. */
static int accept_peer(int lfd)
{
    struct pollfd p = { lfd, POLLIN, 0 };
    int r, fd;

    while ((r = poll(&p, 1, 100)) != 1) {
        if (r == -1 && errno != EINTR)
            die("poll");
        if (peer_dead)
            peer_gone(tkey());
    }
    if ((fd = accept(lfd, NULL, NULL)) == -1)
        die("accept");
    xclose(lfd, "socket");
    return fd;
}

/* unix: a UNIX-domain stream socket on a path (lat_unix, bw_unix). */
static struct sockaddr_un unix_address(void)
{
    struct sockaddr_un un;

    memset(&un, 0, sizeof un);
    un.sun_family = AF_UNIX;
    if (strlen(paths[F_SOCK]) >= sizeof un.sun_path)
        fail("%s: camí massa llarg per a un socket (feu servir un TMPDIR més curt)", paths[F_SOCK]);
    strcpy(un.sun_path, paths[F_SOCK]);
    return un;
}

static int unix_setup(struct chan *c)
{
    struct sockaddr_un un = unix_address();

    if ((c->fds[0] = socket(AF_UNIX, SOCK_STREAM, 0)) == -1)
        die("socket AF_UNIX");
    if (bind(c->fds[0], (struct sockaddr *)&un, sizeof un) == -1)
        die("bind %s", paths[F_SOCK]);
    if (listen(c->fds[0], 1) == -1)
        die("listen %s", paths[F_SOCK]);
    return 0;
}

static void unix_attach(struct chan *c)
{
    struct sockaddr_un un = unix_address();

    if (c->child) {
        xclose(c->fds[0], "socket");
        if ((c->rfd = socket(AF_UNIX, SOCK_STREAM, 0)) == -1)
            die("socket AF_UNIX");
        if (connect(c->rfd, (struct sockaddr *)&un, sizeof un) == -1)
            die("connect %s", paths[F_SOCK]);
    } else {
        c->rfd = accept_peer(c->fds[0]);
        if (unlink(paths[F_SOCK]) == -1)
            die("esborrant %s", paths[F_SOCK]);
    }
    c->wfd = c->rfd;
}

/* tcp: TCP over the loopback interface, 127.0.0.1, a free port, no Nagle
 * delay: each small message leaves at once, as lat_tcp has it. */
static int tcp_setup(struct chan *c)
{
    struct sockaddr_in in;
    socklen_t len = sizeof in;
    int one = 1;

    memset(&in, 0, sizeof in);
    in.sin_family = AF_INET;
    in.sin_port = 0;            /* any free port */
    in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if ((c->fds[0] = socket(AF_INET, SOCK_STREAM, 0)) == -1)
        die("socket AF_INET");
    if (setsockopt(c->fds[0], SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) == -1)
        die("setsockopt SO_REUSEADDR");
    if (bind(c->fds[0], (struct sockaddr *)&in, sizeof in) == -1)
        die("bind 127.0.0.1");
    if (listen(c->fds[0], 1) == -1 || getsockname(c->fds[0], (struct sockaddr *)&in, &len) == -1)
        die("listen 127.0.0.1");
    c->port = ntohs(in.sin_port);
    return 0;
}

static void tcp_attach(struct chan *c)
{
    struct sockaddr_in in;
    int one = 1;

    if (c->child) {
        xclose(c->fds[0], "socket");
        memset(&in, 0, sizeof in);
        in.sin_family = AF_INET;
        in.sin_port = htons((unsigned short)c->port);
        in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if ((c->rfd = socket(AF_INET, SOCK_STREAM, 0)) == -1)
            die("socket AF_INET");
        if (connect(c->rfd, (struct sockaddr *)&in, sizeof in) == -1)
            die("connect 127.0.0.1:%d", c->port);
    } else {
        c->rfd = accept_peer(c->fds[0]);
    }
    if (setsockopt(c->rfd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) == -1)
        die("setsockopt TCP_NODELAY");
    c->wfd = c->rfd;
}

/* ---- shared memory: a ring of slots per direction ---------------------- */

/* A file mapped MAP_SHARED (the slides' mmap): per direction a ring of
 * slots of one message each, 1 MiB in all (at least 2 slots). The sender
 * copies its message into a slot, the receiver copies it out to its own
 * buffer: two copies per message, like a pipe (a program could build its
 * data in the shared memory and save them, but then it is not a message).
 *   mmap:      the slots are counted by two process-shared POSIX semaphores;
 *              a waiting process sleeps in the kernel.
 *   mmap-spin: two C11 atomic counters per direction, which the waiting
 *              process polls (busy-wait): it burns a CPU, and is here to
 *              separate the cost of moving bytes from that of sleeping. */
#define RING_BYTES (1u << 20)
#define MAX_SLOTS 1024u
#define SHM_DATA 4096u                  /* the rings start one page in */
#define SHM_RING (2u * 1048576u)        /* the largest ring: 2 slots of 1 MiB */
#define SHM_SIZE (SHM_DATA + 2 * SHM_RING)

struct counter {
    _Alignas(64) atomic_ulong n;        /* its own cache line: no false sharing */
};

struct shm_hdr {
    sem_t full[2], empty[2];            /* mmap: messages waiting, free slots */
    struct counter head[2], tail[2];    /* mmap-spin: messages written, read */
};

static size_t ring_slots(size_t m)
{
    size_t k = RING_BYTES / m;

    return k < 2 ? 2 : k > MAX_SLOTS ? MAX_SLOTS : k;
}

static char *ring_slot(struct chan *c, int dir, size_t slot)
{
    return (char *)c->shm + SHM_DATA + (size_t)dir * SHM_RING + slot * c->msg;
}

/* SIGCHLD in the parent: post what the parent may be waiting on, so that it
 * wakes up and sees peer_dead (sem_post() is async-signal-safe). */
static void shm_wake(struct shm_hdr *h)
{
    sem_post(&h->full[1]);
    sem_post(&h->empty[0]);
}

static int shm_map(struct chan *c)
{
    int fd;

    if ((fd = open(paths[F_SHM], O_RDWR | O_CREAT | O_EXCL, S_IRUSR | S_IWUSR)) == -1)
        die("obrint %s", paths[F_SHM]);
    if (ftruncate(fd, SHM_SIZE) == -1)
        die("ftruncate %s", paths[F_SHM]);
    c->shm = mmap(NULL, SHM_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    if (c->shm == MAP_FAILED)
        die("mmap %s", paths[F_SHM]);
    xclose(fd, paths[F_SHM]);
    if (unlink(paths[F_SHM]) == -1)     /* both keep the mapping; nothing stays on disk */
        die("esborrant %s", paths[F_SHM]);
    c->msg = 1;
    c->slots = ring_slots(1);
    return 0;
}

static void shm_unmap(struct chan *c)
{
    if (munmap(c->shm, SHM_SIZE) == -1)
        die("munmap");
}

static void ring_reset(struct chan *c, size_t m)
{
    c->msg = m;
    c->slots = ring_slots(m);
    c->rslot = c->wslot = 0;
    c->rcount = c->wcount = c->head_seen = c->tail_seen = 0;
}

/* Where process-shared semaphores do not exist (sem_init() fails, as on
 * macOS), the technique is skipped and the table says so. */
static int mmap_setup(struct chan *c)
{
    shm_map(c);
    for (int d = 0; d < 2; d++)
        if (sem_init(&c->shm->full[d], 1, 0) == -1 || sem_init(&c->shm->empty[d], 1, (unsigned)c->slots) == -1) {
            shm_unmap(c);
            return -1;
        }
    return 0;
}

static void mmap_attach(struct chan *c)
{
    if (!c->child)
        shm_now = c->shm;       /* SIGCHLD wakes the parent's waits */
}

static void mmap_reset(struct chan *c, size_t m)
{
    ring_reset(c, m);
    if (c->child)
        return;
    for (int d = 0; d < 2; d++) {
        if (sem_destroy(&c->shm->full[d]) == -1 || sem_destroy(&c->shm->empty[d]) == -1)
            die("sem_destroy");
        if (sem_init(&c->shm->full[d], 1, 0) == -1 || sem_init(&c->shm->empty[d], 1, (unsigned)c->slots) == -1)
            die("sem_init");
    }
}

static void sem_wait_peer(sem_t *s)
{
    while (sem_wait(s) == -1)
        if (errno != EINTR)
            die("sem_wait");
    if (peer_dead)
        peer_gone("mmap");
}

static void mmap_send(struct chan *c, const char *buf, size_t n)
{
    sem_wait_peer(&c->shm->empty[c->out]);
    memcpy(ring_slot(c, c->out, c->wslot), buf, n);
    c->wslot = (c->wslot + 1) % c->slots;
    if (sem_post(&c->shm->full[c->out]) == -1)
        die("sem_post");
}

static void mmap_recv(struct chan *c, char *buf, size_t n)
{
    int in = 1 - c->out;

    sem_wait_peer(&c->shm->full[in]);
    memcpy(buf, ring_slot(c, in, c->rslot), n);
    c->rslot = (c->rslot + 1) % c->slots;
    if (sem_post(&c->shm->empty[in]) == -1)
        die("sem_post");
}

static void mmap_teardown(struct chan *c)
{
    shm_now = NULL;
    if (!c->child)
        for (int d = 0; d < 2; d++) {
            sem_destroy(&c->shm->full[d]);
            sem_destroy(&c->shm->empty[d]);
        }
    shm_unmap(c);
}

/* Atomics shared by two processes must be lock-free (address-free). */
static int spin_setup(struct chan *c)
{
    shm_map(c);
    if (!atomic_is_lock_free(&c->shm->head[0].n)) {
        shm_unmap(c);
        return -1;
    }
    return 0;
}

static void spin_reset(struct chan *c, size_t m)
{
    ring_reset(c, m);
    if (c->child)
        return;
    for (int d = 0; d < 2; d++) {
        atomic_store(&c->shm->head[d].n, 0);
        atomic_store(&c->shm->tail[d].n, 0);
    }
}

/* One step of a busy-wait: spin a while, then give the CPU away with
 * sched_yield(): on one CPU the other process cannot run while we spin. */
static void spin_step(unsigned long *k)
{
    if (++*k < 2000)
        return;
    sched_yield();
    if (peer_dead)
        peer_gone("mmap-spin");
}

static void spin_send(struct chan *c, const char *buf, size_t n)
{
    unsigned long k = 0;

    /* Wait for a free slot. The shared counter is read only when the last
     * value seen says the ring is full, so that its cache line does not
     * travel between the CPUs at every message; acquire: the reader is done
     * with the slot's bytes. */
    while (c->tail_seen + c->slots <= c->wcount) {
        c->tail_seen = atomic_load_explicit(&c->shm->tail[c->out].n, memory_order_acquire);
        if (c->tail_seen + c->slots <= c->wcount)
            spin_step(&k);
    }
    memcpy(ring_slot(c, c->out, c->wcount % c->slots), buf, n);
    /* release: the bytes are visible before the count that announces them */
    atomic_store_explicit(&c->shm->head[c->out].n, ++c->wcount, memory_order_release);
}

static void spin_recv(struct chan *c, char *buf, size_t n)
{
    unsigned long k = 0;
    int in = 1 - c->out;

    while (c->head_seen <= c->rcount) {
        c->head_seen = atomic_load_explicit(&c->shm->head[in].n, memory_order_acquire);
        if (c->head_seen <= c->rcount)
            spin_step(&k);
    }
    memcpy(buf, ring_slot(c, in, c->rcount % c->slots), n);
    atomic_store_explicit(&c->shm->tail[in].n, ++c->rcount, memory_order_release);
}

static void spin_teardown(struct chan *c)
{
    shm_unmap(c);
}

/* ---- file: two regular files, one per direction ------------------------- */

/* The sender appends with pwrite(); a file wakes nobody, so the receiver
 * pread()s again and again until the bytes are there (polling, yielding the
 * CPU between tries). The files are unlinked at once: nothing stays. */
static int file_setup(struct chan *c)
{
    for (int k = 0; k < 2; k++) {
        const char *p = paths[k ? F_FILE2 : F_FILE1];
        if ((c->fds[k] = open(p, O_RDWR | O_CREAT | O_EXCL, S_IRUSR | S_IWUSR)) == -1)
            die("obrint %s", p);
        if (unlink(p) == -1)
            die("esborrant %s", p);
    }
    return 0;
}

static void file_attach(struct chan *c)
{
    c->rfd = c->fds[c->child ? 0 : 1];
    c->wfd = c->fds[c->child ? 1 : 0];
}

static void file_reset(struct chan *c, size_t m)
{
    (void)m;
    c->roff = c->woff = 0;
    if (!c->child && (ftruncate(c->rfd, 0) == -1 || ftruncate(c->wfd, 0) == -1))
        die("ftruncate");
}

static void file_send(struct chan *c, const char *buf, size_t n)
{
    for (size_t done = 0; done < n;) {
        ssize_t w = pwrite(c->wfd, buf + done, n - done, c->woff);
        if (w == -1 && errno != EINTR)
            die("file: pwrite");
        if (w > 0) {
            done += (size_t)w;
            c->woff += w;
        }
    }
}

static void file_recv(struct chan *c, char *buf, size_t n)
{
    for (size_t got = 0; got < n;) {
        ssize_t r = pread(c->rfd, buf + got, n - got, c->roff);
        if (r == -1 && errno != EINTR)
            die("file: pread");
        if (r > 0) {
            got += (size_t)r;
            c->roff += r;
        } else if (r == 0) {
            if (peer_dead)
                peer_gone("file");
            sched_yield();
        }
    }
}

/* ---- signal: SIGUSR1 there and back, taken with sigwait() ---------------- */

/* Blocked, a signal waits as pending until sigwait() takes it: no handler,
 * no wake-up lost between "look" and "sleep". The parent also waits for
 * SIGCHLD: the child's end. Latency only: a signal carries no bytes. */
static void signal_mask(int how)
{
    sigset_t s;

    sigemptyset(&s);
    sigaddset(&s, SIGUSR1);
    sigaddset(&s, SIGCHLD);
    if (sigprocmask(how, &s, NULL) == -1)
        die("sigprocmask");
}

static int signal_setup(struct chan *c)
{
    (void)c;
    signal_mask(SIG_BLOCK);     /* before fork(): the child inherits it */
    return 0;
}

static void signal_attach(struct chan *c)
{
    sigemptyset(&c->sigs);
    sigaddset(&c->sigs, SIGUSR1);
    if (!c->child)
        sigaddset(&c->sigs, SIGCHLD);
}

static void signal_send(struct chan *c, const char *buf, size_t n)
{
    (void)buf;
    (void)n;
    if (kill(c->child ? parent_pid : child_pid, SIGUSR1) == -1)
        die("kill SIGUSR1");
}

static void signal_recv(struct chan *c, char *buf, size_t n)
{
    int sig = 0;

    (void)buf;
    (void)n;
    while (sig != SIGUSR1) {
        if ((errno = sigwait(&c->sigs, &sig)) != 0)
            die("sigwait");
        if (sig == SIGCHLD)
            peer_gone("signal");
    }
}

static void signal_teardown(struct chan *c)
{
    (void)c;
    signal_mask(SIG_UNBLOCK);   /* a pending SIGCHLD is then handled or ignored */
}

/* ---- the table ------------------------------------------------------------ */

static const struct technique techniques[] = {
    /* key        label                          lmbench: latency, bandwidth  copies */
    { "pipe",      "canonada (pipe)",            "lat_pipe", "bw_pipe", 2,
      pipe_setup, pipe_attach, fd_send, fd_recv, NULL, fd_teardown },
    { "fifo",      "canonada amb nom (FIFO)",    "lat_fifo", "", 2,
      fifo_setup, fifo_attach, fd_send, fd_recv, NULL, fifo_teardown },
    { "unix",      "socket UNIX",                "lat_unix", "bw_unix", 2,
      unix_setup, unix_attach, fd_send, fd_recv, NULL, fd_teardown },
    { "tcp",       "socket TCP (127.0.0.1)",     "lat_tcp", "bw_tcp", 2,
      tcp_setup, tcp_attach, fd_send, fd_recv, NULL, fd_teardown },
    { "mmap",      "mmap compartit (semàfors)",  "", "", 2,
      mmap_setup, mmap_attach, mmap_send, mmap_recv, mmap_reset, mmap_teardown },
    { "mmap-spin", "mmap (espera activa)",       "", "", 2,
      spin_setup, NULL, spin_send, spin_recv, spin_reset, spin_teardown },
    { "file",      "fitxer (sondeig)",           "", "", 2,
      file_setup, file_attach, file_send, file_recv, file_reset, fd_teardown },
    { "signal",    "senyals (kill + sigwait)",   "", "", 0,
      signal_setup, signal_attach, signal_send, signal_recv, NULL, signal_teardown },
};
#define NTECH ((int)(sizeof techniques / sizeof techniques[0]))
