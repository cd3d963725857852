/*
 * ipc_bench.c — how fast can two processes talk? Latency and bandwidth of
 * each technique of the lecture, beside the limits they are measured against:
 * memcpy(), a system call that does nothing, a signal caught in one process,
 * and the cost of starting a process or a thread.
 *
 * Slides: "Tècniques de comunicació interprocés que veurem" (senyals,
 * canonades, canonades amb nom, arxius, arxius mapats a memòria, sockets);
 * "una crida a sistema és costosa" (arxius); "[mmap] és una forma molt
 * eficient ... de comunicació interprocés"; and the pi slide's last words,
 * "s'acostumen a fer servir fils". It prints numbers; it asserts nothing.
 *
 *   $ ./bench/ipc_bench                          (under a minute on 2 CPUs)
 *   $ ./bench/ipc_bench --quick --dir bench/results
 *   $ ./bench/ipc_bench --only pipe,mmap --placement same,diff,free --csv r.csv --svg r.svg
 *
 * How each figure is measured (mesura.h has the core, bench/README.md the
 * lmbench tool each row corresponds to):
 *  - latency: a 1-byte message there and back between parent and child,
 *    in batches of round trips timed as a whole (at least 10 ms each); the
 *    median of 11 batch means, with the lowest and highest; beside it, 1000
 *    round trips timed one by one (median, 99th percentile).
 *  - bandwidth: messages of 64 B, 4 KiB, 64 KiB and 1 MiB sent for at least
 *    100 ms, until the child has the last one and says so with 1 byte; the
 *    median of 5 windows, with the lowest and highest. MB = 10^6 bytes.
 *  - ceilings, in one process: memcpy() on data that stays in the cache,
 *    on data that does not (DRAM), and through the same ring of slots that
 *    the shared-mmap technique uses (two copies per message, like it).
 *  - system calls and signals, in one process: getppid() (a system call
 *    that does nothing), write() of 1 byte to /dev/null, write() and
 *    fwrite() of one int to a file, one write() of a whole vector; a signal
 *    sent to itself and caught by a handler.
 *  - starting one: fork() + waitpid() against pthread_create() +
 *    pthread_join().
 * Placement (maquina.h): each two-process figure with both processes on one
 * CPU and on two CPUs of different cores, said in every row.
 *
 * The parts: rellotge.h (the clock), maquina.h (machine, placement), mesura.h (statistics,
 * calibrated batches, results), processos.h (the child, cleanup),
 * tecniques.h (one block per technique), taula.h (text), csv.h, svg.h.
 */
#if defined(__linux__)
#define _GNU_SOURCE             /* sched_setaffinity(), CPU_SET: Linux only (maquina.h) */
#define HAVE_AFFINITY 1
#endif
#include "../include/ipc.h"     /* die(), fail(), usage_error(), parse_count(), readn(), writen() */
#include <arpa/inet.h>
#include <limits.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <time.h>

#include "rellotge.h"
#include "maquina.h"
#include "mesura.h"
#include "processos.h"
#include "tecniques.h"

#define USAGE "[--quick] [--only LLISTA] [--placement LLISTA] [--repeats N] [--window MS]" \
              " [--batch MS] [--dir CARPETA] [--csv FITXER] [--svg FITXER]"

#define NSIZES 4
static const long sizes[NSIZES] = { 64, 4096, 65536, 1048576 };
static const char *const size_label[NSIZES] = { "64 B", "4 KiB", "64 KiB", "1 MiB" };

/* --only: the techniques, then the one-process groups. */
enum { G_MEMCPY = NTECH, G_SYSCALLS, G_START, NGROUPS };
static const char *group_key(int g)
{
    static const char *const extra[] = { "memcpy", "syscalls", "start" };

    return g < NTECH ? techniques[g].key : extra[g - NTECH];
}

