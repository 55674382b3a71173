/* gongwen batch INPUTS... -o OUTDIR [-j N] [--fail-fast] [--check]
 * [--report FILE.json]: many documents on one engine (fonts and templates
 * loaded once), rendered by N threads.
 *
 * Safety: each PDF is written to a temporary file beside it and renamed
 * (a document with errors writes nothing, so a good PDF is never replaced
 * by a broken one); SIGINT and SIGTERM let the documents being rendered
 * finish and start no other, so no partial or temporary file is left; the
 * PDFs do not depend on -j. */
#include "cli/batch.h"
#include "cli/cli.h"
#include "util/output.h"
#include "util/messages.h"
#include "util/profile.h"
#include <errno.h>
#include <fcntl.h>
#include <nettle/sha2.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The help (help-text.c: in the user's language, as the other commands'). */
static void usage(FILE *to)
{
    cli_help(to, "batch");
}

typedef struct options {
    cli_common   common;      /* --font-path, --quiet: as render's */
    const char  *outdir, *report;
    long         threads;
    int          fail_fast, check, profile, help;
} options;

static const cli_option option_table[] = {
    { "output", 'o', "OUTDIR", NULL }, { "jobs", 'j', "N", NULL }, { "fail-fast", 0, NULL, NULL },
    { "check", 0, NULL, NULL }, { "report", 0, "FILE", NULL }, { "profile", 0, NULL, NULL },
    { "font-path", 0, "DIR", NULL }, { "quiet", 'q', NULL, NULL }, { "help", 'h', NULL, NULL },
    { NULL, 0, NULL, NULL },
};

typedef struct batch {
    gw_engine        *engine;
    gw_render_options render;
    const options    *opt;
    batch_jobs        jobs;
    atomic_size_t     next, done, failed;
    atomic_int        stop;
    pthread_mutex_t   lock;       /* guards live */
    pthread_cond_t    changed;    /* a worker ended */
    int               live;
} batch;

/* Atomic, not volatile sig_atomic_t: the workers read it too, and a
 * lock-free atomic may be stored from a signal handler. */
static atomic_int stop_signal;
_Static_assert(ATOMIC_INT_LOCK_FREE == 2, "a signal handler may store only a lock-free atomic");

static void on_signal(int sig) { atomic_store(&stop_signal, sig); }

