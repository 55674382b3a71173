#include "text/lines.h"
#include "text/shape.h"
#include "util/utf8.h"
#include <stdlib.h>
#include <string.h>

/* A stretch of text set in one face: Latin stretches are unbreakable. */
typedef struct segment {
    gw_face *face;
    size_t   start, len;     /* bytes in the paragraph text */
    int      latin;
} segment;

/* The unit the breaker places: one CJK cluster or one whole Latin segment. */
typedef struct box {
    size_t seg;
    size_t glyph_start, glyph_count;
    double width;
} box;

typedef struct breaker {
    const char          *text;
    size_t               len;
    const gw_text_style *style;
    segment             *segs;
    size_t               seg_count;
    gw_shaped          **glyphs;     /* per segment */
    size_t              *glyph_counts;
    box                 *boxes;
    size_t               box_count;
} breaker;

static int is_latin(uint32_t cp) { return cp >= 0x20 && cp < 0x7F; }

static gw_face *face_for(const gw_text_style *st, uint32_t cp, int latin)
{
    gw_face *f = latin && st->latin ? gw_role_face_for(st->latin, cp) : NULL;
    return f ? f : gw_role_face_for(st->role, cp);
}

static int push_segment(breaker *b, gw_face *face, size_t start, size_t len, int latin)
{
    if (b->seg_count && b->segs[b->seg_count - 1].face == face &&
        b->segs[b->seg_count - 1].latin == latin &&
        b->segs[b->seg_count - 1].start + b->segs[b->seg_count - 1].len == start) {
        b->segs[b->seg_count - 1].len += len;
        return 1;
    }
    segment *s = realloc(b->segs, (b->seg_count + 1) * sizeof *s);
    if (!s) return 0;
    b->segs = s;
    b->segs[b->seg_count++] = (segment){ face, start, len, latin };
    return 1;
}

static gw_status segment_text(breaker *b, gw_loc loc, gw_diagnostics *diags)
{
    gw_status st = GW_OK;
    size_t i = 0;
    while (i < b->len) {
        size_t start = i;
        uint32_t cp = gw_utf8_next(b->text, b->len, &i);
        if (cp == GW_UTF8_INVALID) {
            gw_error(diags, "E0811", loc, "invalid UTF-8 at byte %zu", start);
            st = GW_ERR_INPUT;
            continue;
        }
        int latin = is_latin(cp);
        gw_face *face = face_for(b->style, cp, latin);
        if (!face) {
            gw_error(diags, "E0810", loc, "no font has the character U+%04X “%.*s”", cp,
                     (int)(i - start), b->text + start);
            st = GW_ERR_FONT;
            continue;
        }
        if (!push_segment(b, face, start, i - start, latin)) return GW_ERR_NOMEM;
    }
    return st;
}

static int add_box(breaker *b, size_t seg, size_t g0, size_t n, double width)
{
    if ((b->box_count & 255) == 0) {
        box *p = realloc(b->boxes, (b->box_count + 256) * sizeof *p);
        if (!p) return 0;
        b->boxes = p;
    }
    b->boxes[b->box_count++] = (box){ seg, g0, n, width };
    return 1;
}

static int shape_and_box(breaker *b)
{
    b->glyphs = calloc(b->seg_count ? b->seg_count : 1, sizeof *b->glyphs);
    b->glyph_counts = calloc(b->seg_count ? b->seg_count : 1, sizeof *b->glyph_counts);
    if (!b->glyphs || !b->glyph_counts) return 0;
    for (size_t s = 0; s < b->seg_count; s++) {
        segment *sg = &b->segs[s];
        size_t n = gw_shape(sg->face, b->text, b->len, sg->start, sg->len, &b->glyphs[s]);
        if (n == (size_t)-1) return 0;
        b->glyph_counts[s] = n;
        double scale = b->style->size / sg->face->upem;
        if (sg->latin) {
            double w = 0;
            for (size_t g = 0; g < n; g++) w += b->glyphs[s][g].x_advance * scale;
            if (n && !add_box(b, s, 0, n, w)) return 0;
            continue;
        }
        for (size_t g = 0; g < n;) {            /* one box per cluster */
            size_t e = g + 1;
            while (e < n && b->glyphs[s][e].cluster == b->glyphs[s][g].cluster) e++;
            if (!add_box(b, s, g, e - g, b->style->pitch)) return 0;
            g = e;
        }
    }
    return 1;
}

