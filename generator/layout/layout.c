#include "layout/layout.h"
#include "text/lines.h"
#include "text/title.h"
#include "util/buf.h"
#include "util/messages.h"
#include <hb-ot.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HUGE_WIDTH 1e9

typedef struct layout {
    const gw_document *doc;
    const gw_template *t;
    const gw_fontset  *fonts;
    gw_diagnostics    *diags;
    gw_display_list   *dl;
    gw_page           *page;
    long               line;        /* next free grid line on the page */
    gw_status          status;
    const gw_role     *warned[16];   /* roles whose substitution was reported */
    size_t             warned_count;
} layout;

static void fail(layout *L, gw_status st)
{
    if (L->status == GW_OK) L->status = st;
}

/* Height of the ideographic em box above the baseline, for a face at size. */
static double em_top(const gw_face *face, double size)
{
    hb_position_t top = 0;
    hb_ot_layout_get_baseline_with_fallback(face->hb_font, HB_OT_LAYOUT_BASELINE_TAG_IDEO_EMBOX_TOP_OR_RIGHT,
                                            HB_DIRECTION_LTR, HB_SCRIPT_HAN, HB_TAG_NONE, &top);
    return top * size / face->upem;
}

/* A role set in another font than its original is said once a document. */
static void report_substitute(layout *L, const gw_role *role, const gw_style *s)
{
    if (!role || !role->chain_len || role->chain_is_original[0] || !role->original) return;
    for (size_t i = 0; i < L->warned_count; i++)
        if (L->warned[i] == role) return;
    if (L->warned_count < sizeof L->warned / sizeof *L->warned) L->warned[L->warned_count++] = role;
    gw_loc loc = { L->t->path, 0, 0, s ? s->role : role->name, 0 };
    gw_report(L->diags, loc, GW_MSG_FONT_SUBSTITUTE, role->original, role->name, role->chain[0]->family,
              role->chain[0]->ft_face->style_name);
}

static int text_style(layout *L, const gw_style *s, int with_latin, gw_text_style *out)
{
    out->role = gw_fontset_role(L->fonts, s->role);
    out->latin = with_latin ? gw_fontset_role(L->fonts, L->t->latin.role) : NULL;
    out->size = s->size;
    out->pitch = s->grid ? L->t->char_pitch * s->size / L->t->body.size : s->size;
    out->color = s->color;
    out->latin_gap = L->t->latin_gap;
    report_substitute(L, out->role, s);
    report_substitute(L, out->latin, NULL);
    if (out->role && out->role->chain_len) return 1;
    gw_report(L->diags, gw_loc_file(L->t->path), GW_MSG_NO_FONT_FOR_ROLE, s->role);
    fail(L, GW_ERR_FONT);
    return 0;
}

static int new_page(layout *L)
{
    if (L->dl->page_count >= GW_MAX_PAGES) {
        if (L->status == GW_OK) gw_report(L->diags, gw_loc_file(L->doc->path), GW_MSG_TOO_MANY_PAGES, GW_MAX_PAGES);
        fail(L, GW_ERR_INPUT);
        L->page = NULL;
        return 0;
    }
    L->page = gw_display_list_add_page(L->dl, L->t->page_width, L->t->page_height);
    L->line = 0;
    if (!L->page) fail(L, GW_ERR_NOMEM);
    return L->page != NULL;
}

/* Top of the next grid line, starting a new page when this one is full. */
static double next_line_top(layout *L)
{
    if (L->line >= L->t->lines_per_page && !new_page(L)) return 0;
    return L->t->type_top + (double)L->line++ * L->t->line_pitch;
}

/* Puts a set line on the page: its em box's top at `top`, its baseline `em`
 * below, its start at x; and records its box. */
