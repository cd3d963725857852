/*
 * maquina.h — which machine the numbers come from, and where the two
 * processes run. Part of ipc_bench (included by ipc_bench.c).
 *
 * Every output (table, CSV, SVG) carries the date, the CPU model, the kernel
 * and the number of CPUs: a figure without them ages into a falsehood.
 *
 * Placement: the same technique can be 10 times slower when its two
 * processes sit on different CPUs, so every figure says where they ran:
 *   same-cpu        both pinned to one CPU (they take turns)
 *   other-core      two CPUs on different cores (read from
 *                   /sys/devices/system/cpu/cpuN/topology)
 *   smt-sibling     two hardware threads of one core (when no other core is
 *                   allowed)
 *   different-cpus  two CPUs whose topology this system does not tell
 *   unpinned        wherever the scheduler puts them
 * Pinning uses sched_setaffinity(), Linux only; elsewhere every figure is
 * "unpinned".
 */

struct machine {
    char date[32];              /* 2026-12-01 10:15 +0100 */
    char stamp[32];             /* 20261201-101500: the results' file names */
    char cpu[128];              /* "AMD EPYC", from /proc/cpuinfo where there is one */
    char kernel[160];           /* "Linux 6.18.44" */
    long cpus;                  /* online */
    char busy[16];              /* % of CPU time others used just before we started, or "" */
    double start;               /* now() when we started */
};
static struct machine mach;

/* CSV fields are written unquoted: no commas or quotes in what we copy. */
static void plain(char *s)
{
    char *w = s;

    for (char *r = s; *r; r++) {
        char ch = *r == ',' || *r == '"' || *r == '\t' || *r == '\n' ? ' ' : *r;
        if (ch != ' ' || (w > s && w[-1] != ' '))
            *w++ = ch;
    }
    while (w > s && w[-1] == ' ')
        w--;
    *w = '\0';
}

/* CPU time so far, all CPUs: busy and total, in /proc/stat's ticks. */
static int cpu_ticks(unsigned long long *busy, unsigned long long *total)
{
    unsigned long long v[8] = { 0 };
    FILE *fp = fopen("/proc/stat", "r");
    int n;

    if (fp == NULL)
        return -1;
    n = fscanf(fp, "cpu %llu %llu %llu %llu %llu %llu %llu %llu",
               &v[0], &v[1], &v[2], &v[3], &v[4], &v[5], &v[6], &v[7]);
    fclose(fp);
    if (n < 5)
        return -1;
    *total = v[0] + v[1] + v[2] + v[3] + v[4] + v[5] + v[6] + v[7];
    *busy = *total - v[3] - v[4];       /* not idle, not waiting for a disk */
    return 0;
}

/* How busy the machine was just before we start: the share of all CPUs'
 * time that other programs used over a quarter of a second (Linux), so
 * that a reader knows when the figures came from a busy machine. */
static void cpu_busy(char *b, size_t size)
{
    unsigned long long b0, t0, b1, t1;
    struct timespec q = { 0, 250000000 };

    b[0] = '\0';
    if (cpu_ticks(&b0, &t0) == -1)
        return;
    nanosleep(&q, NULL);
    if (cpu_ticks(&b1, &t1) == -1 || t1 <= t0)
        return;
    snprintf(b, size, "%.0f", 100.0 * (double)(b1 - b0) / (double)(t1 - t0));
}

static void machine_read(void)
{
    static const char *const keys[] = { "model name", "Hardware", "cpu model", "Processor", "uarch" };
    struct utsname u;
    struct tm tm;
    time_t t = time(NULL);
    char line[256];
    FILE *fp;

    mach.start = now();
    if (localtime_r(&t, &tm) == NULL)
        die("localtime");
    strftime(mach.date, sizeof mach.date, "%Y-%m-%d %H:%M %z", &tm);
    strftime(mach.stamp, sizeof mach.stamp, "%Y%m%d-%H%M%S", &tm);
    if (uname(&u) == -1)
        die("uname");
    snprintf(mach.kernel, sizeof mach.kernel, "%s %s", u.sysname, u.release);
    snprintf(mach.cpu, sizeof mach.cpu, "%s", u.machine);
    if ((fp = fopen("/proc/cpuinfo", "r")) != NULL) {
        int found = 0;
        while (!found && fgets(line, sizeof line, fp) != NULL)
            for (size_t k = 0; k < sizeof keys / sizeof keys[0] && !found; k++) {
                char *colon = strchr(line, ':');
                if (strncmp(line, keys[k], strlen(keys[k])) == 0 && colon != NULL && colon[1] != '\0') {
                    snprintf(mach.cpu, sizeof mach.cpu, "%s", colon + 2);
                    found = 1;
                }
            }
        fclose(fp);
    }
    plain(mach.cpu);
    plain(mach.kernel);
    cpu_busy(mach.busy, sizeof mach.busy);
#ifdef _SC_NPROCESSORS_ONLN                 /* not POSIX, but Linux, the BSDs and macOS have it */
    mach.cpus = sysconf(_SC_NPROCESSORS_ONLN);
#else
    mach.cpus = -1;
#endif
}

