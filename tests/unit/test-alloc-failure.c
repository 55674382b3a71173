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
 *   test-alloc-failure [RUNS]   (default 400 runs spread over the phases)
 *   test-alloc-failure --at N   (one run, the Nth allocation failing) */
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

typedef struct outcome {
    gw_status status;
    int       said_nomem, other_errors;
    uint64_t  after_fonts, total;          /* allocations counted */
} outcome;

static void read_diagnostics(gw_diagnostics *d, outcome *o)
{
    for (size_t i = 0; i < gw_diagnostics_count(d); i++) {
        const gw_diag *g = gw_diagnostics_get(d, i);
        if (g->severity != GW_ERROR) continue;
        if (strcmp(g->code, "E0006") == 0) o->said_nomem = 1;
        else o->other_errors++;
    }
}

static outcome run(uint64_t n)
{
    outcome o = { GW_OK, 0, 0, 0, 0 };
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
        const char *doc = document();
        o.status = gw_render_buffer(e, "doc.yaml", doc, strlen(doc), NULL, d, &pdf, &len);
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

static void expect_nomem(uint64_t n, const outcome *o)
{
    CHECK_MSG(o->status == GW_ERR_NOMEM && o->said_nomem && o->other_errors == 0,
              "allocation %llu failing: status %d, E0006 %s, %d other errors", (unsigned long long)n,
              (int)o->status, o->said_nomem ? "said" : "not said", o->other_errors);
}

/* One run in a child process, so a crash or a leak (LSan at the child's
 * exit) fails that run only and the others still run. */
static int run_apart(uint64_t n)
{
    fflush(stderr);
    pid_t pid = fork();
    if (pid == 0) {
        outcome o = run(n);
        int before = check_failed;
        if (o.total >= n) expect_nomem(n, &o);     /* else the run never got that far */
        exit(check_failed == before ? 0 : 1);
    }
    int status;
    return pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

int main(int argc, char **argv)
{
    if (argc > 2 && strcmp(argv[1], "--at") == 0) {       /* one run, for a debugger */
        uint64_t n = strtoull(argv[2], NULL, 10);
        outcome o = run(n);
        expect_nomem(n, &o);
        return check_summary();
    }
    uint64_t runs = argc > 1 ? strtoull(argv[1], NULL, 10) : 400;
    outcome clean = run(0);
    CHECK(clean.status == GW_OK && clean.other_errors == 0);
    fprintf(stderr, "a whole run makes %llu allocations, %llu of them loading the fonts\n",
            (unsigned long long)clean.total, (unsigned long long)clean.after_fonts);
    /* half the runs over the font loading, half over the rest, each the
     * first allocations of its phase and then evenly spread */
    uint64_t phases[2][2] = { { 1, clean.after_fonts }, { clean.after_fonts + 1, clean.total } };
    uint64_t tried = 0;
    for (int p = 0; p < 2; p++) {
        uint64_t from = phases[p][0], to = phases[p][1], want = runs / 2;
        if (to < from) continue;
        uint64_t stride = (to - from + 1) / want > 0 ? (to - from + 1) / want : 1;
        for (uint64_t n = from; n <= to; n += n < from + 20 ? 1 : stride) {
            CHECK_MSG(run_apart(n), "allocation %llu failing: crashed, leaked or said something else",
                      (unsigned long long)n);
            tried++;
        }
    }
    fprintf(stderr, "%llu runs with one allocation failing\n", (unsigned long long)tried);
    return check_summary();
}
