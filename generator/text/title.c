#include "text/title.h"
#include "text/title-costs.h"
#include "util/utf8.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define EPS 0.01                  /* points: widths closer than this are equal */
#define SEARCH_STEPS (1L << 21)   /* candidate lines tried per title, whatever the costs */
#define MAX_REFUSED 8             /* lines found too wide when set, then the search again */

/* Without a vocabulary: ICU's word boundaries, all alike; balance and shape
 * as with one (the costs of templates/title-breaks.yaml). */
static const gw_title_vocab no_vocab = {
    .costs = { .word = 0, .inside_word = INFINITY, .issuers = 0, .name_parts = INFINITY, .balance = 1,
               .shape = 30, .extra_line = 100 },
    .max_lines = 6,
};

typedef struct span { size_t start, end; } span;

typedef struct search {
    const gw_title_breaks *br;
    const gw_title_costs  *k;
    const size_t          *cand;       /* offsets where a break may be, ascending */
    size_t                 ncand;
    const double          *x;          /* x[b]: width of text[0, b) (candidates, resumes, len) */
    const size_t          *nchar;      /* nchar[b]: characters before b */
    double                 width, em, mean;
    size_t                 lines;
    size_t                 cut[GW_TITLE_MAX_LINES + 1];   /* line i ends at cut[i + 1] */
    double                 w[GW_TITLE_MAX_LINES];
    size_t                 best_cut[GW_TITLE_MAX_LINES + 1];
    size_t                 best_lines;
    double                 best, extra;
    long                   steps;
    span                   refused[MAX_REFUSED];   /* lines too wide once set */
    size_t                 refused_count;
} search;

static size_t line_start(const search *S, size_t i) { return i ? S->br->resume[S->cut[i]] : 0; }

static int refused(const search *S, size_t start, size_t end)
{
    for (size_t i = 0; i < S->refused_count; i++)
        if (S->refused[i].start == start && S->refused[i].end == end) return 1;
    return 0;
}

/* A line's distance from the mean, squared, in characters. */
static double balance(const search *S, double w)
{
    double d = (w - S->mean) / S->em;
    return S->k->balance * d * d;
}

/* Two lines: short over long (正梯形).  More: each line at least as long as
 * the one above (梯形), or the middle lines the longest (菱形). */
static double shape(const search *S)
{
    size_t n = S->lines;
    const double *w = S->w;
    if (n == 2) return w[0] > w[1] + EPS ? S->k->shape : 0;
    int trapezoid = 1, diamond = 1;
    for (size_t i = 1; i < n; i++) trapezoid &= w[i] + EPS >= w[i - 1];
    for (size_t i = 1; i + 1 < n; i++) diamond &= w[i] + EPS >= w[0] && w[i] + EPS >= w[n - 1];
    return trapezoid || diamond ? 0 : S->k->shape;
}

static int fits(const search *S, size_t start, size_t end, double w)
{
    return w <= S->width + EPS && S->nchar[end] - S->nchar[start] >= 2 && !refused(S, start, end);
}

static void finish(search *S, size_t start, double acc)
{
    size_t len = S->br->len;
    double w = S->x[len] - S->x[start];
    if (!fits(S, start, len, w)) return;
    S->w[S->lines - 1] = w;
    double c = acc + balance(S, w) + shape(S) + S->extra;
    if (c >= S->best) return;
    S->best = c;
    S->best_lines = S->lines;
    memcpy(S->best_cut, S->cut, sizeof S->cut);
}

/* Tries each break for the end of line i, cheapest first found, pruning
 * what already costs more than the best plan. */
static void extend(search *S, size_t i, size_t k0, double acc)
{
    size_t start = line_start(S, i), len = S->br->len;
    if (i == S->lines - 1) { finish(S, start, acc); return; }
    for (size_t k = k0; k < S->ncand && S->steps < SEARCH_STEPS; k++) {
        S->steps++;
        size_t b = S->cand[k];
        double w = S->x[b] - S->x[start];
        if (w > S->width + S->em) break;                     /* longer lines from here on */
        if (!fits(S, start, b, w)) continue;
        if (S->x[len] - S->x[S->br->resume[b]] > (double)(S->lines - i - 1) * S->width + EPS) continue;
        double c = acc + S->br->cost[b] + balance(S, w);
        if (c + S->extra >= S->best) continue;
        S->cut[i + 1] = b;
        S->w[i] = w;
        extend(S, i + 1, k + 1, c);
    }
}