static double now_seconds(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void sha256_hex(const unsigned char *data, size_t len, char out[65])
{
    struct sha256_ctx ctx;
    uint8_t digest[SHA256_DIGEST_SIZE];
    sha256_init(&ctx);
    sha256_update(&ctx, len, data);
    sha256_digest(&ctx, sizeof digest, digest);
    for (size_t i = 0; i < sizeof digest; i++) snprintf(out + 2 * i, 3, "%02x", digest[i]);
}

/* mkdir -p for the folders above path (threads may race: EEXIST is fine). */
static int make_parents(const char *path)
{
    char *p = strdup(path);
    int ok = p != NULL;
    for (char *s = p ? strchr(p + 1, '/') : NULL; ok && s; s = strchr(s + 1, '/')) {
        *s = '\0';
        ok = mkdir(p, 0777) == 0 || errno == EEXIST;
        *s = '/';
    }
    free(p);
    return ok;
}

static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* --check: the PDF on disk against the one just rendered.  Only a regular
 * file is read (a FIFO there would block the run): anything else differs. */
static job_status compare_with_disk(batch_job *j, const gw_rendered *r)
{
    int fd = open(j->output, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return errno == ENOENT ? JOB_MISSING : JOB_DIFFERS;
    struct stat info;
    FILE *f = fstat(fd, &info) == 0 && S_ISREG(info.st_mode) ? fdopen(fd, "rb") : NULL;
    if (!f) {
        close(fd);
        return JOB_DIFFERS;
    }
    unsigned char *buf = malloc(r->len + 1);
    size_t got = buf ? fread(buf, 1, r->len + 1, f) : 0;
    fclose(f);
    job_status st = got == r->len && memcmp(buf, r->pdf, r->len) == 0 ? JOB_SAME : JOB_DIFFERS;
    free(buf);
    if (buf) return st;
    gw_report(j->diags, gw_loc_file(j->output), GW_MSG_NO_MEMORY);
    j->render_status = GW_ERR_NOMEM;
    return JOB_ERROR;
}

/* As render writes (util/output.h): a regular file replaced atomically, a
 * pipe or a device written into, anything else refused with E0004. */
static job_status write_output(batch_job *j, const gw_rendered *r)
{
    if (same_file(j->input, j->output)) gw_report(j->diags, gw_loc_file(j->output), GW_MSG_OVERWRITES_INPUT);
    else if (!make_parents(j->output)) gw_report(j->diags, gw_loc_file(j->output), GW_MSG_CANNOT_WRITE, strerror(errno));
    else if (gw_write_output(j->output, r->pdf, r->len, j->diags)) return JOB_WRITTEN;
    j->render_status = GW_ERR_IO;
    return JOB_ERROR;
}

static void run_job(batch *b, batch_job *j)
{
    double start = now_seconds();
    j->diags = gw_diagnostics_create();
    gw_diagnostics_set_language(j->diags, cli_language());
    gw_rendered r;
    memset(&r, 0, sizeof r);
    if (j->not_regular) {
        gw_report(j->diags, gw_loc_file(j->input), GW_MSG_DOCUMENT_NOT_REGULAR);
        j->render_status = GW_ERR_INPUT;
    } else {
        j->render_status = gw_render_document(b->engine, j->input, &b->render, j->diags, &r);
    }
    if (j->render_status == GW_OK) {
        j->pages = r.pages;
        j->bytes = r.len;
        sha256_hex(r.pdf, r.len, j->sha256);
        uint64_t written = gw_profile_clock();
        j->status = b->opt->check ? compare_with_disk(j, &r) : write_output(j, &r);
        gw_profile_since(GW_STAGE_OUTPUT, written);
    } else {
        j->status = JOB_ERROR;
    }
    free(r.pdf);
    j->milliseconds = (now_seconds() - start) * 1000;
}

static void *worker(void *arg)
{
    batch *b = arg;
    while (!atomic_load(&b->stop) && !atomic_load(&stop_signal)) {
        size_t i = atomic_fetch_add(&b->next, 1);
        if (i >= b->jobs.count) break;
        batch_job *j = &b->jobs.items[i];
        run_job(b, j);
        if (j->status != JOB_WRITTEN && j->status != JOB_SAME) {
            atomic_fetch_add(&b->failed, 1);
            if (b->opt->fail_fast) atomic_store(&b->stop, 1);
        }
        atomic_fetch_add(&b->done, 1);
    }
    pthread_mutex_lock(&b->lock);
    b->live--;
    pthread_cond_signal(&b->changed);
    pthread_mutex_unlock(&b->lock);
    return NULL;
}

/* The progress line on a terminal: done/total, rate, time left. */
static void show_progress(const batch *b, double start, int tty, size_t *last_step)
{
    size_t done = atomic_load(&b->done), total = b->jobs.count, failed = atomic_load(&b->failed);
    double elapsed = now_seconds() - start, rate = elapsed > 0 ? (double)done / elapsed : 0;
    if (tty) {
        int width = 30, filled = total ? (int)(width * done / total) : width;
        fprintf(stderr, "\r[%.*s%*s] %zu/%zu  %zu with errors  %.0f/s  ETA %.0f s\033[K", filled,
                "==============================", width - filled, "", done, total, failed, rate,
                rate > 0 ? (double)(total - done) / rate : 0.0);
        return;
    }
    /* elsewhere a plain line at each tenth, for logs */
    size_t step = total >= 10 ? done * 10 / total : 0;
    if (step > *last_step && step < 10) {
        fprintf(stderr, "gongwen batch: %zu/%zu documents, %zu with errors\n", done, total, failed);
        *last_step = step;
    }
}

/* Waits for the workers, showing progress and passing a signal on. */
static void wait_for_workers(batch *b, double start)
{
    int tty = isatty(STDERR_FILENO);
    size_t last_step = 0;
    pthread_mutex_lock(&b->lock);
    while (b->live > 0) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += 100 * 1000 * 1000;
        if (until.tv_nsec >= 1000000000L) { until.tv_sec++; until.tv_nsec -= 1000000000L; }
        pthread_cond_timedwait(&b->changed, &b->lock, &until);
        if (atomic_load(&stop_signal)) atomic_store(&b->stop, 1);
        show_progress(b, start, tty, &last_step);
    }
    pthread_mutex_unlock(&b->lock);
    if (tty) fputs("\r\033[K", stderr);
}

/* Starts the workers with SIGINT and SIGTERM blocked, so that the main
 * thread, which only sets a flag, is the one to take them. */
static int start_workers(batch *b, pthread_t *threads, long n)
{
    sigset_t block, old;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &block, &old);
    long started = 0;
    for (; started < n; started++) {
        pthread_mutex_lock(&b->lock);
        b->live++;
        pthread_mutex_unlock(&b->lock);
        if (pthread_create(&threads[started], NULL, worker, b) != 0) {
            pthread_mutex_lock(&b->lock);
            b->live--;
            pthread_mutex_unlock(&b->lock);
            break;
        }
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return (int)started;
}

static void catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

static int exit_code(const batch_jobs *jobs, const batch_totals *t)
{
    int rc = EXIT_OK;
    for (size_t i = 0; i < jobs->count; i++) {
        const batch_job *j = &jobs->items[i];
        int one = j->status == JOB_ERROR ? cli_exit_code(j->render_status)
                  : j->status == JOB_DIFFERS || j->status == JOB_MISSING ? EXIT_INPUT : EXIT_OK;
        if (one > rc) rc = one;
    }
    return rc == EXIT_OK && t->count[JOB_NOT_RUN] ? EXIT_INPUT : rc;
}

static void count_jobs(const batch_jobs *jobs, batch_totals *t)
{
    for (size_t i = 0; i < jobs->count; i++) t->count[jobs->items[i].status]++;
}

/* Renders every job; returns the exit code. */
static int run_all(batch *b, batch_totals *totals)
{
    long n = b->opt->threads > 0 ? b->opt->threads : sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1) n = 1;
    if ((size_t)n > b->jobs.count) n = b->jobs.count ? (long)b->jobs.count : 1;
    pthread_t *threads = calloc((size_t)n, sizeof *threads);
    if (!threads) return EXIT_ENV;
    double start = now_seconds();
    catch_signals();
    int started = start_workers(b, threads, n);
    if (started > 0) wait_for_workers(b, start);
    for (int i = 0; i < started; i++) pthread_join(threads[i], NULL);
    free(threads);
    totals->seconds = now_seconds() - start;
    totals->threads = started;
    totals->check = b->opt->check;
    totals->interrupted = atomic_load(&stop_signal);
    count_jobs(&b->jobs, totals);
    return started > 0 ? exit_code(&b->jobs, totals) : EXIT_ENV;
}

