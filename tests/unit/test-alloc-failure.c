/* The allocation-failure injector: the whole pipeline (fonts, the
 * document, layout, the PDF) is run again and again with the Nth
 * allocation failing, for N over the whole run, and every run must end
 * in GW_ERR_NOMEM with E0006 said: never a crash, a leak (ASan / LSan), a
 * silent substitute or another error in its place.
 *
 * The program is linked with -Wl,--wrap for malloc, calloc, realloc,
 * strdup and strndup, so every allocation gongwen's own code makes goes
 * through the counter below (the libraries' internal ones do not: their
 * failures reach gongwen as the libraries' own errors).  That works with
 * AddressSanitizer, which a malloc of our own would not.
 *
 * Besides the built-in letter below, a notice (in memory too) and examples
 * (from their files) take the paths the letter does not: a title in lines,
 * a body as a list (levels, a page break), attachments with pages, a seal
 * image, an order, minutes, joint issuers; and two documents with errors,
 * which may say theirs, but no error their clean run does not.  The fonts
 * are loaded the same way for every document, so their allocations are
 * swept with the letter only.
 *
 *   test-alloc-failure [RUNS]          (about RUNS runs spread over every
 *                                       phase of every document; default
 *                                       $GW_ALLOC_RUNS, else 400)
 *   test-alloc-failure --all           (every allocation of every document)
 *   test-alloc-failure --at N [DOC]    (one run, the Nth allocation failing;
 *                                       DOC: letter (default), notice,
 *                                       slips, mistakes or an example's
 *                                       path) */
#include "check.h"
#include <execinfo.h>
#include "gongwen.h"
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
char *__real_strndup(const char *s, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);
char *__wrap_strndup(const char *s, size_t n);

static uint64_t allocations, fail_at;      /* fail_at 0: none fails */

/* GW_ALLOC_TRACE=1 prints where the failing allocation was made. */
static int fails(void)
{
    if (++allocations != fail_at) return 0;
    if (getenv("GW_ALLOC_TRACE")) {
        void *frames[12];
        int n = backtrace(frames, 12);
        backtrace_symbols_fd(frames, n, 2);
    }
    return 1;
}

void *__wrap_malloc(size_t n) { return fails() ? NULL : __real_malloc(n); }
void *__wrap_calloc(size_t n, size_t size) { return fails() ? NULL : __real_calloc(n, size); }
void *__wrap_realloc(void *p, size_t n) { return fails() ? NULL : __real_realloc(p, n); }
char *__wrap_strdup(const char *s) { return fails() ? NULL : __real_strdup(s); }
char *__wrap_strndup(const char *s, size_t n) { return fails() ? NULL : __real_strndup(s, n); }

/* A letter that takes every phase: fallback fonts (𠀀), emphasis, a
 * heading, contacts, 抄送, two pages. */
static const char *document(void)
{
    static char doc[16384];
    int n = snprintf(doc, sizeof doc,
                     "gongwen: 1\ntemplate: letter\nissuer: 测试市卫生健康局\nnumber: 测卫函〔2025〕1号\n"
                     "title: 关于测试𠀀的函\nto: 张三委员\nbody: |\n  您的来信收悉。现答复如下：\n"
                     "  一、**总体情况**\n");
    for (int i = 0; i < 20 && n < (int)sizeof doc - 400; i++)
        n += snprintf(doc + n, sizeof doc - (size_t)n,
                      "  我们高度重视，认真研究了您提出的建议（第%d条），并结合工作实际，逐项落实。\n", i + 1);
    snprintf(doc + n, sizeof doc - (size_t)n,
             "contacts:\n  - 联系人: 李四\n    联系电话: \"0592-1234567\"\nsignature:\n  date: 2025-06-12\n"
             "note: 此件主动公开\ncc: [区政协提案委员会]\n");
    return doc;
}

/* A notice in the file template: what the letter leaves out. */
static const char notice[] =
    "gongwen: 1\ntemplate: file\nissuer: 测试市人民政府办公室\nnumber: 测政办发〔2025〕3号\nsigners: [张三]\n"
    "title:\n  - 关于开展测试工作的\n  - 通知\nto: [各区人民政府, 市直各部门]\n"
    "body:\n  - 为做好测试工作，现将有关事项通知如下。\n  - heading: 工作要求\n    level: 1\n"
    "  - 各单位要**高度重视**，认真组织实施。\n  - page_break: true\n  - heading: （一）时间安排\n"
    "  - 2025年6月底前完成。\n"
    "attachments:\n  - 测试工作方案\n  - name: 测试工作安排表\n    body: |\n      一、第一阶段\n      准备工作。\n"
    "signature:\n  date: 2025-06-12\nnote: [此件公开发布, 联系人：李四]\ncc: [市委办公室, 市人大常委会办公室]\n"
    "print:\n  by: 测试市人民政府办公室\n  date: 2025-06-13\n";

