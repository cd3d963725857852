/*
 * ipc_bench.c — how fast can two processes talk? Latency and bandwidth of each
 * IPC technique of the lecture, and the cost of a system call.
 *
 * Slides: "Tècniques de comunicació interprocés que veurem" (senyals,
 * canonades, canonades amb nom, arxius, arxius mapats a memòria, sockets),
 * "una crida a sistema és costosa" (arxius) and "[mmap] és una forma molt
 * eficient ... de comunicació interprocés". This program measures those claims
 * on the machine it runs on. It prints numbers; it asserts nothing.
 *
 * Method, as lmbench does it (lat_pipe, bw_pipe, lat_unix, lat_tcp, lat_sig):
 * CLOCK_MONOTONIC, an untimed warm-up, several repeats, the median.
 *  - latency: a 1-byte ping-pong between parent and child; every round trip
 *    is timed; median and 99th percentile in microseconds.
 *  - bandwidth: the parent sends VOLUME bytes in messages of 64 B, 4 KiB,
 *    64 KiB and 1 MiB; the clock stops when the child has received the last
 *    byte and answered with a 1-byte acknowledgement. MB = 10^6 bytes.
 *  - ceiling: memcpy() in one process, same message sizes; every bandwidth is
 *    also printed as a fraction of it.
 *  - placement: each technique runs with both processes pinned to the same
 *    CPU and to two different CPUs (sched_setaffinity, Linux only), or
 *    "unpinned" where the system cannot pin. Placement changes latency by
 *    an order of magnitude, so it is printed beside every number.
 *  - system calls: 1,000,000 ints written with one write() each, one fwrite()
 *    each, and one write() of the whole array.
 *
 *   $ ./bench/ipc_bench                        (about 25 s; `make bench` runs it)
 *   $ ./bench/ipc_bench --quick --csv r.csv --svg r.svg
 *   $ ./bench/ipc_bench --only pipe,mmap --volume 256M --placement same,diff,free
 */
#if defined(__linux__) && !defined(IPC_BENCH_POSIX_ONLY)
#define _GNU_SOURCE             /* sched_setaffinity() and CPU_SET: Linux only, used in pin_to() */
#define HAVE_AFFINITY 1
#endif
#define _POSIX_C_SOURCE 200809L
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define USAGE "ipc_bench [--quick] [--volume MIDA] [--rounds N] [--repeats N] [--ints N]" \
              " [--only LLISTA] [--placement LLISTA] [--csv FITXER] [--svg FITXER]"

/* ---- what is measured -------------------------------------------------- */

enum { T_PIPE, T_FIFO, T_UNIX, T_TCP, T_MMAP, T_SPIN, T_FILE, T_SIGNAL, NTECH };

static const struct tech {
    const char *key;            /* --only and the CSV */
    const char *label;          /* the table: the slides' names */
    int bandwidth;              /* 0: latency only */
} techs[NTECH] = {
    { "pipe",   "canonada (pipe)",         1 },
    { "fifo",   "canonada amb nom (FIFO)", 1 },
    { "unix",   "socket UNIX",             1 },
    { "tcp",    "socket TCP (loopback)",   1 },
    { "mmap",   "mmap compartit",          1 },
    { "mmap-spin", "mmap (espera activa)", 1 },
    { "file",   "fitxer (sondeig)",        1 },
    { "signal", "senyals (SIGUSR1)",       0 },
};

enum { P_SAME, P_DIFF, P_FREE, NPLACE };
static const char *place_key[NPLACE] = { "same-cpu", "different-cpus", "unpinned" };

#define NSIZES 4
static const size_t sizes[NSIZES] = { 64, 4096, 65536, 1048576 };
static const char *size_label[NSIZES] = { "64 B", "4 KiB", "64 KiB", "1 MiB" };

struct result {
    int tech, place;
    double lat_med, lat_p99;    /* microseconds */
    double bw[NSIZES];          /* MB/s, 0 when not measured */
};

static struct {
    size_t volume;              /* bytes per bandwidth measurement */
    long rounds, warmup;        /* timed and untimed round trips */
    int repeats;
    long ints;                  /* ints written by the system-call test */
    unsigned techs, places;     /* bit masks */
    const char *csv, *svg;
} cfg = { 32u << 20, 10000, 1000, 3, 1000000, 0, 0, NULL, NULL };

static struct result results[NTECH * NPLACE];
static int nresults;
static double memcpy_bw[NSIZES];
static double sys_time[3];      /* seconds: write() each, fwrite() each, one write() */
static int cpu_a = -1, cpu_b = -1;      /* the two CPUs used for pinning */

static const char *place_label(char *b, int place)
{
    if (place == P_SAME)
        snprintf(b, 32, "mateixa CPU %d", cpu_a);
    else if (place == P_DIFF)
        snprintf(b, 32, "CPUs %d i %d", cpu_a, cpu_b);
    else
        snprintf(b, 32, "sense fixar");
    return b;
}

static const char *place_cpus(char *b, int place)
{
    if (place == P_SAME)
        snprintf(b, 32, "%d+%d", cpu_a, cpu_a);
    else if (place == P_DIFF)
        snprintf(b, 32, "%d+%d", cpu_a, cpu_b);
    else
        b[0] = '\0';
    return b;
}

/* ---- errors, temporary files, children --------------------------------- */

static pid_t main_pid, child_pid = -1;
static int in_child;
static char tmpdir[PATH_MAX - 16];     /* room for "/ints.data" */
enum { F_FIFO1, F_FIFO2, F_SOCK, F_FILE1, F_FILE2, F_SHM, F_INTS, NPATHS };
static const char *path_name[NPATHS] = { "fifo1", "fifo2", "sock", "file1", "file2", "shm", "ints.data" };
static char paths[NPATHS][PATH_MAX];
static FILE *csv_fp, *svg_fp;

/* Only async-signal-safe calls: also run from the SIGINT handler. */
static void remove_tmp(void)
{
    int i;

    if (tmpdir[0] == '\0')
        return;
    for (i = 0; i < NPATHS; i++)
        unlink(paths[i]);
    rmdir(tmpdir);
}

/* Ctrl-C in the middle of a run: kill the child, remove the temporary
 * directory, end. sigaction() rather than the slides' signal(): same effect
 * here, but its semantics are the same on every system. */
static void on_signal(int sig)
{
    if (getpid() != main_pid)
        _exit(128 + sig);
    if (child_pid > 0)
        kill(child_pid, SIGKILL);
    remove_tmp();
    _exit(128 + sig);
}

/* The child's status once reaped (-1 while it runs). */
static int child_status = -1;

static void reap_child(int block)
{
    int st;
    pid_t r;

    if (child_pid <= 0 || child_status != -1)
        return;
    do
        r = waitpid(child_pid, &st, block ? 0 : WNOHANG);
    while (r == -1 && errno == EINTR);
    if (r == child_pid)
        child_status = st;
}

/* The end of a failed run. A child reports its own error and ends; the parent
 * kills and reaps the child, removes what it created, and ends. */
static void bail(void)
{
    if (in_child)
        _exit(EXIT_FAILURE);
    if (child_pid > 0) {
        if (child_status == -1)
            kill(child_pid, SIGKILL);
        reap_child(1);
    }
    remove_tmp();
    if (csv_fp != NULL && cfg.csv != NULL)
        unlink(cfg.csv);
    if (svg_fp != NULL && cfg.svg != NULL)
        unlink(cfg.svg);
    exit(EXIT_FAILURE);
}

/* "ipc_bench: write pipe: Broken pipe" */
static void die(const char *what, const char *obj)
{
    int e = errno;

    fprintf(stderr, "ipc_bench: %s %s: %s\n", what, obj, strerror(e));
    bail();
}

/* The other process went away. When the child failed it has already printed
 * why: the parent ends quietly, so there is one error line, not two. */
static void peer_gone(const char *obj)
{
    if (in_child)
        _exit(EXIT_FAILURE);        /* the parent is gone or failed: it reports */
    reap_child(1);
    if (!(child_status != -1 && WIFEXITED(child_status) && WEXITSTATUS(child_status) != 0))
        fprintf(stderr, "ipc_bench: %s: the child process ended unexpectedly\n", obj);
    bail();
}

