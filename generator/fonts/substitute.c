#include "fonts/substitute.h"
#include "util/grow.h"
#include "util/messages.h"
#include <stdlib.h>

static int already_said(const gw_substitutes *said, const gw_role *role)
{
    for (size_t i = 0; i < said->count; i++)
        if (said->roles[i] == role) return 1;
    return 0;
}

int gw_substitutes_report(gw_substitutes *said, const gw_role *role, gw_loc loc, gw_diagnostics *diags)
{
    if (!role || !role->chain_len || role->chain_is_original[0] || !role->original) return 1;
    if (already_said(said, role)) return 1;
    if (!gw_grow(&said->roles, said->count, sizeof *said->roles)) return 0;
    said->roles[said->count++] = role;
    const gw_face *face = role->chain[0];
    gw_report(diags, loc, GW_MSG_FONT_SUBSTITUTE, role->original, role->name, gw_face_family(face),
              gw_face_style_name(face));
    return 1;
}

void gw_substitutes_free(gw_substitutes *said)
{
    free(said->roles);
    said->roles = NULL;
    said->count = 0;
}
