/* Breaking a title into lines (GB/T 9704-2012 7.3.1): between words, never
 * inside a place or organisation name or a fixed term, at phrase boundaries
 * where it can (after 会议, before 关于, before 第…号, between two issuers),
 * never one character alone on a line, balanced into a trapezoid (each line
 * at least as long as the one above) or a diamond (the middle lines longest).
 *
 * Every way of cutting the title into lines is scored: the cost of each
 * break (title-costs.h: word boundaries, phrase rules, names), the balance
 * of the lines, the shape, and each line beyond the fewest; the cheapest
 * wins.  What breaks cost comes from a vocabulary file
 * (templates/title-breaks.yaml, title-vocab.h; docs/titles.md). */
#ifndef GW_TEXT_TITLE_H
#define GW_TEXT_TITLE_H
#include "text/lines.h"
#include "text/title-vocab.h"

typedef struct gw_title_params {
    const gw_title_vocab *vocab;       /* NULL: every word boundary costs the same, no name is known */
    const char *const    *names;       /* more names never broken: the document's issuers ... */
    size_t                name_count;
} gw_title_params;

/* Sets the title in lines of at most `width`, the breaks chosen as above.
 * params may be NULL (no vocabulary).  A title no scored choice can set
 * (longer than the vocabulary's max_lines, or with no allowed break) is
 * broken by the grid.  Diagnostics as gw_set_plain's; W0850 when a pattern
 * of the vocabulary takes too long. */
gw_status gw_set_title_with(const gw_title_params *params, const char *text, size_t len,
                            const gw_text_style *style, double width, gw_loc loc,
                            gw_diagnostics *diags, gw_lines *out);

/* gw_set_title_with without a vocabulary. */
gw_status gw_set_title(const char *text, size_t len, const gw_text_style *style, double width,
                       gw_loc loc, gw_diagnostics *diags, gw_lines *out);
#endif
