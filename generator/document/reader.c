/* Reading fields: kinds, emptiness, keys, and where a problem is. */
#include "document/reader.h"
#include "util/buf.h"
#include "util/utf8.h"
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void rd_report(gw_reader *R, gw_loc loc, gw_msg id, ...)
{
    const gw_message *m = gw_message_get(id);
    R->problems++;
    if (m->severity == GW_ERROR) R->errors++;
    va_list ap;                 /* past GW_DIAG_MAX_PER_FILE the list only counts it */
    va_start(ap, id);
    gw_diag_vadd(R->diags, m->severity, m->code, loc,
                 gw_diagnostics_language(R->diags) == GW_LANG_ZH ? m->zh : m->en, ap);
    va_end(ap);
}

gw_src rd_src(const yaml_node_t *n)
{
    gw_src s = { 0, 0 };
    if (n) { s.line = (unsigned)n->start_mark.line + 1; s.column = (unsigned)n->start_mark.column + 1; }
    return s;
}

gw_loc rd_loc(gw_reader *R, const yaml_node_t *node, const char *path)
{
    return gw_yaml_loc(R->y, node, path);
}

static size_t leading_spaces(const char *s, size_t len)
{
    size_t n = 0;
    while (n < len && s[n] == ' ') n++;
    return n;
}

/* In a literal block each line of the value is one line of the file,
 * indented by the block's indentation.  The line count up to offset is
 * remembered, so walking a long body forward stays linear. */
static gw_src literal_position(gw_reader *R, const yaml_node_t *n, size_t offset)
{
    const char *v = (const char *)n->data.scalar.value;
    if (R->cache_node != n || offset < R->cache_offset) {
        R->cache_node = n;
        R->cache_offset = R->cache_line_start = 0;
        R->cache_lines = 0;
    }
    for (size_t i = R->cache_offset; i < offset; i++)
        if (v[i] == '\n') { R->cache_lines++; R->cache_line_start = i + 1; }
    R->cache_offset = offset;
    gw_src s = rd_src(n);
    unsigned line = s.line + 1 + R->cache_lines;
    size_t src_len, start = R->cache_line_start;
    const char *src = gw_yaml_source_line(R->y, line, &src_len);
    if (!src) return s;
    const char *eol = memchr(v + start, '\n', n->data.scalar.length - start);
    size_t val_len = eol ? (size_t)(eol - (v + start)) : n->data.scalar.length - start;
    size_t lead_src = leading_spaces(src, src_len), lead_val = leading_spaces(v + start, val_len);
    size_t indent = lead_src >= lead_val ? lead_src - lead_val : 0;
    long chars = gw_utf8_count(v + start, offset - start);
    s.line = line;
    s.column = (unsigned)(indent + (size_t)(chars < 0 ? 0 : chars) + 1);
    return s;
}

gw_src rd_position(gw_reader *R, const yaml_node_t *n, size_t offset)
{
    gw_src s = rd_src(n);
    if (!n || n->type != YAML_SCALAR_NODE || offset > n->data.scalar.length) return s;
    yaml_scalar_style_t style = n->data.scalar.style;
    if (style == YAML_LITERAL_SCALAR_STYLE) return literal_position(R, n, offset);
    if (n->start_mark.line != n->end_mark.line) return s;
    int quoted = style == YAML_SINGLE_QUOTED_SCALAR_STYLE || style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
    long chars = gw_utf8_count((const char *)n->data.scalar.value, offset);
    s.column += (unsigned)quoted + (unsigned)(chars < 0 ? 0 : chars);
    return s;
}

gw_loc rd_loc_at(gw_reader *R, const yaml_node_t *node, size_t offset, const char *path)
{
    gw_src s = rd_position(R, node, offset);
    gw_loc loc = { R->y->path, s.line, s.column, path, 0 };
    return loc;
}

int rd_verbatim(gw_reader *R, gw_src at, const char *text, size_t len)
{
    size_t n = 0, i = 0;
    const char *line = at.column ? gw_yaml_source_line(R->y, at.line, &n) : NULL;
    if (!line) return 0;
    for (unsigned c = 1; c < at.column; c++)
        if (i >= n || gw_utf8_next(line, n, &i) == GW_UTF8_INVALID) return 0;
    return len <= n - i && memcmp(line + i, text, len) == 0;
}

yaml_node_t *rd_node(gw_reader *R, yaml_node_t *map, const char *key) { return gw_yaml_get(R->y, map, key); }
yaml_node_t *rd_item(gw_reader *R, yaml_node_t *seq, size_t i) { return gw_yaml_item(R->y, seq, i); }

