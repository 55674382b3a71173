/* libFuzzer target: the whole pipeline, a document's bytes to PDF bytes in
 * memory (loading, validation, fonts, text engine, layout, subsetting,
 * libharu, qpdf).  A valid result must be a PDF. */
#include "gongwen.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static gw_engine *engine;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!engine) {
        gw_diagnostics *d = gw_diagnostics_create();
        gw_engine_options opts = { GW_SOURCE_DIR, NULL, NULL };
        if (gw_engine_create(&opts, d, &engine) != GW_OK) abort();
        gw_diagnostics_destroy(d);
    }
    if (size > 64 * 1024) return 0;             /* a letter, not a book: keeps runs fast */
    gw_diagnostics *d = gw_diagnostics_create();
    unsigned char *pdf = NULL;
    size_t len = 0;
    gw_status st = gw_render_buffer(engine, "fuzz.yaml", (const char *)data, size, NULL, d, &pdf, &len);
    if (st == GW_OK && (len < 8 || memcmp(pdf, "%PDF-1.", 7) != 0)) abort();
    if (st != GW_OK && gw_diagnostics_errors(d) == 0) abort();     /* a failure always says why */
    free(pdf);
    gw_diagnostics_destroy(d);
    return 0;
}
