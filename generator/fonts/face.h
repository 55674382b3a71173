/* gw_face: one face of a font file, opened once (memory-mapped) and shared.
 * HarfBuzz shapes, measures and names it; FreeType reads, once and only
 * for the PDF writer, what HarfBuzz does not tell (CID charset, bounding box).
 * A face is immutable once open and may be used from any number of threads;
 * its reference count is atomic.
 *
 * The struct is private to fonts/: everything else reads a face through the
 * accessors below, so that what a face keeps (and how it is shared between
 * threads) can change without touching its users. */
#ifndef GW_FONTS_FACE_H
#define GW_FONTS_FACE_H
#include <hb.h>
#include <stdint.h>
#include "util/diag.h"

typedef enum gw_outline {
    GW_OUTLINE_TRUETYPE,      /* glyf outlines: embedded as CIDFontType2 */
    GW_OUTLINE_CFF_CID,       /* CID-keyed CFF: CIDFontType0, codes are the font's CIDs */
    GW_OUTLINE_CFF_NAMED      /* name-keyed CFF: CIDFontType0, codes are glyph indices */
} gw_outline;

typedef struct gw_face gw_face;

/* Opens face `index` of a font file.  A missing, unreadable or broken file,
 * or a font whose licence forbids embedding, is an error (E0801-E0804). */
gw_face *gw_face_open(const char *path, unsigned index, gw_diagnostics *diags);
gw_face *gw_face_reference(gw_face *face);
void     gw_face_destroy(gw_face *face);

const char *gw_face_path(const gw_face *face);
unsigned    gw_face_index(const gw_face *face);           /* face within a .ttc/.otc collection */
const char *gw_face_family(const gw_face *face);          /* English family, e.g. "Noto Serif CJK SC" */
const char *gw_face_style_name(const gw_face *face);      /* "Regular", "Bold", ... */
const char *gw_face_postscript_name(const gw_face *face);
unsigned    gw_face_upem(const gw_face *face);
unsigned    gw_face_glyph_count(const gw_face *face);
gw_outline  gw_face_outline(const gw_face *face);
/* The face's font at scale = upem: advances and extents in font units. */
hb_font_t  *gw_face_hb_font(const gw_face *face);
hb_face_t  *gw_face_hb_face(const gw_face *face);
/* The font's bounding box in font units: xMin, yMin, xMax, yMax. */
void        gw_face_bbox(const gw_face *face, double bbox[4]);
/* Height of the ideographic em box's top above the baseline, in points,
 * for the face set at `size` points. */
double      gw_face_em_box_top(const gw_face *face, double size);

/* The HarfBuzz face to subset from: the face itself, or, once this face
 * has been subset often enough in this process, the same face prepared
 * with hb_subset_preprocess (the same subsets, several times faster). */
hb_face_t  *gw_face_subset_source(const gw_face *face);
/* Tells how long a subset of this face took; may prepare the face (which
 * takes this thread 0.1-2 s, once). */
void        gw_face_subset_spent(const gw_face *face, double seconds);

/* The glyph for a code point, 0 when the face lacks it. */
uint32_t gw_face_glyph(const gw_face *face, uint32_t codepoint);

/* For GW_OUTLINE_CFF_CID faces: the CID of a glyph (from the CFF charset). */
uint32_t gw_face_cid(const gw_face *face, uint32_t gid);

/* Number of faces in a font file (1 for a plain .ttf/.otf), 0 when unreadable. */
unsigned gw_font_file_face_count(const char *path);
#endif
