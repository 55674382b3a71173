/* Breaking a title into lines: between words (ICU's dictionary-based word
 * boundaries for Chinese), never leaving one character alone on a line,
 * balanced into a centred trapezoid (a shorter line over a longer one) or,
 * from three lines on, a diamond (the middle lines longest). */
#ifndef GW_TEXT_TITLE_H
#define GW_TEXT_TITLE_H
#include "text/lines.h"

/* Sets the title in as few lines of at most `width` as its words allow. */
gw_status gw_set_title(const char *text, size_t len, const gw_text_style *style, double width,
                       gw_loc loc, gw_diagnostics *diags, gw_lines *out);

/* The byte offsets where a title may break (word boundaries that line
 * breaking also allows), 0 and len excluded; returns their count. */
size_t gw_title_breaks(const char *text, size_t len, size_t *breaks, size_t max);
#endif
