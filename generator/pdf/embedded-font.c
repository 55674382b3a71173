#include "pdf/embedded-font.h"
#include "util/grow.h"
#include "util/hash.h"
#include "util/profile.h"
#include "util/utf8.h"
#include <hb-ot.h>
#include <math.h>
#include <hb-subset.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

gw_embedded_font *gw_embedded_font_create(gw_face *face)
{
    gw_embedded_font *f = calloc(1, sizeof *f);
    if (!f) return NULL;
    f->face = gw_face_reference(face);
    f->used = hb_set_create();
    f->text_index = hb_map_create();
    f->codes = hb_map_create();
    if (!hb_set_allocation_successful(f->used) || !hb_map_allocation_successful(f->text_index) ||
        !hb_map_allocation_successful(f->codes)) {
        gw_embedded_font_destroy(f);
        return NULL;
    }
    hb_set_add(f->used, 0);          /* .notdef is always in a subset */
    return f;
}

void gw_embedded_font_destroy(gw_embedded_font *f)
{
    if (!f) return;
    for (size_t i = 0; i < f->text_count; i++) free(f->texts[i]);
    free(f->texts);
    free(f->entries);
    hb_set_destroy(f->used);
    hb_map_destroy(f->text_index);
    hb_map_destroy(f->codes);
    hb_blob_destroy(f->program);
    gw_face_destroy(f->face);
    free(f);
}

int gw_embedded_font_use(gw_embedded_font *f, uint32_t gid, const char *text, size_t len)
{
    hb_set_add(f->used, gid);
    /* ToUnicode maps a code to one text: the first wins.  (A glyph shared by
     * two characters would need /ActualText; CJK body text has none.) */
    if (!len || hb_map_has(f->text_index, gid)) return hb_set_allocation_successful(f->used);
    if (!gw_grow(&f->texts, f->text_count, sizeof *f->texts)) return 0;
    if (!(f->texts[f->text_count] = malloc(len + 1))) return 0;
    memcpy(f->texts[f->text_count], text, len);
    f->texts[f->text_count][len] = '\0';
    hb_map_set(f->text_index, gid, (hb_codepoint_t)f->text_count++);
    return hb_map_allocation_successful(f->text_index);
}

/* A CFF face embeds its bare CFF table only (program_of): subsetting the
 * others (cmap, hmtx, name, ...) would be work thrown away, 0.1-0.25 ms a
 * face; the CFF table comes out the same bytes. */
static void drop_all_but_cff(hb_face_t *face, hb_set_t *tables)
{
    hb_tag_t tags[64];
    unsigned start = 0, n;
    do {
        n = sizeof tags / sizeof *tags;
        hb_face_get_table_tags(face, start, &n, tags);
        for (unsigned i = 0; i < n; i++)
            if (tags[i] != HB_TAG('C', 'F', 'F', ' ')) hb_set_add(tables, tags[i]);
        start += n;
    } while (n == sizeof tags / sizeof *tags);
}

/* What hb-subset is asked for: exactly the glyphs drawn, no cmap (PDF
 * reaches glyphs by code) and no layout tables (they would pull in glyphs
 * the document never draws). */
static hb_subset_input_t *subset_input(const gw_embedded_font *f)
{
    static const char *const drop[] = { "GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "vhea",
                                        "vmtx", "VORG", "DSIG", "kern", "gasp", "hdmx", "LTSH", "VDMX" };
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (!in) return NULL;
    hb_set_union(hb_subset_input_glyph_set(in), f->used);
    hb_set_clear(hb_subset_input_unicode_set(in));
    hb_set_t *tables = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (size_t i = 0; i < sizeof drop / sizeof *drop; i++) hb_set_add(tables, hb_tag_from_string(drop[i], 4));
    if (gw_face_outline(f->face) != GW_OUTLINE_TRUETYPE) drop_all_but_cff(gw_face_hb_face(f->face), tables);
    /* Desubroutinized CFF subsets are smaller: few glyphs share few subroutines. */
    hb_subset_input_set_flags(in, gw_face_outline(f->face) == GW_OUTLINE_TRUETYPE ? HB_SUBSET_FLAGS_DEFAULT
                                                                          : HB_SUBSET_FLAGS_DESUBROUTINIZE);
    return in;
}

static uint32_t code_for(const gw_embedded_font *f, uint32_t gid, const hb_map_t *old_to_new)
{
    if (gw_face_outline(f->face) == GW_OUTLINE_CFF_CID) return gw_face_cid(f->face, gid);
    hb_codepoint_t n = hb_map_get(old_to_new, gid);
    return n == HB_MAP_VALUE_INVALID ? 0 : n;
}

static int by_code(const void *a, const void *b)
{
    const gw_font_entry *x = a, *y = b;
    return x->code < y->code ? -1 : x->code > y->code;
}

static int build_entries(gw_embedded_font *f, const hb_map_t *old_to_new)
{
    unsigned n = hb_set_get_population(f->used);
    f->entries = calloc(n ? n : 1, sizeof *f->entries);
    if (!f->entries) return 0;
    hb_codepoint_t gid = HB_SET_VALUE_INVALID;
    while (hb_set_next(f->used, &gid)) {
        gw_font_entry *e = &f->entries[f->entry_count++];
        e->gid = gid;
        e->code = code_for(f, gid, old_to_new);
        e->width = gw_embedded_font_width(f, gid);
        hb_codepoint_t t = hb_map_get(f->text_index, gid);
        e->text = t == HB_MAP_VALUE_INVALID ? NULL : f->texts[t];
        hb_map_set(f->codes, gid, e->code);
    }
    qsort(f->entries, f->entry_count, sizeof *f->entries, by_code);
    return hb_map_allocation_successful(f->codes);
}

