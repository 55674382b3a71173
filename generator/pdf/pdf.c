#include "pdf/pdf.h"
#include "pdf/embedded-font.h"
#include "pdf/hpdf-glue.h"
#include "pdf/pack.h"
#include "util/buf.h"
#include "util/messages.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct writer {
    HPDF_Doc           doc;
    HPDF_STATUS        error;          /* first libharu error, from the handler */
    const gw_display_list *dl;
    gw_embedded_font **fonts;          /* one per face drawn, in order of first use */
    HPDF_Font         *type0;
    size_t             font_count;
} writer;

static void on_hpdf_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
    (void)detail;
    writer *w = data;
    if (!w->error) w->error = error;
}

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

static gw_embedded_font *font_for(writer *w, gw_face *face, size_t *index)
{
    for (size_t i = 0; i < w->font_count; i++)
        if (w->fonts[i]->face == face) { *index = i; return w->fonts[i]; }
    gw_embedded_font **f = realloc(w->fonts, (w->font_count + 1) * sizeof *f);
    if (!f) return NULL;
    w->fonts = f;
    if (!(w->fonts[w->font_count] = gw_embedded_font_create(face))) return NULL;
    *index = w->font_count;
    return w->fonts[w->font_count++];
}

/* Pass 1: every glyph drawn, so each font is subset once, before any page. */
static gw_status collect_glyphs(writer *w)
{
    for (size_t p = 0; p < w->dl->page_count; p++) {
        const gw_page *page = &w->dl->pages[p];
        for (size_t i = 0; i < page->item_count; i++) {
            if (page->items[i].kind != GW_ITEM_GLYPHS) continue;
            const gw_glyph_run *run = &page->items[i].u.glyphs;
            size_t index;
            gw_embedded_font *f = font_for(w, run->face, &index);
            if (!f) return GW_ERR_NOMEM;
            for (size_t g = 0; g < run->glyph_count; g++) {
                const gw_glyph *gl = &run->glyphs[g];
                if (!gw_embedded_font_use(f, gl->gid, run->text + gl->text_start, gl->text_len))
                    return GW_ERR_NOMEM;
            }
        }
    }
    return GW_OK;
}

static gw_status embed_fonts(writer *w, gw_diagnostics *diags)
{
    w->type0 = calloc(w->font_count ? w->font_count : 1, sizeof *w->type0);
    if (!w->type0) return GW_ERR_NOMEM;
    for (size_t i = 0; i < w->font_count; i++) {
        gw_embedded_font *f = w->fonts[i];
        if (!gw_embedded_font_finish(f)) {
            gw_report(diags, gw_loc_file(gw_face_path(f->face)), GW_MSG_SUBSET_FAILED);
            return GW_ERR_FONT;
        }
        w->type0[i] = gw_hpdf_type0_new(w->doc);
        if (!w->type0[i] || gw_hpdf_type0_complete(w->doc, w->type0[i], f) != HPDF_OK) return GW_ERR_INTERNAL;
    }
    return GW_OK;
}

static void set_fill(HPDF_Page page, const gw_color *c)
{
    if (c->cmyk) HPDF_Page_SetCMYKFill(page, (HPDF_REAL)c->c, (HPDF_REAL)c->m, (HPDF_REAL)c->y, (HPDF_REAL)c->k);
    else HPDF_Page_SetGrayFill(page, (HPDF_REAL)(1 - c->k));
}