/* Is the other process still there? Used by the waits that cannot see an
 * end of file: semaphores, polling a file, signals. */
static int peer_alive(pid_t parent)
{
    if (in_child)
        return getppid() == parent;
    reap_child(0);
    return child_status == -1;
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n);

    if (p == NULL)
        die("malloc", "buffer");
    return p;
}

static double now(void)
{
    struct timespec ts;

    if (clock_gettime(CLOCK_MONOTONIC, &ts) == -1)
        die("clock_gettime", "CLOCK_MONOTONIC");
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof v[0], cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* log10 without libm, so that `cc ipc_bench.c` links everywhere: x = 10^e *
 * 2^k * r with r in [1,2), ln r by the atanh series. Good to 1e-7. Only for
 * scaling bars: x is clamped to [1e-30, 1e30] (0, infinity and NaN too). */
static double log10_(double x)
{
    double e = 0, z, z2, t, s = 0;
    int k = 0, i;

    if (!(x >= 1e-30))
        x = 1e-30;
    if (x > 1e30)
        x = 1e30;
    while (x >= 10) { x /= 10; e++; }
    while (x < 1) { x *= 10; e--; }
    while (x >= 2) { x /= 2; k++; }
    z = (x - 1) / (x + 1);
    z2 = z * z;
    for (t = z, i = 1; i <= 15; i += 2, t *= z2)
        s += t / i;
    return e + (k * 0.6931471805599453 + 2 * s) / 2.302585092994046;
}

static double floor_(double x)
{
    double f = (double)(long)x;

    return f > x ? f - 1 : f;
}

/* ---- reading and writing whole buffers ---------------------------------- */

/* read() may return less than asked: loop until n bytes. 0 at end of file. */
static ssize_t readn(int fd, void *buf, size_t n)
{
    char *p = buf;
    size_t got = 0;

    while (got < n) {
        ssize_t r = read(fd, p + got, n - got);
        if (r == -1) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (r == 0)
            break;
        got += (size_t)r;
    }
    return (ssize_t)got;
}

static ssize_t writen(int fd, const void *buf, size_t n)
{
    const char *p = buf;
    size_t done = 0;

    while (done < n) {
        ssize_t w = write(fd, p + done, n - done);
        if (w == -1) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        done += (size_t)w;
    }
    return (ssize_t)done;
}

/* ---- CPU placement ------------------------------------------------------- */

#ifdef HAVE_AFFINITY
static cpu_set_t original_mask;

/* Find the first two CPUs this process may run on. */
static int affinity_init(void)
{
    int i;

    if (sched_getaffinity(0, sizeof original_mask, &original_mask) == -1)
        return -1;
    for (i = 0; i < CPU_SETSIZE && cpu_b < 0; i++)
        if (CPU_ISSET(i, &original_mask)) {
            if (cpu_a < 0)
                cpu_a = i;
            else
                cpu_b = i;
        }
    return cpu_b < 0 ? -1 : 0;
}

/* Pin the calling process to one CPU; cpu < 0 gives back the original mask. */
static void pin_to(int cpu)
{
    cpu_set_t set;

    if (cpu < 0) {
        set = original_mask;
    } else {
        CPU_ZERO(&set);
        CPU_SET(cpu, &set);
    }
    if (sched_setaffinity(0, sizeof set, &set) == -1)
        die("sched_setaffinity", "CPU");
}
#else
static int affinity_init(void) { return -1; }
static void pin_to(int cpu) { (void)cpu; }
#endif

/* ---- the channel: one set of operations per technique -------------------- */

/* Shared mapping: a ring of slots per direction. "mmap": the slots are
 * counted by two process-shared POSIX semaphores (sem_init with pshared = 1)
 * and a waiting process sleeps in the kernel. "mmap-spin": the same ring with
 * two C11 atomic counters that the waiting process polls (busy-wait). */
#define RING_BYTES (1u << 20)
#define MAX_SLOTS 1024u
struct counter {
    _Alignas(64) atomic_ulong n;        /* its own cache line: no false sharing */
};
struct shm_hdr {
    sem_t full[2], empty[2];    /* [0]: parent -> child, [1]: child -> parent */
    struct counter head[2], tail[2];    /* mmap-spin: messages written, read */
};
#define SHM_DATA 4096u          /* the rings start one page in */
#define SHM_RING (2u * 1048576u)        /* the largest ring: 2 slots of 1 MiB */

struct chan {
    int tech;
    pid_t parent;               /* the parent's PID, for the child's checks */
    int ctl_r, ctl_w;           /* control pipe: barriers only, never timed */
    int rfd, wfd;               /* pipe, fifo, sockets; file: the two files */
    off_t roff, woff;           /* file: where the next read/write goes */
    struct shm_hdr *shm;        /* mmap */
    size_t slots, rslot, wslot;
    unsigned long rcount, wcount;       /* mmap-spin: messages read, written */
    unsigned long head_seen, tail_seen; /* the peer's counter when last loaded */
    int out;                    /* direction index of what this side sends */
    sigset_t sigs;              /* signals: the set sigwait() waits for */
};

static size_t ring_slots(size_t m)
{
    size_t k = RING_BYTES / m;

    return k < 2 ? 2 : k > MAX_SLOTS ? MAX_SLOTS : k;
}

static char *ring(struct chan *c, int dir, size_t slot, size_t m)
{
    return (char *)c->shm + SHM_DATA + (size_t)dir * SHM_RING + slot * m;
}

/* sem_wait() that notices a vanished peer: the fast path costs what
 * sem_wait() costs; a wait longer than a second checks the peer. */
static void sem_wait_peer(struct chan *c, sem_t *s)
{
    struct timespec dl;

    if (sem_trywait(s) == 0)
        return;
    for (;;) {
        if (clock_gettime(CLOCK_REALTIME, &dl) == -1)
            die("clock_gettime", "CLOCK_REALTIME");
        dl.tv_sec += 1;
        if (sem_timedwait(s, &dl) == 0)
            return;
        if (errno == ETIMEDOUT) {
            if (!peer_alive(c->parent))
                peer_gone("mmap");
        } else if (errno != EINTR) {
            die("sem_timedwait", "mmap");
        }
    }
}

/* One step of a busy-wait: spin a while, then give the CPU away with
 * sched_yield() (on a single CPU the spinner would otherwise hold it for a
 * whole time slice while the process it waits for cannot run). */
static void spin_step(struct chan *c, unsigned long *k)
{
    if (++*k < 2000)
        return;
    sched_yield();
    if (*k % 65536 == 0 && !peer_alive(c->parent))
        peer_gone("mmap-spin");
}

static void ch_send(struct chan *c, const char *buf, size_t n)
{
    unsigned long k = 0;

    switch (c->tech) {
    case T_SPIN:
        /* Wait for a free slot; acquire: the reader is done with its bytes.
         * The shared counter is loaded only when the last value seen says
         * the ring is full, so its cache line does not bounce each message. */
        while (c->tail_seen + c->slots <= c->wcount) {
            c->tail_seen = atomic_load_explicit(&c->shm->tail[c->out].n, memory_order_acquire);
            if (c->tail_seen + c->slots <= c->wcount)
                spin_step(c, &k);
        }
        memcpy(ring(c, c->out, c->wcount % c->slots, n), buf, n);
        /* release: the bytes are visible before the count that announces them */
        atomic_store_explicit(&c->shm->head[c->out].n, ++c->wcount, memory_order_release);
        break;
    case T_MMAP:
        sem_wait_peer(c, &c->shm->empty[c->out]);
        memcpy(ring(c, c->out, c->wslot, n), buf, n);
        c->wslot = (c->wslot + 1) % c->slots;
        if (sem_post(&c->shm->full[c->out]) == -1)
            die("sem_post", "mmap");
        break;
    case T_FILE:
        for (size_t done = 0; done < n;) {
            ssize_t w = pwrite(c->wfd, buf + done, n - done, c->woff);
            if (w == -1) {
                if (errno == EINTR)
                    continue;
                die("pwrite", "file");
            }
            done += (size_t)w;
            c->woff += w;
        }
        break;
    case T_SIGNAL:
        if (kill(in_child ? c->parent : child_pid, SIGUSR1) == -1)
            die("kill", "SIGUSR1");
        break;
    default:
        if (writen(c->wfd, buf, n) == -1) {
            if (errno == EPIPE || errno == ECONNRESET)
                peer_gone(techs[c->tech].key);
            die("write", techs[c->tech].key);
        }
    }
}

static void ch_recv(struct chan *c, char *buf, size_t n)
{
    int in = 1 - c->out, sig;
    size_t got;
    unsigned long k = 0;
    long idle = 0;
    ssize_t r;

    switch (c->tech) {
    case T_SPIN:
        while (c->head_seen <= c->rcount) {
            c->head_seen = atomic_load_explicit(&c->shm->head[in].n, memory_order_acquire);
            if (c->head_seen <= c->rcount)
                spin_step(c, &k);
        }
        memcpy(buf, ring(c, in, c->rcount % c->slots, n), n);
        atomic_store_explicit(&c->shm->tail[in].n, ++c->rcount, memory_order_release);
        break;
    case T_MMAP:
        sem_wait_peer(c, &c->shm->full[in]);
        memcpy(buf, ring(c, in, c->rslot, n), n);
        c->rslot = (c->rslot + 1) % c->slots;
        if (sem_post(&c->shm->empty[in]) == -1)
            die("sem_post", "mmap");
        break;
    case T_FILE:
        /* A file cannot wake its reader: poll with pread() until the bytes
         * are there, yielding the CPU between tries (busy-wait, labelled). */
        for (got = 0; got < n;) {
            r = pread(c->rfd, buf + got, n - got, c->roff);
            if (r == -1) {
                if (errno == EINTR)
                    continue;
                die("pread", "file");
            }
            if (r == 0) {
                if (++idle % 4096 == 0 && !peer_alive(c->parent))
                    peer_gone("file");
                sched_yield();
                continue;
            }
            got += (size_t)r;
            c->roff += r;
        }
        break;
    case T_SIGNAL:
        for (;;) {
            if (sigwait(&c->sigs, &sig) != 0)
                die("sigwait", "SIGUSR1");
            if (sig == SIGUSR1)
                break;
            if (sig == SIGCHLD || (sig == SIGALRM && !peer_alive(c->parent)))
                peer_gone("signal");
            alarm(2);           /* SIGALRM: the parent is alive, keep checking */
        }
        break;
    default:
        r = readn(c->rfd, buf, n);
        if (r == -1 && errno != ECONNRESET)
            die("read", techs[c->tech].key);
        if (r != (ssize_t)n)
            peer_gone(techs[c->tech].key);
    }
}

/* Both processes meet here between measurements (untimed, over the control
 * pipe); the parent resets the shared state for messages of m bytes. */
static void barrier(struct chan *c, size_t m)
{
    char b = 'b';
    int d;

    if (in_child) {
        if (writen(c->ctl_w, &b, 1) != 1 || readn(c->ctl_r, &b, 1) != 1)
            _exit(EXIT_FAILURE);        /* parent gone: it reports */
    } else {
        if (readn(c->ctl_r, &b, 1) != 1)
            peer_gone(techs[c->tech].key);
        if (c->tech == T_FILE) {
            if (ftruncate(c->rfd, 0) == -1 || ftruncate(c->wfd, 0) == -1)
                die("ftruncate", "file");
        }
        if (c->tech == T_SPIN) {
            for (d = 0; d < 2; d++) {
                atomic_store(&c->shm->head[d].n, 0);
                atomic_store(&c->shm->tail[d].n, 0);
            }
        }
        if (c->tech == T_MMAP) {
            for (d = 0; d < 2; d++) {
                if (sem_destroy(&c->shm->full[d]) == -1 || sem_destroy(&c->shm->empty[d]) == -1)
                    die("sem_destroy", "mmap");
                if (sem_init(&c->shm->full[d], 1, 0) == -1 ||
                    sem_init(&c->shm->empty[d], 1, (unsigned)ring_slots(m)) == -1)
                    die("sem_init", "mmap");
            }
        }
        if (writen(c->ctl_w, &b, 1) != 1)
            peer_gone(techs[c->tech].key);
    }
    c->roff = c->woff = 0;
    c->rslot = c->wslot = 0;
    c->rcount = c->wcount = c->head_seen = c->tail_seen = 0;
    c->slots = ring_slots(m);
}

/* ---- setting up each technique ------------------------------------------ */

static void xclose(int fd, const char *obj)
{
    if (fd >= 0 && close(fd) == -1)
        die("close", obj);
}

/* Open a FIFO for writing without blocking forever if the peer never opens
 * it: O_NONBLOCK fails with ENXIO until a reader is there. */
static int open_fifo_writer(struct chan *c, const char *path)
{
    struct timespec ms = { 0, 1000000 };
    int fd;

    while ((fd = open(path, O_WRONLY | O_NONBLOCK)) == -1) {
        if (errno != ENXIO && errno != EINTR)
            die("open", path);
        if (!peer_alive(c->parent))
            peer_gone("fifo");
        nanosleep(&ms, NULL);
    }
    return fd;
}

static void set_blocking(int fd, const char *obj)
{
    int fl = fcntl(fd, F_GETFL);

    if (fl == -1 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) == -1)
        die("fcntl", obj);
}

