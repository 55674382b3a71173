/* What a batch tells at the end: each distinct diagnostic once, with the
 * number of documents it came from (a substituted font is said once for
 * the run, not once a document), the summary, and the JSON report. */
#include "cli/batch.h"
#include "cli/cli.h"
#include "util/output.h"
#include "util/messages.h"
#include "util/hash.h"
#include "util/profile.h"
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

static const char *const status_names[] = {
    [JOB_NOT_RUN] = "not-run", [JOB_WRITTEN] = "written", [JOB_ERROR] = "error",
    [JOB_SAME] = "same",       [JOB_DIFFERS] = "differs", [JOB_MISSING] = "missing",
};

const char *batch_status_name(job_status s) { return status_names[s]; }

/* One distinct diagnostic: where it was first seen, and how often. */
typedef struct distinct {
    const gw_diag *diag;
    size_t         documents;
    size_t         last_job;      /* counted once a document */
} distinct;

typedef struct distinct_set {
    distinct *items;
    size_t    count;
    size_t   *slots;              /* open addressing: index + 1, 0 free */
    size_t    slot_count;         /* a power of two, over twice count */
} distinct_set;

static uint64_t diag_hash(const gw_diag *d)
{
    uint64_t h = gw_hash_bytes(GW_HASH_INIT, d->code, strlen(d->code));
    h = gw_hash_bytes(h, d->file, strlen(d->file));
    h = gw_hash_u32(gw_hash_u32(h, d->line), d->column);
    h = gw_hash_bytes(h, d->path, strlen(d->path));
    return gw_hash_bytes(h, d->message, strlen(d->message));
}

static int diag_equal(const gw_diag *a, const gw_diag *b)
{
    return a->severity == b->severity && a->line == b->line && a->column == b->column &&
           strcmp(a->code, b->code) == 0 && strcmp(a->file, b->file) == 0 && strcmp(a->path, b->path) == 0 &&
           strcmp(a->message, b->message) == 0;
}

/* Every diagnostic of every job, each distinct one once, in input order. */
static int collect_distinct(const batch_jobs *jobs, distinct_set *set)
{
    size_t total = 0;
    for (size_t i = 0; i < jobs->count; i++) total += gw_diagnostics_count(jobs->items[i].diags);
    set->slot_count = 16;
    while (set->slot_count < total * 2 + 2) set->slot_count *= 2;
    set->slots = calloc(set->slot_count, sizeof *set->slots);
    set->items = calloc(total ? total : 1, sizeof *set->items);
    set->count = 0;
    if (!set->slots || !set->items) return 0;
    for (size_t i = 0; i < jobs->count; i++)
        for (size_t k = 0; k < gw_diagnostics_count(jobs->items[i].diags); k++) {
            const gw_diag *d = gw_diagnostics_get(jobs->items[i].diags, k);
            size_t s = (size_t)diag_hash(d) & (set->slot_count - 1);
            while (set->slots[s] && !diag_equal(set->items[set->slots[s] - 1].diag, d))
                s = (s + 1) & (set->slot_count - 1);
            if (!set->slots[s]) {
                set->items[set->count] = (distinct){ d, 0, (size_t)-1 };
                set->slots[s] = ++set->count;
            }
            distinct *x = &set->items[set->slots[s] - 1];
            if (x->last_job != i) { x->documents++; x->last_job = i; }
        }
    return 1;
}

static void print_distinct(FILE *to, const distinct_set *set, int quiet, gw_language lang)
{
    for (size_t i = 0; i < set->count; i++) {
        if (quiet && set->items[i].diag->severity == GW_WARNING) continue;
        char note[64] = "";
        if (set->items[i].documents > 1)
            snprintf(note, sizeof note, lang == GW_LANG_ZH ? "（共 %zu 份文件）" : " (in %zu documents)",
                     set->items[i].documents);
        cli_print_diag(to, set->items[i].diag, note);
    }
}

