/* Glyph runs as content-stream text: one text object spans the runs
 * between two drawings of anything else, and each operator (colour, font,
 * Tc, Tz, Td) is written only when its value changes. */
#ifndef GW_PDF_TEXT_H
#define GW_PDF_TEXT_H
#include "pdf/writer.h"

/* What the page's content stream has set so far. */
typedef struct gw_pdf_text_state {
    int      in_text;
    double   line_x, line_y;  /* text line matrix origin (Td is relative to it) */
    double   pen_x;           /* where the last run ended, on line_y */
    size_t   font;            /* index into writer.fonts, or (size_t)-1 */
    double   size, tc, tz;
    gw_color fill;
    int      fill_set;
} gw_pdf_text_state;

/* The state of a new page's content stream. */
void gw_pdf_text_reset(gw_pdf_text_state *ts);
/* Closes the text object, if one is open (before a rule or an image). */
void gw_pdf_text_end(HPDF_Page page, gw_pdf_text_state *ts);
gw_status gw_pdf_text_draw(gw_pdf_writer *w, HPDF_Page page, gw_pdf_text_state *ts,
                           const gw_glyph_run *run);
#endif
