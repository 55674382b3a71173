/* libFuzzer target: a template file's bytes through the whole template
 * loader, in memory (YAML, the tree, extends: of the built-in templates
 * and of files in tests/data/templates, every value and check).  Whatever
 * loads must hold only finite numbers and resolved styles. */
#include "template/template.h"
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void finite(double v)
{
    if (!isfinite(v) || fabs(v) > 1e5) abort();
}

/* The loader's promises about what it returns. */
static void check_loaded(const gw_template *t)
{
    finite(t->page_width + t->page_height + t->type_top + t->type_left + t->type_width + t->type_height);
    finite(t->char_pitch + t->line_pitch);
    if (t->char_pitch <= 0 || t->line_pitch <= 0 || !t->body.text || !t->front.title || !t->footer.style) abort();
    for (size_t i = 0; i < t->style_count; i++) {
        finite(t->styles[i].size);
        if (t->styles[i].size <= 0 || !t->styles[i].role) abort();
    }
    for (size_t i = 0; i < t->header_count; i++) {
        const gw_header_item *h = &t->header[i];
        finite(h->top + h->gap + h->inset + h->stack_gap + h->suffix_gap);
        if (h->kind == GW_HEADER_RULE ? !h->rule : !h->style) abort();
    }
    finite(t->signature.seal_size + t->footer.gap + t->colophon.line_height);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    gw_diagnostics *d = gw_diagnostics_create();
    gw_template *t = gw_template_load_memory(GW_SOURCE_DIR, "fuzz.yaml", (const char *)data, size,
                                             GW_SOURCE_DIR "/tests/data/templates", d);
    for (size_t i = 0; i < gw_diagnostics_count(d); i++) {      /* every diagnostic says what and where */
        const gw_diag *g = gw_diagnostics_get(d, i);
        if (!g->code[0] || !g->message[0] || !g->file[0]) abort();
    }
    if (t) check_loaded(t);
    if (!t && gw_diagnostics_errors(d) == 0) abort();            /* a refusal always says why */
    gw_template_destroy(t);
    gw_diagnostics_destroy(d);
    return 0;
}
