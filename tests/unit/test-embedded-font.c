/* The font layer on its own: faces, subsets, codes, widths and ToUnicode,
 * for TrueType, CID-keyed CFF with a non-identity charset (FandolFang),
 * a collection face (Noto Serif CJK SC in a .ttc), name-keyed CFF, and
 * characters no font has. */
#include "check.h"
#include "fonts/fontset.h"
#include "pdf/embedded-font.h"
#include "text/lines.h"
#include <hb-subset.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#define LIBERATION "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf"
#define NOTO_SERIF "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
#define NIMBUS     "/usr/share/fonts/opentype/urw-base35/NimbusRoman-Regular.otf"

static FT_Library ft;

static gw_face *open_face(const char *path, unsigned index)
{
    gw_diagnostics *d = gw_diagnostics_create();
    gw_face *f = gw_face_open(path, index, d);
    CHECK_MSG(f != NULL, "cannot open %s", path);
    gw_diagnostics_destroy(d);
    return f;
}

/* Records the glyph of each character of text (one glyph per character). */
static void use_text(gw_embedded_font *ef, const char *text)
{
    for (const char *p = text; *p;) {
        size_t n = 1;
        while ((p[n] & 0xC0) == 0x80) n++;
        size_t i = 0;
        uint32_t cp = 0;
        for (; i < n; i++) cp = i ? (cp << 6) | (p[i] & 0x3F) : (uint32_t)(p[0] & (n == 1 ? 0x7F : 0xFF >> (n + 1)));
        uint32_t gid = gw_face_glyph(ef->face, cp);
        CHECK_MSG(gid != 0, "no glyph for U+%04X in %s", cp, gw_face_family(ef->face));
        CHECK(gw_embedded_font_use(ef, gid, p, n));
        p += n;
    }
}

/* The glyph of the subset program that a code selects, as a PDF viewer
 * finds it.  For a bare CID-keyed CFF, FreeType's glyph index is the CID
 * and it looks the glyph up through the subset's charset, as viewers do. */
static FT_UInt subset_glyph(FT_Face sub, const gw_embedded_font *ef, uint32_t code)
{
    (void)sub;
    (void)ef;
    return code;
}

/* Every recorded glyph must come out of the subset as the same glyph: same
 * advance, same outline size. */
static void check_subset_matches(gw_embedded_font *ef)
{
    unsigned len;
    const char *data = hb_blob_get_data(ef->program, &len);
    FT_Face sub, orig;
    CHECK(FT_New_Face(ft, gw_face_path(ef->face), gw_face_index(ef->face), &orig) == 0);
    CHECK_MSG(FT_New_Memory_Face(ft, (const FT_Byte *)data, len, 0, &sub) == 0, "%s subset unreadable", gw_face_family(ef->face));
    /* exactly the glyphs used (a bare CID-keyed CFF reports its CID range instead) */
    if (gw_face_outline(ef->face) != GW_OUTLINE_CFF_CID) CHECK(sub->num_glyphs == (FT_Long)ef->entry_count);
    for (size_t i = 0; i < ef->entry_count; i++) {
        const gw_font_entry *e = &ef->entries[i];
        FT_UInt g = subset_glyph(sub, ef, e->code);
        CHECK_MSG(g != (FT_UInt)-1, "code %u not in subset", e->code);
        if (g == (FT_UInt)-1) continue;
        FT_Load_Glyph(orig, e->gid, FT_LOAD_NO_SCALE);
        FT_Pos adv = orig->glyph->metrics.horiAdvance;
        short points = orig->glyph->outline.n_points;
        CHECK(FT_Load_Glyph(sub, g, FT_LOAD_NO_SCALE) == 0);
        CHECK_MSG(sub->glyph->metrics.horiAdvance == adv && sub->glyph->outline.n_points == points,
                  "%s gid %u -> code %u: glyph differs", gw_face_family(ef->face), e->gid, e->code);
    }
    FT_Done_Face(sub);
    FT_Done_Face(orig);
}

