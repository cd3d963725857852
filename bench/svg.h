/*
 * svg.h — the results as an SVG chart (open it in a browser). Part of
 * ipc_bench (included by ipc_bench.c). Reads rows[] only.
 *
 * One panel per kind of figure, horizontal bars on a linear scale from 0:
 * the bar is the median, the thin line across its end goes from the lowest
 * to the highest batch (cut at the edge, with a triangle, when it would go
 * off the chart), the number is the median. Colours say the placement.
 * Written by hand, no library: plain SVG 1.1.
 */

#define SVG_W 1060
#define SVG_LABEL 420           /* the labels' column */
#define SVG_BAR 440             /* the longest bar */
#define SVG_ROW 18

static const char *place_color(int p)
{
    return p == P_SAME ? "#3b6fb6" : p == P_DIFF ? "#e07b28" : p == P_FREE ? "#5a9e4b" : "#8c8c8c";
}

static void svg_text(FILE *fp, double x, double y, const char *anchor, int size, const char *s)
{
    fprintf(fp, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">", x, y, anchor, size);
    for (; *s; s++)
        if (*s == '&')
            fputs("&amp;", fp);
        else if (*s == '<')
            fputs("&lt;", fp);
        else if (*s == '>')
            fputs("&gt;", fp);
        else
            fputc(*s, fp);
    fputs("</text>\n", fp);
}

/* The rows of one panel: SECTION, and BYTES when it is not -1. */
static int svg_match(const struct row *r, const char *section, long bytes)
{
    return strcmp(r->section, section) == 0 && (bytes < 0 || r->bytes == bytes);
}

/* A panel: its title, then a bar per matching row (ceilings first when
 * EXTRA names another section shown with them). Returns the y below it. */
static double svg_panel(FILE *fp, double y, const char *title, const char *section, const char *extra,
                        long bytes, double div, const char *unit)
{
    char lbl[160], pl[64], b[24];
    double mx = 0;
    int n = 0;

    for (int i = 0; i < nrows; i++)
        if (svg_match(&rows[i], section, bytes) || (extra != NULL && svg_match(&rows[i], extra, bytes))) {
            if (rows[i].s.med / div > mx)
                mx = rows[i].s.med / div;
            n++;
        }
    if (n == 0)
        return y;
    mx *= 1.1;                  /* the longest median: 10 % short of the whole width */
    svg_text(fp, 20, y + 16, "start", 15, title);
    y += 28;
    fprintf(fp, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#999\"/>\n",
            SVG_LABEL, y, SVG_LABEL, y + (double)n * SVG_ROW);
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < nrows; i++) {
            const struct row *r = &rows[i];
            if (!(pass == 0 && extra != NULL && svg_match(r, extra, bytes)) && !(pass == 1 && svg_match(r, section, bytes)))
                continue;
            double w = r->s.med / div / mx * SVG_BAR, x0 = r->s.min / div / mx * SVG_BAR,
                   x1 = r->s.max / div / mx * SVG_BAR, mid = y + SVG_ROW / 2.0;
            if (x1 > SVG_BAR * 1.15)    /* an outlier: the line stops at the edge, with a mark */
                x1 = SVG_BAR * 1.15;
            if (r->place == P_ONE)
                snprintf(lbl, sizeof lbl, "%s", r->label);
            else
                snprintf(lbl, sizeof lbl, "%s · %s", r->label, place_label(pl, sizeof pl, r->place));
            svg_text(fp, SVG_LABEL - 6, mid + 4, "end", 11, lbl);
            fprintf(fp, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n",
                    SVG_LABEL, y + 3, w > 0.5 ? w : 0.5, SVG_ROW - 6, place_color(r->place));
            fprintf(fp, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\"/>\n",
                    SVG_LABEL + x0, mid, SVG_LABEL + x1, mid);
            if (x1 >= SVG_BAR * 1.15)
                fprintf(fp, "<path d=\"M%.1f %.1f l-6 -4 v8 z\" fill=\"black\"/>\n", SVG_LABEL + x1, mid);
            snprintf(lbl, sizeof lbl, "%s %s", num(b, r->s.med / div), unit);
            svg_text(fp, SVG_LABEL + (x1 > w ? x1 : w) + 6, mid + 4, "start", 11, lbl);
            y += SVG_ROW;
        }
    return y + 14;
}

static void write_svg(FILE *fp, const char *path)
{
    char title[400], pl[64], *body = NULL;
    size_t len = 0;
    FILE *b;
    double y;

    /* The panels go to memory first: the height is known at the end. */
    if ((b = open_memstream(&body, &len)) == NULL)
        die("open_memstream");
    snprintf(title, sizeof title, "ipc_bench · %s · %s · %s · %ld CPUs", mach.date, mach.cpu, mach.kernel, mach.cpus);
    svg_text(b, 20, 26, "start", 16, title);
    svg_text(b, 20, 46, "start", 11, "Barra: mediana dels lots; línia: del lot més ràpid al més lent. Escala lineal des de 0.");
    for (int p = 0, x = 20; p < NPLACE; p++) {
        int used = 0;
        for (int i = 0; i < nrows; i++)
            used |= rows[i].place == p;
        if (!used)
            continue;
        fprintf(b, "<rect x=\"%d\" y=\"56\" width=\"12\" height=\"10\" fill=\"%s\"/>\n", x, place_color(p));
        svg_text(b, x + 16, 65, "start", 11, place_label(pl, sizeof pl, p));
        x += 230;
    }
    y = 80;
    y = svg_panel(b, y, "Latència: 1 byte anada i tornada entre 2 processos (us)", "latency", NULL, -1, 1, "us");
    for (int k = 0; k < NSIZES; k++) {
        snprintf(title, sizeof title, "Amplada de banda amb missatges de %s (MB/s); en gris, memcpy en un procés",
                 size_label[k]);
        y = svg_panel(b, y, title, "bandwidth", "ceiling", sizes[k], 1, "MB/s");
    }
    y = svg_panel(b, y, "Crides a sistema i senyals, en un procés (ns per crida)", "syscall", NULL, -1, 1, "ns");
    y = svg_panel(b, y, "Engegar i esperar un procés o un fil (us)", "start", NULL, -1, 1, "us");
    if (fclose(b) == EOF)
        die("open_memstream");
    fprintf(fp, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%.0f\" "
            "viewBox=\"0 0 %d %.0f\" font-family=\"sans-serif\">\n"
            "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n", SVG_W, y + 10, SVG_W, y + 10);
    fwrite(body, 1, len, fp);
    free(body);
    fprintf(fp, "</svg>\n");
    if (fclose(fp) == EOF)
        die("escrivint %s", path);
}