static struct {
    double batch, window;       /* seconds: a latency batch, a bandwidth window */
    int repeats;                /* bandwidth windows; latency batches: 2 x repeats + 1 */
    long singles;               /* round trips timed one by one */
    long ints;                  /* the vector of the one-write() row */
    size_t dram;                /* bytes per buffer of the DRAM-sized memcpy */
    unsigned only, places;      /* bit masks */
    const char *dir, *csv, *svg;
} cfg = { 0.010, 0.100, 5, 1000, 1000000, 128u << 20, 0, 0, NULL, NULL, NULL };

static int can_pin;             /* two processes can be pinned to CPUs */
static const char *skipped[NTECH];      /* "no disponible" notes */
static int nskipped;

#include "taula.h"
#include "csv.h"
#include "svg.h"

/* ---- two processes -------------------------------------------------------- */

/* The parent drives, the child serves: over a control pipe (never timed)
 * the parent says what comes next, the child says "ready" when it is
 * waiting on the channel and "done" when it has finished. Between two
 * commands both processes are idle, so reset() may touch shared state. */
enum { CMD_TRIPS, CMD_STREAM };
struct cmd {
    long op;                    /* CMD_TRIPS or CMD_STREAM (long: no padding bytes) */
    long n, m;                  /* n round trips of 1 byte, or n messages of m bytes */
};

static struct chan ch;
static int ctl_r = -1, ctl_w = -1;
static char *msgbuf;            /* one message of the largest size */

static void ctl_put(char b)
{
    if (writen(ctl_w, &b, 1) == -1)
        peer_gone(tkey());
}

static void ctl_get(void)
{
    char b;

    if (readn(ctl_r, &b, 1) != 1)
        peer_gone(tkey());
}

static _Noreturn void child_serve(void)
{
    const struct technique *t = tech_now;
    struct cmd k;
    char b = 'x';
    ssize_t r;

    while ((r = readn(ctl_r, &k, sizeof k)) == (ssize_t)sizeof k) {
        if (t->reset != NULL)
            t->reset(&ch, (size_t)k.m);
        ctl_put('r');
        for (long i = 0; i < k.n; i++)
            if (k.op == CMD_TRIPS) {
                t->recv(&ch, &b, 1);
                t->send(&ch, &b, 1);
            } else {
                t->recv(&ch, msgbuf, (size_t)k.m);
            }
        if (k.op == CMD_STREAM)
            t->send(&ch, &b, 1);        /* "I have the last byte" */
        ctl_put('d');
    }
    if (r != 0)
        _exit(EXIT_FAILURE);            /* not the end of file: the parent failed */
    t->teardown(&ch);
    _exit(EXIT_SUCCESS);
}

/* One command, seen from the parent: the seconds of the timed part. With
 * EACH, every round trip is also timed alone (microseconds). */
static double command(long op, long n, long m, double *each)
{
    const struct technique *t = tech_now;
    struct cmd k = { op, n, m };
    char b = 'x';
    double t0, t1, dt;

    if (t->reset != NULL)
        t->reset(&ch, (size_t)m);
    if (writen(ctl_w, &k, sizeof k) == -1)
        peer_gone(tkey());
    ctl_get();
    t0 = now();
    for (long i = 0; i < n; i++)
        if (op == CMD_TRIPS) {
            t1 = each != NULL ? now() : 0;
            t->send(&ch, &b, 1);
            t->recv(&ch, &b, 1);
            if (each != NULL)
                each[i] = (now() - t1) * 1e6;
        } else {
            t->send(&ch, msgbuf, (size_t)m);
        }
    if (op == CMD_STREAM)
        t->recv(&ch, &b, 1);
    dt = now() - t0;
    ctl_get();
    return dt;
}

static double run_trips(void *arg, long n)
{
    (void)arg;
    return command(CMD_TRIPS, n, 1, NULL);
}

static double run_stream(void *arg, long n)
{
    return command(CMD_STREAM, n, *(const long *)arg, NULL);
}

static void set_action(int sig, void (*fn)(int), int flags)
{
    struct sigaction sa = { .sa_flags = flags };

    sa.sa_handler = fn;
    if (sigemptyset(&sa.sa_mask) == -1 || sigaction(sig, &sa, NULL) == -1)
        die("sigaction %s", strsignal(sig));
}