/* Byte range of a box's clusters in the paragraph text. */
static void box_text(const breaker *b, const box *bx, size_t *start, size_t *end)
{
    const segment *sg = &b->segs[bx->seg];
    const gw_shaped *g = b->glyphs[bx->seg];
    size_t last = bx->glyph_start + bx->glyph_count;
    *start = g[bx->glyph_start].cluster;
    *end = last < b->glyph_counts[bx->seg] ? g[last].cluster : sg->start + sg->len;
    if (*end < *start) *end = sg->start + sg->len;    /* defensive: LTR keeps clusters rising */
}

/* Turns boxes [first, last) set from x = 0 into glyph runs, one per segment. */
static int emit_line(breaker *b, size_t first, size_t last, gw_line *line)
{
    double x = 0;
    for (size_t k = first; k < last;) {
        size_t seg = b->boxes[k].seg, end = k;
        while (end < last && b->boxes[end].seg == seg) end++;
        size_t t0, t1, dummy;
        box_text(b, &b->boxes[k], &t0, &dummy);
        box_text(b, &b->boxes[end - 1], &dummy, &t1);
        size_t nglyph = 0;
        for (size_t q = k; q < end; q++) nglyph += b->boxes[q].glyph_count;
        gw_glyph_run run = { 0 };
        run.face = b->segs[seg].face;
        run.size = b->style->size;
        run.hscale = 1;
        run.color = b->style->color;
        run.x = x;
        run.glyphs = calloc(nglyph ? nglyph : 1, sizeof *run.glyphs);
        run.text = malloc(t1 - t0 + 1);
        if (!run.glyphs || !run.text) { free(run.glyphs); free(run.text); return 0; }
        memcpy(run.text, b->text + t0, t1 - t0);
        run.text[t1 - t0] = '\0';
        double scale = run.size / run.face->upem, pen = 0;
        for (size_t q = k; q < end; q++) {
            const box *bx = &b->boxes[q];
            const gw_shaped *g = b->glyphs[seg];
            double gpen = pen;
            for (size_t i = bx->glyph_start; i < bx->glyph_start + bx->glyph_count; i++) {
                gw_glyph *out = &run.glyphs[run.glyph_count++];
                out->gid = g[i].gid;
                out->x = gpen + g[i].x_offset * scale;
                int first_of_cluster = i == bx->glyph_start || g[i - 1].cluster != g[i].cluster;
                if (first_of_cluster) {
                    size_t c0 = g[i].cluster, j = i + 1, c1;
                    while (j < b->glyph_counts[seg] && g[j].cluster == g[i].cluster) j++;
                    c1 = j < b->glyph_counts[seg] ? g[j].cluster : b->segs[seg].start + b->segs[seg].len;
                    out->text_start = (uint32_t)(c0 - t0);
                    out->text_len = (uint32_t)(c1 > c0 ? c1 - c0 : 0);
                }
                if (b->segs[seg].latin) gpen += g[i].x_advance * scale;
            }
            pen += bx->width;
        }
        gw_glyph_run *runs = realloc(line->runs, (line->run_count + 1) * sizeof *runs);
        if (!runs) { free(run.glyphs); free(run.text); return 0; }
        line->runs = runs;
        line->runs[line->run_count++] = run;
        x += pen;
        k = end;
    }
    line->width = x;
    return 1;
}

static int fill_lines(breaker *b, double first_width, double width, gw_lines *out)
{
    size_t k = 0;
    while (k < b->box_count) {
        double avail = out->count == 0 ? first_width : width, x = 0;
        size_t start = k;
        /* 0.01 pt of slack absorbs rounding in pitch * count */
        while (k < b->box_count && (k == start || x + b->boxes[k].width <= avail + 0.01))
            x += b->boxes[k++].width;
        gw_line *l = realloc(out->lines, (out->count + 1) * sizeof *l);
        if (!l) return 0;
        out->lines = l;
        memset(&out->lines[out->count], 0, sizeof *l);
        if (!emit_line(b, start, k, &out->lines[out->count++])) return 0;
    }
    return 1;
}

static void breaker_free(breaker *b)
{
    for (size_t s = 0; b->glyphs && s < b->seg_count; s++) free(b->glyphs[s]);
    free(b->glyphs);
    free(b->glyph_counts);
    free(b->segs);
    free(b->boxes);
}

gw_status gw_break_text(const char *text, size_t len, const gw_text_style *style,
                        double first_width, double width, gw_loc loc,
                        gw_diagnostics *diags, gw_lines *out)
{
    breaker b = { .text = text, .len = len, .style = style };
    memset(out, 0, sizeof *out);
    gw_status st = segment_text(&b, loc, diags);
    if (st == GW_OK && (!shape_and_box(&b) || !fill_lines(&b, first_width, width, out)))
        st = GW_ERR_NOMEM;
    breaker_free(&b);
    if (st != GW_OK) gw_lines_free(out);
    return st;
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
