#include "text/title-costs.h"
#include "text/chars.h"
#include "text/title-names.h"
#include "util/messages.h"
#include "util/utf8.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

/* ICU's match steps a pattern may take on one title (on the order of
 * milliseconds each): a pattern that backtracks wildly is cut off, not
 * waited for. */
#define PATTERN_STEPS 50

int gw_title_is_space(uint32_t c) { return c == ' ' || c == 0x3000; }

static int is_han(uint32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x20000 && c <= 0x3FFFF) || c == 0x3007;
}

static void scan_free(gw_title_scan *s)
{
    free(s->word_edge);
    free(s->stop);
    free(s->named);
    free(s->kept);
    free(s->edge);
    free(s->inside);
}

static int scan_init(gw_title_scan *s, const char *text, size_t len)
{
    memset(s, 0, sizeof *s);
    s->text = text;
    s->len = len;
    s->word_edge = calloc(len + 1, 1);
    s->stop = calloc(len + 1, 1);
    s->named = calloc(len + 1, 1);
    s->kept = calloc(len + 1, 1);
    s->edge = malloc((len + 1) * sizeof *s->edge);
    s->inside = calloc(len + 1, sizeof *s->inside);
    if (!s->word_edge || !s->stop || !s->named || !s->kept || !s->edge || !s->inside) {
        scan_free(s);
        return 0;
    }
    for (size_t b = 0; b <= len; b++) s->edge[b] = NAN;
    return 1;
}

/* Sets marks[b] at each boundary of an ICU break iterator of the kind. */
static int find_boundaries(const gw_title_scan *s, UBreakIteratorType kind, unsigned char *marks)
{
    UErrorCode err = U_ZERO_ERROR;
    UText *ut = utext_openUTF8(NULL, s->text, (int64_t)s->len, &err);
    UBreakIterator *bi = ubrk_open(kind, "zh", NULL, 0, &err);
    if (U_SUCCESS(err)) ubrk_setUText(bi, ut, &err);
    for (int32_t b = U_SUCCESS(err) ? ubrk_first(bi) : UBRK_DONE; b != UBRK_DONE; b = ubrk_next(bi))
        if (b >= 0 && (size_t)b <= s->len) marks[b] = 1;
    ubrk_close(bi);
    utext_close(ut);
    marks[0] = marks[s->len] = 1;
    return err != U_MEMORY_ALLOCATION_ERROR;
}

/* ICU's dictionary-based word boundaries for Chinese; no break is ever made
 * inside a grapheme cluster (a letter and its combining marks). */
static int find_words(gw_title_scan *s)
{
    if (!find_boundaries(s, UBRK_WORD, s->word_edge) || !find_boundaries(s, UBRK_CHARACTER, s->kept)) return 0;
    for (size_t b = 0; b <= s->len; b++) s->kept[b] = !s->kept[b];
    return 1;
}

/* Characters other than Han end a name's stem. */
static void stop_non_han(gw_title_scan *s)
{
    for (size_t i = 0; i < s->len;) {
        size_t start = i;
        if (!is_han(gw_utf8_next(s->text, s->len, &i))) memset(s->stop + start, 1, i - start);
    }
}

static void set_edge(gw_title_scan *s, size_t b, double cost)
{
    if (!isnan(cost) && (isnan(s->edge[b]) || cost > s->edge[b])) s->edge[b] = cost;
}

/* What a match of a rule (or a term) at text[a, e) does to the breaks. */
static void apply(gw_title_scan *s, size_t a, size_t e, int keep, double inside, double before, double after)
{
    memset(s->stop + a, 1, e - a);
    for (size_t b = a + 1; b < e; b++) {
        if (keep) s->kept[b] = 1;
        s->inside[b] += inside;
    }
    set_edge(s, a, before);
    set_edge(s, e, after);
}

static int is_char_start(const gw_title_scan *s, size_t p)
{
    return p >= s->len || ((unsigned char)s->text[p] & 0xC0) != 0x80;
}

static void apply_terms(gw_title_scan *s, const gw_word_list *terms)
{
    for (size_t t = 0; t < terms->count; t++) {
        size_t n = strlen(terms->items[t]);
        for (size_t p = 0; p + n <= s->len; p++)
            if (is_char_start(s, p) && memcmp(s->text + p, terms->items[t], n) == 0) {
                apply(s, p, p + n, 1, 0, NAN, NAN);
                memset(s->named + p, 1, n);
            }
    }
}

/* A literal phrase counts where it starts and ends on word boundaries (的
 * in 目的 is no phrase). */
static void apply_literal(gw_title_scan *s, const gw_title_rule *r)
{
    size_t n = strlen(r->text);
    for (size_t p = 0; p + n <= s->len; p++)
        if (s->word_edge[p] && s->word_edge[p + n] && memcmp(s->text + p, r->text, n) == 0)
            apply(s, p, p + n, r->keep, r->inside, r->before, r->after);
}

