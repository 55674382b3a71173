/* The display list as a seam: a list built by hand with every item kind,
 * images and bookmarks, replayed into a recording device (every callback,
 * in order, with its content), a device that stops the replay, broken
 * lists refused, image files kept once, and the JSON device's output. */
#include "check.h"
#include "layout/display-list.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SEAL_A "/seals/a.png"
#define SEAL_B "/seals/b.png"


/* A one-glyph run of 公 in FandolSong at (x, y). */
static void add_glyphs(gw_page *page, gw_face *face, double x, double y)
{
    gw_glyph *g = malloc(sizeof *g);
    *g = (gw_glyph){ gw_face_glyph(face, 0x516C), 0, 0, 3 };
    gw_glyph_run run = { face, 16, 1, { 0, 0, 0, 0, 1 }, x, y, g, 1, strdup("公") };
    CHECK(gw_page_add_glyphs(page, &run));
}

/* Two pages: glyphs, rule, line box, the same seal twice and another one;
 * numbers 1 and 3 (page 2 not counted); three bookmarks. */
static gw_display_list *sample_list(gw_face *face)
{
    gw_display_list *dl = gw_display_list_create();
    size_t a = gw_display_list_image(dl, SEAL_A, 600, 600);
    size_t b = gw_display_list_image(dl, SEAL_B, 300, 200);
    CHECK(a == 0 && b == 1);
    CHECK(gw_display_list_image(dl, SEAL_A, 600, 600) == a);     /* kept once */
    CHECK(dl->image_count == 2);

    gw_page *p = gw_display_list_add_page(dl, 595.276, 841.89);
    CHECK(p->number == 1 && p->number_printed);                 /* the defaults */
    add_glyphs(p, face, 79.37, 120.5);
    gw_rule_item rule = { 79.37, 150, 521.57, 150, 1.5, { 1, 0, 1, 1, 0 } };
    CHECK(gw_page_add_rule(p, &rule));
    gw_line_box box = { 79.37, 200, 185, 442.2, 1, NULL };
    CHECK(gw_page_add_line(p, &box, "第一行文字", strlen("第一行文字")));
    gw_image_item im = { a, 300, 600, 119.06, 119.06 };
    CHECK(gw_page_add_image(p, &im));
    im.x = 100;
    CHECK(gw_page_add_image(p, &im));                            /* drawn again */

    p = gw_display_list_add_page(dl, 595.276, 841.89);
    CHECK(p->number == 2);
    p->number = 3;
    p->number_printed = 0;
    gw_image_item small = { b, 50, 60, 30, 20 };
    CHECK(gw_page_add_image(p, &small));
    add_glyphs(p, face, 90, 700);

    CHECK(gw_display_list_add_outline(dl, "一、总体情况", 1, 0, 180));
    CHECK(gw_display_list_add_outline(dl, "（一）工作进展", 2, 0, 400));
    CHECK(gw_display_list_add_outline(dl, "二、下一步", 1, 1, 90));
    return dl;
}

/* A device writing one line per callback. */
typedef struct recorder {
    gw_device base;
    gw_buf    log;
    int       fail_at_rule;
} recorder;

static gw_buf *log_of(gw_device *dev) { return &((recorder *)dev)->log; }

static gw_status rec_begin_document(gw_device *dev, const gw_display_list *dl)
{
    gw_buf_printf(log_of(dev), "begin_document pages=%zu images=%zu\n", dl->page_count, dl->image_count);
    return GW_OK;
}

static gw_status rec_begin_page(gw_device *dev, const gw_page *page, size_t index)
{
    gw_buf_printf(log_of(dev), "begin_page %zu number=%ld printed=%d %.2fx%.2f\n", index, page->number,
                  page->number_printed, page->width, page->height);
    return GW_OK;
}

static gw_status rec_glyphs(gw_device *dev, const gw_glyph_run *run)
{
    gw_buf_printf(log_of(dev), "glyphs %s %zu at %.2f,%.2f size %.0f\n", run->text, run->glyph_count, run->x,
                  run->y, run->size);
    return GW_OK;
}

