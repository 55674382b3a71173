#include "text/title-names.h"
#include "util/grow.h"
#include "util/utf8.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* One part of a name: a suffix with its stem, or a listed name. */
typedef struct part {
    size_t start, end;    /* the suffix (or the listed name) */
    int    org;           /* an organisation; else a place */
    int    listed;
} part;

typedef struct parts {
    part  *items;
    size_t count;
} parts;

static int push(parts *ps, part p)
{
    if (!gw_grow(&ps->items, ps->count, sizeof *ps->items)) return 0;
    ps->items[ps->count++] = p;
    return 1;
}

static int at(const gw_title_scan *s, size_t p, const char *word, size_t n)
{
    return n && p + n <= s->len && memcmp(s->text + p, word, n) == 0;
}

static int is_char_start(const gw_title_scan *s, size_t p)
{
    return p >= s->len || ((unsigned char)s->text[p] & 0xC0) != 0x80;
}

static int ends_with(const char *name, const char *suffix)
{
    size_t n = strlen(name), k = strlen(suffix);
    return k <= n && memcmp(name + n - k, suffix, k) == 0;
}

/* Whether a listed name is a place: it ends in a place suffix. */
static int listed_is_place(const gw_title_vocab *v, const char *name)
{
    for (size_t i = 0; i < v->places.count; i++)
        if (ends_with(name, v->places.items[i])) return 1;
    return 0;
}

/* Every occurrence of a listed name becomes a part, its bytes named. */
static int find_listed(gw_title_scan *s, const gw_title_vocab *v, const char *name, parts *ps)
{
    size_t n = strlen(name);
    for (size_t p = 0; p + n <= s->len; p++) {
        if (!is_char_start(s, p) || !at(s, p, name, n)) continue;
        memset(s->named + p, 1, n);
        if (!push(ps, (part){ p, p + n, !listed_is_place(v, name), 1 })) return 0;
    }
    return 1;
}

/* The longest suffix of the list at p, none of it named; its length or 0. */
static size_t longest_suffix(const gw_title_scan *s, size_t p, const gw_word_list *list)
{
    size_t best = 0;
    for (size_t i = 0; i < list->count; i++) {
        size_t n = strlen(list->items[i]);
        if (n > best && at(s, p, list->items[i], n) && !memchr(s->named + p, 1, n)) best = n;
    }
    return best;
}

/* Suffixes at each character, longest first; one inside another is dropped
 * (区 in 自治区, 政府 in 人民政府). */
static int find_suffixes(const gw_title_scan *s, const gw_title_vocab *v, parts *ps)
{
    size_t covered = 0;
    for (size_t p = 0; p < s->len; p++) {
        if (!is_char_start(s, p) || p < covered || s->named[p]) continue;
        size_t place = longest_suffix(s, p, &v->places), org = longest_suffix(s, p, &v->organisations);
        size_t n = place > org ? place : org;
        if (!n) continue;
        if (!push(ps, (part){ p, p + n, org >= place, 0 })) return 0;
        covered = p + n;
    }
    return 1;
}

static int by_start(const void *a, const void *b)
{
    const part *x = a, *y = b;
    if (x->start != y->start) return x->start < y->start ? -1 : 1;
    return x->listed != y->listed ? (x->listed ? -1 : 1) : 0;     /* a listed name first */
}

/* A suffix ends a name part only where a word ends (漳州|市, not 市场), or
 * where an organisation follows at once (市委: 市 and 委; not 乡村).
 * org_at[q]: an organisation part starts at q. */
static int ends_part(const gw_title_scan *s, const part *p, const unsigned char *org_at)
{
    size_t q = p->end;
    return p->listed || q == s->len || s->word_edge[q] || s->stop[q] || org_at[q];
}

/* Sorts the parts and keeps those that end where a part may end, none
 * inside a listed name or overlapping the part before.  0: out of memory. */
static int keep_valid(const gw_title_scan *s, parts *ps)
{
    if (!ps->count) return 1;
    qsort(ps->items, ps->count, sizeof *ps->items, by_start);
    unsigned char *org_at = calloc(s->len + 1, 1);
    if (!org_at) return 0;
    for (size_t i = 0; i < ps->count; i++) org_at[ps->items[i].start] |= (unsigned char)ps->items[i].org;
    size_t n = 0, covered = 0;
    for (size_t i = 0; i < ps->count; i++) {
        part p = ps->items[i];
        if (!ends_part(s, &p, org_at) || (p.start < covered && !p.listed) || p.end <= covered) continue;
        ps->items[n++] = p;
        covered = p.end;
    }
    ps->count = n;
    free(org_at);
    return 1;
}

static size_t chars(const gw_title_scan *s, size_t a, size_t b)
{
    size_t n = 0;
    for (size_t i = a; i < b; i++) n += is_char_start(s, i);
    return n;
}

static int has_stop(const gw_title_scan *s, size_t a, size_t b)
{
    return b > a && memchr(s->stop + a, 1, b - a) != NULL;
}

/* The start of the word before offset p (p > 0). */
static size_t word_before(const gw_title_scan *s, size_t p)
{
    size_t w = p - 1;
    while (w > 0 && !s->word_edge[w]) w--;
    return w;
}

