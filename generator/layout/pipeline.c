/* gw_layout: the stages in order (layout/stages.h).  Each stage stops at
 * the first failure (the page limit, a character no font has, an item
 * that does not fit), and nothing is returned then. */
#include "layout/layout.h"
#include "layout/pieces.h"
#include "layout/stages.h"

/* The body; after a title with no 主送机关 it keeps the blank line the
 * 主送机关 would have had below the title. */
static void body(lay_ctx *L, lay_blocks *out)
{
    size_t first = out->count;
    lay_body(L, L->doc->blocks, L->doc->block_count, "body", out);
    if (first > 0 && first < out->count && !L->doc->to_names.count &&
        out->items[first].gap_before < L->t->front.to_gap_lines)
        out->items[first].gap_before = L->t->front.to_gap_lines;
}

/* Every element of the document as a block, in page order. */
static void collect(lay_ctx *L, lay_blocks *blocks)
{
    void (*const elements[])(lay_ctx *, lay_blocks *) = {
        lay_front, body, lay_contacts, lay_attachment_list, lay_attendance, lay_signature,
        lay_attachment_pages, lay_colophon,
    };
    for (size_t i = 0; i < sizeof elements / sizeof *elements && lay_ok(L); i++) elements[i](L, blocks);
}

/* Page 1 and its 版头 (at absolute positions); returns the row where the
 * flow starts below it. */
static long first_page(lay_ctx *L)
{
    lay_block header = { 0 };
    gw_page *page = gw_display_list_add_page(L->dl, L->t->page_width, L->t->page_height);
    if (!page) { lay_fail(L, GW_ERR_NOMEM); return 0; }
    double bottom = lay_header(L, &header);
    for (size_t i = 0; i < header.item_count && lay_ok(L); i++) {
        header.items[i].taken = 1;
        if (!lay_page_take(page, &header.items[i].item)) lay_fail(L, GW_ERR_NOMEM);
    }
    lay_block_free(&header);
    return lay_first_row(L, bottom);
}

gw_status gw_layout(const gw_document *doc, const gw_template *t, const gw_layout_env *env,
                    gw_diagnostics *diags, gw_display_list **out)
{
    lay_ctx L = { .doc = doc, .t = t, .fonts = env->fonts, .titles = env->titles, .diags = diags,
                  .dl = gw_display_list_create(), .status = GW_OK };
    lay_blocks blocks = { NULL, 0 };
    if (!L.dl) return GW_ERR_NOMEM;
    long first_row = first_page(&L);
    if (lay_ok(&L)) collect(&L, &blocks);
    if (lay_ok(&L)) lay_paginate(&L, &blocks, first_row);
    if (lay_ok(&L)) lay_finalize(&L);
    lay_blocks_free(&blocks);
    gw_substitutes_free(&L.said);
    if (L.status != GW_OK) {
        gw_display_list_destroy(L.dl);
        return L.status;
    }
    *out = L.dl;
    return GW_OK;
}
