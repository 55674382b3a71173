/* The JSON device: the display list as JSON, for tests, CI checks and
 * other backends (docs/layout-json.md). */
#include "layout/display-list.h"
#include <math.h>
#include <stddef.h>

typedef struct json_device {
    gw_device base;           /* first: the callbacks get &base */
    gw_buf   *out;
    size_t    items;          /* written on the current page */
    size_t    outline;        /* entries written */
} json_device;

static json_device *json_of(gw_device *dev) { return (json_device *)dev; }

static void put_string(gw_buf *b, const char *s)
{
    gw_buf_puts(b, "\"");
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') gw_buf_printf(b, "\\%c", *p);
        else if (*p < 0x20) gw_buf_printf(b, "\\u%04x", *p);
        else gw_buf_append(b, p, 1);
    }
    gw_buf_puts(b, "\"");
}

static void put_num(gw_buf *b, double v)
{
    gw_buf_printf(b, "%.3f", fabs(v) < 0.0005 ? 0 : v);
}

static void put_color(gw_buf *b, const gw_color *c)
{
    if (c->cmyk) gw_buf_printf(b, "\"cmyk %g %g %g %g\"", c->c, c->m, c->y, c->k);
    else gw_buf_printf(b, "\"gray %g\"", 1 - c->k);
}

/* ,"key":value */
static void num_field(gw_buf *b, const char *key, double v)
{
    gw_buf_printf(b, ",\"%s\":", key);
    put_num(b, v);
}

static void str_field(gw_buf *b, const char *key, const char *s)
{
    gw_buf_printf(b, ",\"%s\":", key);
    put_string(b, s);
}

static void put_glyphs(gw_buf *b, const gw_glyph_run *r)
{
    gw_buf_puts(b, "{\"kind\":\"glyphs\"");
    str_field(b, "font", gw_face_postscript_name(r->face));
    str_field(b, "file", gw_face_path(r->face));
    gw_buf_printf(b, ",\"face\":%u", gw_face_index(r->face));
    num_field(b, "size", r->size);
    num_field(b, "hscale", r->hscale);
    gw_buf_puts(b, ",\"color\":");
    put_color(b, &r->color);
    num_field(b, "x", r->x);
    num_field(b, "y", r->y);
    str_field(b, "text", r->text);
    gw_buf_puts(b, ",\"glyphs\":[");
    for (size_t g = 0; g < r->glyph_count; g++) {
        gw_buf_printf(b, "%s[%u,", g ? "," : "", r->glyphs[g].gid);
        put_num(b, r->glyphs[g].x);
        gw_buf_puts(b, "]");
    }
    gw_buf_puts(b, "]}");
}

static void put_rule(gw_buf *b, const gw_rule_item *r)
{
    gw_buf_puts(b, "{\"kind\":\"rule\"");
    num_field(b, "x1", r->x1);
    num_field(b, "y1", r->y1);
    num_field(b, "x2", r->x2);
    num_field(b, "y2", r->y2);
    num_field(b, "thickness", r->thickness);
    gw_buf_puts(b, ",\"color\":");
    put_color(b, &r->color);
    gw_buf_puts(b, "}");
}

static void put_line(gw_buf *b, const gw_line_box *l)
{
    gw_buf_puts(b, "{\"kind\":\"line\"");
    num_field(b, "x", l->x);
    num_field(b, "y", l->y);
    num_field(b, "top", l->top);
    num_field(b, "width", l->width);
    gw_buf_printf(b, ",\"fills\":%s", l->fills ? "true" : "false");
    str_field(b, "text", l->text);
    gw_buf_puts(b, "}");
}

static void put_image(gw_buf *b, const gw_image_item *im, const gw_image *source)
{
    gw_buf_printf(b, "{\"kind\":\"image\",\"image\":%zu", im->image);
    str_field(b, "path", source->path);
    num_field(b, "x", im->x);
    num_field(b, "y", im->y);
    num_field(b, "width", im->width);
    num_field(b, "height", im->height);
    gw_buf_puts(b, "}");
}

static gw_status begin_document(gw_device *dev, const gw_display_list *dl)
{
    gw_buf *b = json_of(dev)->out;
    gw_buf_puts(b, "{\"units\":\"pt\",\"origin\":\"top-left\",\"images\":[");
    for (size_t i = 0; i < dl->image_count; i++) {
        gw_buf_puts(b, i ? ",\n{\"path\":" : "\n{\"path\":");
        put_string(b, dl->images[i].path);
        gw_buf_printf(b, ",\"pixel_width\":%u,\"pixel_height\":%u}", dl->images[i].pixel_width,
                      dl->images[i].pixel_height);
    }
    gw_buf_puts(b, "],\"pages\":[");
    return GW_OK;
}

static gw_status begin_page(gw_device *dev, const gw_page *page, size_t index)
{
    json_device *j = json_of(dev);
    gw_buf_puts(j->out, index ? ",\n{\"width\":" : "\n{\"width\":");
    put_num(j->out, page->width);
    num_field(j->out, "height", page->height);
    gw_buf_printf(j->out, ",\"number\":%ld,\"number_printed\":%s,\"items\":[", page->number,
                  page->number_printed ? "true" : "false");
    j->items = 0;
    return GW_OK;
}

/* The separator before an item: the page's first one starts a line too. */
static gw_buf *next_item(gw_device *dev)
{
    json_device *j = json_of(dev);
    gw_buf_puts(j->out, j->items++ ? ",\n" : "\n");
    return j->out;
}

static gw_status glyphs(gw_device *dev, const gw_glyph_run *run)
{
    put_glyphs(next_item(dev), run);
    return GW_OK;
}

static gw_status rule(gw_device *dev, const gw_rule_item *r)
{
    put_rule(next_item(dev), r);
    return GW_OK;
}

static gw_status line(gw_device *dev, const gw_line_box *box)
{
    put_line(next_item(dev), box);
    return GW_OK;
}

static gw_status image(gw_device *dev, const gw_image_item *im, const gw_image *source)
{
    put_image(next_item(dev), im, source);
    return GW_OK;
}

static gw_status end_page(gw_device *dev, const gw_page *page, size_t index)
{
    (void)page;
    (void)index;
    gw_buf_puts(json_of(dev)->out, "]}");
    return GW_OK;
}

static gw_status outline(gw_device *dev, const gw_outline_entry *e)
{
    json_device *j = json_of(dev);
    gw_buf_puts(j->out, j->outline++ ? ",\n{\"title\":" : "],\"outline\":[\n{\"title\":");
    put_string(j->out, e->title);
    gw_buf_printf(j->out, ",\"level\":%d,\"page\":%zu", e->level, e->page);
    num_field(j->out, "y", e->y);
    gw_buf_puts(j->out, "}");
    return GW_OK;
}

static gw_status end_document(gw_device *dev)
{
    json_device *j = json_of(dev);
    gw_buf_puts(j->out, j->outline ? "]}\n" : "],\"outline\":[]}\n");
    return GW_OK;
}

gw_status gw_display_list_json(const gw_display_list *dl, gw_buf *out)
{
    json_device j = { { begin_document, begin_page, glyphs, rule, line, image, end_page, outline,
                        end_document },
                      out, 0, 0 };
    gw_status st = gw_display_list_run(dl, &j.base);
    return st == GW_OK && out->failed ? GW_ERR_NOMEM : st;
}