/* ---- placement ---------------------------------------------------------- */

enum { P_SAME, P_DIFF, P_FREE, P_ONE, NPLACE };
static const char *const place_opt[] = { "same", "diff", "free" };     /* --placement */

static int cpu_a = -1, cpu_b = -1;      /* the CPUs used for pinning */
static const char *diff_key = "different-cpus";
static const char *diff_what = "nucli desconegut";

#ifdef HAVE_AFFINITY
static cpu_set_t original_mask;

/* -1 when the file is not there (not Linux, or an old kernel). */
static long topo(int cpu, const char *what)
{
    char path[96];
    long v = -1;
    FILE *fp;

    snprintf(path, sizeof path, "/sys/devices/system/cpu/cpu%d/topology/%s", cpu, what);
    if ((fp = fopen(path, "r")) != NULL) {
        if (fscanf(fp, "%ld", &v) != 1)
            v = -1;
        fclose(fp);
    }
    return v;
}

/* The first allowed CPU, and a second one on another core if there is one,
 * else a hardware thread of the same core, else any. Returns the number of
 * allowed CPUs. */
static int placement_init(void)
{
    int n = 0, smt = -1, other = -1;

    if (sched_getaffinity(0, sizeof original_mask, &original_mask) == -1)
        return 0;
    for (int i = 0; i < CPU_SETSIZE; i++) {
        if (!CPU_ISSET(i, &original_mask))
            continue;
        if (n++ == 0) {
            cpu_a = i;
            continue;
        }
        long core_a = topo(cpu_a, "core_id"), pkg_a = topo(cpu_a, "physical_package_id");
        long core = topo(i, "core_id"), pkg = topo(i, "physical_package_id");
        if (core < 0 || core_a < 0 || pkg < 0 || pkg_a < 0) {
            if (cpu_b < 0)
                cpu_b = i;
        } else if ((core != core_a || pkg != pkg_a) && other < 0) {
            other = i;
        } else if (core == core_a && pkg == pkg_a && smt < 0) {
            smt = i;
        }
    }
    if (other >= 0) {
        cpu_b = other;
        diff_key = "other-core";
        diff_what = "nuclis diferents";
    } else if (smt >= 0) {
        cpu_b = smt;
        diff_key = "smt-sibling";
        diff_what = "el mateix nucli (SMT)";
    }
    return n;
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
        die("sched_setaffinity CPU %d", cpu);
}
#else
static int placement_init(void) { return 0; }
static void pin_to(int cpu) { (void)cpu; }
#endif

static const char *place_key(int p)
{
    return p == P_SAME ? "same-cpu" : p == P_DIFF ? diff_key : p == P_FREE ? "unpinned" : "one-process";
}

/* "mateixa CPU (0)", "CPUs 0 i 1 (nuclis diferents)", "sense fixar", "un procés
 * (CPU 0)": no commas, they go into the CSV as they are. */
static const char *place_label(char *b, size_t size, int p)
{
    if (p == P_SAME)
        snprintf(b, size, "mateixa CPU (%d)", cpu_a);
    else if (p == P_DIFF)
        snprintf(b, size, "CPUs %d i %d (%s)", cpu_a, cpu_b, diff_what);
    else if (p == P_FREE)
        snprintf(b, size, "sense fixar");
    else if (cpu_a >= 0)
        snprintf(b, size, "un procés (CPU %d)", cpu_a);
    else
        snprintf(b, size, "un procés");
    return b;
}

/* The tables' short form: "mateixa CPU", "CPUs 0 i 1", "sense fixar", "un procés". */
static const char *place_short(char *b, size_t size, int p)
{
    if (p == P_SAME)
        snprintf(b, size, "mateixa CPU");
    else if (p == P_DIFF)
        snprintf(b, size, "CPUs %d i %d", cpu_a, cpu_b);
    else
        snprintf(b, size, p == P_FREE ? "sense fixar" : "un procés");
    return b;
}

/* "0+0", "0+1", or "" when unpinned. */
static const char *place_cpus(char *b, size_t size, int p)
{
    if (p == P_SAME)
        snprintf(b, size, "%d+%d", cpu_a, cpu_a);
    else if (p == P_DIFF)
        snprintf(b, size, "%d+%d", cpu_a, cpu_b);
    else if (p == P_ONE && cpu_a >= 0)
        snprintf(b, size, "%d", cpu_a);
    else
        b[0] = '\0';
    return b;
}
