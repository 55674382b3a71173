/* The few things gongwen needs from libharu that its public API does not
 * offer.  This is the only file that touches libharu 2.3.0's internals
 * (HPDF_Doc_Rec, HPDF_PageAttr_Rec, HPDF_FontAttr_Rec, the object layer);
 * tests/unit/test-hpdf-glue.c checks them against the installed headers. */
#ifndef GW_PDF_HPDF_GLUE_H
#define GW_PDF_HPDF_GLUE_H
#include <hpdf.h>
#include "pdf/embedded-font.h"

/* A Type0 / Identity-H font dictionary, registered in the document, that
 * HPDF_Page_SetFontAndSize accepts.  Never use libharu's text-showing or
 * text-measuring functions with it: they know nothing of these fonts. */
HPDF_Font gw_hpdf_type0_new(HPDF_Doc doc);

/* Completes the Type0 font with a finished embedded font: CIDFont, font
 * descriptor, font program, W array and ToUnicode CMap. */
HPDF_STATUS gw_hpdf_type0_complete(HPDF_Doc doc, HPDF_Font type0, const gw_embedded_font *f);

/* Appends raw content-stream text to the page. */
HPDF_STATUS gw_hpdf_page_write(HPDF_Page page, const char *ops, size_t len);
/* Compresses every page's content stream once, with libdeflate (the
 * document's compression mode leaves page text to this); call after the
 * last page is drawn, before saving. */
HPDF_STATUS gw_hpdf_deflate_contents(HPDF_Doc doc);

/* Sets an Info entry to a text string (UTF-16BE with BOM, so Chinese survives). */
HPDF_STATUS gw_hpdf_set_info_text(HPDF_Doc doc, const char *key, const char *utf8);

/* Sets a bookmark's /Title to a text string (UTF-16BE with BOM):
 * HPDF_CreateOutline writes its title in PDFDocEncoding. */
HPDF_STATUS gw_hpdf_outline_set_title(HPDF_Doc doc, HPDF_Outline outline, const char *utf8);

/* Makes a destination [page /XYZ null top null]: the page scrolled to
 * `top` (PDF points from the bottom) at the zoom the reader has chosen;
 * HPDF_Destination_SetXYZ insists on a zoom. */
HPDF_STATUS gw_hpdf_destination_top(HPDF_Destination dest, HPDF_Page page, double top);

/* Removes the page's /ProcSet, which libharu always writes: PDF readers
 * ignore it (obsolete since PDF 1.4, optional before). */
void gw_hpdf_page_drop_procset(HPDF_Page page);
#endif
