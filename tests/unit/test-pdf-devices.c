/* The PDF writer as a device, on a display list built by hand: text,
 * rules (one under a seal), seals (an RGBA PNG drawn three times, a grey+alpha one, a
 * colour-keyed one, an opaque one), bookmarks on three levels and page
 * numbers that skip.  Checked here: the writer succeeds without a
 * diagnostic, writes the same bytes twice, and turns unreadable seals
 * into E0823/E0824 (and a PNG bomb into E0137) with the file named.
 *
 * `test-pdf-devices OUT.pdf` also writes the sample PDF, which
 * tests/e2e/test_pdf_devices.py reads back with pdfimages, qpdf, mutool
 * and ghostscript (images once with their soft masks, bookmarks, page
 * labels, a clean file that renders without warnings). */
#include "check.h"
#include "layout/display-list.h"
#include "pdf/pdf.h"
#include <png.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

static char dir[] = "/tmp/gw-test-pdf-XXXXXX";

static const char *temp_path(const char *name)
{
    static char buf[8][512];
    static int next;
    char *b = buf[next++ % 8];
    snprintf(b, sizeof buf[0], "%s/%s", dir, name);
    return b;
}

/* A w × h PNG through libpng's simplified writer; pixel(x, y, px) fills
 * one pixel of the given format. */
static void write_png(const char *path, unsigned w, unsigned h, png_uint_32 format)
{
    png_image img;
    memset(&img, 0, sizeof img);
    img.version = PNG_IMAGE_VERSION;
    img.width = w;
    img.height = h;
    img.format = format;
    size_t channels = PNG_IMAGE_SAMPLE_CHANNELS(format);
    unsigned char *px = malloc(w * h * channels);
    for (unsigned y = 0; y < h; y++)
        for (unsigned x = 0; x < w; x++) {
            unsigned char *p = px + (y * w + x) * channels;
            int inside = (x - w / 2.0) * (x - w / 2.0) + (y - h / 2.0) * (y - h / 2.0) < w * w / 4.0;
            for (size_t c = 0; c < channels; c++) p[c] = (unsigned char)(c == 0 ? 200 : 40);
            if (format & PNG_FORMAT_FLAG_ALPHA) p[channels - 1] = inside ? 255 : 0;
        }
    CHECK(png_image_write_to_file(&img, path, 0, px, 0, NULL));
    free(px);
}

static void put_chunk(FILE *f, const char *type, const unsigned char *data, size_t len)
{
    unsigned char be[4] = { (unsigned char)(len >> 24), (unsigned char)(len >> 16), (unsigned char)(len >> 8),
                            (unsigned char)len };
    fwrite(be, 1, 4, f);
    fwrite(type, 1, 4, f);
    if (len) fwrite(data, 1, len, f);
    uLong crc = crc32(crc32(0, (const Bytef *)type, 4), data, (uInt)len);
    unsigned char c[4] = { (unsigned char)(crc >> 24), (unsigned char)(crc >> 16), (unsigned char)(crc >> 8),
                           (unsigned char)crc };
    fwrite(c, 1, 4, f);
}

/* An 8 × 8 RGB PNG whose tRNS chunk makes one colour see-through (a
 * colour key, which libharu's own loader cannot read): the left half. */
static void write_colour_key_png(const char *path)
{
    unsigned char raw[8 * (1 + 8 * 3)], packed[512];
    for (int y = 0; y < 8; y++) {
        unsigned char *row = raw + y * (1 + 8 * 3);
        row[0] = 0;                                     /* filter: none */
        for (int x = 0; x < 8; x++) {
            unsigned char *p = row + 1 + x * 3;
            p[0] = x < 4 ? 255 : 220;
            p[1] = x < 4 ? 255 : 0;
            p[2] = x < 4 ? 255 : 20;
        }
    }
    uLongf n = sizeof packed;
    CHECK(compress(packed, &n, raw, sizeof raw) == Z_OK);
    unsigned char ihdr[13] = { 0, 0, 0, 8, 0, 0, 0, 8, 8, 2, 0, 0, 0 };
    unsigned char trns[6] = { 0, 255, 0, 255, 0, 255 };
    FILE *f = fopen(path, "wb");
    fwrite("\x89PNG\r\n\x1a\n", 1, 8, f);
    put_chunk(f, "IHDR", ihdr, sizeof ihdr);
    put_chunk(f, "tRNS", trns, sizeof trns);
    put_chunk(f, "IDAT", packed, n);
    put_chunk(f, "IEND", NULL, 0);
    fclose(f);
}

