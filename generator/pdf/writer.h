/* What the PDF backend's two passes share: the libharu document being
 * written and the objects already made for it (fonts, images, pages).
 *
 * gw_pdf_write (pdf.c) replays the display list twice: into the font pass
 * (font-pass.c), which records every glyph so that each font is subset
 * once, before any page exists; then into the page device (page-device.c),
 * which draws: text (text.c), rules, images (images.c), and bookmarks
 * (outline.c).  Page labels (page-labels.c) follow from the pages. */
#ifndef GW_PDF_WRITER_H
#define GW_PDF_WRITER_H
#include <hpdf.h>
#include "layout/display-list.h"
#include "pdf/embedded-font.h"
#include "util/diag.h"

typedef struct gw_pdf_writer {
    HPDF_Doc               doc;
    HPDF_STATUS            error;        /* first libharu error, from the handler */
    gw_diagnostics        *diags;
    const gw_display_list *dl;
    gw_embedded_font     **fonts;        /* one per face drawn, in order of first use */
    HPDF_Font             *type0;        /* fonts[i]'s font dictionary, after embedding */
    size_t                 font_count;
    HPDF_Image            *images;       /* per dl->images entry; NULL until first drawn */
    HPDF_Page             *pages;        /* per dl->pages entry, as the page device adds them */
    HPDF_ExtGState         multiply;     /* /BM /Multiply for images, made at the first */
} gw_pdf_writer;

/* The embedded font for a face, added at its first use; NULL when out of
 * memory.  *index is its place in fonts. */
gw_embedded_font *gw_pdf_font_for(gw_pdf_writer *w, gw_face *face, size_t *index);

/* Pass 1: records every glyph of the list, then subsets and embeds each
 * font (hb-subset failure: E0820). */
gw_status gw_pdf_embed_fonts(gw_pdf_writer *w);

/* Pass 2: adds and draws every page, and the outline. */
gw_status gw_pdf_draw_pages(gw_pdf_writer *w);

/* The image XObject for dl->images[index], made on first use from its PNG:
 * colour as DeviceRGB (DeviceGray for a grey PNG), alpha as a compressed
 * /SMask unless every pixel is opaque.  A file that cannot be decoded, is
 * no longer the size layout saw, or has more than GW_IMAGE_MAX_PIXELS
 * pixels is an error (E0823, E0824, E0137). */
gw_status gw_pdf_image(gw_pdf_writer *w, size_t index, HPDF_Image *out);

/* The /Outlines tree: each entry under the last one of a lower level. */
typedef struct gw_pdf_outline gw_pdf_outline;
gw_pdf_outline *gw_pdf_outline_create(size_t entries);
void            gw_pdf_outline_destroy(gw_pdf_outline *o);
gw_status       gw_pdf_outline_add(gw_pdf_writer *w, gw_pdf_outline *o, const gw_outline_entry *e);

/* /PageLabels: decimal labels equal to each page's number, a new range
 * only where the numbers do not run on by one. */
gw_status gw_pdf_page_labels(gw_pdf_writer *w);
#endif
