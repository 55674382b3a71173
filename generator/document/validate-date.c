/* Dates: 2025-06-12 as YAML writes them, or 2025年6月12日 as offices do;
 * the slips (2024.3.5, 二〇二五年六月十二日) are offered rewritten;
 * either must be a real calendar date. */
#include "document/rules.h"
#include "document/reader.h"
#include <string.h>

static int days_in_month(int y, int m)
{
    static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : d[m - 1];
}

/* Reads min..max ASCII digits at *s; -1 when there are not. */
static int number(const char **s, int min, int max)
{
    int v = 0, n = 0;
    while (n < max && **s >= '0' && **s <= '9') { v = v * 10 + (**s - '0'); (*s)++; n++; }
    return n >= min && !(**s >= '0' && **s <= '9') ? v : -1;
}

static int literal(const char **s, const char *word)
{
    size_t n = strlen(word);
    if (strncmp(*s, word, n) != 0) return 0;
    *s += n;
    return 1;
}

int gw_parse_date(const char *text, int *year, int *month, int *day)
{
    const char *s = text;
    int y = number(&s, 4, 4), m, d;
    if (y < 0) return 0;
    if (literal(&s, "-")) {
        m = number(&s, 1, 2);
        if (m < 0 || !literal(&s, "-")) return 0;
        d = number(&s, 1, 2);
    } else if (literal(&s, "年")) {
        m = number(&s, 1, 2);
        if (m < 0 || !literal(&s, "月")) return 0;
        d = number(&s, 1, 2);
        if (d < 0 || !literal(&s, "日")) return 0;
    } else {
        return 0;
    }
    if (*s || y < 1000 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return 0;
    *year = y;
    *month = m;
    *day = d;
    return 1;
}

/* --- dates as people type them, for the message's rewrite ----------------- */

/* One digit at *s: ASCII, full-width (０-９) or Chinese (〇零一…九); -1 if none. */
static int any_digit(const char **s)
{
    static const char *const chinese[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
    if (**s >= '0' && **s <= '9') return *(*s)++ - '0';
    if ((unsigned char)(*s)[0] == 0xEF && (unsigned char)(*s)[1] == 0xBC &&
        (unsigned char)(*s)[2] >= 0x90 && (unsigned char)(*s)[2] <= 0x99) {
        int v = (unsigned char)(*s)[2] - 0x90;
        *s += 3;
        return v;
    }
    for (int i = 0; i < 10; i++)
        if (literal(s, chinese[i])) return i;
    if (literal(s, "零") || literal(s, "○")) return 0;
    return -1;
}

/* 1 to 2 digits of any kind, or a Chinese number with 十 (十, 十二, 二十, 三十一). */
static int loose_number(const char **s)
{
    int tens = any_digit(s);
    if (literal(s, "十")) {
        int units = any_digit(s);
        return (tens < 0 ? 1 : tens) * 10 + (units < 0 ? 0 : units);
    }
    if (tens < 0) return -1;
    const char *after = *s;
    int units = any_digit(s);
    if (units < 0) { *s = after; return tens; }
    return tens * 10 + units;
}

/* ASCII and ideographic (U+3000) spaces. */
static void skip_spaces(const char **s)
{
    for (;;) {
        if (**s == ' ') (*s)++;
        else if (!literal(s, "　")) return;
    }
}

/* A separator between year, month and day: . / - (ASCII or full-width) or 年/月. */
static int separator(const char **s, const char *cjk)
{
    static const char *const marks[] = { ".", "/", "-", "．", "／", "－", "。", "、" };
    skip_spaces(s);
    if (cjk && literal(s, cjk)) { skip_spaces(s); return 2; }
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
        if (literal(s, marks[i])) { skip_spaces(s); return 1; }
    return 0;
}

int gw_date_rewrite(const char *text, int *year, int *month, int *day)
{
    const char *s = text;
    int y = 0, m, d;
    skip_spaces(&s);
    for (int i = 0; i < 4; i++) {
        int digit = any_digit(&s);
        if (digit < 0) return 0;
        y = y * 10 + digit;
    }
    int kind = separator(&s, "年");
    if (!kind || (m = loose_number(&s)) < 0 || separator(&s, "月") != kind || (d = loose_number(&s)) < 0) return 0;
    skip_spaces(&s);
    if (literal(&s, "日") || literal(&s, "号")) skip_spaces(&s);
    if (*s || y < 1000 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return 0;
    *year = y;
    *month = m;
    *day = d;
    return 1;
}

void rd_report_date(gw_reader *R, gw_loc loc, const char *date)
{
    int y, m, d;
    if (gw_date_rewrite(date, &y, &m, &d)) rd_report(R, loc, GW_MSG_BAD_DATE_FIX, date, y, m, d, y, m, d);
    else rd_report(R, loc, GW_MSG_BAD_DATE, date);
}