static void run_technique(int ti, int place)
{
    const struct technique *t = &techniques[ti];
    int c1[2], c2[2], status;
    pid_t pid;
    char pl[64];

    tech_now = t;
    peer_dead = 0;
    memset(&ch, 0, sizeof ch);
    ch.rfd = ch.wfd = -1;
    if (t->setup(&ch) == -1) {          /* not on this system: said once in the table */
        if (nskipped == 0 || skipped[nskipped - 1] != t->label)
            skipped[nskipped++] = t->label;
        return;
    }
    if (pipe(c1) == -1 || pipe(c2) == -1)
        die("pipe");
    pin_to(place == P_FREE ? -1 : cpu_a);
    set_action(SIGCHLD, on_child, SA_RESTART | SA_NOCLDSTOP);
    parent_pid = getpid();
    fflush(stdout);
    if ((pid = fork()) == -1)
        die("fork");
    if (pid == 0) {
        in_child = 1;
        set_action(SIGCHLD, SIG_DFL, 0);
        set_action(SIGALRM, on_alarm, SA_RESTART);
        alarm(1);
        pin_to(place == P_SAME ? cpu_a : place == P_DIFF ? cpu_b : -1);
        xclose(c1[1], "control");
        xclose(c2[0], "control");
        ctl_r = c1[0];
        ctl_w = c2[1];
        ch.child = 1;
        ch.out = 1;
        if (t->attach != NULL)
            t->attach(&ch);
        child_serve();
    }
    child_pid = pid;
    xclose(c1[0], "control");
    xclose(c2[1], "control");
    ctl_r = c2[0];
    ctl_w = c1[1];
    if (t->attach != NULL)
        t->attach(&ch);

    progress("%s, %s: latència", t->label, place_label(pl, sizeof pl, place));
    struct stats s = measure(run_trips, NULL, cfg.batch, 2 * cfg.repeats + 1, 1e6);
    struct row *r = add_row("latency", t->key, t->label, t->lat_ref, place, 1, 0, "us", s);
    double *each = malloc((size_t)cfg.singles * sizeof *each);
    if (each == NULL)
        die("malloc");
    command(CMD_TRIPS, cfg.singles, 1, each);
    struct stats one = stats_of(each, (int)cfg.singles);
    r->single_med = one.med;
    r->p99 = each[(cfg.singles * 99 + 99) / 100 - 1];      /* sorted: ceil(0.99 n) - 1 */
    free(each);

    for (int k = 0; t->copies > 0 && k < NSIZES; k++) {
        progress("%s, %s: %s", t->label, pl, size_label[k]);
        s = measure(run_stream, (void *)&sizes[k], cfg.window, cfg.repeats, -(double)sizes[k] / 1e6);
        add_row("bandwidth", t->key, t->label, t->bw_ref, place, sizes[k], t->copies, "MB/s", s);
    }

    xclose(ctl_w, "control");           /* end of file: the child tears down and ends */
    ctl_w = -1;
    while (waitpid(pid, &status, 0) == -1)
        if (errno != EINTR)
            die("waitpid");
    child_pid = -1;
    xclose(ctl_r, "control");
    t->teardown(&ch);
    set_action(SIGCHLD, SIG_DFL, 0);
    pin_to(-1);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        fail("%s: el procés fill ha acabat malament (estat %d)", t->key, status);
    tech_now = NULL;
}

/* ---- one process: the ceilings ------------------------------------------- */

/* The volatile pointer keeps the compiler from dropping repeated copies. */
static void *(*volatile copy)(void *, const void *, size_t) = memcpy;

struct copy_arg {
    char *src, *dst;            /* cache: m bytes each; DRAM: cfg.dram bytes each */
    char *ring;                 /* the ring: slots x m bytes */
    size_t m, slots, off;
};

static double run_copy_cache(void *arg, long n)
{
    struct copy_arg *a = arg;
    double t0 = now();

    for (long i = 0; i < n; i++)
        copy(a->dst, a->src, a->m);
    return now() - t0;
}

