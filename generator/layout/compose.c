/* Composing: the rows pagination placed become items of their pages. */
#include "layout/pieces.h"
#include <stdlib.h>
#include <string.h>

int lay_page_take(gw_page *page, gw_item *it)
{
    int ok = 0;
    switch (it->kind) {
    case GW_ITEM_GLYPHS:
        ok = gw_page_add_glyphs(page, &it->u.glyphs);   /* takes the arrays, references the face */
        gw_face_destroy(it->u.glyphs.face);              /* ... so ours goes */
        return ok;
    case GW_ITEM_LINE:
        ok = gw_page_add_line(page, &it->u.line, it->u.line.text, strlen(it->u.line.text));
        free(it->u.line.text);
        return ok;
    case GW_ITEM_RULE:
        return gw_page_add_rule(page, &it->u.rule);
    case GW_ITEM_IMAGE:
        return gw_page_add_image(page, &it->u.image);
    }
    return 0;
}

/* The page y of the top of block row `row` placed by piece p. */
static double row_top(const lay_ctx *L, const lay_piece *p, long row)
{
    return L->t->type_top + (double)(p->line + row - p->first) * L->t->line_pitch;
}

static void compose_piece(lay_ctx *L, lay_block *b, const lay_piece *p, gw_display_list *dl)
{
    gw_page *page = &dl->pages[p->page];
    for (size_t i = 0; i < b->item_count; i++) {
        lay_item *it = &b->items[i];
        if (it->taken || it->row < p->first || it->row >= p->first + p->count) continue;
        lay_item_shift(&it->item, row_top(L, p, it->row));
        it->taken = 1;
        if (!lay_page_take(page, &it->item)) lay_fail(L, GW_ERR_NOMEM);
    }
    for (size_t m = 0; m < b->mark_count; m++) {
        const lay_mark *mk = &b->marks[m];
        if (mk->row < p->first || mk->row >= p->first + p->count) continue;
        if (!gw_display_list_add_outline(dl, mk->title, mk->level, p->page, row_top(L, p, mk->row)))
            lay_fail(L, GW_ERR_NOMEM);
    }
}

void lay_compose(lay_ctx *L, lay_blocks *blocks, const lay_pieces *pieces, gw_display_list *dl)
{
    for (size_t i = 0; i < pieces->count; i++)
        compose_piece(L, &blocks->items[pieces->items[i].block], &pieces->items[i], dl);
}
