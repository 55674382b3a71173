/* A face is opened with HarfBuzz alone (memory-mapped file, names, cmap):
 * cheap, and safe to share between threads once made immutable.  What only
 * the PDF writer needs from FreeType (CID-keyed or not, the bounding box,
 * the CID of every glyph) is read once, on first use, under the face's own
 * lock, with a FreeType library of its own: an FT_Face may be used by one
 * thread at a time, and after that read no FreeType object is kept. */
#include "fonts/face.h"
#include "util/messages.h"
#include <hb-ot.h>
#include <hb-subset.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_CID_H

/* What the PDF writer needs, read with FreeType once. */
typedef struct pdf_facts {
    gw_outline outline;
    double     bbox[4];        /* font units */
    uint16_t  *cids;           /* GW_OUTLINE_CFF_CID: CID of each glyph */
} pdf_facts;

struct gw_face {
    atomic_int      refcount;
    char           *path;
    unsigned        index;          /* face within a .ttc/.otc collection */
    char           *family;         /* typographic family, e.g. "Noto Serif CJK SC" */
    char           *style_name;
    char           *postscript_name;
    hb_blob_t      *blob;
    hb_face_t      *hb_face;        /* immutable */
    hb_font_t      *hb_font;        /* immutable, scale = upem: advances in font units */
    unsigned        upem, glyph_count;
    int             has_cff;
    pthread_mutex_t lock;           /* guards reading pdf_facts */
    atomic_int      facts_ready;
    pdf_facts       facts;
    /* subsetting: see gw_face_subset_source */
    _Atomic(hb_face_t *) prepared;
    atomic_int      preparing;
    _Atomic(uint64_t) subset_ns;
};

/* OS/2 fsType: 0x0002 restricted licence (no embedding) unless a less
 * restrictive bit (0x0004 preview & print, 0x0008 editable) is set too;
 * 0x0100 no subsetting and 0x0200 bitmap only, which gongwen cannot honour
 * (it embeds outline subsets). */
static int embedding_forbidden(unsigned fs)
{
    return (fs & 0x000E) == 0x0002 || (fs & 0x0300) != 0;
}

/* fsType is the big-endian uint16 at offset 8 of every version of the OS/2
 * table (HarfBuzz has no accessor for it); no OS/2 table means no limit,
 * as for FreeType's FT_Get_FSType_Flags. */
static unsigned fs_type(hb_face_t *face)
{
    hb_blob_t *os2 = hb_face_reference_table(face, HB_TAG('O', 'S', '/', '2'));
    unsigned len = 0;
    const unsigned char *d = (const unsigned char *)hb_blob_get_data(os2, &len);
    unsigned fs = len >= 10 ? (unsigned)(d[8] << 8 | d[9]) : 0;
    hb_blob_destroy(os2);
    return fs;
}

static char *ot_name_in(hb_face_t *face, hb_ot_name_id_t id, hb_language_t lang)
{
    unsigned len = hb_ot_name_get_utf8(face, id, lang, NULL, NULL);
    if (!len) return NULL;
    char *s = malloc(len + 1);
    unsigned size = len + 1;
    if (s) hb_ot_name_get_utf8(face, id, lang, &size, s);
    return s;
}

/* An English name if the font has one, else its first in any language. */
static char *ot_name(hb_face_t *face, hb_ot_name_id_t id)
{
    char *s = ot_name_in(face, id, hb_language_from_string("en", -1));
    return s ? s : ot_name_in(face, id, HB_LANGUAGE_INVALID);
}

/* The typographic name (ID 16 or 17) when there is one, as FreeType and
 * fontconfig report it: "FandolFang", not the legacy "FandolFang R". */
static char *ot_name_preferred(hb_face_t *face, hb_ot_name_id_t typographic, hb_ot_name_id_t legacy)
{
    char *s = ot_name(face, typographic);
    return s ? s : ot_name(face, legacy);
}

static int has_table(hb_face_t *hb, hb_tag_t tag)
{
    hb_blob_t *t = hb_face_reference_table(hb, tag);
    unsigned len = hb_blob_get_length(t);
    hb_blob_destroy(t);
    return len > 0;
}

static int read_names(gw_face *f)
{
    f->family = ot_name_preferred(f->hb_face, HB_OT_NAME_ID_TYPOGRAPHIC_FAMILY, HB_OT_NAME_ID_FONT_FAMILY);
    f->style_name = ot_name_preferred(f->hb_face, HB_OT_NAME_ID_TYPOGRAPHIC_SUBFAMILY,
                                      HB_OT_NAME_ID_FONT_SUBFAMILY);
    f->postscript_name = ot_name(f->hb_face, HB_OT_NAME_ID_POSTSCRIPT_NAME);
    if (!f->postscript_name) f->postscript_name = strdup("Font");
    if (!f->family) f->family = strdup(f->postscript_name ? f->postscript_name : "");
    if (!f->style_name) f->style_name = strdup("");
    return f->postscript_name && f->family && f->style_name;
}