static void place_line(layout *L, gw_line *line, double x, double top, double em, double hscale,
                       const char *text)
{
    double baseline = top + em;
    gw_line_box box = { x + line->start * hscale, baseline, top, line->width * hscale, line->fills, NULL };
    if (!gw_page_add_line(L->page, &box, text + line->text_start, line->text_end - line->text_start))
        fail(L, GW_ERR_NOMEM);
    for (size_t r = 0; r < line->run_count; r++) {
        gw_glyph_run *run = &line->runs[r];
        run->x = x + run->x * hscale;
        run->y = baseline;
        run->hscale = hscale;
        for (size_t g = 0; g < run->glyph_count; g++) run->glyphs[g].x *= hscale;
        if (!gw_page_add_glyphs(L->page, run)) fail(L, GW_ERR_NOMEM);
    }
    free(line->runs);          /* the page took each run's arrays */
    line->runs = NULL;
    line->run_count = 0;
}

enum align { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT };

/* Where something `width` wide starts when aligned in the type area, `inset`
 * in from the side it is aligned to. */
static double aligned_x(const layout *L, double width, enum align align, double inset)
{
    if (align == ALIGN_CENTER) return L->t->type_left + (L->t->type_width - width) / 2;
    if (align == ALIGN_RIGHT) return L->t->type_left + L->t->type_width - inset - width;
    return L->t->type_left + inset;
}

/* The origin for a set line, so that the line (from its start) is aligned;
 * a flush-left line keeps its indent. */
static double line_x(const layout *L, const gw_line *ln, enum align align)
{
    return align == ALIGN_LEFT ? L->t->type_left : aligned_x(L, ln->width, align, 0) - ln->start;
}

/* The baseline sits below the line's top by the em-box height of the
 * style's own CJK font, whatever font the line starts with. */
static double style_em_top(const gw_text_style *st)
{
    return em_top(st->role->chain[0], st->size);
}

/* Places set lines of text on the next lines of the grid, then frees them. */
static void flow_lines(layout *L, gw_lines *lines, const char *text, const gw_text_style *st, enum align align)
{
    for (size_t i = 0; i < lines->count; i++) {
        double top = next_line_top(L);
        if (!L->page) break;
        gw_line *ln = &lines->lines[i];
        place_line(L, ln, line_x(L, ln, align), top, style_em_top(st), 1, text);
    }
    gw_lines_free(lines);
}

/* Sets text on the flowing grid: the first line indented by `indent`, full
 * lines justified to the type area when `justify`. */
static void flow_text(layout *L, const char *text, const gw_style *style, double indent,
                      enum align align, int justify, gw_src src, const char *path)
{
    gw_text_style st;
    gw_lines lines;
    if (!text || !text_style(L, style, 1, &st)) return;
    gw_span span = { 0, strlen(text), &st };
    gw_measure m = { L->t->type_width, indent, justify };
    gw_loc loc = { L->doc->path, src.line, src.column, path, 0 };
    gw_status s = gw_set_text(text, span.end, &span, 1, &m, loc, L->diags, &lines);
    if (s != GW_OK) { fail(L, s); return; }
    flow_lines(L, &lines, text, &st, align);
}

/* The title, broken between words into a centred trapezoid or diamond. */
static void flow_title(layout *L)
{
    const gw_document *d = L->doc;
    gw_text_style st;
    gw_lines lines;
    if (!d->title || !text_style(L, &L->t->title, 1, &st)) return;
    /* A title given as a list keeps the clerk's lines. */
    for (size_t i = 0; i < d->title_lines.count; i++) {
        const char *line = d->title_lines.items[i];
        gw_src src = d->title_lines.srcs[i];
        gw_loc loc = { d->path, src.line, src.column, "title", 0 };
        gw_status s = gw_set_plain(line, strlen(line), &st, HUGE_WIDTH, 0, loc, L->diags, &lines);
        if (s != GW_OK) { fail(L, s); return; }
        flow_lines(L, &lines, line, &st, ALIGN_CENTER);
    }
    if (d->title_lines.count) return;
    gw_loc loc = { d->path, d->title_src.line, d->title_src.column, "title", 0 };
    gw_status s = gw_set_title(d->title, strlen(d->title), &st, L->t->type_width, loc, L->diags, &lines);
    if (s != GW_OK) { fail(L, s); return; }
    flow_lines(L, &lines, d->title, &st, ALIGN_CENTER);
}

