/* 署名, 成文日期, 印章 (GB/T 9704 7.3.5) and 附注: one block that never
 * stands alone on a page (pagination carries lines of text over with it).
 *   unsealed: the names (stacked when joint) 2 characters in from the
 *     right, the date starting 2 characters right of them;
 *   sealed: the date 4 characters in from the right, each name centred
 *     under its seal, the seals in rows across the type area, the last
 *     also over the date; the first row's top within one line of the text;
 *   signature seal (orders): the seal 4 characters in from the right with
 *     the name centred on it, the office title 2 characters left of it,
 *     the date a blank line below it.
 * The 附注 follows on the line after the date. */
#include "layout/stages.h"
#include "layout/setting.h"
#include "util/messages.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct sig {
    lay_ctx                 *L;
    const gw_signature_spec *s;
    lay_block               *b;
    lay_line                *names;     /* one per signature name */
    size_t                   name_count;
    lay_line                 date;
    double                   right;     /* the type area's right edge */
} sig;

static int set_lines(sig *S)
{
    lay_ctx *L = S->L;
    const gw_document *d = L->doc;
    S->name_count = d->signature_names.count;
    S->names = calloc(S->name_count ? S->name_count : 1, sizeof *S->names);
    if (!S->names) { lay_fail(L, GW_ERR_NOMEM); return 0; }
    for (size_t i = 0; i < S->name_count; i++)
        if (!lay_line_set(L, &S->names[i], d->signature_names.items[i], S->s->style,
                          lay_loc(L, d->signature_names.srcs[i], "signature.name", 0)))
            return 0;
    return lay_line_set(L, &S->date, d->date ? d->date : "", S->s->style, lay_loc(L, d->date_src, "signature.date", 0));
}

static void free_lines(sig *S)
{
    for (size_t i = 0; S->names && i < S->name_count; i++) lay_line_free(&S->names[i]);
    free(S->names);
    lay_line_free(&S->date);
}

static double widest_name(const sig *S)
{
    double w = 0;
    for (size_t i = 0; i < S->name_count; i++)
        if (S->names[i].width > w) w = S->names[i].width;
    return w;
}

/* A name (or a line of the block) spanning [x, x + width] must lie inside
 * the type area. */
static int name_fits(sig *S, double x, double width)
{
    const gw_document *d = S->L->doc;
    gw_src src = d->signature_names.count ? d->signature_names.srcs[0] : d->signature_src;
    double left = S->L->t->type_left, overflow = 0;
    if (x < left) overflow += left - x;
    if (x + width > S->right) overflow += x + width - S->right;
    return lay_check_width(S->L, width, width - overflow, src, "signature.name");
}

/* Unsealed: names stacked (lead first) and aligned on their first
 * character, the longest 2 characters in from the right; the date's first
 * character 2 characters right of theirs, or, when the date is longer, the
 * date 2 characters in from the right and the names moved left.  Returns
 * the date's row. */
static long unsealed(sig *S)
{
    const gw_signature_spec *s = S->s;
    double edge = S->right - s->right, names_x = edge - widest_name(S);
    double date_x = names_x + s->date_shift;
    if (date_x + S->date.width > edge) {
        date_x = edge - S->date.width;
        names_x = date_x - s->date_shift;
    }
    if (!name_fits(S, names_x, edge - names_x)) return -1;
    long row = s->gap_lines;
    for (size_t i = 0; i < S->name_count; i++) lay_line_place(S->L, S->b, row++, &S->names[i], names_x, 1);
    lay_line_place(S->L, S->b, row, &S->date, date_x, 1);
    return row;
}

/* The drawn size of a seal `size` wide: its height by the image's shape. */
static void seal_box(const sig *S, size_t image, double size, double *w, double *h)
{
    const gw_image *im = &S->L->dl->images[image];
    *w = size;
    *h = im->pixel_width ? size * im->pixel_height / im->pixel_width : size;
}

/* Puts seal i, `size` wide, centred at (cx, its top at top) in the block's row. */
static int put_seal(sig *S, size_t i, double size, long row, double cx, double top)
{
    size_t image = lay_seal_image(S->L, i);
    if (image == (size_t)-1) return 0;
    double w, h;
    seal_box(S, image, size, &w, &h);
    gw_item it = { .kind = GW_ITEM_IMAGE };
    it.u.image = (gw_image_item){ image, cx - w / 2, top, w, h };
    if (!lay_block_add_item(S->b, row, &it)) { lay_fail(S->L, GW_ERR_NOMEM); return 0; }
    long reach = row + (long)ceil((top + h) / S->L->t->line_pitch - 1e-6);
    if (reach > S->b->extent) S->b->extent = reach;
    return 1;
}

