#include "util/diag.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct gw_diagnostics {
    gw_diag *items;
    size_t   count, cap;
    size_t   errors;
};

gw_diagnostics *gw_diagnostics_create(void) { return calloc(1, sizeof(gw_diagnostics)); }

void gw_diagnostics_destroy(gw_diagnostics *d)
{
    if (!d) return;
    for (size_t i = 0; i < d->count; i++) {
        free((char *)d->items[i].code);
        free((char *)d->items[i].file);
        free((char *)d->items[i].path);
        free((char *)d->items[i].message);
    }
    free(d->items);
    free(d);
}

size_t gw_diagnostics_count(const gw_diagnostics *d) { return d ? d->count : 0; }
size_t gw_diagnostics_errors(const gw_diagnostics *d) { return d ? d->errors : 0; }

const gw_diag *gw_diagnostics_get(const gw_diagnostics *d, size_t i)
{
    return d && i < d->count ? &d->items[i] : NULL;
}

gw_loc gw_loc_file(const char *file)
{
    gw_loc loc = { file, 0, 0, "" };
    return loc;
}

static char *dup_or_empty(const char *s) { return strdup(s ? s : ""); }

void gw_diag_add(gw_diagnostics *d, gw_severity sev, const char *code, gw_loc loc,
                 const char *fmt, ...)
{
    if (!d) return;
    if (d->count == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        gw_diag *p = realloc(d->items, cap * sizeof *p);
        if (!p) return;
        d->items = p;
        d->cap = cap;
    }
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    gw_diag *g = &d->items[d->count++];
    g->severity = sev;
    g->code = dup_or_empty(code);
    g->file = dup_or_empty(loc.file);
    g->line = loc.line;
    g->column = loc.column;
    g->path = dup_or_empty(loc.path);
    g->message = dup_or_empty(msg);
    if (sev == GW_ERROR) d->errors++;
}
