/* Reading a document file into the model.  This is the walking skeleton's
 * loader: it reads every field the layout uses and reports missing required
 * fields and malformed dates; full schema validation lives in validate.c. */
#include "document/document.h"
#include "util/buf.h"
#include "yaml/ynode.h"
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct loader {
    gw_yaml        *y;
    gw_document    *doc;
    gw_diagnostics *diags;
    int             ok;
} loader;

static gw_src src_of(const yaml_node_t *n)
{
    gw_src s = { 0, 0 };
    if (n) { s.line = (unsigned)n->start_mark.line + 1; s.column = (unsigned)n->start_mark.column + 1; }
    return s;
}

/* A copy of s without leading and trailing ASCII and ideographic spaces. */
static char *trimmed(const char *s, size_t len)
{
    while (len && (isspace((unsigned char)*s) || (len >= 3 && memcmp(s, "\xE3\x80\x80", 3) == 0))) {
        size_t k = isspace((unsigned char)*s) ? 1 : 3;
        s += k;
        len -= k;
    }
    while (len && (isspace((unsigned char)s[len - 1]) ||
                   (len >= 3 && memcmp(s + len - 3, "\xE3\x80\x80", 3) == 0)))
        len -= isspace((unsigned char)s[len - 1]) ? 1 : 3;
    char *t = malloc(len + 1);
    if (t) { memcpy(t, s, len); t[len] = '\0'; }
    return t;
}

/* A scalar field's trimmed text; NULL when absent or empty.  A present field
 * of the wrong kind is an error. */
static char *get_text(loader *L, yaml_node_t *map, const char *key, const char *path)
{
    yaml_node_t *n = gw_yaml_get(L->y, map, key);
    if (!n) return NULL;
    const char *s = gw_yaml_str(n);
    if (!s) {
        gw_error(L->diags, "E0102", gw_yaml_loc(L->y, n, path), "%s must be text", path);
        L->ok = 0;
        return NULL;
    }
    char *t = trimmed(s, strlen(s));
    if (t && !*t) { free(t); t = NULL; }
    return t;
}

/* A string or a list of strings, joined with sep. */
static char *get_joined(loader *L, yaml_node_t *map, const char *key, const char *sep)
{
    yaml_node_t *n = gw_yaml_get(L->y, map, key);
    if (!n || n->type != YAML_SEQUENCE_NODE) return get_text(L, map, key, key);
    gw_buf b;
    gw_buf_init(&b);
    for (size_t i = 0; i < gw_yaml_len(n); i++) {
        const char *s = gw_yaml_str(gw_yaml_item(L->y, n, i));
        if (!s) continue;
        if (b.len) gw_buf_puts(&b, sep);
        gw_buf_puts(&b, s);
    }
    return gw_buf_steal(&b, NULL);
}

static void require(loader *L, const void *value, const char *path, const char *what)
{
    if (value) return;
    gw_error(L->diags, "E0101", gw_yaml_loc(L->y, gw_yaml_root(L->y), path),
             "missing required field %s (%s)", path, what);
    L->ok = 0;
}

static void load_issuer(loader *L, yaml_node_t *root)
{
    yaml_node_t *n = gw_yaml_get(L->y, root, "issuer");
    if (n && n->type == YAML_SEQUENCE_NODE) n = gw_yaml_item(L->y, n, 0);   /* lead issuer */
    if (n && n->type == YAML_MAPPING_NODE) {
        L->doc->issuer = get_text(L, n, "name", "issuer.name");
        L->doc->issuer_mark = get_text(L, n, "mark", "issuer.mark");
    } else if (n) {
        const char *s = gw_yaml_str(n);
        L->doc->issuer = s ? trimmed(s, strlen(s)) : NULL;
    }
    require(L, L->doc->issuer, "issuer", "发文机关");
}

/* Inline markup: ** toggles emphasis (dropped until the text engine sets
 * it), \ makes the next character literal. */
static char *strip_markup(const char *s)
{
    gw_buf b;
    gw_buf_init(&b);
    for (size_t i = 0; s[i]; i++) {
        if (s[i] == '\\' && s[i + 1]) { gw_buf_append(&b, &s[++i], 1); continue; }
        if (s[i] == '*' && s[i + 1] == '*') { i++; continue; }
        gw_buf_append(&b, &s[i], 1);
    }
    return gw_buf_steal(&b, NULL);
}

