/* Page layout: a document and a template to a display list, after GB/T 9704
 * (the stages are in layout/stages.h). */
#ifndef GW_LAYOUT_H
#define GW_LAYOUT_H
#include "document/document.h"
#include "fonts/fontset.h"
#include "layout/display-list.h"
#include "template/template.h"

/* The most pages one document may run to: a bound on time and memory for
 * hostile or mistaken input (a 1 MB paragraph is about 560 pages). */
#define GW_MAX_PAGES 2000

gw_status gw_layout(const gw_document *doc, const gw_template *t, const gw_fontset *fonts,
                    gw_diagnostics *diags, gw_display_list **out);
#endif