static gw_status rec_rule(gw_device *dev, const gw_rule_item *r)
{
    if (((recorder *)dev)->fail_at_rule) return GW_ERR_IO;
    gw_buf_printf(log_of(dev), "rule %.2f,%.2f-%.2f,%.2f %.2f cmyk=%d\n", r->x1, r->y1, r->x2, r->y2, r->thickness,
                  r->color.cmyk);
    return GW_OK;
}

static gw_status rec_line(gw_device *dev, const gw_line_box *b)
{
    gw_buf_printf(log_of(dev), "line %s at %.2f,%.2f top %.2f width %.2f fills=%d\n", b->text, b->x, b->y, b->top,
                  b->width, b->fills);
    return GW_OK;
}

static gw_status rec_image(gw_device *dev, const gw_image_item *im, const gw_image *source)
{
    gw_buf_printf(log_of(dev), "image %zu %s %ux%u at %.2f,%.2f %.2fx%.2f\n", im->image, source->path,
                  source->pixel_width, source->pixel_height, im->x, im->y, im->width, im->height);
    return GW_OK;
}

static gw_status rec_end_page(gw_device *dev, const gw_page *page, size_t index)
{
    gw_buf_printf(log_of(dev), "end_page %zu number=%ld\n", index, page->number);
    return GW_OK;
}

static gw_status rec_outline(gw_device *dev, const gw_outline_entry *e)
{
    gw_buf_printf(log_of(dev), "outline %d %s page %zu y %.2f\n", e->level, e->title, e->page, e->y);
    return GW_OK;
}

static gw_status rec_end_document(gw_device *dev)
{
    gw_buf_puts(log_of(dev), "end_document\n");
    return GW_OK;
}

static recorder new_recorder(void)
{
    recorder r = { { rec_begin_document, rec_begin_page, rec_glyphs, rec_rule, rec_line, rec_image, rec_end_page,
                     rec_outline, rec_end_document },
                   { 0 }, 0 };
    gw_buf_init(&r.log);
    return r;
}

static const char EXPECTED[] =
    "begin_document pages=2 images=2\n"
    "begin_page 0 number=1 printed=1 595.28x841.89\n"
    "glyphs 公 1 at 79.37,120.50 size 16\n"
    "rule 79.37,150.00-521.57,150.00 1.50 cmyk=1\n"
    "line 第一行文字 at 79.37,200.00 top 185.00 width 442.20 fills=1\n"
    "image 0 " SEAL_A " 600x600 at 300.00,600.00 119.06x119.06\n"
    "image 0 " SEAL_A " 600x600 at 100.00,600.00 119.06x119.06\n"
    "end_page 0 number=1\n"
    "begin_page 1 number=3 printed=0 595.28x841.89\n"
    "image 1 " SEAL_B " 300x200 at 50.00,60.00 30.00x20.00\n"
    "glyphs 公 1 at 90.00,700.00 size 16\n"
    "end_page 1 number=3\n"
    "outline 1 一、总体情况 page 0 y 180.00\n"
    "outline 2 （一）工作进展 page 0 y 400.00\n"
    "outline 1 二、下一步 page 1 y 90.00\n"
    "end_document\n";

static void replay_in_order(gw_display_list *dl)
{
    recorder r = new_recorder();
    CHECK(gw_display_list_run(dl, &r.base) == GW_OK);
    CHECK_MSG(r.log.data && strcmp(r.log.data, EXPECTED) == 0, "replayed:\n%s", r.log.data ? r.log.data : "");
    gw_buf_free(&r.log);
}

/* A callback's failure ends the replay there, with its status. */
static void failure_stops(gw_display_list *dl)
{
    recorder r = new_recorder();
    r.fail_at_rule = 1;
    CHECK(gw_display_list_run(dl, &r.base) == GW_ERR_IO);
    CHECK(r.log.data && strstr(r.log.data, "glyphs 公 1 at 79.37") != NULL);
    CHECK(r.log.data && strstr(r.log.data, "line ") == NULL);
    CHECK(r.log.data && strstr(r.log.data, "end_document") == NULL);
    gw_buf_free(&r.log);
}

/* An image index past the table, a bookmark past the last page: refused,
 * not read out of bounds. */
