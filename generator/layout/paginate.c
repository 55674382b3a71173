/* Pagination: the blocks distributed onto pages of 22 lines, by their needs.
 *   - a block that may split fills the page and goes on on the next;
 *   - a block that may not (a heading, the signature) moves to the next
 *     page whole; a heading takes along what it is kept with, so it never
 *     ends a page; the signature takes `carry` lines of the text before it,
 *     so it never stands alone;
 *   - blank lines before a block are dropped at the top of a page;
 *   - a block may start a page (a page break, an attachment);
 *   - the 版记 goes at the bottom of the last page if it fits there, else
 *     on a new page; when it must be on an even page and the text ends on
 *     an odd one, on the next page, with a blank page before it when the
 *     text ended on an even one and the 版记 did not fit; neither the blank
 *     page nor that 版记 page shows its number (GB/T 9704 7.5). */
#include "layout/layout.h"
#include "layout/stages.h"
#include "layout/pieces.h"
#include "util/grow.h"
#include "util/messages.h"
#include <stdlib.h>
#include <string.h>

typedef struct flow {
    lay_ctx         *L;
    lay_blocks      *blocks;
    gw_display_list *dl;
    lay_pieces       pieces;
    size_t           page;        /* the page being filled */
    long             line;        /* its next free line */
    long             ink;         /* the first line below everything on it (a seal reaches lower) */
    long             cap;         /* lines a page */
    size_t           page_pieces; /* pieces already on it */
    size_t           blank;       /* the blank page before the 版记, or (size_t)-1 */
    size_t           colophon;    /* the 版记's page, or (size_t)-1 */
} flow;

static int new_page(flow *F)
{
    lay_ctx *L = F->L;
    if (F->dl->page_count >= GW_MAX_PAGES) {
        gw_report(L->diags, gw_loc_file(L->doc->path), GW_MSG_TOO_MANY_PAGES, GW_MAX_PAGES);
        lay_fail(L, GW_ERR_INPUT);
        return 0;
    }
    if (!gw_display_list_add_page(F->dl, L->t->page_width, L->t->page_height)) {
        lay_fail(L, GW_ERR_NOMEM);
        return 0;
    }
    F->page = F->dl->page_count - 1;
    F->line = F->ink = 0;
    F->page_pieces = 0;
    return 1;
}

static int add_piece(flow *F, size_t block, long first, long count)
{
    if (!gw_grow(&F->pieces.items, F->pieces.count, sizeof *F->pieces.items)) {
        lay_fail(F->L, GW_ERR_NOMEM);
        return 0;
    }
    F->pieces.items[F->pieces.count++] = (lay_piece){ block, first, count, F->page, F->line };
    F->page_pieces++;
    F->line += count;
    long reach = F->line - count + F->blocks->items[block].extent - first;
    if (F->line > F->ink) F->ink = F->line;
    if (reach > F->ink) F->ink = reach;
    return 1;
}

/* The rows of a block, page after page as they fill. */
static void place_split(flow *F, size_t bi, long gap)
{
    const lay_block *b = &F->blocks->items[bi];
    F->line += gap;
    for (long row = 0; row < b->rows && lay_ok(F->L);) {
        if (F->line >= F->cap && !new_page(F)) return;
        long n = b->rows - row < F->cap - F->line ? b->rows - row : F->cap - F->line;
        if (!add_piece(F, bi, row, n)) return;
        row += n;
    }
}

/* The lines a block kept with what follows needs: itself, and each block
 * it is kept with, down to the first line of the first that is not kept. */
static long kept_need(const flow *F, size_t bi)
{
    const lay_blocks *bs = F->blocks;
    long need = bs->items[bi].extent;
    for (size_t j = bi; bs->items[j].keep_with_next && j + 1 < bs->count; j++) {
        const lay_block *next = &bs->items[j + 1];
        if (next->bottom || next->new_page) break;
        need += next->gap_before + (next->split ? 1 : next->extent);
    }
    return need;
}

/* Takes the last n lines of text off the page (a block that may not split
 * goes whole, and a heading above them goes too), onto a new page, where
 * they keep their lines relative to each other.  Without enough on the
 * page to leave some behind, just starts a new page. */
