/* The Chinese text engine: text in, lines of positioned glyph runs out.
 * It knows nothing of pages or PDF, so it is tested on its own.
 *
 * A paragraph's text is itemised into segments by style (spans: body,
 * heading, emphasis), script (Han and CJK punctuation in the style's role,
 * ASCII in the Latin role, half-width) and font (each role's fallback chain),
 * shaped with HarfBuzz (zh-Hans), cut into atoms that are never split (a Han
 * character or mark on one grid cell, a Latin word, ——, ……), and broken into
 * lines on the grid after GB/T 15834 and clreq: prohibited line starts and
 * ends, push-in (compressing punctuation) before push-out, adjacent
 * punctuation set in 1.5 em, and the leftover spread evenly so that every
 * line but a paragraph's last fills the measure exactly. */
#ifndef GW_TEXT_LINES_H
#define GW_TEXT_LINES_H
#include "fonts/fontset.h"
#include "text/glyph-run.h"
#include "util/diag.h"

typedef struct gw_text_style {
    const gw_role *role;       /* Han and CJK punctuation */
    const gw_role *latin;      /* ASCII letters, digits, marks; NULL: the role's fonts */
    double         size;       /* points */
    double         pitch;      /* width of one grid cell (a CJK character), points */
    gw_color       color;
    double         latin_gap;  /* space between Han and Latin text (none at line ends) */
} gw_text_style;

/* A style over text[start, end). */
typedef struct gw_span {
    size_t               start, end;
    const gw_text_style *style;
} gw_span;

typedef struct gw_measure {
    double width;              /* the line length: the type area's width */
    double first_indent;       /* the first line starts this far in */
    int    justify;            /* fill every line but the last to width */
} gw_measure;

typedef struct gw_line {
    gw_glyph_run *runs;        /* x relative to the measure's left edge, y = 0 */
    size_t        run_count;
    double        start;       /* where the line starts: the indent, or 0 */
    double        width;       /* from the line's start to its end, points */
    size_t        text_start, text_end;   /* the line's bytes in the paragraph */
    int           fills;       /* set to the full measure (justified) */
} gw_line;

typedef struct gw_lines {
    gw_line *lines;
    size_t   count;
} gw_lines;

/* The longest text set at once, in bytes (E0017): a paragraph's cost in
 * memory is about 150 bytes a character while it is set. */
#define GW_MAX_TEXT_BYTES (1024 * 1024)

/* Sets text (UTF-8) into lines.  Spans give the style of each byte range;
 * bytes outside every span take the first span's style.  A character no
 * font of its chain has is an error E0810 at loc (the character is left out
 * and setting goes on, so all are reported at once); a character served by
 * a fallback font is a warning W0810.  Returns GW_OK, GW_ERR_INPUT (a
 * character no font has, invalid UTF-8) or GW_ERR_NOMEM. */
gw_status gw_set_text(const char *text, size_t len, const gw_span *spans, size_t span_count,
                      const gw_measure *measure, gw_loc loc, gw_diagnostics *diags, gw_lines *out);

/* One style over the whole text, without justification: for single lines
 * (header items, signature) and flush-left text. */
gw_status gw_set_plain(const char *text, size_t len, const gw_text_style *style, double width,
                       double first_indent, gw_loc loc, gw_diagnostics *diags, gw_lines *out);

void gw_lines_free(gw_lines *lines);
#endif
