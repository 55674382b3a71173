/* Breaking atoms into lines on the grid, and setting each line. */
#include "text/chars.h"
#include "text/itemize.h"
#include "text/lines.h"
#include "util/grow.h"
#include "util/messages.h"
#include <stdlib.h>
#include <string.h>

#define EPSILON 0.01      /* points: rounding slack in pitch * count */
#define MAX_PUSH_IN 3     /* marks that may be pulled back onto a line */

typedef struct breaker {
    gw_itemized      it;
    const gw_measure *m;
    const char       *text;
    gw_lines         *out;
} breaker;

/* Width of atoms [s, e) set on one line: no Han-Latin margin at either end,
 * no trailing spaces. */
static double natural(const gw_itemized *it, size_t s, size_t e)
{
    while (e > s && (it->atoms[e - 1].cls & GW_CH_SPACE)) e--;
    if (e <= s) return 0;
    double w = -it->atoms[s].margin_left - it->atoms[e - 1].margin_right;
    for (size_t i = s; i < e; i++) w += it->atoms[i].width;
    return w;
}

static double shrinkable(const gw_itemized *it, size_t s, size_t e)
{
    double w = 0;
    for (size_t i = s; i < e; i++) w += it->atoms[i].shrink_left + it->atoms[i].shrink_right;
    return w;
}

/* May a line end between atoms k-1 and k? */
static int can_break_before(const gw_itemized *it, size_t k)
{
    if (k == 0 || k >= it->atom_count) return 1;
    const gw_atom *a = &it->atoms[k - 1], *b = &it->atoms[k];
    if (b->no_break_before || (b->cls & (GW_CH_NO_START | GW_CH_SPACE))) return 0;
    return !(a->cls & GW_CH_NO_END);
}

/* The first atom past s that does not fit in avail: natural(s, j + 1) kept
 * as a running sum, so fitting a line costs its length (recomputing it from
 * the line's start at every step made a line of spaces quadratic). */
static size_t first_overflow(const gw_itemized *it, size_t s, double avail)
{
    size_t n = it->atom_count, j = s + 1;
    double sum = it->atoms[s].width;                  /* widths of atoms [s, j) */
    double nat = natural(it, s, j);
    while (j < n) {
        const gw_atom *a = &it->atoms[j];
        sum += a->width;
        double next = a->cls & GW_CH_SPACE ? nat : sum - it->atoms[s].margin_left - a->margin_right;
        if (next > avail + EPSILON) break;
        nat = next;
        j++;
    }
    return j;
}

/* The end of the line that starts at atom s, with avail points of room. */
static size_t find_break(const gw_itemized *it, size_t s, double avail)
{
    size_t n = it->atom_count, j = first_overflow(it, s, avail);
    if (j == n || can_break_before(it, j)) return j;
    /* Push in first: the next marks come onto this line if compressing
     * punctuation makes room for them. */
    for (size_t k = j + 1; k <= n && k <= j + MAX_PUSH_IN; k++)
        if (can_break_before(it, k) && natural(it, s, k) - shrinkable(it, s, k) <= avail + EPSILON)
            return k;
    /* Then push out: carry characters down until the break is allowed. */
    for (size_t k = j - 1; k > s; k--)
        if (can_break_before(it, k)) return k;
    return j;            /* nothing allowed: break anyway rather than overflow */
}

/* Takes `need` points out of the line's punctuation: the last mark's right
 * half first (half-width at the line's end), then from the end backwards. */
static void compress(gw_itemized *it, size_t s, size_t e, double need)
{
    for (size_t i = e; i-- > s && need > EPSILON / 10;) {
        gw_atom *a = &it->atoms[i];
        double r = a->shrink_right < need ? a->shrink_right : need;
        a->width -= r;
        a->shrink_right -= r;
        need -= r;
        double l = a->shrink_left < need ? a->shrink_left : need;
        a->width -= l;
        a->glyph_dx -= l;
        a->shrink_left -= l;
        need -= l;
    }
}

static int append_run(gw_line *line, gw_glyph_run *run)
{
    gw_glyph_run *r = realloc(line->runs, (line->run_count + 1) * sizeof *r);
    if (!r) { free(run->glyphs); free(run->text); return 0; }
    line->runs = r;
    line->runs[line->run_count++] = *run;
    return 1;
}

/* The pen position of an atom's glyph k + 1 from its first glyph, given
 * glyph k's (pen): a pair's second glyph goes one cell on, others by their
 * advances.  Walking the glyphs in order keeps an atom of many glyphs (a
 * letter with thousands of combining marks) linear. */
static double next_pen(const gw_segment *sg, const gw_atom *a, size_t k, double pen)
{
    if (a->pair) return sg->style->pitch;
    return pen + sg->glyphs[a->glyph_start + k].x_advance * (sg->style->size / gw_face_upem(sg->face));
}

