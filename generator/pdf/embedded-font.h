/* gw_embedded_font: one face as the PDF will embed it.
 *
 * Usage: create, record every glyph the document draws (_use), then _finish
 * once: it subsets the face with hb-subset to exactly those glyphs and fixes
 * the 2-byte code each glyph gets in content streams.  Afterwards the
 * entries (code, width, text) describe the W array and the ToUnicode CMap.
 * This file knows nothing of libharu; hpdf-glue.c turns it into objects.
 *
 * Codes: TrueType faces use the subset's glyph IDs (CIDToGIDMap /Identity);
 * CID-keyed CFF uses the font's own CIDs, which hb-subset keeps in the
 * subset's charset; name-keyed CFF uses the subset's glyph indices. */
#ifndef GW_PDF_EMBEDDED_FONT_H
#define GW_PDF_EMBEDDED_FONT_H
#include <hb.h>
#include "fonts/face.h"
#include "util/buf.h"

typedef struct gw_font_entry {
    uint32_t code;       /* the CID written in content streams */
    uint32_t gid;        /* glyph in the original face */
    double   width;      /* advance in 1/1000 em */
    char    *text;       /* what the glyph stands for, UTF-8; NULL if nothing */
} gw_font_entry;

typedef struct gw_embedded_font {
    gw_face       *face;          /* referenced */
    hb_set_t      *used;          /* original glyph IDs drawn */
    hb_map_t      *text_index;    /* gid -> index into texts (first text wins) */
    char         **texts;
    size_t         text_count;
    /* after _finish: */
    int            finished;
    gw_font_entry *entries;       /* sorted by code */
    size_t         entry_count;
    hb_map_t      *codes;         /* gid -> code */
    hb_blob_t     *program;       /* FontFile2 (whole TrueType) or FontFile3 (bare CFF) */
    char           base_name[128];/* ABCDEF+PostScriptName, tag from the glyph set */
    double         default_width; /* the commonest width: the CIDFont's DW, left out of W */
    /* descriptor metrics, 1/1000 em */
    double         ascent, descent, cap_height, bbox[4];
} gw_embedded_font;

gw_embedded_font *gw_embedded_font_create(gw_face *face);
void              gw_embedded_font_destroy(gw_embedded_font *f);

/* Records that glyph gid is drawn for text (UTF-8, may be empty: a later
 * glyph of a cluster).  Returns 0 when out of memory. */
int gw_embedded_font_use(gw_embedded_font *f, uint32_t gid, const char *text, size_t len);

/* Subsets and assigns codes: GW_ERR_FONT when hb-subset fails,
 * GW_ERR_NOMEM out of memory. */
gw_status gw_embedded_font_finish(gw_embedded_font *f);

/* The code of a recorded glyph (after _finish); 0 for an unknown glyph. */
uint32_t gw_embedded_font_code(const gw_embedded_font *f, uint32_t gid);
/* The width, in 1/1000 em, the W array gives a glyph. */
double gw_embedded_font_width(const gw_embedded_font *f, uint32_t gid);

/* The ToUnicode CMap program (bfchar entries, UTF-16BE, surrogate pairs). */
void gw_embedded_font_tounicode(const gw_embedded_font *f, gw_buf *out);
#endif
