#include "text/title-vocab.h"
#include "document/schema.h"
#include "util/grow.h"
#include "util/messages.h"
#include "yaml/ynode.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/utext.h>

/* Bounds that keep any file's numbers meaningful and the search finite. */
#define MAX_COST 1e6
#define MAX_STEM_BOUND 16

/* How many files deep `extends:` may go (a cycle stops here too). */
#define MAX_EXTENDS 8

typedef struct reader {
    gw_yaml        *y;
    gw_diagnostics *diags;
    gw_title_vocab *v;
    const char     *file;         /* this file's path, owned by v->files */
    int             extending;    /* a base was loaded: every value is optional */
    int             ok;
} reader;

static const char *const top_keys[] = { "extends", "costs", "max_lines", "stem_chars", "places", "organisations",
                                        "prefixes", "names", "terms", "phrases" };
static const char *const cost_keys[] = { "word", "inside_word", "issuers", "name_parts", "balance",
                                         "shape", "extra_line" };
static const char *const phrase_keys[] = { "text", "pattern", "keep", "inside", "before", "after" };
#define COUNT(a) (sizeof a / sizeof *a)

static void fail(reader *r, yaml_node_t *node, const char *path, gw_msg msg, ...);

/* Every key of a mapping is one of `known`; the others are reported. */
static void check_keys(reader *r, yaml_node_t *map, const char *where, const char *const *known, size_t n)
{
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        yaml_node_t *kn = yaml_document_get_node(&r->y->doc, p->key);
        const char *key = gw_yaml_str(kn);
        size_t i = 0;
        while (key && i < n && strcmp(key, known[i]) != 0) i++;
        if (key && i < n) continue;
        const char *near = key ? gw_suggest(key, known, n) : NULL;
        if (near) fail(r, kn, where, GW_MSG_TB_UNKNOWN_KEY_SUGGEST, key, where, near);
        else fail(r, kn, where, GW_MSG_TB_UNKNOWN_KEY, key ? key : "?", where);
    }
}

static void fail(reader *r, yaml_node_t *node, const char *path, gw_msg msg, ...)
{
    va_list ap;
    va_start(ap, msg);
    const gw_message *m = gw_message_get(msg);
    gw_diag_vadd(r->diags, m->severity, m->code, gw_yaml_loc(r->y, node, path),
                 gw_diagnostics_language(r->diags) == GW_LANG_ZH ? m->zh : m->en, ap);
    va_end(ap);
    r->ok = 0;
}

/* A number in [lo, hi], whole when `whole`; reports and returns 0 otherwise. */
static int read_number(reader *r, yaml_node_t *map, const char *key, const char *path, double lo, double hi,
                       int whole, double *out)
{
    yaml_node_t *n = gw_yaml_get(r->y, map, key);
    if (!n && r->extending) return 0;
    if (!n) { fail(r, map, path, GW_MSG_TB_MISSING, path); return 0; }
    const char *s = gw_yaml_str(n);
    char *end = NULL;
    double x = s ? strtod(s, &end) : NAN;
    if (!s || end == s || *end || !isfinite(x) || x < lo || x > hi || (whole && x != floor(x))) {
        fail(r, n, path, whole ? GW_MSG_TB_WHOLE : GW_MSG_TB_NUMBER, path, lo, hi);
        return 0;
    }
    *out = x;
    return 1;
}

static void read_costs(reader *r, yaml_node_t *root)
{
    yaml_node_t *c = gw_yaml_get(r->y, root, "costs");
    if (!c && r->extending) return;
    if (!c || c->type != YAML_MAPPING_NODE) {
        fail(r, c ? c : root, "costs", c ? GW_MSG_TB_MAPPING : GW_MSG_TB_MISSING, "costs");
        return;
    }
    check_keys(r, c, "costs", cost_keys, COUNT(cost_keys));
    gw_title_costs *k = &r->v->costs;
    double *slots[] = { &k->word, &k->inside_word, &k->issuers, &k->name_parts, &k->balance, &k->shape,
                       &k->extra_line };
    char path[64];
    for (size_t i = 0; i < COUNT(cost_keys); i++) {
        snprintf(path, sizeof path, "costs.%s", cost_keys[i]);
        read_number(r, c, cost_keys[i], path, 0, MAX_COST, 0, slots[i]);
    }
}

static int push_word(reader *r, gw_word_list *list, const char *s)
{
    char *copy = strdup(s);
    if (!copy || !gw_grow(&list->items, list->count, sizeof *list->items)) {
        free(copy);
        fail(r, NULL, "", GW_MSG_NO_MEMORY);
        return 0;
    }
    list->items[list->count++] = copy;
    return 1;
}

