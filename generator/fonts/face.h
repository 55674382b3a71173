/* gw_face: one face of a font file, opened once (memory-mapped) and shared.
 * HarfBuzz shapes and measures with it, FreeType inspects it (names,
 * collections, CID charset, embedding permission). */
#ifndef GW_FONTS_FACE_H
#define GW_FONTS_FACE_H
#include <hb.h>
#include <stdint.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include "util/diag.h"

typedef enum gw_outline {
    GW_OUTLINE_TRUETYPE,      /* glyf outlines: embedded as CIDFontType2 */
    GW_OUTLINE_CFF_CID,       /* CID-keyed CFF: CIDFontType0, codes are the font's CIDs */
    GW_OUTLINE_CFF_NAMED      /* name-keyed CFF: CIDFontType0, codes are glyph indices */
} gw_outline;

typedef struct gw_face {
    int        refcount;
    char      *path;
    unsigned   index;          /* face within a .ttc/.otc collection */
    char      *family;         /* English family name, e.g. "Noto Serif CJK SC" */
    char      *postscript_name;
    hb_blob_t *blob;
    hb_face_t *hb_face;
    hb_font_t *hb_font;        /* scale = upem: advances in font units */
    FT_Face    ft_face;
    unsigned   upem, glyph_count;
    gw_outline outline;
} gw_face;

/* Opens face `index` of a font file.  A missing, unreadable or broken file,
 * or a font whose licence forbids embedding, is an error (E0801-E0804). */
gw_face *gw_face_open(FT_Library ft, const char *path, unsigned index, gw_diagnostics *diags);
gw_face *gw_face_reference(gw_face *face);
void     gw_face_destroy(gw_face *face);

/* The glyph for a code point, 0 when the face lacks it. */
uint32_t gw_face_glyph(const gw_face *face, uint32_t codepoint);

/* For GW_OUTLINE_CFF_CID faces: the CID of a glyph (from the CFF charset). */
uint32_t gw_face_cid(const gw_face *face, uint32_t gid);

/* Number of faces in a font file (1 for a plain .ttf/.otf), 0 when unreadable. */
unsigned gw_font_file_face_count(FT_Library ft, const char *path);
#endif
