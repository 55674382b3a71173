/* Saying a substitution: a role set in another font than the original its
 * template asks for is reported (W0811) once per set of roles, which for
 * layout is once per document. */
#ifndef GW_FONTS_SUBSTITUTE_H
#define GW_FONTS_SUBSTITUTE_H
#include "fonts/fontset.h"

typedef struct gw_substitutes {
    const gw_role **roles;      /* reported so far */
    size_t          count;
} gw_substitutes;

/* Reports role at loc unless it is set in its original, has no original,
 * or was reported to this set before.  Returns 0 when out of memory. */
int  gw_substitutes_report(gw_substitutes *said, const gw_role *role, gw_loc loc, gw_diagnostics *diags);
void gw_substitutes_free(gw_substitutes *said);
#endif
