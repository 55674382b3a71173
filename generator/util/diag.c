#include "util/diag.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct gw_diagnostics {
    gw_diag *items;
    size_t   count, cap;
    size_t   errors;
    gw_language lang;
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
size_t gw_diagnostics_warnings(const gw_diagnostics *d) { return d ? d->count - d->errors : 0; }

void gw_diagnostics_set_language(gw_diagnostics *d, gw_language lang) { if (d) d->lang = lang; }
gw_language gw_diagnostics_language(const gw_diagnostics *d) { return d ? d->lang : GW_LANG_EN; }

const gw_diag *gw_diagnostics_get(const gw_diagnostics *d, size_t i)
{
    return d && i < d->count ? &d->items[i] : NULL;
}

gw_loc gw_loc_file(const char *file)
{
    gw_loc loc = { file, 0, 0, "", 0 };
    return loc;
}

/* A message cut at len bytes must not end inside a UTF-8 sequence. */
static void cut_at_character(char *s, size_t len)
{
    size_t lead = len;
    while (lead > 0 && ((unsigned char)s[lead - 1] & 0xC0) == 0x80) lead--;
    if (lead == 0) return;
    unsigned char c = (unsigned char)s[lead - 1];
    size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (lead - 1 + need > len) s[lead - 1] = '\0';
}

static char *dup_or_empty(const char *s) { return strdup(s ? s : ""); }

void gw_diag_add(gw_diagnostics *d, gw_severity sev, const char *code, gw_loc loc,
                 const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    gw_diag_vadd(d, sev, code, loc, fmt, ap);
    va_end(ap);
}

void gw_diag_vadd(gw_diagnostics *d, gw_severity sev, const char *code, gw_loc loc,
                  const char *fmt, va_list ap)
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
    int n = vsnprintf(msg, sizeof msg, fmt, ap);
    if (n >= (int)sizeof msg) cut_at_character(msg, sizeof msg - 1);
    gw_diag g = { sev, dup_or_empty(code), dup_or_empty(loc.file), loc.line, loc.column,
                  dup_or_empty(loc.path), dup_or_empty(msg) };
    if (!g.code || !g.file || !g.path || !g.message) {       /* out of memory: drop it whole */
        free((char *)g.code); free((char *)g.file); free((char *)g.path); free((char *)g.message);
        return;
    }
    d->items[d->count++] = g;
    if (sev == GW_ERROR) d->errors++;
}