/* One line of text at an absolute top edge, shrunk horizontally to
 * max_width when given; returns its width. */
static double set_line_at(layout *L, const char *text, const gw_style *style, double top,
                          enum align align, double inset, double max_width)
{
    gw_text_style st;
    gw_lines lines;
    gw_loc loc = { L->doc->path, 0, 0, "", 0 };
    if (!text || !text_style(L, style, 1, &st)) return 0;
    gw_status s = gw_set_plain(text, strlen(text), &st, HUGE_WIDTH, 0, loc, L->diags, &lines);
    if (s != GW_OK) { fail(L, s); return 0; }
    double width = 0;
    if (lines.count) {
        gw_line *ln = &lines.lines[0];
        double hscale = max_width > 0 && ln->width > max_width ? max_width / ln->width : 1;
        width = ln->width * hscale;
        place_line(L, ln, aligned_x(L, width, align, inset), top, style_em_top(&st), hscale, text);
    }
    gw_lines_free(&lines);
    return width;
}

/* A template's text form with each {name} replaced by its value. */
static char *fill(const char *format, const char *const *names, const char *const *values, size_t n)
{
    gw_buf b;
    gw_buf_init(&b);
    for (const char *p = format; *p;) {
        size_t k = 0;
        while (k < n && !(*p == '{' && strncmp(p + 1, names[k], strlen(names[k])) == 0 &&
                          p[1 + strlen(names[k])] == '}'))
            k++;
        if (k < n) {
            gw_buf_puts(&b, values[k]);
            p += strlen(names[k]) + 2;
        } else {
            gw_buf_append(&b, p++, 1);
        }
    }
    return gw_buf_steal(&b, NULL);
}

static char *reply_text(const gw_document *d, const gw_template *t)
{
    const char *names[] = { "label", "category" };
    const char *values[] = { d->reply_label ? d->reply_label : t->reply_label, d->reply_category };
    return fill(t->reply_format, names, values, 2);
}

/* The template's red rule, centred on the type area: its first line on y,
 * and for a double rule the second line under it (second_over: above it). */
static void add_rule(layout *L, double y, int second_over)
{
    const gw_template *t = L->t;
    double cx = t->type_left + t->type_width / 2, half = t->rule_width / 2;
    gw_rule_item rule = { cx - half, y, cx + half, y, t->rule_thickness, t->rule_color };
    if (!gw_page_add_rule(L->page, &rule)) fail(L, GW_ERR_NOMEM);
    double second = t->rule_second_thickness;
    if (second <= 0) return;
    double offset = t->rule_thickness / 2 + t->rule_second_gap + second / 2;
    rule.y1 = rule.y2 = y + (second_over ? -offset : offset);
    rule.thickness = second;
    if (!gw_page_add_rule(L->page, &rule)) fail(L, GW_ERR_NOMEM);
}

/* The bottom of the header rule (both lines of a double one). */
static double rule_bottom(const gw_template *t, double y)
{
    double b = y + t->rule_thickness / 2;
    return t->rule_second_thickness > 0 ? b + t->rule_second_gap + t->rule_second_thickness : b;
}

static void set_mark(layout *L)
{
    const gw_template *t = L->t;
    const gw_document *d = L->doc;
    gw_buf mark;
    gw_buf_init(&mark);
    gw_buf_printf(&mark, "%s%s", d->issuer, t->mark_suffix);
    set_line_at(L, d->issuer_mark ? d->issuer_mark : mark.data, &t->mark, t->mark_top, ALIGN_CENTER, 0,
                t->type_width);
    gw_buf_free(&mark);
}

