/* Page layout: a document and a template to a display list, after GB/T 9704
 * (the stages are in layout/stages.h). */
#ifndef GW_LAYOUT_H
#define GW_LAYOUT_H
#include "document/document.h"
#include "fonts/fontset.h"
#include "layout/display-list.h"
#include "template/template.h"
#include "text/title-vocab.h"

/* The most pages one document may run to: a bound on time and memory for
 * hostile or mistaken input (a 1 MB paragraph is about 560 pages). */
#define GW_MAX_PAGES 2000

/* What layout takes from the engine: the fonts, and the vocabulary titles
 * are broken with (NULL: between words alone). */
typedef struct gw_layout_env {
    const gw_fontset     *fonts;
    const gw_title_vocab *titles;
} gw_layout_env;

gw_status gw_layout(const gw_document *doc, const gw_template *t, const gw_layout_env *env,
                    gw_diagnostics *diags, gw_display_list **out);

/* Verifies laid-out pages against their template (`gongwen check
 * --layout`, layout/verify.c); has_colophon: the document has a 版记.
 * Each problem is reported against file with its page; GW_ERR_INPUT when
 * there is any. */
gw_status gw_layout_verify(const gw_display_list *dl, const gw_template *t, int has_colophon,
                           const char *file, gw_diagnostics *diags);
#endif