/* A list of non-empty texts under key (absent: empty). */
static void read_words(reader *r, yaml_node_t *root, const char *key, gw_word_list *list)
{
    yaml_node_t *n = gw_yaml_get(r->y, root, key);
    if (!n) return;
    if (n->type != YAML_SEQUENCE_NODE) { fail(r, n, key, GW_MSG_TB_LIST, key); return; }
    for (size_t i = 0; i < gw_yaml_len(n); i++) {
        yaml_node_t *item = gw_yaml_item(r->y, n, i);
        const char *s = gw_yaml_str(item);
        if (!s || !*s) fail(r, item, key, GW_MSG_TB_LIST, key);
        else if (!push_word(r, list, s)) return;
    }
}

/* A rule's optional cost: NAN when absent. */
static double optional_cost(reader *r, yaml_node_t *map, const char *key)
{
    double x = NAN;
    if (gw_yaml_get(r->y, map, key)) read_number(r, map, key, key, 0, MAX_COST, 0, &x);
    return x;
}

static URegularExpression *compile(reader *r, yaml_node_t *node, const char *source)
{
    UErrorCode err = U_ZERO_ERROR;
    UParseError where;
    UText *ut = utext_openUTF8(NULL, source, -1, &err);
    URegularExpression *re = uregex_openUText(ut, 0, &where, &err);
    utext_close(ut);
    if (U_FAILURE(err)) {
        uregex_close(re);
        fail(r, node, "phrases.pattern", GW_MSG_TB_PATTERN, u_errorName(err), (int)where.offset + 1);
        return NULL;
    }
    return re;
}

static void read_rule(reader *r, yaml_node_t *m, gw_title_rule *rule)
{
    memset(rule, 0, sizeof *rule);
    rule->loc = gw_yaml_loc(r->y, m, "phrases");
    rule->loc.file = r->file;
    check_keys(r, m, "phrases", phrase_keys, COUNT(phrase_keys));
    const char *text = gw_yaml_str(gw_yaml_get(r->y, m, "text"));
    yaml_node_t *pn = gw_yaml_get(r->y, m, "pattern");
    const char *pattern = gw_yaml_str(pn);
    if ((text && *text) == (pattern && *pattern)) { fail(r, m, "phrases", GW_MSG_TB_PHRASE); return; }
    if (text && !(rule->text = strdup(text))) fail(r, m, "phrases", GW_MSG_NO_MEMORY);
    if (pattern) rule->pattern = compile(r, pn, pattern);
    yaml_node_t *keep = gw_yaml_get(r->y, m, "keep");
    const char *ks = gw_yaml_str(keep);
    if (keep && (!ks || (strcmp(ks, "true") && strcmp(ks, "false")))) fail(r, keep, "keep", GW_MSG_TB_BOOL);
    rule->keep = ks && strcmp(ks, "true") == 0;
    rule->inside = optional_cost(r, m, "inside");
    if (isnan(rule->inside)) rule->inside = 0;
    rule->before = optional_cost(r, m, "before");
    rule->after = optional_cost(r, m, "after");
}

static void read_phrases(reader *r, yaml_node_t *root)
{
    yaml_node_t *n = gw_yaml_get(r->y, root, "phrases");
    if (!n) return;
    if (n->type != YAML_SEQUENCE_NODE) { fail(r, n, "phrases", GW_MSG_TB_PHRASES); return; }
    for (size_t i = 0; i < gw_yaml_len(n); i++) {
        yaml_node_t *m = gw_yaml_item(r->y, n, i);
        if (m->type != YAML_MAPPING_NODE) { fail(r, m, "phrases", GW_MSG_TB_PHRASES); continue; }
        if (!gw_grow(&r->v->rules, r->v->rule_count, sizeof *r->v->rules)) { fail(r, m, "", GW_MSG_NO_MEMORY); return; }
        read_rule(r, m, &r->v->rules[r->v->rule_count++]);
    }
}

static void read_vocab(reader *r)
{
    yaml_node_t *root = gw_yaml_root(r->y);
    check_keys(r, root, "title-breaks", top_keys, COUNT(top_keys));
    read_costs(r, root);
    double lines = 0, stem = 0;
    if (read_number(r, root, "max_lines", "max_lines", 1, GW_TITLE_MAX_LINES, 1, &lines)) r->v->max_lines = (long)lines;
    if (read_number(r, root, "stem_chars", "stem_chars", 0, MAX_STEM_BOUND, 1, &stem)) r->v->stem_chars = (long)stem;
    read_words(r, root, "places", &r->v->places);
    read_words(r, root, "organisations", &r->v->organisations);
    read_words(r, root, "prefixes", &r->v->prefixes);
    read_words(r, root, "names", &r->v->names);
    read_words(r, root, "terms", &r->v->terms);
    read_phrases(r, root);
}

