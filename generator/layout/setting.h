/* Setting text into blocks: the helpers every element uses, over the text
 * engine (text/lines.h). */
#ifndef GW_LAYOUT_SETTING_H
#define GW_LAYOUT_SETTING_H
#include "layout/block.h"
#include "layout/context.h"

/* A set single line: its glyphs, its natural width, the style it is in. */
typedef struct lay_line {
    gw_lines      lines;        /* one line, or none for empty text */
    gw_text_style style;
    double        width;
    const char   *text;
} lay_line;

/* Sets text in one style on one line at its natural width.  0 on failure
 * (reported; the context has failed). */
int  lay_line_set(lay_ctx *L, lay_line *out, const char *text, const gw_style *style, gw_loc loc);
void lay_line_free(lay_line *line);

/* Puts a set line on a block's row with its start at x on the page,
 * scaled horizontally by hscale (1: none). */
void lay_line_place(lay_ctx *L, lay_block *b, long row, lay_line *line, double x, double hscale);

/* The x where something `width` wide starts when aligned in the type area,
 * `inset` in from the side it is aligned to. */
double lay_aligned_x(const lay_ctx *L, double width, gw_align align, double inset);

/* Sets text wrapped to a measure of `width` starting at `left` on the page
 * (first line indented by first_indent, full lines justified when
 * justify), its rows from `row` on; spans give the styles (NULL: the whole
 * text in style).  Returns the number of rows, or -1 on failure. */
long lay_text_rows(lay_ctx *L, lay_block *b, long row, const char *text, const gw_span *spans, size_t span_count,
                   const gw_text_style *style, double left, double width, double first_indent, int justify,
                   gw_loc loc);

/* A label and, after it, text whose wrapped lines align after the label
 * (抄送：…, 出席：…, 附件：1.…): the label at x, the text from x + the
 * label's width to the type area's right edge less right_inset.  Returns
 * the rows, or -1. */
long lay_hanging(lay_ctx *L, lay_block *b, long row, const char *label, const gw_style *label_style,
                 const char *text, const gw_style *text_style, double x, double right_inset, int justify,
                 gw_loc loc);

/* Sets each text of a list alone, so that a character no font has is
 * reported at its own entry's place (path[i]) before the list is joined
 * into one text (抄送, 主送机关, 出席).  0 on failure (reported). */
int lay_check_entries(lay_ctx *L, const gw_text_list *list, const gw_style *style, const char *path);
#endif
