/* Reading a mapping of the template against a field table: every key
 * known (or a did-you-mean), every field that applies present (or
 * optional), every value parsed into its place in the struct.  Style and
 * rule names are resolved to pointers here, so the styles and rules must
 * be read before any part that names them. */
#include "template/template-internal.h"
#include "document/schema.h"
#include "util/messages.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

_Static_assert(sizeof(gw_align) == sizeof(int) && sizeof(gw_header_kind) == sizeof(int) &&
               sizeof(gw_header_place) == sizeof(int) && sizeof(gw_joint_mark) == sizeof(int) &&
               sizeof(gw_template_kind) == sizeof(int), "enumerations are stored as int");

const char *tr_path(char *buf, size_t size, const char *parent, const char *key)
{
    snprintf(buf, size, "%s%s%s", parent, *parent ? "." : "", key);
    return buf;
}

const char *tr_index(char *buf, size_t size, const char *parent, size_t i)
{
    snprintf(buf, size, "%s[%zu]", parent, i);
    return buf;
}

void tr_no_memory(tctx *c, const tnode *node)
{
    gw_report(c->diags, tr_loc(node, ""), GW_MSG_NO_MEMORY);
    c->ok = 0;
}

int tr_expect(tctx *c, const tnode *node, const char *path, tn_kind kind)
{
    if (node && node->kind == kind) return 1;
    gw_kind what = kind == TN_MAP ? GW_KIND_MAPPING : kind == TN_LIST ? GW_KIND_LIST : GW_KIND_TEXT;
    gw_report(c->diags, tr_loc(node, path), GW_MSG_TEMPLATE_VALUE_KIND, path, gw_kind_name(c->diags, what));
    c->ok = 0;
    return 0;
}

static const tfield *find_field(const tfield *fields, size_t count, const char *key)
{
    for (size_t i = 0; i < count; i++)
        if (strcmp(fields[i].key, key) == 0) return &fields[i];
    return NULL;
}

static void unknown_key(tctx *c, const tnode *kid, const char *path, const tfield *fields, size_t count,
                        unsigned kind_bit)
{
    const char *keys[64];
    size_t n = 0;
    for (size_t i = 0; i < count && n < 64; i++)
        if (!fields[i].applies || (fields[i].applies & kind_bit)) keys[n++] = fields[i].key;
    const char *better = gw_suggest(kid->key, keys, n);
    const char *where = *path ? path : kid->key_src.file;
    char here[256];
    gw_loc loc = { kid->key_src.file, kid->key_src.line, kid->key_src.column, tr_path(here, sizeof here, path, kid->key), 0 };
    if (better) gw_report(c->diags, loc, GW_MSG_TEMPLATE_UNKNOWN_KEY_SUGGEST, kid->key, where, better);
    else gw_report(c->diags, loc, GW_MSG_TEMPLATE_UNKNOWN_KEY, kid->key, where);
    c->ok = 0;
}

/* Every key of the mapping belongs to the table and to this kind. */
static void check_keys(tctx *c, const tnode *node, const char *path, const tfield *fields, size_t count,
                       unsigned kind_bit, const char *kind_name)
{
    for (size_t i = 0; i < node->count; i++) {
        const tnode *kid = node->kids[i];
        const tfield *f = find_field(fields, count, kid->key);
        if (!f) {
            unknown_key(c, kid, path, fields, count, kind_bit);
        } else if (f->applies && !(f->applies & kind_bit)) {
            char here[256];
            gw_loc loc = { kid->key_src.file, kid->key_src.line, kid->key_src.column,
                           tr_path(here, sizeof here, path, kid->key), 0 };
            gw_report(c->diags, loc, GW_MSG_TEMPLATE_KEY_NOT_HERE, kid->key, kind_name);
            c->ok = 0;
        }
    }
}

void tr_fields(tctx *c, const tnode *node, const char *path, const tfield *fields, size_t count,
               void *base, unsigned kind_bit, const char *kind_name)
{
    if (!tr_expect(c, node, path, TN_MAP)) return;
    check_keys(c, node, path, fields, count, kind_bit, kind_name);
    for (size_t i = 0; i < count; i++) {
        const tfield *f = &fields[i];
        if (f->applies && !(f->applies & kind_bit)) continue;
        const tnode *value = tn_get(node, f->key);
        char here[256];
        tr_path(here, sizeof here, path, f->key);
        if (value) {
            tr_value(c, value, here, f, base);
        } else if (f->flags & TF_OPTIONAL) {
            if (f->kind == F_COLOR) ((gw_color *)((char *)base + f->offset))->k = 1;     /* black */
        } else {
            gw_report(c->diags, tr_loc(node, here), GW_MSG_TEMPLATE_LACKS, here);
            c->ok = 0;
        }
    }
}

/* The named style or rule, with a did-you-mean among the defined names. */
static const void *resolve(tctx *c, const tnode *node, const char *path, int rule, unsigned flags)
{
    const char *name;
    if (!tv_name(c, node, path, &name)) return NULL;
    if ((flags & TF_NONE) && strcmp(name, "none") == 0) return NULL;
    if (rule ? c->rules_failed : c->styles_failed) return NULL;     /* reported already */
    const void *found = rule ? (const void *)gw_template_rule(c->t, name) : (const void *)gw_template_style(c->t, name);
    if (found) return found;
    size_t n = rule ? c->t->rule_count : c->t->style_count;
    const char **names = malloc((n ? n : 1) * sizeof *names);
    for (size_t i = 0; names && i < n; i++) names[i] = rule ? c->t->rules[i].name : c->t->styles[i].name;
    size_t usable = 0;
    for (size_t i = 0; names && i < n; i++)
        if (names[i]) names[usable++] = names[i];
    const char *better = names ? gw_suggest(name, names, usable) : NULL;
    gw_msg id = rule ? (better ? GW_MSG_TEMPLATE_NO_RULE_SUGGEST : GW_MSG_TEMPLATE_NO_RULE)
                     : (better ? GW_MSG_TEMPLATE_NO_STYLE_SUGGEST : GW_MSG_TEMPLATE_NO_STYLE);
    gw_report(c->diags, tr_loc(node, path), id, path, name, better);
    free(names);
    c->ok = 0;
    return NULL;
}

static void read_name(tctx *c, const tnode *node, const char *path, char **out)
{
    const char *name;
    if (!tv_name(c, node, path, &name)) return;
    if (!(*out = strdup(name))) tr_no_memory(c, node);
}

void tr_value(tctx *c, const tnode *node, const char *path, const tfield *f, void *base)
{
    void *at = (char *)base + f->offset;
    switch (f->kind) {
    case F_LENGTH: tv_length(c, node, path, f->min, f->max, at); return;
    case F_COUNT:  tv_count(c, node, path, (long)f->min, (long)f->max, at); return;
    case F_RATIO:  tv_ratio(c, node, path, f->min, f->max, at); return;
    case F_BOOL:   tv_bool(c, node, path, at); return;
    case F_TEXT:   tv_format(c, node, path, NULL, at); return;
    case F_FORMAT: tv_format(c, node, path, f->words, at); return;
    case F_NAME:   read_name(c, node, path, at); return;
    case F_ENUM:   tv_enum(c, node, path, f->words, at); return;
    case F_COLOR:  tv_color(c, node, path, at); return;
    case F_STYLE:  *(const gw_style **)at = resolve(c, node, path, 0, f->flags); return;
    case F_RULE:   *(const gw_rule_spec **)at = resolve(c, node, path, 1, f->flags); return;
    }
}
