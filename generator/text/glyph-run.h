/* A run of shaped glyphs: what the text engine sets and the display list
 * carries to a backend. */
#ifndef GW_TEXT_GLYPH_RUN_H
#define GW_TEXT_GLYPH_RUN_H
#include <stddef.h>
#include <stdint.h>
#include "fonts/face.h"
#include "util/color.h"

typedef struct gw_glyph {
    uint32_t gid;
    double   x;              /* pen position relative to the run's origin, points */
    uint32_t text_start;     /* the cluster's text in the run's text; */
    uint32_t text_len;       /* 0 for later glyphs of a cluster */
} gw_glyph;

/* Glyphs of one face at one size on one baseline. */
typedef struct gw_glyph_run {
    gw_face  *face;          /* referenced */
    double    size;          /* points */
    double    hscale;        /* horizontal scale, 1 = none (a shrunk issuer mark) */
    gw_color  color;
    double    x, y;          /* origin: left end of the baseline */
    gw_glyph *glyphs;
    size_t    glyph_count;
    char     *text;          /* UTF-8 the glyphs came from, for text extraction */
} gw_glyph_run;
#endif
