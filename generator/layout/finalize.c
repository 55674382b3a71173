/* What needs the final page count: the page numbers (`— 1 —`, odd pages
 * on the right and even on the left, 1 character in, below the type area;
 * none on the pages pagination marked, GB/T 9704 7.5), and the double rule
 * a letter's page 1 closes with. */
#include "layout/stages.h"
#include "layout/pieces.h"
#include "layout/setting.h"
#include <stdio.h>
#include <stdlib.h>

/* Moves a scratch block's items onto a page, down by dy. */
static void move_to_page(lay_ctx *L, lay_block *b, gw_page *page, double dy)
{
    for (size_t i = 0; i < b->item_count; i++) {
        lay_item *it = &b->items[i];
        if (it->taken) continue;
        lay_item_shift(&it->item, dy);
        it->taken = 1;
        if (!lay_page_take(page, &it->item)) lay_fail(L, GW_ERR_NOMEM);
    }
}

static void page_number(lay_ctx *L, gw_page *page)
{
    const gw_footer_spec *f = &L->t->footer;
    char digits[24];
    snprintf(digits, sizeof digits, "%ld", page->number);
    const char *names[] = { "n" }, *values[] = { digits };
    char *text = lay_fill(f->format, names, values, 1);
    lay_line line;
    lay_block b = { 0 };
    if (!text) { lay_fail(L, GW_ERR_NOMEM); return; }
    if (lay_line_set(L, &line, text, f->style, gw_loc_file(L->t->path))) {
        gw_align side = page->number % 2 == 1 ? GW_ALIGN_RIGHT : GW_ALIGN_LEFT;
        lay_line_place(L, &b, 0, &line, lay_aligned_x(L, line.width, side, f->inset), 1);
        move_to_page(L, &b, page, L->t->type_top + L->t->type_height + f->gap);
    }
    lay_line_free(&line);
    lay_block_free(&b);
    free(text);
}

/* 信函: page 1 closes with a red double rule near its bottom. */
static void first_page_rule(lay_ctx *L)
{
    gw_display_list *dl = L->dl;
    const gw_footer_spec *f = &L->t->footer;
    if (!f->first_page_rule || !dl->page_count) return;
    lay_block b = { 0 };
    double top = L->t->page_height - f->first_page_rule_bottom - lay_rule_height(f->first_page_rule);
    if (!lay_draw_rule(L, &b, 0, f->first_page_rule, top)) lay_fail(L, GW_ERR_NOMEM);
    move_to_page(L, &b, &dl->pages[0], 0);
    lay_block_free(&b);
}

void lay_finalize(lay_ctx *L)
{
    gw_display_list *dl = L->dl;
    first_page_rule(L);
    for (size_t p = 0; p < dl->page_count && lay_ok(L); p++)
        if (dl->pages[p].number_printed) page_number(L, &dl->pages[p]);
}