static int on_option(void *ctx, const cli_option *opt, const char *value)
{
    options *o = ctx;
    char *end;
    if (!strcmp(opt->name, "output")) o->outdir = value;
    else if (!strcmp(opt->name, "jobs")) {
        o->threads = strtol(value, &end, 10);
        if (*end || end == value || o->threads < 1 || o->threads > 1024) {
            fprintf(stderr, cli_language() == GW_LANG_ZH ? "gongwen batch：-j 的值须为 1 到 1024 的整数，而不是 %s\n"
                                                         : "gongwen batch: -j takes a number from 1 to 1024, not %s\n",
                    value);
            return 0;
        }
    } else if (!strcmp(opt->name, "fail-fast")) o->fail_fast = 1;
    else if (!strcmp(opt->name, "check")) o->check = 1;
    else if (!strcmp(opt->name, "report")) o->report = value;
    else if (!strcmp(opt->name, "profile")) o->profile = 1;
    else if (!strcmp(opt->name, "font-path")) cli_font_path_add(&o->common, value);
    else if (!strcmp(opt->name, "quiet")) o->common.quiet = 1;
    else o->help = 1;
    return 1;
}

/* OUTDIR is made when missing; something else than a folder there would
 * fail every document alike: said once, before any is rendered. */
static int outdir_usable(const char *outdir)
{
    struct stat st;
    if (stat(outdir, &st) != 0 || S_ISDIR(st.st_mode)) return 1;
    fprintf(stderr, cli_language() == GW_LANG_ZH ? "gongwen batch：%s 不是目录\n" : "gongwen batch: %s is not a folder\n",
            outdir);
    return 0;
}