static void no_delay(int fd)
{
    int one = 1;

    /* Send each small message at once (no Nagle delay), as lat_tcp does. */
    if (setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one) == -1)
        die("setsockopt", "TCP_NODELAY");
}

/* Wait until a listening socket has a connection, checking the child. */
static void wait_connection(struct chan *c, int lfd)
{
    struct pollfd p = { lfd, POLLIN, 0 };
    int r;

    while ((r = poll(&p, 1, 1000)) != 1) {
        if (r == -1 && errno != EINTR)
            die("poll", "socket");
        if (!peer_alive(c->parent))
            peer_gone(techs[c->tech].key);
    }
}

static int tmp_create(const char *path)
{
    int fd = open(path, O_RDWR | O_CREAT | O_EXCL, S_IRUSR | S_IWUSR);

    if (fd == -1)
        die("open", path);
    return fd;
}

/* Before fork(): what both processes must inherit. */
static void setup_before(struct chan *c, int fds[4], int *lfd)
{
    struct sockaddr_un un;
    struct sockaddr_in in;
    socklen_t len = sizeof in;
    int one = 1, fd;
    sigset_t block;

    fds[0] = fds[1] = fds[2] = fds[3] = -1;
    *lfd = -1;
    switch (c->tech) {
    case T_PIPE:
        if (pipe(fds) == -1 || pipe(fds + 2) == -1)
            die("pipe", "pipe");
        break;
    case T_FIFO:
        if (mkfifo(paths[F_FIFO1], S_IRUSR | S_IWUSR) == -1)
            die("mkfifo", paths[F_FIFO1]);
        if (mkfifo(paths[F_FIFO2], S_IRUSR | S_IWUSR) == -1)
            die("mkfifo", paths[F_FIFO2]);
        break;
    case T_UNIX:
        memset(&un, 0, sizeof un);
        un.sun_family = AF_UNIX;
        if (strlen(paths[F_SOCK]) >= sizeof un.sun_path) {
            fprintf(stderr, "ipc_bench: %s: path too long for a socket; set TMPDIR to a shorter directory\n",
                    paths[F_SOCK]);
            bail();
        }
        strcpy(un.sun_path, paths[F_SOCK]);
        if ((*lfd = socket(AF_UNIX, SOCK_STREAM, 0)) == -1)
            die("socket", "AF_UNIX");
        if (bind(*lfd, (struct sockaddr *)&un, sizeof un) == -1)
            die("bind", paths[F_SOCK]);
        if (listen(*lfd, 1) == -1)
            die("listen", paths[F_SOCK]);
        break;
    case T_TCP:
        memset(&in, 0, sizeof in);
        in.sin_family = AF_INET;
        in.sin_port = 0;                /* any free port */
        in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if ((*lfd = socket(AF_INET, SOCK_STREAM, 0)) == -1)
            die("socket", "AF_INET");
        if (setsockopt(*lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) == -1)
            die("setsockopt", "SO_REUSEADDR");
        if (bind(*lfd, (struct sockaddr *)&in, sizeof in) == -1)
            die("bind", "127.0.0.1");
        if (listen(*lfd, 1) == -1 || getsockname(*lfd, (struct sockaddr *)&in, &len) == -1)
            die("listen", "127.0.0.1");
        fds[0] = ntohs(in.sin_port);
        break;
    case T_MMAP:
    case T_SPIN:
        /* A file mapped MAP_SHARED (the slides' mmap), unlinked at once:
         * both processes keep the mapping, nothing is left on disk. */
        fd = tmp_create(paths[F_SHM]);
        if (ftruncate(fd, SHM_DATA + 2 * SHM_RING) == -1)
            die("ftruncate", paths[F_SHM]);
        c->shm = mmap(NULL, SHM_DATA + 2 * SHM_RING, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        if (c->shm == MAP_FAILED)
            die("mmap", paths[F_SHM]);
        xclose(fd, paths[F_SHM]);
        if (unlink(paths[F_SHM]) == -1)
            die("unlink", paths[F_SHM]);
        for (int d = 0; d < 2; d++)
            if (sem_init(&c->shm->full[d], 1, 0) == -1 || sem_init(&c->shm->empty[d], 1, 1) == -1)
                die("sem_init", "mmap");
        /* Atomics shared by two processes must be lock-free (address-free). */
        if (c->tech == T_SPIN && !atomic_is_lock_free(&c->shm->head[0].n)) {
            fprintf(stderr, "ipc_bench: mmap-spin: atomic counters are not lock-free here; "
                    "leave it out with --only\n");
            bail();
        }
        break;
    case T_FILE:
        /* Two regular files, one per direction. Any two processes could
         * open them by name; they are unlinked at once so nothing stays. */
        fds[0] = tmp_create(paths[F_FILE1]);
        fds[1] = tmp_create(paths[F_FILE2]);
        if (unlink(paths[F_FILE1]) == -1 || unlink(paths[F_FILE2]) == -1)
            die("unlink", paths[F_FILE1]);
        break;
    case T_SIGNAL:
        /* Blocked signals wait as pending until sigwait() takes them: no
         * handler, no lost wake-up between "check" and "sleep". */
        sigemptyset(&block);
        sigaddset(&block, SIGUSR1);
        sigaddset(&block, SIGCHLD);
        sigaddset(&block, SIGALRM);
        if (sigprocmask(SIG_BLOCK, &block, NULL) == -1)
            die("sigprocmask", "SIGUSR1");
        break;
    }
}

/* After fork(): each side takes its ends. child: 1 in the child. */
static void setup_after(struct chan *c, int fds[4], int lfd, int child)
{
    struct sockaddr_un un;
    struct sockaddr_in in;
    int fd;

    c->out = child;
    switch (c->tech) {
    case T_PIPE:                /* fds[0..1]: parent -> child, fds[2..3]: back */
        c->rfd = child ? fds[0] : fds[2];
        c->wfd = child ? fds[3] : fds[1];
        xclose(child ? fds[1] : fds[0], "pipe");
        xclose(child ? fds[2] : fds[3], "pipe");
        break;
    case T_FIFO:
        /* Each side opens its reading end first, without blocking, then its
         * writing end: neither can wait for the other in open(). */
        c->rfd = open(paths[child ? F_FIFO1 : F_FIFO2], O_RDONLY | O_NONBLOCK);
        if (c->rfd == -1)
            die("open", paths[child ? F_FIFO1 : F_FIFO2]);
        c->wfd = open_fifo_writer(c, paths[child ? F_FIFO2 : F_FIFO1]);
        set_blocking(c->rfd, "fifo");
        set_blocking(c->wfd, "fifo");
        break;
    case T_UNIX:
        if (child) {
            xclose(lfd, "socket");
            memset(&un, 0, sizeof un);
            un.sun_family = AF_UNIX;
            strcpy(un.sun_path, paths[F_SOCK]);
            if ((fd = socket(AF_UNIX, SOCK_STREAM, 0)) == -1)
                die("socket", "AF_UNIX");
            if (connect(fd, (struct sockaddr *)&un, sizeof un) == -1)
                die("connect", paths[F_SOCK]);
        } else {
            wait_connection(c, lfd);
            if ((fd = accept(lfd, NULL, NULL)) == -1)
                die("accept", paths[F_SOCK]);
            xclose(lfd, "socket");
            if (unlink(paths[F_SOCK]) == -1)
                die("unlink", paths[F_SOCK]);
        }
        c->rfd = c->wfd = fd;
        break;
    case T_TCP:
        if (child) {
            xclose(lfd, "socket");
            memset(&in, 0, sizeof in);
            in.sin_family = AF_INET;
            in.sin_port = htons((unsigned short)fds[0]);
            in.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            if ((fd = socket(AF_INET, SOCK_STREAM, 0)) == -1)
                die("socket", "AF_INET");
            if (connect(fd, (struct sockaddr *)&in, sizeof in) == -1)
                die("connect", "127.0.0.1");
        } else {
            wait_connection(c, lfd);
            if ((fd = accept(lfd, NULL, NULL)) == -1)
                die("accept", "127.0.0.1");
            xclose(lfd, "socket");
        }
        no_delay(fd);
        c->rfd = c->wfd = fd;
        break;
    case T_FILE:
        c->rfd = child ? fds[0] : fds[1];
        c->wfd = child ? fds[1] : fds[0];
        break;
    case T_SIGNAL:
        sigemptyset(&c->sigs);
        sigaddset(&c->sigs, SIGUSR1);
        sigaddset(&c->sigs, child ? SIGALRM : SIGCHLD);
        if (child)
            alarm(2);           /* now and then: is the parent still there? */
        break;
    }
}

static void teardown(struct chan *c)
{
    sigset_t block;

    if (c->rfd >= 0)
        xclose(c->rfd, techs[c->tech].key);
    if (c->wfd >= 0 && c->wfd != c->rfd)
        xclose(c->wfd, techs[c->tech].key);
    if (c->tech == T_FIFO && (unlink(paths[F_FIFO1]) == -1 || unlink(paths[F_FIFO2]) == -1))
        die("unlink", paths[F_FIFO1]);
    if (c->shm != NULL) {
        for (int d = 0; d < 2; d++) {
            sem_destroy(&c->shm->full[d]);
            sem_destroy(&c->shm->empty[d]);
        }
        if (munmap(c->shm, SHM_DATA + 2 * SHM_RING) == -1)
            die("munmap", "mmap");
    }
    if (c->tech == T_SIGNAL) {
        /* A pending SIGCHLD is discarded on unblocking (its default is ignore). */
        sigemptyset(&block);
        sigaddset(&block, SIGUSR1);
        sigaddset(&block, SIGCHLD);
        sigaddset(&block, SIGALRM);
        if (sigprocmask(SIG_UNBLOCK, &block, NULL) == -1)
            die("sigprocmask", "SIGUSR1");
    }
}

/* ---- progress on stderr -------------------------------------------------- */

static int progress_on;

static void progress(const char *fmt, ...)
{
    char line[100];
    va_list ap;

    if (!progress_on)
        return;
    va_start(ap, fmt);
    vsnprintf(line, sizeof line, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\r%-79.79s", line);
}

static void progress_end(void)
{
    if (progress_on)
        fprintf(stderr, "\r%79s\r", "");
}

/* ---- the measurements --------------------------------------------------- */

static size_t n_msgs(size_t m)
{
    size_t n = cfg.volume / m;

    return n ? n : 1;
}

/* The same script runs in both processes; only the parent keeps numbers. */
static void script(struct chan *c, struct result *res, int step, int steps)
{
    const char *what = techs[c->tech].label;
    double *t, tt[64] = { 0 }, t0;
    char b = 'x', *buf, pl[32];
    size_t m, n, i;
    long k;
    int s, r;

    barrier(c, 1);
    if (!in_child)
        progress("[%d/%d] %s, %s: latència", step, steps, what, place_label(pl, res->place));
    for (k = 0; k < cfg.warmup; k++) {
        if (in_child) {
            ch_recv(c, &b, 1);
            ch_send(c, &b, 1);
        } else {
            ch_send(c, &b, 1);
            ch_recv(c, &b, 1);
        }
    }
    t = in_child ? NULL : xmalloc((size_t)cfg.rounds * sizeof *t);
    for (k = 0; k < cfg.rounds; k++) {
        if (in_child) {
            ch_recv(c, &b, 1);
            ch_send(c, &b, 1);
        } else {
            t0 = now();
            ch_send(c, &b, 1);
            ch_recv(c, &b, 1);
            t[k] = (now() - t0) * 1e6;
        }
    }
    if (!in_child) {
        res->lat_med = median(t, (int)cfg.rounds);
        k = (cfg.rounds * 99 + 99) / 100 - 1;   /* ceil(0.99 n) - 1, sorted */
        res->lat_p99 = t[k];
        free(t);
    }
    if (!techs[c->tech].bandwidth)
        return;

    buf = xmalloc(sizes[NSIZES - 1]);
    memset(buf, 'x', sizes[NSIZES - 1]);
    for (s = 0; s < NSIZES; s++) {
        m = sizes[s];
        n = n_msgs(m);
        if (!in_child)
            progress("[%d/%d] %s, %s: %s", step, steps, what, pl, size_label[s]);
        for (r = -1; r < cfg.repeats; r++) {    /* r = -1: warm-up, untimed */
            size_t count = r < 0 ? (n + 3) / 4 : n;
            barrier(c, m);
            if (in_child) {
                for (i = 0; i < count; i++)
                    ch_recv(c, buf, m);
                ch_send(c, &b, 1);
            } else {
                t0 = now();
                for (i = 0; i < count; i++)
                    ch_send(c, buf, m);
                ch_recv(c, &b, 1);
                if (r >= 0)
                    tt[r] = now() - t0;
            }
        }
        if (!in_child)
            res->bw[s] = (double)(n * m) / median(tt, cfg.repeats) / 1e6;
    }
    free(buf);
}

/* The child dies of Ctrl-C as any process does: only the parent cleans up. */
static void default_signals(void)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_DFL;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGINT, &sa, NULL) == -1 || sigaction(SIGTERM, &sa, NULL) == -1 ||
        sigaction(SIGHUP, &sa, NULL) == -1)
        die("sigaction", "SIGINT");
}

