#include "util/diag.h"
#include "util/messages.h"
#include "util/tally.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A listed problem, and how often it was seen when it is said once. */
typedef struct entry {
    gw_diag pub;
    char   *base;            /* the message without the count */
    size_t  times, shown;    /* occurrences, and the count pub.message says (1: none) */
} entry;

struct gw_diagnostics {
    entry      *items;
    size_t      count, cap;
    size_t      errors;
    gw_language lang;
    gw_tally   *per_file;    /* problems listed per file; index: its E0013 + 1 */
    gw_tally   *once;        /* (code, file, key) said once; index: its entry + 1 */
    int         lost;        /* a problem could not be stored: out of memory */
    size_t      nomem;       /* times out of memory was said or a problem lost */
    int         nomem_listed;   /* E0006 is in items: it is listed once */
};

gw_diagnostics *gw_diagnostics_create(void)
{
    gw_diagnostics *d = calloc(1, sizeof *d);
    if (d && (!(d->per_file = gw_tally_create()) || !(d->once = gw_tally_create()))) {
        gw_diagnostics_destroy(d);
        return NULL;
    }
    return d;
}

static void free_entry(entry *e)
{
    free((char *)e->pub.code);
    free((char *)e->pub.file);
    free((char *)e->pub.path);
    if (e->pub.message != e->base) free((char *)e->pub.message);
    free(e->base);
}

void gw_diagnostics_destroy(gw_diagnostics *d)
{
    if (!d) return;
    for (size_t i = 0; i < d->count; i++) free_entry(&d->items[i]);
    free(d->items);
    gw_tally_destroy(d->per_file);
    gw_tally_destroy(d->once);
    free(d);
}

/* A problem that could not be stored is still said, as E0006, without
 * needing memory. */
static const gw_diag *lost_problem(const gw_diagnostics *d)
{
    static gw_diag en, zh;
    const gw_message *m = gw_message_get(GW_MSG_NO_MEMORY);
    gw_diag *g = d->lang == GW_LANG_ZH ? &zh : &en;
    *g = (gw_diag){ GW_ERROR, m->code, "", 0, 0, "", d->lang == GW_LANG_ZH ? m->zh : m->en };
    return g;
}

/* A lost problem is said as E0006 at the end, unless E0006 is listed already. */
static int lost_shown(const gw_diagnostics *d) { return d->lost && !d->nomem_listed; }

size_t gw_diagnostics_count(const gw_diagnostics *d) { return d ? d->count + (size_t)lost_shown(d) : 0; }
size_t gw_diagnostics_errors(const gw_diagnostics *d) { return d ? d->errors + (size_t)lost_shown(d) : 0; }
size_t gw_diagnostics_warnings(const gw_diagnostics *d) { return d ? d->count - d->errors : 0; }
size_t gw_diag_out_of_memory(const gw_diagnostics *d) { return d ? d->nomem : 0; }

static void lose(gw_diagnostics *d)
{
    d->lost = 1;
    d->nomem++;
}

void gw_diagnostics_set_language(gw_diagnostics *d, gw_language lang) { if (d) d->lang = lang; }
gw_language gw_diagnostics_language(const gw_diagnostics *d) { return d ? d->lang : GW_LANG_EN; }

/* The message with its count, made when the problem is read. */
static void show_count(entry *e, gw_language lang)
{
    if (e->times == e->shown) return;
    char tail[64];
    snprintf(tail, sizeof tail, gw_message_times(lang), e->times);
    size_t n = strlen(e->base), t = strlen(tail);
    char *msg = malloc(n + t + 1);
    if (!msg) return;                      /* the message stays as it was */
    memcpy(msg, e->base, n);
    memcpy(msg + n, tail, t + 1);
    if (e->pub.message != e->base) free((char *)e->pub.message);
    e->pub.message = msg;
    e->shown = e->times;
}

