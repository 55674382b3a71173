/* Stub in the template branch only: the layout is being rewritten against
 * the new template.h in the layout branch, which replaces this file. */
#include "layout/layout.h"

gw_status gw_layout(const gw_document *doc, const gw_template *t, const gw_fontset *fonts,
                    gw_diagnostics *diags, gw_display_list **out)
{
    (void)doc; (void)t; (void)fonts; (void)diags;
    *out = NULL;
    return GW_ERR_INTERNAL;     /* replaced by the layout branch */
}
