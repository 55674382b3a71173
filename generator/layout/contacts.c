/* 联系信息: each contact line a paragraph of key：value pairs, indented as
 * the body, after it and before the signature. */
#include "layout/stages.h"
#include "layout/setting.h"
#include "util/buf.h"
#include <stdio.h>
#include <stdlib.h>

static char *contact_text(const gw_contact_line *line, const gw_contacts_spec *c)
{
    gw_buf b;
    gw_buf_init(&b);
    for (size_t i = 0; i < line->count; i++) {
        const char *names[] = { "key", "value" };
        const char *values[] = { line->pairs[i].key, line->pairs[i].value };
        char *pair = lay_fill(c->pair_format, names, values, 2);
        if (!pair) { gw_buf_free(&b); return NULL; }
        gw_buf_printf(&b, "%s%s", i ? c->pair_separator : "", pair);
        free(pair);
    }
    return gw_buf_steal(&b, NULL);
}

void lay_contacts(lay_ctx *L, lay_blocks *out)
{
    const gw_document *d = L->doc;
    const gw_template *t = L->t;
    gw_text_style st;
    if (!d->contact_count || !lay_text_style(L, t->body.text, &st)) return;
    for (size_t i = 0; i < d->contact_count && lay_ok(L); i++) {
        char path[32];
        snprintf(path, sizeof path, "contacts[%zu]", i);
        char *text = contact_text(&d->contacts[i], &t->contacts);
        lay_block *b = text ? lay_blocks_add(out) : NULL;
        if (!b) { free(text); lay_fail(L, GW_ERR_NOMEM); return; }
        b->split = 1;
        b->gap_before = i == 0 ? t->contacts.gap_lines : 0;
        lay_text_rows(L, b, 0, text, NULL, 0, &st, t->type_left, t->type_width, t->contacts.indent, 1,
                      lay_loc(L, d->contacts[i].src, path, 0));
        free(text);
    }
}
