/* The display list: pages of absolutely positioned items, in points, origin
 * at the page's top-left corner, y growing downwards.  Layout writes it and
 * knows nothing of PDF; a backend replays it and knows nothing of GB/T 9704. */
#ifndef GW_LAYOUT_DISPLAY_LIST_H
#define GW_LAYOUT_DISPLAY_LIST_H
#include <stddef.h>
#include <stdint.h>
#include "text/glyph-run.h"
#include "util/color.h"
#include "util/buf.h"

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

/* An image drawn on a page (a seal): an index into the list's images, and
 * the box it fills, top-left corner and size in points. */
typedef struct gw_image_item {
    size_t image;
    double x, y, width, height;
} gw_image_item;

typedef enum gw_item_kind { GW_ITEM_GLYPHS, GW_ITEM_RULE, GW_ITEM_LINE, GW_ITEM_IMAGE } gw_item_kind;

typedef struct gw_item {
    gw_item_kind kind;
    union {
        gw_glyph_run  glyphs;
        gw_rule_item  rule;
        gw_line_box   line;
        gw_image_item image;
    } u;
} gw_item;

typedef struct gw_page {
    double   width, height;
    long     number;         /* the page's number in the document's count (1, 2, ...),
                              * printed or not: PDF page labels follow it */
    int      number_printed; /* the page shows its number (not page 1 of a letter, nor a
                              * blank page before the 版记 or that 版记 page) */
    gw_item *items;
    size_t   item_count, item_cap;
} gw_page;

/* An image file used by the document, once however often it is drawn: a
 * PNG whose alpha channel becomes a soft mask. */
typedef struct gw_image {
    char    *path;
    unsigned pixel_width, pixel_height;
} gw_image;

/* The most pixels a backend decodes for an image: the seal limit the
 * document validator applies (GW_SEAL_MAX_PIXELS, E0137), checked again
 * where the pixels are decoded, since the file may have changed since. */
#define GW_IMAGE_MAX_PIXELS 25000000

/* A bookmark: a heading's text, its level (1 = top) and where it is. */
typedef struct gw_outline_entry {
    char  *title;
    int    level;
    size_t page;             /* index into pages */
    double y;                /* the heading's top, points from the page top */
} gw_outline_entry;

typedef struct gw_display_list {
    gw_page          *pages;
    size_t            page_count, page_cap;
    gw_image         *images;
    size_t            image_count, image_cap;
    gw_outline_entry *outline;
    size_t            outline_count, outline_cap;
} gw_display_list;

/* A backend, as MuPDF's fz_device: callbacks gw_display_list_run replays
 * the list into, page by page and item by item in order.  Every item kind
 * has its callback (a device that does not draw one, as the PDF writer
 * with line boxes, says so in its own function).  A callback returning
 * anything but GW_OK stops the replay with that status. */
typedef struct gw_device gw_device;
struct gw_device {
    gw_status (*begin_document)(gw_device *dev, const gw_display_list *dl);
    gw_status (*begin_page)(gw_device *dev, const gw_page *page, size_t index);
    gw_status (*glyphs)(gw_device *dev, const gw_glyph_run *run);
    gw_status (*rule)(gw_device *dev, const gw_rule_item *rule);
    gw_status (*line)(gw_device *dev, const gw_line_box *box);
    gw_status (*image)(gw_device *dev, const gw_image_item *image, const gw_image *source);
    gw_status (*end_page)(gw_device *dev, const gw_page *page, size_t index);
    gw_status (*outline)(gw_device *dev, const gw_outline_entry *entry);
    gw_status (*end_document)(gw_device *dev);
};

/* Replays the whole list into dev: begin_document, each page (begin_page,
 * its items, end_page), each outline entry, end_document. */
gw_status gw_display_list_run(const gw_display_list *dl, gw_device *dev);

gw_display_list *gw_display_list_create(void);
void             gw_display_list_destroy(gw_display_list *dl);

/* Appends an empty page, numbered by its place in the list (number = 1,
 * 2, ...) and showing its number, until the layout says otherwise. */
gw_page *gw_display_list_add_page(gw_display_list *dl, double width, double height);
/* Appends a glyph run; the page takes the run's arrays and a face reference.
 * Returns 0 when out of memory (the run's arrays are freed then). */
int gw_page_add_glyphs(gw_page *page, gw_glyph_run *run);
int gw_page_add_rule(gw_page *page, const gw_rule_item *rule);
/* Appends a line box; the page copies text[0, len). */
int gw_page_add_line(gw_page *page, const gw_line_box *box, const char *text, size_t len);
int gw_page_add_image(gw_page *page, const gw_image_item *image);

/* Frees what an item owns (a glyph run's arrays, text and face reference,
 * a line box's text); the item itself is the caller's. */
void gw_item_free(gw_item *item);

/* The index of the image file at path in the list, adding it (with its
 * pixel size) the first time; (size_t)-1 when out of memory. */
size_t gw_display_list_image(gw_display_list *dl, const char *path, unsigned pixel_width,
                             unsigned pixel_height);
/* Appends a bookmark (the list copies title); 0 when out of memory. */
int gw_display_list_add_outline(gw_display_list *dl, const char *title, int level, size_t page,
                                double y);

/* Moves the items from index `first` of page `from` to the end of page
 * `to`, shifted down by dy points (up when negative). */
int gw_page_move_items(gw_page *from, size_t first, gw_page *to, double dy);

/* The display list as JSON (the JSON device, json-device.c): images, pages
 * with their numbers, glyph runs (font, size, origin, glyph ids and
 * positions, text), rules, line boxes, images and the outline; points,
 * origin top-left.  docs/layout-json.md describes the format.  Anything but
 * GW_OK (out of memory, a broken list) leaves out incomplete. */
gw_status gw_display_list_json(const gw_display_list *dl, gw_buf *out);
#endif
