/* The template format, part by part: one field table for each struct of
 * template.h, and the order they are read in (the grid first, so `ch` and
 * `line` mean something; styles and rules before the parts that name
 * them).  docs/templates.md documents every key and range listed here. */
#include "template/template-internal.h"
#include "document/schema.h"
#include "util/messages.h"
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#define COUNT_OF(a) (sizeof (a) / sizeof *(a))
#define MAXC TPL_MAX_COUNT

static const char *const kind_words[] = { "file", "letter", "order", "minutes", NULL };
static const char *const ph_n[] = { "n", NULL };
static const char *const ph_pair[] = { "key", "value", NULL };
static const char *const ph_date[] = { "date", NULL };

/* F(key, kind, struct, member, min, max, words, flags, applies) */
#define F(k, kind, type, m, lo, hi, w, fl, ap) { k, kind, offsetof(type, m), lo, hi, w, fl, ap }
#define LEN(k, type, m, lo, hi)  F(k, F_LENGTH, type, m, lo, hi, NULL, 0, 0)
#define CNT(k, type, m, lo, hi)  F(k, F_COUNT, type, m, lo, hi, NULL, 0, 0)
#define TXT(k, type, m)          F(k, F_TEXT, type, m, 0, 0, NULL, 0, 0)
#define FMT(k, type, m, w)       F(k, F_FORMAT, type, m, 0, 0, w, 0, 0)
#define STY(k, type, m)          F(k, F_STYLE, type, m, 0, 0, NULL, 0, 0)
#define RUL(k, type, m, fl)      F(k, F_RULE, type, m, 0, 0, NULL, fl, 0)
#define BOO(k, type, m)          F(k, F_BOOL, type, m, 0, 0, NULL, 0, 0)

static const tfield page_fields[] = {
    LEN("width", gw_template, page_width, 50, 2000),
    LEN("height", gw_template, page_height, 50, 2000),
};
static const tfield type_area_fields[] = {
    LEN("top", gw_template, type_top, 0, 0),
    LEN("left", gw_template, type_left, 0, 0),
    LEN("width", gw_template, type_width, 10, 0),
    LEN("height", gw_template, type_height, 10, 0),
};
static const tfield grid_fields[] = {
    CNT("chars_per_line", gw_template, chars_per_line, 1, MAXC),
    CNT("lines_per_page", gw_template, lines_per_page, 1, MAXC),
};

static const tfield style_fields[] = {
    F("role", F_NAME, gw_style, role, 0, 0, NULL, 0, 0),
    LEN("size", gw_style, size, 1, 100),           /* 2.8 pt to 283 pt */
    F("color", F_COLOR, gw_style, color, 0, 0, NULL, TF_OPTIONAL, 0),
    F("grid", F_BOOL, gw_style, grid, 0, 0, NULL, TF_OPTIONAL, 0),
};
static const tfield rule_fields[] = {
    LEN("width", gw_rule_spec, width, 1, 0),
    LEN("thickness", gw_rule_spec, thickness, 0.01, 5),
    F("second", F_LENGTH, gw_rule_spec, second, 0, 5, NULL, TF_OPTIONAL, 0),
    F("gap", F_LENGTH, gw_rule_spec, gap, 0, 20, NULL, TF_OPTIONAL, 0),
    F("color", F_COLOR, gw_rule_spec, color, 0, 0, NULL, TF_OPTIONAL, 0),
};

