/* 附件说明 after the body (附件：1.名称, further items aligned under 1.,
 * a wrapped name aligned with its first character; one attachment has no
 * number), and the pages of attachments that carry content: each starts a
 * page, 附件N on line 1, its name centred on line title_line, the content
 * after it. */
#include "layout/stages.h"
#include "layout/setting.h"
#include "text/title.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *numbered(const char *format, size_t n)
{
    char digits[24];
    snprintf(digits, sizeof digits, "%zu", n);
    const char *names[] = { "n" }, *values[] = { digits };
    return lay_fill(format, names, values, 1);
}

/* One item of the list from row on: its number, then its name wrapping
 * after the number.  Returns the rows it took, or -1. */
static long list_item(lay_ctx *L, lay_block *b, long row, size_t i, double x)
{
    const gw_document *d = L->doc;
    const gw_attachment_spec *a = &L->t->attachments;
    char path[32];
    snprintf(path, sizeof path, d->attachment_count > 1 ? "attachments[%zu]" : "attachments", i);
    char *number = d->attachment_count > 1 ? numbered(a->number_format, i + 1) : strdup("");
    if (!number) { lay_fail(L, GW_ERR_NOMEM); return -1; }
    long rows = lay_hanging(L, b, row, number, a->style, d->attachments[i].name, a->style, x, 0, 1,
                            lay_loc(L, d->attachments[i].src, path, 0));
    free(number);
    return rows;
}

void lay_attachment_list(lay_ctx *L, lay_blocks *out)
{
    const gw_document *d = L->doc;
    const gw_attachment_spec *a = &L->t->attachments;
    if (!d->attachment_count) return;
    lay_block *b = lay_blocks_add(out);
    if (!b) { lay_fail(L, GW_ERR_NOMEM); return; }
    b->gap_before = a->gap_lines;
    b->split = 1;
    double x = L->t->type_left + a->indent;
    lay_line label;
    if (lay_line_set(L, &label, a->label, a->style, gw_loc_file(L->t->path))) {
        lay_line_place(L, b, 0, &label, x, 1);
        x += label.width;
    }
    lay_line_free(&label);
    long row = 0;
    for (size_t i = 0; i < d->attachment_count && lay_ok(L); i++) {
        long rows = list_item(L, b, row, i, x);
        if (rows > 0) row += rows;
    }
}

/* 附件1 on line 1 and the name centred on title_line, on a new page. */
static void page_head(lay_ctx *L, size_t i, lay_blocks *out)
{
    const gw_document *d = L->doc;
    const gw_attachment_spec *a = &L->t->attachments;
    lay_block *b = lay_blocks_add(out);
    char *label = d->attachment_count > 1 ? numbered(a->page_label, i + 1) : strdup(a->page_label_single);
    if (!b || !label) { free(label); lay_fail(L, GW_ERR_NOMEM); return; }
    b->new_page = 1;
    b->keep_with_next = 1;
    lay_line head;
    if (lay_line_set(L, &head, label, a->page_label_style, gw_loc_file(L->t->path)))
        lay_line_place(L, b, 0, &head, L->t->type_left, 1);
    lay_line_free(&head);
    free(label);
    gw_text_style st;
    gw_lines lines;
    const char *name = d->attachments[i].name;
    if (!lay_ok(L) || !lay_text_style(L, a->title_style, &st)) return;
    gw_status s = lay_set_title(L, name, &st, lay_loc(L, d->attachments[i].src, "attachments", 0), &lines);
    if (s != GW_OK) { lay_fail(L, s); return; }
    long row = a->title_line > 1 ? a->title_line - 1 : 0;
    for (size_t k = 0; k < lines.count; k++) {
        gw_line *ln = &lines.lines[k];
        double x = lay_aligned_x(L, ln->width, GW_ALIGN_CENTER, 0) - ln->start;
        if (!lay_block_add_line(b, row + (long)k, ln, x, lay_em_top(&st), 1, name)) lay_fail(L, GW_ERR_NOMEM);
    }
    gw_lines_free(&lines);
}

void lay_attachment_pages(lay_ctx *L, lay_blocks *out)
{
    const gw_document *d = L->doc;
    for (size_t i = 0; i < d->attachment_count && lay_ok(L); i++) {
        const gw_attachment *at = &d->attachments[i];
        if (!at->block_count) continue;
        page_head(L, i, out);
        size_t first = out->count;
        char path[48];
        snprintf(path, sizeof path, "attachments[%zu].body", i);
        lay_body(L, at->blocks, at->block_count, path, out);
        if (first < out->count) out->items[first].gap_before = L->t->attachments.body_gap_lines;
    }
}