/* "W0811 5988, W0402 3": occurrences by code, codes in first-seen order. */
static void print_by_code(FILE *to, const batch_jobs *jobs, const distinct_set *set, gw_severity sev)
{
    int any = 0;
    for (size_t i = 0; i < set->count; i++) {
        const char *code = set->items[i].diag->code;
        int seen = set->items[i].diag->severity != sev;
        for (size_t k = 0; !seen && k < i; k++) seen = strcmp(set->items[k].diag->code, code) == 0;
        if (seen) continue;
        size_t n = 0;
        for (size_t j = 0; j < jobs->count; j++)
            for (size_t k = 0; k < gw_diagnostics_count(jobs->items[j].diags); k++)
                n += strcmp(gw_diagnostics_get(jobs->items[j].diags, k)->code, code) == 0;
        fprintf(to, "%s%s %zu", any ? ", " : "", code, n);
        any = 1;
    }
    if (!any) fputs("-", to);
    fputc('\n', to);
}

static void print_counts(FILE *to, const batch_totals *t, gw_language lang)
{
    static const char *const en[] = { [JOB_NOT_RUN] = "not rendered", [JOB_WRITTEN] = "written",
                                      [JOB_ERROR] = "with errors", [JOB_SAME] = "the same",
                                      [JOB_DIFFERS] = "different", [JOB_MISSING] = "missing" };
    static const char *const zh[] = { [JOB_NOT_RUN] = "未处理", [JOB_WRITTEN] = "写出",
                                      [JOB_ERROR] = "有错误", [JOB_SAME] = "一致",
                                      [JOB_DIFFERS] = "不一致", [JOB_MISSING] = "缺失" };
    static const job_status order[] = { JOB_WRITTEN, JOB_SAME, JOB_DIFFERS, JOB_MISSING, JOB_ERROR, JOB_NOT_RUN };
    int first = 1;
    for (size_t i = 0; i < sizeof order / sizeof *order; i++) {
        job_status s = order[i];
        int shown = t->count[s] || s == JOB_ERROR || (s == JOB_WRITTEN && !t->check) || (s == JOB_SAME && t->check);
        if (!shown) continue;
        if (lang == GW_LANG_ZH) fprintf(to, "%s%s %zu 份", first ? "" : "，", zh[s], t->count[s]);
        else fprintf(to, "%s%zu %s", first ? "" : ", ", t->count[s], en[s]);
        first = 0;
    }
    fputc('\n', to);
}

void batch_print_summary(FILE *to, const batch_jobs *jobs, const batch_totals *t, int quiet, gw_language lang)
{
    distinct_set set;
    memset(&set, 0, sizeof set);
    if (collect_distinct(jobs, &set)) print_distinct(to, &set, quiet, lang);
    double rate = t->seconds > 0 ? (double)jobs->count / t->seconds : 0;
    if (lang == GW_LANG_ZH)
        fprintf(to, "gongwen batch：%zu 份文件，用时 %.2f 秒（%d 个线程，每秒 %.0f 份）：", jobs->count, t->seconds,
                t->threads, rate);
    else
        fprintf(to, "gongwen batch: %zu document%s in %.2f s (%d thread%s, %.0f a second): ", jobs->count,
                jobs->count == 1 ? "" : "s", t->seconds, t->threads, t->threads == 1 ? "" : "s", rate);
    print_counts(to, t, lang);
    if (t->interrupted)
        fprintf(to, lang == GW_LANG_ZH ? "gongwen batch：因信号 %d 停止\n" : "gongwen batch: stopped by signal %d\n",
                t->interrupted);
    fputs(lang == GW_LANG_ZH ? "gongwen batch：警告（按代码）：" : "gongwen batch: warnings by code: ", to);
    print_by_code(to, jobs, &set, GW_WARNING);
    free(set.items);
    free(set.slots);
}