/* Blank lines before the first name of a sealed block: the fewest that
 * keep the seal (its top seal_overlap above the name's line) clear of the
 * text above, whose em box ends `em` below its line's top; that leaves the
 * seal's top within one line of that text (7.3.5.1). */
static long sealed_gap(const sig *S)
{
    const double P = S->L->t->line_pitch, em = S->s->style->size;
    long gap = (long)ceil((S->s->seal_overlap + em) / P - 1 - 1e-6);
    return gap > S->s->gap_lines ? gap : S->s->gap_lines;
}

/* How many seals a row holds so that names centred under them do not meet:
 * at most seals_per_row; the pitch between seal centres spreads a full
 * row across the type area, the outer seals and the names under them
 * inside it.  0 when not even one fits (reported). */
static size_t seals_per_row(sig *S, size_t n, double *pitch)
{
    const gw_signature_spec *s = S->s;
    double width = S->L->t->type_width;
    double widest = widest_name(S) > s->seal_size ? widest_name(S) : s->seal_size;
    size_t per = s->seals_per_row > 0 ? (size_t)s->seals_per_row : 1;
    if (per > n) per = n;
    for (; per > 1; per--) {
        *pitch = (width - widest) / (double)(per - 1);
        if (*pitch >= s->seal_size + s->seal_spacing && widest_name(S) + S->L->t->char_pitch <= *pitch) return per;
    }
    *pitch = 0;
    if (s->seal_size <= width) return 1;
    gw_report(S->L->diags, lay_loc(S->L, S->L->doc->signature_src, "signature.seal", 0), GW_MSG_SEALS_TOO_WIDE, n,
              (s->seal_size - width) * 25.4 / 72);
    lay_fail(S->L, GW_ERR_INPUT);
    return 0;
}

/* Sealed, one issuer or several: rows of seals centred on the type area,
 * each name centred under its seal, the date under the last. */
static long sealed(sig *S)
{
    lay_ctx *L = S->L;
    const gw_signature_spec *s = S->s;
    size_t n = L->doc->seals.count;
    double pitch = 0, centre = L->t->type_left + L->t->type_width / 2, L_pitch = L->t->line_pitch;
    if (n == 1) {                       /* the date 4 characters in, the name centred over it */
        double date_x = S->right - s->sealed_date_right - S->date.width, cx = date_x + S->date.width / 2;
        double name_w = S->name_count ? S->names[0].width : 0;
        if (!name_fits(S, cx - name_w / 2, name_w)) return -1;
        long row = sealed_gap(S);
        if (S->name_count) lay_line_place(L, S->b, row, &S->names[0], cx - name_w / 2, 1);
        lay_line_place(L, S->b, row + 1, &S->date, date_x, 1);
        return put_seal(S, 0, s->seal_size, row, cx, -s->seal_overlap) ? row + 1 : -1;
    }
    size_t per = seals_per_row(S, n, &pitch);
    if (!per) return -1;
    long step = (long)ceil((s->seal_size + s->seal_spacing) / L_pitch - 1e-6), row = sealed_gap(S);
    double last_cx = centre;
    for (size_t first = 0; first < n; first += per, row += step) {
        size_t in_row = n - first < per ? n - first : per;
        for (size_t k = 0; k < in_row; k++) {
            size_t i = first + k;
            double cx = centre + ((double)k - (double)(in_row - 1) / 2) * pitch;
            if (i < S->name_count) {
                if (!name_fits(S, cx - S->names[i].width / 2, S->names[i].width)) return -1;
                lay_line_place(L, S->b, row, &S->names[i], cx - S->names[i].width / 2, 1);
            }
            if (!put_seal(S, i, s->seal_size, row, cx, -s->seal_overlap)) return -1;
            last_cx = cx;
        }
    }
    row -= step;
    lay_line_place(L, S->b, row + 1, &S->date, last_cx - S->date.width / 2, 1);
    return row + 1;
}