/* 发文字号 with its top at `top`; an upward document's 签发人 on its line. */
static void set_number(layout *L, double top)
{
    const gw_template *t = L->t;
    const gw_document *d = L->doc;
    if (d->number && d->signers) {     /* upward document: number left, 签发人 right */
        gw_buf signer;
        gw_buf_init(&signer);
        gw_buf_printf(&signer, "%s%s", t->signer_label, d->signers);
        set_line_at(L, d->number, &t->number, top, ALIGN_LEFT, t->char_pitch, 0);
        set_line_at(L, signer.data, &t->number, top, ALIGN_RIGHT, t->char_pitch, 0);
        gw_buf_free(&signer);
    } else if (d->number) {
        enum align a = strcmp(t->number_align, "right") == 0 ? ALIGN_RIGHT : ALIGN_CENTER;
        set_line_at(L, d->number, &t->number, top, a, 0, 0);
    }
}

/* 版头: the mark, the red rule and the 发文字号 in the template's order (文件:
 * number then rule; 信函: double rule then number), then the reply category.
 * Returns the bottom of the last of them. */
static double header(layout *L)
{
    const gw_template *t = L->t;
    const gw_document *d = L->doc;
    set_mark(L);
    double mark_bottom = t->mark_top + t->mark.size, bottom;
    if (strcmp(t->rule_below, "mark") == 0) {
        double rule_y = mark_bottom + t->rule_gap + t->rule_thickness / 2;
        add_rule(L, rule_y, 0);
        double top = rule_bottom(t, rule_y) + t->number_below_rule;
        set_number(L, top);
        bottom = d->number ? top + t->number.size : rule_bottom(t, rule_y);
    } else {
        double top = mark_bottom + (double)t->number_gap_lines * t->line_pitch;
        set_number(L, top);
        double rule_y = top + t->number.size + t->rule_gap;
        add_rule(L, rule_y, 0);
        bottom = rule_bottom(t, rule_y);
    }
    if (d->reply_category) {
        char *text = reply_text(d, t);
        set_line_at(L, text, &t->body, bottom + t->line_pitch - t->body.size, ALIGN_LEFT, 0, 0);
        free(text);
        bottom += t->line_pitch;
    }
    return bottom;
}

/* 信函: page 1 closes with a red double rule, thin over thick. */
static void first_page_rule(layout *L)
{
    const gw_template *t = L->t;
    if (t->first_page_rule <= 0) return;
    gw_page *keep = L->page;
    L->page = &L->dl->pages[0];
    double y = t->page_height - t->first_page_rule - t->rule_thickness / 2;
    add_rule(L, y, 1);
    L->page = keep;
}

/* Moves the last n lines of text on the page to the top of a new page, so
 * that what comes next (the signature) does not stand alone there. */
static void carry_lines(layout *L, long n)
{
    if (!L->page) return;
    size_t page = L->dl->page_count - 1, first = 0;
    gw_page *old = L->page;
    long found = 0;
    for (size_t i = old->item_count; i-- > 0 && found < n;)
        if (old->items[i].kind == GW_ITEM_LINE) { found++; first = i; }
    if (found < n || L->line < n + 1) return;           /* nothing sensible to carry */
    double dy = -(double)(L->line - n) * L->t->line_pitch;
    if (!new_page(L)) return;
    if (!gw_page_move_items(&L->dl->pages[page], first, L->page, dy)) fail(L, GW_ERR_NOMEM);
    L->line = n;
}

/* Date and name: unsealed single issuer, GB/T 9704 7.3.5.1.  The block is
 * never alone on a page: if it does not fit, the last two lines of text
 * go over with it. */