static gw_embedded_font *embed(gw_face *face, const char *text)
{
    gw_embedded_font *ef = gw_embedded_font_create(face);
    use_text(ef, text);
    CHECK(gw_embedded_font_finish(ef));
    return ef;
}

static void truetype(void)
{
    gw_face *face = open_face(LIBERATION, 0);
    if (!face) return;
    CHECK(gw_face_outline(face) == GW_OUTLINE_TRUETYPE);
    gw_embedded_font *ef = embed(face, "AVAWAY 2025-06-12");
    check_subset_matches(ef);
    /* codes are the subset's glyph IDs: 1..n in original glyph order, 0 is .notdef */
    CHECK(ef->entries[0].code == 0 && ef->entries[ef->entry_count - 1].code == ef->entry_count - 1);
    CHECK(strlen(ef->base_name) > 7 && ef->base_name[6] == '+');
    gw_embedded_font_destroy(ef);
    gw_face_destroy(face);
}

static void cff_cid_keyed_non_identity(void)
{
    gw_face *face = open_face(fetched_font("FandolFang-Regular.otf"), 0);
    if (!face) return;
    CHECK(gw_face_outline(face) == GW_OUTLINE_CFF_CID);
    /* € ¥ – sit at glyph IDs >= 8896 whose CIDs differ from their GIDs */
    gw_embedded_font *ef = embed(face, "关于答复的函，（此件主动公开）€¥–");
    int non_identity = 0;
    for (size_t i = 0; i < ef->entry_count; i++) {
        CHECK(ef->entries[i].code == gw_face_cid(face, ef->entries[i].gid));
        non_identity |= ef->entries[i].code != ef->entries[i].gid;
    }
    CHECK_MSG(non_identity, "the test should reach glyphs whose CID is not their GID");
    check_subset_matches(ef);
    gw_embedded_font_destroy(ef);
    gw_face_destroy(face);
}

static void collection_face(void)
{
    gw_face *face = NULL;
    for (unsigned i = 0; i < 10 && !face; i++) {
        gw_face *f = open_face(NOTO_SERIF, i);
        if (f && strcmp(gw_face_family(f), "Noto Serif CJK SC") == 0) face = f;
        else gw_face_destroy(f);
    }
    CHECK_MSG(face != NULL, "no Noto Serif CJK SC face in %s", NOTO_SERIF);
    if (!face) return;
    CHECK(gw_face_index(face) > 0 && gw_face_outline(face) == GW_OUTLINE_CFF_CID);
    gw_embedded_font *ef = embed(face, "厦门市湖里区卫生健康局𬌗");
    check_subset_matches(ef);
    gw_buf cmap;
    gw_buf_init(&cmap);
    gw_embedded_font_tounicode(ef, &cmap);
    /* U+2C317 as a surrogate pair, U+53A6 厦 as itself */
    CHECK(strstr(cmap.data, "<D870DF17>") != NULL);
    CHECK(strstr(cmap.data, "<53A6>") != NULL);
    CHECK(strstr(cmap.data, "beginbfchar") && strstr(cmap.data, "endcmap"));
    gw_buf_free(&cmap);
    gw_embedded_font_destroy(ef);
    gw_face_destroy(face);
}

static void cff_name_keyed(void)
{
    if (access(NIMBUS, R_OK) != 0) { printf("skip: %s not installed\n", NIMBUS); return; }
    gw_face *face = open_face(NIMBUS, 0);
    if (!face) return;
    CHECK(gw_face_outline(face) == GW_OUTLINE_CFF_NAMED);
    gw_embedded_font *ef = embed(face, "Quick brown fox");
    check_subset_matches(ef);
    gw_embedded_font_destroy(ef);
    gw_face_destroy(face);
}

static void subset_names_are_deterministic(void)
{
    gw_face *face = open_face(LIBERATION, 0);
    if (!face) return;
    gw_embedded_font *a = embed(face, "abc"), *b = embed(face, "cba"), *c = embed(face, "abd");
    CHECK(strcmp(a->base_name, b->base_name) == 0);     /* same glyph set, same tag */
    CHECK(strcmp(a->base_name, c->base_name) != 0);
    gw_embedded_font_destroy(a);
    gw_embedded_font_destroy(b);
    gw_embedded_font_destroy(c);
    gw_face_destroy(face);
}