const gw_diag *gw_diagnostics_get(const gw_diagnostics *d, size_t i)
{
    if (!d) return NULL;
    if (i == d->count && lost_shown(d)) return lost_problem(d);
    if (i >= d->count) return NULL;
    entry *e = &d->items[i];          /* the list is never const itself: counts are shown late */
    show_count(e, d->lang);
    return &e->pub;
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

/* Stores one problem whatever the cap; its index, or (size_t)-1 when out of
 * memory (then the list says E0006). */
static size_t store(gw_diagnostics *d, gw_severity sev, const char *code, gw_loc loc, const char *msg)
{
    if (d->count == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        entry *p = realloc(d->items, cap * sizeof *p);
        if (!p) { lose(d); return (size_t)-1; }
        d->items = p;
        d->cap = cap;
    }
    entry e = { { sev, dup_or_empty(code), dup_or_empty(loc.file), loc.line, loc.column,
                  dup_or_empty(loc.path), NULL }, dup_or_empty(msg), 1, 1 };
    e.pub.message = e.base;
    if (!e.pub.code || !e.pub.file || !e.pub.path || !e.base) {
        free_entry(&e);
        lose(d);
        return (size_t)-1;
    }
    d->items[d->count] = e;
    if (sev == GW_ERROR) d->errors++;
    return d->count++;
}

static void format(char *msg, size_t cap, const char *fmt, va_list ap)
{
    int n = vsnprintf(msg, cap, fmt, ap);
    if (n >= (int)cap) cut_at_character(msg, cap - 1);
}

/* E0013 for a file whose problems are being cut: added at the first cut,
 * made an error when an error is cut. */
static void say_cut(gw_diagnostics *d, gw_tally_record *file, gw_severity cut, const char *name)
{
    gw_msg id = cut == GW_ERROR ? GW_MSG_TOO_MANY_ERRORS : GW_MSG_TOO_MANY_PROBLEMS;
    const gw_message *m = gw_message_get(id);
    char msg[256];
    snprintf(msg, sizeof msg, d->lang == GW_LANG_ZH ? m->zh : m->en, GW_DIAG_MAX_PER_FILE);
    if (file->index == 0) {
        size_t at = store(d, m->severity, m->code, gw_loc_file(name), msg);
        if (at != (size_t)-1) file->index = at + 1;
        return;
    }
    entry *e = &d->items[file->index - 1];
    if (e->pub.severity == GW_ERROR || cut != GW_ERROR) return;
    char *upgraded = strdup(msg);
    if (!upgraded) { lose(d); return; }
    free(e->base);
    e->base = upgraded;
    e->pub.message = upgraded;
    e->pub.severity = GW_ERROR;
    d->errors++;
}

/* Whether the file still has room under the cap; counts the problem. */
static int within_cap(gw_diagnostics *d, gw_severity sev, const char *file)
{
    const char *name = file ? file : "";
    int created;
    gw_tally_record *r = gw_tally_get(d->per_file, name, strlen(name), &created);
    if (!r) { lose(d); return 0; }
    if (r->count < GW_DIAG_MAX_PER_FILE) { r->count++; return 1; }
    say_cut(d, r, sev, name);
    return 0;
}

void gw_diag_add(gw_diagnostics *d, gw_severity sev, const char *code, gw_loc loc,
                 const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    gw_diag_vadd(d, sev, code, loc, fmt, ap);
    va_end(ap);
}

static int is_nomem(const char *code) { return strcmp(code, gw_message_get(GW_MSG_NO_MEMORY)->code) == 0; }

/* Out of memory ends the run: it is listed once, whoever says it how
 * often, and past the cap too; every saying is counted. */
static void say_nomem(gw_diagnostics *d, gw_severity sev, const char *code, gw_loc loc, const char *fmt,
                      va_list ap)
{
    d->nomem++;
    if (d->nomem_listed) return;
    char msg[1024];
    format(msg, sizeof msg, fmt, ap);
    if (store(d, sev, code, loc, msg) != (size_t)-1) d->nomem_listed = 1;
}

void gw_diag_vadd(gw_diagnostics *d, gw_severity sev, const char *code, gw_loc loc,
                  const char *fmt, va_list ap)
{
    if (d && is_nomem(code)) { say_nomem(d, sev, code, loc, fmt, ap); return; }
    if (!d || !within_cap(d, sev, loc.file)) return;
    char msg[1024];
    format(msg, sizeof msg, fmt, ap);
    store(d, sev, code, loc, msg);
}

void gw_diag_vadd_once(gw_diagnostics *d, gw_severity sev, const char *code, gw_loc loc, uint32_t key,
                       const char *fmt, va_list ap)
{
    if (!d || is_nomem(code)) { gw_diag_vadd(d, sev, code, loc, fmt, ap); return; }
    /* the key: code, file and the character, each ended by a NUL */
    const char *file = loc.file ? loc.file : "";
    size_t lc = strlen(code) + 1, lf = strlen(file) + 1;
    char stack[512], *k = lc + lf + 4 <= sizeof stack ? stack : malloc(lc + lf + 4);
    if (!k) { lose(d); return; }
    memcpy(k, code, lc);
    memcpy(k + lc, file, lf);
    memcpy(k + lc + lf, &key, 4);
    int created;
    gw_tally_record *r = gw_tally_get(d->once, k, lc + lf + 4, &created);
    if (k != stack) free(k);
    if (!r) { lose(d); return; }
    if (!created) {
        if (r->index) d->items[r->index - 1].times++;
        return;
    }
    if (!within_cap(d, sev, loc.file)) return;
    char msg[1024];
    format(msg, sizeof msg, fmt, ap);
    size_t at = store(d, sev, code, loc, msg);
    if (at != (size_t)-1) r->index = at + 1;
}