static double run_copy_dram(void *arg, long n)
{
    struct copy_arg *a = arg;
    double t0 = now();

    for (long i = 0; i < n; i++) {
        copy(a->dst + a->off, a->src + a->off, a->m);
        a->off = a->off + 2 * a->m > cfg.dram ? 0 : a->off + a->m;
    }
    return now() - t0;
}

/* What the shared ring does, in one process: into a slot, out of it. */
static double run_copy_ring(void *arg, long n)
{
    struct copy_arg *a = arg;
    double t0 = now();

    for (long i = 0; i < n; i++) {
        char *slot = a->ring + (size_t)i % a->slots * a->m;
        copy(slot, a->src, a->m);
        copy(a->dst, slot, a->m);
    }
    return now() - t0;
}

/* The same, and one system call that does nothing at each lap of the ring:
 * what entering the kernel costs the copies after it, beyond its own time
 * (where the kernel empties the TLB on entry, the pages must be found again). */
static double run_copy_ring_syscall(void *arg, long n)
{
    struct copy_arg *a = arg;
    double t0 = now();

    for (long i = 0; i < n; i++) {
        char *slot = a->ring + (size_t)i % a->slots * a->m;
        copy(slot, a->src, a->m);
        copy(a->dst, slot, a->m);
        if ((size_t)i % a->slots == a->slots - 1)
            getppid();
    }
    return now() - t0;
}

static char *big(size_t n)
{
    char *p = malloc(n);

    if (p == NULL)
        die("malloc %zu bytes", n);
    memset(p, 'x', n);                  /* touched: no page faults while timed */
    return p;
}

static void measure_ceilings(void)
{
    static char dram_label[64];
    struct copy_arg a = { 0 };
    char *src = big((size_t)sizes[NSIZES - 1]), *dst = big((size_t)sizes[NSIZES - 1]);
    char *ring = big(SHM_RING);         /* room for the most slots x size */
    struct stats s;

    snprintf(dram_label, sizeof dram_label, "memcpy (dades a la DRAM: 2 x %zu MiB)", cfg.dram >> 20);
    for (int k = 0; k < NSIZES; k++) {
        double mb = -(double)sizes[k] / 1e6;
        a = (struct copy_arg){ src, dst, ring, (size_t)sizes[k], ring_slots((size_t)sizes[k]), 0 };
        progress("memcpy: %s", size_label[k]);
        s = measure(run_copy_cache, &a, cfg.window, cfg.repeats, mb);
        add_row("ceiling", "memcpy-cache", "memcpy (dades a la memòria cau)", "bw_mem bcopy", P_ONE, sizes[k], 1, "MB/s", s);
        s = measure(run_copy_ring, &a, cfg.window, cfg.repeats, mb);
        add_row("ceiling", "memcpy-ring", "memcpy per l'anell de mmap (2 còpies)", "", P_ONE, sizes[k], 2, "MB/s", s);
        s = measure(run_copy_ring_syscall, &a, cfg.window, cfg.repeats, mb);
        add_row("ceiling", "memcpy-ring-syscall", "el mateix + getppid() a cada volta", "", P_ONE, sizes[k], 2, "MB/s", s);
    }
    free(src);
    free(dst);
    free(ring);
    a.src = big(cfg.dram);
    a.dst = big(cfg.dram);
    for (int k = 0; k < NSIZES; k++) {
        progress("memcpy DRAM: %s", size_label[k]);
        a.m = (size_t)sizes[k];
        a.off = 0;
        s = measure(run_copy_dram, &a, cfg.window, cfg.repeats, -(double)sizes[k] / 1e6);
        add_row("ceiling", "memcpy-dram", dram_label, "bw_mem bcopy", P_ONE, sizes[k], 1, "MB/s", s);
    }
    free(a.src);
    free(a.dst);
}

/* ---- one process: system calls and a signal ------------------------------ */

static int sys_fd;
static FILE *sys_fp;
static int *vec;

static double run_getppid(void *arg, long n)
{
    double t0 = now();

    (void)arg;
    for (long i = 0; i < n; i++)
        getppid();
    return now() - t0;
}

