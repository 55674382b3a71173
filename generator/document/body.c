/* 正文: paragraphs, headings recognised from their numbering, run-in
 * headings, **emphasis**, page breaks; and the numbering's sequence. */
#include "document/reader.h"
#include "document/rules.h"
#include "util/buf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct body_reader {
    gw_reader  *R;
    const char *path;            /* "body", "attachments[0].body" */
    gw_block  **blocks;          /* where the blocks go */
    size_t     *count;
    int         counters[5];     /* last number seen at each heading level */
    size_t      text_blocks;
} body_reader;

/* A block's printed text with ** and \ removed, and its emphasis spans.
 * Returns the raw offset of an unclosed **, or (size_t)-1. */
typedef struct plain_text {
    char    *text;
    size_t   len;
    gw_emphasis *spans;
    size_t   span_count;
} plain_text;

static size_t strip_markup(const char *s, size_t len, plain_text *out)
{
    gw_buf b;
    gw_buf_init(&b);
    size_t open_at = (size_t)-1, open_out = 0;
    for (size_t i = 0; i < len; i++) {
        /* \* and \\ are escapes, and a \ opening the block keeps numbering
         * from making a heading; any other backslash is printed as written */
        if (s[i] == '\\' && i + 1 < len && (i == 0 || s[i + 1] == '*' || s[i + 1] == '\\')) {
            gw_buf_append(&b, &s[++i], 1);
            continue;
        }
        if (s[i] == '*' && i + 1 < len && s[i + 1] == '*') {
            if (open_at == (size_t)-1) { open_at = i; open_out = b.len; }
            else {
                if (b.len > open_out && gw_grow(&out->spans, out->span_count, sizeof *out->spans))
                    out->spans[out->span_count++] = (gw_emphasis){ open_out, b.len };
                open_at = (size_t)-1;
            }
            i++;
            continue;
        }
        gw_buf_append(&b, &s[i], 1);
    }
    out->text = gw_buf_steal(&b, &out->len);
    if (!out->text) { out->text = calloc(1, 1); out->len = 0; }
    return open_at;
}

/* (一) -> （一）: the numbering printed full-width, spans moved along. */
static void widen_numbering(plain_text *p, const gw_numbering *num)
{
    char wide[64];
    gw_format_numbering(num->level, num->number, wide, sizeof wide);
    size_t wl = strlen(wide);
    gw_buf b;
    gw_buf_init(&b);
    gw_buf_puts(&b, wide);
    gw_buf_append(&b, p->text + num->length, p->len - num->length);
    char *t = gw_buf_steal(&b, NULL);
    if (!t) return;
    for (size_t i = 0; i < p->span_count; i++) {
        if (p->spans[i].start >= num->length) p->spans[i].start = p->spans[i].start - num->length + wl;
        if (p->spans[i].end >= num->length) p->spans[i].end = p->spans[i].end - num->length + wl;
    }
    free(p->text);
    p->text = t;
    p->len = p->len - num->length + wl;
}

static void check_sequence(body_reader *B, int level, int number, gw_loc loc)
{
    int expected = B->counters[level] + 1;
    if (number != expected) {
        char got[64], want[64];
        gw_format_numbering(level, number, got, sizeof got);
        gw_format_numbering(level, expected, want, sizeof want);
        rd_report(B->R, loc, B->counters[level] ? GW_MSG_NUMBERING_SKIP : GW_MSG_NUMBERING_FIRST, got, want);
    }
    B->counters[level] = number;
    for (int k = level + 1; k <= 4; k++) B->counters[k] = 0;
}

static gw_block *new_block(body_reader *B)
{
    if (!gw_grow(B->blocks, *B->count, sizeof **B->blocks)) return NULL;
    gw_block *b = &(*B->blocks)[(*B->count)++];
    memset(b, 0, sizeof *b);
    return b;
}

static void add_paragraph(gw_document *d, const char *text, gw_src src)
{
    if (!gw_grow(&d->paragraphs, d->paragraph_count, sizeof *d->paragraphs)) return;
    char *copy = strdup(text);
    if (copy) d->paragraphs[d->paragraph_count++] = (gw_paragraph){ copy, src };
}

