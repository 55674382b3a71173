#include "layout/setting.h"
#include <stdio.h>
#include <string.h>

/* Wide enough that a single line never wraps: its width is checked later. */
#define UNBOUNDED 1e9

int lay_line_set(lay_ctx *L, lay_line *out, const char *text, const gw_style *style, gw_loc loc)
{
    memset(out, 0, sizeof *out);
    out->text = text;
    if (!lay_text_style(L, style, &out->style)) return 0;
    gw_status s = gw_set_plain(text, strlen(text), &out->style, UNBOUNDED, 0, loc, L->diags, &out->lines);
    if (s != GW_OK) { lay_fail(L, s); return 0; }
    out->width = out->lines.count ? out->lines.lines[0].width : 0;
    return 1;
}

void lay_line_free(lay_line *line) { gw_lines_free(&line->lines); }

void lay_line_place(lay_ctx *L, lay_block *b, long row, lay_line *line, double x, double hscale)
{
    if (!line->lines.count) return;
    gw_line *ln = &line->lines.lines[0];
    double origin = x - ln->start * hscale;
    if (!lay_block_add_line(b, row, ln, origin, lay_em_top(&line->style), hscale, line->text))
        lay_fail(L, GW_ERR_NOMEM);
}

double lay_aligned_x(const lay_ctx *L, double width, gw_align align, double inset)
{
    const gw_template *t = L->t;
    switch (align) {
    case GW_ALIGN_CENTER: return t->type_left + (t->type_width - width) / 2;
    case GW_ALIGN_RIGHT:  return t->type_left + t->type_width - inset - width;
    case GW_ALIGN_LEFT:   break;
    }
    return t->type_left + inset;
}

long lay_text_rows(lay_ctx *L, lay_block *b, long row, const char *text, const gw_span *spans, size_t span_count,
                   const gw_text_style *style, double left, double width, double first_indent, int justify,
                   gw_loc loc)
{
    gw_span whole = { 0, strlen(text), style };
    if (!spans) { spans = &whole; span_count = 1; }
    gw_measure m = { width, first_indent, justify };
    gw_lines lines;
    gw_status s = gw_set_text(text, strlen(text), spans, span_count, &m, loc, L->diags, &lines);
    if (s != GW_OK) { lay_fail(L, s); return -1; }
    double baseline = lay_em_top(style);
    for (size_t i = 0; i < lines.count; i++)
        if (!lay_block_add_line(b, row + (long)i, &lines.lines[i], left, baseline, 1, text)) lay_fail(L, GW_ERR_NOMEM);
    long rows = (long)lines.count;
    gw_lines_free(&lines);
    return lay_ok(L) ? rows : -1;
}

long lay_hanging(lay_ctx *L, lay_block *b, long row, const char *label, const gw_style *label_style,
                 const char *text, const gw_style *text_style, double x, double right_inset, int justify,
                 gw_loc loc)
{
    lay_line head;
    gw_text_style st;
    if (!lay_line_set(L, &head, label, label_style, loc) || !lay_text_style(L, text_style, &st)) {
        lay_line_free(&head);
        return -1;
    }
    double left = x + head.width;
    double width = L->t->type_left + L->t->type_width - right_inset - left;
    lay_line_place(L, b, row, &head, x, 1);
    lay_line_free(&head);
    if (width < st.pitch) {            /* not even one character after the label */
        lay_check_width(L, left + st.pitch, L->t->type_left + L->t->type_width - right_inset,
                        (gw_src){ loc.line, loc.column }, loc.path);
        return -1;
    }
    long rows = lay_text_rows(L, b, row, text, NULL, 0, &st, left, width, 0, justify, loc);
    return rows < 1 ? (rows < 0 ? -1 : 1) : rows;
}

/* Sets one entry with its diagnostics going to `diags`. */
static int entry_sets(lay_ctx *L, const char *text, const gw_style *style, gw_loc loc, gw_diagnostics *diags)
{
    gw_diagnostics *real = L->diags;
    lay_line line;
    L->diags = diags;
    int ok = lay_line_set(L, &line, text, style, loc);
    L->diags = real;
    lay_line_free(&line);
    return ok;
}

int lay_check_entries(lay_ctx *L, const gw_text_list *list, const gw_style *style, const char *path)
{
    /* into a scratch list, so that the joined text alone reports (and
     * counts) what it sets in a fallback font; again into the real one
     * only for the entry that fails */
    gw_text_style st;
    if (!lay_text_style(L, style, &st)) return 0;     /* a substitute role is said to the real list */
    gw_diagnostics *scratch = gw_diagnostics_create();
    if (!scratch) { lay_fail(L, GW_ERR_NOMEM); return 0; }
    for (size_t i = 0; i < list->count && lay_ok(L); i++) {
        char where[64];
        snprintf(where, sizeof where, "%s[%zu]", path, i);
        gw_loc loc = lay_loc(L, list->srcs[i], where, 0);
        gw_status before = L->status;
        if (entry_sets(L, list->items[i], style, loc, scratch)) continue;
        L->status = before;
        entry_sets(L, list->items[i], style, loc, L->diags);
    }
    gw_diagnostics_destroy(scratch);
    return lay_ok(L);
}