static void set_stroke(HPDF_Page page, const gw_color *c)
{
    if (c->cmyk) HPDF_Page_SetCMYKStroke(page, (HPDF_REAL)c->c, (HPDF_REAL)c->m, (HPDF_REAL)c->y, (HPDF_REAL)c->k);
    else HPDF_Page_SetGrayStroke(page, (HPDF_REAL)(1 - c->k));
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

/* What the page's content stream has set so far, so each operator is
 * written only when its value changes: one text object spans all the runs
 * between two rules. */
typedef struct page_state {
    int      in_text;
    double   line_x, line_y;  /* text line matrix origin (Td is relative to it) */
    double   pen_x;           /* where the last run ended, on line_y */
    size_t   font;            /* index into writer.fonts, or (size_t)-1 */
    double   size, tc, tz;
    gw_color fill;
    int      fill_set;
} page_state;

/* Field by field: a struct's padding bytes are not part of its value. */
static int same_color(const gw_color *a, const gw_color *b)
{
    return a->cmyk == b->cmyk && a->c == b->c && a->m == b->m && a->y == b->y && a->k == b->k;
}

static void end_text(HPDF_Page page, page_state *ps)
{
    if (ps->in_text) HPDF_Page_EndText(page);
    ps->in_text = 0;
}

static void set_text_state(writer *w, HPDF_Page page, page_state *ps, const gw_glyph_run *run,
                           size_t index, double tc, gw_buf *ops)
{
    if (!ps->in_text) {
        HPDF_Page_BeginText(page);
        ps->line_x = ps->line_y = 0;
        ps->pen_x = NAN;
    }
    ps->in_text = 1;
    if (!ps->fill_set || !same_color(&ps->fill, &run->color)) {
        set_fill(page, &run->color);
        ps->fill = run->color;
        ps->fill_set = 1;
    }
    if (ps->font != index || ps->size != run->size) {
        HPDF_Page_SetFontAndSize(page, w->type0[index], (HPDF_REAL)run->size);
        ps->font = index;
        ps->size = run->size;
    }
    /* Tc and Tz belong to the graphics state and outlive BT/ET. */
    if (fabs(tc - ps->tc) > 0.0005) { put_num(ops, tc); gw_buf_puts(ops, " Tc\n"); ps->tc = tc; }
    if (fabs(run->hscale * 100 - ps->tz) > 0.0005) {
        put_num(ops, run->hscale * 100);
        gw_buf_puts(ops, " Tz\n");
        ps->tz = run->hscale * 100;
    }
}

static gw_status draw_glyphs(writer *w, HPDF_Page page, const gw_glyph_run *run, page_state *ps)
{
    size_t index;
    gw_embedded_font *f = font_for(w, run->face, &index);
    if (!f || !run->glyph_count) return f ? GW_OK : GW_ERR_NOMEM;
    /* One glyph has no gap to set: keep whatever Tc is in force. */
    double tc = run->glyph_count < 2 ? ps->tc : common_spacing(run, f);
    gw_buf ops;
    gw_buf_init(&ops);
    set_text_state(w, page, ps, run, index, tc, &ops);
    /* A run on the same baseline continues from where the last one ended
     * (show_run adjusts the small difference); a new line moves relative to
     * the last line's start, a move that repeats from line to line and so
     * compresses to almost nothing. */
    double y = HPDF_Page_GetHeight(page) - run->y, pen = run->x;
    if (fabs(y - ps->line_y) < 0.0005 && !isnan(ps->pen_x)) {
        pen = ps->pen_x;
    } else {
        put_num(&ops, run->x - ps->line_x);
        gw_buf_puts(&ops, " ");
        put_num(&ops, y - ps->line_y);
        gw_buf_puts(&ops, " Td\n");
        ps->line_x = run->x;
        ps->line_y = y;
    }
    ps->pen_x = pen + show_run(&ops, run, f, tc, pen - run->x);
    if (ops.failed) { gw_buf_free(&ops); return GW_ERR_NOMEM; }
    /* libharu's stream writes report failure only by status */
    HPDF_STATUS written = gw_hpdf_page_write(page, ops.data, ops.len);
    gw_buf_free(&ops);
    return written == HPDF_OK ? GW_OK : GW_ERR_NOMEM;
}

static void draw_rule(HPDF_Page page, const gw_rule_item *r)
{
    double h = HPDF_Page_GetHeight(page);
    set_stroke(page, &r->color);
    HPDF_Page_SetLineWidth(page, (HPDF_REAL)r->thickness);
    HPDF_Page_MoveTo(page, (HPDF_REAL)r->x1, (HPDF_REAL)(h - r->y1));
    HPDF_Page_LineTo(page, (HPDF_REAL)r->x2, (HPDF_REAL)(h - r->y2));
    HPDF_Page_Stroke(page);
}

static gw_status draw_pages(writer *w)
{
    for (size_t p = 0; p < w->dl->page_count; p++) {
        const gw_page *dp = &w->dl->pages[p];
        HPDF_Page page = HPDF_AddPage(w->doc);
        if (!page) return GW_ERR_NOMEM;
        HPDF_Page_SetWidth(page, (HPDF_REAL)dp->width);
        HPDF_Page_SetHeight(page, (HPDF_REAL)dp->height);
        gw_hpdf_page_drop_procset(page);
        page_state ps = { 0, 0, 0, NAN, (size_t)-1, 0, 0, 100, { 0, 0, 0, 0, 0 }, 0 };
        for (size_t i = 0; i < dp->item_count; i++) {
            const gw_item *it = &dp->items[i];
            if (it->kind == GW_ITEM_RULE) {
                end_text(page, &ps);
                draw_rule(page, &it->u.rule);
            } else if (it->kind == GW_ITEM_GLYPHS) {
                gw_status st = draw_glyphs(w, page, &it->u.glyphs, &ps);
                if (st != GW_OK) return st;
            }                                  /* line boxes are not drawn */
        }
        end_text(page, &ps);
    }
    return GW_OK;
}

static void set_dates(HPDF_Doc doc, int64_t when)
{
    if (when < 0) return;
    /* Offices date documents in China Standard Time (UTC+8, no DST). */
    time_t t = (time_t)when + 8 * 3600;
    struct tm tm;
    if (!gmtime_r(&t, &tm)) return;
    HPDF_Date d = { tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                    '+', 8, 0 };
    HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, d);
    HPDF_SetInfoDateAttr(doc, HPDF_INFO_MOD_DATE, d);
}