static void signature(layout *L)
{
    const gw_template *t = L->t;
    const gw_document *d = L->doc;
    gw_text_style st;
    gw_lines name, date;
    gw_loc loc = { d->path, 0, 0, "signature", 0 };
    if (!d->signature_name || !d->date || !text_style(L, &t->body, 1, &st)) return;
    gw_status s = gw_set_plain(d->signature_name, strlen(d->signature_name), &st, HUGE_WIDTH, 0, loc, L->diags, &name);
    if (s != GW_OK) { fail(L, s); return; }
    s = gw_set_plain(d->date, strlen(d->date), &st, HUGE_WIDTH, 0, loc, L->diags, &date);
    if (s != GW_OK || !name.count || !date.count) {
        fail(L, s);
        gw_lines_free(&name);
        gw_lines_free(&date);
        return;
    }
    double right = t->type_left + t->type_width - (double)t->signature_right_chars * t->char_pitch;
    double name_x = right - name.lines[0].width;
    double date_x = name_x + (double)t->date_shift_chars * t->char_pitch;
    if (date_x + date.lines[0].width > right) {      /* a long date moves the name left */
        date_x = right - date.lines[0].width;
        name_x = date_x - (double)t->date_shift_chars * t->char_pitch;
    }
    double em = style_em_top(&st);
    if (L->line + t->signature_gap_lines + 2 > t->lines_per_page)      /* blank lines, name, date */
        carry_lines(L, t->signature_carry_lines);
    for (long i = 0; i < t->signature_gap_lines; i++) next_line_top(L);
    double top = next_line_top(L);
    if (L->page) place_line(L, &name.lines[0], name_x, top, em, 1, d->signature_name);
    top = next_line_top(L);
    if (L->page) place_line(L, &date.lines[0], date_x, top, em, 1, d->date);
    gw_lines_free(&name);
    gw_lines_free(&date);
}

static char *page_number_text(const char *format, size_t page)
{
    char n[24];
    snprintf(n, sizeof n, "%zu", page);
    const char *names[] = { "n" }, *values[] = { n };
    return fill(format, names, values, 1);
}

static void page_numbers(layout *L)
{
    const gw_template *t = L->t;
    first_page_rule(L);
    for (size_t p = t->first_page_number ? 0 : 1; p < L->dl->page_count; p++) {
        char *text = page_number_text(t->page_number_format, p + 1);
        L->page = &L->dl->pages[p];
        double top = t->type_top + t->type_height + t->page_number_gap;
        int odd = (p + 1) % 2 == 1;
        set_line_at(L, text, &t->page_number, top, odd ? ALIGN_RIGHT : ALIGN_LEFT,
                    t->page_number_inset, 0);
        free(text);
    }
}