static const tfield front_fields[] = {
    BOO("has_title", gw_front_spec, has_title),
    CNT("title_gap_lines", gw_front_spec, title_gap_lines, 0, MAXC),
    STY("title", gw_front_spec, title),
    CNT("to_gap_lines", gw_front_spec, to_gap_lines, 0, MAXC),
    TXT("to_separator", gw_front_spec, to_separator),
    TXT("to_end", gw_front_spec, to_end),
    CNT("body_gap_lines", gw_front_spec, body_gap_lines, 0, MAXC),
};
static const tfield body_fields[] = {
    LEN("indent", gw_body_spec, indent, 0, 100),
    STY("text", gw_body_spec, text),
    STY("latin", gw_body_spec, latin),
    STY("heading1", gw_body_spec, heading[0]),
    STY("heading2", gw_body_spec, heading[1]),
    STY("heading3", gw_body_spec, heading[2]),
    STY("heading4", gw_body_spec, heading[3]),
    STY("emphasis", gw_body_spec, emphasis),
    LEN("latin_gap", gw_body_spec, latin_gap, 0, 10),
};
static const tfield attachment_fields[] = {
    CNT("gap_lines", gw_attachment_spec, gap_lines, 0, MAXC),
    LEN("indent", gw_attachment_spec, indent, 0, 100),
    TXT("label", gw_attachment_spec, label),
    FMT("number_format", gw_attachment_spec, number_format, ph_n),
    STY("style", gw_attachment_spec, style),
    FMT("page_label", gw_attachment_spec, page_label, ph_n),
    TXT("page_label_single", gw_attachment_spec, page_label_single),
    STY("page_label_style", gw_attachment_spec, page_label_style),
    CNT("title_line", gw_attachment_spec, title_line, 1, MAXC),
    STY("title_style", gw_attachment_spec, title_style),
    CNT("body_gap_lines", gw_attachment_spec, body_gap_lines, 0, MAXC),
};
static const tfield contacts_fields[] = {
    LEN("indent", gw_contacts_spec, indent, 0, 100),
    FMT("pair_format", gw_contacts_spec, pair_format, ph_pair),
    TXT("pair_separator", gw_contacts_spec, pair_separator),
    CNT("gap_lines", gw_contacts_spec, gap_lines, 0, MAXC),
};
static const tfield signature_fields[] = {
    STY("style", gw_signature_spec, style),
    CNT("gap_lines", gw_signature_spec, gap_lines, 0, MAXC),
    CNT("carry_lines", gw_signature_spec, carry_lines, 0, MAXC),
    TXT("name_separator", gw_signature_spec, name_separator),
    LEN("right", gw_signature_spec, right, 0, 100),
    LEN("date_shift", gw_signature_spec, date_shift, 0, 100),
    LEN("sealed_date_right", gw_signature_spec, sealed_date_right, 0, 100),
    LEN("seal_size", gw_signature_spec, seal_size, 5, 100),
    LEN("seal_overlap", gw_signature_spec, seal_overlap, 0, 100),
    CNT("seals_per_row", gw_signature_spec, seals_per_row, 1, 10),
    LEN("seal_spacing", gw_signature_spec, seal_spacing, 0, 100),
    LEN("person_right", gw_signature_spec, person_right, 0, 100),
    LEN("person_seal_size", gw_signature_spec, person_seal_size, 5, 100),
    LEN("person_title_gap", gw_signature_spec, person_title_gap, 0, 100),
    CNT("person_gap_lines", gw_signature_spec, person_gap_lines, 0, MAXC),
    CNT("person_date_gap_lines", gw_signature_spec, person_date_gap_lines, 0, MAXC),
    LEN("person_date_right", gw_signature_spec, person_date_right, 0, 100),
    LEN("note_indent", gw_signature_spec, note_indent, 0, 100),
    TXT("note_open", gw_signature_spec, note_open),
    TXT("note_close", gw_signature_spec, note_close),
};
static const tfield attendance_fields[] = {
    CNT("gap_lines", gw_attendance_spec, gap_lines, 0, MAXC),
    LEN("indent", gw_attendance_spec, indent, 0, 100),
    STY("label_style", gw_attendance_spec, label_style),
    STY("names_style", gw_attendance_spec, names_style),
    TXT("present_label", gw_attendance_spec, present_label),
    TXT("absent_label", gw_attendance_spec, absent_label),
    TXT("attending_label", gw_attendance_spec, attending_label),
    TXT("separator", gw_attendance_spec, separator),
};
static const tfield colophon_fields[] = {
    STY("style", gw_colophon_spec, style),
    LEN("inset", gw_colophon_spec, inset, 0, 100),
    LEN("line_height", gw_colophon_spec, line_height, 1, 100),
    TXT("cc_label", gw_colophon_spec, cc_label),
    TXT("cc_separator", gw_colophon_spec, cc_separator),
    TXT("cc_end", gw_colophon_spec, cc_end),
    BOO("print", gw_colophon_spec, print),
    FMT("print_format", gw_colophon_spec, print_format, ph_date),
    RUL("outer", gw_colophon_spec, outer, TF_NONE),
    RUL("inner", gw_colophon_spec, inner, TF_NONE),
    BOO("even_page", gw_colophon_spec, even_page),
};
static const tfield footer_fields[] = {
    STY("style", gw_footer_spec, style),
    FMT("format", gw_footer_spec, format, ph_n),
    LEN("gap", gw_footer_spec, gap, 0, 100),
    LEN("inset", gw_footer_spec, inset, 0, 100),
    BOO("first_page", gw_footer_spec, first_page),
    RUL("first_page_rule", gw_footer_spec, first_page_rule, TF_NONE),
    LEN("first_page_rule_bottom", gw_footer_spec, first_page_rule_bottom, 0, 0),
};