/* A PNG whose header says 6000 × 6000 (a bomb: no real image data). */
static void write_bomb_png(const char *path)
{
    unsigned char ihdr[13] = { 0, 0, 0x17, 0x70, 0, 0, 0x17, 0x70, 8, 6, 0, 0, 0 };
    unsigned char idat[2] = { 0x78, 0x9C };
    FILE *f = fopen(path, "wb");
    fwrite("\x89PNG\r\n\x1a\n", 1, 8, f);
    put_chunk(f, "IHDR", ihdr, sizeof ihdr);
    put_chunk(f, "IDAT", idat, sizeof idat);
    put_chunk(f, "IEND", NULL, 0);
    fclose(f);
}

/* The first len bytes of a file, or all of it with one byte of its image
 * data flipped (the CRC no longer matches). */
static void damaged_copy(const char *from, const char *to, long len, int flip)
{
    FILE *in = fopen(from, "rb");
    fseek(in, 0, SEEK_END);
    long size = ftell(in);
    rewind(in);
    unsigned char *b = malloc((size_t)size);
    CHECK(fread(b, 1, (size_t)size, in) == (size_t)size);
    fclose(in);
    if (flip) {
        for (long i = 8; i + 8 < size; i++)
            if (memcmp(b + i, "IDAT", 4) == 0) { b[i + 20] ^= 0x5A; break; }
    }
    FILE *out = fopen(to, "wb");
    fwrite(b, 1, (size_t)(len < 0 ? size : len), out);
    fclose(out);
    free(b);
}

static void add_text(gw_page *page, gw_face *face, const char *text, double x, double y)
{
    size_t n = 0, len = strlen(text);
    gw_glyph *g = calloc(len, sizeof *g);
    for (size_t i = 0; i < len;) {
        uint32_t cp = ((uint32_t)(text[i] & 0x0F) << 12) | ((uint32_t)(text[i + 1] & 0x3F) << 6) | (text[i + 2] & 0x3F);
        g[n] = (gw_glyph){ gw_face_glyph(face, cp), 16.0 * (double)n, (uint32_t)i, 3 };
        CHECK(g[n].gid != 0);
        n++;
        i += 3;                           /* the sample text is all 3-byte UTF-8 */
    }
    gw_glyph_run run = { face, 16, 1, { 0, 0, 0, 0, 1 }, x, y, g, n, strdup(text) };
    CHECK(gw_page_add_glyphs(page, &run));
}

static void add_image(gw_display_list *dl, gw_page *page, const char *path, unsigned pw, unsigned ph, double x,
                      double y, double size)
{
    size_t index = gw_display_list_image(dl, path, pw, ph);
    gw_image_item im = { index, x, y, size, size };
    CHECK(gw_page_add_image(page, &im));
}

#define A4_W 595.276
#define A4_H 841.89
#define SEAL "examples/seals/xiamen-huli-health.png"

static gw_display_list *sample_list(gw_face *face)
{
    gw_display_list *dl = gw_display_list_create();
    gw_page *p = gw_display_list_add_page(dl, A4_W, A4_H);
    add_text(p, face, "一、总体情况", 79.37, 150);
    gw_rule_item rule = { 79.37, 170, 521.57, 170, 1.5, { 1, 0, 1, 1, 0 } };
    CHECK(gw_page_add_rule(p, &rule));
    gw_line_box box = { 79.37, 150, 134, 96, 0, NULL };
    CHECK(gw_page_add_line(p, &box, "一、总体情况", strlen("一、总体情况")));
    add_image(dl, p, source_path(SEAL), 600, 600, 340, 560, 119.06);
    add_text(p, face, "（一）工作进展", 79.37, 400);      /* text again after an image */
    add_image(dl, p, source_path(SEAL), 600, 600, 100, 560, 119.06);

    p = gw_display_list_add_page(dl, A4_W, A4_H);
    add_text(p, face, "细项", 79.37, 100);
    gw_rule_item under = { 60, 359.53, 220, 359.53, 6, { 0, 0, 0, 0, 1 } };  /* black, under the seal */
    CHECK(gw_page_add_rule(p, &under));
    add_image(dl, p, source_path(SEAL), 600, 600, 80, 300, 119.06);
    add_image(dl, p, temp_path("grey-alpha.png"), 40, 40, 250, 300, 60);
    add_image(dl, p, temp_path("colour-key.png"), 8, 8, 350, 300, 60);
    add_image(dl, p, temp_path("opaque.png"), 20, 20, 450, 300, 60);

    p = gw_display_list_add_page(dl, A4_W, A4_H);
    p->number = 5;                                    /* labels 1, 2, 5 */
    add_text(p, face, "二、下一步", 79.37, 100);
    add_text(p, face, "三、深层", 79.37, 300);

    CHECK(gw_display_list_add_outline(dl, "一、总体情况", 1, 0, 134));
    CHECK(gw_display_list_add_outline(dl, "（一）工作进展", 2, 0, 384));
    CHECK(gw_display_list_add_outline(dl, "细项", 3, 1, 84));
    CHECK(gw_display_list_add_outline(dl, "二、下一步", 1, 2, 84));
    CHECK(gw_display_list_add_outline(dl, "三、深层", 1, 2, 284));
    CHECK(gw_display_list_add_outline(dl, "（1）跳过一级", 4, 2, 400));
    return dl;
}