static void broken_lists_refused(gw_display_list *dl)
{
    recorder r = new_recorder();
    dl->pages[1].items[0].u.image.image = 7;
    CHECK(gw_display_list_run(dl, &r.base) == GW_ERR_INTERNAL);
    dl->pages[1].items[0].u.image.image = 1;
    dl->outline[2].page = 2;
    CHECK(gw_display_list_run(dl, &r.base) == GW_ERR_INTERNAL);
    dl->outline[2].page = 1;
    gw_buf_free(&r.log);
}

static int has(const char *hay, const char *needle)
{
    int found = hay && strstr(hay, needle) != NULL;
    CHECK_MSG(found, "no %s in the JSON", needle);
    return found;
}

static void json_device(gw_display_list *dl)
{
    gw_buf b;
    gw_buf_init(&b);
    CHECK(gw_display_list_json(dl, &b) == GW_OK);
    has(b.data, "{\"units\":\"pt\",\"origin\":\"top-left\",\"images\":[");
    has(b.data, "{\"path\":\"" SEAL_A "\",\"pixel_width\":600,\"pixel_height\":600}");
    has(b.data, "\"number\":1,\"number_printed\":true,\"items\":[");
    has(b.data, "\"number\":3,\"number_printed\":false,\"items\":[");
    has(b.data, "{\"kind\":\"image\",\"image\":0,\"path\":\"" SEAL_A "\",\"x\":100.000,\"y\":600.000,"
                "\"width\":119.060,\"height\":119.060}");
    has(b.data, "{\"kind\":\"rule\",\"x1\":79.370");
    has(b.data, "{\"kind\":\"line\",\"x\":79.370,\"y\":200.000,\"top\":185.000");
    has(b.data, "{\"kind\":\"glyphs\",\"font\":\"FandolSong-Regular\"");
    has(b.data, "\"outline\":[\n{\"title\":\"一、总体情况\",\"level\":1,\"page\":0,\"y\":180.000}");
    has(b.data, "{\"title\":\"二、下一步\",\"level\":1,\"page\":1,\"y\":90.000}]}\n");
    /* and it parses as JSON */
    char path[] = "/tmp/gw-test-list-XXXXXX";
    int fd = mkstemp(path);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    CHECK(f != NULL);
    if (f) {
        fwrite(b.data, 1, b.len, f);
        fclose(f);
        char cmd[256];
        snprintf(cmd, sizeof cmd, "python3 -m json.tool %s > /dev/null", path);
        CHECK(system(cmd) == 0);
        unlink(path);
    }
    gw_buf_free(&b);

    gw_display_list *empty = gw_display_list_create();
    gw_buf_init(&b);
    CHECK(gw_display_list_json(empty, &b) == GW_OK);
    CHECK(b.data && strcmp(b.data, "{\"units\":\"pt\",\"origin\":\"top-left\",\"images\":[],\"pages\":[],"
                                   "\"outline\":[]}\n") == 0);
    gw_buf_free(&b);
    gw_display_list_destroy(empty);
}

/* The old layout's repair step moves items between pages: images too. */
static void moved_images_follow(gw_display_list *dl)
{
    size_t before = dl->pages[1].item_count;
    CHECK(gw_page_move_items(&dl->pages[0], 3, &dl->pages[1], 10));
    CHECK(dl->pages[0].item_count == 3 && dl->pages[1].item_count == before + 2);
    const gw_item *moved = &dl->pages[1].items[before];
    CHECK(moved->kind == GW_ITEM_IMAGE && moved->u.image.y == 610 && moved->u.image.x == 300);
}

int main(void)
{
    gw_diagnostics *d = gw_diagnostics_create();
    gw_face *face = gw_face_open(fetched_font("FandolSong-Regular.otf"), 0, d);
    CHECK(face != NULL);
    if (face) {
        gw_display_list *dl = sample_list(face);
        replay_in_order(dl);
        failure_stops(dl);
        broken_lists_refused(dl);
        json_device(dl);
        moved_images_follow(dl);
        gw_display_list_destroy(dl);
        gw_face_destroy(face);
    }
    gw_diagnostics_destroy(d);
    return check_summary();
}
