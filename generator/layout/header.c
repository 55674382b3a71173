/* 版头: the template's header items in order (份号, 密级, 紧急程度, the
 * 发文机关标志, 发文字号 and 签发人, red rules, the reply category), placed at
 * absolute positions on page 1. */
#include "layout/stages.h"
#include "layout/setting.h"
#include "util/buf.h"
#include <stdlib.h>
#include <string.h>

typedef struct header {
    lay_ctx   *L;
    lay_block *b;          /* row 0's top is the page's top: y is absolute */
} header;

/* Puts a set line with the top of its em box at `top` (from the page top). */
static void put_line(header *H, lay_line *line, double x, double top, double hscale)
{
    size_t first = H->b->item_count;
    lay_line_place(H->L, H->b, 0, line, x, hscale);
    for (size_t i = first; i < H->b->item_count; i++) lay_item_shift(&H->b->items[i].item, top);
}

/* One line of text aligned in the type area; returns its bottom (top when
 * there is no text).  A line wider than its room is an error. */
static double put_text(header *H, const char *text, const gw_style *style, double top, gw_align align,
                       double inset, gw_src src, const char *path)
{
    if (!text || !*text) return top;
    lay_ctx *L = H->L;
    lay_line line;
    if (!lay_line_set(L, &line, text, style, lay_loc(L, src, path, 0))) { lay_line_free(&line); return top; }
    double room = L->t->type_width - (align == GW_ALIGN_CENTER ? 0 : inset);
    if (lay_check_width(L, line.width, room, src, path))
        put_line(H, &line, lay_aligned_x(L, line.width, align, inset), top, 1);
    lay_line_free(&line);
    return top + style->size;
}

/* 份号, 密级和保密期限, 紧急程度: flush left, one a line. */
static double put_flags(header *H, const gw_header_item *it, double top)
{
    const gw_document *d = H->L->doc;
    const double pitch = H->L->t->line_pitch;
    const char *texts[] = { d->copy_number, d->classification, d->urgency };
    const gw_style *styles[] = { it->copy_style ? it->copy_style : it->style, it->style, it->style };
    const gw_src srcs[] = { d->copy_number_src, d->classification_src, d->urgency_src };
    const char *paths[] = { "copy_number", "classification", "urgency" };
    double bottom = top, y = top;
    for (size_t i = 0; i < 3; i++) {
        if (!texts[i]) continue;
        bottom = put_text(H, texts[i], styles[i], y, GW_ALIGN_LEFT, it->inset, srcs[i], paths[i]);
        y += pitch;
    }
    return bottom;
}

/* The text of one issuer's mark: its own mark, or its name and the suffix. */
static char *mark_text(const gw_issuer *is, const char *suffix)
{
    if (is->mark) return strdup(is->mark);
    gw_buf b;
    gw_buf_init(&b);
    gw_buf_printf(&b, "%s%s", is->name ? is->name : "", suffix);
    return gw_buf_steal(&b, NULL);
}

/* The scale that fits `width` into the type area, or 0 when even the
 * template's narrowest scale does not (reported). */
static double fit_scale(header *H, const gw_header_item *it, double width, const gw_issuer *lead)
{
    lay_ctx *L = H->L;
    double room = L->t->type_width;
    if (width <= room) return 1;
    double scale = room / width;
    if (scale >= it->min_hscale) return scale;
    lay_check_width(L, width * it->min_hscale, room, lead->src, "issuer");
    return 0;
}

/* A single mark (or a letter's lead issuer): one line, shrunk to fit. */
static double put_single_mark(header *H, const gw_header_item *it, double top)
{
    lay_ctx *L = H->L;
    const gw_issuer *lead = &L->doc->issuers[0];
    char *text = mark_text(lead, it->suffix);
    lay_line line;
    if (!text) { lay_fail(L, GW_ERR_NOMEM); return top; }
    if (lay_line_set(L, &line, text, it->style, lay_loc(L, lead->src, "issuer", 0))) {
        double scale = fit_scale(H, it, line.width, lead);
        if (scale > 0) put_line(H, &line, lay_aligned_x(L, line.width * scale, GW_ALIGN_CENTER, 0), top, scale);
    }
    lay_line_free(&line);
    free(text);
    return top + it->style->size;
}

