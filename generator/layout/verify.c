/* `gongwen check --layout`: the laid-out pages verified against their
 * template, from the display list alone, as a typesetter would check a
 * proof: every line inside the page and (when it is in the type area's
 * height) inside the type area's width; every justified line ending on the
 * type area's right edge (or the 版记's); no line starting with a mark that may not start
 * one or ending with one that may not end one; the 版记 on an even page
 * when the template says so. */
#include "layout/layout.h"
#include "text/chars.h"
#include "util/messages.h"
#include "util/utf8.h"
#include <string.h>

/* What a line box may be off by: rounding in the justification. */
#define SLACK 0.1

typedef struct verifier {
    const gw_template *t;
    const char        *file;
    gw_diagnostics    *diags;
    size_t             problems;
} verifier;

static void report(verifier *V, size_t page, const gw_line_box *box, gw_msg id)
{
    char excerpt[64];
    size_t n = strlen(box->text) < 45 ? strlen(box->text) : 45;
    while (n > 0 && ((unsigned char)box->text[n] & 0xC0) == 0x80) n--;   /* whole characters */
    memcpy(excerpt, box->text, n);
    excerpt[n] = '\0';
    gw_report(V->diags, gw_loc_file(V->file), id, page + 1, excerpt);
    V->problems++;
}

static int inside_type_height(const gw_template *t, const gw_line_box *b)
{
    return b->top >= t->type_top - SLACK && b->y <= t->type_top + t->type_height + SLACK;
}

/* A justified line ends on the type area's right edge, or on the 版记's,
 * which is inset from it (抄送 wraps 1 character in from both sides). */
static int justified_end(const gw_template *t, double end)
{
    double right = t->type_left + t->type_width;
    return (end >= right - SLACK && end <= right + SLACK) ||
           (end >= right - t->colophon.inset - SLACK && end <= right - t->colophon.inset + SLACK);
}

static void check_box(verifier *V, size_t page, const gw_page *pg, const gw_line_box *b)
{
    const gw_template *t = V->t;
    double left = t->type_left, right = t->type_left + t->type_width;
    if (b->x < -SLACK || b->x + b->width > pg->width + SLACK || b->top < -SLACK || b->y > pg->height + SLACK)
        report(V, page, b, GW_MSG_VERIFY_OFF_PAGE);
    else if (inside_type_height(t, b) && (b->x < left - SLACK || b->x + b->width > right + SLACK))
        report(V, page, b, GW_MSG_VERIFY_OFF_TYPE_AREA);
    if (b->fills && inside_type_height(t, b) && !justified_end(t, b->x + b->width))
        report(V, page, b, GW_MSG_VERIFY_NOT_JUSTIFIED);
    uint32_t first = 0, last = 0;
    size_t at = 0, len = strlen(b->text);
    while (at < len) {
        uint32_t cp = gw_utf8_next(b->text, len, &at);
        if (!first) first = cp;
        last = cp;
    }
    /* the text's lines; the page numbers' dashes below the type area are not text */
    if (!inside_type_height(t, b)) return;
    if ((first && (gw_char_class(first) & GW_CH_NO_START)) || (last && (gw_char_class(last) & GW_CH_NO_END)))
        report(V, page, b, GW_MSG_VERIFY_PROHIBITED);
}

gw_status gw_layout_verify(const gw_display_list *dl, const gw_template *t, int has_colophon,
                           const char *file, gw_diagnostics *diags)
{
    verifier V = { t, file, diags, 0 };
    for (size_t p = 0; p < dl->page_count; p++) {
        const gw_page *pg = &dl->pages[p];
        for (size_t i = 0; i < pg->item_count; i++)
            if (pg->items[i].kind == GW_ITEM_LINE) check_box(&V, p, pg, &pg->items[i].u.line);
    }
    if (has_colophon && t->colophon.even_page && dl->page_count % 2 == 1) {
        gw_report(diags, gw_loc_file(file), GW_MSG_VERIFY_COLOPHON_PAGE, dl->page_count);
        V.problems++;
    }
    return V.problems ? GW_ERR_INPUT : GW_OK;
}
