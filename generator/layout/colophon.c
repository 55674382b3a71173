/* 版记 (GB/T 9704 7.4): 抄送 (1 character in from both sides, names after
 * 抄送：, wrapped lines aligned after the colon), 印发机关 and 印发日期 on the
 * line above the last rule, the rules full width (the first and last
 * outer, the one between inner), the last on the type area's bottom edge.
 * One block at the bottom of the last page, an even one when the template
 * says so.  Its lines are colophon.line_height apart, stacked up from the
 * block's bottom. */
#include "layout/stages.h"
#include "layout/setting.h"
#include "util/buf.h"
#include "util/messages.h"
#include <math.h>
#include <stdlib.h>

typedef struct colophon {
    lay_ctx         *L;
    const gw_colophon_spec *c;
    lay_block        cells;      /* scratch: one row a 版记 line */
    long             count;      /* lines so far */
    double           rules[4];   /* boundaries (in lines) where a rule goes, and its kind */
    const gw_rule_spec *rule_kind[4];
    size_t           rule_count;
} colophon;

static void add_boundary(colophon *C, const gw_rule_spec *r)
{
    if (!r || C->rule_count == 4) return;
    C->rules[C->rule_count] = (double)C->count;
    C->rule_kind[C->rule_count++] = r;
}

static char *cc_text(const lay_ctx *L)
{
    const gw_colophon_spec *c = &L->t->colophon;
    const gw_text_list *names = &L->doc->cc_names;
    gw_buf b;
    gw_buf_init(&b);
    for (size_t i = 0; i < names->count; i++) gw_buf_printf(&b, "%s%s", i ? c->cc_separator : "", names->items[i]);
    gw_buf_puts(&b, c->cc_end);
    return gw_buf_steal(&b, NULL);
}

static void cc_lines(colophon *C)
{
    lay_ctx *L = C->L;
    if (!lay_check_entries(L, &L->doc->cc_names, C->c->style, "cc")) return;
    char *text = cc_text(L);
    if (!text) { lay_fail(L, GW_ERR_NOMEM); return; }
    long rows = lay_hanging(L, &C->cells, C->count, C->c->cc_label, C->c->style, text, C->c->style,
                            L->t->type_left + C->c->inset, C->c->inset, 1,
                            lay_loc(L, L->doc->cc_names.srcs[0], "cc", 0));
    free(text);
    if (rows > 0) C->count += rows;
}

/* 印发机关 flush left and YYYY年M月D日印发 flush right, 1 character in. */
static void print_line(colophon *C)
{
    lay_ctx *L = C->L;
    const gw_document *d = L->doc;
    lay_line by = { 0 }, date = { 0 };
    const char *names[] = { "date" }, *values[] = { d->print_date };
    char *when = d->print_date ? lay_fill(C->c->print_format, names, values, 1) : NULL;
    int ok = (!d->print_by || lay_line_set(L, &by, d->print_by, C->c->style, lay_loc(L, d->print_by_src, "print.by", 0))) &&
             (!when || lay_line_set(L, &date, when, C->c->style, lay_loc(L, d->print_date_src, "print.date", 0)));
    double room = L->t->type_width - 2 * C->c->inset - L->t->char_pitch;
    if (ok && lay_check_width(L, by.width + date.width, room, d->print_by_src, "print")) {
        lay_line_place(L, &C->cells, C->count, &by, L->t->type_left + C->c->inset, 1);
        lay_line_place(L, &C->cells, C->count, &date, lay_aligned_x(L, date.width, GW_ALIGN_RIGHT, C->c->inset), 1);
    }
    C->count++;
    lay_line_free(&by);
    lay_line_free(&date);
    free(when);
}

/* The lines, moved into the real block: all on its first row, at their
 * offsets from its top, the last line's bottom on the block's bottom. */
static void move_cells(colophon *C, lay_block *b)
{
    const gw_template *t = C->L->t;
    double lh = C->c->line_height, total = (double)C->count * lh;
    b->rows = b->extent = (long)ceil(total / t->line_pitch - 1e-6);
    double top = (double)b->rows * t->line_pitch - total;
    double inside = (lh - C->c->style->size) / 2;      /* the text's em box centred in its line */
    for (size_t i = 0; i < C->cells.item_count && lay_ok(C->L); i++) {
        lay_item *it = &C->cells.items[i];
        lay_item_shift(&it->item, top + (double)it->row * lh + inside);
        if (!lay_block_add_item(b, 0, &it->item)) { lay_fail(C->L, GW_ERR_NOMEM); continue; }
        it->taken = 1;
    }
    for (size_t r = 0; r < C->rule_count && lay_ok(C->L); r++) {
        const gw_rule_spec *spec = C->rule_kind[r];
        if (!lay_draw_rule(C->L, b, 0, spec, top + C->rules[r] * lh - lay_rule_height(spec) / 2))
            lay_fail(C->L, GW_ERR_NOMEM);
    }
}

void lay_colophon(lay_ctx *L, lay_blocks *out)
{
    const gw_document *d = L->doc;
    const gw_colophon_spec *c = &L->t->colophon;
    int has_print = d->print_by || d->print_date;
    if (has_print && !c->print) {
        gw_report(L->diags, lay_loc(L, d->print_by ? d->print_by_src : d->print_date_src, "print", 0),
                  GW_MSG_NOT_IN_FORMAT, "print", L->t->name);
        has_print = 0;
    }
    if (!d->cc_names.count && !has_print) return;
    colophon C = { L, c, { 0 }, 0, { 0 }, { 0 }, 0 };
    add_boundary(&C, c->outer);
    if (d->cc_names.count) cc_lines(&C);
    if (has_print && d->cc_names.count) add_boundary(&C, c->inner);
    if (has_print && lay_ok(L)) print_line(&C);
    add_boundary(&C, c->outer);
    lay_block *b = lay_ok(L) ? lay_blocks_add(out) : NULL;
    if (b) {
        b->bottom = 1;
        b->even_page = c->even_page;
        move_cells(&C, b);
    } else if (lay_ok(L)) {
        lay_fail(L, GW_ERR_NOMEM);
    }
    lay_block_free(&C.cells);
}