static int add_paragraph(gw_document *d, const char *text, size_t len, gw_src src)
{
    char *t = trimmed(text, len);
    if (!t || !*t) { free(t); return t != NULL; }
    char *plain = strip_markup(t);
    free(t);
    gw_paragraph *p = realloc(d->paragraphs, (d->paragraph_count + 1) * sizeof *p);
    if (!plain || !p) { free(plain); if (p) d->paragraphs = p; return 0; }
    d->paragraphs = p;
    d->paragraphs[d->paragraph_count++] = (gw_paragraph){ plain, src };
    return 1;
}

static void load_body(loader *L, yaml_node_t *root)
{
    yaml_node_t *n = gw_yaml_get(L->y, root, "body");
    require(L, n, "body", "正文");
    if (!n) return;
    const char *s = gw_yaml_str(n);
    if (s) {
        /* A literal block's text starts on the line after the | indicator. */
        gw_src src = src_of(n);
        int literal = n->data.scalar.style == YAML_LITERAL_SCALAR_STYLE;
        unsigned line = src.line + (literal ? 1 : 0);
        for (const char *p = s; *p; line++) {
            const char *e = strchr(p, '\n');
            size_t len = e ? (size_t)(e - p) : strlen(p);
            add_paragraph(L->doc, p, len, (gw_src){ line, src.column });
            p += len + (e != NULL);
        }
        return;
    }
    for (size_t i = 0; i < gw_yaml_len(n); i++) {
        yaml_node_t *item = gw_yaml_item(L->y, n, i);
        const char *t = gw_yaml_str(item);
        if (!t) t = gw_yaml_str(gw_yaml_get(L->y, item, "heading"));
        if (t) add_paragraph(L->doc, t, strlen(t), src_of(item));
    }
}

static void load_contacts(loader *L, yaml_node_t *root)
{
    yaml_node_t *n = gw_yaml_get(L->y, root, "contacts");
    size_t count = gw_yaml_len(n);
    L->doc->contacts = calloc(count ? count : 1, sizeof(char *));
    if (!L->doc->contacts) return;
    for (size_t i = 0; i < count; i++) {
        yaml_node_t *item = gw_yaml_item(L->y, n, i);
        if (!item || item->type != YAML_MAPPING_NODE) continue;
        gw_buf b;
        gw_buf_init(&b);
        for (yaml_node_pair_t *p = item->data.mapping.pairs.start; p < item->data.mapping.pairs.top; p++) {
            const char *k = gw_yaml_str(yaml_document_get_node(&L->y->doc, p->key));
            const char *v = gw_yaml_str(yaml_document_get_node(&L->y->doc, p->value));
            if (!k || !v) continue;
            if (b.len) gw_buf_puts(&b, "\xE3\x80\x80\xE3\x80\x80");   /* two 　 */
            gw_buf_printf(&b, "%s：%s", k, v);
        }
        L->doc->contacts[L->doc->contact_count++] = gw_buf_steal(&b, NULL);
    }
}

static int days_in_month(int y, int m)
{
    static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : d[m - 1];
}

/* 2025-06-12 or 2025年6月12日. */
static int parse_date(const char *s, int *y, int *m, int *d)
{
    char rest;
    if (sscanf(s, "%4d-%2d-%2d%c", y, m, d, &rest) != 3 &&
        sscanf(s, "%4d年%d月%d日%c", y, m, d, &rest) != 3)
        return 0;
    return *y >= 1900 && *y <= 9999 && *m >= 1 && *m <= 12 && *d >= 1 && *d <= days_in_month(*y, *m);
}

static void load_signature(loader *L, yaml_node_t *root)
{
    yaml_node_t *sig = gw_yaml_get(L->y, root, "signature");
    require(L, sig, "signature", "署名和成文日期");
    if (!sig) return;
    L->doc->signature_name = get_text(L, sig, "name", "signature.name");
    if (!L->doc->signature_name && L->doc->issuer) L->doc->signature_name = strdup(L->doc->issuer);
    char *date = get_text(L, sig, "date", "signature.date");
    require(L, date, "signature.date", "成文日期");
    if (date && !parse_date(date, &L->doc->year, &L->doc->month, &L->doc->day)) {
        gw_error(L->diags, "E0110", gw_yaml_loc(L->y, gw_yaml_get(L->y, sig, "date"), "signature.date"),
                 "not a calendar date: %s (write 2025-06-12 or 2025年6月12日)", date);
        L->ok = 0;
    } else if (date) {
        char buf[64];
        snprintf(buf, sizeof buf, "%d年%d月%d日", L->doc->year, L->doc->month, L->doc->day);
        L->doc->date = strdup(buf);
    }
    free(date);
}

