/* A template's YAML as a small tree of values that keep their file, line
 * and column, and the key-by-key merge of `extends:`.  libyaml's own tree
 * cannot be merged across two files; this one can, and every value keeps
 * the place of the file it came from. */
#include "template/template-internal.h"
#include "util/messages.h"
#include "util/utf8.h"
#include <stdlib.h>
#include <string.h>

void tn_free(tnode *n)
{
    if (!n) return;
    for (size_t i = 0; i < n->count; i++) tn_free(n->kids[i]);
    free(n->kids);
    free(n->text);
    free(n->key);
    free(n);
}

static gw_template_src src_of(const yaml_node_t *n, const char *file)
{
    gw_template_src s = { file, (unsigned)n->start_mark.line + 1, (unsigned)n->start_mark.column + 1 };
    return s;
}

static gw_loc loc_of(gw_template_src s, const char *path)
{
    gw_loc loc = { s.file, s.line, s.column, path, 0 };
    return loc;
}

/* Escapes in quoted scalars can still produce what the raw-byte check of
 * the YAML loader refuses: a NUL, a control or a bidirectional character. */
static int scalar_clean(const yaml_node_t *n, gw_template_src src, const char *path, gw_diagnostics *diags)
{
    const char *s = (const char *)n->data.scalar.value;
    size_t len = n->data.scalar.length, i = 0;
    while (i < len) {
        uint32_t c = gw_utf8_next(s, len, &i);
        if (c == GW_UTF8_INVALID) {
            gw_report(diags, loc_of(src, path), GW_MSG_NOT_UTF8, (unsigned char)s[i - 1]);
            return 0;
        }
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            gw_report(diags, loc_of(src, path), GW_MSG_CONTROL_CHAR, (unsigned)c, gw_control_name(c));
            return 0;
        }
        gw_msg hides = gw_hiding_character_message(c);
        if (hides != GW_MSG_COUNT) {
            gw_report(diags, loc_of(src, path), hides, (unsigned)c);
            return 0;
        }
    }
    return 1;
}

typedef struct builder {
    gw_yaml        *y;
    const char     *file;
    gw_diagnostics *diags;
} builder;

static tnode *build(builder *b, yaml_node_t *n, const char *path);

static int add_kid(tnode *parent, tnode *kid)
{
    tnode **k = realloc(parent->kids, (parent->count + 1) * sizeof *k);
    if (!k) return 0;
    parent->kids = k;
    parent->kids[parent->count++] = kid;
    return 1;
}

static int too_many(builder *b, tnode *node, size_t count, const char *path)
{
    if (count <= TPL_MAX_ENTRIES) return 0;
    gw_report(b->diags, loc_of(node->src, path), GW_MSG_TEMPLATE_TOO_MANY, TPL_MAX_ENTRIES);
    return 1;
}

static int build_list(builder *b, yaml_node_t *n, tnode *out, const char *path)
{
    size_t count = gw_yaml_len(n);
    if (too_many(b, out, count, path)) return 0;
    for (size_t i = 0; i < count; i++) {
        char here[256];
        tnode *kid = build(b, gw_yaml_item(b->y, n, i), tr_index(here, sizeof here, path, i));
        if (!kid) return 0;
        if (!add_kid(out, kid)) {
            tn_free(kid);
            gw_report(b->diags, gw_loc_file(b->file), GW_MSG_NO_MEMORY);
            return 0;
        }
    }
    return 1;
}

/* A key of this mapping before `upto`, or NULL.  Mappings hold at most
 * TPL_MAX_ENTRIES keys, so the quadratic search stays cheap. */
static tnode *earlier_key(const tnode *map, const char *key)
{
    for (size_t i = 0; i < map->count; i++)
        if (strcmp(map->kids[i]->key, key) == 0) return map->kids[i];
    return NULL;
}

