#include "layout/block.h"
#include "util/grow.h"
#include <stdlib.h>
#include <string.h>

lay_block *lay_blocks_add(lay_blocks *blocks)
{
    if (!gw_grow(&blocks->items, blocks->count, sizeof *blocks->items)) return NULL;
    lay_block *b = &blocks->items[blocks->count++];
    memset(b, 0, sizeof *b);
    return b;
}


void lay_block_free(lay_block *b)
{
    for (size_t k = 0; k < b->item_count; k++)
        if (!b->items[k].taken) gw_item_free(&b->items[k].item);
    for (size_t k = 0; k < b->mark_count; k++) free(b->marks[k].title);
    free(b->items);
    free(b->marks);
    memset(b, 0, sizeof *b);
}

void lay_blocks_free(lay_blocks *blocks)
{
    for (size_t i = 0; i < blocks->count; i++) lay_block_free(&blocks->items[i]);
    free(blocks->items);
    blocks->items = NULL;
    blocks->count = 0;
}

void lay_item_shift(gw_item *it, double dy)
{
    switch (it->kind) {
    case GW_ITEM_GLYPHS: it->u.glyphs.y += dy; break;
    case GW_ITEM_LINE:   it->u.line.y += dy; it->u.line.top += dy; break;
    case GW_ITEM_RULE:   it->u.rule.y1 += dy; it->u.rule.y2 += dy; break;
    case GW_ITEM_IMAGE:  it->u.image.y += dy; break;
    }
}

static int grow_rows(lay_block *b, long row)
{
    if (row + 1 > b->rows) b->rows = row + 1;
    if (b->rows > b->extent) b->extent = b->rows;
    return 1;
}

int lay_block_add_item(lay_block *b, long row, const gw_item *item)
{
    if (!gw_grow(&b->items, b->item_count, sizeof *b->items)) return 0;
    b->items[b->item_count++] = (lay_item){ *item, row, 0 };
    return grow_rows(b, row);
}

/* The line box of a set line: not drawn, kept for checks and dumps. */
static int add_line_box(lay_block *b, long row, const gw_line *line, double x, double baseline,
                        double hscale, const char *text)
{
    size_t len = line->text_end - line->text_start;
    char *copy = malloc(len + 1);
    if (!copy) return 0;
    memcpy(copy, text + line->text_start, len);
    copy[len] = '\0';
    gw_item it = { .kind = GW_ITEM_LINE };
    it.u.line = (gw_line_box){ x + line->start * hscale, baseline, 0, line->width * hscale, line->fills, copy };
    if (lay_block_add_item(b, row, &it)) return 1;
    free(copy);
    return 0;
}

int lay_block_add_line(lay_block *b, long row, gw_line *line, double x, double baseline, double hscale,
                       const char *text)
{
    int ok = add_line_box(b, row, line, x, baseline, hscale, text);
    for (size_t r = 0; r < line->run_count; r++) {
        gw_glyph_run *run = &line->runs[r];
        gw_item it = { .kind = GW_ITEM_GLYPHS };
        run->x = x + run->x * hscale;
        run->y = baseline;
        run->hscale = hscale;
        for (size_t g = 0; g < run->glyph_count; g++) run->glyphs[g].x *= hscale;
        it.u.glyphs = *run;
        gw_face_reference(run->face);  /* the item holds its face */
        if (ok && lay_block_add_item(b, row, &it)) continue;
        ok = 0;
        gw_item_free(&it);           /* the run's arrays and face reference */
    }
    free(line->runs);
    line->runs = NULL;
    line->run_count = 0;
    return ok;
}

int lay_block_add_mark(lay_block *b, long row, const char *title, int level)
{
    char *copy = strdup(title);
    if (!copy || !gw_grow(&b->marks, b->mark_count, sizeof *b->marks)) { free(copy); return 0; }
    b->marks[b->mark_count++] = (lay_mark){ copy, level, row };
    return 1;
}
