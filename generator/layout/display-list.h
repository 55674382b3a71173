/* The display list: pages of absolutely positioned items, in points, origin
 * at the page's top-left corner, y growing downwards.  Layout writes it and
 * knows nothing of PDF; a backend replays it and knows nothing of GB/T 9704. */
#ifndef GW_LAYOUT_DISPLAY_LIST_H
#define GW_LAYOUT_DISPLAY_LIST_H
#include <stddef.h>
#include <stdint.h>
#include "fonts/face.h"
#include "template/template.h"
#include "util/buf.h"

typedef struct gw_glyph {
    uint32_t gid;
    double   x;              /* pen position relative to the run's origin, points */
    uint32_t text_start;     /* the cluster's text in the run's text; */
    uint32_t text_len;       /* 0 for later glyphs of a cluster */
} gw_glyph;

/* Glyphs of one face at one size on one baseline. */
typedef struct gw_glyph_run {
    gw_face  *face;          /* referenced */
    double    size;          /* points */
    double    hscale;        /* horizontal scale, 1 = none (a shrunk issuer mark) */
    gw_color  color;
    double    x, y;          /* origin: left end of the baseline */
    gw_glyph *glyphs;
    size_t    glyph_count;
    char     *text;          /* UTF-8 the glyphs came from, for text extraction */
} gw_glyph_run;

typedef struct gw_rule_item {
    double   x1, y1, x2, y2; /* centre line */
    double   thickness;
    gw_color color;
} gw_rule_item;

/* Where a line of text sits: not drawn, but kept for checks and dumps
 * (does every full line span the measure? which text starts a line?). */
typedef struct gw_line_box {
    double x, y;             /* the line's start on its baseline */
    double top;              /* the top of its em box (a CJK character's frame) */
    double width;            /* to the line's end, points */
    int    fills;            /* justified to the full measure */
    char  *text;             /* UTF-8 */
} gw_line_box;

typedef enum gw_item_kind { GW_ITEM_GLYPHS, GW_ITEM_RULE, GW_ITEM_LINE } gw_item_kind;

typedef struct gw_item {
    gw_item_kind kind;
    union {
        gw_glyph_run glyphs;
        gw_rule_item rule;
        gw_line_box  line;
    } u;
} gw_item;

typedef struct gw_page {
    double   width, height;
    gw_item *items;
    size_t   item_count, item_cap;
} gw_page;

typedef struct gw_display_list {
    gw_page *pages;
    size_t   page_count, page_cap;
} gw_display_list;

gw_display_list *gw_display_list_create(void);
void             gw_display_list_destroy(gw_display_list *dl);

gw_page *gw_display_list_add_page(gw_display_list *dl, double width, double height);
/* Appends a glyph run; the page takes the run's arrays and a face reference.
 * Returns 0 when out of memory (the run's arrays are freed then). */
int gw_page_add_glyphs(gw_page *page, gw_glyph_run *run);
int gw_page_add_rule(gw_page *page, const gw_rule_item *rule);
/* Appends a line box; the page copies text[0, len). */
int gw_page_add_line(gw_page *page, const gw_line_box *box, const char *text, size_t len);

/* Moves the items from index `first` of page `from` to the end of page
 * `to`, shifted down by dy points (up when negative). */
int gw_page_move_items(gw_page *from, size_t first, gw_page *to, double dy);

/* The display list as JSON: pages, glyph runs (font, size, origin, glyph
 * ids and positions, text), rules and line boxes; points, origin top-left. */
void gw_display_list_json(const gw_display_list *dl, gw_buf *out);
#endif