static void set_info(writer *w, const gw_pdf_info *info)
{
    HPDF_SetInfoAttr(w->doc, HPDF_INFO_CREATOR, "gongwen " GW_VERSION);
    HPDF_SetInfoAttr(w->doc, HPDF_INFO_PRODUCER, "gongwen " GW_VERSION " (libharu, HarfBuzz)");
    const char *keys[] = { "Title", "Author", "Subject" };
    const char *vals[] = { info->title, info->author, info->subject };
    for (int i = 0; i < 3; i++) {
        if (!vals[i]) continue;
        gw_hpdf_set_info_text(w->doc, keys[i], vals[i]);
    }
    set_dates(w->doc, info->date);
}

static gw_status save(writer *w, unsigned char **out, size_t *out_len)
{
    if (gw_hpdf_deflate_contents(w->doc) != HPDF_OK || HPDF_SaveToStream(w->doc) != HPDF_OK) return GW_ERR_INTERNAL;
    HPDF_UINT32 size = HPDF_GetStreamSize(w->doc);
    unsigned char *buf = malloc(size ? size : 1);
    if (!buf) return GW_ERR_NOMEM;
    HPDF_UINT32 got = 0;
    while (got < size) {
        HPDF_UINT32 n = size - got;
        HPDF_STATUS st = HPDF_ReadFromStream(w->doc, buf + got, &n);
        got += n;
        if (st != HPDF_OK || n == 0) break;
    }
    if (got != size) { free(buf); return GW_ERR_INTERNAL; }
    *out = buf;
    *out_len = size;
    return GW_OK;
}

gw_status gw_pdf_write(const gw_display_list *dl, const gw_pdf_info *info, gw_diagnostics *diags,
                       unsigned char **out, size_t *out_len)
{
    writer w = { .dl = dl };
    w.doc = HPDF_New(on_hpdf_error, &w);
    if (!w.doc) return GW_ERR_NOMEM;
    HPDF_SetCompressionMode(w.doc, HPDF_COMP_IMAGE);   /* the rest: deflate.c, once */
    set_info(&w, info);
    gw_status st = collect_glyphs(&w);
    if (st == GW_OK) st = embed_fonts(&w, diags);
    if (st == GW_OK) st = draw_pages(&w);
    if (st == GW_OK && w.error) st = GW_ERR_INTERNAL;
    unsigned char *raw = NULL;
    size_t raw_len = 0;
    if (st == GW_OK) st = save(&w, &raw, &raw_len);
    if (st == GW_OK) st = gw_pdf_pack(raw, raw_len, diags, out, out_len);
    free(raw);
    if (st == GW_ERR_INTERNAL)
        gw_report(diags, gw_loc_file(""), GW_MSG_PDF_LIBRARY, (unsigned)w.error);
    HPDF_Free(w.doc);
    for (size_t i = 0; i < w.font_count; i++) gw_embedded_font_destroy(w.fonts[i]);
    free(w.fonts);
    free(w.type0);
    return st;
}