/* Joint issuers: the names stacked, lead first, the suffix to the right of
 * the stack and centred on it; the whole centred and shrunk to fit. */
static double put_stacked_mark(header *H, const gw_header_item *it, double top)
{
    lay_ctx *L = H->L;
    const gw_document *d = L->doc;
    size_t n = d->issuer_count;
    lay_line *names = calloc(n, sizeof *names), suffix;
    double stack = 0, size = it->style->size;
    int ok = names != NULL;
    for (size_t i = 0; ok && i < n; i++) {
        const gw_issuer *is = &d->issuers[i];
        const char *text = is->mark ? is->mark : is->name ? is->name : "";
        ok = lay_line_set(L, &names[i], text, it->style, lay_loc(L, is->src, "issuer", 0));
        if (ok && names[i].width > stack) stack = names[i].width;
    }
    ok = ok && lay_line_set(L, &suffix, it->suffix, it->style, gw_loc_file(L->t->path));
    double height = (double)n * size + (double)(n - 1) * it->stack_gap;
    if (ok) {
        double total = stack + it->suffix_gap + suffix.width;
        double scale = fit_scale(H, it, total, &d->issuers[0]);
        double left = lay_aligned_x(L, total * scale, GW_ALIGN_CENTER, 0);
        for (size_t i = 0; scale > 0 && i < n; i++)
            put_line(H, &names[i], left + (stack - names[i].width) * scale / 2,
                     top + (double)i * (size + it->stack_gap), scale);
        if (scale > 0)
            put_line(H, &suffix, left + (stack + it->suffix_gap) * scale, top + (height - size) / 2, scale);
        lay_line_free(&suffix);
    }
    for (size_t i = 0; names && i < n; i++) lay_line_free(&names[i]);
    free(names);
    if (!names) lay_fail(L, GW_ERR_NOMEM);
    return top + height;
}

static double put_mark(header *H, const gw_header_item *it, double top)
{
    const gw_document *d = H->L->doc;
    if (!d->issuer_count) return top;
    if (d->issuer_count > 1 && it->joint == GW_JOINT_STACK) return put_stacked_mark(H, it, top);
    return put_single_mark(H, it, top);
}

/* The 签发人 lines: the label, then the names, signers_per_line a line,
 * later lines aligned with the first name; the block 1 character in from
 * the right.  Returns the number of lines and the block's left edge. */
static size_t put_signers(header *H, const gw_header_item *it, double top, double *left_out)
{
    lay_ctx *L = H->L;
    const gw_text_list *names = &L->doc->signer_names;
    size_t per = it->signers_per_line > 0 ? (size_t)it->signers_per_line : 1;
    size_t count = (names->count + per - 1) / per;
    lay_line label = { 0 }, *lines = calloc(count ? count : 1, sizeof *lines);
    double widest = 0;
    int ok = lines && lay_line_set(L, &label, it->signer_label, it->style, gw_loc_file(L->t->path));
    for (size_t i = 0; ok && i < count; i++) {
        gw_buf b;
        gw_buf_init(&b);
        for (size_t k = i * per; k < names->count && k < (i + 1) * per; k++)
            gw_buf_printf(&b, "%s%s", k > i * per ? it->signer_separator : "", names->items[k]);
        char *text = gw_buf_steal(&b, NULL);
        ok = text && lay_line_set(L, &lines[i], text, it->signer_style,
                                  lay_loc(L, names->srcs[i * per], "signers", 0));
        lines[i].text = text;           /* kept until placed */
        if (ok && lines[i].width > widest) widest = lines[i].width;
    }
    double left = L->t->type_left + L->t->type_width - it->signer_inset - widest;
    if (ok) {
        left -= label.width;
        put_line(H, &label, left, top, 1);
        for (size_t i = 0; i < count; i++)
            put_line(H, &lines[i], left + label.width, top + (double)i * L->t->line_pitch, 1);
    }
    lay_line_free(&label);
    for (size_t i = 0; lines && i < count; i++) { lay_line_free(&lines[i]); free((char *)lines[i].text); }
    free(lines);
    if (!lines) lay_fail(L, GW_ERR_NOMEM);
    *left_out = left;
    return count;
}