/* The best plan with fewest .. max_lines lines; 0 when none. */
static int choose(search *S, size_t fewest, size_t most)
{
    S->best = INFINITY;
    S->best_lines = 0;
    S->steps = 0;
    for (size_t n = fewest; n <= most; n++) {
        S->extra = (double)(n - fewest) * S->k->extra_line;
        if (S->extra >= S->best) break;                      /* more lines cannot be cheaper */
        S->lines = n;
        S->mean = S->x[S->br->len] / (double)n;
        S->cut[0] = 0;
        S->cut[n] = S->br->len;
        extend(S, 0, 0, 0);
    }
    return S->best_lines != 0;
}

/* Natural width of text[a, b) as one line. */
static gw_status measure(const char *text, size_t a, size_t b, const gw_text_style *st, gw_loc loc,
                         gw_diagnostics *diags, double *w)
{
    gw_lines l;
    gw_status s = gw_set_plain(text + a, b - a, st, 1e9, 0, loc, diags, &l);
    if (s != GW_OK) return s;
    *w = l.count ? l.lines[0].width : 0;
    gw_lines_free(&l);
    return GW_OK;
}

/* Appends text[a, b) set as one line; *w its width. */
static gw_status append_line(const char *text, size_t a, size_t b, const gw_text_style *st, gw_loc loc,
                             gw_lines *out, double *w)
{
    gw_lines one;
    gw_status s = gw_set_plain(text + a, b - a, st, 1e9, 0, loc, NULL, &one);
    if (s != GW_OK) return s;
    gw_line *l = realloc(out->lines, (out->count + one.count) * sizeof *l);
    if (!l) { gw_lines_free(&one); return GW_ERR_NOMEM; }
    out->lines = l;
    *w = 0;
    for (size_t k = 0; k < one.count; k++) {
        one.lines[k].text_start += a;
        one.lines[k].text_end += a;
        if (one.lines[k].width > *w) *w = one.lines[k].width;
        out->lines[out->count++] = one.lines[k];
    }
    free(one.lines);
    return GW_OK;
}

enum outcome { SET, RETRY, GIVE_UP };

/* Sets the chosen lines.  A line wider than the measure once set (marks
 * compress differently at a line's end than inside it) is refused, and the
 * search runs again; after MAX_REFUSED the grid breaks the title. */
static gw_status set_plan(search *S, const char *text, const gw_text_style *st, gw_loc loc, gw_lines *out,
                          enum outcome *how)
{
    *how = SET;
    S->lines = S->best_lines;
    memcpy(S->cut, S->best_cut, sizeof S->cut);
    for (size_t i = 0; i < S->lines; i++) {
        size_t a = line_start(S, i), b = S->cut[i + 1];
        double w;
        gw_status s = append_line(text, a, b, st, loc, out, &w);
        if (s != GW_OK) return s;
        if (w <= S->width + EPS) continue;
        *how = S->refused_count < MAX_REFUSED ? RETRY : GIVE_UP;
        if (*how == RETRY) S->refused[S->refused_count++] = (span){ a, b };
        return GW_OK;
    }
    return GW_OK;
}

/* The width of text[0, r) where r follows a run of spaces: a space at the
 * end of text[0, r) would be dropped, so it is measured up to the character
 * after, less that character. */
static gw_status after_spaces(const char *text, size_t len, size_t r, const gw_text_style *st, gw_loc loc,
                              double *x)
{
    size_t next = r;
    gw_utf8_next(text, len, &next);
    double upto, alone;
    gw_status s = measure(text, 0, next, st, loc, NULL, &upto);
    if (s == GW_OK) s = measure(text, r, next, st, loc, NULL, &alone);
    if (s == GW_OK) x[r] = upto - alone;
    return s;
}