static void run_technique(int tech, int place, int step, int steps)
{
    struct result *res = &results[nresults++];
    struct chan c;
    int fds[4], lfd, ctl1[2], ctl2[2], cpu_child;
    pid_t pid;

    memset(&c, 0, sizeof c);
    c.tech = tech;
    c.rfd = c.wfd = -1;
    c.parent = getpid();
    res->tech = tech;
    res->place = place;

    if (pipe(ctl1) == -1 || pipe(ctl2) == -1)
        die("pipe", "control");
    setup_before(&c, fds, &lfd);
    cpu_child = place == P_SAME ? cpu_a : place == P_DIFF ? cpu_b : -1;
    pin_to(place == P_FREE ? -1 : cpu_a);

    fflush(stdout);             /* nothing printed twice by the child */
    if ((pid = fork()) == -1)
        die("fork", techs[tech].key);
    if (pid == 0) {
        in_child = 1;
        default_signals();
        pin_to(cpu_child);
        xclose(ctl1[1], "control");
        xclose(ctl2[0], "control");
        c.ctl_r = ctl1[0];
        c.ctl_w = ctl2[1];
        setup_after(&c, fds, lfd, 1);
        script(&c, res, step, steps);
        _exit(EXIT_SUCCESS);
    }
    child_pid = pid;
    child_status = -1;
    xclose(ctl1[0], "control");
    xclose(ctl2[1], "control");
    c.ctl_r = ctl2[0];
    c.ctl_w = ctl1[1];
    setup_after(&c, fds, lfd, 0);
    script(&c, res, step, steps);

    xclose(c.ctl_r, "control");
    xclose(c.ctl_w, "control");
    teardown(&c);
    reap_child(1);
    child_pid = -1;
    if (!WIFEXITED(child_status) || WEXITSTATUS(child_status) != 0) {
        if (!WIFEXITED(child_status))   /* an exit status of 1: it said why */
            fprintf(stderr, "ipc_bench: %s: the child process was killed by signal %d\n",
                    techs[tech].key, WTERMSIG(child_status));
        bail();
    }
    pin_to(-1);
}