static double run_write_byte(void *arg, long n)
{
    double t0 = now();

    (void)arg;
    for (long i = 0; i < n; i++)
        if (write(sys_fd, "x", 1) != 1)
            die("escrivint a /dev/null");
    return now() - t0;
}

/* The file starts empty each batch (not timed): the slide's loop of write(). */
static double run_write_int(void *arg, long n)
{
    double t0;

    (void)arg;
    if (ftruncate(sys_fd, 0) == -1 || lseek(sys_fd, 0, SEEK_SET) == -1)
        die("ftruncate %s", paths[F_INTS]);
    t0 = now();
    for (long i = 0; i < n; i++)
        if (write(sys_fd, &vec[i % cfg.ints], sizeof(int)) != (ssize_t)sizeof(int))
            die("escrivint %s", paths[F_INTS]);
    return now() - t0;
}

/* The same with stdio: fwrite() fills the FILE's buffer, one write() per
 * buffer; the fflush() at the end is timed too. */
static double run_fwrite_int(void *arg, long n)
{
    double t0;

    (void)arg;
    if (fflush(sys_fp) == EOF || ftruncate(fileno(sys_fp), 0) == -1)
        die("ftruncate %s", paths[F_INTS]);
    rewind(sys_fp);
    t0 = now();
    for (long i = 0; i < n; i++)
        if (fwrite(&vec[i % cfg.ints], sizeof(int), 1, sys_fp) != 1)
            die("fwrite %s", paths[F_INTS]);
    if (fflush(sys_fp) == EOF)
        die("fflush %s", paths[F_INTS]);
    return now() - t0;
}

/* The whole vector in one call, written again at the same place. */
static double run_write_all(void *arg, long n)
{
    double t0 = now();

    (void)arg;
    for (long i = 0; i < n; i++)
        if (pwrite(sys_fd, vec, (size_t)cfg.ints * sizeof(int), 0) != (ssize_t)(cfg.ints * (long)sizeof(int)))
            die("escrivint %s", paths[F_INTS]);
    return now() - t0;
}

static volatile sig_atomic_t caught;

static void on_usr1(int sig)
{
    (void)sig;
    caught++;
}

/* lmbench's lat_sig catch: a signal sent to ourselves, run by a handler. */
static double run_signal_catch(void *arg, long n)
{
    pid_t me = getpid();
    double t0 = now();

    (void)arg;
    for (long i = 0; i < n; i++)
        if (kill(me, SIGUSR1) == -1)
            die("kill SIGUSR1");
    return now() - t0;
}

static void measure_syscalls(void)
{
    static char all_label[64];
    int lat = 2 * cfg.repeats + 1;
    struct stats s;

    progress("crides a sistema");
    s = measure(run_getppid, NULL, cfg.batch, lat, 1e9);
    add_row("syscall", "getppid", "getppid(): una crida que no fa res", "lat_syscall null", P_ONE, 0, 0, "ns", s);
    if ((sys_fd = open("/dev/null", O_WRONLY)) == -1)
        die("obrint /dev/null");
    s = measure(run_write_byte, NULL, cfg.batch, lat, 1e9);
    add_row("syscall", "write-devnull", "write() d'1 byte a /dev/null", "lat_syscall write", P_ONE, 1, 0, "ns", s);
    xclose(sys_fd, "/dev/null");

    if ((vec = malloc((size_t)cfg.ints * sizeof *vec)) == NULL)
        die("malloc");
    for (long i = 0; i < cfg.ints; i++)
        vec[i] = (int)i;
    if ((sys_fd = open(paths[F_INTS], O_WRONLY | O_CREAT | O_TRUNC, S_IRUSR | S_IWUSR)) == -1)
        die("obrint %s", paths[F_INTS]);
    s = measure(run_write_int, NULL, cfg.batch, lat, 1e9);
    add_row("syscall", "write-int", "write() d'un int a un fitxer", "", P_ONE, sizeof(int), 0, "ns", s);
    snprintf(all_label, sizeof all_label, "un sol write() de %ld ints (per int)", cfg.ints);
    s = measure(run_write_all, NULL, cfg.batch, lat, 1e9 / (double)cfg.ints);
    add_row("syscall", "write-all", all_label, "", P_ONE, (long)sizeof(int) * cfg.ints, 0, "ns", s);
    xclose(sys_fd, paths[F_INTS]);
    if ((sys_fp = fopen(paths[F_INTS], "w")) == NULL)
        die("obrint %s", paths[F_INTS]);
    s = measure(run_fwrite_int, NULL, cfg.batch, lat, 1e9);
    add_row("syscall", "fwrite-int", "fwrite() d'un int (buffer de stdio)", "", P_ONE, sizeof(int), 0, "ns", s);
    if (fclose(sys_fp) == EOF)
        die("tancant %s", paths[F_INTS]);
    if (unlink(paths[F_INTS]) == -1)
        die("esborrant %s", paths[F_INTS]);
    free(vec);

    set_action(SIGUSR1, on_usr1, SA_RESTART);
    s = measure(run_signal_catch, NULL, cfg.batch, lat, 1e9);
    add_row("syscall", "signal-catch", "senyal a si mateix (amb gestor)", "lat_sig catch", P_ONE, 0, 0, "ns", s);
    set_action(SIGUSR1, SIG_DFL, 0);
}