const char *rd_key_text(gw_reader *R, const yaml_node_pair_t *pair)
{
    return gw_yaml_str(yaml_document_get_node(&R->y->doc, pair->key));
}

static void join_path(char *buf, size_t cap, const char *where, const char *key)
{
    snprintf(buf, cap, "%s%s%s", where, *where ? "." : "", key);
}

static void report_unknown_key(gw_reader *R, const yaml_node_t *key_node, const char *key,
                               const gw_field *section, const char *where)
{
    char path[256], shown[128];
    join_path(path, sizeof path, where, gw_excerpt(key, strlen(key), shown, sizeof shown));
    const char *in = *where ? where : gw_kind_name(R->diags, GW_KIND_DOCUMENT);
    char named[160];          /* in Chinese, a section by its Chinese name: 落款（signature） */
    const char *zh = *where ? gw_schema_zh(gw_schema_root, where) : "";
    if (gw_diagnostics_language(R->diags) == GW_LANG_ZH && *zh) {
        snprintf(named, sizeof named, "%s（%s）", zh, where);
        in = named;
    }
    const char *better = strlen(key) <= 256 ? gw_suggest_field(key, section) : NULL;
    if (better) rd_report(R, rd_loc(R, key_node, path), GW_MSG_UNKNOWN_KEY_SUGGEST, shown, in, better);
    else rd_report(R, rd_loc(R, key_node, path), GW_MSG_UNKNOWN_KEY, shown, in);
}

void rd_check_keys(gw_reader *R, yaml_node_t *map, const gw_field *section, const char *where)
{
    unsigned first_line[32] = { 0 };
    if (!map || map->type != YAML_MAPPING_NODE) return;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        yaml_node_t *key_node = yaml_document_get_node(&R->y->doc, p->key);
        const char *key = gw_yaml_str(key_node);
        if (!key) {
            rd_report(R, rd_loc(R, key_node, where), GW_MSG_WRONG_KIND, "key", gw_kind_name(R->diags, GW_KIND_KEY));
            continue;
        }
        size_t i = 0;
        while (section[i].key && strcmp(section[i].key, key) != 0) i++;
        if (!section[i].key) { report_unknown_key(R, key_node, key, section, where); continue; }
        unsigned line = (unsigned)key_node->start_mark.line + 1;
        if (i < 32 && first_line[i]) {
            char path[256];
            join_path(path, sizeof path, where, key);
            rd_report(R, rd_loc(R, key_node, path), GW_MSG_DUPLICATE_KEY, key, first_line[i]);
        } else if (i < 32) {
            first_line[i] = line;
        }
    }
}

/* A plain ~ or null is YAML's way of writing nothing. */
static int is_null(const yaml_node_t *n)
{
    const char *v = (const char *)n->data.scalar.value;
    return n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
           (strcmp(v, "~") == 0 || strcmp(v, "null") == 0 || strcmp(v, "Null") == 0 || strcmp(v, "NULL") == 0);
}

char *rd_text(gw_reader *R, yaml_node_t *node, const char *path, const char *zh, int flags)
{
    if (!node) return NULL;
    if (node->type != YAML_SCALAR_NODE) {
        rd_report(R, rd_loc(R, node, path), GW_MSG_NOT_TEXT, path);
        return NULL;
    }
    const char *v = (const char *)node->data.scalar.value;
    size_t start = 0, len = node->data.scalar.length;
    gw_trim_span(v, &start, &len);
    if (len == 0 || is_null(node)) {
        if (flags & RD_REQUIRED) rd_report(R, rd_loc(R, node, path), GW_MSG_MISSING_EMPTY, path, zh ? zh : "");
        else rd_report(R, rd_loc(R, node, path), GW_MSG_EMPTY, path);
        return NULL;
    }
    /* a text with a placeholder or a control character is reported; its
     * other rules would only repeat the complaint */
    if (!rd_check_text(R, node, start, len, path, flags)) return NULL;
    return gw_strndup(v + start, len);
}

/* A key of map that is no field of section but the near miss of `key`:
 * `titel` when title is missing.  The unknown key's "did you mean title?"
 * already says what is wrong. */
static int misspelled_in(gw_reader *R, yaml_node_t *map, const char *key, const gw_field *section)
{
    if (!map || map->type != YAML_MAPPING_NODE) return 0;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top; p++) {
        const char *k = gw_yaml_str(yaml_document_get_node(&R->y->doc, p->key));
        if (k && strlen(k) <= 256 && !*gw_schema_zh(section, k)) {      /* "": not a field */
            const char *meant = gw_suggest_field(k, section);
            if (meant && strcmp(meant, key) == 0) return 1;
        }
    }
    return 0;
}