/* The ceiling: one process copying the same volume with memcpy(). The
 * volatile pointer keeps the compiler from dropping the repeated copies. */
static void measure_memcpy(void)
{
    void *(*volatile copy)(void *, const void *, size_t) = memcpy;
    char *src = xmalloc(sizes[NSIZES - 1]), *dst = xmalloc(sizes[NSIZES - 1]);
    double tt[64] = { 0 }, t0;
    size_t i, n;
    int s, r;

    memset(src, 'x', sizes[NSIZES - 1]);
    memset(dst, 'y', sizes[NSIZES - 1]);
    for (s = 0; s < NSIZES; s++) {
        progress("memcpy: %s", size_label[s]);
        n = n_msgs(sizes[s]);
        for (r = -1; r < cfg.repeats; r++) {
            t0 = now();
            for (i = 0; i < n; i++)
                copy(dst, src, sizes[s]);
            if (r >= 0)
                tt[r] = now() - t0;
        }
        memcpy_bw[s] = (double)(n * sizes[s]) / median(tt, cfg.repeats) / 1e6;
    }
    free(src);
    free(dst);
}

/* The files slides' claim: one system call per int versus stdio's buffer
 * versus one call for the whole array. Times include close()/fclose(). */
static void measure_syscalls(void)
{
    const char *path = paths[F_INTS];
    int *v = xmalloc((size_t)cfg.ints * sizeof *v);
    double tt[3][64] = { { 0 } }, t0;
    long i;
    int r, fd, k;
    FILE *fp;

    for (i = 0; i < cfg.ints; i++)
        v[i] = (int)i;
    for (r = 0; r < cfg.repeats; r++) {
        progress("crides a sistema: write() x %ld", cfg.ints);
        if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, S_IRUSR | S_IWUSR)) == -1)
            die("open", path);
        t0 = now();
        for (i = 0; i < cfg.ints; i++)
            if (write(fd, &v[i], sizeof v[i]) != (ssize_t)sizeof v[i])
                die("write", path);
        xclose(fd, path);
        tt[0][r] = now() - t0;

        progress("crides a sistema: fwrite() x %ld", cfg.ints);
        if ((fp = fopen(path, "w")) == NULL)
            die("fopen", path);
        t0 = now();
        for (i = 0; i < cfg.ints; i++)
            if (fwrite(&v[i], sizeof v[i], 1, fp) != 1)
                die("fwrite", path);
        if (fclose(fp) == EOF)
            die("fclose", path);
        tt[1][r] = now() - t0;

        progress("crides a sistema: un write()");
        if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, S_IRUSR | S_IWUSR)) == -1)
            die("open", path);
        t0 = now();
        if (writen(fd, v, (size_t)cfg.ints * sizeof *v) == -1)
            die("write", path);
        xclose(fd, path);
        tt[2][r] = now() - t0;
    }
    if (unlink(path) == -1)
        die("unlink", path);
    for (k = 0; k < 3; k++)
        sys_time[k] = median(tt[k], cfg.repeats);
    free(v);
}

/* ---- output: numbers, tables, bars ------------------------------------- */

/* Print s left-aligned in w columns; printf's widths count bytes, not the
 * characters of "tècnica". */
static void pad(const char *s, int w)
{
    const char *p;

    for (p = s; *p; p++)
        if (((unsigned char)*p & 0xC0) != 0x80)
            w--;
    fputs(s, stdout);
    while (w-- > 0)
        putchar(' ');
}

/* About three significant digits: 2.13, 21.3, 213, 2130. */
static const char *num(char *b, double v)
{
    snprintf(b, 24, v < 10 ? "%.2f" : v < 100 ? "%.1f" : "%.0f", v);
    return b;
}

