/* 发文字号 (GB/T 9704 7.2.4): 机关代字, the year in six-corner brackets 〔〕,
 * the sequence number without leading zeros or 第, then 号.  Clerks type the
 * brackets with whatever their keyboard offers, so the usual look-alikes are
 * recognised and the message gives the number as it should be. */
#include "document/rules.h"
#include "util/buf.h"
#include "util/utf8.h"
#include <stdlib.h>
#include <string.h>

static const char *const opens[] = { "〔", "[", "【", "(", "（", "［", "﹝", "〖", "{", "｛", "〈", "<", "《", "〘", "⦅", NULL };
static const char *const closes[] = { "〕", "]", "】", ")", "）", "］", "﹞", "〗", "}", "｝", "〉", ">", "》", "〙", "⦆", NULL };

/* Length of the bracket of the set at s, or 0. */
static size_t bracket_at(const char *s, const char *const *set, int *is_right)
{
    for (size_t i = 0; set[i]; i++) {
        size_t n = strlen(set[i]);
        if (strncmp(s, set[i], n) == 0) { *is_right = i == 0; return n; }
    }
    return 0;
}

/* The text without spaces, full-width digits made ASCII; *changed when
 * either happened.  NULL when out of memory. */
static char *normalized(const char *s, int *changed)
{
    gw_buf b;
    gw_buf_init(&b);
    *changed = 0;
    for (size_t i = 0, len = strlen(s); i < len;) {
        size_t at = i;
        uint32_t c = gw_utf8_next(s, len, &i);
        if (c == ' ' || c == 0x3000 || c == '\t') { *changed = 1; continue; }
        if (c >= 0xFF10 && c <= 0xFF19) { char d = (char)('0' + (c - 0xFF10)); gw_buf_append(&b, &d, 1); *changed = 1; continue; }
        gw_buf_append(&b, s + at, i - at);
    }
    return gw_buf_steal(&b, NULL);
}

static size_t digits(const char *s)
{
    size_t n = 0;
    while (s[n] >= '0' && s[n] <= '9') n++;
    return n;
}

typedef struct parts {
    const char *agency; size_t agency_len;
    const char *year; size_t year_len;
    int right_brackets;
    int has_di;                 /* 第 before the sequence */
    const char *seq; size_t seq_len;
    int has_hao;
} parts;

static int split(const char *s, parts *p)
{
    memset(p, 0, sizeof *p);
    int right_open = 0, right_close = 0;
    const char *o = s;
    size_t ol = 0;
    while (*o && !(ol = bracket_at(o, opens, &right_open))) o++;
    if (!*o || o == s) return 0;
    p->agency = s;
    p->agency_len = (size_t)(o - s);
    p->year = o + ol;
    p->year_len = digits(p->year);
    const char *c = p->year + p->year_len;
    size_t cl = bracket_at(c, closes, &right_close);
    if (!p->year_len || !cl) return 0;
    p->right_brackets = right_open && right_close;
    const char *q = c + cl;
    if (strncmp(q, "第", 3) == 0) { p->has_di = 1; q += 3; }
    p->seq = q;
    p->seq_len = digits(q);
    q += p->seq_len;
    if (strncmp(q, "号", 3) == 0) { p->has_hao = 1; q += 3; }
    return p->seq_len > 0 && *q == '\0';
}

static char *corrected(const parts *p)
{
    const char *seq = p->seq;
    size_t n = p->seq_len;
    while (n > 1 && *seq == '0') { seq++; n--; }
    gw_buf b;
    gw_buf_init(&b);
    gw_buf_printf(&b, "%.*s〔%.*s〕%.*s号", (int)p->agency_len, p->agency, (int)p->year_len, p->year, (int)n, seq);
    return gw_buf_steal(&b, NULL);
}

gw_number_problem gw_check_number(const char *text, char **fixed, char **year_out)
{
    int changed;
    char *s = normalized(text, &changed);
    parts p;
    gw_number_problem problem = GW_NUMBER_OK;
    *fixed = NULL;
    if (year_out) *year_out = NULL;
    if (!s) return GW_NUMBER_NO_MEMORY;
    if (!split(s, &p) || p.seq_len == strspn(p.seq, "0")) {
        free(s);
        return GW_NUMBER_FORM;
    }
    if (!p.right_brackets) problem = GW_NUMBER_BRACKETS;
    else if (p.year_len != 4 || p.year[0] == '0') problem = GW_NUMBER_YEAR;
    else if (p.has_di || p.seq[0] == '0') problem = GW_NUMBER_SEQUENCE;
    else if (!p.has_hao) problem = GW_NUMBER_SUFFIX;
    else if (changed) problem = GW_NUMBER_FORM;
    if (problem == GW_NUMBER_YEAR) {
        if (year_out && !(*year_out = strndup(p.year, p.year_len))) problem = GW_NUMBER_NO_MEMORY;
    } else if (problem != GW_NUMBER_OK) {
        if (!(*fixed = corrected(&p))) problem = GW_NUMBER_NO_MEMORY;
    }
    free(s);
    return problem;
}

int gw_check_order_number(const char *text, char **fixed)
{
    int changed;
    char *s = normalized(text, &changed);
    *fixed = NULL;
    if (!s) return -1;
    const char *q = s;
    int has_di = strncmp(q, "第", 3) == 0;
    if (has_di) q += 3;
    size_t n = digits(q);
    const char *after = q + n;
    int has_hao = strncmp(after, "号", 3) == 0;
    if (has_hao) after += 3;
    int ok = n > 0 && *after == '\0' && strspn(q, "0") < n;
    if (ok && has_di && has_hao && q[0] != '0' && !changed) { free(s); return 1; }
    if (ok) {
        while (*q == '0') { q++; n--; }
        gw_buf b;
        gw_buf_init(&b);
        gw_buf_printf(&b, "第%.*s号", (int)n, q);
        *fixed = gw_buf_steal(&b, NULL);
    }
    free(s);
    return ok && !*fixed ? -1 : 0;
}
