#include "template/template.h"
#include "util/messages.h"
#include "yaml/ynode.h"
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum field_kind { F_LENGTH, F_INT, F_STRING, F_STYLE, F_COLOR };

typedef struct field {
    const char     *path;     /* dotted path in the template file */
    enum field_kind kind;
    size_t          offset;
} field;

#define FIELD(path, kind, member) { path, kind, offsetof(gw_template, member) }
static const field fields[] = {
    FIELD("name", F_STRING, name),
    FIELD("page.width", F_LENGTH, page_width),
    FIELD("page.height", F_LENGTH, page_height),
    FIELD("type_area.top", F_LENGTH, type_top),
    FIELD("type_area.left", F_LENGTH, type_left),
    FIELD("type_area.width", F_LENGTH, type_width),
    FIELD("type_area.height", F_LENGTH, type_height),
    FIELD("grid.chars_per_line", F_INT, chars_per_line),
    FIELD("grid.lines_per_page", F_INT, lines_per_page),
    FIELD("grid.indent_chars", F_INT, indent_chars),
    FIELD("grid.latin_gap", F_LENGTH, latin_gap),
    FIELD("styles.body", F_STYLE, body),
    FIELD("styles.latin", F_STYLE, latin),
    FIELD("styles.title", F_STYLE, title),
    FIELD("styles.mark", F_STYLE, mark),
    FIELD("styles.number", F_STYLE, number),
    FIELD("styles.page_number", F_STYLE, page_number),
    FIELD("styles.colophon", F_STYLE, colophon),
    FIELD("styles.heading1", F_STYLE, heading[0]),
    FIELD("styles.heading2", F_STYLE, heading[1]),
    FIELD("styles.heading3", F_STYLE, heading[2]),
    FIELD("styles.heading4", F_STYLE, heading[3]),
    FIELD("styles.emphasis", F_STYLE, emphasis),
    FIELD("header.mark_top", F_LENGTH, mark_top),
    FIELD("header.mark_suffix", F_STRING, mark_suffix),
    FIELD("header.number_gap_lines", F_INT, number_gap_lines),
    FIELD("header.number_align", F_STRING, number_align),
    FIELD("header.rule_below", F_STRING, rule_below),
    FIELD("header.rule_gap", F_LENGTH, rule_gap),
    FIELD("header.rule_second_thickness", F_LENGTH, rule_second_thickness),
    FIELD("header.rule_second_gap", F_LENGTH, rule_second_gap),
    FIELD("header.number_below_rule", F_LENGTH, number_below_rule),
    FIELD("footer.first_page_rule", F_LENGTH, first_page_rule),
    FIELD("footer.first_page_number", F_INT, first_page_number),
    FIELD("header.rule_width", F_LENGTH, rule_width),
    FIELD("header.rule_thickness", F_LENGTH, rule_thickness),
    FIELD("header.rule_color", F_COLOR, rule_color),
    FIELD("body.title_gap_lines", F_INT, title_gap_lines),
    FIELD("body.to_gap_lines", F_INT, to_gap_lines),
    FIELD("labels.reply", F_STRING, reply_label),
    FIELD("labels.reply_format", F_STRING, reply_format),
    FIELD("labels.signers", F_STRING, signer_label),
    FIELD("closing.signature_right_chars", F_INT, signature_right_chars),
    FIELD("closing.date_shift_chars", F_INT, date_shift_chars),
    FIELD("closing.gap_lines", F_INT, signature_gap_lines),
    FIELD("closing.carry_lines", F_INT, signature_carry_lines),
    FIELD("labels.page_number", F_STRING, page_number_format),
    FIELD("colophon.inset", F_LENGTH, colophon_inset),
    FIELD("footer.page_number_gap", F_LENGTH, page_number_gap),
    FIELD("footer.page_number_inset", F_LENGTH, page_number_inset),
};

int gw_parse_length(const char *text, double *out)
{
    static const struct { const char *unit; double pt; } units[] = {
        { "pt", 1.0 }, { "mm", 72.0 / 25.4 }, { "cm", 720.0 / 25.4 }, { "in", 72.0 },
    };
    if (!text) return 0;
    char *end;
    errno = 0;
    double v = strtod(text, &end);
    if (end == text || errno) return 0;
    while (*end == ' ') end++;
    for (size_t i = 0; i < sizeof units / sizeof *units; i++)
        if (strcmp(end, units[i].unit) == 0) {
            *out = v * units[i].pt;
            return 1;
        }
    return 0;
}

static int parse_int(const char *text, long *out)
{
    char *end;
    errno = 0;
    long v = text ? strtol(text, &end, 10) : 0;
    if (!text || end == text || *end || errno || v < 0) return 0;
    *out = v;
    return 1;
}

/* "black", "red" or "cmyk C M Y K" with components in 0..1. */
static int parse_color(const char *text, gw_color *out)
{
    memset(out, 0, sizeof *out);
    if (!text) return 0;
    if (strcmp(text, "black") == 0) { out->k = 1; return 1; }
    if (strcmp(text, "red") == 0) { *out = (gw_color){ 1, 0, 1, 1, 0 }; return 1; }
    double c, m, y, k;
    char extra;
    if (sscanf(text, "cmyk %lf %lf %lf %lf %c", &c, &m, &y, &k, &extra) != 4) return 0;
    if (c < 0 || c > 1 || m < 0 || m > 1 || y < 0 || y > 1 || k < 0 || k > 1) return 0;
    *out = (gw_color){ 1, c, m, y, k };
    return 1;
}