/* A bar of '#' on a log scale: `per` columns for each factor of 10 above lo. */
static void bar(double v, double lo, int per)
{
    int n = 1 + (int)((log10_(v) - lo) * per + 0.5), i;

    for (i = 0; i < n; i++)
        putchar('#');
    for (; i < 50; i++)
        putchar(' ');
}

static void scale(double mn, double mx, double *lo, int *per)
{
    double hi = floor_(log10_(mx)) + 1;

    *lo = floor_(log10_(mn));
    *per = (int)(48 / (hi - *lo));
    if (*per > 16)
        *per = 16;
}

static void print_latency(void)
{
    char b1[32], b2[24], b3[24];
    double mn = 1e300, mx = 0, lo;
    int i, per;

    printf("\nLatència: anada i tornada d'un missatge d'1 byte, en microsegons (us)\n");
    pad("tècnica", 25); pad("ubicació", 16); printf("%10s %10s\n", "mediana", "p99");
    for (i = 0; i < nresults; i++) {
        pad(techs[results[i].tech].label, 25);
        pad(place_label(b1, results[i].place), 16);
        printf("%10s %10s\n", num(b2, results[i].lat_med), num(b3, results[i].lat_p99));
        if (results[i].lat_med < mn) mn = results[i].lat_med;
        if (results[i].lat_med > mx) mx = results[i].lat_med;
    }
    scale(mn, mx, &lo, &per);
    printf("\nLatència mediana (us; escala logarítmica: %d columnes = x10)\n", per);
    for (i = 0; i < nresults; i++) {
        pad(techs[results[i].tech].label, 25);
        pad(place_label(b1, results[i].place), 16);
        bar(results[i].lat_med, lo, per);
        printf(" %s\n", num(b2, results[i].lat_med));
    }
}

static void pct(char *b, double f)
{
    f *= 100;
    snprintf(b, 24, f < 1 ? "%.2f%%" : f < 10 ? "%.1f%%" : "%.0f%%", f);
}

static void bw_cell(double v, double ceil)
{
    char b1[24], b2[24], b3[64];

    pct(b2, v / ceil);
    snprintf(b3, sizeof b3, "%s (%s)", num(b1, v), b2);
    printf(" %16s", b3);
}

static void print_bandwidth(void)
{
    char b1[32], b2[24];
    double mn = 1e300, mx = 0, lo;
    int i, s, per, chart = 2;   /* the bar chart shows 64 KiB messages */

    printf("\nAmplada de banda: MB/s (1 MB = 10^6 bytes) i, entre parèntesis, fracció de memcpy\n"
           "a la mateixa mida de missatge; volum per mesura: %zu bytes\n", cfg.volume);
    pad("tècnica", 25); pad("ubicació", 16);
    for (s = 0; s < NSIZES; s++)
        printf(" %16s", size_label[s]);
    printf("\n");
    pad("memcpy (1 procés)", 25); pad("un procés", 16);
    for (s = 0; s < NSIZES; s++)
        bw_cell(memcpy_bw[s], memcpy_bw[s]);
    printf("\n");
    for (i = 0; i < nresults; i++) {
        if (!techs[results[i].tech].bandwidth)
            continue;
        pad(techs[results[i].tech].label, 25);
        pad(place_label(b1, results[i].place), 16);
        for (s = 0; s < NSIZES; s++)
            bw_cell(results[i].bw[s], memcpy_bw[s]);
        printf("\n");
        if (results[i].bw[chart] < mn) mn = results[i].bw[chart];
    }
    mx = memcpy_bw[chart];
    if (mn > mx)
        mn = mx;
    scale(mn, mx, &lo, &per);
    printf("\nAmplada de banda amb missatges de %s (MB/s; escala logarítmica: %d columnes = x10)\n",
           size_label[chart], per);
    pad("memcpy (1 procés)", 25); pad("un procés", 16);
    bar(memcpy_bw[chart], lo, per);
    printf(" %s\n", num(b2, memcpy_bw[chart]));
    for (i = 0; i < nresults; i++) {
        if (!techs[results[i].tech].bandwidth)
            continue;
        pad(techs[results[i].tech].label, 25);
        pad(place_label(b1, results[i].place), 16);
        bar(results[i].bw[chart], lo, per);
        printf(" %s\n", num(b2, results[i].bw[chart]));
    }
}

static const char *sys_label[3] = { "write() per cada int", "fwrite() per cada int", "un sol write()" };
static const char *sys_key[3] = { "write-each", "fwrite-each", "write-once" };

static void print_syscalls(void)
{
    char b1[24], b2[24], b3[24];
    double lo, mn, mx;
    int k, per;

    printf("\nCrides a sistema: escriure %ld ints a un fitxer (temps en ms)\n", cfg.ints);
    pad("mètode", 25);
    printf("%12s %12s %14s\n", "temps (ms)", "ns per int", "vegades 1 write");
    for (k = 0; k < 3; k++) {
        pad(sys_label[k], 25);
        printf("%12s %12s %14s\n", num(b1, sys_time[k] * 1e3), num(b2, sys_time[k] * 1e9 / (double)cfg.ints),
               num(b3, sys_time[k] / sys_time[2]));
    }
    printf("write() per int / fwrite() per int: %s vegades més lent\n", num(b1, sys_time[0] / sys_time[1]));
    mn = mx = sys_time[0];              /* noise may reorder them on tiny sizes */
    for (k = 1; k < 3; k++) {
        if (sys_time[k] < mn) mn = sys_time[k];
        if (sys_time[k] > mx) mx = sys_time[k];
    }
    scale(mn * 1e3, mx * 1e3, &lo, &per);
    printf("\nTemps (ms; escala logarítmica: %d columnes = x10)\n", per);
    for (k = 0; k < 3; k++) {
        pad(sys_label[k], 25);
        bar(sys_time[k] * 1e3, lo, per);
        printf(" %s\n", num(b1, sys_time[k] * 1e3));
    }
}

static void write_csv(void)
{
    char cp[32];
    int i, s, k;

    fprintf(csv_fp, "test,technique,placement,cpus,msg_bytes,value,unit,p99,fraction_of_memcpy\n");
    for (i = 0; i < nresults; i++)
        fprintf(csv_fp, "latency,%s,%s,%s,1,%.3f,us,%.3f,\n", techs[results[i].tech].key,
                place_key[results[i].place], place_cpus(cp, results[i].place),
                results[i].lat_med, results[i].lat_p99);
    for (s = 0; s < NSIZES; s++)
        fprintf(csv_fp, "bandwidth,memcpy,one-process,,%zu,%.1f,MB/s,,1.0000\n", sizes[s], memcpy_bw[s]);
    for (i = 0; i < nresults; i++)
        for (s = 0; techs[results[i].tech].bandwidth && s < NSIZES; s++)
            fprintf(csv_fp, "bandwidth,%s,%s,%s,%zu,%.1f,MB/s,,%.4f\n", techs[results[i].tech].key,
                    place_key[results[i].place], place_cpus(cp, results[i].place), sizes[s],
                    results[i].bw[s], results[i].bw[s] / memcpy_bw[s]);
    for (k = 0; k < 3; k++)
        fprintf(csv_fp, "syscall,%s,one-process,,%zu,%.3f,ms,,\n", sys_key[k],
                k == 2 ? (size_t)cfg.ints * sizeof(int) : sizeof(int), sys_time[k] * 1e3);
    if (fclose(csv_fp) == EOF) {
        csv_fp = NULL;
        die("write", cfg.csv);
    }
    csv_fp = NULL;
}

/* ---- the SVG chart: three panels of horizontal bars on log scales ------- */

#define SVG_W 960
#define SVG_LABEL 300           /* the labels' column */
#define SVG_BAR 520             /* the bars' width */

static const char *place_color[NPLACE] = { "#3b6fb6", "#e07b28", "#7a7a7a" };
static const char *size_color[NSIZES] = { "#c6dbef", "#6baed6", "#2171b5", "#08306b" };

static double svg_x(double v, double lo, double hi)
{
    return SVG_LABEL + (log10_(v) - lo) / (hi - lo) * SVG_BAR;
}