typedef struct part {
    const char   *key;
    const tfield *fields;
    size_t        count;
    size_t        offset;    /* of the part in gw_template */
} part;

#define PART(k, table, member) { k, table, COUNT_OF(table), offsetof(gw_template, member) }
static const part parts[] = {
    PART("front", front_fields, front),
    PART("body", body_fields, body),
    PART("attachments", attachment_fields, attachments),
    PART("contacts", contacts_fields, contacts),
    PART("signature", signature_fields, signature),
    PART("attendance", attendance_fields, attendance),
    PART("colophon", colophon_fields, colophon),
    PART("footer", footer_fields, footer),
};

static const char *const top_keys[] = {
    "name", "kind", "requires", "page", "type_area", "grid", "styles", "rules", "header",
    "front", "body", "attachments", "contacts", "signature", "attendance", "colophon", "footer",
};

/* A name that is a mapping's key (a style's, a rule's). */
static char *key_name(tctx *c, const tnode *kid, const char *path)
{
    tnode key = { TN_SCALAR, kid->key, NULL, kid->key_src, kid->key_src, NULL, 0 };
    const char *name;
    if (!tv_name(c, &key, path, &name)) return NULL;
    char *copy = strdup(name);
    if (!copy) tr_no_memory(c, kid);
    return copy;
}

/* A mapping of named entries (styles:, rules:): an array of `size`-byte
 * entries, each named by its key (a char * at name_offset) and read
 * against fields.  Sets *failed until the whole mapping is read, so a
 * broken one is not reported again at each reference to it. */
static void *read_named(tctx *c, const tnode *node, const char *section, const tfield *fields, size_t field_count,
                        size_t size, size_t name_offset, size_t *count, int *failed)
{
    *failed = 1;
    if (!tr_expect(c, node, section, TN_MAP)) return NULL;
    char *entries = calloc(node->count ? node->count : 1, size);
    if (!entries) { tr_no_memory(c, node); return NULL; }
    *count = node->count;
    for (size_t i = 0; i < node->count; i++) {
        char path[256];
        char *entry = entries + i * size;
        tr_path(path, sizeof path, section, node->kids[i]->key);
        *(char **)(entry + name_offset) = key_name(c, node->kids[i], path);
        tr_fields(c, node->kids[i], path, fields, field_count, entry, 1, "");
    }
    *failed = 0;
    return entries;
}

static void read_styles(tctx *c, const tnode *node)
{
    gw_template *t = c->t;
    t->styles = read_named(c, node, "styles", style_fields, COUNT_OF(style_fields), sizeof *t->styles,
                           offsetof(gw_style, name), &t->style_count, &c->styles_failed);
}

static void read_rules(tctx *c, const tnode *node)
{
    gw_template *t = c->t;
    t->rules = read_named(c, node, "rules", rule_fields, COUNT_OF(rule_fields), sizeof *t->rules,
                          offsetof(gw_rule_spec, name), &t->rule_count, &c->rules_failed);
}

