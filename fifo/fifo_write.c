/*
 * fifo_write.c — escriptor d'una canonada amb nom (FIFO).
 *
 * Slide: "Canonades amb nom (FIFO)", codi fifo_write.c. Two processes that are
 * not parent and child talk through a file name: mkfifo() creates the name
 * (if fifo_read has not yet: EEXIST is fine, either one may start first), and
 * open() for writing blocks until some process opens it for reading.
 *
 *   $ ./fifo/fifo_write                  (writes "test" to myfifo)
 *   $ ./fifo/fifo_write canal hola       (writes "hola" to canal)
 *   $ ./fifo/fifo_read                   (the peer, in another terminal)
 *
 * The message goes out with its '\0' (5 bytes for "test", as on the slide), in
 * one write(): one of at most PIPE_BUF bytes (POSIX: at least 512; 4096 on
 * Linux) is atomic, so the messages of several writers at once never mix.
 * If the reader goes away before it has read everything, the system sends us
 * SIGPIPE, which would kill us without a word: we ignore it, so write() fails
 * with EPIPE and we say "fifo_write: escrivint myfifo: Broken pipe", exit 1.
 * The FIFO stays on disk afterwards, as on the slide (rm myfifo).
 */
#include "../include/ipc.h"

#define PERM_FILE (S_IRUSR | S_IWUSR | S_IRGRP | S_IWGRP | S_IROTH | S_IWOTH)  /* rw-rw-rw-, less the umask */

int main(int argc, char *argv[])
{
    int fd;
    struct stat st;

    args(argc, argv, 0, 2, "[FIFO [MISSATGE]]", "Escriu MISSATGE (per defecte test) a la canonada amb nom FIFO (per defecte myfifo).");
    const char *path = argc > 1 ? argv[1] : "myfifo";
    const char *msg = argc > 2 ? argv[2] : "test";
    set_handler(SIGPIPE, SIG_IGN);      /* a reader gone: EPIPE from write(), not death */
    hint(EPIPE, "el lector ha tancat la FIFO abans de llegir-ho tot");

    if (mkfifo(path, PERM_FILE) == -1 && errno != EEXIST)
        die("creant la FIFO %s", path);
    if (stat(path, &st) == -1 || !S_ISFIFO(st.st_mode))   /* EEXIST: but is it a FIFO? */
        fail("%s: existeix i no és una FIFO (esborreu-lo o trieu un altre nom)", path);

    printf("Obrint pipe per escriptura\n");
    if ((fd = open(path, O_WRONLY)) == -1)          /* blocks until a reader opens it */
        die("obrint %s", path);
    printf("Escrivint missatge\n");
    if (writen(fd, msg, strlen(msg) + 1) == -1)     /* the text and its '\0' */
        die("escrivint %s", path);
    printf("Tancant\n");
    if (close(fd) == -1)
        die("tancant %s", path);
}