static void svg_text(double x, double y, const char *anchor, int size, const char *s)
{
    fprintf(svg_fp, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">", x, y, anchor, size);
    for (; *s; s++)
        if (*s == '&') fputs("&amp;", svg_fp);
        else if (*s == '<') fputs("&lt;", svg_fp);
        else if (*s == '>') fputs("&gt;", svg_fp);
        else fputc(*s, svg_fp);
    fputs("</text>\n", svg_fp);
}

/* A panel's title and its decade grid from 10^lo to 10^hi; returns the y below. */
static double svg_axis(double y, const char *title, double lo, double hi, double height, const char *unit)
{
    char b[32];
    double d, x;

    svg_text(20, y + 16, "start", 15, title);
    y += 40;
    for (d = lo; d <= hi + 1e-9; d++) {
        double v = 1;
        for (int i = 0; i < (int)(d < 0 ? -d : d); i++)
            v = d < 0 ? v / 10 : v * 10;
        x = svg_x(v, lo, hi);
        fprintf(svg_fp, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n",
                x, y - 4, x, y + height);
        snprintf(b, sizeof b, v < 1 ? "%g %s" : "%.0f %s", v, unit);
        svg_text(x, y - 8, "middle", 10, b);
    }
    return y + 6;
}

static void svg_range(double mn, double mx, double *lo, double *hi)
{
    *lo = floor_(log10_(mn));
    *hi = floor_(log10_(mx)) + 1;
}

/* A bar from the axis to v, and its value written after x_text at least. */
static void svg_bar(double y, double h, double v, double lo, double hi, const char *color,
                    const char *value, double x_text)
{
    double x = svg_x(v, lo, hi);

    if (x < SVG_LABEL + 1)
        x = SVG_LABEL + 1;
    fprintf(svg_fp, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n",
            SVG_LABEL, y, x - SVG_LABEL, h, color);
    svg_text((x > x_text ? x : x_text) + 4, y + h - 1, "start", h >= 12 ? 11 : 9, value);
}

static void write_svg(void)
{
    char b1[32], b2[24], b3[24], lbl[320], val[64];
    struct utsname u;
    double lo, hi, y, mn = 1e300, mx = 0;
    int i, s, k, nbw = 1, height;

    for (i = 0; i < nresults; i++)
        nbw += techs[results[i].tech].bandwidth;
    height = 62 + (46 + 22 * nresults + 24) + (46 + 20 + 46 * nbw + 4) + (46 + 22 * 3) + 16;
    fprintf(svg_fp, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
            "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\">\n"
            "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n", SVG_W, height, SVG_W, height);
    if (uname(&u) == -1)
        die("uname", "system");
    snprintf(lbl, sizeof lbl, "ipc_bench: %s %s %s; volum %s MiB, %d repeticions, mediana",
             u.sysname, u.release, u.machine, num(b2, (double)cfg.volume / 1048576), cfg.repeats);
    svg_text(20, 28, "start", 17, lbl);
    for (k = 0, i = 0; k < NPLACE; k++) {
        if (!(cfg.places >> k & 1))
            continue;
        fprintf(svg_fp, "<rect x=\"%d\" y=\"40\" width=\"12\" height=\"10\" fill=\"%s\"/>\n",
                20 + i * 190, place_color[k]);
        svg_text(36 + i * 190, 49, "start", 11, place_label(b1, k));
        i++;
    }
    y = 62;

    /* Latency: one bar per technique and placement, a black tick at p99. */
    for (i = 0; i < nresults; i++) {
        if (results[i].lat_med < mn) mn = results[i].lat_med;
        if (results[i].lat_p99 > mx) mx = results[i].lat_p99;
    }
    svg_range(mn, mx, &lo, &hi);
    y = svg_axis(y, "Latència: anada i tornada d'1 byte (mediana; marca negra: p99), escala logarítmica",
                 lo, hi, 22.0 * nresults, "µs");
    for (i = 0; i < nresults; i++, y += 22) {
        snprintf(lbl, sizeof lbl, "%s · %s", techs[results[i].tech].label, place_label(b1, results[i].place));
        svg_text(SVG_LABEL - 8, y + 13, "end", 12, lbl);
        snprintf(val, sizeof val, "%s µs (p99 %s)", num(b2, results[i].lat_med), num(b3, results[i].lat_p99));
        svg_bar(y + 2, 14, results[i].lat_med, lo, hi, place_color[results[i].place], val,
                svg_x(results[i].lat_p99, lo, hi) + 2);
        fprintf(svg_fp, "<rect x=\"%.1f\" y=\"%.1f\" width=\"2\" height=\"16\" fill=\"black\"/>\n",
                svg_x(results[i].lat_p99, lo, hi) - 1, y + 1);
    }
    y += 24;

    /* Bandwidth: per technique and placement, one bar per message size. */
    mn = 1e300;
    mx = 0;
    for (s = 0; s < NSIZES; s++) {
        if (memcpy_bw[s] > mx) mx = memcpy_bw[s];
        if (memcpy_bw[s] < mn) mn = memcpy_bw[s];
        for (i = 0; i < nresults; i++)
            if (techs[results[i].tech].bandwidth && results[i].bw[s] < mn)
                mn = results[i].bw[s];
    }
    svg_range(mn, mx, &lo, &hi);
    y = svg_axis(y, "Amplada de banda (MB/s) per mida de missatge, escala logarítmica", lo, hi,
                 46.0 * nbw + 20, "MB/s");
    for (s = 0; s < NSIZES; s++) {
        fprintf(svg_fp, "<rect x=\"%d\" y=\"%.1f\" width=\"12\" height=\"10\" fill=\"%s\"/>\n",
                SVG_LABEL + s * 110, y, size_color[s]);
        svg_text(SVG_LABEL + s * 110 + 16, y + 9, "start", 11, size_label[s]);
    }
    y += 20;
    for (i = -1; i < nresults; i++) {
        const double *bw = i < 0 ? memcpy_bw : results[i].bw;
        if (i >= 0 && !techs[results[i].tech].bandwidth)
            continue;
        if (i < 0)
            snprintf(lbl, sizeof lbl, "memcpy (1 procés)");
        else
            snprintf(lbl, sizeof lbl, "%s · %s", techs[results[i].tech].label,
                     place_label(b1, results[i].place));
        svg_text(SVG_LABEL - 8, y + 24, "end", 12, lbl);
        for (s = 0; s < NSIZES; s++) {
            pct(b3, bw[s] / memcpy_bw[s]);
            snprintf(val, sizeof val, "%s (%s)", num(b2, bw[s]), b3);
            svg_bar(y + 2 + s * 10, 9, bw[s], lo, hi, size_color[s], val, 0);
        }
        y += 46;
    }
    y += 4;

    /* System calls. */
    svg_range(sys_time[2] * 1e3, sys_time[0] * 1e3, &lo, &hi);
    snprintf(lbl, sizeof lbl, "Escriure %ld ints a un fitxer: temps en ms, escala logarítmica", cfg.ints);
    y = svg_axis(y, lbl, lo, hi, 66, "ms");
    for (k = 0; k < 3; k++, y += 22) {
        svg_text(SVG_LABEL - 8, y + 13, "end", 12, sys_label[k]);
        snprintf(val, sizeof val, "%s ms (x%s)", num(b2, sys_time[k] * 1e3), num(b3, sys_time[k] / sys_time[2]));
        svg_bar(y + 2, 14, sys_time[k] * 1e3, lo, hi, "#3b6fb6", val, 0);
    }
    fprintf(svg_fp, "</svg>\n");
    if (fclose(svg_fp) == EOF) {
        svg_fp = NULL;
        die("write", cfg.svg);
    }
    svg_fp = NULL;
}

/* ---- command line -------------------------------------------------------- */

/* "ipc_bench: bad value for --rounds: 'abc' (usage: ...)" */
static void usage_error(const char *what, const char *arg)
{
    fprintf(stderr, "ipc_bench: %s '%s' (usage: %s)\n", what, arg, USAGE);
    exit(EXIT_FAILURE);
}

