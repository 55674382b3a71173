#include "yaml/yaml-slips.h"
#include "util/buf.h"
#include "util/messages.h"
#include "util/utf8.h"
#include <stdio.h>
#include <string.h>

#define FULL_WIDTH_COLON "\xEF\xBC\x9A"    /* ： U+FF1A */

typedef struct line {
    const char *s;           /* its bytes, without the line break */
    size_t      len;
    unsigned    number;      /* 1-based */
} line;

/* Line number (1-based) of text, or a line with len 0 past the end. */
static line line_at(const char *text, size_t len, unsigned number)
{
    line l = { text + len, 0, number };
    size_t start = 0;
    for (unsigned n = 1; n < number && start < len; n++) {
        const char *nl = memchr(text + start, '\n', len - start);
        if (!nl) return l;
        start = (size_t)(nl - text) + 1;
    }
    const char *nl = memchr(text + start, '\n', len - start);
    l.s = text + start;
    l.len = (nl ? (size_t)(nl - text) : len) - start;
    if (l.len && l.s[l.len - 1] == '\r') l.len--;
    return l;
}

/* The first needle (n bytes) in s (len bytes), or NULL. */
static const char *find(const char *s, size_t len, const char *needle, size_t n)
{
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(s + i, needle, n) == 0) return s + i;
    return NULL;
}

static size_t leading_spaces(const line *l)
{
    size_t n = 0;
    while (n < l->len && l->s[n] == ' ') n++;
    return n;
}

/* Where a line's content starts: after its spaces and any "- " of a list item. */
static size_t content_start(const line *l)
{
    size_t i = leading_spaces(l);
    while (i + 1 < l->len && l->s[i] == '-' && l->s[i + 1] == ' ') {
        i += 2;
        while (i < l->len && l->s[i] == ' ') i++;
    }
    return i;
}

static int blank_or_comment(const line *l)
{
    size_t i = leading_spaces(l);
    return i == l->len || l->s[i] == '#';
}

/* The column (1-based, in characters) of byte offset i of the line. */
static unsigned column_of(const line *l, size_t i) { return (unsigned)gw_utf8_count(l->s, i) + 1; }

/* A key as people write them: letters, digits, '_' and '-', or Chinese,
 * starting with a letter or a Chinese character; no spaces, quotes or marks. */
static int key_like(const char *s, size_t n)
{
    if (n == 0 || n > 64) return 0;
    unsigned char c0 = (unsigned char)s[0];
    if (!(c0 >= 0x80 || ((c0 | 0x20) >= 'a' && (c0 | 0x20) <= 'z'))) return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80 && !(c == '_' || c == '-' || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
            return 0;
    }
    return find(s, n, FULL_WIDTH_COLON, 3) == NULL;
}

/* The value after the colon, trimmed, cut to 20 characters with "…". */
static void excerpt(gw_buf *b, const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\t')) { s++; n--; }
    size_t i = 0;
    for (int chars = 0; i < n && chars < 20; chars++) gw_utf8_next(s, n, &i);
    gw_buf_printf(b, "%.*s%s", (int)i, s, i < n ? "…" : "");
}

/* `title：…` or `title:…` on line l; reports it and returns 1. */
static int colon_slip(const char *path, const line *l, gw_diagnostics *diags)
{
    size_t start = content_start(l);
    const char *rest = l->s + start;
    size_t n = l->len - start;
    const char *fw = find(rest, n, FULL_WIDTH_COLON, 3);
    const char *colon = memchr(rest, ':', n);
    int full_width = fw && (!colon || fw < colon);
    const char *at = full_width ? fw : colon;
    if (!at || !key_like(rest, (size_t)(at - rest))) return 0;
    size_t after = (size_t)(at - l->s) + (full_width ? 3 : 1);
    if (!full_width && (after >= l->len || l->s[after] == ' ' || l->s[after] == '/' || l->s[after] == ':')) return 0;
    gw_buf value;
    gw_buf_init(&value);
    excerpt(&value, l->s + after, l->len - after);
    int key_len = (int)(at - rest);
    gw_loc loc = { path, l->number, column_of(l, (size_t)(at - l->s) + (full_width ? 0 : 1)), "", 1 };
    gw_report(diags, loc, full_width ? GW_MSG_YAML_FULL_WIDTH_COLON : GW_MSG_YAML_NO_SPACE, key_len, rest,
              key_len, rest, value.data ? value.data : "");
    gw_buf_free(&value);
    return 1;
}