/* Wraps s in （）, unless it already is. */
static char *parenthesized(char *s)
{
    if (!s) return NULL;
    size_t n = strlen(s);
    if (n >= 6 && strncmp(s, "（", 3) == 0 && strcmp(s + n - 3, "）") == 0) return s;
    char *p = malloc(n + 7);
    if (p) snprintf(p, n + 7, "（%s）", s);
    free(s);
    return p;
}

static char *with_suffix(char *s, const char *prefix, const char *suffix)
{
    if (!s) return NULL;
    size_t n = strlen(s), ls = strlen(suffix);
    int has = n >= ls && strcmp(s + n - ls, suffix) == 0;
    size_t cap = strlen(prefix) + n + ls + 1;
    char *p = malloc(cap);
    if (p) snprintf(p, cap, "%s%s%s", prefix, s, has ? "" : suffix);
    free(s);
    return p;
}

static void load_fields(loader *L)
{
    yaml_node_t *root = gw_yaml_root(L->y);
    gw_document *d = L->doc;
    if (root->type != YAML_MAPPING_NODE) {
        gw_error(L->diags, "E0100", gw_yaml_loc(L->y, root, ""), "a document is a mapping of fields (issuer:, title:, ...)");
        L->ok = 0;
        return;
    }
    d->template_name = get_text(L, root, "template", "template");
    if (!d->template_name) d->template_name = strdup("file");
    load_issuer(L, root);
    d->number = get_text(L, root, "number", "number");
    d->signers = get_joined(L, root, "signers", " ");
    yaml_node_t *reply = gw_yaml_get(L->y, root, "reply");
    if (reply) {
        d->reply_category = get_text(L, reply, "category", "reply.category");
        d->reply_label = get_text(L, reply, "label", "reply.label");
    }
    d->title = get_joined(L, root, "title", "");
    d->title_src = src_of(gw_yaml_get(L->y, root, "title"));
    require(L, d->title, "title", "标题");
    d->to = with_suffix(get_joined(L, root, "to", "，"), "", "：");
    load_body(L, root);
    load_contacts(L, root);
    load_signature(L, root);
    d->note = parenthesized(get_joined(L, root, "note", ""));
    d->cc = with_suffix(get_joined(L, root, "cc", "，"), "抄送：", "。");
}

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash) return strdup(".");
    size_t n = slash == path ? 1 : (size_t)(slash - path);
    char *d = malloc(n + 1);
    if (d) { memcpy(d, path, n); d[n] = '\0'; }
    return d;
}

gw_document *gw_document_load(const char *path, gw_diagnostics *diags)
{
    gw_yaml *y = gw_yaml_load_file(path, diags);
    if (!y) return NULL;
    gw_document *doc = calloc(1, sizeof *doc);
    loader L = { y, doc, diags, doc != NULL };
    if (doc) {
        doc->path = strdup(path);
        doc->dir = dir_of(path);
        load_fields(&L);
    }
    gw_yaml_destroy(y);
    if (!L.ok) {
        gw_document_destroy(doc);
        return NULL;
    }
    return doc;
}

void gw_document_destroy(gw_document *d)
{
    if (!d) return;
    for (size_t i = 0; i < d->paragraph_count; i++) free(d->paragraphs[i].text);
    free(d->paragraphs);
    for (size_t i = 0; i < d->contact_count; i++) free(d->contacts[i]);
    free(d->contacts);
    free(d->path); free(d->dir); free(d->template_name); free(d->issuer); free(d->issuer_mark);
    free(d->number); free(d->signers); free(d->reply_category); free(d->reply_label);
    free(d->title); free(d->to); free(d->signature_name); free(d->date); free(d->note); free(d->cc);
    free(d);
}