/* Widths of text[0, b) wherever a line may start or end, characters before every offset. */
static gw_status prefixes(const char *text, const gw_title_breaks *br, const gw_text_style *st, gw_loc loc,
                          double total, double *x, size_t *nchar)
{
    size_t n = 0;
    for (size_t b = 0; b <= br->len; b++) {
        nchar[b] = n;
        n += b < br->len && ((unsigned char)text[b] & 0xC0) != 0x80;
    }
    x[br->len] = total;
    for (size_t b = 1; b < br->len; b++) {
        if (!isfinite(br->cost[b])) continue;
        gw_status s = measure(text, 0, b, st, loc, NULL, &x[b]);
        if (s == GW_OK && br->resume[b] != b) s = after_spaces(text, br->len, br->resume[b], st, loc, x);
        if (s != GW_OK) return s;
    }
    return GW_OK;
}

/* Without a vocabulary an ordinal still stays whole, as before there was
 * one: no break after 第 or before 号 (第20253019号). */
static void keep_ordinals(const char *text, gw_title_breaks *br)
{
    for (size_t b = 3; b + 3 <= br->len; b++)
        if (memcmp(text + b - 3, "第", 3) == 0 || memcmp(text + b, "号", 3) == 0) br->cost[b] = INFINITY;
}

static gw_status set_scored(const gw_title_params *p, const gw_title_vocab *v, const char *text, size_t len,
                            const gw_text_style *st, double width, double total, gw_loc loc,
                            gw_diagnostics *diags, gw_lines *out)
{
    gw_title_breaks br;
    gw_status s = gw_title_break_costs(text, len, v, p ? p->names : NULL, p ? p->name_count : 0, loc, diags, &br);
    if (s != GW_OK) return s;
    if (v == &no_vocab) keep_ordinals(text, &br);
    search S = { .br = &br, .k = &v->costs, .width = width, .em = st->size > 0 ? st->size : 1 };
    size_t *cand = malloc((len + 1) * sizeof *cand), *nchar = malloc((len + 1) * sizeof *nchar);
    double *x = calloc(len + 1, sizeof *x);
    if (!cand || !nchar || !x) s = GW_ERR_NOMEM;
    else s = prefixes(text, &br, st, loc, total, x, nchar);
    for (size_t b = 0; s == GW_OK && b <= len; b++)
        if (isfinite(br.cost[b])) cand[S.ncand++] = b;
    S.cand = cand;
    S.x = x;
    S.nchar = nchar;
    size_t fewest = (size_t)ceil(total / width - EPS / width);
    enum outcome how = RETRY;
    while (s == GW_OK && how == RETRY && choose(&S, fewest < 2 ? 2 : fewest, (size_t)v->max_lines)) {
        s = set_plan(&S, text, st, loc, out, &how);
        if (how != SET) gw_lines_free(out);
    }
    free(cand);
    free(nchar);
    free(x);
    gw_title_breaks_free(&br);
    return s;
}

gw_status gw_set_title_with(const gw_title_params *p, const char *text, size_t len, const gw_text_style *st,
                            double width, gw_loc loc, gw_diagnostics *diags, gw_lines *out)
{
    memset(out, 0, sizeof *out);
    const gw_title_vocab *v = p && p->vocab ? p->vocab : &no_vocab;
    double total;
    gw_status s = measure(text, 0, len, st, loc, diags, &total);
    if (s != GW_OK) return s;
    if (total <= width + EPS) return gw_set_plain(text, len, st, width, 0, loc, NULL, out);
    if (width > 0 && total / width <= (double)v->max_lines) s = set_scored(p, v, text, len, st, width, total, loc, diags, out);
    if (s == GW_OK && out->count == 0)     /* no scored choice: break by the grid */
        s = gw_set_plain(text, len, st, width, 0, loc, NULL, out);
    if (s != GW_OK) gw_lines_free(out);
    return s;
}

gw_status gw_set_title(const char *text, size_t len, const gw_text_style *st, double width, gw_loc loc,
                       gw_diagnostics *diags, gw_lines *out)
{
    return gw_set_title_with(NULL, text, len, st, width, loc, diags, out);
}