/* ---- one process: starting a process or a thread -------------------------- */

static double run_fork(void *arg, long n)
{
    double t0 = now();
    pid_t pid;

    (void)arg;
    for (long i = 0; i < n; i++) {
        if ((pid = fork()) == -1)
            die("fork");
        if (pid == 0)
            _exit(EXIT_SUCCESS);
        if (reap(pid) == -1)
            fail("fork: el procés fill ha acabat malament");
    }
    return now() - t0;
}

static void *nothing(void *arg)
{
    return arg;
}

static double run_thread(void *arg, long n)
{
    double t0 = now();
    pthread_t th;

    (void)arg;
    for (long i = 0; i < n; i++) {
        if ((errno = pthread_create(&th, NULL, nothing, NULL)) != 0)
            die("pthread_create");      /* pthreads return the error, not -1 and errno */
        if ((errno = pthread_join(th, NULL)) != 0)
            die("pthread_join");
    }
    return now() - t0;
}

static void measure_start(void)
{
    int lat = 2 * cfg.repeats + 1;
    struct stats s;

    fflush(stdout);             /* nothing printed twice by the children */
    for (int p = 0; p < NPLACE; p++) {
        if ((p != P_SAME || !can_pin) && p != P_FREE)
            continue;
        pin_to(p == P_SAME ? cpu_a : -1);
        progress("fork() i pthread_create()");
        s = measure(run_fork, NULL, cfg.batch, lat, 1e6);
        add_row("start", "fork", "fork() + waitpid(): un procés", "lat_proc fork", p, 0, 0, "us", s);
        s = measure(run_thread, NULL, cfg.batch, lat, 1e6);
        add_row("start", "thread", "pthread_create() + pthread_join(): un fil", "", p, 0, 0, "us", s);
    }
    pin_to(-1);
}

/* ---- command line ----------------------------------------------------------- */

/* "pipe,mmap" -> a bit mask over NAMES (N names). */
static unsigned parse_list(const char *opt, const char *s, const char *(*name)(int), int n)
{
    char buf[256], *tok, *save;
    unsigned mask = 0;
    int i;

    if (strlen(s) >= sizeof buf)
        usage_error("%s '%s': massa llarg", opt, s);
    strcpy(buf, s);
    for (tok = strtok_r(buf, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save)) {
        for (i = 0; i < n && strcmp(tok, name(i)) != 0; i++)
            ;
        if (i == n)
            usage_error("%s: no conec '%s'", opt, tok);
        mask |= 1u << i;
    }
    if (mask == 0)
        usage_error("%s '%s': llista buida", opt, s);
    return mask;
}

static const char *place_name(int i)
{
    return place_opt[i];
}

