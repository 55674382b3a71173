/* The PDF backend: a display list to PDF bytes. */
#ifndef GW_PDF_H
#define GW_PDF_H
#include <stdint.h>
#include "layout/display-list.h"
#include "util/diag.h"

typedef struct gw_pdf_info {
    const char *title, *author, *subject;
    int64_t     date;          /* seconds since 1970 (UTC) for CreationDate/ModDate; -1: none */
} gw_pdf_info;

/* Writes the display list as PDF into a malloc'ed buffer.  Fonts are
 * embedded as hb-subset subsets of exactly the glyphs drawn; each image
 * once, with its alpha as a soft mask; the outline as bookmarks; the pages'
 * numbers as page labels.  The output is a pure function of the display
 * list, info and the image files.  A seal that cannot be decoded is
 * GW_ERR_INPUT with E0823/E0824; nothing is written then. */
gw_status gw_pdf_write(const gw_display_list *dl, const gw_pdf_info *info, gw_diagnostics *diags,
                       unsigned char **out, size_t *out_len);
#endif