static int build_pair(builder *b, tnode *out, yaml_node_pair_t *p, const char *path)
{
    yaml_node_t *k = yaml_document_get_node(&b->y->doc, p->key);
    gw_template_src ks = src_of(k, b->file);
    if (k->type != YAML_SCALAR_NODE || strlen((const char *)k->data.scalar.value) != k->data.scalar.length) {
        gw_report(b->diags, loc_of(ks, path), GW_MSG_TEMPLATE_VALUE_KIND, "key", gw_kind_name(b->diags, GW_KIND_KEY));
        return 0;
    }
    const char *key = (const char *)k->data.scalar.value;
    char here[256];
    tr_path(here, sizeof here, path, key);
    tnode *first = earlier_key(out, key);
    if (first) {
        gw_report(b->diags, loc_of(ks, here), GW_MSG_TEMPLATE_DUPLICATE, key, first->key_src.line);
        return 0;
    }
    tnode *kid = build(b, yaml_document_get_node(&b->y->doc, p->value), here);
    if (!kid) return 0;
    kid->key_src = ks;
    if (!(kid->key = strdup(key)) || !add_kid(out, kid)) {
        tn_free(kid);
        gw_report(b->diags, gw_loc_file(b->file), GW_MSG_NO_MEMORY);
        return 0;
    }
    return 1;
}

static int build_map(builder *b, yaml_node_t *n, tnode *out, const char *path)
{
    size_t count = (size_t)(n->data.mapping.pairs.top - n->data.mapping.pairs.start);
    if (too_many(b, out, count, path)) return 0;
    for (yaml_node_pair_t *p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++)
        if (!build_pair(b, out, p, path)) return 0;
    return 1;
}

static tnode *build(builder *b, yaml_node_t *n, const char *path)
{
    tnode *out = n ? calloc(1, sizeof *out) : NULL;
    if (!out) {
        gw_report(b->diags, gw_loc_file(b->file), GW_MSG_NO_MEMORY);
        return NULL;
    }
    out->src = src_of(n, b->file);
    int ok = 0;
    switch (n->type) {
    case YAML_SCALAR_NODE:
        out->kind = TN_SCALAR;
        ok = scalar_clean(n, out->src, path, b->diags);
        if (ok && !(out->text = strdup((const char *)n->data.scalar.value))) {
            gw_report(b->diags, gw_loc_file(b->file), GW_MSG_NO_MEMORY);
            ok = 0;
        }
        break;
    case YAML_SEQUENCE_NODE:
        out->kind = TN_LIST;
        ok = build_list(b, n, out, path);
        break;
    case YAML_MAPPING_NODE:
        out->kind = TN_MAP;
        ok = build_map(b, n, out, path);
        break;
    case YAML_NO_NODE:
        break;
    }
    if (!ok) {
        tn_free(out);
        return NULL;
    }
    return out;
}

tnode *tn_from_yaml(gw_yaml *y, const char *file, gw_diagnostics *diags)
{
    builder b = { y, file, diags };
    return build(&b, gw_yaml_root(y), "");
}

tnode *tn_get(const tnode *map, const char *key)
{
    if (!map || map->kind != TN_MAP) return NULL;
    for (size_t i = 0; i < map->count; i++)
        if (strcmp(map->kids[i]->key, key) == 0) return map->kids[i];
    return NULL;
}

tnode *tn_take(tnode *map, const char *key)
{
    if (!map || map->kind != TN_MAP) return NULL;
    for (size_t i = 0; i < map->count; i++) {
        if (strcmp(map->kids[i]->key, key) != 0) continue;
        tnode *found = map->kids[i];
        memmove(map->kids + i, map->kids + i + 1, (map->count - i - 1) * sizeof *map->kids);
        map->count--;
        return found;
    }
    return NULL;
}

/* Frees what is left of a merge that ran out of memory. */
static tnode *merge_failed(tnode *base, tnode *over, size_t from)
{
    for (size_t k = from; k < over->count; k++) tn_free(over->kids[k]);
    over->count = 0;
    tn_free(over);
    tn_free(base);
    return NULL;
}

tnode *tn_merge(tnode *base, tnode *over)
{
    if (!base) return over;
    if (!over) return base;
    if (base->kind != TN_MAP || over->kind != TN_MAP) {   /* lists and scalars replace */
        tn_free(base);
        return over;
    }
    for (size_t i = 0; i < over->count; i++) {
        tnode *kid = over->kids[i];
        over->kids[i] = NULL;
        size_t j = 0;
        while (j < base->count && strcmp(base->kids[j]->key, kid->key) != 0) j++;
        if (j < base->count) {
            base->kids[j] = tn_merge(base->kids[j], kid);
            if (!base->kids[j]) {
                memmove(base->kids + j, base->kids + j + 1, (base->count - j - 1) * sizeof *base->kids);
                base->count--;
                return merge_failed(base, over, i + 1);
            }
        } else if (!add_kid(base, kid)) {
            tn_free(kid);
            return merge_failed(base, over, i + 1);
        }
    }
    over->count = 0;
    tn_free(over);
    return base;
}
