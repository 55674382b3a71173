/* Glyph runs as content-stream text (see text.h). */
#include "pdf/text.h"
#include "pdf/hpdf-glue.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* Shortest decimal form with up to 3 decimals: "15.793", "0", "-12.9". */
static void put_num(gw_buf *b, double v)
{
    char s[32];
    if (fabs(v) < 0.0005) v = 0;
    int n = snprintf(s, sizeof s, "%.3f", v);
    while (n > 0 && s[n - 1] == '0') s[--n] = '\0';
    if (n > 0 && s[n - 1] == '.') s[--n] = '\0';
    gw_buf_puts(b, s);
}

static void set_fill(HPDF_Page page, const gw_color *c)
{
    if (c->cmyk) HPDF_Page_SetCMYKFill(page, (HPDF_REAL)c->c, (HPDF_REAL)c->m, (HPDF_REAL)c->y, (HPDF_REAL)c->k);
    else HPDF_Page_SetGrayFill(page, (HPDF_REAL)(1 - c->k));
}

void gw_pdf_text_reset(gw_pdf_text_state *ts)
{
    *ts = (gw_pdf_text_state){ 0, 0, 0, NAN, (size_t)-1, 0, 0, 100, { 0, 0, 0, 0, 0 }, 0 };
}

/* The character spacing (Tc) that puts most glyphs of the run where the
 * layout wants them: the commonest gap between one glyph's advance and the
 * next glyph (on the grid, every gap but those around compressed marks).
 * TJ adjustments place the others. */
static double common_spacing(const gw_glyph_run *run, const gw_embedded_font *f)
{
    double best = 0;
    size_t best_count = 0, n = run->glyph_count ? run->glyph_count - 1 : 0;
    double *gaps = malloc((n ? n : 1) * sizeof *gaps);
    if (!gaps) return 0;
    for (size_t g = 0; g < n; g++) {
        double adv = gw_embedded_font_width(f, run->glyphs[g].gid) / 1000 * run->size * run->hscale;
        gaps[g] = (run->glyphs[g + 1].x - run->glyphs[g].x - adv) / run->hscale;
    }
    for (size_t i = 0; i < n && best_count * 2 <= n; i++) {
        size_t count = 0;
        for (size_t j = i; j < n; j++) count += fabs(gaps[j] - gaps[i]) < 0.0005;
        if (count > best_count) { best_count = count; best = gaps[i]; }
    }
    free(gaps);
    return best;
}

/* Appends a 2-byte code to a literal string.  Raw bytes compress better
 * than hex; only the delimiters, the backslash and CR (which a reader would
 * turn into LF) need escaping. */
static void put_code(gw_buf *ops, uint32_t code)
{
    unsigned char bytes[2] = { (unsigned char)(code >> 8), (unsigned char)code };
    for (int i = 0; i < 2; i++) {
        switch (bytes[i]) {
        case '(': gw_buf_puts(ops, "\\("); break;
        case ')': gw_buf_puts(ops, "\\)"); break;
        case '\\': gw_buf_puts(ops, "\\\\"); break;
        case '\r': gw_buf_puts(ops, "\\r"); break;
        default: gw_buf_append(ops, &bytes[i], 1);
        }
    }
}

/* The TJ operator for a run: glyph codes, with a position adjustment before
 * any glyph whose pen position differs from where Tc and W put it.
 * Returns the run's advance: where the next glyph would go. */
static double show_run(gw_buf *ops, const gw_glyph_run *run, const gw_embedded_font *f, double tc,
                       double pen)
{
    double start = pen, unit = run->size * run->hscale / 1000;
    int open = 0;                      /* inside a string */
    gw_buf_puts(ops, "[");
    for (size_t g = 0; g < run->glyph_count; g++) {
        const gw_glyph *gl = &run->glyphs[g];
        double adj = -(gl->x - pen) / unit;
        if (fabs(adj) >= 0.01) {
            gw_buf_puts(ops, open ? ")" : "");
            put_num(ops, adj);
            open = 0;
            pen = gl->x;
        }
        gw_buf_puts(ops, open ? "" : "(");
        open = 1;
        put_code(ops, gw_embedded_font_code(f, gl->gid));
        pen += (gw_embedded_font_width(f, gl->gid) / 1000 * run->size + tc) * run->hscale;
    }
    gw_buf_puts(ops, open ? ")] TJ\n" : "] TJ\n");
    return pen - start;
}


