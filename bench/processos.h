/*
 * processos.h — the two processes of a measurement: the child, the
 * temporary directory, what happens when one of them goes away, and the
 * interface every technique fills in (tecniques.h). Part of ipc_bench
 * (included by ipc_bench.c).
 *
 * Nothing is left behind: every FIFO, socket and file lives in a mkdtemp()
 * directory that is removed at the end, on an error (die() runs the atexit
 * handler) and on Ctrl-C; the child is killed and reaped. A vanished peer is
 * noticed by every wait: the parent learns it from SIGCHLD, the child from a
 * one-second alarm that checks getppid().
 */

static pid_t main_pid, child_pid = -1, parent_pid;
struct technique;
static const struct technique *tech_now;        /* the one being measured */
static int in_child;
static volatile sig_atomic_t peer_dead;         /* parent: SIGCHLD came */

static char tmpdir[PATH_MAX - 32];
enum { F_FIFO1, F_FIFO2, F_SOCK, F_FILE1, F_FILE2, F_SHM, F_INTS, NPATHS };
static const char *const path_name[NPATHS] = { "fifo1", "fifo2", "sock", "file1", "file2", "shm", "ints.data" };
static char paths[NPATHS][PATH_MAX];
static char out_csv[PATH_MAX], out_svg[PATH_MAX];      /* removed if we do not finish */
static int outputs_done;

/* Only async-signal-safe calls: also run from the signal handler. */
static void remove_tmp(void)
{
    if (tmpdir[0] == '\0')
        return;
    for (int i = 0; i < NPATHS; i++)
        unlink(paths[i]);
    rmdir(tmpdir);
}

static void remove_outputs(void)
{
    if (outputs_done)
        return;
    if (out_csv[0] != '\0')
        unlink(out_csv);
    if (out_svg[0] != '\0')
        unlink(out_svg);
}

/* atexit(): after die() or fail() in the parent, nothing stays. */
static void cleanup(void)
{
    if (getpid() != main_pid)
        return;                 /* a child: the parent cleans up */
    if (child_pid > 0) {
        kill(child_pid, SIGKILL);
        while (waitpid(child_pid, NULL, 0) == -1 && errno == EINTR)
            ;
        child_pid = -1;
    }
    remove_tmp();
    remove_outputs();
}

/* Ctrl-C, SIGTERM, SIGHUP: the same, then die of it (status 128 + N). */
static void on_stop(int sig)
{
    if (getpid() == main_pid) {
        if (child_pid > 0)
            kill(child_pid, SIGKILL);
        remove_tmp();
        remove_outputs();
    }
    _exit(128 + sig);
}

/* ---- the peer ------------------------------------------------------------ */

struct shm_hdr;
static struct shm_hdr *shm_now;         /* the ring in use: SIGCHLD wakes its waits */
static void shm_wake(struct shm_hdr *h);

static void on_child(int sig)
{
    (void)sig;
    peer_dead = 1;
    if (shm_now != NULL)
        shm_wake(shm_now);
}

/* The child: every second, is the parent still there? If not, go. */
static void on_alarm(int sig)
{
    (void)sig;
    if (getppid() != parent_pid)
        _exit(EXIT_FAILURE);
    alarm(1);
}

/* The other process went away in the middle. The child ends quietly (the
 * parent reports); the parent says why, unless the child has said it. */
static _Noreturn void peer_gone(const char *what)
{
    int status;

    if (in_child)
        _exit(EXIT_FAILURE);
    while (waitpid(child_pid, &status, 0) == -1)
        if (errno != EINTR)
            die("waitpid");
    child_pid = -1;
    if (WIFSIGNALED(status))
        fail("%s: el procés fill ha mort pel senyal %d (%s)", what, WTERMSIG(status), strsignal(WTERMSIG(status)));
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        fail("%s: el procés fill ha acabat abans d'hora", what);
    exit(EXIT_FAILURE);         /* it exited with 1: it has said why */
}

/* ---- what a technique is ----------------------------------------------- */

/* Both processes' view of one channel. */
struct chan {
    int child;                  /* 1 in the child */
    int out;                    /* the direction this side sends on: 0 parent->child, 1 back */
    int fds[4];                 /* before fork: what both inherit */
    int rfd, wfd;               /* after fork: this side's ends */
    int port;                   /* tcp */
    off_t roff, woff;           /* file: where the next read and write go */
    struct shm_hdr *shm;        /* mmap */
    size_t msg, slots, rslot, wslot;    /* ring: message size, slots, next slot */
    unsigned long rcount, wcount, head_seen, tail_seen;
    sigset_t sigs;              /* signal */
};

/* One entry per technique: a new technique is one more entry in tecniques.h. */
struct technique {
    const char *key;            /* --only, the CSV */
    const char *label;          /* the table, in the slides' words */
    const char *lat_ref, *bw_ref;       /* the lmbench tool that measures the same, or "" */
    int copies;                 /* copies of each message's bytes; 0: latency only */
    int (*setup)(struct chan *c);       /* before fork(); -1: not on this system */
    void (*attach)(struct chan *c);     /* after fork(), in each process */
    void (*send)(struct chan *c, const char *buf, size_t n);
    void (*recv)(struct chan *c, char *buf, size_t n);
    void (*reset)(struct chan *c, size_t m);    /* before a run of m-byte messages (or NULL) */
    void (*teardown)(struct chan *c);   /* each process, at the end */
};

static void xclose(int fd, const char *what)
{
    if (fd >= 0 && close(fd) == -1)
        die("tancant %s", what);
}