static yaml_node_t *lookup(gw_yaml *y, const char *path)
{
    char key[64];
    yaml_node_t *node = gw_yaml_root(y);
    while (node && *path) {
        size_t n = strcspn(path, ".");
        if (n >= sizeof key) return NULL;
        memcpy(key, path, n);
        key[n] = '\0';
        node = gw_yaml_get(y, node, key);
        path += n + (path[n] == '.');
    }
    return node;
}

static int read_style(gw_yaml *y, yaml_node_t *node, const char *path, gw_style *s,
                      gw_diagnostics *diags)
{
    const char *role = gw_yaml_str(gw_yaml_get(y, node, "role"));
    yaml_node_t *size = gw_yaml_get(y, node, "size");
    yaml_node_t *color = gw_yaml_get(y, node, "color");
    if (!role || strlen(role) >= sizeof s->role) {
        gw_report(diags, gw_yaml_loc(y, node, path), GW_MSG_STYLE_ROLE);
        return 0;
    }
    strcpy(s->role, role);
    if (!gw_parse_length(gw_yaml_str(size), &s->size) || s->size <= 0) {
        gw_report(diags, gw_yaml_loc(y, size ? size : node, path), GW_MSG_STYLE_SIZE);
        return 0;
    }
    if (!parse_color(color ? gw_yaml_str(color) : "black", &s->color)) {
        gw_report(diags, gw_yaml_loc(y, color, path), GW_MSG_TEMPLATE_COLOUR);
        return 0;
    }
    const char *grid = gw_yaml_str(gw_yaml_get(y, node, "grid"));
    s->grid = grid && strcmp(grid, "true") == 0;      /* otherwise the style's own size */
    return 1;
}

static int read_field(gw_yaml *y, const field *f, gw_template *t, gw_diagnostics *diags)
{
    yaml_node_t *node = lookup(y, f->path);
    char *dst = (char *)t + f->offset;
    const char *s = gw_yaml_str(node);
    gw_loc loc = gw_yaml_loc(y, node, f->path);
    if (!node) {
        gw_report(diags, gw_loc_file(y->path), GW_MSG_TEMPLATE_LACKS, f->path);
        return 0;
    }
    switch (f->kind) {
    case F_LENGTH:
        if (gw_parse_length(s, (double *)dst)) return 1;
        gw_report(diags, loc, GW_MSG_TEMPLATE_LENGTH, f->path);
        return 0;
    case F_INT:
        if (parse_int(s, (long *)dst)) return 1;
        gw_report(diags, loc, GW_MSG_TEMPLATE_NUMBER, f->path);
        return 0;
    case F_STRING:
        if (s && (*(char **)dst = strdup(s))) return 1;
        gw_report(diags, loc, GW_MSG_TEMPLATE_STRING, f->path);
        return 0;
    case F_COLOR:
        if (parse_color(s, (gw_color *)dst)) return 1;
        gw_report(diags, loc, GW_MSG_TEMPLATE_COLOUR);
        return 0;
    case F_STYLE:
        return read_style(y, node, f->path, (gw_style *)dst, diags);
    }
    return 0;
}

static int check_geometry(gw_template *t, gw_diagnostics *diags)
{
    gw_loc loc = gw_loc_file(t->path);
    if (t->chars_per_line < 1 || t->lines_per_page < 1 || t->type_width <= 0 ||
        t->type_height <= 0 || t->type_left + t->type_width > t->page_width ||
        t->type_top + t->type_height > t->page_height) {
        gw_report(diags, loc, GW_MSG_TYPE_AREA);
        return 0;
    }
    t->char_pitch = t->type_width / (double)t->chars_per_line;
    t->line_pitch = t->type_height / (double)t->lines_per_page;
    return 1;
}

static char *template_path(const char *data_dir, const char *name, const char *base_dir)
{
    char *p;
    size_t n = strlen(data_dir) + strlen(name) + strlen(base_dir) + 32;
    if (!(p = malloc(n))) return NULL;
    if (strchr(name, '/'))
        snprintf(p, n, "%s%s%s", name[0] == '/' ? "" : base_dir, name[0] == '/' ? "" : "/", name);
    else
        snprintf(p, n, "%s/templates/%s.yaml", data_dir, name);
    return p;
}

gw_template *gw_template_load(const char *data_dir, const char *name, const char *base_dir,
                              gw_diagnostics *diags)
{
    char *path = template_path(data_dir, name, base_dir);
    gw_yaml *y = path ? gw_yaml_load_file(path, diags) : NULL;
    gw_template *t = y ? calloc(1, sizeof *t) : NULL;
    int ok = t != NULL;
    if (t) {
        t->path = path;
        path = NULL;
        for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
            ok &= read_field(y, &fields[i], t, diags);
        ok = ok && check_geometry(t, diags);
    }
    free(path);
    gw_yaml_destroy(y);
    if (!ok) {
        gw_template_destroy(t);
        return NULL;
    }
    return t;
}

void gw_template_destroy(gw_template *t)
{
    if (!t) return;
    free(t->path);
    free(t->name);
    free(t->mark_suffix);
    free(t->number_align);
    free(t->rule_below);
    free(t->reply_label);
    free(t->reply_format);
    free(t->signer_label);
    free(t->page_number_format);
    free(t);
}