/* The commonest width: CJK fonts set almost every glyph 1 em wide, so W
 * then lists only the exceptions. */
static double commonest_width(const gw_embedded_font *f)
{
    double best = 1000;
    size_t best_count = 0;
    for (size_t i = 0; i < f->entry_count; i++) {
        size_t count = 0;
        for (size_t j = 0; j < f->entry_count && count + (f->entry_count - j) > best_count; j++)
            count += f->entries[j].width == f->entries[i].width;
        if (count > best_count) { best_count = count; best = f->entries[i].width; }
    }
    return best;
}

static hb_blob_t *program_of(const gw_embedded_font *f, hb_face_t *sub)
{
    if (gw_face_outline(f->face) == GW_OUTLINE_TRUETYPE) return hb_face_reference_blob(sub);
    return hb_face_reference_table(sub, HB_TAG('C', 'F', 'F', ' '));
}

/* The six-letter subset tag depends on the face and the glyph set only, so
 * the same document gives the same name every time. */
static void name_subset(gw_embedded_font *f)
{
    uint64_t h = gw_hash_bytes(GW_HASH_INIT, gw_face_postscript_name(f->face), strlen(gw_face_postscript_name(f->face)));
    hb_codepoint_t gid = HB_SET_VALUE_INVALID;
    while (hb_set_next(f->used, &gid)) h = gw_hash_u32(h, gid);
    char tag[7];
    for (int i = 0; i < 6; i++) {
        tag[i] = (char)('A' + h % 26);
        h /= 26;
    }
    tag[6] = '\0';
    snprintf(f->base_name, sizeof f->base_name, "%s+%.100s", tag, gw_face_postscript_name(f->face));
    /* PDF names cannot hold spaces or delimiters; PostScript names should not either. */
    for (char *p = f->base_name; *p; p++)
        if (*p <= ' ' || *p > '~' || strchr("()<>[]{}/%#", *p)) *p = '-';
}

static void read_metrics(gw_embedded_font *f)
{
    hb_font_t *font = gw_face_hb_font(f->face);
    double em = 1000.0 / gw_face_upem(f->face);
    hb_position_t asc = 0, desc = 0, cap = 0;
    hb_ot_metrics_get_position_with_fallback(font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &asc);
    hb_ot_metrics_get_position_with_fallback(font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &desc);
    hb_ot_metrics_get_position_with_fallback(font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap);
    f->ascent = asc * em;
    f->descent = desc * em;
    f->cap_height = cap * em;
    gw_face_bbox(f->face, f->bbox);
    for (int i = 0; i < 4; i++) f->bbox[i] *= em;
}

int gw_embedded_font_finish(gw_embedded_font *f)
{
    if (f->finished) return 1;
    hb_subset_input_t *in = subset_input(f);
    uint64_t start = gw_profile_clock();
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    hb_subset_plan_t *plan = in ? hb_subset_plan_create_or_fail(gw_face_subset_source(f->face), in) : NULL;
    hb_face_t *sub = plan ? hb_subset_plan_execute_or_fail(plan) : NULL;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    gw_profile_since(GW_STAGE_SUBSET, start);
    gw_face_subset_spent(f->face, (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
    int ok = sub && build_entries(f, hb_subset_plan_old_to_new_glyph_mapping(plan));
    if (ok) {
        f->program = program_of(f, sub);
        ok = hb_blob_get_length(f->program) > 0;
    }
    hb_face_destroy(sub);
    hb_subset_plan_destroy(plan);
    hb_subset_input_destroy(in);
    if (!ok) return 0;
    name_subset(f);
    read_metrics(f);
    f->default_width = commonest_width(f);
    f->finished = 1;
    return 1;
}

uint32_t gw_embedded_font_code(const gw_embedded_font *f, uint32_t gid)
{
    hb_codepoint_t c = hb_map_get(f->codes, gid);
    return c == HB_MAP_VALUE_INVALID ? 0 : c;
}

double gw_embedded_font_width(const gw_embedded_font *f, uint32_t gid)
{
    /* Rounded to 1/100 of a unit, as written in W, so that positions
     * computed from it are where the viewer puts the glyph. */
    double w = hb_font_get_glyph_h_advance(gw_face_hb_font(f->face), gid) * 1000.0 / gw_face_upem(f->face);
    return floor(w * 100 + 0.5) / 100;
}

void gw_embedded_font_tounicode(const gw_embedded_font *f, gw_buf *out)
{
    size_t n = 0;
    for (size_t i = 0; i < f->entry_count; i++) n += f->entries[i].text != NULL;
    gw_buf_puts(out, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                     "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                     "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                     "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    size_t done = 0;
    for (size_t i = 0; i < f->entry_count; i++) {
        const gw_font_entry *e = &f->entries[i];
        if (!e->text) continue;
        /* a bfchar block holds at most 100 entries */
        if (done % 100 == 0) gw_buf_printf(out, "%zu beginbfchar\n", n - done > 100 ? (size_t)100 : n - done);
        gw_buf_printf(out, "<%04X> <", e->code);
        gw_utf8_to_utf16_hex(out, e->text, strlen(e->text));
        gw_buf_puts(out, ">\n");
        if (++done % 100 == 0 || done == n) gw_buf_puts(out, "endbfchar\n");
    }
    gw_buf_puts(out, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
}