/* One text block: raw[start, start + len) of node's value.  level: 0 to
 * detect from the numbering, -1 for an explicit heading without level:,
 * 1-4 for an explicit level. */
static void text_block(body_reader *B, yaml_node_t *node, size_t start, size_t len, const char *path, int level)
{
    gw_reader *R = B->R;
    const char *raw = (const char *)node->data.scalar.value + start;
    gw_loc loc = rd_loc_at(R, node, start, path);
    rd_check_text(R, node, start, len, path, 0);
    int escaped = raw[0] == '\\';
    plain_text p = { 0 };
    size_t open = strip_markup(raw, len, &p);
    if (open != (size_t)-1) rd_report(R, rd_loc_at(R, node, start + open, path), GW_MSG_EMPHASIS_OPEN);
    gw_numbering num = { 0 };
    if (!escaped) gw_detect_numbering(p.text, p.len, &num);
    if (num.half_width) {
        char wide[64], written[64];
        gw_format_numbering(num.level, num.number, wide, sizeof wide);
        snprintf(written, sizeof written, "%.*s", (int)num.length, p.text);
        rd_report(R, loc, GW_MSG_HALF_WIDTH_PARENS, written, wide);
        widen_numbering(&p, &num);
    }
    if (level == 0) level = num.level;
    if (level < 0) level = num.level ? num.level : 1;
    if (num.level && level) check_sequence(B, level, num.number, loc);
    gw_block *b = new_block(B);
    if (!b) { free(p.text); free(p.spans); return; }
    b->kind = level ? GW_BLOCK_HEADING : GW_BLOCK_PARAGRAPH;
    b->level = level;
    b->text = p.text;
    b->run_in = level ? gw_run_in_length(p.text, p.len) : 0;
    b->emphasis = p.spans;
    b->emphasis_count = p.span_count;
    b->src = loc.line ? (gw_src){ loc.line, loc.column } : rd_src(node);
    b->verbatim = loc.line && rd_verbatim(R, b->src, p.text, p.len);
    add_paragraph(R->doc, p.text, b->src);
    B->text_blocks++;
}

/* body: |  — every non-blank line is a paragraph. */
static void string_body(body_reader *B, yaml_node_t *node)
{
    const char *v = (const char *)node->data.scalar.value;
    size_t len = node->data.scalar.length, index = 0;
    for (size_t at = 0; at < len;) {
        const char *nl = memchr(v + at, '\n', len - at);
        size_t line_len = nl ? (size_t)(nl - (v + at)) : len - at;
        size_t start = at, n = line_len;
        gw_trim_span(v, &start, &n);
        if (n) {
            char path[64];
            snprintf(path, sizeof path, "%s[%zu]", B->path, index++);
            text_block(B, node, start, n, path, 0);
        }
        at += line_len + 1;
    }
}

/* The trimmed stretch of a scalar; 0 (reported) when not text or empty. */
static int text_span(gw_reader *R, yaml_node_t *node, const char *path, size_t *start, size_t *n)
{
    if (node->type != YAML_SCALAR_NODE) {
        rd_report(R, rd_loc(R, node, path), GW_MSG_NOT_TEXT, path);
        return 0;
    }
    *start = 0;
    *n = node->data.scalar.length;
    gw_trim_span((const char *)node->data.scalar.value, start, n);
    if (!*n) rd_report(R, rd_loc(R, node, path), GW_MSG_EMPTY, path);
    return *n != 0;
}

static int heading_level(gw_reader *R, yaml_node_t *map, const char *path)
{
    char level_path[96];
    snprintf(level_path, sizeof level_path, "%s.level", path);
    yaml_node_t *n = rd_node(R, map, "level");
    if (!n) return -1;
    char *t = rd_text(R, n, level_path, NULL, RD_RAW);
    int level = t && strlen(t) == 1 && t[0] >= '1' && t[0] <= '4' ? t[0] - '0' : 0;
    if (t && !level) rd_report(R, rd_loc(R, n, level_path), GW_MSG_HEADING_LEVEL, t);
    free(t);
    return level ? level : -1;
}