/* 发文字号; in an upward document on the line of the last signer, 1
 * character in from the left. */
static double put_number(header *H, const gw_header_item *it, double top)
{
    lay_ctx *L = H->L;
    const gw_document *d = L->doc;
    if (!d->number) return top;
    if (!d->signer_names.count)
        return put_text(H, d->number, it->style, top, it->align, it->inset, d->number_src, "number");
    double signers_left;
    size_t lines = put_signers(H, it, top, &signers_left);
    double line_top = top + (double)(lines ? lines - 1 : 0) * L->t->line_pitch;
    lay_line line;
    if (lay_line_set(L, &line, d->number, it->style, lay_loc(L, d->number_src, "number", 0))) {
        double x = L->t->type_left + it->upward_number_inset;
        /* the number and the 签发人 share a line: they must not meet */
        if (lay_check_width(L, line.width, signers_left - x - L->t->char_pitch, d->number_src, "number"))
            put_line(H, &line, x, line_top, 1);
    }
    lay_line_free(&line);
    return line_top + it->style->size;
}

static double put_rule(header *H, const gw_header_item *it, double top)
{
    const gw_rule_spec *r = it->rule;
    if (!r) return top;
    if (!lay_draw_rule(H->L, H->b, 0, r, top)) lay_fail(H->L, GW_ERR_NOMEM);
    return top + lay_rule_height(r);
}

/* 答复类别：A类 */
static double put_reply(header *H, const gw_header_item *it, double top)
{
    const gw_document *d = H->L->doc;
    if (!d->reply_category) return top;
    const char *names[] = { "label", "category" };
    const char *values[] = { d->reply_label ? d->reply_label : it->reply_label, d->reply_category };
    char *text = lay_fill(it->reply_format, names, values, 2);
    if (!text) { lay_fail(H->L, GW_ERR_NOMEM); return top; }
    double bottom = put_text(H, text, it->style, top, it->align, it->inset, d->reply_src, "reply");
    free(text);
    return bottom;
}

static double put_item(header *H, const gw_header_item *it, double top)
{
    switch (it->kind) {
    case GW_HEADER_FLAGS:  return put_flags(H, it, top);
    case GW_HEADER_MARK:   return put_mark(H, it, top);
    case GW_HEADER_NUMBER: return put_number(H, it, top);
    case GW_HEADER_RULE:   return put_rule(H, it, top);
    case GW_HEADER_REPLY:  return put_reply(H, it, top);
    }
    return top;
}

double lay_header(lay_ctx *L, lay_block *b)
{
    header H = { L, b };
    double prev_top = L->t->type_top, prev_bottom = L->t->type_top, bottom = L->t->type_top;
    for (size_t i = 0; i < L->t->header_count && lay_ok(L); i++) {
        const gw_header_item *it = &L->t->header[i];
        double top = it->place == GW_PLACE_TOP ? it->top
                   : it->place == GW_PLACE_AFTER ? prev_bottom + it->gap : prev_top;
        prev_top = top;                 /* an item on the previous one's line takes its place */
        double item_bottom = put_item(&H, it, top);
        if (item_bottom == top) continue;    /* absent (no 份号, no reply): its gap goes too */
        prev_bottom = item_bottom;
        if (prev_bottom > bottom) bottom = prev_bottom;
    }
    return bottom;
}
