/* 标题 and 主送机关, and where the flow starts on page 1. */
#include "layout/stages.h"
#include "layout/setting.h"
#include "text/title.h"
#include "util/buf.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

long lay_first_row(const lay_ctx *L, double bottom)
{
    const gw_template *t = L->t;
    int titled = t->front.has_title && L->doc->title;
    long gap = titled ? t->front.title_gap_lines : t->front.body_gap_lines;
    /* the first grid line at least `gap` lines below the header's bottom */
    double row = (bottom - t->type_top) / t->line_pitch + (double)gap;
    return row <= 0 ? 0 : (long)ceil(row - 1e-6);
}

/* A title given as a list: the clerk's lines, each centred; a line wider
 * than the type area is an error. */
static void title_lines(lay_ctx *L, lay_block *b)
{
    const gw_text_list *lines = &L->doc->title_lines;
    for (size_t i = 0; i < lines->count && lay_ok(L); i++) {
        char path[32];
        snprintf(path, sizeof path, "title[%zu]", i);
        lay_line line;
        if (lay_line_set(L, &line, lines->items[i], L->t->front.title, lay_loc(L, lines->srcs[i], path, 1)) &&
            lay_check_width(L, line.width, L->t->type_width, lines->srcs[i], path))
            lay_line_place(L, b, (long)i, &line, lay_aligned_x(L, line.width, GW_ALIGN_CENTER, 0), 1);
        lay_line_free(&line);
    }
}

/* A title broken by the program into a centred trapezoid or diamond. */
static void title_broken(lay_ctx *L, lay_block *b)
{
    const gw_document *d = L->doc;
    gw_text_style st;
    gw_lines lines;
    if (!lay_text_style(L, L->t->front.title, &st)) return;
    gw_status s = lay_set_title(L, d->title, &st, lay_loc(L, d->title_src, "title", 0), &lines);
    if (s != GW_OK) { lay_fail(L, s); return; }
    double baseline = lay_em_top(&st);
    for (size_t i = 0; i < lines.count; i++) {
        gw_line *ln = &lines.lines[i];
        double x = lay_aligned_x(L, ln->width, GW_ALIGN_CENTER, 0) - ln->start;
        if (!lay_block_add_line(b, (long)i, ln, x, baseline, 1, d->title)) lay_fail(L, GW_ERR_NOMEM);
    }
    gw_lines_free(&lines);
}

static void title(lay_ctx *L, lay_blocks *out)
{
    if (!L->t->front.has_title || !L->doc->title) return;
    lay_block *b = lay_blocks_add(out);
    if (!b) { lay_fail(L, GW_ERR_NOMEM); return; }
    b->keep_with_next = 1;
    if (L->doc->title_lines.count) title_lines(L, b);
    else title_broken(L, b);
}

/* 主送机关: the names joined, ending in the template's ：, flush left. */
static void addressee(lay_ctx *L, lay_blocks *out)
{
    const gw_document *d = L->doc;
    const gw_front_spec *f = &L->t->front;
    if (!d->to_names.count || !lay_check_entries(L, &d->to_names, L->t->body.text, "to")) return;
    gw_buf text;
    gw_buf_init(&text);
    for (size_t i = 0; i < d->to_names.count; i++)
        gw_buf_printf(&text, "%s%s", i ? f->to_separator : "", d->to_names.items[i]);
    gw_buf_puts(&text, f->to_end);
    lay_block *b = text.failed ? NULL : lay_blocks_add(out);
    gw_text_style st;
    if (!b) lay_fail(L, GW_ERR_NOMEM);
    else if (lay_text_style(L, L->t->body.text, &st)) {
        b->gap_before = f->to_gap_lines;
        b->split = 1;
        lay_text_rows(L, b, 0, text.data, NULL, 0, &st, L->t->type_left, L->t->type_width, 0, 1,
                      lay_loc(L, d->to_names.srcs[0], "to", 0));
    }
    gw_buf_free(&text);
}

void lay_front(lay_ctx *L, lay_blocks *out)
{
    title(L, out);
    if (lay_ok(L)) addressee(L, out);
}