static void read_requires(tctx *c, const tnode *node)
{
    if (!tr_expect(c, node, "requires", TN_LIST)) return;
    gw_template *t = c->t;
    const char *fields[64];
    size_t n = 0;
    for (size_t i = 0; gw_schema_root[i].key && n < 64; i++) fields[n++] = gw_schema_root[i].key;
    if (!(t->requires = calloc(node->count ? node->count : 1, sizeof *t->requires))) { tr_no_memory(c, node); return; }
    for (size_t i = 0; i < node->count; i++) {
        char path[64];
        const char *name;
        if (!tv_name(c, node->kids[i], tr_index(path, sizeof path, "requires", i), &name)) continue;
        if (!gw_schema_zh(gw_schema_root, name)[0]) {
            const char *better = gw_suggest(name, fields, n);
            gw_loc loc = tr_loc(node->kids[i], path);
            if (better) gw_report(c->diags, loc, GW_MSG_TEMPLATE_REQUIRES_SUGGEST, name, better);
            else gw_report(c->diags, loc, GW_MSG_TEMPLATE_REQUIRES, name);
            c->ok = 0;
            continue;
        }
        if (!(t->requires[t->requires_count++] = strdup(name))) tr_no_memory(c, node);
    }
}

static void check_top_keys(tctx *c, const tnode *root)
{
    for (size_t i = 0; i < root->count; i++) {
        const tnode *kid = root->kids[i];
        int known = 0;
        for (size_t k = 0; k < COUNT_OF(top_keys) && !known; k++) known = strcmp(top_keys[k], kid->key) == 0;
        if (known) continue;
        const char *better = gw_suggest(kid->key, top_keys, COUNT_OF(top_keys));
        gw_loc loc = { kid->key_src.file, kid->key_src.line, kid->key_src.column, kid->key, 0 };
        if (better) gw_report(c->diags, loc, GW_MSG_TEMPLATE_UNKNOWN_KEY_SUGGEST, kid->key, kid->key_src.file, better);
        else gw_report(c->diags, loc, GW_MSG_TEMPLATE_UNKNOWN_KEY, kid->key, kid->key_src.file);
        c->ok = 0;
    }
}

/* A top-level section that must be there. */
static const tnode *section(tctx *c, const tnode *root, const char *key)
{
    const tnode *n = tn_get(root, key);
    if (!n) {
        gw_report(c->diags, tr_loc(root, key), GW_MSG_TEMPLATE_LACKS, key);
        c->ok = 0;
    }
    return n;
}

/* The page, the type area and the grid, and the grid units they define. */
static void read_geometry(tctx *c, const tnode *root)
{
    gw_template *t = c->t;
    const tnode *n;
    if ((n = section(c, root, "page"))) tr_fields(c, n, "page", page_fields, COUNT_OF(page_fields), t, 1, "");
    if ((n = section(c, root, "type_area")))
        tr_fields(c, n, "type_area", type_area_fields, COUNT_OF(type_area_fields), t, 1, "");
    if ((n = section(c, root, "grid"))) tr_fields(c, n, "grid", grid_fields, COUNT_OF(grid_fields), t, 1, "");
    if (t->chars_per_line > 0 && t->lines_per_page > 0) {
        t->char_pitch = t->type_width / (double)t->chars_per_line;
        t->line_pitch = t->type_height / (double)t->lines_per_page;
        c->char_pitch = t->char_pitch;
        c->line_pitch = t->line_pitch;
    }
}

void tr_template(tctx *c, const tnode *root)
{
    gw_template *t = c->t;
    const tnode *n;
    if (!tr_expect(c, root, "", TN_MAP)) return;
    check_top_keys(c, root);
    if ((n = section(c, root, "name"))) {
        free(t->name);
        t->name = NULL;
        const char *name;
        if (tv_name(c, n, "name", &name) && !(t->name = strdup(name))) tr_no_memory(c, n);
    }
    if ((n = section(c, root, "kind"))) tv_enum(c, n, "kind", kind_words, (int *)&t->kind);
    if ((n = section(c, root, "requires"))) read_requires(c, n);
    read_geometry(c, root);
    c->styles_failed = c->rules_failed = 1;
    if ((n = section(c, root, "styles"))) read_styles(c, n);
    if ((n = section(c, root, "rules"))) read_rules(c, n);
    if ((n = section(c, root, "header"))) tr_header(c, n);
    for (size_t i = 0; i < COUNT_OF(parts); i++)
        if ((n = section(c, root, parts[i].key)))
            tr_fields(c, n, parts[i].key, parts[i].fields, parts[i].count, (char *)t + parts[i].offset, 1, "");
}