/* Field by field: a struct's padding bytes are not part of its value. */
static int same_color(const gw_color *a, const gw_color *b)
{
    return a->cmyk == b->cmyk && a->c == b->c && a->m == b->m && a->y == b->y && a->k == b->k;
}

void gw_pdf_text_end(HPDF_Page page, gw_pdf_text_state *ts)
{
    if (ts->in_text) HPDF_Page_EndText(page);
    ts->in_text = 0;
}

static void set_text_state(gw_pdf_writer *w, HPDF_Page page, gw_pdf_text_state *ts, const gw_glyph_run *run,
                           size_t index, double tc, gw_buf *ops)
{
    if (!ts->in_text) {
        HPDF_Page_BeginText(page);
        ts->line_x = ts->line_y = 0;
        ts->pen_x = NAN;
    }
    ts->in_text = 1;
    if (!ts->fill_set || !same_color(&ts->fill, &run->color)) {
        set_fill(page, &run->color);
        ts->fill = run->color;
        ts->fill_set = 1;
    }
    if (ts->font != index || ts->size != run->size) {
        HPDF_Page_SetFontAndSize(page, w->type0[index], (HPDF_REAL)run->size);
        ts->font = index;
        ts->size = run->size;
    }
    /* Tc and Tz belong to the graphics state and outlive BT/ET. */
    if (fabs(tc - ts->tc) > 0.0005) { put_num(ops, tc); gw_buf_puts(ops, " Tc\n"); ts->tc = tc; }
    if (fabs(run->hscale * 100 - ts->tz) > 0.0005) {
        put_num(ops, run->hscale * 100);
        gw_buf_puts(ops, " Tz\n");
        ts->tz = run->hscale * 100;
    }
}

gw_status gw_pdf_text_draw(gw_pdf_writer *w, HPDF_Page page, gw_pdf_text_state *ts, const gw_glyph_run *run)
{
    size_t index;
    gw_embedded_font *f = gw_pdf_font_for(w, run->face, &index);
    if (!f || !run->glyph_count) return f ? GW_OK : GW_ERR_NOMEM;
    /* One glyph has no gap to set: keep whatever Tc is in force. */
    double tc = run->glyph_count < 2 ? ts->tc : common_spacing(run, f);
    gw_buf ops;
    gw_buf_init(&ops);
    set_text_state(w, page, ts, run, index, tc, &ops);
    /* A run on the same baseline continues from where the last one ended
     * (show_run adjusts the small difference); a new line moves relative to
     * the last line's start, a move that repeats from line to line and so
     * compresses to almost nothing. */
    double y = HPDF_Page_GetHeight(page) - run->y, pen = run->x;
    if (fabs(y - ts->line_y) < 0.0005 && !isnan(ts->pen_x)) {
        pen = ts->pen_x;
    } else {
        put_num(&ops, run->x - ts->line_x);
        gw_buf_puts(&ops, " ");
        put_num(&ops, y - ts->line_y);
        gw_buf_puts(&ops, " Td\n");
        ts->line_x = run->x;
        ts->line_y = y;
    }
    ts->pen_x = pen + show_run(&ops, run, f, tc, pen - run->x);
    if (ops.failed) { gw_buf_free(&ops); return GW_ERR_NOMEM; }
    /* libharu's stream writes report failure only by status */
    HPDF_STATUS written = gw_hpdf_page_write(page, ops.data, ops.len);
    gw_buf_free(&ops);
    return written == HPDF_OK ? GW_OK : GW_ERR_NOMEM;
}