void rd_report_missing(gw_reader *R, yaml_node_t *map, const char *key, const char *path, const gw_field *section)
{
    if (!misspelled_in(R, map, key, section))
        rd_report(R, rd_loc(R, map, path), GW_MSG_MISSING, path, gw_schema_zh(section, key));
}

char *rd_field(gw_reader *R, yaml_node_t *map, const char *key, const char *path,
               const gw_field *section, int flags)
{
    yaml_node_t *n = rd_node(R, map, key);
    const char *zh = gw_schema_zh(section, key);
    if (!n) {
        if (flags & RD_REQUIRED) rd_report_missing(R, map, key, path, section);
        return NULL;
    }
    return rd_text(R, n, path, zh, flags);
}

size_t rd_text_list(gw_reader *R, yaml_node_t *node, const char *path, int flags, gw_text_list *out)
{
    if (!node) return 0;
    if (node->type == YAML_SCALAR_NODE) {
        char *t = rd_text(R, node, path, NULL, flags & ~RD_REQUIRED);
        if (t) gw_text_list_add(out, t, rd_src(node));
        return out->count;
    }
    if (node->type != YAML_SEQUENCE_NODE) {
        rd_report(R, rd_loc(R, node, path), GW_MSG_WRONG_KIND, path, gw_kind_name(R->diags, GW_KIND_TEXT_OR_LIST));
        return 0;
    }
    for (size_t i = 0; i < gw_yaml_len(node); i++) {
        char item_path[256];
        snprintf(item_path, sizeof item_path, "%s[%zu]", path, i);
        yaml_node_t *item = rd_item(R, node, i);
        char *t = rd_text(R, item, item_path, NULL, flags & ~RD_REQUIRED);
        if (t) gw_text_list_add(out, t, rd_src(item));
    }
    /* an empty list of a required field is the caller's to report, as missing */
    if (gw_yaml_len(node) == 0 && !(flags & RD_REQUIRED)) rd_report(R, rd_loc(R, node, path), GW_MSG_EMPTY, path);
    return out->count;
}

/* ---- small text helpers ---- */

static int is_space_at(const char *s, size_t len, size_t i, size_t *width)
{
    if (isspace((unsigned char)s[i])) { *width = 1; return 1; }
    if (i + 3 <= len && memcmp(s + i, "\xE3\x80\x80", 3) == 0) { *width = 3; return 1; }
    return 0;
}

void gw_trim_span(const char *s, size_t *start, size_t *len)
{
    size_t b = *start, e = *start + *len, w;
    while (b < e && is_space_at(s, e, b, &w)) b += w;
    while (e > b) {
        if (isspace((unsigned char)s[e - 1])) e--;
        else if (e - b >= 3 && memcmp(s + e - 3, "\xE3\x80\x80", 3) == 0) e -= 3;
        else break;
    }
    *start = b;
    *len = e - b;
}

char *gw_strndup(const char *s, size_t len)
{
    char *t = malloc(len + 1);
    if (t) { memcpy(t, s, len); t[len] = '\0'; }
    return t;
}

const char *gw_excerpt(const char *s, size_t len, char *buf, size_t cap)
{
    size_t i = 0, chars = 0;
    while (i < len && chars < 40) {
        size_t next = i;
        uint32_t c = gw_utf8_next(s, len, &next);
        if (c == GW_UTF8_INVALID || c == 0 || next + 4 > cap) break;   /* room for … and NUL */
        i = next;
        chars++;
    }
    memcpy(buf, s, i);
    if (i < len) { memcpy(buf + i, "…", 3); i += 3; }
    buf[i] = '\0';
    return buf;
}

int gw_text_list_add(gw_text_list *l, char *text, gw_src src)
{
    if (!text) return 0;
    if (!gw_grow(&l->items, l->count, sizeof *l->items) || !gw_grow(&l->srcs, l->count, sizeof *l->srcs)) {
        free(text);
        return 0;
    }
    l->items[l->count] = text;
    l->srcs[l->count++] = src;
    return 1;
}

void gw_text_list_free(gw_text_list *l)
{
    for (size_t i = 0; i < l->count; i++) free(l->items[i]);
    free(l->items);
    free(l->srcs);
    memset(l, 0, sizeof *l);
}

char *gw_text_list_join(const gw_text_list *l, const char *sep)
{
    if (!l->count) return NULL;
    gw_buf b;
    gw_buf_init(&b);
    for (size_t i = 0; i < l->count; i++) {
        if (i) gw_buf_puts(&b, sep);
        gw_buf_puts(&b, l->items[i]);
    }
    return gw_buf_steal(&b, NULL);
}
