#include "layout/display-list.h"
#include <stdlib.h>
#include <string.h>

gw_display_list *gw_display_list_create(void) { return calloc(1, sizeof(gw_display_list)); }

static void free_item(gw_item *it)
{
    if (it->kind == GW_ITEM_LINE) free(it->u.line.text);
    if (it->kind != GW_ITEM_GLYPHS) return;
    gw_face_destroy(it->u.glyphs.face);
    free(it->u.glyphs.glyphs);
    free(it->u.glyphs.text);
}

void gw_display_list_destroy(gw_display_list *dl)
{
    if (!dl) return;
    for (size_t p = 0; p < dl->page_count; p++) {
        for (size_t i = 0; i < dl->pages[p].item_count; i++) free_item(&dl->pages[p].items[i]);
        free(dl->pages[p].items);
    }
    free(dl->pages);
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

static void shift_item(gw_item *it, double dy)
{
    if (it->kind == GW_ITEM_GLYPHS) it->u.glyphs.y += dy;
    else if (it->kind == GW_ITEM_LINE) { it->u.line.y += dy; it->u.line.top += dy; }
    else { it->u.rule.y1 += dy; it->u.rule.y2 += dy; }
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
