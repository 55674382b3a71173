#include "layout/context.h"
#include "layout/layout.h"
#include "text/title.h"
#include "util/buf.h"
#include "util/messages.h"
#include <hb-ot.h>
#include <stdlib.h>
#include <string.h>

void lay_fail(lay_ctx *L, gw_status st)
{
    if (L->status == GW_OK) L->status = st;
}

int lay_ok(const lay_ctx *L) { return L->status == GW_OK; }

int lay_count_rows(lay_ctx *L, long rows)
{
    L->rows += rows;
    if (L->rows <= (long)GW_MAX_PAGES * L->t->lines_per_page) return 1;
    if (lay_ok(L)) gw_report(L->diags, gw_loc_file(L->doc->path), GW_MSG_TOO_MANY_PAGES, GW_MAX_PAGES);
    lay_fail(L, GW_ERR_INPUT);
    return 0;
}

gw_loc lay_loc(const lay_ctx *L, gw_src src, const char *path, int verbatim)
{
    gw_loc loc = { L->doc->path, src.line, src.column, path, verbatim };
    return loc;
}

static void report_substitute(lay_ctx *L, const gw_role *role, const char *style)
{
    gw_loc loc = { L->t->path, 0, 0, style, 0 };
    if (!gw_substitutes_report(&L->said, role, loc, L->diags)) lay_fail(L, GW_ERR_NOMEM);
}

int lay_text_style(lay_ctx *L, const gw_style *s, gw_text_style *out)
{
    const gw_style *latin = L->t->body.latin;
    out->role = gw_fontset_role(L->fonts, s->role);
    out->latin = latin ? gw_fontset_role(L->fonts, latin->role) : NULL;
    out->size = s->size;
    out->pitch = gw_style_pitch(L->t, s);
    out->color = s->color;
    out->latin_gap = L->t->body.latin_gap;
    report_substitute(L, out->role, s->role);
    report_substitute(L, out->latin, latin ? latin->role : NULL);
    if (out->role && out->role->chain_len) return 1;
    gw_report(L->diags, gw_loc_file(L->t->path), GW_MSG_NO_FONT_FOR_ROLE, s->role);
    lay_fail(L, GW_ERR_FONT);
    return 0;
}

/* Height of the ideographic em box above the baseline, for a face at size. */
static double em_box_top(const gw_face *face, double size)
{
    return gw_face_em_box_top(face, size);
}

double lay_em_top(const gw_text_style *st)
{
    return em_box_top(st->role->chain[0], st->size);
}

gw_status lay_set_title(lay_ctx *L, const char *text, const gw_text_style *st, gw_loc loc, gw_lines *out)
{
    const gw_document *d = L->doc;
    const char **names = calloc(d->issuer_count ? d->issuer_count : 1, sizeof *names);
    if (!names) return GW_ERR_NOMEM;
    size_t n = 0;
    for (size_t i = 0; i < d->issuer_count; i++)
        if (d->issuers[i].name) names[n++] = d->issuers[i].name;
    gw_title_params params = { L->titles, names, n };
    gw_status s = gw_set_title_with(&params, text, strlen(text), st, L->t->type_width, loc, L->diags, out);
    free(names);
    return s;
}

char *lay_fill(const char *format, const char *const *names, const char *const *values, size_t n)
{
    gw_buf b;
    gw_buf_init(&b);
    for (const char *p = format; *p;) {
        size_t k = 0;
        while (k < n && !(*p == '{' && strncmp(p + 1, names[k], strlen(names[k])) == 0 &&
                          p[1 + strlen(names[k])] == '}'))
            k++;
        if (k < n) {
            gw_buf_puts(&b, values[k] ? values[k] : "");
            p += strlen(names[k]) + 2;
        } else {
            gw_buf_append(&b, p++, 1);
        }
    }
    return gw_buf_steal(&b, NULL);
}

int lay_check_width(lay_ctx *L, double width, double room, gw_src src, const char *path)
{
    /* a hundredth of a point: what a justified line may be off by rounding */
    if (width <= room + 0.01) return 1;
    const double mm = 25.4 / 72;
    gw_report(L->diags, lay_loc(L, src, path, 0), GW_MSG_TOO_WIDE, path, (width - room) * mm, room * mm);
    lay_fail(L, GW_ERR_INPUT);
    return 0;
}
