/* One engine, several threads: every thread renders the examples (and a
 * broken document) at the same time as the others, and every PDF must be
 * byte for byte the one a single thread renders, with the same diagnostics.
 * Run under ThreadSanitizer (scripts/test, build-tsan) this is the race
 * test of the shared engine: faces, fonts, the template cache. */
#include "check.h"
#include "gongwen.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define THREADS 4
#define ROUNDS  2

static const char *const documents[] = { "examples/xiamen-huli-reply.yaml", "examples/fuzhou-jinan-reply.yaml",
                                         "tests/data/broken/010-title-line-break.yaml" };
#define DOCUMENTS (sizeof documents / sizeof *documents)

typedef struct rendered {
    gw_status      status;
    unsigned char *pdf;
    size_t         len;
    size_t         diagnostics;
    char           first_code[8];
} rendered;

static gw_engine *engine;
static char paths[DOCUMENTS][4096];
static rendered reference[DOCUMENTS];
static rendered results[THREADS][ROUNDS][DOCUMENTS];

static void render(size_t doc, rendered *out)
{
    gw_diagnostics *d = gw_diagnostics_create();
    out->pdf = NULL;
    out->len = 0;
    out->status = gw_render_to_memory(engine, paths[doc], NULL, d, &out->pdf, &out->len);
    out->diagnostics = gw_diagnostics_count(d);
    const gw_diag *first = gw_diagnostics_get(d, 0);
    snprintf(out->first_code, sizeof out->first_code, "%s", first ? first->code : "");
    gw_diagnostics_destroy(d);
}

/* Each thread starts at another document, so that different documents,
 * and the same one, are rendered at the same moment. */
static void *worker(void *arg)
{
    size_t t = (size_t)(uintptr_t)arg;
    for (size_t r = 0; r < ROUNDS; r++)
        for (size_t i = 0; i < DOCUMENTS; i++) {
            size_t doc = (i + t) % DOCUMENTS;
            render(doc, &results[t][r][doc]);
        }
    return NULL;
}

static int same(const rendered *a, const rendered *b)
{
    return a->status == b->status && a->len == b->len && a->diagnostics == b->diagnostics &&
           strcmp(a->first_code, b->first_code) == 0 && (a->len == 0 || memcmp(a->pdf, b->pdf, a->len) == 0);
}

int main(void)
{
    gw_diagnostics *d = gw_diagnostics_create();
    CHECK(gw_engine_create(NULL, d, &engine) == GW_OK);
    gw_diagnostics_destroy(d);
    if (!engine) return check_summary();
    for (size_t i = 0; i < DOCUMENTS; i++) snprintf(paths[i], sizeof paths[i], "%s", source_path(documents[i]));

    /* the threads start cold: the first use of everything (faces read for
     * the PDF, templates, anything a library initialises once) happens in
     * them, at the same time */
    pthread_t threads[THREADS];
    for (size_t t = 0; t < THREADS; t++)
        CHECK(pthread_create(&threads[t], NULL, worker, (void *)(uintptr_t)t) == 0);
    for (size_t t = 0; t < THREADS; t++) pthread_join(threads[t], NULL);

    /* then a second engine, alone, renders the reference */
    gw_engine *shared = engine;
    d = gw_diagnostics_create();
    CHECK(gw_engine_create(NULL, d, &engine) == GW_OK);
    gw_diagnostics_destroy(d);
    for (size_t i = 0; i < DOCUMENTS; i++) render(i, &reference[i]);
    gw_engine_destroy(engine);
    engine = shared;
    CHECK(reference[0].status == GW_OK && reference[0].len > 1000);
    CHECK(reference[1].status == GW_OK && reference[1].len > 1000);
    CHECK(reference[2].status == GW_ERR_INPUT && reference[2].first_code[0] == 'E');

    for (size_t t = 0; t < THREADS; t++)
        for (size_t r = 0; r < ROUNDS; r++)
            for (size_t i = 0; i < DOCUMENTS; i++) {
                CHECK_MSG(same(&results[t][r][i], &reference[i]), "thread %zu round %zu: %s differs (%zu bytes, %zu diagnostics)",
                          t, r, documents[i], results[t][r][i].len, results[t][r][i].diagnostics);
                free(results[t][r][i].pdf);
            }
    for (size_t i = 0; i < DOCUMENTS; i++) free(reference[i].pdf);
    gw_engine_destroy(engine);
    return check_summary();
}
