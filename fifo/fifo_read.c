/*
 * fifo_read.c — lector d'una canonada amb nom (FIFO).
 *
 * Slide: "Canonades amb nom (FIFO)", codi fifo_read.c. Two processes that are
 * not parent and child talk through a file name. open() for reading blocks
 * until some process opens the same name for writing. We create the FIFO too
 * if it is not there yet (EEXIST is fine), so either program may start first.
 *
 *   $ ./fifo/fifo_read                   (reads from myfifo)
 *   $ ./fifo/fifo_read canal             (reads from canal)
 *   $ ./fifo/fifo_write                  (the peer, in another terminal)
 *
 * A message is what fifo_write sends: a string and its '\0' ("test" is the
 * slide's 5 bytes). The slide reads one, with read(fd, buf, 5); we read byte by
 * byte up to each '\0', so every message gives its "Rebut" line, even when
 * several writers' messages wait in the FIFO together, and we stop when every
 * writer has closed (read() returns 0). A message must fit in buf with its
 * '\0' (19 characters): a longer one, or bytes that end without a '\0'
 * (echo hola > myfifo), are an error, never a message cut short.
 */
#include "../include/ipc.h"

int main(int argc, char *argv[])
{
    char buf[20], *p = buf;             /* p: where the next byte of a message goes */
    int fd, n;
    struct stat st;

    args(argc, argv, 0, 1, "[FIFO]", "Llegeix i escriu cada missatge que arriba per la canonada amb nom FIFO (per defecte myfifo).");
    const char *path = argc > 1 ? argv[1] : "myfifo";
    if (mkfifo(path, 0666) == -1 && errno != EEXIST)    /* 0666: fifo_write's PERM_FILE */
        die("creant la FIFO %s", path);
    if (stat(path, &st) == -1 || !S_ISFIFO(st.st_mode))   /* EEXIST: but is it a FIFO? */
        fail("%s: existeix i no és una FIFO (esborreu-lo o trieu un altre nom)", path);

    printf("Obrint pipe per lectura\n");
    if ((fd = open(path, O_RDONLY)) == -1)          /* blocks until a writer opens it */
        die("obrint %s", path);
    printf("Llegint missatge\n");
    while (p < buf + sizeof buf && (n = readn(fd, p, 1)) == 1)     /* 0: every writer closed */
        if (*p++ == '\0') {             /* a whole message, its '\0' included */
            printf("Rebut %s, tancant.\n", buf);
            p = buf;
        }
    if (n == -1)
        die("llegint %s", path);
    if (p > buf)                        /* buf is full, or the bytes ended without a '\0' */
        fail("%s: missatge sense '\\0' final o de més de %zu caràcters (la mida de buf)", path, sizeof buf - 1);
    if (close(fd) == -1)
        die("tancant %s", path);
}