static void help(void)
{
    printf("Ús: %s " USAGE "\n"
           "Mesura la latència i l'amplada de banda de cada tècnica de comunicació entre dos processos,\n"
           "el cost d'una crida a sistema i el d'engegar un procés o un fil.\n"
           "  --quick           mesures curtes (uns segons en lloc d'un minut)\n"
           "  --only LLISTA     només aquestes, separades per comes: ", prog);
    for (int g = 0; g < NGROUPS; g++)
        printf("%s%s", group_key(g), g + 1 < NGROUPS ? "," : "\n");
    printf("  --placement LLISTA  same (mateixa CPU), diff (CPUs de nuclis diferents), free (sense fixar)\n"
           "  --repeats N       finestres d'amplada de banda (5); lots de latència: 2N+1 (11)\n"
           "  --window MS       durada mínima d'una finestra d'amplada de banda (100 ms)\n"
           "  --batch MS        durada mínima d'un lot d'anades i tornades (10 ms)\n"
           "  --dir CARPETA     hi desa ipc_bench-DATA.csv i ipc_bench-DATA.svg (make bench: bench/results)\n"
           "  --csv FITXER      desa els resultats en CSV\n"
           "  --svg FITXER      desa un gràfic SVG (s'obre amb el navegador)\n");
    exit(EXIT_SUCCESS);
}

static void parse_args(int argc, char *argv[])
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "-h") == 0)
            help();
        if (strcmp(a, "--quick") == 0) {
            cfg.batch = 0.002;
            cfg.window = 0.020;
            cfg.repeats = 3;
            cfg.singles = 200;
            cfg.ints = 100000;
            cfg.dram = 32u << 20;
            continue;
        }
        if (strcmp(a, "--only") && strcmp(a, "--placement") && strcmp(a, "--repeats") &&
            strcmp(a, "--window") && strcmp(a, "--batch") && strcmp(a, "--dir") &&
            strcmp(a, "--csv") && strcmp(a, "--svg"))
            usage_error("opció desconeguda '%s'", a);
        if (v == NULL)
            usage_error("falta el valor de %s", a);
        if (strcmp(a, "--only") == 0)
            cfg.only = parse_list(a, v, group_key, NGROUPS);
        else if (strcmp(a, "--placement") == 0)
            cfg.places = parse_list(a, v, place_name, P_ONE);
        else if (strcmp(a, "--repeats") == 0)
            cfg.repeats = (int)parse_count(v, "--repeats", 1, (MAX_BATCHES - 1) / 2);
        else if (strcmp(a, "--window") == 0)
            cfg.window = (double)parse_count(v, "--window", 1, 60000) / 1e3;
        else if (strcmp(a, "--batch") == 0)
            cfg.batch = (double)parse_count(v, "--batch", 1, 60000) / 1e3;
        else if (strcmp(a, "--dir") == 0)
            cfg.dir = v;
        else if (strcmp(a, "--csv") == 0)
            cfg.csv = v;
        else
            cfg.svg = v;
        i++;
    }
    if (cfg.only == 0)
        cfg.only = (1u << NGROUPS) - 1;
}

/* The output files are opened before an hour of measuring, not after. */
static FILE *open_out(char *dst, const char *path, const char *dir, const char *ext)
{
    FILE *fp;

    if (path != NULL)
        snprintf(dst, PATH_MAX, "%s", path);
    else if (dir != NULL)
        snprintf(dst, PATH_MAX, "%s/ipc_bench-%s.%s", dir, mach.stamp, ext);
    else
        return NULL;
    if ((fp = fopen(dst, "w")) == NULL) {
        int e = errno;
        dst[0] = '\0';
        errno = e;
        die("obrint %s", path != NULL ? path : dir);
    }
    return fp;
}

