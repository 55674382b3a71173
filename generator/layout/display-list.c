#include "layout/display-list.h"
#include <stdlib.h>
#include <string.h>

gw_display_list *gw_display_list_create(void) { return calloc(1, sizeof(gw_display_list)); }

void gw_item_free(gw_item *it)
{
    switch (it->kind) {
    case GW_ITEM_GLYPHS:
        gw_face_destroy(it->u.glyphs.face);
        free(it->u.glyphs.glyphs);
        free(it->u.glyphs.text);
        return;
    case GW_ITEM_LINE:
        free(it->u.line.text);
        return;
    case GW_ITEM_RULE:
    case GW_ITEM_IMAGE:
        return;                        /* nothing of their own */
    }
}

void gw_display_list_destroy(gw_display_list *dl)
{
    if (!dl) return;
    for (size_t p = 0; p < dl->page_count; p++) {
        for (size_t i = 0; i < dl->pages[p].item_count; i++) gw_item_free(&dl->pages[p].items[i]);
        free(dl->pages[p].items);
    }
    for (size_t i = 0; i < dl->image_count; i++) free(dl->images[i].path);
    for (size_t i = 0; i < dl->outline_count; i++) free(dl->outline[i].title);
    free(dl->pages);
    free(dl->images);
    free(dl->outline);
    free(dl);
}

gw_page *gw_display_list_add_page(gw_display_list *dl, double width, double height)
{
    if (dl->page_count == dl->page_cap) {
        size_t cap = dl->page_cap ? dl->page_cap * 2 : 4;
        gw_page *p = realloc(dl->pages, cap * sizeof *p);
        if (!p) return NULL;
        dl->pages = p;
        dl->page_cap = cap;
    }
    gw_page *page = &dl->pages[dl->page_count++];
    memset(page, 0, sizeof *page);
    page->width = width;
    page->height = height;
    page->number = (long)dl->page_count;
    page->number_printed = 1;
    return page;
}

static gw_item *new_item(gw_page *page)
{
    if (page->item_count == page->item_cap) {
        size_t cap = page->item_cap ? page->item_cap * 2 : 32;
        gw_item *p = realloc(page->items, cap * sizeof *p);
        if (!p) return NULL;
        page->items = p;
        page->item_cap = cap;
    }
    return &page->items[page->item_count++];
}

int gw_page_add_glyphs(gw_page *page, gw_glyph_run *run)
{
    gw_item *it = new_item(page);
    if (!it) {
        free(run->glyphs);
        free(run->text);
        return 0;
    }
    it->kind = GW_ITEM_GLYPHS;
    it->u.glyphs = *run;
    gw_face_reference(run->face);
    return 1;
}

int gw_page_add_rule(gw_page *page, const gw_rule_item *rule)
{
    gw_item *it = new_item(page);
    if (!it) return 0;
    it->kind = GW_ITEM_RULE;
    it->u.rule = *rule;
    return 1;
}

int gw_page_add_line(gw_page *page, const gw_line_box *box, const char *text, size_t len)
{
    char *copy = malloc(len + 1);
    gw_item *it = copy ? new_item(page) : NULL;
    if (!it) { free(copy); return 0; }
    memcpy(copy, text, len);
    copy[len] = '\0';
    it->kind = GW_ITEM_LINE;
    it->u.line = *box;
    it->u.line.text = copy;
    return 1;
}

int gw_page_add_image(gw_page *page, const gw_image_item *image)
{
    gw_item *it = new_item(page);
    if (!it) return 0;
    it->kind = GW_ITEM_IMAGE;
    it->u.image = *image;
    return 1;
}

/* A document has a seal per issuer at most: a linear search is the
 * simplest and, at that size, the fastest. */
