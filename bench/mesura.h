/*
 * mesura.h — the measuring core of ipc_bench: a clock, the statistics, one
 * calibrated way to time anything, and the list of results. Part of
 * ipc_bench (included by ipc_bench.c).
 *
 * Method, as lmbench's benchmp does it: a timed run is a BATCH of many
 * iterations timed as a whole (two clock readings per batch, not per
 * iteration); its size is found by doubling until a batch lasts long enough
 * (the doubling is the warm-up); then several batches, and the figure is the
 * median of the batch means, with the lowest and highest beside it.
 *   latency:   batches of at least 10 ms, 11 of them (lmbench: TRIES = 11)
 *   bandwidth: windows of at least 100 ms, 5 of them
 * A batch that comes out shorter than asked is made longer and run again.
 */

struct stats {
    double med, min, max;       /* per iteration, in the row's unit */
    int n;                      /* batches */
};

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return (x > y) - (x < y);
}

/* Sorts v. */
static struct stats stats_of(double *v, int n)
{
    struct stats s;

    qsort(v, (size_t)n, sizeof v[0], cmp_double);
    s.med = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    s.min = v[0];
    s.max = v[n - 1];
    s.n = n;
    return s;
}

/* Runs N iterations of something and returns the seconds they took. */
typedef double (*run_fn)(void *arg, long n);

#define MAX_BATCHES 64

/* Time f in BATCHES batches of at least TARGET seconds each; each value is
 * (seconds / iterations) * SCALE. SCALE = 1e6 gives microseconds per
 * iteration; a negative SCALE gives -SCALE / (seconds per iteration), a rate
 * (bytes per message / 1e6: MB/s). */
static struct stats measure(run_fn f, void *arg, double target, int batches, double scale)
{
    double v[MAX_BATCHES] = { 0 }, t;
    long n = 1;
    int retries = 0;

    /* Calibrate: double (or more, while far too short) until an eighth of
     * the target; then aim at 1.1 times the target. */
    while ((t = f(arg, n)) < target / 8 && n < LONG_MAX / 16)
        n *= t < target / 64 ? 8 : 2;
    n = (long)((double)n * 1.1 * target / (t > 0 ? t : target)) + 1;
    for (int b = 0; b < batches; b++) {
        t = f(arg, n);
        if (t < target && retries++ < 5) {
            n = (long)((double)n * 1.15 * target / (t > 0 ? t : target)) + 1;
            b--;
            continue;
        }
        v[b] = scale > 0 ? t / (double)n * scale : -scale / (t / (double)n);
    }
    return stats_of(v, batches);
}

/* ---- the results ------------------------------------------------------ */

struct row {
    const char *section;        /* latency, bandwidth, ceiling, syscall, start */
    const char *key;            /* pipe, memcpy-ring, getppid, fork, ... */
    const char *label;          /* the table's name for it, in Catalan */
    const char *reference;      /* the lmbench tool that measures the same, or "" */
    int place;                  /* P_SAME, P_DIFF, P_FREE, P_ONE */
    long bytes;                 /* message size; 0 when there is none */
    int copies;                 /* copies of each message's bytes; 0: not a copy */
    const char *unit;           /* us, ns, MB/s */
    struct stats s;
    double p99, single_med;     /* latency: round trips timed one by one (0: none) */
    double fraction;            /* mmap: of memcpy with the same memory (0: none) */
};

#define MAX_ROWS 160
static struct row rows[MAX_ROWS];
static int nrows;

static struct row *add_row(const char *section, const char *key, const char *label,
                           const char *reference, int place, long bytes, int copies,
                           const char *unit, struct stats s)
{
    struct row *r;

    if (nrows == MAX_ROWS)
        fail("massa resultats (com a màxim %d)", MAX_ROWS);
    r = &rows[nrows++];
    *r = (struct row){ section, key, label, reference, place, bytes, copies, unit, s, 0, 0, 0 };
    return r;
}

/* The row SECTION/KEY at PLACE and BYTES, or NULL. */
static struct row *find_row(const char *section, const char *key, int place, long bytes)
{
    for (int i = 0; i < nrows; i++)
        if (strcmp(rows[i].section, section) == 0 && strcmp(rows[i].key, key) == 0 &&
            rows[i].place == place && rows[i].bytes == bytes)
            return &rows[i];
    return NULL;
}

/* ---- a progress line on stderr, only on a terminal ---------------------- */

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