static void carry_over(flow *F, long n)
{
    lay_pieces *P = &F->pieces;
    size_t first_on_page = P->count - F->page_pieces, cut = P->count;
    long taken = 0, split_rows = 0;
    while (cut > first_on_page && taken < n) {
        const lay_piece *p = &P->items[cut - 1];
        if (F->blocks->items[p->block].split && p->count > n - taken) { split_rows = n - taken; taken = n; break; }
        taken += p->count;
        cut--;
    }
    while (cut > first_on_page && F->blocks->items[P->items[cut - 1].block].keep_with_next) cut--;
    int leaves_some = cut > first_on_page || (split_rows && P->items[cut - 1].count > split_rows);
    if (split_rows && cut == first_on_page) leaves_some = 0;
    if (!taken || !leaves_some) { new_page(F); return; }
    size_t moved = P->count - cut + (split_rows ? 1 : 0);
    lay_piece *tail = malloc(moved * sizeof *tail);
    if (!tail) { lay_fail(F->L, GW_ERR_NOMEM); return; }
    size_t k = 0;
    if (split_rows) {                        /* the last rows of a paragraph */
        lay_piece *p = &P->items[cut - 1];
        p->count -= split_rows;
        tail[k++] = (lay_piece){ p->block, p->first + p->count, split_rows, p->page, p->line + p->count };
    }
    for (size_t i = cut; i < P->count; i++) tail[k++] = P->items[i];
    P->count = cut;
    long base = tail[0].line;
    if (new_page(F))
        for (size_t i = 0; i < moved && lay_ok(F->L); i++) {
            F->line = tail[i].line - base;
            add_piece(F, tail[i].block, tail[i].first, tail[i].count);
        }
    free(tail);
}

/* A block that may not split: where it fits whole; taller than a page,
 * it splits all the same. */
static void place_whole(flow *F, size_t bi, long gap)
{
    const lay_block *b = &F->blocks->items[bi];
    if (F->page_pieces && F->line + gap + kept_need(F, bi) > F->cap) {
        if (b->carry) carry_over(F, b->carry);
        else new_page(F);
        gap = F->page_pieces ? b->gap_before : 0;
    }
    if (!lay_ok(F->L)) return;
    if (F->line + gap + b->extent > F->cap) { place_split(F, bi, gap); return; }
    F->line += gap;
    add_piece(F, bi, 0, b->rows);
}

static void place(flow *F, size_t bi)
{
    const lay_block *b = &F->blocks->items[bi];
    if (!b->rows) return;
    if (b->new_page && F->page_pieces && !new_page(F)) return;
    long gap = F->page_pieces && F->line > 0 ? b->gap_before : 0;
    if (b->split) place_split(F, bi, gap);
    else place_whole(F, bi, gap);
}

/* The 版记 at the bottom of the last page (see the top of this file). */
static void place_bottom(flow *F, size_t bi)
{
    const lay_block *b = &F->blocks->items[bi];
    if (!b->rows) return;
    int fresh = 0;
    if (F->ink + b->extent > F->cap) {
        if (!new_page(F)) return;
        fresh = 1;
    }
    if (b->even_page && (F->page + 1) % 2 == 1) {
        if (fresh) F->blank = F->page;
        if (!new_page(F)) return;
    }
    F->line = F->cap - b->rows;
    F->colophon = F->page;
    add_piece(F, bi, 0, b->rows);
}

static void number_pages(flow *F)
{
    const gw_footer_spec *f = &F->L->t->footer;
    for (size_t p = 0; p < F->dl->page_count; p++) {
        gw_page *page = &F->dl->pages[p];
        page->number = (long)p + 1;
        page->number_printed = !(p == 0 && !f->first_page) && p != F->blank &&
                               !(F->blank != (size_t)-1 && p == F->colophon);
    }
}

void lay_paginate(lay_ctx *L, lay_blocks *blocks, long first_row)
{
    flow F = { L, blocks, L->dl, { NULL, 0 }, 0, first_row, first_row, L->t->lines_per_page, 0,
               (size_t)-1, (size_t)-1 };
    for (size_t i = 0; i < blocks->count && lay_ok(L); i++)
        if (!blocks->items[i].bottom) place(&F, i);
    for (size_t i = 0; i < blocks->count && lay_ok(L); i++)
        if (blocks->items[i].bottom) place_bottom(&F, i);
    if (lay_ok(L)) number_pages(&F);
    if (lay_ok(L)) lay_compose(L, blocks, &F.pieces, L->dl);
    free(F.pieces.items);
}