/* A count in [min, max]; with suffixes K, M, G (x1024) when sized. */
static long long parse_num(const char *opt, const char *s, long long min, long long max, int sized)
{
    char *end, msg[64];
    long long v, mul = 1;

    snprintf(msg, sizeof msg, "bad value for %s:", opt);
    if (s == NULL)
        usage_error("missing value after", opt);
    errno = 0;
    v = strtoll(s, &end, 10);
    if (sized && end != s && end[0] != '\0' && end[1] == '\0') {
        mul = end[0] == 'K' ? 1LL << 10 : end[0] == 'M' ? 1LL << 20 : end[0] == 'G' ? 1LL << 30 : 0;
        if (mul)
            end++;
    }
    if (errno != 0 || end == s || *end != '\0' || mul == 0 || v < min / mul || v > max / mul ||
        v * mul < min)
        usage_error(msg, s);
    return v * mul;
}

/* "pipe,mmap" -> bit mask over names[]. */
static unsigned parse_list(const char *opt, const char *s, const char *const *names, int n)
{
    char buf[256], msg[64], *tok, *save;
    unsigned mask = 0;
    int i;

    snprintf(msg, sizeof msg, "unknown name in %s:", opt);
    if (s == NULL)
        usage_error("missing value after", opt);
    if (strlen(s) >= sizeof buf)
        usage_error(msg, s);
    strcpy(buf, s);
    for (tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        for (i = 0; i < n && strcmp(tok, names[i]) != 0; i++)
            ;
        if (i == n)
            usage_error(msg, tok);
        mask |= 1u << i;
    }
    if (mask == 0)
        usage_error(msg, s);
    return mask;
}

static void help(void)
{
    printf("Ús: " USAGE "\n"
           "Mesura la latència i l'amplada de banda de cada tècnica de comunicació entre dos processos\n"
           "i el cost d'una crida a sistema.\n"
           "  --quick           mides petites (segons): per a proves\n"
           "  --volume MIDA     bytes per mesura d'amplada de banda (per defecte 32M; sufixos K, M, G)\n"
           "  --rounds N        anades i tornades cronometrades per a la latència (10000)\n"
           "  --repeats N       repeticions de cada mesura; es dona la mediana (3)\n"
           "  --ints N          ints escrits a la prova de crides a sistema (1000000)\n"
           "  --only LLISTA     tècniques: pipe,fifo,unix,tcp,mmap,mmap-spin,file,signal (totes)\n"
           "  --placement LLISTA  same (mateixa CPU), diff (CPUs diferents), free (sense fixar)\n"
           "  --csv FITXER      escriu els resultats en CSV\n"
           "  --svg FITXER      escriu un gràfic SVG (s'obre amb el navegador)\n");
}

int main(int argc, char *argv[])
{
    static const char *const place_opt[NPLACE] = { "same", "diff", "free" };
    static const char *const tech_keys[NTECH] = { "pipe", "fifo", "unix", "tcp", "mmap", "mmap-spin",
                                                    "file", "signal" };
    const char *tmp = getenv("TMPDIR");
    struct sigaction sa;
    sigset_t stop;
    int i, t, p, can_pin, step = 0, steps = 0;

    if (argc > 1 && strcmp(argv[1], "-h") == 0) {
        help();
        return EXIT_SUCCESS;
    }
    for (i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--quick") == 0) {
            cfg.volume = 256u << 10;
            cfg.rounds = 200;
            cfg.warmup = 20;
            cfg.repeats = 1;
            cfg.ints = 10000;
            continue;
        }
        if (strcmp(a, "--volume") == 0)
            cfg.volume = (size_t)parse_num(a, v, 1, 1LL << 40, 1);
        else if (strcmp(a, "--rounds") == 0)
            cfg.rounds = (long)parse_num(a, v, 1, 100000000, 0);
        else if (strcmp(a, "--repeats") == 0)
            cfg.repeats = (int)parse_num(a, v, 1, 64, 0);
        else if (strcmp(a, "--ints") == 0)
            cfg.ints = (long)parse_num(a, v, 1, 100000000, 0);
        else if (strcmp(a, "--only") == 0)
            cfg.techs = parse_list(a, v, tech_keys, NTECH);
        else if (strcmp(a, "--placement") == 0)
            cfg.places = parse_list(a, v, place_opt, NPLACE);
        else if (strcmp(a, "--csv") == 0 && v != NULL)
            cfg.csv = v;
        else if (strcmp(a, "--svg") == 0 && v != NULL)
            cfg.svg = v;
        else
            usage_error(v == NULL && (strcmp(a, "--csv") == 0 || strcmp(a, "--svg") == 0)
                        ? "missing value after" : "unknown argument", a);
        i++;
    }
    if (cfg.rounds / 10 < cfg.warmup)
        cfg.warmup = cfg.rounds / 10;
    if (cfg.techs == 0)
        cfg.techs = (1u << NTECH) - 1;

    can_pin = affinity_init() == 0;
    if (cfg.places == 0)
        cfg.places = can_pin ? (1u << P_SAME) | (1u << P_DIFF) : 1u << P_FREE;
    if (!can_pin && (cfg.places & ((1u << P_SAME) | (1u << P_DIFF)))) {
        fprintf(stderr, "ipc_bench: --placement same/diff: this system cannot pin two processes "
                "to CPUs (needs sched_setaffinity and 2 CPUs); use free\n");
        return EXIT_FAILURE;
    }

    /* Open the output files first: a bad path fails now, not after a minute. */
    if (cfg.csv != NULL && (csv_fp = fopen(cfg.csv, "w")) == NULL)
        die("open", cfg.csv);
    if (cfg.svg != NULL && (svg_fp = fopen(cfg.svg, "w")) == NULL)
        die("open", cfg.svg);

    main_pid = getpid();
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    if (sigaction(SIGINT, &sa, NULL) == -1 || sigaction(SIGTERM, &sa, NULL) == -1 ||
        sigaction(SIGHUP, &sa, NULL) == -1)
        die("sigaction", "SIGINT");
    /* A vanished reader makes write() fail with EPIPE, which is reported,
     * instead of killing the parent silently with SIGPIPE. */
    sa.sa_handler = SIG_IGN;
    if (sigaction(SIGPIPE, &sa, NULL) == -1)
        die("sigaction", "SIGPIPE");

    /* The handler removes tmpdir: hold Ctrl-C back while it is being named. */
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGHUP);
    if (sigprocmask(SIG_BLOCK, &stop, NULL) == -1)
        die("sigprocmask", "SIGINT");
    snprintf(tmpdir, sizeof tmpdir, "%s/ipc_bench.XXXXXX", tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp");
    if (mkdtemp(tmpdir) == NULL) {
        char d[PATH_MAX];
        snprintf(d, sizeof d, "%s", tmpdir);
        tmpdir[0] = '\0';
        die("mkdtemp", d);
    }
    for (i = 0; i < NPATHS; i++)
        snprintf(paths[i], sizeof paths[i], "%s/%s", tmpdir, path_name[i]);
    if (sigprocmask(SIG_UNBLOCK, &stop, NULL) == -1)
        die("sigprocmask", "SIGINT");


    progress_on = isatty(STDERR_FILENO);
    for (t = 0; t < NTECH; t++)
        for (p = 0; p < NPLACE; p++)
            steps += (cfg.techs >> t & 1) && (cfg.places >> p & 1);
    for (t = 0; t < NTECH; t++)
        for (p = 0; p < NPLACE; p++)
            if ((cfg.techs >> t & 1) && (cfg.places >> p & 1))
                run_technique(t, p, ++step, steps);
    measure_memcpy();
    measure_syscalls();
    progress_end();
    remove_tmp();

    {
        struct utsname u;
        char b[24];
        long ncpu = -1;
#ifdef _SC_NPROCESSORS_ONLN
        ncpu = sysconf(_SC_NPROCESSORS_ONLN);
#endif
        if (uname(&u) == -1)
            die("uname", "system");
        printf("ipc_bench: %s %s %s, %ld CPUs en línia; %ld anades i tornades, volum %s MiB, "
               "%d repeticions (mediana)\n", u.sysname, u.release, u.machine, ncpu, cfg.rounds,
               num(b, (double)cfg.volume / 1048576), cfg.repeats);
    }
    print_latency();
    print_bandwidth();
    print_syscalls();
    if (csv_fp != NULL)
        write_csv();
    if (svg_fp != NULL)
        write_svg();
    return EXIT_SUCCESS;
}