static int has_diag(gw_diagnostics *d, const char *code, const char *text)
{
    for (size_t i = 0; i < gw_diagnostics_count(d); i++) {
        const gw_diag *g = gw_diagnostics_get(d, i);
        if (strcmp(g->code, code) == 0 && (!text || strstr(g->message, text))) return 1;
    }
    return 0;
}

static void missing_glyphs_and_fallback(void)
{
    gw_diagnostics *d = gw_diagnostics_create();
    gw_fontset *fs = gw_fontset_load(source_path("fonts/fonts.yaml"), d);
    CHECK(fs != NULL);
    if (!fs) { gw_diagnostics_destroy(d); return; }
    const gw_role *fang = gw_fontset_role(fs, "fangsong");
    CHECK(fang && fang->chain_len >= 2);
    CHECK_MSG(strstr(gw_face_path(fang->chain[0]), "FandolFang-Regular.otf") != NULL, "fangsong is %s", gw_face_path(fang->chain[0]));
    CHECK(gw_face_glyph(fang->chain[0], 0x20000) == 0);       /* FandolFang lacks 𠀀 */
    gw_face *rare = gw_role_face_for(fang, 0x20000);
    CHECK_MSG(rare && gw_face_glyph(rare, 0x20000), "no fallback serves U+20000");
    gw_face *bite = gw_role_face_for(fang, 0x2C317);
    CHECK_MSG(bite && bite != fang->chain[0], "U+2C317 should come from a fallback");
    CHECK(gw_role_face_for(fang, 0x10FFFD) == NULL);

    /* The breaker names a character no font has, with its place, and goes on. */
    gw_text_style st = { fang, gw_fontset_role(fs, "latin"), 16, 15.793, { 0, 0, 0, 0, 1 }, 0 };
    gw_lines lines;
    gw_loc loc = { "doc.yaml", 7, 3, "body[2]", 0 };
    const char *text = "甲\xF4\x8F\xBF\xBD乙\xF4\x8F\xBF\xBC";
    CHECK(gw_set_plain(text, strlen(text), &st, 1e9, 0, loc, d, &lines) == GW_ERR_INPUT);
    CHECK(has_diag(d, "E0810", "U+10FFFD") && has_diag(d, "E0810", "U+10FFFC"));
    const gw_diag *g = gw_diagnostics_get(d, gw_diagnostics_count(d) - 1);
    CHECK(g->line == 7 && g->column == 3 && strcmp(g->path, "body[2]") == 0);
    /* When the text is the source as written, each is placed on itself. */
    size_t before = gw_diagnostics_count(d);
    loc.verbatim = 1;
    loc.file = "verbatim.yaml";          /* a character is said once per file */
    CHECK(gw_set_plain(text, strlen(text), &st, 1e9, 0, loc, d, &lines) == GW_ERR_INPUT);
    CHECK(gw_diagnostics_count(d) == before + 2);
    if (gw_diagnostics_count(d) == before + 2) {
        CHECK(gw_diagnostics_get(d, before)->line == 7 && gw_diagnostics_get(d, before)->column == 4);
        CHECK(gw_diagnostics_get(d, before + 1)->column == 6);
    }
    gw_fontset_destroy(fs);
    gw_diagnostics_destroy(d);
}

static void broken_font_files(void)
{
    gw_diagnostics *d = gw_diagnostics_create();
    CHECK(gw_face_open("/nonexistent/font.otf", 0, d) == NULL);
    CHECK(has_diag(d, "E0801", NULL));
    char path[] = "/tmp/gw-font-XXXXXX";
    int fd = mkstemp(path);
    CHECK(write(fd, "OTTO garbage that is not a font", 31) == 31);
    close(fd);
    CHECK(gw_face_open(path, 0, d) == NULL);
    CHECK(has_diag(d, "E0802", NULL));
    CHECK(gw_face_open(LIBERATION, 5, d) == NULL);           /* no such face */
    unlink(path);
    gw_diagnostics_destroy(d);
}

