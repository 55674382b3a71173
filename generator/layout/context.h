/* What the layout stages share: the document, its template and fonts, the
 * diagnostics, and the first failure.  Internal to generator/layout/. */
#ifndef GW_LAYOUT_CONTEXT_H
#define GW_LAYOUT_CONTEXT_H
#include "document/document.h"
#include "fonts/fontset.h"
#include "fonts/substitute.h"
#include "layout/display-list.h"
#include "template/template.h"
#include "text/lines.h"
#include "text/title-vocab.h"

typedef struct lay_ctx {
    const gw_document *doc;
    const gw_template *t;
    const gw_fontset  *fonts;
    const gw_title_vocab *titles;  /* how titles break; NULL: between words alone */
    gw_diagnostics    *diags;
    gw_display_list   *dl;         /* being built: pages, and the images seals join */
    gw_status          status;     /* the first failure; later stages do not run */
    gw_substitutes     said;       /* roles whose substitution was reported */
    long               rows;       /* grid lines the blocks set so far take */
} lay_ctx;

/* Counts a block's lines against the page limit as blocks are set, so a
 * document far past GW_MAX_PAGES stops before all of it is set (time and
 * memory stay bounded by the limit, not by the input).  0 past it (E0135). */
int lay_count_rows(lay_ctx *L, long rows);

/* Records a failure (the first one wins). */
void lay_fail(lay_ctx *L, gw_status st);
int  lay_ok(const lay_ctx *L);

/* The text engine's style for a template style: its role, size, pitch and
 * colour, with the Latin role for digits and letters.  Reports a role set
 * in a substitute (once) and a role with no font (an error: returns 0). */
int lay_text_style(lay_ctx *L, const gw_style *s, gw_text_style *out);

/* The height of a style's ideographic em box above the baseline: where the
 * baseline sits below the top of a line of that style. */
double lay_em_top(const gw_text_style *st);

/* Where a diagnostic about a document field goes. */
gw_loc lay_loc(const lay_ctx *L, gw_src src, const char *path, int verbatim);

/* Breaks a title (or an attachment's name) into lines of at most the type
 * area's width with the engine's vocabulary, the document's issuers kept
 * whole.  GW_OK or the text engine's failure. */
gw_status lay_set_title(lay_ctx *L, const char *text, const gw_text_style *st, gw_loc loc, gw_lines *out);

/* A template text with each {name} replaced by its value. */
char *lay_fill(const char *format, const char *const *names, const char *const *values, size_t n);

/* Reports a one-line item wider than the room it has (E0830: field path,
 * overflow in mm).  Returns 0 then. */
int lay_check_width(lay_ctx *L, double width, double room, gw_src src, const char *path);
#endif