void batch_print_profile(FILE *to, size_t documents)
{
    double total = 0, per = documents ? 1e6 * (double)documents : 1e6;
    fputs("gongwen batch: ms a document by stage:", to);
    for (int s = 0; s < GW_STAGE_COUNT; s++) {
        double ms = (double)gw_profile_total((gw_stage)s) / per;
        total += ms;
        fprintf(to, "%s %s %.2f", s ? "," : "", gw_profile_stage_name((gw_stage)s), ms);
    }
    fprintf(to, "; total %.2f\n", total);
}

static void json_diagnostics(FILE *to, const gw_diagnostics *diags)
{
    fputs("[", to);
    for (size_t i = 0; i < gw_diagnostics_count(diags); i++) {
        const gw_diag *d = gw_diagnostics_get(diags, i);
        fprintf(to, "%s{\"severity\": \"%s\", \"code\": ", i ? ", " : "", d->severity == GW_ERROR ? "error" : "warning");
        cli_json_string(to, d->code);
        fputs(", \"file\": ", to);
        cli_json_string(to, d->file);
        if (d->line) fprintf(to, ", \"line\": %u, \"column\": %u", d->line, d->column);
        else fputs(", \"line\": null, \"column\": null", to);
        fputs(", \"path\": ", to);
        cli_json_string(to, d->path);
        fputs(", \"message\": ", to);
        cli_json_string(to, d->message);
        fputs("}", to);
    }
    fputs("]", to);
}

static void json_job(FILE *to, const batch_job *j)
{
    fputs("    {\"input\": ", to);
    cli_json_string(to, j->input);
    fputs(", \"output\": ", to);
    cli_json_string(to, j->output);
    fprintf(to, ", \"status\": \"%s\"", batch_status_name(j->status));
    int rendered = j->sha256[0] != '\0';
    if (rendered) fprintf(to, ", \"pages\": %zu, \"bytes\": %zu, \"sha256\": \"%s\"", j->pages, j->bytes, j->sha256);
    else fputs(", \"pages\": null, \"bytes\": null, \"sha256\": null", to);
    fprintf(to, ", \"milliseconds\": %.3f, \"diagnostics\": ", j->milliseconds);
    json_diagnostics(to, j->diags);
    fputs("}", to);
}

static void json_report(FILE *to, const batch_jobs *jobs, const batch_totals *t)
{
    fprintf(to, "{\n  \"report\": 1,\n  \"gongwen\": \"%s\",\n  \"check\": %s,\n  \"threads\": %d,\n"
                "  \"seconds\": %.3f,\n  \"interrupted_by_signal\": ",
            gw_version(), t->check ? "true" : "false", t->threads, t->seconds);
    if (t->interrupted) fprintf(to, "%d", t->interrupted);
    else fputs("null", to);
    fprintf(to, ",\n  \"summary\": {\"documents\": %zu", jobs->count);
    for (int s = JOB_NOT_RUN; s <= JOB_MISSING; s++) fprintf(to, ", \"%s\": %zu", status_names[s], t->count[s]);
    fputs("},\n  \"documents\": [\n", to);
    for (size_t i = 0; i < jobs->count; i++) {
        json_job(to, &jobs->items[i]);
        fputs(i + 1 < jobs->count ? ",\n" : "\n", to);
    }
    fputs("  ]\n}\n", to);
}

int batch_write_report(const char *path, const batch_jobs *jobs, const batch_totals *t, gw_diagnostics *diags)
{
    char *data = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&data, &len);
    if (!mem) {
        gw_report(diags, gw_loc_file(path), GW_MSG_NO_MEMORY);
        return 0;
    }
    json_report(mem, jobs, t);
    int ok = fclose(mem) == 0;
    if (!ok) gw_report(diags, gw_loc_file(path), GW_MSG_NO_MEMORY);
    else ok = gw_write_output(path, data, len, diags);
    free(data);
    return ok;
}