/* Atoms [s, e) of one segment, starting at pen positions xs[], as one run. */
static int emit_run(breaker *b, size_t s, size_t e, const double *xs, gw_line *line)
{
    const gw_segment *sg = &b->it.segs[b->it.atoms[s].seg];
    size_t t0 = b->it.atoms[s].text_start, t1 = b->it.atoms[e - 1].text_end, n = 0;
    for (size_t i = s; i < e; i++) n += b->it.atoms[i].glyph_count;
    gw_glyph_run run = { 0 };
    run.face = sg->face;
    run.size = sg->style->size;
    run.hscale = 1;
    run.color = sg->style->color;
    run.x = xs[0];
    run.glyphs = calloc(n ? n : 1, sizeof *run.glyphs);
    run.text = malloc(t1 - t0 + 1);
    if (!run.glyphs || !run.text) { free(run.glyphs); free(run.text); return 0; }
    memcpy(run.text, b->text + t0, t1 - t0);
    run.text[t1 - t0] = '\0';
    double scale = run.size / gw_face_upem(sg->face);
    for (size_t i = s; i < e; i++) {
        const gw_atom *a = &b->it.atoms[i];
        double pen = 0;
        for (size_t k = 0; k < a->glyph_count; pen = next_pen(sg, a, k, pen), k++) {
            size_t g = a->glyph_start + k;
            gw_glyph *out = &run.glyphs[run.glyph_count++];
            out->gid = sg->glyphs[g].gid;
            out->x = xs[i - s] - run.x + a->glyph_dx + pen + sg->glyphs[g].x_offset * scale;
            if (g > 0 && sg->glyphs[g - 1].cluster == sg->glyphs[g].cluster) continue;
            size_t c1 = gw_cluster_end(sg, g);
            out->text_start = (uint32_t)(sg->glyphs[g].cluster - t0);
            out->text_len = (uint32_t)(c1 - sg->glyphs[g].cluster);
        }
    }
    return append_run(line, &run);
}

/* Sets atoms [s, e) from x = start: stretch spreads the leftover evenly
 * over the gaps between atoms (none inside a word cut in pieces). */
static int set_line(breaker *b, size_t s, size_t e, double start, double avail, int justify)
{
    gw_itemized *it = &b->it;
    size_t visible = e;
    while (visible > s && (it->atoms[visible - 1].cls & GW_CH_SPACE)) visible--;
    double nat = natural(it, s, visible);
    if (nat > avail + EPSILON) {
        compress(it, s, visible, nat - avail);
        nat = natural(it, s, visible);
    }
    size_t gaps = 0;                      /* between atoms, not inside a cut word */
    for (size_t i = s + 1; i < visible; i++) gaps += !it->atoms[i].word_piece;
    double stretch = justify && gaps > 0 && nat < avail ? (avail - nat) / (double)gaps : 0;
    gw_lines *out = b->out;
    double *xs = malloc((e - s + 1) * sizeof *xs);
    if (!xs || !gw_grow(&out->lines, out->count, sizeof *out->lines)) { free(xs); return 0; }
    gw_line *line = &out->lines[out->count++];
    memset(line, 0, sizeof *line);
    line->start = start;
    line->text_start = it->atoms[s].text_start;
    line->text_end = it->atoms[e - 1].text_end;
    line->fills = stretch > 0 || (justify && nat >= avail - EPSILON);
    double x = start - it->atoms[s].margin_left;
    for (size_t i = s; i < e; i++) {
        xs[i - s] = x;
        x += it->atoms[i].width + (i + 1 < e && it->atoms[i + 1].word_piece ? 0 : stretch);
    }
    line->width = (visible > s ? xs[visible - 1 - s] + it->atoms[visible - 1].width - it->atoms[visible - 1].margin_right : start) - start;
    int ok = 1;
    /* Spaces at the line's end are not drawn: however many there are, a
     * line holds what fits on it. */
    for (size_t i = s; ok && i < visible;) {        /* one run per segment */
        size_t j = i + 1;
        while (j < visible && it->atoms[j].seg == it->atoms[i].seg) j++;
        ok = emit_run(b, i, j, xs + (i - s), line);
        i = j;
    }
    free(xs);
    return ok;
}

static int break_lines(breaker *b)
{
    size_t s = 0, n = b->it.atom_count;
    while (s < n) {
        double start = b->out->count == 0 ? b->m->first_indent : 0;
        double avail = b->m->width - start;
        size_t e = find_break(&b->it, s, avail);
        if (!set_line(b, s, e, start, avail, b->m->justify && e < n)) return 0;
        s = e;
    }
    return 1;
}

gw_status gw_set_text(const char *text, size_t len, const gw_span *spans, size_t span_count,
                      const gw_measure *m, gw_loc loc, gw_diagnostics *diags, gw_lines *out)
{
    memset(out, 0, sizeof *out);
    if (len > GW_MAX_TEXT_BYTES) {
        gw_report(diags, loc, GW_MSG_TEXT_TOO_LONG, len, GW_MAX_TEXT_BYTES);
        return GW_ERR_INPUT;
    }
    breaker b = { .m = m, .text = text, .out = out };
    gw_status st = gw_itemize(text, len, spans, span_count, m->width - m->first_indent, loc,
                              diags, &b.it);
    if (st == GW_OK && !break_lines(&b)) st = GW_ERR_NOMEM;
    gw_itemized_free(&b.it);
    if (st != GW_OK) gw_lines_free(out);
    return st;
}

gw_status gw_set_plain(const char *text, size_t len, const gw_text_style *style, double width,
                       double first_indent, gw_loc loc, gw_diagnostics *diags, gw_lines *out)
{
    gw_span span = { 0, len, style };
    gw_measure m = { width, first_indent, 0 };
    return gw_set_text(text, len, &span, 1, &m, loc, diags, out);
}

void gw_lines_free(gw_lines *lines)
{
    for (size_t i = 0; i < lines->count; i++) {
        for (size_t r = 0; r < lines->lines[i].run_count; r++) {
            free(lines->lines[i].runs[r].glyphs);
            free(lines->lines[i].runs[r].text);
        }
        free(lines->lines[i].runs);
    }
    free(lines->lines);
    memset(lines, 0, sizeof *lines);
}
