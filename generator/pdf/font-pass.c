/* The PDF writer's first pass, a device that draws nothing: it records
 * every glyph each face shows, so that each font is subset once, to exactly
 * those glyphs, before the page device writes a code for any of them. */
#include "pdf/writer.h"
#include "pdf/hpdf-glue.h"
#include "util/messages.h"
#include <stdlib.h>

typedef struct font_pass {
    gw_device      base;               /* first: the callbacks get &base */
    gw_pdf_writer *w;
} font_pass;

gw_embedded_font *gw_pdf_font_for(gw_pdf_writer *w, gw_face *face, size_t *index)
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

static gw_status record_glyphs(gw_device *dev, const gw_glyph_run *run)
{
    gw_pdf_writer *w = ((font_pass *)dev)->w;
    size_t index;
    gw_embedded_font *f = gw_pdf_font_for(w, run->face, &index);
    if (!f) return GW_ERR_NOMEM;
    for (size_t g = 0; g < run->glyph_count; g++) {
        const gw_glyph *gl = &run->glyphs[g];
        if (!gw_embedded_font_use(f, gl->gid, run->text + gl->text_start, gl->text_len))
            return GW_ERR_NOMEM;
    }
    return GW_OK;
}

/* Everything but glyph runs is of no interest to this pass. */
static gw_status skip_document(gw_device *dev, const gw_display_list *dl) { (void)dev; (void)dl; return GW_OK; }
static gw_status skip_page(gw_device *dev, const gw_page *p, size_t i) { (void)dev; (void)p; (void)i; return GW_OK; }
static gw_status skip_rule(gw_device *dev, const gw_rule_item *r) { (void)dev; (void)r; return GW_OK; }
static gw_status skip_line(gw_device *dev, const gw_line_box *b) { (void)dev; (void)b; return GW_OK; }
static gw_status skip_outline(gw_device *dev, const gw_outline_entry *e) { (void)dev; (void)e; return GW_OK; }
static gw_status skip_end(gw_device *dev) { (void)dev; return GW_OK; }
static gw_status skip_image(gw_device *dev, const gw_image_item *im, const gw_image *source)
{
    (void)dev; (void)im; (void)source;
    return GW_OK;
}

static gw_status embed(gw_pdf_writer *w)
{
    w->type0 = calloc(w->font_count ? w->font_count : 1, sizeof *w->type0);
    if (!w->type0) return GW_ERR_NOMEM;
    for (size_t i = 0; i < w->font_count; i++) {
        gw_embedded_font *f = w->fonts[i];
        if (!gw_embedded_font_finish(f)) {
            gw_report(w->diags, gw_loc_file(gw_face_path(f->face)), GW_MSG_SUBSET_FAILED);
            return GW_ERR_FONT;
        }
        w->type0[i] = gw_hpdf_type0_new(w->doc);
        if (!w->type0[i] || gw_hpdf_type0_complete(w->doc, w->type0[i], f) != HPDF_OK) return GW_ERR_INTERNAL;
    }
    return GW_OK;
}

gw_status gw_pdf_embed_fonts(gw_pdf_writer *w)
{
    font_pass pass = { { skip_document, skip_page, record_glyphs, skip_rule, skip_line, skip_image,
                         skip_page, skip_outline, skip_end },
                       w };
    gw_status st = gw_display_list_run(w->dl, &pass.base);
    return st == GW_OK ? embed(w) : st;
}
