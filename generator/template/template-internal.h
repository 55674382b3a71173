/* Inside the template loader: the tree of values with their places, the
 * reading context, and the field tables that describe each part of a
 * template.  The loader runs in three steps:
 *   template-tree.c    YAML -> a tree of values, each with file:line:column,
 *                      and the key-by-key merge `extends:` needs;
 *   template-read.c    the merged tree -> gw_template, field by field
 *   template-header.c  (the header's items), template-fields.c (a mapping
 *                      against a field table), each value parsed and
 *   template-value.c   range-checked on the way;
 *   template-check.c   what holds between fields (the type area fits the
 *                      page, a line number lies within the page ...). */
#ifndef GW_TEMPLATE_INTERNAL_H
#define GW_TEMPLATE_INTERNAL_H
#include "template/template.h"
#include "yaml/ynode.h"

/* Bounds that keep a hostile template cheap and its numbers sane. */
#define TPL_MAX_EXTENDS   8      /* templates in one extends: chain */
#define TPL_MAX_ENTRIES   256    /* keys of one mapping, items of one list */
#define TPL_MAX_TEXT      128    /* bytes of one label or format */
#define TPL_MAX_NAME      32     /* bytes of a style, rule or role name */
#define TPL_MAX_COUNT     100    /* lines, characters, items: small integers */

/* ---- the tree ---- */
typedef enum tn_kind { TN_SCALAR, TN_MAP, TN_LIST } tn_kind;

typedef struct tnode tnode;
struct tnode {
    tn_kind         kind;
    char           *text;       /* TN_SCALAR */
    char           *key;        /* the key, when this is a mapping's value */
    gw_template_src src;        /* where the value starts */
    gw_template_src key_src;    /* where its key starts (mapping values) */
    tnode         **kids;       /* TN_MAP: values (each with its key); TN_LIST: items */
    size_t          count;
};

/* The YAML file's root as a tree; file is the name its places carry (it
 * must outlive the tree).  NULL when a problem was reported. */
tnode *tn_from_yaml(gw_yaml *y, const char *file, gw_diagnostics *diags);
void   tn_free(tnode *n);
tnode *tn_get(const tnode *map, const char *key);
/* Removes key from the mapping and returns its value (the caller frees it). */
tnode *tn_take(tnode *map, const char *key);
/* `over` laid on `base`: mappings merge key by key, anything else in over
 * replaces what base holds.  Consumes both; NULL when out of memory. */
tnode *tn_merge(tnode *base, tnode *over);

/* ---- reading ---- */
typedef struct tctx {
    gw_template    *t;
    gw_diagnostics *diags;
    int             ok;          /* 0 once a problem was reported */
    double          char_pitch;  /* the grid units; 0 until the grid is read */
    double          line_pitch;
    int             styles_failed;   /* styles: (rules:) did not read: names in it are not */
    int             rules_failed;    /* looked up, so one mistake is not reported 20 times */
} tctx;

typedef enum tfield_kind {
    F_LENGTH,     /* a length with a unit, to points (double) */
    F_COUNT,      /* a whole number (long) */
    F_RATIO,      /* a plain decimal number (double) */
    F_BOOL,       /* true or false (int) */
    F_TEXT,       /* a label: no placeholders (char *) */
    F_FORMAT,     /* a label with the {placeholders} in words (char *) */
    F_NAME,       /* a short lower-case name: a font role (char *) */
    F_ENUM,       /* one of words, stored as its index (an enum, int-sized) */
    F_COLOR,      /* black, red, gray K or cmyk C M Y K (gw_color) */
    F_STYLE,      /* a style's name, to its gw_style (const gw_style *) */
    F_RULE        /* a rule's name, to its gw_rule_spec (const gw_rule_spec *) */
} tfield_kind;

enum {
    TF_OPTIONAL = 1,  /* may be left out: zero (black for a colour) */
    TF_NONE     = 2   /* F_STYLE, F_RULE: `none` stands for no style or rule */
};

typedef struct tfield {
    const char         *key;
    tfield_kind         kind;
    size_t              offset;     /* in the struct the table describes */
    double              min, max;   /* F_LENGTH: millimetres (max 0: the page's longer side);
                                     * F_COUNT, F_RATIO: the number itself */
    const char *const  *words;      /* F_ENUM: the names; F_FORMAT: the placeholders */
    unsigned            flags;
    unsigned            applies;    /* header items: the kinds (1 << kind) it belongs to; 0: all */
} tfield;

/* Reads the mapping node against the table into the struct at base: a
 * value for every field that applies to `kind_bit` (1 outside header
 * items), no key the table does not hold.  path names node in messages. */
void tr_fields(tctx *c, const tnode *node, const char *path, const tfield *fields, size_t count,
               void *base, unsigned kind_bit, const char *kind_name);
/* One field's value, already found. */
void tr_value(tctx *c, const tnode *node, const char *path, const tfield *f, void *base);
/* The node must be a mapping (a list): reports it otherwise. */
int  tr_expect(tctx *c, const tnode *node, const char *path, tn_kind kind);
/* Reports that memory ran out while reading node. */
void tr_no_memory(tctx *c, const tnode *node);
/* The location of a node for a diagnostic. */
gw_loc tr_loc(const tnode *node, const char *path);
/* "parent.key", "parent[i]" into buf. */
const char *tr_path(char *buf, size_t size, const char *parent, const char *key);
const char *tr_index(char *buf, size_t size, const char *parent, size_t i);

/* Values (template-value.c).  Each reports its own problem at node. */
int tv_length(tctx *c, const tnode *node, const char *path, double min_mm, double max_mm, double *out);
int tv_count(tctx *c, const tnode *node, const char *path, long min, long max, long *out);
int tv_ratio(tctx *c, const tnode *node, const char *path, double min, double max, double *out);
int tv_bool(tctx *c, const tnode *node, const char *path, int *out);
int tv_color(tctx *c, const tnode *node, const char *path, gw_color *out);
int tv_enum(tctx *c, const tnode *node, const char *path, const char *const *words, int *out);
int tv_format(tctx *c, const tnode *node, const char *path, const char *const *placeholders, char **out);
int tv_name(tctx *c, const tnode *node, const char *path, const char **out);
/* The scalar's text, or NULL with the problem reported. */
const char *tv_scalar(tctx *c, const tnode *node, const char *path);

/* The header: list of items (template-header.c). */
void tr_header(tctx *c, const tnode *node);
/* The whole template from the merged tree (template-read.c). */
void tr_template(tctx *c, const tnode *root);
/* What holds between fields (template-check.c); root for the places. */
void tc_check(tctx *c, const tnode *root);
#endif
