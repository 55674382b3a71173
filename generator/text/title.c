#include "text/title.h"
#include "text/chars.h"
#include "util/utf8.h"
#include <float.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

#define MAX_BREAKS 64
#define MAX_LINES 6

static uint32_t char_at(const char *text, size_t len, size_t at)
{
    return at < len ? gw_utf8_next(text, len, &at) : 0;
}

static uint32_t char_before(const char *text, size_t at)
{
    size_t start = at;
    while (start > 0 && ((unsigned char)text[start - 1] & 0xC0) == 0x80) start--;
    if (start > 0) start--;
    return gw_utf8_next(text, at, &start);
}

/* Line breaking rules hold for titles too: no mark at a line's start, no
 * opening mark at its end, no break inside Latin text; and an ordinal stays
 * whole: 第20253019号 is one word to a reader, whatever the dictionary says. */
static int breakable(const char *text, size_t len, size_t at)
{
    uint32_t b = char_before(text, at), a = char_at(text, len, at);
    unsigned before = gw_char_class(b), after = gw_char_class(a);
    if ((after & GW_CH_NO_START) || (before & GW_CH_NO_END)) return 0;
    if (b == 0x7B2C /* 第 */ || a == 0x53F7 /* 号 */) return 0;
    return !((before & GW_CH_LATIN) && (after & GW_CH_LATIN));
}

size_t gw_title_breaks(const char *text, size_t len, size_t *breaks, size_t max)
{
    UErrorCode err = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(NULL, text, (int64_t)len, &err);
    UBreakIterator *bi = ubrk_open(UBRK_WORD, "zh", NULL, 0, &err);
    size_t n = 0;
    if (U_SUCCESS(err)) {
        ubrk_setUText(bi, ut, &err);
        for (int32_t b = ubrk_first(bi); U_SUCCESS(err) && b != UBRK_DONE; b = ubrk_next(bi))
            if (b > 0 && (size_t)b < len && n < max && breakable(text, len, (size_t)b)) breaks[n++] = (size_t)b;
    }
    ubrk_close(bi);
    utext_close(ut);
    return n;
}

typedef struct plan {
    size_t cut[MAX_LINES + 1];     /* line i is text[cut[i], cut[i+1]) */
    double cost;
} plan;

/* Natural width of text[a, b) as one line. */
static double measure(const char *text, size_t a, size_t b, const gw_text_style *st, gw_loc loc,
                      gw_diagnostics *diags, gw_status *status)
{
    gw_lines l;
    gw_status s = gw_set_plain(text + a, b - a, st, 1e9, 0, loc, diags, &l);
    if (s != GW_OK) { *status = s; return 0; }
    double w = l.count ? l.lines[0].width : 0;
    gw_lines_free(&l);
    return w;
}

/* Unbalance, squared; a shape other than a trapezoid or a diamond costs
 * extra, a line of one character is out. */
static double shape_cost(const double *w, size_t n, const char *text, const size_t *cut)
{
    double mean = 0, cost = 0;
    for (size_t i = 0; i < n; i++) mean += w[i] / (double)n;
    for (size_t i = 0; i < n; i++) {
        if (gw_utf8_count(text + cut[i], cut[i + 1] - cut[i]) <= 1) return DBL_MAX;
        cost += (w[i] - mean) * (w[i] - mean);
    }
    double penalty = mean * mean / 16;          /* worth a quarter of a line's length */
    if (n == 2 && w[0] > w[1]) cost += penalty;                      /* 正梯形: short over long */
    for (size_t i = 1; n > 2 && i + 1 < n; i++)                      /* 菱形: the middle widest */
        if (w[i] < w[0] || w[i] < w[n - 1]) cost += penalty;
    return cost;
}

/* Tries every choice of n-1 breaks among the candidates (titles are short). */
static void search(const size_t *cands, size_t ncand, size_t n, size_t depth, size_t from, plan *cur,
                   plan *best, const char *text, double width, const double *cut_w)
{
    if (depth == n - 1) {
        double w[MAX_LINES];
        for (size_t i = 0; i < n; i++) {
            w[i] = cut_w[cur->cut[i + 1]] - cut_w[cur->cut[i]];
            if (w[i] > width + 0.01) return;
        }
        double c = shape_cost(w, n, text, cur->cut);
        if (c < best->cost) { *best = *cur; best->cost = c; }
        return;
    }
    for (size_t k = from; k < ncand; k++) {
        cur->cut[depth + 1] = cands[k];
        search(cands, ncand, n, depth + 1, k + 1, cur, best, text, width, cut_w);
    }
}

gw_status gw_set_title(const char *text, size_t len, const gw_text_style *st, double width,
                       gw_loc loc, gw_diagnostics *diags, gw_lines *out)
{
    memset(out, 0, sizeof *out);
    gw_status status = GW_OK;
    double total = measure(text, 0, len, st, loc, diags, &status);
    if (status != GW_OK) return status;
    if (total <= width + 0.01) return gw_set_plain(text, len, st, width, 0, loc, NULL, out);   /* said when measured */

    size_t cands[MAX_BREAKS];
    size_t ncand = gw_title_breaks(text, len, cands, MAX_BREAKS);
    /* Widths of text[0, b) at every candidate: on the grid, the width of a
     * stretch is the difference of two prefixes. */
    double *cut_w = calloc(len + 1, sizeof *cut_w);
    if (!cut_w) return GW_ERR_NOMEM;
    for (size_t k = 0; k < ncand; k++) cut_w[cands[k]] = measure(text, 0, cands[k], st, loc, NULL, &status);
    cut_w[len] = total;
    plan best = { { 0 }, DBL_MAX };
    for (size_t n = (size_t)(total / width) + 1; n <= MAX_LINES && best.cost == DBL_MAX; n++) {
        if (n - 1 > ncand) break;
        plan cur = { { 0 }, 0 };
        cur.cut[n] = len;
        best.cut[n] = len;
        search(cands, ncand, n, 0, 0, &cur, &best, text, width, cut_w);
        if (best.cost < DBL_MAX) {
            for (size_t i = 0; i < n && status == GW_OK; i++) {
                gw_lines one;
                /* diagnostics were given when measuring the whole title */
                status = gw_set_plain(text + best.cut[i], best.cut[i + 1] - best.cut[i], st, 1e9, 0, loc, NULL, &one);
                if (status != GW_OK) break;
                gw_line *l = realloc(out->lines, (out->count + one.count) * sizeof *l);
                if (!l) { gw_lines_free(&one); status = GW_ERR_NOMEM; break; }
                out->lines = l;
                for (size_t k = 0; k < one.count; k++) {
                    one.lines[k].text_start += best.cut[i];
                    one.lines[k].text_end += best.cut[i];
                    out->lines[out->count++] = one.lines[k];
                }
                free(one.lines);
            }
        }
    }
    free(cut_w);
    if (status == GW_OK && out->count == 0)     /* no word boundary fits: break by the grid */
        status = gw_set_plain(text, len, st, width, 0, loc, NULL, out);
    if (status != GW_OK) gw_lines_free(out);
    return status;
}
