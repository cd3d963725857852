/*
 * taula.h — the results as text tables, and what to notice in them. Part of
 * ipc_bench (included by ipc_bench.c). Reads rows[] only.
 */

/* About three significant digits: 0.183, 2.13, 21.3, 213, 2130. */
static const char *num(char *b, double v)
{
    snprintf(b, 24, v >= 100 ? "%.0f" : v >= 10 ? "%.1f" : v >= 1 ? "%.2f" : "%.3g", v);
    return b;
}

/* "(4.18–4.30)": the fastest and the slowest batch. */
static const char *range(char *b, double lo, double hi)
{
    char l[24], h[24];

    snprintf(b, 56, "(%s–%s)", num(l, lo), num(h, hi));
    return b;
}

/* printf's widths count bytes; "tècnica" has 7 letters and 8 bytes. */
static int letters(const char *s)
{
    int n = 0;

    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static void pad(const char *s, int w)          /* left-aligned in w columns */
{
    fputs(s, stdout);
    for (w -= letters(s); w > 0; w--)
        putchar(' ');
}

static void rpad(const char *s, int w)         /* right-aligned */
{
    for (int k = w - letters(s); k > 0; k--)
        putchar(' ');
    fputs(s, stdout);
}

static int any_row(const char *section)
{
    for (int i = 0; i < nrows; i++)
        if (strcmp(rows[i].section, section) == 0)
            return 1;
    return 0;
}

static void print_header(void)
{
    printf("ipc_bench · %s · %s · %s · %ld CPUs en línia\n", mach.date, mach.cpu, mach.kernel, mach.cpus);
    if (mach.busy[0] != '\0')
        printf("CPU ocupada per altres programes en començar: %s %%%s\n", mach.busy,
               atoi(mach.busy) > 10 ? " (massa: els números en sortiran més lents i més dispersos)" : ".");
    if (cfg.places & 1u << P_SAME)
        printf("«mateixa CPU»: els dos processos fixats a la CPU %d; s'alternen.\n", cpu_a);
    if (cfg.places & 1u << P_DIFF)
        printf("«CPUs %d i %d»: un procés a cada una; %s (segons /sys/devices/system/cpu).\n",
               cpu_a, cpu_b, diff_what);
    if (cfg.places & 1u << P_FREE)
        printf("«sense fixar»: on el planificador els posi.\n");
    if (can_pin)
        printf("Les mesures d'un sol procés, a la CPU %d.\n", cpu_a);
    for (int i = 0; i < nskipped; i++)
        printf("No disponible en aquest sistema: %s.\n", skipped[i]);
}

static void print_latency(void)
{
    char pl[64], b1[24], b2[56], b3[24], b4[24];

    if (!any_row("latency"))
        return;
    printf("\nLatència: 1 byte anada i tornada entre 2 processos, en microsegons (us).\n"
           "Mediana de %d lots d'anades i tornades cronometrats sencers (>= %.0f ms cadascun), i entre\n"
           "parèntesis el lot més ràpid i el més lent. «Una a una»: %ld cronometrades soles (mediana, p99).\n",
           2 * cfg.repeats + 1, cfg.batch * 1e3, cfg.singles);
    pad("tècnica", 27); pad("ubicació", 13); rpad("mediana", 8); pad("  (mín–màx)", 17);
    rpad("una a una", 10); rpad("p99", 8); printf("  lmbench\n");
    for (int i = 0; i < nrows; i++) {
        const struct row *r = &rows[i];
        if (strcmp(r->section, "latency") != 0)
            continue;
        pad(r->label, 27);
        pad(place_short(pl, sizeof pl, r->place), 13);
        rpad(num(b1, r->s.med), 8);
        printf("  ");
        pad(range(b2, r->s.min, r->s.max), 15);
        rpad(num(b3, r->single_med), 10);
        rpad(num(b4, r->p99), 8);
        printf("  %s\n", r->reference[0] ? r->reference : "-");
    }
}

#define BW_LABEL 40
#define BW_CELL 14

/* One line of medians, one of ranges, MB/s. */
static void print_bw_row(const char *section, const char *key, int place, const char *label)
{
    char b[56];
    const struct row *r = NULL;

    for (int k = 0; k < NSIZES && r == NULL; k++)
        r = find_row(section, key, place, sizes[k]);
    if (r == NULL)
        return;
    pad(label, BW_LABEL);
    printf("%6d", r->copies);
    for (int k = 0; k < NSIZES; k++) {
        r = find_row(section, key, place, sizes[k]);
        rpad(r != NULL ? num(b, r->s.med) : "-", BW_CELL);
    }
    printf("\n");
    pad("", BW_LABEL + 6);
    for (int k = 0; k < NSIZES; k++) {
        r = find_row(section, key, place, sizes[k]);
        rpad(r != NULL ? range(b, r->s.min, r->s.max) : "", BW_CELL);
    }
    printf("\n");
}

static void print_bandwidth(void)
{
    static const char *const ceil_keys[] = { "memcpy-cache", "memcpy-ring", "memcpy-ring-syscall", "memcpy-dram" };
    char pl[64], lbl[128], b[24];

    if (!any_row("bandwidth") && !any_row("ceiling"))
        return;
    printf("\nAmplada de banda: MB/s (1 MB = 10^6 bytes) per mida de missatge. Mediana de %d finestres\n"
           "de >= %.0f ms, i a sota la més lenta i la més ràpida. «Còpies»: quantes vegades es copien\n"
           "els bytes de cada missatge. Els memcpy són d'un sol procés: el sostre.\n",
           cfg.repeats, cfg.window * 1e3);
    pad("", BW_LABEL);
    printf("%s", "còpies");
    for (int k = 0; k < NSIZES; k++)
        rpad(size_label[k], BW_CELL);
    printf("\n");
    for (int c = 0; c < 4; c++) {
        const struct row *r = find_row("ceiling", ceil_keys[c], P_ONE, sizes[0]);
        if (r != NULL)
            print_bw_row("ceiling", ceil_keys[c], P_ONE, r->label);
    }
    for (int t = 0; t < NTECH; t++)
        for (int p = 0; p < P_ONE; p++) {
            snprintf(lbl, sizeof lbl, "%s · %s", techniques[t].label, place_short(pl, sizeof pl, p));
            print_bw_row("bandwidth", techniques[t].key, p, lbl);
        }

    /* The shared ring against the same copies done by one process. */
    int header = 0;
    for (int t = 0; t < NTECH; t++)
        for (int p = 0; p < P_ONE; p++) {
            const struct row *r = find_row("bandwidth", techniques[t].key, p, sizes[0]);
            if (r == NULL || r->fraction <= 0)
                continue;
            if (!header++) {
                printf("\nmmap contra «memcpy per l'anell» (la mateixa memòria i les mateixes 2 còpies,\n"
                       "en un sol procés): quina fracció n'assoleix\n");
                pad("", BW_LABEL + 6);
                for (int k = 0; k < NSIZES; k++)
                    rpad(size_label[k], BW_CELL);
                printf("\n");
            }
            snprintf(lbl, sizeof lbl, "%s · %s", techniques[t].label, place_short(pl, sizeof pl, p));
            pad(lbl, BW_LABEL + 6);
            for (int k = 0; k < NSIZES; k++) {
                r = find_row("bandwidth", techniques[t].key, p, sizes[k]);
                rpad(r != NULL && r->fraction > 0 ? num(b, r->fraction) : "-", BW_CELL);
            }
            printf("\n");
        }
}

static void print_one_process(const char *section, const char *title)
{
    char pl[64], b1[24], b2[56];

    if (!any_row(section))
        return;
    printf("\n%s\n", title);
    for (int i = 0; i < nrows; i++) {
        const struct row *r = &rows[i];
        if (strcmp(r->section, section) != 0)
            continue;
        pad(r->label, 42);
        pad(r->place == P_ONE ? "" : place_short(pl, sizeof pl, r->place), 13);
        rpad(num(b1, r->s.med), 8);
        printf("  ");
        pad(range(b2, r->s.min, r->s.max), 17);
        printf("%s\n", r->reference[0] ? r->reference : "-");
    }
}

static void print_tables(void)
{
    char title[256];

    print_header();
    print_latency();
    print_bandwidth();
    snprintf(title, sizeof title, "Crides a sistema i senyals, en un procés: nanosegons (ns) per crida. Mediana de %d lots\n"
             "(>= %.0f ms), entre parèntesis el més ràpid i el més lent; a la dreta, l'eina de lmbench.",
             2 * cfg.repeats + 1, cfg.batch * 1e3);
    print_one_process("syscall", title);
    snprintf(title, sizeof title, "Engegar un procés o un fil que no fa res i esperar que acabi: microsegons (us).\n"
             "Mediana de %d lots (>= %.0f ms), entre parèntesis el més ràpid i el més lent.",
             2 * cfg.repeats + 1, cfg.batch * 1e3);
    print_one_process("start", title);
}

/* ---- what to notice --------------------------------------------------------- */

/* "3.2 vegades més ràpid", "1.5 vegades més lent", "gairebé igual de ràpid":
 * TIME against OTHER (both times: less is faster). */
static const char *compare(char *b, double time, double other)
{
    char n[24];
    double f = time < other ? other / time : time / other;

    if (f < 1.1)
        snprintf(b, 64, "gairebé igual de ràpid");
    else
        snprintf(b, 64, "%s vegades més %s", num(n, f), time < other ? "ràpid" : "lent");
    return b;
}

static void print_notes(void)
{
    const struct row *a, *b, *z, *lo, *hi, *spin;
    char n1[24], n2[24], n3[24], c[64], pl[64];
    int p;

    printf("\nQuè cal observar (amb els números d'aquesta execució):\n");
    z = find_row("syscall", "getppid", P_ONE, 0);
    a = find_row("syscall", "write-int", P_ONE, sizeof(int));
    b = find_row("syscall", "fwrite-int", P_ONE, sizeof(int));
    if (a != NULL && b != NULL && z != NULL)
        printf("- Una crida a sistema que no fa res (getppid) costa %s ns; escriure un int amb write(),\n"
               "  %s ns. Amb fwrite(), %s ns: %s, perquè stdio acumula els int al seu buffer\n"
               "  i només fa un write() cada 4096 bytes.\n",
               num(n1, z->s.med), num(n2, a->s.med), num(n3, b->s.med), compare(c, b->s.med, a->s.med));
    for (p = 0; p < P_ONE; p++) {
        lo = hi = NULL;
        spin = find_row("latency", "mmap-spin", p, 1);
        for (int i = 0; i < nrows; i++) {
            const struct row *r = &rows[i];
            if (strcmp(r->section, "latency") || r->place != p || !strcmp(r->key, "mmap-spin") || !strcmp(r->key, "file"))
                continue;
            if (lo == NULL || r->s.med < lo->s.med)
                lo = r;
            if (hi == NULL || r->s.med > hi->s.med)
                hi = r;
        }
        if (lo == NULL)
            continue;
        if (lo != hi)
            printf("- Latència, %s: les tècniques que dormen mentre esperen van de %s us (%s)\n"
                   "  a %s us (%s) per anada i tornada: cada vegada un procés s'adorm i l'altre es desperta.\n",
                   place_short(pl, sizeof pl, p), num(n1, lo->s.med), lo->label, num(n2, hi->s.med), hi->label);
        else
            printf("- Latència, %s: %s, que dorm mentre espera, %s us per anada i tornada:\n"
                   "  cada vegada un procés s'adorm i l'altre es desperta.\n",
                   place_short(pl, sizeof pl, p), lo->label, num(n1, lo->s.med));
        if (spin != NULL)
            printf("  Amb espera activa, %s us (%s que %s), però una CPU s'està tota l'estona esperant.\n",
                   num(n1, spin->s.med), compare(c, spin->s.med, lo->s.med), lo->label);
    }
    for (p = 0; p < P_ONE; p++) {
        a = find_row("bandwidth", "mmap", p, 65536);
        b = find_row("bandwidth", "pipe", p, 65536);
        if (a != NULL && b != NULL && a->fraction > 0)
            printf("- Missatges de 64 KiB, %s: mmap amb semàfors mou %s MB/s, el %s %% del que fa memcpy\n"
                   "  amb les mateixes còpies en un procés; la canonada, %s MB/s (hi copia el nucli, amb crides).\n",
                   place_short(pl, sizeof pl, p), num(n1, a->s.med), num(c, a->fraction * 100), num(n2, b->s.med));
    }
    p = cfg.places & 1u << P_SAME ? P_SAME : P_FREE;
    a = find_row("bandwidth", "pipe", p, 64);
    b = find_row("bandwidth", "pipe", p, 65536);
    if (a != NULL && b != NULL)
        printf("- Missatges petits: la canonada mou %s MB/s amb missatges de 64 B i %s MB/s amb 64 KiB.\n"
               "  Cada write() i read() costa gairebé el mateix per a pocs bytes que per a molts.\n",
               num(n1, a->s.med), num(n2, b->s.med));
    p = can_pin ? P_SAME : P_FREE;
    a = find_row("start", "fork", p, 0);
    b = find_row("start", "thread", p, 0);
    if (a != NULL && b != NULL)
        printf("- Engegar i esperar un procés (fork + waitpid) costa %s us; un fil (pthread_create +\n"
               "  pthread_join), %s us: %s. El fil comparteix la memòria del procés;\n"
               "  el procés fill n'ha de rebre una còpia (com a mínim, les taules de pàgines).\n",
               num(n1, a->s.med), num(n2, b->s.med), compare(c, b->s.med, a->s.med));
    printf("- Si el lot més ràpid i el més lent d'una fila són lluny de la mediana, una altra cosa\n"
           "  feia servir la màquina: torneu-ho a mesurar.\n");
}