/* The options, then the documents the operands name; *rc stays -1 when
 * the run may go on. */
static int parse_options(int argc, char **argv, options *o, batch_jobs *jobs, int *rc)
{
    const char **inputs;
    int ninputs;
    *rc = -1;
    if (!cli_parse("batch", option_table, argc, argv, on_option, o, &inputs, &ninputs)) *rc = inputs ? EXIT_USAGE : EXIT_ENV;
    else if (o->help) { usage(stdout); *rc = EXIT_OK; }
    else if (!o->outdir || !ninputs) *rc = EXIT_USAGE;
    else if (!outdir_usable(o->outdir)) *rc = EXIT_USAGE;
    for (int i = 0; *rc < 0 && i < ninputs; i++)
        if (!batch_add_inputs(jobs, inputs[i], o->outdir)) *rc = EXIT_USAGE;
    if (*rc < 0 && !batch_check_outputs(jobs)) *rc = EXIT_USAGE;
    if (*rc == EXIT_USAGE) cli_usage_hint("batch");
    free(inputs);
    return *rc < 0;
}


static int open_engine(batch *b)
{
    gw_diagnostics *diags = gw_diagnostics_create();
    gw_diagnostics_set_language(diags, cli_language());
    gw_engine_options eo = { NULL, NULL, cli_font_path(&b->opt->common) };
    gw_status st = gw_engine_create(&eo, diags, &b->engine);
    for (size_t i = 0; i < gw_diagnostics_count(diags); i++) {
        const gw_diag *d = gw_diagnostics_get(diags, i);
        if (!b->opt->common.quiet || d->severity == GW_ERROR) cli_print_diag(stderr, d, NULL);
    }
    gw_diagnostics_destroy(diags);
    return st == GW_OK;
}

/* The report goes where render's PDF would (util/output.h): - is standard
 * output, /dev/null stays a device; a problem is said as E0004. */
static int write_report(const char *path, const batch_jobs *jobs, const batch_totals *totals)
{
    gw_diagnostics *diags = gw_diagnostics_create();
    if (!diags) return 0;
    gw_diagnostics_set_language(diags, cli_language());
    int ok = batch_write_report(path, jobs, totals, diags);
    cli_print_diagnostics(diags);
    gw_diagnostics_destroy(diags);
    return ok;
}

/* A signal that stopped the run ends the process the way it would have
 * without a handler, once everything is cleaned up. */
static void pass_signal_on(int sig)
{
    signal(sig, SIG_DFL);
    raise(sig);
}

int cmd_batch(int argc, char **argv)
{
    options o;
    memset(&o, 0, sizeof o);
    gw_buf_init(&o.common.font_path);
    batch b;
    memset(&b, 0, sizeof b);
    b.opt = &o;
    int rc;
    gw_render_options_init(&b.render);
    if (parse_options(argc, argv, &o, &b.jobs, &rc) && !cli_source_date_epoch(&b.render.source_date_epoch)) {
        fprintf(stderr, "gongwen batch: SOURCE_DATE_EPOCH must be a number of seconds\n");
        rc = EXIT_USAGE;
    }
    gw_profile_enable(o.profile);
    if (rc < 0 && !open_engine(&b)) rc = EXIT_ENV;
    if (rc < 0) {
        batch_totals totals;
        memset(&totals, 0, sizeof totals);
        pthread_mutex_init(&b.lock, NULL);
        pthread_cond_init(&b.changed, NULL);
        rc = run_all(&b, &totals);
        batch_print_summary(stderr, &b.jobs, &totals, o.common.quiet, cli_language());
        if (o.profile) batch_print_profile(stderr, b.jobs.count);
        if (o.report && !write_report(o.report, &b.jobs, &totals) && rc < EXIT_ENV) rc = EXIT_ENV;
        pthread_cond_destroy(&b.changed);
        pthread_mutex_destroy(&b.lock);
    }
    gw_engine_destroy(b.engine);
    batch_jobs_free(&b.jobs);
    gw_buf_free(&o.common.font_path);
    if (atomic_load(&stop_signal)) pass_signal_on(atomic_load(&stop_signal));
    return rc;
}
