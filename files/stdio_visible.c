/*
 * stdio_visible.c — is what one process writes visible to another at once?
 *
 * Slide: "Arxius (regular files): llibreria estàndard" warns that stdio is
 * not always fit for IPC: fwrite() leaves the data in the FILE's buffer, in
 * this process's own memory, where no other process can see it until fflush()
 * (or fclose(), or a full buffer) turns it into a write(). write() puts it in
 * the kernel's buffer, shared by every process, at once: no need to wait for
 * a sync to disk. This program writes the records of write_char_int in either
 * way, says how big the file is for the kernel (fstat) after each step, and
 * waits for Enter between steps so that another process can look meanwhile.
 *
 *   $ ./files/stdio_visible fwrite [FILE [RECORDS]]   (terminal 1; default file.data, 100)
 *   $ ./files/read_char_int [FILE]                    (terminal 2: empty file before the first
 *                                                      Enter, all 100 records after it)
 *   $ ./files/stdio_visible write [FILE [RECORDS]]    (terminal 1 again)
 *   $ ./files/read_char_int [FILE]                    (terminal 2: all 100 records at once)
 *
 * With more records than fit in the buffer (try 1000), stdio writes out the
 * full buffers as it goes, and the other process sees part of the data.
 * At the end of standard input Enter is not waited for, so
 * `./files/stdio_visible fwrite </dev/null` runs straight through.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define USAGE "stdio_visible fwrite|write [FILE [RECORDS]]"

static const char *path = "file.data";

static void die(const char *what)
{
    fprintf(stderr, "stdio_visible: %s %s: %s\n", what, path, strerror(errno));
    exit(EXIT_FAILURE);
}

/* write() may write less than asked: loop until all of it is written. */
static int writen(int fd, const void *buf, size_t n)
{
    const char *p = buf;

    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w == -1) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* The size of the file for the kernel: what any other process can read. */
static long long file_size(int fd)
{
    struct stat st;

    if (fstat(fd, &st) == -1)
        die("fstat");
    return (long long)st.st_size;
}

/* Wait until a line (Enter) comes on stdin; the end of the input will do too. */
static void wait_enter(const char *call)
{
    int c;

    printf("Premeu Enter per fer %s (mentrestant, mireu %s des d'un altre terminal)\n",
           call, path);
    while ((c = getchar()) != EOF && c != '\n')
        ;
    if (ferror(stdin)) {
        fprintf(stderr, "stdio_visible: read stdin: %s\n", strerror(errno));
        exit(EXIT_FAILURE);
    }
}

int main(int argc, char *argv[])
{
    char *a = "lluis";
    long records = 100;
    long long bytes;
    int i, use_stdio;

    if (argc > 1 && strcmp(argv[1], "-h") == 0) {
        printf("Ús: stdio_visible fwrite|write [FITXER [REGISTRES]]\n"
               "Mostra que el que s'escriu amb fwrite() no el veu cap altre procés fins a fflush(), "
               "i el que s'escriu amb write() sí, de seguida.\n");
        return EXIT_SUCCESS;
    }
    if (argc < 2 || argc > 4 ||
        (strcmp(argv[1], "fwrite") != 0 && strcmp(argv[1], "write") != 0) ||
        (argc > 2 && argv[2][0] == '-')) {
        fprintf(stderr, "stdio_visible: bad arguments (usage: " USAGE ")\n");
        return EXIT_FAILURE;
    }
    use_stdio = strcmp(argv[1], "fwrite") == 0;
    if (argc > 2)
        path = argv[2];
    if (argc > 3) {
        char *end;

        errno = 0;
        records = strtol(argv[3], &end, 10);
        if (errno != 0 || end == argv[3] || *end != '\0' || records < 1 || records > 1000000) {
            fprintf(stderr, "stdio_visible: bad record count '%s': 1 to 1000000 "
                    "(usage: " USAGE ")\n", argv[3]);
            return EXIT_FAILURE;
        }
    }
    bytes = records * (long long)(5 + sizeof(int));

    setvbuf(stdout, NULL, _IOLBF, 0);   /* each step shows at once, even in a pipe */

    if (use_stdio) {
        FILE *fp = fopen(path, "w");
        long long size;

        if (fp == NULL)
            die("fopen");
        printf("Escric %ld registres a %s amb fwrite()\n", records, path);
        for (i = 0; i < records; i++) {
            if (fwrite(a, sizeof(char), 5, fp) != 5)
                die("fwrite");
            if (fwrite(&i, sizeof(int), 1, fp) != 1)
                die("fwrite");
        }
        size = file_size(fileno(fp));
        printf("Escrits %lld bytes, sense fflush(): el fitxer en fa %lld (%s)\n", bytes, size,
               size == 0 ? "les dades són al buffer del FILE, dins d'aquest procés"
                         : "el buffer del FILE s'ha omplert i s'ha buidat amb write(); "
                           "la resta encara hi és");

        wait_enter("fflush()");
        if (fflush(fp) == EOF)
            die("fflush");
        printf("Fet fflush(): el fitxer en fa %lld (ara qualsevol procés les pot llegir)\n",
               file_size(fileno(fp)));

        wait_enter("fclose()");
        if (fclose(fp) == EOF)
            die("fclose");
        printf("Fet fclose(): fi\n");
    } else {
        int fd = open(path,
                      O_WRONLY | O_CREAT | O_TRUNC,
                      S_IRUSR | S_IWUSR | S_IRGRP | S_IROTH);

        if (fd == -1)
            die("open");
        printf("Escric %ld registres a %s amb write()\n", records, path);
        for (i = 0; i < records; i++) {
            if (writen(fd, a, 5) == -1)
                die("write");
            if (writen(fd, &i, sizeof(int)) == -1)
                die("write");
        }
        printf("Escrits %lld bytes amb write(): el fitxer ja en fa %lld "
               "(són al buffer del sistema operatiu, comú a tots els processos)\n",
               bytes, file_size(fd));

        wait_enter("close()");
        if (close(fd) == -1)
            die("close");
        printf("Fet close(): fi\n");
    }
    return EXIT_SUCCESS;
}
