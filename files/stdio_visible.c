/*
 * stdio_visible.c — is what one process writes visible to another at once?
 *
 * Slide: "Arxius (regular files): llibreria estàndard" says stdio's buffer is
 * the process's own, "not visible to other processes". fwrite() leaves the
 * data in the FILE's buffer, in this process's memory, until fflush() (or
 * fclose(), or a full buffer) turns it into a write(); write() puts it in the
 * kernel's buffer, shared by every process, at once, with no wait for the
 * disk. This program writes the records of write_char_int either way, says
 * how big the file is for the kernel (fstat) after each step, and waits for
 * Enter between steps so that another process can look meanwhile.
 *
 *   $ ./files/stdio_visible fwrite [FITXER [REGISTRES]]  (terminal 1; default file.data, 100)
 *   $ ./files/read_char_int [FITXER]                     (terminal 2: an empty file before
 *                                                         the first Enter, 100 records after)
 *   $ ./files/stdio_visible write [FITXER [REGISTRES]]   (terminal 1 again)
 *   $ ./files/read_char_int [FITXER]                     (terminal 2: 100 records at once)
 *
 * With more records than the buffer holds (try 10000), stdio writes out the
 * full buffers as it goes, and the other process sees part of the data. At
 * the end of standard input no Enter is waited for, so
 * `./files/stdio_visible fwrite </dev/null` runs straight through.
 */
#include "../include/ipc.h"

static const char *path = "file.data";

/* The size of the file for the kernel: what any other process can read. */
static long long file_size(int fd)
{
    struct stat st;

    if (fstat(fd, &st) == -1)
        die("fstat %s", path);
    return (long long)st.st_size;
}

/* Wait for a line (Enter) on stdin; the end of the input will do too. */
static void wait_enter(const char *call)
{
    int c;

    printf("Premeu Enter per fer %s (mentrestant, mireu %s des d'un altre terminal)\n", call, path);
    while ((c = getchar()) != EOF && c != '\n')
        ;
    if (ferror(stdin))
        die("llegint l'entrada");
}

int main(int argc, char *argv[])
{
    char *a = "lluis";
    long long records = 100, bytes, size;
    int i, fd;
    FILE *fp;

    args(argc, argv, 1, 3, "fwrite|write [FITXER [REGISTRES]]", "Mostra que el que s'escriu amb fwrite() no el veu cap altre procés fins a fflush(), i el que s'escriu amb write() sí, de seguida.");
    if (strcmp(argv[1], "fwrite") != 0 && strcmp(argv[1], "write") != 0)
        usage_error("mode desconegut '%s'", argv[1]);
    if (argc > 2)
        path = argv[2];
    if (argc > 3)
        records = parse_count(argv[3], "registres", 1, 1000000);
    bytes = records * (long long)(5 + sizeof(int));

    if (strcmp(argv[1], "fwrite") == 0) {
        if ((fp = fopen(path, "w")) == NULL)
            die("obrint %s", path);
        printf("Escric %lld registres a %s amb fwrite()\n", records, path);
        for (i = 0; i < records; i++) {
            if (fwrite(a, sizeof(char), 5, fp) != 5 || fwrite(&i, sizeof(int), 1, fp) != 1)
                die("escrivint %s", path);
        }
        size = file_size(fileno(fp));
        printf("Escrits %lld bytes, sense fflush(): el fitxer en fa %lld (%s)\n", bytes, size,
               size == 0 ? "les dades són al buffer del FILE, dins d'aquest procés"
                         : "el buffer del FILE s'ha omplert i s'ha buidat amb write(); la resta encara hi és");
        wait_enter("fflush()");
        if (fflush(fp) == EOF)
            die("escrivint %s", path);
        printf("Fet fflush(): el fitxer en fa %lld (ara qualsevol procés les pot llegir)\n", file_size(fileno(fp)));
        wait_enter("fclose()");
        if (fclose(fp) == EOF)
            die("tancant %s", path);
        printf("Fet fclose(): fi\n");
    } else {
        if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, S_IRUSR | S_IWUSR | S_IRGRP | S_IROTH)) == -1)
            die("obrint %s", path);
        printf("Escric %lld registres a %s amb write()\n", records, path);
        for (i = 0; i < records; i++) {
            if (writen(fd, a, 5) == -1 || writen(fd, &i, sizeof(int)) == -1)
                die("escrivint %s", path);
        }
        printf("Escrits %lld bytes amb write(): el fitxer ja en fa %lld "
               "(són al buffer del sistema operatiu, comú a tots els processos)\n", bytes, file_size(fd));
        wait_enter("close()");
        if (close(fd) == -1)
            die("tancant %s", path);
        printf("Fet close(): fi\n");
    }
    return 0;
}
