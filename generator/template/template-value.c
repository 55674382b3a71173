/* One template value from its text: lengths with units, whole numbers,
 * ratios, booleans, colours, enumerations, names and labels, each checked
 * against its range or its words.  Numbers are parsed by hand as plain
 * decimals: strtod would take "nan", "inf", "1e300", hexadecimal floats
 * and the locale's decimal comma. */
#include "template/template-internal.h"
#include "document/schema.h"
#include "util/buf.h"
#include "util/messages.h"
#include <stdio.h>
#include <string.h>

#define PT_PER_MM (72.0 / 25.4)
#define MAX_DIGITS 12

gw_loc tr_loc(const tnode *node, const char *path)
{
    gw_loc loc = { node ? node->src.file : "", node ? node->src.line : 0, node ? node->src.column : 0,
                   path ? path : "", 0 };
    return loc;
}

const char *tv_scalar(tctx *c, const tnode *node, const char *path)
{
    if (node && node->kind == TN_SCALAR) return node->text;
    gw_report(c->diags, tr_loc(node, path), GW_MSG_TEMPLATE_VALUE_KIND, path, gw_kind_name(c->diags, GW_KIND_TEXT));
    c->ok = 0;
    return NULL;
}

/* [-]digits[.digits] with at most MAX_DIGITS digits; *end after it. */
static int parse_decimal(const char *s, double *out, const char **end)
{
    const char *p = s + (*s == '-');
    double v = 0, scale = 1;
    int digits = 0, fraction = 0;
    for (; (*p >= '0' && *p <= '9') || (*p == '.' && !fraction && digits); p++) {
        if (*p == '.') { fraction = 1; continue; }
        if (++digits > MAX_DIGITS) return 0;
        v = v * 10 + (*p - '0');
        if (fraction) scale *= 10;
    }
    if (!digits || p[-1] == '.') return 0;
    *out = (*s == '-' ? -v : v) / scale;
    *end = p;
    return 1;
}

typedef enum unit_kind { U_NONE, U_ABSOLUTE, U_CH, U_LINE } unit_kind;

/* The unit after a number: its points per unit for absolute ones. */
static unit_kind parse_unit(const char *u, double *factor)
{
    static const struct { const char *name; double pt; } absolute[] = {
        { "pt", 1.0 }, { "mm", PT_PER_MM }, { "cm", 10 * PT_PER_MM }, { "in", 72.0 },
    };
    while (*u == ' ') u++;
    for (size_t i = 0; i < sizeof absolute / sizeof *absolute; i++)
        if (strcmp(u, absolute[i].name) == 0) { *factor = absolute[i].pt; return U_ABSOLUTE; }
    if (strcmp(u, "ch") == 0) return U_CH;
    if (strcmp(u, "line") == 0 || strcmp(u, "lines") == 0) return U_LINE;
    return U_NONE;
}

int gw_parse_length(const char *text, double *points_out)
{
    double v, factor;
    const char *end;
    if (!text || !parse_decimal(text, &v, &end) || parse_unit(end, &factor) != U_ABSOLUTE) return 0;
    *points_out = v * factor;
    return 1;
}

static void range_error(tctx *c, const tnode *node, const char *path, const char *low, const char *high)
{
    gw_report(c->diags, tr_loc(node, path), GW_MSG_TEMPLATE_RANGE, path, node->text, low, high);
    c->ok = 0;
}

/* The page's longer side: the bound of a length with max 0. */
static double page_bound_mm(const tctx *c)
{
    double side = c->t->page_width > c->t->page_height ? c->t->page_width : c->t->page_height;
    return side > 0 ? side / PT_PER_MM : 2000;
}