static gw_title_vocab *load_yaml(gw_yaml *y, const char *data_dir, int depth, gw_diagnostics *diags);

/* The file `extends: name` means: a bare name is a vocabulary of the data
 * folder's templates/, a path is relative to the file that names it. */
static char *base_path(const char *name, const char *data_dir, const char *from)
{
    const char *slash = strrchr(from, '/');
    int dir_len = slash ? (int)(slash - from) : 1;
    const char *dir = slash ? from : ".";
    size_t n = strlen(name) + strlen(from) + (data_dir ? strlen(data_dir) : 0) + 32;
    char *p = malloc(n);
    if (!p) return NULL;
    if (name[0] == '/') snprintf(p, n, "%s", name);
    else if (strchr(name, '/')) snprintf(p, n, "%.*s/%s", dir_len, dir, name);
    else if (data_dir) snprintf(p, n, "%s/templates/%s.yaml", data_dir, name);
    else snprintf(p, n, "%.*s/%s.yaml", dir_len, dir, name);
    return p;
}

/* The vocabulary this file extends, loaded first; a new one when none. */
static gw_title_vocab *load_base(reader *r, yaml_node_t *ext, const char *data_dir, int depth)
{
    if (!ext) return calloc(1, sizeof(gw_title_vocab));
    const char *name = gw_yaml_str(ext);
    if (!name || !*name) { fail(r, ext, "extends", GW_MSG_TB_EXTENDS); return NULL; }
    if (depth >= MAX_EXTENDS) { fail(r, ext, "extends", GW_MSG_TB_EXTENDS_DEEP, name, MAX_EXTENDS); return NULL; }
    char *path = base_path(name, data_dir, r->y->path);
    gw_yaml *y = path ? gw_yaml_load_file(path, r->diags) : NULL;
    gw_title_vocab *v = y ? load_yaml(y, data_dir, depth + 1, r->diags) : NULL;
    free(path);
    if (!v) r->ok = 0;
    return v;
}

/* Reads a loaded file over the vocabulary it extends; takes y. */
static gw_title_vocab *load_yaml(gw_yaml *y, const char *data_dir, int depth, gw_diagnostics *diags)
{
    reader r = { y, diags, NULL, NULL, 0, 1 };
    yaml_node_t *root = gw_yaml_root(y);
    if (root->type != YAML_MAPPING_NODE) {
        fail(&r, root, "", GW_MSG_TB_MAPPING, "title-breaks");
    } else {
        yaml_node_t *ext = gw_yaml_get(y, root, "extends");
        r.extending = ext != NULL;
        r.v = load_base(&r, ext, data_dir, depth);
        if (!r.v && r.ok) fail(&r, NULL, "", GW_MSG_NO_MEMORY);
    }
    if (r.v && push_word(&r, &r.v->files, y->path)) {
        r.file = r.v->files.items[r.v->files.count - 1];
        r.v->path = r.file;
        read_vocab(&r);
    }
    gw_yaml_destroy(y);
    if (!r.ok) {
        gw_title_vocab_destroy(r.v);
        return NULL;
    }
    return r.v;
}

gw_title_vocab *gw_title_vocab_load(const char *path, const char *data_dir, gw_diagnostics *diags)
{
    gw_yaml *y = gw_yaml_load_file(path, diags);
    return y ? load_yaml(y, data_dir, 0, diags) : NULL;
}

gw_title_vocab *gw_title_vocab_load_memory(const char *name, const char *text, size_t len, const char *data_dir,
                                           gw_diagnostics *diags)
{
    gw_yaml *y = gw_yaml_load_memory(name, text, len, diags);
    return y ? load_yaml(y, data_dir, 0, diags) : NULL;
}

static void free_words(gw_word_list *list)
{
    for (size_t i = 0; i < list->count; i++) free(list->items[i]);
    free(list->items);
}

void gw_title_vocab_destroy(gw_title_vocab *v)
{
    if (!v) return;
    free_words(&v->places);
    free_words(&v->organisations);
    free_words(&v->prefixes);
    free_words(&v->names);
    free_words(&v->terms);
    for (size_t i = 0; i < v->rule_count; i++) {
        free(v->rules[i].text);
        uregex_close(v->rules[i].pattern);
    }
    free(v->rules);
    free_words(&v->files);
    free(v);
}