/* Where the first part of a name starts, its suffix at p: the rest of the
 * word the suffix is in, or the word before it, then the single characters
 * before that; never through a stop, at most max characters of stem. */
static size_t first_stem(const gw_title_scan *s, size_t p, size_t max)
{
    if (p == 0) return 0;
    size_t w = word_before(s, p);
    if (has_stop(s, w, p) || chars(s, w, p) > max) return p;
    size_t stem = w;
    while (stem > 0) {
        w = word_before(s, stem);
        if (chars(s, w, stem) != 1 || has_stop(s, w, stem) || chars(s, w, p) > max) break;
        stem = w;
    }
    return stem;
}

/* A prefix just before the name (中共) belongs to it. */
static size_t glue_prefix(const gw_title_scan *s, const gw_title_vocab *v, size_t start)
{
    for (size_t i = 0; i < v->prefixes.count; i++) {
        size_t n = strlen(v->prefixes.items[i]);
        if (n <= start && at(s, start - n, v->prefixes.items[i], n) && s->word_edge[start - n]) return start - n;
    }
    return start;
}

static void set_edge(gw_title_scan *s, size_t b, double cost)
{
    if (isnan(s->edge[b]) || cost > s->edge[b]) s->edge[b] = cost;
}

/* Where a name may still break: between two issuers, or between two parts
 * that each have their own stem (漳州市 | 龙文区, not 区 | 政协). */
typedef struct seam {
    size_t at;
    double cost;
} seam;

/* A name being built: its extent and its seams. */
typedef struct chain {
    size_t start, end;
    int    last_org;        /* the last part is an organisation */
    int    has_place;       /* the current issuer has a place part */
    seam  *seams;
    size_t seam_count;
} chain;

static int is_seam(const chain *c, size_t b)
{
    for (size_t i = 0; i < c->seam_count; i++)
        if (c->seams[i].at == b) return 1;
    return 0;
}

/* Never broken inside, but at its seams. */
static void close_chain(gw_title_scan *s, const chain *c)
{
    for (size_t b = c->start + 1; b < c->end; b++)
        if (!is_seam(c, b)) s->kept[b] = 1;
    for (size_t i = 0; i < c->seam_count; i++) set_edge(s, c->seams[i].at, c->seams[i].cost);
}

/* Only separators between two names: a space, U+3000 or 、. */
static int only_separators(const gw_title_scan *s, size_t a, size_t b)
{
    if (a >= b) return 0;
    while (a < b) {
        uint32_t c = gw_utf8_next(s->text, b, &a);
        if (!gw_title_is_space(c) && c != 0x3001) return 0;
    }
    return 1;
}

static int adjacent(const gw_title_scan *s, size_t end, size_t start, size_t max)
{
    return start >= end && !has_stop(s, end, start) && chars(s, end, start) <= max;
}

/* Part p follows the chain at once: a seam before it, when it may break. */
static int join(gw_title_scan *s, const gw_title_vocab *v, chain *c, const part *p)
{
    int issuer = c->last_org && !p->org && c->has_place;      /* a second issuer begins */
    if (issuer) c->has_place = 0;
    if (!s->word_edge[c->end] || (p->start == c->end && !p->listed)) return 1;
    if (!gw_grow(&c->seams, c->seam_count, sizeof *c->seams)) return 0;
    c->seams[c->seam_count++] = (seam){ c->end, issuer ? v->costs.issuers : v->costs.name_parts };
    return 1;
}

/* Walks the parts in order, joining neighbours into names. */
static int build_chains(gw_title_scan *s, const gw_title_vocab *v, const parts *ps)
{
    chain c = { 0 };
    int open = 0, ok = 1;
    size_t max = (size_t)v->stem_chars;
    for (size_t i = 0; i < ps->count && ok; i++) {
        const part *p = &ps->items[i];
        if (open && adjacent(s, c.end, p->start, max)) {
            ok = join(s, v, &c, p);
        } else {
            size_t prev_end = c.end;
            int prev_issuer = open && c.last_org && c.has_place;
            if (open) close_chain(s, &c);
            c.seam_count = 0;
            c.start = glue_prefix(s, v, p->listed ? p->start : first_stem(s, p->start, max));
            c.has_place = 0;
            if (prev_issuer && only_separators(s, prev_end, c.start))
                for (size_t b = prev_end; b <= c.start; b++) set_edge(s, b, v->costs.issuers);
            open = 1;
        }
        if (!p->org) c.has_place = 1;
        c.last_org = p->org;
        c.end = p->end;
    }
    if (open) close_chain(s, &c);
    free(c.seams);
    return ok;
}

int gw_title_find_names(gw_title_scan *s, const gw_title_vocab *v, const char *const *names, size_t name_count)
{
    parts ps = { 0 };
    int ok = 1;
    for (size_t i = 0; ok && i < v->names.count; i++) ok = find_listed(s, v, v->names.items[i], &ps);
    for (size_t i = 0; ok && i < name_count; i++)
        if (names[i] && *names[i]) ok = find_listed(s, v, names[i], &ps);
    if (ok) ok = find_suffixes(s, v, &ps);
    if (ok) ok = keep_valid(s, &ps);
    if (ok) ok = build_chains(s, v, &ps);
    free(ps.items);
    return ok;
}
