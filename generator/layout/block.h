/* Blocks: each element of the document (title, a paragraph, a heading,
 * 附件说明, the signature, the 版记 ...) set into lines before it has a
 * page, with what pagination must know of it.  An item's x is where it goes
 * on the page; its y is relative to the top of the grid row it belongs to,
 * so pagination can put any row on any line of any page. */
#ifndef GW_LAYOUT_BLOCK_H
#define GW_LAYOUT_BLOCK_H
#include "layout/display-list.h"
#include "text/lines.h"

typedef struct lay_item {
    gw_item item;
    long    row;             /* the block's row it moves with */
    int     taken;           /* moved onto a page (the page owns it now) */
} lay_item;

/* A bookmark for a heading at the top of one of the block's rows. */
typedef struct lay_mark {
    char *title;
    int   level;
    long  row;
} lay_mark;

typedef struct lay_block {
    lay_item *items;
    size_t    item_count;
    lay_mark *marks;
    size_t    mark_count;
    long      rows;           /* height in grid lines, blank lines inside it included */
    long      extent;         /* lines its ink reaches from its top (a seal may reach
                               * below its last row); at least rows */
    long      gap_before;     /* blank lines before it; none at the top of a page */
    int       split;          /* may break between any two of its rows (paragraphs) */
    int       keep_with_next; /* a heading: never the last line of a page */
    long      carry;          /* when it does not fit, this many lines before it go over
                               * with it, so it never stands alone (the signature) */
    int       new_page;       /* starts a page (a page break, an attachment) */
    int       bottom;         /* sits at the bottom of the last page (版记) */
    int       even_page;      /* and that page is even */
} lay_block;

typedef struct lay_blocks {
    lay_block *items;
    size_t     count;
} lay_blocks;

/* A new empty block at the end; NULL when out of memory. */
lay_block *lay_blocks_add(lay_blocks *blocks);
void       lay_blocks_free(lay_blocks *blocks);
/* Frees what one block holds (items not yet taken by a page, marks). */
void       lay_block_free(lay_block *b);

/* Puts a set line on row `row` of the block: its start at x (a point on the
 * page), its baseline `baseline` below the row's top, scaled horizontally
 * by hscale; with its line box.  Takes the line's runs.  0: out of memory. */
int lay_block_add_line(lay_block *b, long row, gw_line *line, double x, double baseline, double hscale,
                       const char *text);
/* Adds a rule or an image at y relative to the row's top.  0: out of memory. */
int lay_block_add_item(lay_block *b, long row, const gw_item *item);
int lay_block_add_mark(lay_block *b, long row, const char *title, int level);

/* Moves an item down by dy points (up when negative). */
void lay_item_shift(gw_item *item, double dy);
#endif