static size_t deflated_size(const void *data, size_t len, int level)
{
    uLongf out_len = compressBound((uLong)len);
    Bytef *out = malloc(out_len);
    CHECK(compress2(out, &out_len, data, (uLong)len, level) == Z_OK);
    free(out);
    return out_len;
}

/* hb-subset with its defaults (cmap and layout tables kept) of the same glyphs. */
static size_t plain_subset_deflated(const gw_embedded_font *ef)
{
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    hb_set_union(hb_subset_input_glyph_set(in), ef->used);
    hb_face_t *sub = hb_subset_or_fail(gw_face_hb_face(ef->face), in);
    hb_blob_t *blob = hb_face_reference_blob(sub);
    unsigned len;
    const char *data = hb_blob_get_data(blob, &len);
    size_t n = deflated_size(data, len, 9);
    hb_blob_destroy(blob);
    hb_face_destroy(sub);
    hb_subset_input_destroy(in);
    return n;
}

static int seen(const char *chars, size_t len, const char *c)
{
    for (size_t i = 0; i + 3 <= len; i += 3)
        if (memcmp(chars + i, c, 3) == 0) return 1;
    return 0;
}

/* Every Han character and CJK mark of the Xiamen letter (about 600). */
static char *letter_characters(void)
{
    FILE *f = fopen(source_path("examples/xiamen-huli-reply.yaml"), "rb");
    CHECK(f != NULL);
    if (!f) return NULL;
    char *text = calloc(1, 1 << 20), *out = calloc(1, 1 << 16);
    size_t n = fread(text, 1, (1 << 20) - 1, f), k = 0;
    fclose(f);
    for (size_t i = 0; i < n;) {
        size_t len = (unsigned char)text[i] >= 0xF0 ? 4 : (unsigned char)text[i] >= 0xE0 ? 3 : 1;
        if (len == 3 && !seen(out, k, text + i) && k + 3 < (1 << 16)) {
            memcpy(out + k, text + i, 3);
            k += 3;
        }
        i += len;
    }
    free(text);
    return out;
}

/* The embedded program, compressed as libharu does (zlib's default level),
 * is no larger than a plain hb-subset of the same glyphs at level 9. */
static void programs_are_small(const char *path, unsigned index)
{
    char *chars = letter_characters();
    gw_face *face = chars ? open_face(path, index) : NULL;
    if (!face) { free(chars); return; }
    gw_embedded_font *ef = gw_embedded_font_create(face);
    for (const char *p = chars; *p; p += 3) {
        uint32_t cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
        uint32_t gid = gw_face_glyph(face, cp);
        if (gid) gw_embedded_font_use(ef, gid, p, 3);
    }
    CHECK(gw_embedded_font_finish(ef));
    CHECK(ef->entry_count > 500);
    unsigned len;
    const char *data = hb_blob_get_data(ef->program, &len);
    size_t ours = deflated_size(data, len, Z_DEFAULT_COMPRESSION), plain = plain_subset_deflated(ef);
    printf("%s: %zu glyphs, program %zu bytes deflated, plain hb-subset %zu\n", gw_face_family(face),
           ef->entry_count, ours, plain);
    CHECK(ours <= plain);
    gw_embedded_font_destroy(ef);
    gw_face_destroy(face);
    free(chars);
}

int main(void)
{
    FT_Init_FreeType(&ft);
    truetype();
    cff_cid_keyed_non_identity();
    collection_face();
    cff_name_keyed();
    subset_names_are_deterministic();
    missing_glyphs_and_fallback();
    broken_font_files();
    programs_are_small(fetched_font("FandolFang-Regular.otf"), 0);
    programs_are_small(NOTO_SERIF, 2);
    programs_are_small("/usr/share/fonts/truetype/hanazono/HanaMinA.ttf", 0);
    FT_Done_FreeType(ft);
    return check_summary();
}