static int read_face(gw_face *f, gw_diagnostics *diags)
{
    gw_loc loc = gw_loc_file(f->path);
    f->hb_face = hb_face_create(f->blob, f->index);
    /* a face index past the collection, or a file HarfBuzz cannot read:
     * HarfBuzz gives an empty face */
    if (f->index >= hb_face_count(f->blob) || !hb_face_get_table_tags(f->hb_face, 0, NULL, NULL) ||
        has_table(f->hb_face, HB_TAG('C', 'F', 'F', '2'))) {       /* variable CFF2: no PDF font type */
        gw_report(diags, loc, GW_MSG_FONT_UNUSABLE, f->index);
        return 0;
    }
    if (embedding_forbidden(fs_type(f->hb_face))) {
        gw_report(diags, loc, GW_MSG_FONT_NO_EMBEDDING);
        return 0;
    }
    f->glyph_count = hb_face_get_glyph_count(f->hb_face);
    f->upem = hb_face_get_upem(f->hb_face);
    if (!f->glyph_count || !f->upem) {
        gw_report(diags, loc, GW_MSG_FONT_NO_GLYPHS, f->index);
        return 0;
    }
    f->has_cff = has_table(f->hb_face, HB_TAG('C', 'F', 'F', ' '));
    hb_face_make_immutable(f->hb_face);
    f->hb_font = hb_font_create(f->hb_face);
    hb_font_make_immutable(f->hb_font);
    return read_names(f);
}

gw_face *gw_face_open(const char *path, unsigned index, gw_diagnostics *diags)
{
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
    if (!blob) {
        gw_report(diags, gw_loc_file(path), GW_MSG_FONT_UNREADABLE);
        return NULL;
    }
    gw_face *f = calloc(1, sizeof *f);
    if (!f || !(f->path = strdup(path)) || pthread_mutex_init(&f->lock, NULL) != 0) {
        if (f) free(f->path);
        free(f);
        hb_blob_destroy(blob);
        return NULL;
    }
    atomic_init(&f->refcount, 1);
    atomic_init(&f->facts_ready, 0);
    atomic_init(&f->prepared, NULL);
    atomic_init(&f->preparing, 0);
    atomic_init(&f->subset_ns, 0);
    f->blob = blob;
    f->index = index;
    if (!read_face(f, diags)) {
        gw_face_destroy(f);
        return NULL;
    }
    return f;
}

gw_face *gw_face_reference(gw_face *f)
{
    if (f) atomic_fetch_add_explicit(&f->refcount, 1, memory_order_relaxed);
    return f;
}

void gw_face_destroy(gw_face *f)
{
    /* acq_rel: every thread's last use happens before the free */
    if (!f || atomic_fetch_sub_explicit(&f->refcount, 1, memory_order_acq_rel) > 1) return;
    hb_font_destroy(f->hb_font);
    hb_face_destroy(atomic_load(&f->prepared));
    hb_face_destroy(f->hb_face);
    hb_blob_destroy(f->blob);
    pthread_mutex_destroy(&f->lock);
    free(f->facts.cids);
    free(f->family);
    free(f->style_name);
    free(f->postscript_name);
    free(f->path);
    free(f);
}

/* The CID of every glyph, from the CFF charset (an array lookup each). */
static uint16_t *read_cids(FT_Face ft, unsigned glyph_count)
{
    uint16_t *cids = malloc(glyph_count * sizeof *cids);
    for (unsigned g = 0; cids && g < glyph_count; g++) {
        FT_UInt cid = 0;
        cids[g] = FT_Get_CID_From_Glyph_Index(ft, g, &cid) == 0 && cid <= 0xFFFF ? (uint16_t)cid : (uint16_t)g;
    }
    return cids;
}

/* When FreeType cannot read a face HarfBuzz could, the facts fall back to
 * what HarfBuzz knows: codes are glyph indices, the box is the em square. */
static void read_pdf_facts(const gw_face *f, pdf_facts *out)
{
    out->outline = f->has_cff ? GW_OUTLINE_CFF_NAMED : GW_OUTLINE_TRUETYPE;
    out->bbox[0] = out->bbox[1] = 0;
    out->bbox[2] = out->bbox[3] = f->upem;
    FT_Library lib;
    if (FT_Init_FreeType(&lib) != 0) return;
    unsigned len = 0;
    const char *data = hb_blob_get_data(f->blob, &len);
    FT_Face ft;
    if (FT_New_Memory_Face(lib, (const FT_Byte *)data, (FT_Long)len, (FT_Long)f->index, &ft) == 0) {
        FT_Bool is_cid = 0;
        if (f->has_cff && FT_Get_CID_Is_Internally_CID_Keyed(ft, &is_cid) == 0 && is_cid &&
            (out->cids = read_cids(ft, f->glyph_count)))
            out->outline = GW_OUTLINE_CFF_CID;
        out->bbox[0] = ft->bbox.xMin;
        out->bbox[1] = ft->bbox.yMin;
        out->bbox[2] = ft->bbox.xMax;
        out->bbox[3] = ft->bbox.yMax;
        FT_Done_Face(ft);
    }
    FT_Done_FreeType(lib);
}

