/*
 * csv.h — the results as CSV, one row per figure. Part of ipc_bench
 * (included by ipc_bench.c). Reads rows[] only.
 *
 * Every row carries the machine (date, CPU model, kernel, online CPUs), so
 * that rows from different runs or machines can be put together and still
 * say where they come from. No field contains a comma or a quote.
 *
 *   section     latency, bandwidth, ceiling, syscall, start
 *   key         pipe, mmap, memcpy-ring, getppid, fork, ...
 *   placement   same-cpu, other-core, smt-sibling, different-cpus, unpinned, one-process
 *   cpus        the CPUs used: 0+0, 0+1, 0 (empty when unpinned)
 *   bytes       message size (bytes), copies: how many times they are copied
 *   unit        us, ns, MB/s (1 MB = 10^6 bytes)
 *   median,min,max,batches   the median of the batches, the extremes, how many
 *   batch_ms    the shortest a batch (or bandwidth window) was allowed to be
 *   per_trip_median,p99      latency: round trips timed one by one
 *   fraction_of_memcpy       mmap: of memcpy through the same ring
 *   lmbench     the lmbench tool that measures the same thing, if any
 *   workers,speedup         empty here: bench_pi.sh's rows (N, and the speed-up)
 *   cpu_busy_at_start       % of the CPUs' time other programs used just before
 *                           the run (Linux): a busy machine gives slower, more
 *                           scattered figures
 *   run_seconds             how long the whole run took, in seconds
 */

/* Text as it is, but a comma would start a new field: never one. */
static const char *csv_text(char *b, size_t size, const char *s)
{
    snprintf(b, size, "%s", s);
    for (char *p = b; *p; p++)
        if (*p == ',' || *p == '"')
            *p = ';';
    return b;
}

static void csv_num(FILE *fp, double v)
{
    if (v > 0)
        fprintf(fp, ",%.6g", v);
    else
        fputs(",", fp);
}

static void write_csv(FILE *fp, const char *path)
{
    char pl[64], cp[32], lb[160];

    fprintf(fp, "date,cpu_model,kernel,online_cpus,tool,section,key,label,placement,placement_label,cpus,"
            "bytes,copies,unit,median,min,max,batches,batch_ms,per_trip_median,p99,fraction_of_memcpy,lmbench,workers,speedup,cpu_busy_at_start,run_seconds\n");
    for (int i = 0; i < nrows; i++) {
        const struct row *r = &rows[i];
        fprintf(fp, "%s,%s,%s,%ld,ipc_bench,%s,%s,%s,%s,%s,%s,", mach.date, mach.cpu, mach.kernel, mach.cpus,
                r->section, r->key, csv_text(lb, sizeof lb, r->label), place_key(r->place), place_label(pl, sizeof pl, r->place),
                place_cpus(cp, sizeof cp, r->place));
        if (r->bytes > 0)
            fprintf(fp, "%ld", r->bytes);
        fprintf(fp, ",%d,%s,%.6g,%.6g,%.6g,%d,%g", r->copies, r->unit, r->s.med, r->s.min, r->s.max, r->s.n,
                (strcmp(r->section, "bandwidth") == 0 || strcmp(r->section, "ceiling") == 0 ? cfg.window : cfg.batch) * 1e3);
        csv_num(fp, r->single_med);
        csv_num(fp, r->p99);
        csv_num(fp, r->fraction);
        fprintf(fp, ",%s,,,%s,%.0f\n", r->reference, mach.busy, now() - mach.start);
    }
    if (fclose(fp) == EOF)
        die("escrivint %s", path);
}
