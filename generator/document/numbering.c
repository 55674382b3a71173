/* Heading numbering as offices type it (GB/T 9704 7.3.3): 一、 （一） 1. （1）,
 * and where a run-in heading ends. */
#include "document/rules.h"
#include "util/utf8.h"
#include <stdio.h>
#include <string.h>

static const char *const digits_cn[] = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

static int cn_digit(uint32_t c)
{
    static const uint32_t cps[] = { 0x96F6, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D };
    for (int i = 0; i < 10; i++)
        if (cps[i] == c) return i;
    return -1;
}

/* A Chinese numeral from 一 to 九十九 at text; its value and byte length, or 0. */
static int cn_number(const char *s, size_t len, size_t *used)
{
    size_t i = 0;
    int tens = 0, units = 0, seen_ten = 0, digits = 0;
    while (i < len) {
        size_t at = i;
        uint32_t c = gw_utf8_next(s, len, &i);
        int d = cn_digit(c);
        if (c == 0x5341 && !seen_ten) {                  /* 十 */
            tens = digits ? units : 1;
            if (digits > 1 || (digits && units == 0)) return 0;
            units = 0;
            digits = 0;
            seen_ten = 1;
        } else if (d > 0 && digits == 0) {
            units = d;
            digits = 1;
        } else {
            i = at;
            break;
        }
    }
    int value = tens * 10 + units;
    *used = i;
    return value > 0 ? value : 0;
}

static int ascii_number(const char *s, size_t len, size_t *used)
{
    size_t n = 0;
    int v = 0;
    while (n < len && n < 3 && s[n] >= '0' && s[n] <= '9') v = v * 10 + (s[n++] - '0');
    if (n == 0 || (n < len && s[n] >= '0' && s[n] <= '9') || s[0] == '0') return 0;
    *used = n;
    return v;
}

static size_t word_at(const char *s, size_t len, const char *word)
{
    size_t n = strlen(word);
    return len >= n && memcmp(s, word, n) == 0 ? n : 0;
}

/* （N） or (N) with N read by number(); level and half-width set on success. */
static int parenthesized(const char *s, size_t len, int (*number)(const char *, size_t, size_t *),
                         gw_numbering *out)
{
    size_t open = word_at(s, len, "（"), half = 0, used = 0;
    if (!open) open = half = word_at(s, len, "(");
    if (!open) return 0;
    int v = number(s + open, len - open, &used);
    if (!v) return 0;
    size_t close = word_at(s + open + used, len - open - used, "）");
    if (!close) { close = word_at(s + open + used, len - open - used, ")"); if (close) half = 1; }
    if (!close) return 0;
    out->number = v;
    out->length = open + used + close;
    out->half_width = half != 0;
    return 1;
}

int gw_detect_numbering(const char *s, size_t len, gw_numbering *out)
{
    size_t used = 0, sep;
    memset(out, 0, sizeof *out);
    int v = cn_number(s, len, &used);
    if (v && (sep = word_at(s + used, len - used, "、"))) {
        *out = (gw_numbering){ 1, v, used + sep, 0 };
        return 1;
    }
    if (parenthesized(s, len, cn_number, out)) { out->level = 2; return 1; }
    v = ascii_number(s, len, &used);
    if (v) {
        sep = word_at(s + used, len - used, ".");
        if (!sep) sep = word_at(s + used, len - used, "．");
        /* 1.5万 is a number, not numbering */
        if (sep && !(used + sep < len && s[used + sep] >= '0' && s[used + sep] <= '9')) {
            *out = (gw_numbering){ 3, v, used + sep, 0 };
            return 1;
        }
    }
    if (parenthesized(s, len, ascii_number, out)) { out->level = 4; return 1; }
    memset(out, 0, sizeof *out);
    return 0;
}

static void cn_format(int n, char *buf, size_t cap)
{
    if (n < 10) snprintf(buf, cap, "%s", digits_cn[n]);
    else if (n < 20) snprintf(buf, cap, "十%s", n % 10 ? digits_cn[n % 10] : "");
    else snprintf(buf, cap, "%s十%s", digits_cn[n / 10 % 10], n % 10 ? digits_cn[n % 10] : "");
}

void gw_format_numbering(int level, int number, char *buf, size_t cap)
{
    char cn[32];
    cn_format(number % 100, cn, sizeof cn);
    switch (level) {
    case 1:  snprintf(buf, cap, "%s、", cn); break;
    case 2:  snprintf(buf, cap, "（%s）", cn); break;
    case 3:  snprintf(buf, cap, "%d.", number); break;
    default: snprintf(buf, cap, "（%d）", number); break;
    }
}

size_t gw_run_in_length(const char *text, size_t len)
{
    for (size_t i = 0; i + 3 <= len; i++) {
        if (memcmp(text + i, "。", 3) != 0) continue;
        size_t end = i + 3, rest = end;
        while (rest < len && (text[rest] == ' ' || (rest + 3 <= len && memcmp(text + rest, "\xE3\x80\x80", 3) == 0)))
            rest += text[rest] == ' ' ? 1 : 3;
        return rest < len ? end : len;
    }
    return len;
}