/* Double-checked: after the first read, no lock is taken. */
static const pdf_facts *facts_of(const gw_face *cf)
{
    gw_face *f = (gw_face *)cf;       /* the facts are a cache: reading them does not change the face */
    if (atomic_load_explicit(&f->facts_ready, memory_order_acquire)) return &f->facts;
    pthread_mutex_lock(&f->lock);
    if (!atomic_load_explicit(&f->facts_ready, memory_order_relaxed)) {
        read_pdf_facts(f, &f->facts);
        atomic_store_explicit(&f->facts_ready, 1, memory_order_release);
    }
    pthread_mutex_unlock(&f->lock);
    return &f->facts;
}

hb_face_t *gw_face_subset_source(const gw_face *f)
{
    hb_face_t *prepared = atomic_load_explicit(&((gw_face *)f)->prepared, memory_order_acquire);
    return prepared ? prepared : f->hb_face;
}

/* What hb_subset_preprocess costs, measured on this project's fonts: about
 * 25 µs a glyph for CFF (FandolFang 0.27 s, Noto Serif CJK 1.6-2.1 s), 1 µs
 * for TrueType. */
static uint64_t preparing_cost_ns(const gw_face *f)
{
    return (uint64_t)f->glyph_count * (f->has_cff ? 25000u : 1000u);
}

/* Ski rental: a face is prepared once subsetting it has cost as much as
 * preparing it would, so an engine never spends more than twice the best
 * choice made knowing how many documents will come: a single render never
 * prepares.  One thread prepares (the one whose document crossed the
 * line); the others go on with the plain face meanwhile.  Both give the
 * same bytes.
 *
 * CFF faces are never prepared: HarfBuzz 6.0 keeps every parsed
 * charstring, 144 MB for FandolFang and 420 MB for Noto Serif CJK Bold
 * (bench/README.md), more than a whole batch may use; TrueType faces cost
 * under 1 MB. */
void gw_face_subset_spent(const gw_face *cf, double seconds)
{
    gw_face *f = (gw_face *)cf;          /* the subsetting cache: no visible change */
    uint64_t spent = atomic_fetch_add(&f->subset_ns, (uint64_t)(seconds * 1e9)) + (uint64_t)(seconds * 1e9);
    int idle = 0;
    if (f->has_cff || spent < preparing_cost_ns(f) || !atomic_compare_exchange_strong(&f->preparing, &idle, 1))
        return;
    hb_face_t *prepared = hb_subset_preprocess(f->hb_face);
    if (prepared == hb_face_get_empty()) {      /* out of memory: stay with the plain face */
        hb_face_destroy(prepared);
        return;
    }
    hb_face_make_immutable(prepared);
    atomic_store_explicit(&f->prepared, prepared, memory_order_release);
}

uint32_t gw_face_glyph(const gw_face *f, uint32_t cp)
{
    hb_codepoint_t gid = 0;
    return hb_font_get_nominal_glyph(f->hb_font, cp, &gid) ? gid : 0;
}

uint32_t gw_face_cid(const gw_face *f, uint32_t gid)
{
    const pdf_facts *facts = facts_of(f);
    return facts->cids && gid < f->glyph_count ? facts->cids[gid] : gid;
}

unsigned gw_font_file_face_count(const char *path)
{
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
    unsigned n = blob ? hb_face_count(blob) : 0;
    hb_blob_destroy(blob);
    return n;
}

const char *gw_face_path(const gw_face *f) { return f->path; }
unsigned    gw_face_index(const gw_face *f) { return f->index; }
const char *gw_face_family(const gw_face *f) { return f->family; }
const char *gw_face_style_name(const gw_face *f) { return f->style_name; }
const char *gw_face_postscript_name(const gw_face *f) { return f->postscript_name; }
unsigned    gw_face_upem(const gw_face *f) { return f->upem; }
unsigned    gw_face_glyph_count(const gw_face *f) { return f->glyph_count; }
gw_outline  gw_face_outline(const gw_face *f) { return facts_of(f)->outline; }
hb_font_t  *gw_face_hb_font(const gw_face *f) { return f->hb_font; }
hb_face_t  *gw_face_hb_face(const gw_face *f) { return f->hb_face; }

void gw_face_bbox(const gw_face *f, double bbox[4])
{
    memcpy(bbox, facts_of(f)->bbox, sizeof facts_of(f)->bbox);
}

double gw_face_em_box_top(const gw_face *f, double size)
{
    hb_position_t top = 0;
    hb_ot_layout_get_baseline_with_fallback(f->hb_font, HB_OT_LAYOUT_BASELINE_TAG_IDEO_EMBOX_TOP_OR_RIGHT,
                                            HB_DIRECTION_LTR, HB_SCRIPT_HAN, HB_TAG_NONE, &top);
    return top * size / f->upem;
}
