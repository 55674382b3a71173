/* libFuzzer target: a document file's bytes through loading and the whole
 * validation (gongwen check), in memory. */
#include "document/document.h"
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gw_diagnostics *d = gw_diagnostics_create();
    size_t errors = 0;
    gw_document *doc = gw_document_read_memory("fuzz.yaml", GW_SOURCE_DIR "/tests/data/broken",
                                               (const char *)data, size, d, &errors);
    /* every diagnostic carries a code and a message */
    for (size_t i = 0; i < gw_diagnostics_count(d); i++) {
        const gw_diag *g = gw_diagnostics_get(d, i);
        if (!g->code[0] || !g->message[0]) abort();
    }
    gw_document_destroy(doc);
    gw_diagnostics_destroy(d);
    return 0;
}
