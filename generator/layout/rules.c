/* Rules (the red separator, a letter's double lines, the 版记's lines),
 * drawn from their template specs. */
#include "layout/stages.h"

double lay_rule_height(const gw_rule_spec *r)
{
    return r->thickness + (r->second > 0 ? r->gap + r->second : 0);
}

static int add_line(lay_block *b, long row, const lay_ctx *L, const gw_rule_spec *r, double y, double thickness)
{
    double cx = L->t->type_left + L->t->type_width / 2, half = r->width / 2;
    gw_item it = { .kind = GW_ITEM_RULE };
    it.u.rule = (gw_rule_item){ cx - half, y, cx + half, y, thickness, r->color };
    return lay_block_add_item(b, row, &it);
}

int lay_draw_rule(lay_ctx *L, lay_block *b, long row, const gw_rule_spec *r, double top)
{
    if (!add_line(b, row, L, r, top + r->thickness / 2, r->thickness)) return 0;
    if (r->second <= 0) return 1;
    return add_line(b, row, L, r, top + r->thickness + r->gap + r->second / 2, r->second);
}
