/* Text to atoms: itemising by style, script and font, shaping, and cutting
 * the glyphs into the units the line breaker places. */
#ifndef GW_TEXT_ITEMIZE_H
#define GW_TEXT_ITEMIZE_H
#include "text/lines.h"
#include "text/shape.h"

/* A stretch of text set in one face and style. */
typedef struct gw_segment {
    const gw_text_style *style;
    gw_face             *face;
    size_t               start, len;    /* bytes of the paragraph */
    int                  latin;
    gw_shaped           *glyphs;
    size_t               glyph_count;
} gw_segment;

/* The unit the breaker places: a Han character or CJK mark in its cell, a
 * Latin word, a space, or a —— / …… pair.  Widths in points. */
typedef struct gw_atom {
    uint32_t seg;
    uint32_t glyph_start, glyph_count;   /* in the segment */
    uint32_t text_start, text_end;       /* bytes of the paragraph */
    unsigned cls;                        /* GW_CH_* of the first character (last for NO_END) */
    int      no_break_before;            /* glued to the previous atom */
    int      word_piece;                 /* continues the previous atom's word (a cut web address) */
    int      pair;                       /* ——, ……: two glyphs, one cell apart */
    double   width;                      /* natural width, compression included */
    double   glyph_dx;                   /* first glyph's pen position from the atom's start */
    double   shrink_left, shrink_right;  /* what push-in may still take away */
    double   margin_left, margin_right;  /* Han-Latin space, dropped at line ends */
} gw_atom;

typedef struct gw_itemized {
    gw_segment *segs;
    size_t      seg_count;
    gw_atom    *atoms;
    size_t      atom_count;
} gw_itemized;

/* Latin words wider than `measure` are cut to fit (warning W0812). */
gw_status gw_itemize(const char *text, size_t len, const gw_span *spans, size_t span_count,
                     double measure, gw_loc loc, gw_diagnostics *diags, gw_itemized *out);
void      gw_itemized_free(gw_itemized *it);

/* Where the text of glyph g's cluster ends: the next cluster's start, or
 * the segment's end. */
size_t gw_cluster_end(const gw_segment *s, size_t g);
#endif