/* Signature seal (orders, GB/T 9704 7.3.5.3): the seal 4 characters in from
 * the right, two blank lines below the text above, the name centred on it;
 * the office title 2 characters left of the seal, on the name's line, which
 * is centred on the seal (上下居中); the date one blank line below the seal,
 * 4 characters in.  Without a seal image the name takes the seal's place. */
static long person(sig *S)
{
    lay_ctx *L = S->L;
    const gw_signature_spec *s = S->s;
    const gw_document *d = L->doc;
    const double P = L->t->line_pitch, em = s->style->size;
    double name_w = S->name_count ? S->names[0].width : 0, w = name_w, h = em;
    size_t image = (size_t)-1;
    if (d->seals.count) {
        image = lay_seal_image(L, 0);
        if (image == (size_t)-1) return -1;
        seal_box(S, image, s->person_seal_size, &w, &h);
    }
    double box_right = S->right - s->person_right, cx = box_right - w / 2;
    /* the first row whose centred seal starts below the blank lines */
    long row = s->person_gap_lines + (long)ceil((h - em) / 2 / P - 1e-6);
    if (row < s->person_gap_lines) row = s->person_gap_lines;
    lay_line title;
    if (!lay_line_set(L, &title, d->signature_title, s->style, lay_loc(L, d->signature_title_src, "signature.title", 0))) {
        lay_line_free(&title);
        return -1;
    }
    double title_x = box_right - w - s->person_title_gap - title.width;
    int fits = name_fits(S, title_x, S->right - title_x) && name_fits(S, cx - name_w / 2, name_w);
    if (fits) {
        lay_line_place(L, S->b, row, &title, title_x, 1);
        if (S->name_count) lay_line_place(L, S->b, row, &S->names[0], cx - name_w / 2, 1);
    }
    lay_line_free(&title);
    if (!fits) return -1;
    if (image != (size_t)-1 && !put_seal(S, 0, s->person_seal_size, row, cx, (em - h) / 2)) return -1;
    /* the first row below the seal (or the name), then the blank lines */
    double bottom = (double)row * P + (em + h) / 2;
    row = (long)ceil(bottom / P - 1e-6) + s->person_date_gap_lines;
    lay_line_place(L, S->b, row, &S->date, S->right - s->person_date_right - S->date.width, 1);
    return row;
}

/* 附注, each on the line after the one before, in the template's
 * parentheses, indented 2 characters. */
static void notes(sig *S, long row)
{
    lay_ctx *L = S->L;
    const gw_document *d = L->doc;
    gw_text_style st;
    if (!d->notes.count || !lay_text_style(L, S->s->style, &st)) return;
    for (size_t i = 0; i < d->notes.count && lay_ok(L); i++) {
        const char *names[] = { "note" };
        const char *values[] = { d->notes.items[i] };
        char *format = malloc(strlen(S->s->note_open) + strlen(S->s->note_close) + 7);
        if (!format) { lay_fail(L, GW_ERR_NOMEM); return; }
        strcpy(format, S->s->note_open);
        strcat(format, "{note}");
        strcat(format, S->s->note_close);
        char *text = lay_fill(format, names, values, 1);
        free(format);
        if (!text) { lay_fail(L, GW_ERR_NOMEM); return; }
        long rows = lay_text_rows(L, S->b, row, text, NULL, 0, &st, L->t->type_left, L->t->type_width,
                                  S->s->note_indent, 1, lay_loc(L, d->notes.srcs[i], "note", 0));
        free(text);
        if (rows > 0) row += rows;
    }
}

void lay_signature(lay_ctx *L, lay_blocks *out)
{
    const gw_document *d = L->doc;
    if (!d->date && !d->signature_names.count) {    /* minutes may have no signature */
        sig S = { .L = L, .s = &L->t->signature };
        S.b = d->notes.count ? lay_blocks_add(out) : NULL;
        if (S.b) notes(&S, 0);
        return;
    }
    sig S = { .L = L, .s = &L->t->signature, .b = lay_blocks_add(out), .right = L->t->type_left + L->t->type_width };
    if (!S.b) { lay_fail(L, GW_ERR_NOMEM); return; }
    S.b->carry = S.s->carry_lines;
    long date_row = -1;
    if (set_lines(&S)) {
        if (d->signature_title) date_row = person(&S);
        else if (d->seals.count) date_row = sealed(&S);
        else date_row = unsealed(&S);
    }
    if (date_row >= 0 && lay_ok(L)) notes(&S, date_row + 1);
    free_lines(&S);
}
