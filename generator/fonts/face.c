/* A face is opened with HarfBuzz alone (memory-mapped file, names, cmap):
 * cheap, and safe to share between threads once made immutable.  What only
 * the PDF writer needs from FreeType (CID-keyed or not, the bounding box,
 * the CID of each glyph drawn) is read on first use, under the face's own
 * lock, with a FreeType library of its own: an FT_Face may be used by one
 * thread at a time.  A CID-keyed face keeps its FT_Face to look up the CID
 * of a glyph the first time it is drawn (a document draws a few hundred of
 * Noto CJK's 65,535 glyphs); every CID read is cached, so that the lock is
 * taken only for glyphs no document has drawn yet. */
#include "fonts/face.h"
#include "util/messages.h"
#include <hb-ot.h>
#include <hb-subset.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_CID_H

/* What the PDF writer needs, read with FreeType once; CIDs as drawn. */
typedef struct pdf_facts {
    gw_outline   outline;
    double       bbox[4];      /* font units */
    FT_Library   ft_library;   /* GW_OUTLINE_CFF_CID: kept for the CIDs, */
    FT_Face      ft_face;      /* used under the face's lock */
    atomic_uint *cids;         /* CID + 1 of each glyph, 0 when not read yet */
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
    pthread_mutex_t lock;           /* guards reading pdf_facts and the FT_Face */
    atomic_int      facts_ready;
    pdf_facts       facts;
    /* subsetting: see gw_face_subset_source */
    hb_face_t      *cff_view;       /* CFF faces: the tables a CFF subset reads, no cmap */
    _Atomic(hb_face_t *) prepared;
    atomic_int      preparing;
    _Atomic(uint64_t) subset_ns;
    atomic_uint     subsets;
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

/* The names below: 1 with the name in *out, malloc'ed, or NULL when the
 * font has none; 0 when out of memory (never another name instead). */
static int ot_name_in(hb_face_t *face, hb_ot_name_id_t id, hb_language_t lang, char **out)
{
    *out = NULL;
    unsigned len = hb_ot_name_get_utf8(face, id, lang, NULL, NULL);
    if (!len) return 1;
    if (!(*out = malloc(len + 1))) return 0;
    unsigned size = len + 1;
    hb_ot_name_get_utf8(face, id, lang, &size, *out);
    return 1;
}

/* An English name if the font has one, else its first in any language. */
static int ot_name(hb_face_t *face, hb_ot_name_id_t id, char **out)
{
    return ot_name_in(face, id, hb_language_from_string("en", -1), out) &&
           (*out || ot_name_in(face, id, HB_LANGUAGE_INVALID, out));
}

/* The typographic name (ID 16 or 17) when there is one, as FreeType and
 * fontconfig report it: "FandolFang", not the legacy "FandolFang R". */
static int ot_name_preferred(hb_face_t *face, hb_ot_name_id_t typographic, hb_ot_name_id_t legacy, char **out)
{
    return ot_name(face, typographic, out) && (*out || ot_name(face, legacy, out));
}

static int has_table(hb_face_t *hb, hb_tag_t tag)
{
    hb_blob_t *t = hb_face_reference_table(hb, tag);
    unsigned len = hb_blob_get_length(t);
    hb_blob_destroy(t);
    return len > 0;
}

/* What a CFF subset reads of its face: the CFF table, and the glyph count
 * and units per em (maxp, head). */
static hb_blob_t *cff_view_table(hb_face_t *view, hb_tag_t tag, void *face)
{
    (void)view;
    if (tag != HB_TAG('C', 'F', 'F', ' ') && tag != HB_TAG('m', 'a', 'x', 'p') && tag != HB_TAG('h', 'e', 'a', 'd'))
        return NULL;
    return hb_face_reference_table(face, tag);
}

/* A CFF face is subset from a view that lacks the cmap: hb-subset, given
 * glyphs rather than characters, otherwise reads the whole cmap into a hash
 * map on every subset to find the characters of the glyphs kept (45,000
 * entries for Noto CJK: 40 % of a batch's instructions), for a cmap that
 * a CFF subset does not embed.  The view holds no copy of the font. */
static hb_face_t *cff_view_of(hb_face_t *face)
{
    hb_face_t *view = hb_face_create_for_tables(cff_view_table, hb_face_reference(face),
                                                (hb_destroy_func_t)hb_face_destroy);
    if (view == hb_face_get_empty()) return NULL;
    hb_face_set_upem(view, hb_face_get_upem(face));
    hb_face_set_glyph_count(view, hb_face_get_glyph_count(face));
    hb_face_make_immutable(view);
    return view;
}

/* 0 when out of memory. */
static int read_names(gw_face *f)
{
    if (!ot_name_preferred(f->hb_face, HB_OT_NAME_ID_TYPOGRAPHIC_FAMILY, HB_OT_NAME_ID_FONT_FAMILY, &f->family) ||
        !ot_name_preferred(f->hb_face, HB_OT_NAME_ID_TYPOGRAPHIC_SUBFAMILY, HB_OT_NAME_ID_FONT_SUBFAMILY,
                           &f->style_name) ||
        !ot_name(f->hb_face, HB_OT_NAME_ID_POSTSCRIPT_NAME, &f->postscript_name))
        return 0;
    if (!f->postscript_name) f->postscript_name = strdup("Font");
    if (!f->family) f->family = strdup(f->postscript_name ? f->postscript_name : "");
    if (!f->style_name) f->style_name = strdup("");
    return f->postscript_name && f->family && f->style_name;
}

static int read_face(gw_face *f, gw_diagnostics *diags)
{
    gw_loc loc = gw_loc_file(f->path);
    f->hb_face = hb_face_create(f->blob, f->index);
    if (f->hb_face == hb_face_get_empty()) {         /* what HarfBuzz gives out of memory */
        gw_report(diags, loc, GW_MSG_NO_MEMORY);
        return 0;
    }
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
    if (f->hb_font == hb_font_get_empty() || (f->has_cff && !(f->cff_view = cff_view_of(f->hb_face))) ||
        !read_names(f)) {
        gw_report(diags, loc, GW_MSG_NO_MEMORY);
        return 0;
    }
    return 1;
}

/* The file's blob; NULL when it cannot be read, *nomem when for want of
 * memory (HarfBuzz's mmap, then its read into memory, failed: ENOMEM). */
static hb_blob_t *font_file(const char *path, int *nomem)
{
    errno = 0;
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(path);
    *nomem = !blob && errno == ENOMEM;
    return blob;
}

gw_face *gw_face_open(const char *path, unsigned index, gw_diagnostics *diags)
{
    int nomem;
    hb_blob_t *blob = font_file(path, &nomem);
    if (!blob) {
        gw_report(diags, gw_loc_file(path), nomem ? GW_MSG_NO_MEMORY : GW_MSG_FONT_UNREADABLE);
        return NULL;
    }
    gw_face *f = calloc(1, sizeof *f);
    if (!f || !(f->path = strdup(path)) || pthread_mutex_init(&f->lock, NULL) != 0) {
        if (f) free(f->path);
        free(f);
        hb_blob_destroy(blob);
        gw_report(diags, gw_loc_file(path), GW_MSG_NO_MEMORY);
        return NULL;
    }
    atomic_init(&f->refcount, 1);
    atomic_init(&f->facts_ready, 0);
    atomic_init(&f->prepared, NULL);
    atomic_init(&f->preparing, 0);
    atomic_init(&f->subset_ns, 0);
    atomic_init(&f->subsets, 0);
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
    hb_face_destroy(f->cff_view);
    hb_face_destroy(f->hb_face);
    hb_blob_destroy(f->blob);
    pthread_mutex_destroy(&f->lock);
    free(f->facts.cids);
    if (f->facts.ft_face) FT_Done_Face(f->facts.ft_face);
    if (f->facts.ft_library) FT_Done_FreeType(f->facts.ft_library);
    free(f->family);
    free(f->style_name);
    free(f->postscript_name);
    free(f->path);
    free(f);
}

/* What HarfBuzz knows: codes are glyph indices, the box is the em square. */
static void harfbuzz_facts(const gw_face *f, pdf_facts *out)
{
    memset(out, 0, sizeof *out);
    out->outline = f->has_cff ? GW_OUTLINE_CFF_NAMED : GW_OUTLINE_TRUETYPE;
    out->bbox[2] = out->bbox[3] = f->upem;
}

/* When FreeType cannot read a face HarfBuzz could, the facts fall back to
 * HarfBuzz's.  A CID-keyed face keeps FreeType open for gw_face_cid.  0
 * when out of memory (never the fallback then: a CID-keyed font would show
 * the wrong glyphs). */
static int read_pdf_facts(const gw_face *f, pdf_facts *out)
{
    harfbuzz_facts(f, out);
    FT_Library lib;
    FT_Error err = FT_Init_FreeType(&lib);
    if (err) return err != FT_Err_Out_Of_Memory;
    unsigned len = 0;
    const char *data = hb_blob_get_data(f->blob, &len);
    FT_Face ft;
    if ((err = FT_New_Memory_Face(lib, (const FT_Byte *)data, (FT_Long)len, (FT_Long)f->index, &ft)) != 0) {
        FT_Done_FreeType(lib);
        return err != FT_Err_Out_Of_Memory;
    }
    out->bbox[0] = ft->bbox.xMin;
    out->bbox[1] = ft->bbox.yMin;
    out->bbox[2] = ft->bbox.xMax;
    out->bbox[3] = ft->bbox.yMax;
    FT_Bool is_cid = 0;
    if (f->has_cff && FT_Get_CID_Is_Internally_CID_Keyed(ft, &is_cid) == 0 && is_cid) {
        out->outline = GW_OUTLINE_CFF_CID;
        out->ft_library = lib;
        out->ft_face = ft;
        if ((out->cids = calloc(f->glyph_count, sizeof *out->cids))) return 1;
    }
    FT_Done_Face(ft);
    FT_Done_FreeType(lib);
    return out->outline != GW_OUTLINE_CFF_CID;
}

/* Double-checked: after the first read, no lock is taken.  NULL when out
 * of memory; the next call reads again. */
static pdf_facts *facts_of(const gw_face *cf)
{
    gw_face *f = (gw_face *)cf;       /* the facts are a cache: reading them does not change the face */
    if (atomic_load_explicit(&f->facts_ready, memory_order_acquire)) return &f->facts;
    pthread_mutex_lock(&f->lock);
    if (!atomic_load_explicit(&f->facts_ready, memory_order_relaxed)) {
        pdf_facts read;
        if (read_pdf_facts(f, &read)) {
            f->facts = read;
            atomic_store_explicit(&f->facts_ready, 1, memory_order_release);
        }
    }
    pthread_mutex_unlock(&f->lock);
    return atomic_load_explicit(&f->facts_ready, memory_order_relaxed) ? &f->facts : NULL;
}

int gw_face_pdf_ready(const gw_face *f) { return facts_of(f) != NULL; }

/* The accessors below need gw_face_pdf_ready; without it, out of memory,
 * they would answer HarfBuzz's facts. */
static pdf_facts facts_or_fallback(const gw_face *f)
{
    const pdf_facts *facts = facts_of(f);
    pdf_facts fallback;
    if (facts) return *facts;
    harfbuzz_facts(f, &fallback);
    return fallback;
}

hb_face_t *gw_face_subset_source(const gw_face *f)
{
    if (f->cff_view) return f->cff_view;
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
 * choice made knowing how many documents will come; and never before its
 * second subset, so that a single render never prepares, however slow the
 * machine (or valgrind, which makes one subset cost 50 times what it
 * does).  One thread prepares (the one whose document crossed the
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
    unsigned subsets = atomic_fetch_add(&f->subsets, 1) + 1;
    int idle = 0;
    if (f->has_cff || subsets < 2 || spent < preparing_cost_ns(f) ||
        !atomic_compare_exchange_strong(&f->preparing, &idle, 1))
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

/* The CID from the CFF charset; the glyph index when FreeType has none. */
static uint32_t cid_from_freetype(FT_Face ft, uint32_t gid)
{
    FT_UInt cid = 0;
    return FT_Get_CID_From_Glyph_Index(ft, gid, &cid) == 0 && cid <= 0xFFFF ? cid : gid;
}

uint32_t gw_face_cid(const gw_face *cf, uint32_t gid)
{
    gw_face *f = (gw_face *)cf;       /* the CIDs are a cache: reading them does not change the face */
    pdf_facts *facts = facts_of(f);
    if (!facts || facts->outline != GW_OUTLINE_CFF_CID || gid >= f->glyph_count) return gid;
    unsigned known = atomic_load_explicit(&facts->cids[gid], memory_order_relaxed);
    if (known) return known - 1;
    pthread_mutex_lock(&f->lock);
    uint32_t cid = cid_from_freetype(facts->ft_face, gid);
    pthread_mutex_unlock(&f->lock);
    atomic_store_explicit(&facts->cids[gid], cid + 1, memory_order_relaxed);
    return cid;
}

unsigned gw_font_file_face_count(const char *path, int *nomem)
{
    hb_blob_t *blob = font_file(path, nomem);
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
gw_outline  gw_face_outline(const gw_face *f) { return facts_or_fallback(f).outline; }
hb_font_t  *gw_face_hb_font(const gw_face *f) { return f->hb_font; }
hb_face_t  *gw_face_hb_face(const gw_face *f) { return f->hb_face; }

void gw_face_bbox(const gw_face *f, double bbox[4])
{
    const pdf_facts facts = facts_or_fallback(f);
    memcpy(bbox, facts.bbox, sizeof facts.bbox);
}

double gw_face_em_box_top(const gw_face *f, double size)
{
    hb_position_t top = 0;
    hb_ot_layout_get_baseline_with_fallback(f->hb_font, HB_OT_LAYOUT_BASELINE_TAG_IDEO_EMBOX_TOP_OR_RIGHT,
                                            HB_DIRECTION_LTR, HB_SCRIPT_HAN, HB_TAG_NONE, &top);
    return top * size / f->upem;
}