int main(int argc, char *argv[])
{
    const char *tmp = getenv("TMPDIR");
    FILE *csv_fp, *svg_fp;
    sigset_t stop;
    int ncpu;

    prog = "ipc_bench";
    usage_text = USAGE;
    main_pid = getpid();
    setvbuf(stdout, NULL, _IOLBF, 0);
    atexit(check_stdout);
    parse_args(argc, argv);

    machine_read();
    ncpu = placement_init();
    can_pin = ncpu >= 1 && cpu_a >= 0;
    if (cfg.places == 0)
        cfg.places = !can_pin ? 1u << P_FREE : cpu_b >= 0 ? (1u << P_SAME) | (1u << P_DIFF) : 1u << P_SAME;
    if (!can_pin && (cfg.places & 1u << P_SAME))
        fail("--placement same: aquest sistema no pot fixar processos a una CPU (feu servir free)");
    if (cpu_b < 0 && (cfg.places & 1u << P_DIFF))
        fail("--placement diff: calen dues CPUs on fixar els processos (feu servir same o free)");

    atexit(cleanup);
    set_action(SIGINT, on_stop, 0);
    set_action(SIGTERM, on_stop, 0);
    set_action(SIGHUP, on_stop, 0);
    set_action(SIGPIPE, SIG_IGN, 0);    /* a vanished reader: EPIPE, reported */
    if (cfg.dir != NULL && mkdir(cfg.dir, S_IRWXU | S_IRWXG | S_IRWXO) == -1 && errno != EEXIST)
        die("creant %s", cfg.dir);
    csv_fp = open_out(out_csv, cfg.csv, cfg.dir, "csv");
    svg_fp = open_out(out_svg, cfg.svg, cfg.dir, "svg");

    /* The handler removes tmpdir: hold the signals back while it is named. */
    sigemptyset(&stop);
    sigaddset(&stop, SIGINT);
    sigaddset(&stop, SIGTERM);
    sigaddset(&stop, SIGHUP);
    if (sigprocmask(SIG_BLOCK, &stop, NULL) == -1)
        die("sigprocmask");
    snprintf(tmpdir, sizeof tmpdir, "%s/ipc_bench.XXXXXX", tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp");
    if (mkdtemp(tmpdir) == NULL) {
        int e = errno;
        char d[sizeof tmpdir];
        snprintf(d, sizeof d, "%s", tmpdir);
        tmpdir[0] = '\0';
        errno = e;
        die("mkdtemp %s", d);
    }
    for (int i = 0; i < NPATHS; i++)
        snprintf(paths[i], sizeof paths[i], "%s/%s", tmpdir, path_name[i]);
    if (sigprocmask(SIG_UNBLOCK, &stop, NULL) == -1)
        die("sigprocmask");

    progress_on = isatty(STDERR_FILENO);
    if ((msgbuf = malloc((size_t)sizes[NSIZES - 1])) == NULL)
        die("malloc");
    memset(msgbuf, 'x', (size_t)sizes[NSIZES - 1]);
    for (int t = 0; t < NTECH; t++)
        for (int p = 0; p < P_ONE; p++)
            if ((cfg.only >> t & 1) && (cfg.places >> p & 1))
                run_technique(t, p);
    free(msgbuf);
    if (can_pin)
        pin_to(cpu_a);
    if (cfg.only >> G_MEMCPY & 1)
        measure_ceilings();
    if (cfg.only >> G_SYSCALLS & 1)
        measure_syscalls();
    pin_to(-1);
    if (cfg.only >> G_START & 1)
        measure_start();
    progress_end();
    remove_tmp();
    tmpdir[0] = '\0';

    /* mmap against memcpy through the same ring. */
    for (int i = 0; i < nrows; i++) {
        struct row *c = find_row("ceiling", "memcpy-ring", P_ONE, rows[i].bytes);
        if (strcmp(rows[i].section, "bandwidth") == 0 && strncmp(rows[i].key, "mmap", 4) == 0 && c != NULL)
            rows[i].fraction = rows[i].s.med / c->s.med;
    }

    print_tables();
    if (csv_fp != NULL)
        write_csv(csv_fp, out_csv);
    if (svg_fp != NULL)
        write_svg(svg_fp, out_svg);
    outputs_done = 1;
    print_notes();
    if (csv_fp != NULL || svg_fp != NULL)
        printf("\nResultats desats: %s%s%s\n", out_csv, out_csv[0] && out_svg[0] ? " i " : "", out_svg);
    else
        printf("\nPer desar-los en CSV i SVG: --dir CARPETA (make bench els desa a bench/results/).\n");
    return EXIT_SUCCESS;
}