static int is_true(const char *t)
{
    static const char *const yes[] = { "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON", NULL };
    for (size_t i = 0; yes[i]; i++)
        if (strcmp(t, yes[i]) == 0) return 1;
    return 0;
}

/* - heading: 三、存在的问题   (level: 2)
 * - page_break: true */
static void block_item(body_reader *B, yaml_node_t *map, const char *path)
{
    gw_reader *R = B->R;
    rd_check_keys(R, map, gw_schema_block, path);
    yaml_node_t *heading = rd_node(R, map, "heading"), *page_break = rd_node(R, map, "page_break");
    if (heading) {
        char heading_path[96];
        snprintf(heading_path, sizeof heading_path, "%s.heading", path);
        int level = heading_level(R, map, path);
        size_t start, n;
        if (text_span(R, heading, heading_path, &start, &n)) text_block(B, heading, start, n, heading_path, level);
    } else if (page_break) {
        char pb_path[96];
        snprintf(pb_path, sizeof pb_path, "%s.page_break", path);
        char *t = rd_text(R, page_break, pb_path, NULL, RD_RAW);
        if (t && is_true(t)) {
            gw_block *b = new_block(B);
            if (b) { b->kind = GW_BLOCK_PAGE_BREAK; b->src = rd_src(map); }
        } else if (t) {
            rd_report(R, rd_loc(R, page_break, pb_path), GW_MSG_PAGE_BREAK, t);
        }
        free(t);
    } else {
        rd_report(R, rd_loc(R, map, path), GW_MSG_BLOCK_KIND);
    }
}

static void list_body(body_reader *B, yaml_node_t *seq)
{
    gw_reader *R = B->R;
    for (size_t i = 0; i < gw_yaml_len(seq); i++) {
        yaml_node_t *item = rd_item(R, seq, i);
        char path[64];
        snprintf(path, sizeof path, "%s[%zu]", B->path, i);
        if (item->type == YAML_MAPPING_NODE) { block_item(B, item, path); continue; }
        if (item->type != YAML_SCALAR_NODE) {
            rd_report(R, rd_loc(R, item, path), GW_MSG_WRONG_KIND, path, gw_kind_name(R->diags, GW_KIND_BODY_ITEM));
            continue;
        }
        size_t start, n;
        if (text_span(R, item, path, &start, &n)) text_block(B, item, start, n, path, 0);
    }
}

void gw_load_blocks(gw_reader *R, yaml_node_t *n, const char *path, gw_block **blocks, size_t *count)
{
    body_reader B = { R, path, blocks, count, { 0 }, 0 };
    if (n->type == YAML_SCALAR_NODE) string_body(&B, n);
    else if (n->type == YAML_SEQUENCE_NODE) list_body(&B, n);
    else {
        rd_report(R, rd_loc(R, n, path), GW_MSG_WRONG_KIND, path, gw_kind_name(R->diags, GW_KIND_TEXT_OR_LIST));
        return;
    }
    if (B.text_blocks == 0)
        rd_report(R, rd_loc(R, n, path), GW_MSG_MISSING_EMPTY, path, gw_schema_zh(gw_schema_root, "body"));
}

void gw_load_body(gw_reader *R, yaml_node_t *root)
{
    yaml_node_t *n = rd_node(R, root, "body");
    if (!n) {
        rd_report_missing(R, root, "body", "body", gw_schema_root);
        return;
    }
    /* Without `|` YAML folds the lines into one: the paragraphs are lost. */
    if (n->type == YAML_SCALAR_NODE && n->data.scalar.style != YAML_LITERAL_SCALAR_STYLE &&
        n->end_mark.line > n->start_mark.line)
        rd_report(R, rd_loc(R, n, "body"), GW_MSG_BODY_FOLDED);
    gw_load_blocks(R, n, "body", &R->doc->blocks, &R->doc->block_count);
}
