/* Pieces: pagination's result, rows of blocks on lines of pages, which
 * composing turns into page items.  Internal to generator/layout/. */
#ifndef GW_LAYOUT_PIECES_H
#define GW_LAYOUT_PIECES_H
#include "layout/block.h"
#include "layout/context.h"

typedef struct lay_piece {
    size_t block;            /* index into the blocks */
    long   first, count;     /* the block's rows [first, first + count) */
    size_t page;             /* index into the display list's pages */
    long   line;             /* the grid line of the page where row `first` goes */
} lay_piece;

typedef struct lay_pieces {
    lay_piece *items;
    size_t     count;
} lay_pieces;

/* Moves every placed row's items onto its page (y from the page top) and
 * the blocks' bookmarks into the list's outline. */
void lay_compose(lay_ctx *L, lay_blocks *blocks, const lay_pieces *pieces, gw_display_list *dl);

/* Moves an item onto a page, which takes what it owns.  0: out of memory
 * (the item is freed then). */
int lay_page_take(gw_page *page, gw_item *item);
#endif