static int apply_pattern(gw_title_scan *s, const gw_title_rule *r, gw_loc loc, gw_diagnostics *diags)
{
    UErrorCode err = U_ZERO_ERROR;
    URegularExpression *re = uregex_clone(r->pattern, &err);
    UText *ut = utext_openUTF8(NULL, s->text, (int64_t)s->len, &err);
    uregex_setTimeLimit(re, PATTERN_STEPS, &err);
    uregex_setUText(re, ut, &err);
    while (U_SUCCESS(err) && uregex_findNext(re, &err)) {
        int64_t a = uregex_start64(re, 0, &err), e = uregex_end64(re, 0, &err);
        if (U_SUCCESS(err) && a >= 0 && e > a && (size_t)e <= s->len)
            apply(s, (size_t)a, (size_t)e, r->keep, r->inside, r->before, r->after);
    }
    if (err == U_REGEX_TIME_OUT)
        gw_report(diags, loc, GW_MSG_TB_PATTERN_SLOW, r->loc.file, r->loc.line, r->loc.column);
    uregex_close(re);
    utext_close(ut);
    return err != U_MEMORY_ALLOCATION_ERROR;
}

/* Line breaking forbids a break between these two characters; nor is
 * there one before a character that joins the one before it (a mark, ZWJ,
 * a variation selector): the itemizer keeps it in its neighbour's font,
 * and alone at a line start it would need a font of its own. */
static int forbidden(uint32_t before, uint32_t after)
{
    unsigned b = gw_char_class(before), a = gw_char_class(after);
    return (a & GW_CH_NO_START) || (b & GW_CH_NO_END) || ((b & GW_CH_LATIN) && (a & GW_CH_LATIN)) ||
           gw_char_joins_previous(after);
}

static uint32_t char_before(const char *text, size_t at)
{
    size_t start = at;
    while (start > 0 && ((unsigned char)text[start - 1] & 0xC0) == 0x80) start--;
    if (start > 0) start--;
    return gw_utf8_next(text, at, &start);
}

static double cost_at(const gw_title_scan *s, const gw_title_costs *k, size_t b)
{
    if (s->kept[b]) return INFINITY;
    double base = !isnan(s->edge[b]) ? s->edge[b] : s->word_edge[b] ? k->word : k->inside_word;
    return base + s->inside[b];
}

/* The end of the run of spaces that starts at b. */
static size_t spaces_end(const gw_title_scan *s, size_t b)
{
    size_t end = b;
    while (end < s->len) {
        size_t j = end;
        if (!gw_title_is_space(gw_utf8_next(s->text, s->len, &j))) break;
        end = j;
    }
    return end;
}

/* A run of spaces [b, end) between two words is one break: the line ends
 * before it, the next starts after it.  Not when its last space carries a
 * combining mark (end inside a grapheme cluster): the next line would start
 * with the mark alone, which no font has. */
static void space_break(const gw_title_scan *s, const gw_title_costs *k, size_t b, size_t end,
                        gw_title_breaks *out)
{
    size_t j = end;
    uint32_t before = char_before(s->text, b);
    if (end < s->len && !s->kept[end] && !forbidden(before, gw_utf8_next(s->text, s->len, &j))) {
        out->cost[b] = cost_at(s, k, b);
        out->resume[b] = end;
    }
}

/* The costs of every break: none at either end, none touching a space but
 * the one before a run of spaces. */
static void assemble(const gw_title_scan *s, const gw_title_costs *k, gw_title_breaks *out)
{
    for (size_t b = 0; b <= s->len; b++) {
        out->cost[b] = INFINITY;
        out->resume[b] = b;
    }
    for (size_t b = 0, next; b < s->len; b = next) {
        next = b;
        uint32_t c = gw_utf8_next(s->text, s->len, &next);
        if (b == 0) continue;
        if (gw_title_is_space(c)) {
            next = spaces_end(s, b);
            space_break(s, k, b, next, out);
        } else if (!gw_title_is_space(char_before(s->text, b)) && !forbidden(char_before(s->text, b), c)) {
            out->cost[b] = cost_at(s, k, b);
        }
    }
}

void gw_title_breaks_free(gw_title_breaks *b)
{
    free(b->cost);
    free(b->resume);
    memset(b, 0, sizeof *b);
}

static gw_status score(gw_title_scan *s, const gw_title_vocab *v, const char *const *names, size_t name_count,
                       gw_loc loc, gw_diagnostics *diags, gw_title_breaks *out)
{
    if (!find_words(s)) return GW_ERR_NOMEM;
    stop_non_han(s);
    apply_terms(s, &v->terms);
    for (size_t i = 0; i < v->rule_count; i++) {
        const gw_title_rule *r = &v->rules[i];
        if (r->text) apply_literal(s, r);
        else if (r->pattern && !apply_pattern(s, r, loc, diags)) return GW_ERR_NOMEM;
    }
    if (!gw_title_find_names(s, v, names, name_count)) return GW_ERR_NOMEM;
    out->len = s->len;
    out->cost = malloc((s->len + 1) * sizeof *out->cost);
    out->resume = malloc((s->len + 1) * sizeof *out->resume);
    if (!out->cost || !out->resume) return GW_ERR_NOMEM;
    assemble(s, &v->costs, out);
    return GW_OK;
}

gw_status gw_title_break_costs(const char *text, size_t len, const gw_title_vocab *vocab,
                               const char *const *names, size_t name_count, gw_loc loc,
                               gw_diagnostics *diags, gw_title_breaks *out)
{
    memset(out, 0, sizeof *out);
    gw_title_scan s;
    if (!scan_init(&s, text, len)) return GW_ERR_NOMEM;
    gw_status st = score(&s, vocab, names, name_count, loc, diags, out);
    scan_free(&s);
    if (st != GW_OK) gw_title_breaks_free(out);
    return st;
}
