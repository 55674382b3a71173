/* The stages of page layout, in the order gw_layout runs them:
 *   1. blocks: the 版头 on page 1, then every element of the document set
 *      into a block that knows its height and its needs (header.c,
 *      front.c, body.c, contacts.c, attachments.c, signature.c,
 *      attendance.c, colophon.c);
 *   2. pagination: the blocks distributed onto pages (paginate.c);
 *   3. finalize: what needs the final page count, page numbers and the
 *      page-1 rule of a letter (finalize.c).
 * Internal to generator/layout/. */
#ifndef GW_LAYOUT_STAGES_H
#define GW_LAYOUT_STAGES_H
#include "layout/block.h"
#include "layout/context.h"

/* 版头 items into b (y from the page top); returns the bottom of the lowest. */
double lay_header(lay_ctx *L, lay_block *b);

/* The grid row (of page 1) where the flow starts below a header ending at
 * `bottom`: the title's, or the body's when the format has no title. */
long lay_first_row(const lay_ctx *L, double bottom);

void lay_front(lay_ctx *L, lay_blocks *out);         /* 标题, 主送机关 */
/* Body blocks (paragraphs, headings with bookmarks, page breaks). */
void lay_body(lay_ctx *L, const gw_block *blocks, size_t count, const char *path, lay_blocks *out);
void lay_contacts(lay_ctx *L, lay_blocks *out);      /* 联系信息 */
void lay_attachment_list(lay_ctx *L, lay_blocks *out);   /* 附件说明 */
void lay_attendance(lay_ctx *L, lay_blocks *out);    /* 出席, 请假, 列席 */
void lay_signature(lay_ctx *L, lay_blocks *out);     /* 署名, 成文日期, 印章, 附注 */
void lay_attachment_pages(lay_ctx *L, lay_blocks *out);
void lay_colophon(lay_ctx *L, lay_blocks *out);      /* 版记 */

/* Distributes the blocks onto pages of the display list after page 1's header (first_row
 * is where the flow starts on page 1).  Sets each page's number and
 * whether it prints it. */
void lay_paginate(lay_ctx *L, lay_blocks *blocks, long first_row);

/* Page numbers, the letter's page-1 rule. */
void lay_finalize(lay_ctx *L);

/* The image of seal i of the document in the display list (added the
 * first time), or (size_t)-1 on failure (reported). */
size_t lay_seal_image(lay_ctx *L, size_t i);

/* A template rule with its top edge `top` below the row's top, centred on
 * the type area; its height.  0: out of memory. */
int    lay_draw_rule(lay_ctx *L, lay_block *b, long row, const gw_rule_spec *r, double top);
double lay_rule_height(const gw_rule_spec *r);
#endif