/* Documents with errors: out of memory must not turn into another error,
 * nor take one of theirs away but for those it keeps from being reached.
 * A slip libyaml stops at (yaml-slips.c), and mistakes in every part. */
static const char slips[] =
    "gongwen: 1\ntemplate: letter\nissuer: 测试市卫生健康局\nnumber: 测卫函〔2025〕1号\ntitle:关于测试的函\n"
    "to: 张三委员\nbody: |\n  您的来信收悉。\nsignature:\n  date: 2025-06-12\n";
static const char mistakes[] =
    "gongwen: 1\ntemplate: letter\nissuer: 测试市卫生健康局\nnumber: 测卫函[2025]01号\ntitel: 关于测试的函\n"
    "to: <<主送机关>>\nbody: |\n  您的来信收悉。\n  （一)总体情况\ncontacts:\n  - 联系人: 李四\n    联系人: 王五\n"
    "signature:\n  date: 2025-13-12\nreply:\n  category: e\n";

/* The text of a built-in document, or NULL for a file. */
static const char *builtin(const char *name)
{
    if (strcmp(name, "letter") == 0) return document();
    if (strcmp(name, "notice") == 0) return notice;
    if (strcmp(name, "slips") == 0) return slips;
    return strcmp(name, "mistakes") == 0 ? mistakes : NULL;
}

static int has_errors(const char *name) { return strcmp(name, "slips") == 0 || strcmp(name, "mistakes") == 0; }

typedef struct outcome {
    gw_status status;
    int       said_nomem, other_errors;    /* E0006 said how often; other errors */
    uint64_t  after_fonts, total;          /* allocations counted */
    char      errors[32][64];              /* the other errors: code file:line:col, the first 32 */
} outcome;

/* The clean run of the document being swept (a child inherits it). */
static outcome clean_run;

static int verbose;                        /* --at: every diagnostic printed */

static void read_diagnostics(gw_diagnostics *d, outcome *o)
{
    for (size_t i = 0; i < gw_diagnostics_count(d); i++) {
        const gw_diag *g = gw_diagnostics_get(d, i);
        if (verbose) fprintf(stderr, "  said: %s:%u:%u: %s [%s]: %s\n", g->file, g->line, g->column, g->code,
                             g->path, g->message);
        if (g->severity != GW_ERROR) continue;
        if (strcmp(g->code, "E0006") == 0) { o->said_nomem++; continue; }
        if (o->other_errors < 32)
            snprintf(o->errors[o->other_errors], sizeof o->errors[0], "%s %s:%u:%u", g->code, g->file, g->line,
                     g->column);
        o->other_errors++;
    }
}

/* The documents after the letter. */
static const char *const others[] = {
    "notice", "slips", "mistakes", "examples/huli-sealed-reply.yaml", "examples/jinan-district-order.yaml",
    "examples/jinan-health-minutes.yaml", "examples/jinan-joint-request.yaml",
};

/* Renders the document (builtin, else a file) with the nth allocation failing. */
static outcome run(uint64_t n, const char *doc)
{
    outcome o;
    memset(&o, 0, sizeof o);
    allocations = 0;
    fail_at = n;
    gw_diagnostics *d = gw_diagnostics_create();
    gw_engine *e = NULL;
    gw_engine_options opts = { GW_SOURCE_DIR, NULL, NULL };
    unsigned char *pdf = NULL;
    size_t len = 0;
    if (!d) o.status = GW_ERR_NOMEM;
    else o.status = gw_engine_create(&opts, d, &e);
    o.after_fonts = allocations;
    if (o.status == GW_OK) {
        const char *text = builtin(doc);
        o.status = text ? gw_render_buffer(e, doc, text, strlen(text), NULL, d, &pdf, &len)
                        : gw_render_to_memory(e, source_path(doc), NULL, d, &pdf, &len);
    }
    o.total = allocations;
    fail_at = 0;                             /* reading the diagnostics may allocate */
    if (d) read_diagnostics(d, &o);
    else o.said_nomem = 1;                   /* no list to say it in: the caller's NULL is the message */
    if (o.status == GW_OK) CHECK_MSG(len > 8 && memcmp(pdf, "%PDF-", 5) == 0, "run %llu: no PDF", (unsigned long long)n);
    free(pdf);
    gw_engine_destroy(e);
    gw_diagnostics_destroy(d);
    return o;
}