int tv_length(tctx *c, const tnode *node, const char *path, double min_mm, double max_mm, double *out)
{
    const char *s = tv_scalar(c, node, path);
    double v, factor = 1;
    const char *end;
    if (!s) return 0;
    unit_kind u = parse_decimal(s, &v, &end) ? parse_unit(end, &factor) : U_NONE;
    if (u == U_NONE) {
        gw_report(c->diags, tr_loc(node, path), GW_MSG_TEMPLATE_LENGTH, path);
        c->ok = 0;
        return 0;
    }
    if ((u == U_CH && c->char_pitch <= 0) || (u == U_LINE && c->line_pitch <= 0)) {
        gw_report(c->diags, tr_loc(node, path), GW_MSG_TEMPLATE_GRID_UNIT, path);
        c->ok = 0;
        return 0;
    }
    double pt = v * (u == U_CH ? c->char_pitch : u == U_LINE ? c->line_pitch : factor);
    if (max_mm <= 0) max_mm = page_bound_mm(c);
    if (!(pt >= min_mm * PT_PER_MM - 1e-9 && pt <= max_mm * PT_PER_MM + 1e-9)) {
        char low[32], high[32];
        snprintf(low, sizeof low, "%gmm", min_mm);
        snprintf(high, sizeof high, "%gmm", max_mm);
        range_error(c, node, path, low, high);
        return 0;
    }
    *out = pt;
    return 1;
}

int tv_count(tctx *c, const tnode *node, const char *path, long min, long max, long *out)
{
    const char *s = tv_scalar(c, node, path);
    if (!s) return 0;
    long v = 0;
    size_t n = strspn(s, "0123456789");
    if (n == 0 || s[n] || n > 9) {
        gw_report(c->diags, tr_loc(node, path), GW_MSG_TEMPLATE_NUMBER, path);
        c->ok = 0;
        return 0;
    }
    for (size_t i = 0; i < n; i++) v = v * 10 + (s[i] - '0');
    if (v < min || v > max) {
        char low[24], high[24];
        snprintf(low, sizeof low, "%ld", min);
        snprintf(high, sizeof high, "%ld", max);
        range_error(c, node, path, low, high);
        return 0;
    }
    *out = v;
    return 1;
}

int tv_ratio(tctx *c, const tnode *node, const char *path, double min, double max, double *out)
{
    const char *s = tv_scalar(c, node, path);
    double v;
    const char *end;
    if (!s) return 0;
    if (!parse_decimal(s, &v, &end) || *end) {
        gw_report(c->diags, tr_loc(node, path), GW_MSG_TEMPLATE_RATIO, path);
        c->ok = 0;
        return 0;
    }
    if (!(v >= min && v <= max)) {
        char low[24], high[24];
        snprintf(low, sizeof low, "%g", min);
        snprintf(high, sizeof high, "%g", max);
        range_error(c, node, path, low, high);
        return 0;
    }
    *out = v;
    return 1;
}

int tv_bool(tctx *c, const tnode *node, const char *path, int *out)
{
    const char *s = tv_scalar(c, node, path);
    if (!s) return 0;
    if (strcmp(s, "true") == 0 || strcmp(s, "false") == 0) {
        *out = s[0] == 't';
        return 1;
    }
    gw_report(c->diags, tr_loc(node, path), GW_MSG_TEMPLATE_BOOL, path);
    c->ok = 0;
    return 0;
}

/* n components in 0..1 separated by spaces, and nothing after them. */
static int parse_components(const char *s, double *out, int n)
{
    for (int i = 0; i < n; i++) {
        while (*s == ' ') s++;
        const char *end;
        if (!parse_decimal(s, &out[i], &end) || !(out[i] >= 0 && out[i] <= 1)) return 0;
        if (*end && *end != ' ') return 0;
        s = end;
    }
    while (*s == ' ') s++;
    return *s == '\0';
}

/* black, red (DeviceCMYK 0 1 1 0, GB/T 9704's red), gray K, cmyk C M Y K. */
int tv_color(tctx *c, const tnode *node, const char *path, gw_color *out)
{
    const char *s = tv_scalar(c, node, path);
    double v[4];
    if (!s) return 0;
    memset(out, 0, sizeof *out);
    if (strcmp(s, "black") == 0) { out->k = 1; return 1; }
    if (strcmp(s, "red") == 0) { *out = (gw_color){ 1, 0, 1, 1, 0 }; return 1; }
    if (strncmp(s, "gray ", 5) == 0 && parse_components(s + 5, v, 1)) { out->k = v[0]; return 1; }
    if (strncmp(s, "cmyk ", 5) == 0 && parse_components(s + 5, v, 4)) {
        *out = (gw_color){ 1, v[0], v[1], v[2], v[3] };
        return 1;
    }
    gw_report(c->diags, tr_loc(node, path), GW_MSG_TEMPLATE_COLOUR);
    c->ok = 0;
    return 0;
}

