/*
 * ipc.h — the few helpers every program of the suite uses, read once here.
 *
 * Header-only (static functions), like TLPI's tlpi_hdr.h and OSTEP's common.h:
 * a program includes it with a relative path and still builds on its own,
 *     cc -o fifo_read fifo_read.c
 * from its folder. What is here:
 *
 *   args(argc, argv, 0, 1, "[FITXER]", "...") -h, usage errors, stdout checked at exit
 *   die("obrint %s", path)                  "prog: obrint file.data: <reason>", exit 1
 *   fail("%s: massa llarg", path)           the same without a system reason
 *   hint(ENOENT, "executeu primer ...")     the next step, added to die() for that errno
 *   parse_count(s, "rectangles", 1, max)    a whole number (1000, 1e9), or a usage error
 *   readn / writen                          read()/write() that finish the job
 *   read_all / expect_end                   fixed-size records: all bytes, then the end
 *   stdio_fail(fp, path)                    why fread()/fscanf() got less than asked
 *   set_handler(SIGTERM, finalitzar)        signal() done with sigaction()
 *   say("text\n")                           print from a signal handler
 *   reap(pid)                               wait for a child and say how it ended
 *
 * Every message is in Catalan, like the slides; the system's reason (strerror)
 * is as the C library gives it.
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *prog = "programa";   /* our name, from argv[0]: set by args() */
static const char *usage_text = "";     /* "[FITXER]": what follows the name in "Ús:" */
static const char *hint_text;           /* the next step for one errno: see hint() */
static int hint_errno;
static int dying;                       /* die() or fail() has already spoken */

/* One line on stderr, "prog: MESSAGE[: system's reason][ (hint)][ (Ús: ...)]",
 * then exit 1. Called through the three macros below. */
static inline _Noreturn void report(int err, int usage, const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "%s: ", prog);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    if (err)
        fprintf(stderr, ": %s", strerror(err));
    if (err && err == hint_errno && hint_text)
        fprintf(stderr, " (%s)", hint_text);
    if (usage)
        fprintf(stderr, " (Ús: %s%s%s)", prog, *usage_text ? " " : "", usage_text);
    fputc('\n', stderr);
    dying = 1;
    exit(EXIT_FAILURE);
}

/* die("obrint %s", path): a call failed; the line ends with errno's reason.
 * fail(...): something is wrong that no errno describes (a bad file format).
 * usage_error(...): the user called us wrongly; the line says how to call us. */
#define die(...)         report(errno, 0, __VA_ARGS__)
#define fail(...)        report(0, 0, __VA_ARGS__)
#define usage_error(...) report(0, 1, __VA_ARGS__)

/* The usual slip behind an error, said with it: after
 * hint(ENOENT, "executeu primer ./files/write_char_int"), a die() whose errno
 * is ENOENT ends its line with that advice in brackets. */
#define hint(err, text) (hint_errno = (err), hint_text = (text))

/* The program's output is its result: a full disk or a closed pipe must not
 * pass for success (`./pi/calcul_pi_1proces > /dev/full` exits 1). Runs at
 * exit(), and when main() returns. */
static inline void check_stdout(void)
{
    if ((fflush(stdout) == EOF || ferror(stdout)) && !dying) {
        fprintf(stderr, "%s: escrivint la sortida: %s\n", prog, strerror(errno));
        _exit(EXIT_FAILURE);            /* exit() may not be called again from here */
    }
}

/* Handle -h and a wrong number of arguments (from MIN to MAX); USAGE is what
 * follows the name in "Ús:", ABOUT one sentence on what the program does.
 * Also: stdout is line buffered, so a second terminal, a pipe or a test sees
 * each line as it is printed, and it is checked at exit. */
static inline void args(int argc, char *argv[], int min, int max, const char *usage, const char *about)
{
    const char *slash = strrchr(argv[0], '/');

    prog = slash ? slash + 1 : argv[0];
    usage_text = usage;
    setvbuf(stdout, NULL, _IOLBF, 0);
    atexit(check_stdout);
    if (argc > 1 && strcmp(argv[1], "-h") == 0) {
        printf("Ús: %s%s%s\n%s\n", prog, *usage ? " " : "", usage, about);
        exit(EXIT_SUCCESS);
    }
    for (int i = 1; i < argc; i++)      /* "-5" is a number; "-x" an option we lack */
        if (argv[i][0] == '-' && argv[i][1] != '\0' && !isdigit((unsigned char)argv[i][1]))
            usage_error("opció desconeguda '%s'", argv[i]);
    if (argc - 1 < min || argc - 1 > max)
        usage_error("%s arguments", argc - 1 > max ? "massa" : "falten");
}

