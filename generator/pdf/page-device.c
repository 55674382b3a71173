/* The PDF writer's drawing pass: a device that adds a libharu page per
 * display-list page and draws its items into the content stream; line
 * boxes are not drawn.  Coordinates turn from the list's (top-left origin,
 * y down) into PDF's (bottom-left, y up) here and in text.c. */
#include "pdf/writer.h"
#include "pdf/hpdf-glue.h"
#include "pdf/text.h"
#include <stdlib.h>

typedef struct page_device {
    gw_device         base;            /* first: the callbacks get &base */
    gw_pdf_writer    *w;
    HPDF_Page         page;            /* the page being drawn */
    double            height;          /* its height, points, as libharu has it */
    gw_pdf_text_state text;
    gw_pdf_outline   *outline;
} page_device;

static page_device *device_of(gw_device *dev) { return (page_device *)dev; }

static gw_status begin_document(gw_device *dev, const gw_display_list *dl)
{
    page_device *d = device_of(dev);
    d->w->pages = calloc(dl->page_count ? dl->page_count : 1, sizeof *d->w->pages);
    d->w->images = calloc(dl->image_count ? dl->image_count : 1, sizeof *d->w->images);
    d->outline = gw_pdf_outline_create(dl->outline_count);
    return d->w->pages && d->w->images && d->outline ? GW_OK : GW_ERR_NOMEM;
}

static gw_status begin_page(gw_device *dev, const gw_page *dp, size_t index)
{
    page_device *d = device_of(dev);
    HPDF_Page page = HPDF_AddPage(d->w->doc);
    if (!page) return GW_ERR_NOMEM;
    HPDF_Page_SetWidth(page, (HPDF_REAL)dp->width);
    HPDF_Page_SetHeight(page, (HPDF_REAL)dp->height);
    gw_hpdf_page_drop_procset(page);
    d->w->pages[index] = d->page = page;
    /* libharu keeps the height as a float: text.c measures from that too */
    d->height = HPDF_Page_GetHeight(page);
    gw_pdf_text_reset(&d->text);
    return GW_OK;
}

static gw_status glyphs(gw_device *dev, const gw_glyph_run *run)
{
    page_device *d = device_of(dev);
    return gw_pdf_text_draw(d->w, d->page, &d->text, run);
}

static void set_stroke(HPDF_Page page, const gw_color *c)
{
    if (c->cmyk) HPDF_Page_SetCMYKStroke(page, (HPDF_REAL)c->c, (HPDF_REAL)c->m, (HPDF_REAL)c->y, (HPDF_REAL)c->k);
    else HPDF_Page_SetGrayStroke(page, (HPDF_REAL)(1 - c->k));
}

static gw_status rule(gw_device *dev, const gw_rule_item *r)
{
    page_device *d = device_of(dev);
    gw_pdf_text_end(d->page, &d->text);
    set_stroke(d->page, &r->color);
    HPDF_Page_SetLineWidth(d->page, (HPDF_REAL)r->thickness);
    HPDF_Page_MoveTo(d->page, (HPDF_REAL)r->x1, (HPDF_REAL)(d->height - r->y1));
    HPDF_Page_LineTo(d->page, (HPDF_REAL)r->x2, (HPDF_REAL)(d->height - r->y2));
    HPDF_Page_Stroke(d->page);
    return GW_OK;
}

/* A line box only says where a line of text sits: nothing to draw. */
static gw_status line(gw_device *dev, const gw_line_box *box)
{
    (void)dev;
    (void)box;
    return GW_OK;
}

/* Seal ink over the date leaves the date's black showing through, as on
 * paper: images are composited with the Multiply blend mode, so neither
 * the seal nor the text under it hides the other, whatever order layout
 * draws them in.  One graphics-state dictionary for the document. */
static HPDF_ExtGState multiply(gw_pdf_writer *w)
{
    if (!w->multiply) {
        HPDF_ExtGState gs = HPDF_CreateExtGState(w->doc);
        if (gs && HPDF_ExtGState_SetBlendMode(gs, HPDF_BM_MULTIPLY) == HPDF_OK) w->multiply = gs;
    }
    return w->multiply;
}

/* The image's XObject (made at its first drawing) painted into the box:
 * the list gives the box's top-left corner, PDF wants its bottom-left. */
static gw_status image(gw_device *dev, const gw_image_item *im, const gw_image *source)
{
    (void)source;
    page_device *d = device_of(dev);
    HPDF_Image xobject;
    gw_status st = gw_pdf_image(d->w, im->image, &xobject);
    HPDF_ExtGState blend = st == GW_OK ? multiply(d->w) : NULL;
    if (st != GW_OK || !blend) return st != GW_OK ? st : GW_ERR_INTERNAL;
    gw_pdf_text_end(d->page, &d->text);
    HPDF_Page_GSave(d->page);
    HPDF_Page_SetExtGState(d->page, blend);
    HPDF_Page_DrawImage(d->page, xobject, (HPDF_REAL)im->x, (HPDF_REAL)(d->height - im->y - im->height),
                        (HPDF_REAL)im->width, (HPDF_REAL)im->height);
    return HPDF_Page_GRestore(d->page) == HPDF_OK ? GW_OK : GW_ERR_INTERNAL;
}

static gw_status end_page(gw_device *dev, const gw_page *dp, size_t index)
{
    (void)dp;
    (void)index;
    page_device *d = device_of(dev);
    gw_pdf_text_end(d->page, &d->text);
    return GW_OK;
}

static gw_status outline(gw_device *dev, const gw_outline_entry *e)
{
    page_device *d = device_of(dev);
    return gw_pdf_outline_add(d->w, d->outline, e);
}

static gw_status end_document(gw_device *dev)
{
    (void)dev;
    return GW_OK;
}

gw_status gw_pdf_draw_pages(gw_pdf_writer *w)
{
    page_device d = { { begin_document, begin_page, glyphs, rule, line, image, end_page, outline,
                        end_document },
                      w, NULL, 0, { 0 }, NULL };
    gw_status st = gw_display_list_run(w->dl, &d.base);
    gw_pdf_outline_destroy(d.outline);
    return st;
}
