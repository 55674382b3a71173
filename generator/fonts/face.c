#include "fonts/face.h"
#include "util/messages.h"
#include <hb-ot.h>
#include <stdlib.h>
#include <string.h>
#include FT_CID_H

struct gw_face {
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
};

/* OS/2 fsType: 0x0002 restricted licence (no embedding) unless a less
 * restrictive bit (0x0004 preview & print, 0x0008 editable) is set too;
 * 0x0100 no subsetting and 0x0200 bitmap only, which gongwen cannot honour
 * (it embeds outline subsets). */
static int embedding_forbidden(FT_UShort fs)
{
    return (fs & 0x000E) == 0x0002 || (fs & 0x0300) != 0;
}

static char *ot_name(hb_face_t *face, hb_ot_name_id_t id)
{
    char buf[256];
    unsigned len = sizeof buf;
    if (!hb_ot_name_get_utf8(face, id, hb_language_from_string("en", -1), &len, buf) || !len) {
        len = sizeof buf;
        if (!hb_ot_name_get_utf8(face, id, HB_LANGUAGE_INVALID, &len, buf) || !len) return NULL;
    }
    return strdup(buf);
}

static int has_table(hb_face_t *hb, hb_tag_t tag)
{
    hb_blob_t *t = hb_face_reference_table(hb, tag);
    unsigned len = hb_blob_get_length(t);
    hb_blob_destroy(t);
    return len > 0;
}

static gw_outline outline_of(FT_Face ft, hb_face_t *hb)
{
    if (!has_table(hb, HB_TAG('C', 'F', 'F', ' '))) return GW_OUTLINE_TRUETYPE;
    FT_Bool is_cid = 0;
    if (FT_Get_CID_Is_Internally_CID_Keyed(ft, &is_cid) == 0 && is_cid) return GW_OUTLINE_CFF_CID;
    return GW_OUTLINE_CFF_NAMED;
}

static int read_face(gw_face *f, FT_Library ft, gw_diagnostics *diags)
{
    gw_loc loc = gw_loc_file(f->path);
    unsigned len = 0;
    const char *data = hb_blob_get_data(f->blob, &len);
    if (FT_New_Memory_Face(ft, (const FT_Byte *)data, (FT_Long)len, (FT_Long)f->index, &f->ft_face)) {
        f->ft_face = NULL;
        gw_report(diags, loc, GW_MSG_FONT_UNUSABLE, f->index);
        return 0;
    }
    if (embedding_forbidden(FT_Get_FSType_Flags(f->ft_face))) {
        gw_report(diags, loc, GW_MSG_FONT_NO_EMBEDDING);
        return 0;
    }
    f->hb_face = hb_face_create(f->blob, f->index);
    if (has_table(f->hb_face, HB_TAG('C', 'F', 'F', '2'))) {     /* variable CFF2: no PDF font type */
        gw_report(diags, loc, GW_MSG_FONT_UNUSABLE, f->index);
        return 0;
    }
    f->glyph_count = hb_face_get_glyph_count(f->hb_face);
    f->upem = hb_face_get_upem(f->hb_face);
    if (!f->glyph_count || !f->upem) {
        gw_report(diags, loc, GW_MSG_FONT_NO_GLYPHS, f->index);
        return 0;
    }
    f->hb_font = hb_font_create(f->hb_face);
    f->outline = outline_of(f->ft_face, f->hb_face);
    /* FreeType's family name prefers the typographic family (name ID 16):
     * "FandolFang", not the legacy "FandolFang R". */
    f->family = f->ft_face->family_name ? strdup(f->ft_face->family_name)
                                        : ot_name(f->hb_face, HB_OT_NAME_ID_FONT_FAMILY);
    f->postscript_name = ot_name(f->hb_face, HB_OT_NAME_ID_POSTSCRIPT_NAME);
    if (!f->postscript_name) f->postscript_name = strdup("Font");
    if (!f->family) f->family = strdup(f->postscript_name ? f->postscript_name : "");
    return f->postscript_name && f->family;
}

gw_face *gw_face_open(FT_Library ft, const char *path, unsigned index, gw_diagnostics *diags)
{
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
    if (!blob) {
        gw_report(diags, gw_loc_file(path), GW_MSG_FONT_UNREADABLE);
        return NULL;
    }
    gw_face *f = calloc(1, sizeof *f);
    if (!f || !(f->path = strdup(path))) {
        free(f);
        hb_blob_destroy(blob);
        return NULL;
    }
    f->refcount = 1;
    f->blob = blob;
    f->index = index;
    if (!read_face(f, ft, diags)) {
        gw_face_destroy(f);
        return NULL;
    }
    return f;
}

gw_face *gw_face_reference(gw_face *f)
{
    if (f) f->refcount++;
    return f;
}

void gw_face_destroy(gw_face *f)
{
    if (!f || --f->refcount > 0) return;
    if (f->ft_face) FT_Done_Face(f->ft_face);
    hb_font_destroy(f->hb_font);
    hb_face_destroy(f->hb_face);
    hb_blob_destroy(f->blob);
    free(f->family);
    free(f->postscript_name);
    free(f->path);
    free(f);
}

uint32_t gw_face_glyph(const gw_face *f, uint32_t cp)
{
    hb_codepoint_t gid = 0;
    return hb_font_get_nominal_glyph(f->hb_font, cp, &gid) ? gid : 0;
}

uint32_t gw_face_cid(const gw_face *f, uint32_t gid)
{
    FT_UInt cid = 0;
    if (FT_Get_CID_From_Glyph_Index(f->ft_face, gid, &cid) != 0) return gid;
    return cid;
}

unsigned gw_font_file_face_count(FT_Library ft, const char *path)
{
    FT_Face face;
    if (FT_New_Face(ft, path, -1, &face)) return 0;
    unsigned n = (unsigned)face->num_faces;
    FT_Done_Face(face);
    return n;
}

const char *gw_face_path(const gw_face *f) { return f->path; }
unsigned    gw_face_index(const gw_face *f) { return f->index; }
const char *gw_face_family(const gw_face *f) { return f->family; }
const char *gw_face_style_name(const gw_face *f) { return f->ft_face->style_name ? f->ft_face->style_name : ""; }
const char *gw_face_postscript_name(const gw_face *f) { return f->postscript_name; }
unsigned    gw_face_upem(const gw_face *f) { return f->upem; }
unsigned    gw_face_glyph_count(const gw_face *f) { return f->glyph_count; }
gw_outline  gw_face_outline(const gw_face *f) { return f->outline; }
hb_font_t  *gw_face_hb_font(const gw_face *f) { return f->hb_font; }
hb_face_t  *gw_face_hb_face(const gw_face *f) { return f->hb_face; }

void gw_face_bbox(const gw_face *f, double bbox[4])
{
    bbox[0] = f->ft_face->bbox.xMin;
    bbox[1] = f->ft_face->bbox.yMin;
    bbox[2] = f->ft_face->bbox.xMax;
    bbox[3] = f->ft_face->bbox.yMax;
}

double gw_face_em_box_top(const gw_face *f, double size)
{
    hb_position_t top = 0;
    hb_ot_layout_get_baseline_with_fallback(f->hb_font, HB_OT_LAYOUT_BASELINE_TAG_IDEO_EMBOX_TOP_OR_RIGHT,
                                            HB_DIRECTION_LTR, HB_SCRIPT_HAN, HB_TAG_NONE, &top);
    return top * size / f->upem;
}