/* The nearest line above l with content (number 0: none). */
static line line_above(const char *text, size_t len, const line *l)
{
    for (unsigned n = l->number - 1; n >= 1; n--) {
        line above = line_at(text, len, n);
        if (!blank_or_comment(&above)) return above;
    }
    line none = { text, 0, 0 };
    return none;
}

/* Line l indented unlike the line above it; reports it and returns 1. */
static int indent_slip(const char *path, const char *text, size_t len, const line *l, gw_diagnostics *diags)
{
    if (blank_or_comment(l)) return 0;
    line above = line_above(text, len, l);
    if (!above.number) return 0;
    size_t mine = leading_spaces(l), theirs = content_start(&above);
    if (mine == theirs || mine == leading_spaces(&above)) return 0;
    gw_loc loc = { path, l->number, (unsigned)mine + 1, "", 0 };
    gw_report(diags, loc, GW_MSG_YAML_INDENT, (int)mine, above.number, (int)theirs);
    return 1;
}

/* libyaml's English phrases and their Chinese. */
static const char *const glosses[][2] = {
    { "could not find expected ':'", "找不到应有的冒号“:”" },
    { "did not find expected key", "此处应为“键: 值”" },
    { "did not find expected '-' indicator", "此处应为列表项“- ”" },
    { "mapping values are not allowed in this context", "此处不能出现“键: 值”（值中的冒号是否应加引号？）" },
    { "found character that cannot start any token", "出现了不能作为开头的字符（如制表符、`、@）" },
    { "found unexpected end of stream", "文件意外结束（引号是否未闭合？）" },
    { "found unknown escape character", "双引号中有未知的转义字符（反斜杠 \\）" },
    { "did not find expected node content", "此处缺少内容" },
    { "did not find expected ',' or ']'", "此处应为“,”或“]”" },
    { "did not find expected ',' or '}'", "此处应为“,”或“}”" },
    { "block sequence entries are not allowed in this context", "此处不能出现列表项“- ”" },
    { "found a tab character that violates indentation", "缩进中有制表符（请改用空格）" },
    { "found a tab character where an indentation space is expected", "缩进中有制表符（请改用空格）" },
    { "did not find expected <document start>", "此处应为文档开头" },
    { "found undefined tag handle", "出现了未定义的标签（!）" },
    { "while scanning a simple key", "（读取键时）" },
    { "while parsing a block mapping", "（读取映射时）" },
    { "while parsing a block collection", "（读取列表时）" },
    { "while scanning a quoted scalar", "（读取引号中的文本时）" },
    { "while parsing a flow mapping", "（读取 { } 映射时）" },
    { "while parsing a flow sequence", "（读取 [ ] 列表时）" },
    { "while scanning a block scalar", "（读取 | 文本块时）" },
};

static void gloss(gw_buf *b, const char *phrase, int zh)
{
    if (!phrase) return;
    for (size_t i = 0; zh && i < sizeof glosses / sizeof *glosses; i++)
        if (strcmp(phrase, glosses[i][0]) == 0) { gw_buf_puts(b, glosses[i][1]); return; }
    gw_buf_printf(b, "%s%s", b->len ? " " : "", phrase);
}

void gw_yaml_report_syntax(const char *path, const char *text, size_t len, const yaml_parser_t *p,
                           gw_diagnostics *diags)
{
    const yaml_mark_t *m = p->problem ? &p->problem_mark : &p->context_mark;
    int simple_key = p->context && strcmp(p->context, "while scanning a simple key") == 0;
    line at = line_at(text, len, (unsigned)m->line + 1);
    line key = simple_key ? line_at(text, len, (unsigned)p->context_mark.line + 1) : at;
    line above = line_above(text, len, &at);
    /* `name:value` reads as text that runs on into the next line, where
     * libyaml stops ("mapping values are not allowed"): look one line up. */
    if (colon_slip(path, &key, diags) || (above.number && above.number != key.number && colon_slip(path, &above, diags)) ||
        (at.number != key.number && colon_slip(path, &at, diags)))
        return;
    if (p->problem && (simple_key || strstr(p->problem, "did not find expected")) &&
        indent_slip(path, text, len, &key, diags))
        return;
    gw_buf what;
    gw_buf_init(&what);
    int zh = gw_diagnostics_language(diags) == GW_LANG_ZH;
    gloss(&what, p->problem ? p->problem : "unreadable input", zh);
    gloss(&what, p->context, zh);
    gw_loc loc = { path, (unsigned)m->line + 1, (unsigned)m->column + 1, "", 0 };
    gw_report(diags, loc, GW_MSG_YAML_SYNTAX, what.data ? what.data : "");
    gw_buf_free(&what);
}
