/* Paragraph text to lines of positioned glyph runs.
 *
 * Walking-skeleton breaker: characters go to their font (Han and CJK
 * punctuation in the style's role, ASCII in the Latin role, each through
 * the role's fallback chain), are shaped with HarfBuzz and set on the grid
 * (one character pitch per CJK character, natural width for Latin runs,
 * which never break), and lines are filled greedily.  Prohibition rules and
 * justification come with the real line breaker. */
#ifndef GW_TEXT_LINES_H
#define GW_TEXT_LINES_H
#include "fonts/fontset.h"
#include "layout/display-list.h"
#include "util/diag.h"

typedef struct gw_text_style {
    const gw_role *role;       /* Han and CJK punctuation */
    const gw_role *latin;      /* ASCII letters, digits, punctuation */
    double         size;       /* points */
    double         pitch;      /* CJK character pitch, points */
    gw_color       color;
} gw_text_style;

typedef struct gw_line {
    gw_glyph_run *runs;        /* x relative to the line's start, y = 0 */
    size_t        run_count;
    double        width;       /* from the first glyph's pen position to the last's end */
} gw_line;

typedef struct gw_lines {
    gw_line *lines;
    size_t   count;
} gw_lines;

/* Breaks text into lines no wider than first_width (first line) and width
 * (the others).  A character no font of the chain has is an error E0810 at
 * loc; the character is left out and breaking goes on, so all such
 * characters are reported at once.  Returns GW_OK, GW_ERR_FONT or GW_ERR_NOMEM. */
gw_status gw_break_text(const char *text, size_t len, const gw_text_style *style,
                        double first_width, double width, gw_loc loc,
                        gw_diagnostics *diags, gw_lines *out);
void gw_lines_free(gw_lines *lines);
#endif