/* Whether every other error of o was said in the clean run too. */
static int errors_of_clean_run(const outcome *o)
{
    if (o->other_errors > 32 || o->other_errors > clean_run.other_errors) return 0;
    for (int i = 0; i < o->other_errors; i++) {
        int found = 0;
        for (int k = 0; k < clean_run.other_errors && k < 32 && !found; k++)
            found = strcmp(o->errors[i], clean_run.errors[k]) == 0;
        if (!found) return 0;
    }
    return 1;
}

static void expect_nomem(uint64_t n, const outcome *o)
{
    CHECK_MSG(o->status == GW_ERR_NOMEM && o->said_nomem == 1 && errors_of_clean_run(o),
              "allocation %llu failing: status %d, E0006 said %d times, %d other errors%s%s", (unsigned long long)n,
              (int)o->status, o->said_nomem, o->other_errors, o->other_errors ? ", the first: " : "",
              o->other_errors ? o->errors[0] : "");
}

/* One run in a child process, so a crash or a leak (LSan at the child's
 * exit) fails that run only and the others still run. */
static int run_apart(uint64_t n, const char *doc)
{
    fflush(stderr);
    pid_t pid = fork();
    if (pid == 0) {
        outcome o = run(n, doc);
        int before = check_failed;
        if (o.total >= n) expect_nomem(n, &o);     /* else the run never got that far */
        exit(check_failed == before ? 0 : 1);
    }
    int status;
    return pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* About `want` runs with an allocation from..to failing (every one when
 * want is 0): up to 20 of them the first allocations of the phase, where
 * its set-up is, the rest spread evenly. */
static uint64_t sweep(const char *doc, uint64_t from, uint64_t to, uint64_t want)
{
    uint64_t tried = 0, span = to - from + 1, first = !want ? span : want / 2 < 20 ? want / 2 : 20;
    uint64_t spread = want > first ? want - first : 1, stride = span / spread > 1 ? span / spread : 1;
    for (uint64_t n = from; n <= to; n += n < from + first ? 1 : stride) {
        CHECK_MSG(run_apart(n, doc), "allocation %llu failing in %s: crashed, leaked or said something else",
                  (unsigned long long)n, doc);
        tried++;
    }
    return tried;
}

/* The runs of one of `parts` phases: at least one (0, every one, stays 0). */
static uint64_t share(uint64_t runs, uint64_t parts) { return runs && runs / parts == 0 ? 1 : runs / parts; }

/* A clean run first: how many allocations the document takes, and the
 * errors of a document that has them. */
static outcome measure(const char *doc)
{
    clean_run = run(0, doc);
    const outcome *c = &clean_run;
    if (has_errors(doc))
        CHECK_MSG(c->status == GW_ERR_INPUT && c->other_errors > 0 && c->other_errors <= 32 && !c->said_nomem,
                  "%s has errors", doc);
    else
        CHECK_MSG(c->status == GW_OK && c->other_errors == 0 && !c->said_nomem, "%s renders", doc);
    fprintf(stderr, "%s: %llu allocations, %llu of them loading the fonts\n", doc,
            (unsigned long long)c->total, (unsigned long long)c->after_fonts);
    return clean_run;
}

int main(int argc, char **argv)
{
    if (argc > 2 && strcmp(argv[1], "--at") == 0) {       /* one run, for a debugger */
        uint64_t n = strtoull(argv[2], NULL, 10);
        const char *doc = argc > 3 ? argv[3] : "letter";
        measure(doc);
        verbose = 1;
        outcome o = run(n, doc);
        expect_nomem(n, &o);
        return check_summary();
    }
    int all = argc > 1 && strcmp(argv[1], "--all") == 0;
    const char *env = getenv("GW_ALLOC_RUNS");
    uint64_t runs = all ? 0 : strtoull(argc > 1 ? argv[1] : env ? env : "400", NULL, 10);
    /* a quarter of the runs over the font loading, a quarter over the
     * letter, half over the others */
    size_t count = sizeof others / sizeof *others;
    outcome clean = measure("letter");
    uint64_t tried = sweep("letter", 1, clean.after_fonts, share(runs, 4));
    tried += sweep("letter", clean.after_fonts + 1, clean.total, share(runs, 4));
    for (size_t i = 0; i < count; i++) {
        outcome o = measure(others[i]);
        tried += sweep(others[i], o.after_fonts + 1, o.total, share(runs, 2 * count));
    }
    fprintf(stderr, "%llu runs with one allocation failing\n", (unsigned long long)tried);
    return check_summary();
}
