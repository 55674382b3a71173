/* The display list as JSON, for tests, CI checks and other backends. */
#include "layout/display-list.h"
#include <math.h>

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

void gw_display_list_json(const gw_display_list *dl, gw_buf *b)
{
    gw_buf_puts(b, "{\"units\":\"pt\",\"origin\":\"top-left\",\"pages\":[");
    for (size_t p = 0; p < dl->page_count; p++) {
        const gw_page *page = &dl->pages[p];
        gw_buf_printf(b, "%s\n{\"width\":", p ? "," : "");
        put_num(b, page->width);
        gw_buf_puts(b, ",\"height\":");
        put_num(b, page->height);
        gw_buf_puts(b, ",\"items\":[");
        for (size_t i = 0; i < page->item_count; i++) {
            const gw_item *it = &page->items[i];
            gw_buf_puts(b, i ? ",\n" : "\n");
            if (it->kind == GW_ITEM_GLYPHS) put_glyphs(b, &it->u.glyphs);
            else if (it->kind == GW_ITEM_RULE) put_rule(b, &it->u.rule);
            else put_line(b, &it->u.line);
        }
        gw_buf_puts(b, "]}");
    }
    gw_buf_puts(b, "]}\n");
}