size_t gw_display_list_image(gw_display_list *dl, const char *path, unsigned pixel_width,
                             unsigned pixel_height)
{
    for (size_t i = 0; i < dl->image_count; i++)
        if (strcmp(dl->images[i].path, path) == 0) return i;
    if (dl->image_count == dl->image_cap) {
        size_t cap = dl->image_cap ? dl->image_cap * 2 : 2;
        gw_image *p = realloc(dl->images, cap * sizeof *p);
        if (!p) return (size_t)-1;
        dl->images = p;
        dl->image_cap = cap;
    }
    char *copy = strdup(path);
    if (!copy) return (size_t)-1;
    dl->images[dl->image_count] = (gw_image){ copy, pixel_width, pixel_height };
    return dl->image_count++;
}

int gw_display_list_add_outline(gw_display_list *dl, const char *title, int level, size_t page,
                                double y)
{
    if (dl->outline_count == dl->outline_cap) {
        size_t cap = dl->outline_cap ? dl->outline_cap * 2 : 8;
        gw_outline_entry *p = realloc(dl->outline, cap * sizeof *p);
        if (!p) return 0;
        dl->outline = p;
        dl->outline_cap = cap;
    }
    char *copy = strdup(title);
    if (!copy) return 0;
    dl->outline[dl->outline_count++] = (gw_outline_entry){ copy, level, page, y };
    return 1;
}

static void shift_item(gw_item *it, double dy)
{
    switch (it->kind) {
    case GW_ITEM_GLYPHS: it->u.glyphs.y += dy; return;
    case GW_ITEM_LINE: it->u.line.y += dy; it->u.line.top += dy; return;
    case GW_ITEM_RULE: it->u.rule.y1 += dy; it->u.rule.y2 += dy; return;
    case GW_ITEM_IMAGE: it->u.image.y += dy; return;
    }
}

int gw_page_move_items(gw_page *from, size_t first, gw_page *to, double dy)
{
    for (size_t i = first; i < from->item_count; i++) {
        gw_item *it = new_item(to);
        if (!it) return 0;
        *it = from->items[i];               /* the item's arrays change owner */
        shift_item(it, dy);
    }
    from->item_count = first < from->item_count ? first : from->item_count;
    return 1;
}

/* One item to its callback.  No default: a new kind without a case here is
 * a compiler warning (-Wswitch), not an item silently left out. */
static gw_status run_item(const gw_display_list *dl, const gw_item *it, gw_device *dev)
{
    switch (it->kind) {
    case GW_ITEM_GLYPHS: return dev->glyphs(dev, &it->u.glyphs);
    case GW_ITEM_RULE: return dev->rule(dev, &it->u.rule);
    case GW_ITEM_LINE: return dev->line(dev, &it->u.line);
    case GW_ITEM_IMAGE:
        if (it->u.image.image >= dl->image_count) return GW_ERR_INTERNAL;
        return dev->image(dev, &it->u.image, &dl->images[it->u.image.image]);
    }
    return GW_ERR_INTERNAL;            /* a kind value outside the enumeration */
}

static gw_status run_page(const gw_display_list *dl, size_t index, gw_device *dev)
{
    const gw_page *page = &dl->pages[index];
    gw_status st = dev->begin_page(dev, page, index);
    for (size_t i = 0; st == GW_OK && i < page->item_count; i++) st = run_item(dl, &page->items[i], dev);
    return st == GW_OK ? dev->end_page(dev, page, index) : st;
}

gw_status gw_display_list_run(const gw_display_list *dl, gw_device *dev)
{
    gw_status st = dev->begin_document(dev, dl);
    for (size_t p = 0; st == GW_OK && p < dl->page_count; p++) st = run_page(dl, p, dev);
    for (size_t i = 0; st == GW_OK && i < dl->outline_count; i++) {
        if (dl->outline[i].page >= dl->page_count) return GW_ERR_INTERNAL;
        st = dev->outline(dev, &dl->outline[i]);
    }
    return st == GW_OK ? dev->end_document(dev) : st;
}