static gw_status write_pdf(const gw_display_list *dl, gw_diagnostics *d, unsigned char **out, size_t *len)
{
    gw_pdf_info info = { "测试", "厦门市湖里区卫生健康局", NULL, 1767225600 };
    *out = NULL;
    *len = 0;
    return gw_pdf_write(dl, &info, d, out, len);
}

static void sample_pdf(gw_face *face, const char *out_path)
{
    gw_display_list *dl = sample_list(face);
    gw_diagnostics *d = gw_diagnostics_create();
    unsigned char *a, *b;
    size_t alen, blen;
    CHECK(write_pdf(dl, d, &a, &alen) == GW_OK);
    CHECK_MSG(gw_diagnostics_count(d) == 0, "%s", gw_diagnostics_count(d) ? gw_diagnostics_get(d, 0)->message : "");
    CHECK(write_pdf(dl, d, &b, &blen) == GW_OK);
    CHECK(a && b && alen == blen && memcmp(a, b, alen) == 0);            /* deterministic */
    if (out_path && a) {
        FILE *f = fopen(out_path, "wb");
        CHECK(f && fwrite(a, 1, alen, f) == alen);
        if (f) fclose(f);
    }
    free(a);
    free(b);
    gw_diagnostics_destroy(d);
    gw_display_list_destroy(dl);
}

/* A list with one image, whose file is `path` seen as pw × ph: the write
 * must fail with `code` naming the file, and leave no PDF. */
static void bad_image(gw_face *face, const char *path, unsigned pw, unsigned ph, const char *code)
{
    gw_display_list *dl = gw_display_list_create();
    gw_page *p = gw_display_list_add_page(dl, A4_W, A4_H);
    add_text(p, face, "公文", 79.37, 150);
    add_image(dl, p, path, pw, ph, 300, 500, 119.06);
    gw_diagnostics *d = gw_diagnostics_create();
    unsigned char *out;
    size_t len;
    CHECK_MSG(write_pdf(dl, d, &out, &len) == GW_ERR_INPUT, "%s", path);
    CHECK(out == NULL);
    const gw_diag *e = gw_diagnostics_count(d) == 1 ? gw_diagnostics_get(d, 0) : NULL;
    CHECK_MSG(e && strcmp(e->code, code) == 0 && strcmp(e->file, path) == 0 && strstr(e->message, path),
              "%s: %s %s", path, e ? e->code : "no diagnostic", e ? e->message : "");
    gw_diagnostics_destroy(d);
    gw_display_list_destroy(dl);
}

static void bad_images(gw_face *face)
{
    damaged_copy(source_path(SEAL), temp_path("truncated.png"), 4000, 0);
    damaged_copy(source_path(SEAL), temp_path("bad-crc.png"), -1, 1);
    bad_image(face, temp_path("truncated.png"), 600, 600, "E0823");
    bad_image(face, temp_path("bad-crc.png"), 600, 600, "E0823");
    bad_image(face, temp_path("missing.png"), 600, 600, "E0823");
    bad_image(face, source_path(SEAL), 500, 600, "E0824");           /* not the size layout saw */
    write_bomb_png(temp_path("bomb.png"));
    bad_image(face, temp_path("bomb.png"), 6000, 6000, "E0137");     /* never decoded */
}

int main(int argc, char **argv)
{
    CHECK(mkdtemp(dir) != NULL);
    write_png(temp_path("grey-alpha.png"), 40, 40, PNG_FORMAT_GA);
    write_png(temp_path("opaque.png"), 20, 20, PNG_FORMAT_RGB);
    write_colour_key_png(temp_path("colour-key.png"));
    gw_diagnostics *d = gw_diagnostics_create();
    gw_face *face = gw_face_open(fetched_font("FandolSong-Regular.otf"), 0, d);
    CHECK(face != NULL);
    if (face) {
        sample_pdf(face, argc > 1 ? argv[1] : NULL);
        bad_images(face);
        gw_face_destroy(face);
    }
    gw_diagnostics_destroy(d);
    const char *names[] = { "grey-alpha.png", "opaque.png", "colour-key.png", "truncated.png", "bad-crc.png",
                            "bomb.png" };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) unlink(temp_path(names[i]));
    rmdir(dir);
    return check_summary();
}