static int by_offset(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

/* Spans of one body block: the heading's font up to the end of a run-in
 * heading, the body font after it, the emphasis font over **…**.  Returns a
 * malloc'ed array and its length in *count; NULL when out of memory. */
static gw_span *block_spans(const gw_block *b, const gw_text_style *body, const gw_text_style *heading,
                            const gw_text_style *emphasis, size_t *count)
{
    size_t len = strlen(b->text), ncut = 0, n = 0, max = 2 * b->emphasis_count + 3;
    size_t *cuts = malloc(max * sizeof *cuts);
    gw_span *spans = malloc(max * sizeof *spans);
    if (!cuts || !spans) { free(cuts); free(spans); return NULL; }
    cuts[ncut++] = 0;
    if (b->kind == GW_BLOCK_HEADING && b->run_in < len) cuts[ncut++] = b->run_in;
    for (size_t e = 0; e < b->emphasis_count; e++) {
        cuts[ncut++] = b->emphasis[e].start;
        cuts[ncut++] = b->emphasis[e].end;
    }
    cuts[ncut++] = len;
    qsort(cuts, ncut, sizeof *cuts, by_offset);
    /* the emphasis spans are in order and disjoint: one cursor over them
     * keeps a block of many spans linear */
    for (size_t i = 0, e = 0; i + 1 < ncut; i++) {
        size_t a = cuts[i], z = cuts[i + 1];
        if (a == z) continue;
        const gw_text_style *st = b->kind == GW_BLOCK_HEADING && a < b->run_in ? heading : body;
        while (e < b->emphasis_count && b->emphasis[e].end <= a) e++;
        if (e < b->emphasis_count && a >= b->emphasis[e].start) st = emphasis;
        spans[n++] = (gw_span){ a, z, st };
    }
    free(cuts);
    *count = n;
    return spans;
}

static void flow_block(layout *L, const gw_block *b, const char *path)
{
    const gw_template *t = L->t;
    gw_text_style body, heading, emphasis;
    int level = b->kind == GW_BLOCK_HEADING && b->level >= 1 && b->level <= 4 ? b->level : 0;
    if (!text_style(L, &t->body, 1, &body) || !text_style(L, &t->emphasis, 1, &emphasis) ||
        !text_style(L, level ? &t->heading[level - 1] : &t->body, 1, &heading))
        return;
    size_t n = 0;
    gw_span *spans = block_spans(b, &body, &heading, &emphasis, &n);
    if (!spans) { fail(L, GW_ERR_NOMEM); return; }
    gw_measure m = { t->type_width, (double)t->indent_chars * t->char_pitch, 1 };
    gw_loc loc = { L->doc->path, b->src.line, b->src.column, path, b->verbatim };
    gw_lines lines;
    gw_status s = n ? gw_set_text(b->text, strlen(b->text), spans, n, &m, loc, L->diags, &lines) : GW_OK;
    free(spans);
    if (s != GW_OK) { fail(L, s); return; }
    if (n) flow_lines(L, &lines, b->text, &body, ALIGN_LEFT);
}

static void body(layout *L)
{
    const gw_template *t = L->t;
    const gw_document *d = L->doc;
    char path[32];
    for (size_t i = 0; i < d->block_count && L->status == GW_OK; i++) {
        const gw_block *b = &d->blocks[i];
        snprintf(path, sizeof path, "body[%zu]", i);
        if (b->kind == GW_BLOCK_PAGE_BREAK) {
            if (L->line > 0) L->line = t->lines_per_page;      /* the next line opens a page */
            continue;
        }
        if (b->text) flow_block(L, b, path);
    }
    double indent = (double)t->indent_chars * t->char_pitch;
    for (size_t i = 0; i < d->contact_count; i++)
        flow_text(L, d->contacts[i], &t->body, indent, ALIGN_LEFT, 1, (gw_src){ 0, 0 }, "contacts");
}

static void front_matter(layout *L)
{
    const gw_template *t = L->t;
    gw_src none = { 0, 0 };
    if (!new_page(L)) return;
    double y = header(L) + (double)t->title_gap_lines * t->line_pitch;
    L->line = (long)ceil((y - t->type_top) / t->line_pitch - 1e-6);
    flow_title(L);
    L->line += t->to_gap_lines;
    flow_text(L, L->doc->to, &t->body, 0, ALIGN_LEFT, 1, none, "to");
}

static void closing(layout *L)
{
    const gw_template *t = L->t;
    const gw_document *d = L->doc;
    gw_src none = { 0, 0 };
    signature(L);
    flow_text(L, d->note, &t->body, (double)t->indent_chars * t->char_pitch, ALIGN_LEFT, 1, none, "note");
    if (d->cc && L->status == GW_OK) {   /* 版记 on the last line of the last page */
        if (L->line >= t->lines_per_page && !new_page(L)) return;
        L->line = t->lines_per_page - 1;
        flow_text(L, d->cc, &t->colophon, t->colophon_inset, ALIGN_LEFT, 0, none, "cc");
    }
}

/* The stages in page order; a failure (the page limit, a character no font
 * has) stops the rest. */
static void document(layout *L)
{
    void (*const stages[])(layout *) = { front_matter, body, closing, page_numbers };
    for (size_t i = 0; i < sizeof stages / sizeof *stages && L->status == GW_OK && (i == 0 || L->page); i++)
        stages[i](L);
}

gw_status gw_layout(const gw_document *doc, const gw_template *t, const gw_fontset *fonts,
                    gw_diagnostics *diags, gw_display_list **out)
{
    layout L = { doc, t, fonts, diags, gw_display_list_create(), NULL, 0, GW_OK, { 0 }, 0 };
    if (!L.dl) return GW_ERR_NOMEM;
    document(&L);
    if (L.status != GW_OK) {
        gw_display_list_destroy(L.dl);
        return L.status;
    }
    *out = L.dl;
    return GW_OK;
}