/* "a, b, c" from a NULL-terminated word list (for messages). */
static char *join_words(const char *const *words, const char *open, const char *close)
{
    gw_buf b;
    gw_buf_init(&b);
    for (size_t i = 0; words[i]; i++) gw_buf_printf(&b, "%s%s%s%s", i ? ", " : "", open, words[i], close);
    return gw_buf_steal(&b, NULL);
}

int tv_enum(tctx *c, const tnode *node, const char *path, const char *const *words, int *out)
{
    const char *s = tv_scalar(c, node, path);
    if (!s) return 0;
    size_t n = 0;
    for (; words[n]; n++)
        if (strcmp(s, words[n]) == 0) { *out = (int)n; return 1; }
    char *allowed = join_words(words, "", "");
    const char *better = gw_suggest(s, words, n);
    if (better)
        gw_report(c->diags, tr_loc(node, path), GW_MSG_TEMPLATE_ENUM_SUGGEST, path, s, allowed ? allowed : "", better);
    else
        gw_report(c->diags, tr_loc(node, path), GW_MSG_TEMPLATE_ENUM, path, s, allowed ? allowed : "");
    free(allowed);
    c->ok = 0;
    return 0;
}

static int format_problem(tctx *c, const tnode *node, const char *path, gw_msg id, const char *arg,
                          const char *const *placeholders)
{
    char *allowed = id == GW_MSG_TEMPLATE_PLACEHOLDER ? join_words(placeholders, "{", "}") : NULL;
    gw_report(c->diags, tr_loc(node, path), id, path, arg, allowed ? allowed : "");
    free(allowed);
    c->ok = 0;
    return 0;
}

/* The placeholder {name} at s (after the brace): its index in the list, or -1. */
static int placeholder_at(const char *s, size_t len, const char *const *placeholders)
{
    for (int i = 0; placeholders && placeholders[i]; i++)
        if (strlen(placeholders[i]) == len && memcmp(s, placeholders[i], len) == 0) return i;
    return -1;
}

/* A label or format: bounded, and every brace a known placeholder used at
 * most once, so what it adds to the document's text is bounded too. */
int tv_format(tctx *c, const tnode *node, const char *path, const char *const *placeholders, char **out)
{
    const char *s = tv_scalar(c, node, path);
    unsigned seen = 0;
    if (!s) return 0;
    if (strlen(s) > TPL_MAX_TEXT) {
        gw_report(c->diags, tr_loc(node, path), GW_MSG_TEMPLATE_TEXT_TOO_LONG, path, TPL_MAX_TEXT);
        c->ok = 0;
        return 0;
    }
    for (const char *p = s; *p; p++) {
        if (*p == '}') return format_problem(c, node, path, GW_MSG_TEMPLATE_BRACE, NULL, NULL);
        if (*p != '{') continue;
        const char *close = strchr(p + 1, '}'), *open = strchr(p + 1, '{');
        if (!close || (open && open < close)) return format_problem(c, node, path, GW_MSG_TEMPLATE_BRACE, NULL, NULL);
        if (!placeholders) return format_problem(c, node, path, GW_MSG_TEMPLATE_NO_PLACEHOLDERS, NULL, NULL);
        char name[TPL_MAX_TEXT + 1];
        size_t len = (size_t)(close - p - 1);
        memcpy(name, p + 1, len);
        name[len] = '\0';
        int i = placeholder_at(p + 1, len, placeholders);
        if (i < 0) return format_problem(c, node, path, GW_MSG_TEMPLATE_PLACEHOLDER, name, placeholders);
        if (seen & (1u << i)) return format_problem(c, node, path, GW_MSG_TEMPLATE_PLACEHOLDER_TWICE, name, NULL);
        seen |= 1u << i;
        p = close;
    }
    if (!(*out = strdup(s))) {
        gw_report(c->diags, tr_loc(node, path), GW_MSG_NO_MEMORY);
        c->ok = 0;
        return 0;
    }
    return 1;
}

int tv_name(tctx *c, const tnode *node, const char *path, const char **out)
{
    const char *s = tv_scalar(c, node, path);
    if (!s) return 0;
    size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_-");
    if (n == 0 || s[n] || n > TPL_MAX_NAME) {
        gw_report(c->diags, tr_loc(node, path), GW_MSG_TEMPLATE_NAME, path, TPL_MAX_NAME);
        c->ok = 0;
        return 0;
    }
    *out = s;
    return 1;
}