/* A whole number between MIN and MAX (at most 2^53), written plainly
 * (1000000) or in the slide's notation (1e9, 1E09, 2.5e3). No sign, space, hex
 * or other junk: a bad one is a usage error naming WHAT, the value and why. */
static inline long long parse_count(const char *s, const char *what, long long min, long long max)
{
    char *end;
    double d = strtod(s, &end);

    if (!isdigit((unsigned char)s[0]) || s[strspn(s, "0123456789.eE+-")] != '\0' || *end != '\0')
        usage_error("%s '%s': no és un nombre", what, s);
    if (d > (double)max)
        usage_error("%s '%s': massa gran, com a màxim %lld", what, s, max);
    if (d < (double)min)
        usage_error("%s '%s': com a mínim %lld", what, s, min);
    if (d != (double)(long long)d)
        usage_error("%s '%s': no és un nombre enter", what, s);
    return (long long)d;
}

/* read() may return fewer bytes than asked (a pipe, a socket, a signal):
 * loop until N bytes or end of file. Returns the bytes read (fewer than N
 * only at end of file), or -1 with errno set. */
static inline ssize_t readn(int fd, void *buf, size_t n)
{
    size_t got = 0;

    while (got < n) {
        ssize_t r = read(fd, (char *)buf + got, n - got);
        if (r == 0)
            break;                      /* end of file */
        if (r > 0)
            got += (size_t)r;
        else if (errno != EINTR)        /* EINTR: a signal came first, try again */
            return -1;
    }
    return (ssize_t)got;
}

/* write() may write fewer bytes than asked: loop until all N are written.
 * Returns 0, or -1 with errno set. */
static inline int writen(int fd, const void *buf, size_t n)
{
    size_t done = 0;

    while (done < n) {
        ssize_t w = write(fd, (const char *)buf + done, n - done);
        if (w >= 0)
            done += (size_t)w;
        else if (errno != EINTR)
            return -1;
    }
    return 0;
}

/* Read exactly N bytes of the file NAME: a read error, or a file that ends
 * before them, ends the program with one line saying which. */
static inline void read_all(int fd, void *buf, size_t n, const char *name)
{
    ssize_t r = readn(fd, buf, n);

    if (r == -1)
        die("llegint %s", name);
    if ((size_t)r < n)
        fail("%s: el fitxer s'acaba a mig registre (%zd de %zu bytes)", name, r, n);
}

/* The file NAME must end here: more bytes mean it is not in the format. */
static inline void expect_end(int fd, const char *name)
{
    char extra;
    ssize_t r = readn(fd, &extra, 1);

    if (r == -1)
        die("llegint %s", name);
    if (r == 1)
        fail("%s: hi ha més dades de les esperades", name);
}

/* fread() or fscanf() got less than asked from NAME: say why. */
static inline _Noreturn void stdio_fail(FILE *fp, const char *name)
{
    if (ferror(fp))
        die("llegint %s", name);
    if (feof(fp))
        fail("%s: el fitxer s'acaba a mig registre", name);
    fail("%s: format incorrecte", name);
}

/* The slide's signal(SIGNO, HANDLER), done with sigaction(): signal() differs
 * between systems (some reset the handler after the first signal), sigaction()
 * says exactly what happens. SA_RESTART: a read() or printf() that the signal
 * interrupts goes on; sleep() and pause() still return early. HANDLER may be
 * SIG_IGN or SIG_DFL. */
static inline void set_handler(int signo, void (*handler)(int))
{
    struct sigaction sa = { .sa_flags = SA_RESTART };

    sa.sa_handler = handler;
    if (sigemptyset(&sa.sa_mask) == -1 || sigaction(signo, &sa, NULL) == -1)
        die("sigaction %s", strsignal(signo));
}

/* printf() is not async-signal-safe (the signal may arrive inside another
 * printf); write() is. A handler cannot report a failed write, and must not
 * change the errno that main() may be about to read. */
static inline void say(const char *msg)
{
    int saved = errno;

    if (write(STDOUT_FILENO, msg, strlen(msg)) == -1)
        errno = saved;                  /* and nothing else: we cannot report it */
}

/* Wait for the child PID and check how it ended: 0 when it exited with
 * status 0, -1 otherwise. A child killed by a signal could not say why, so
 * we say it. */
static inline int reap(pid_t pid)
{
    int status;

    if (waitpid(pid, &status, 0) == -1)
        die("waitpid");
    if (WIFSIGNALED(status))
        fprintf(stderr, "%s: el fill %ld ha mort pel senyal %d (%s)\n",
                prog, (long)pid, WTERMSIG(status), strsignal(WTERMSIG(status)));
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? 0 : -1;
}

