/* Dates: 2025-06-12 as YAML writes them, or 2025年6月12日 as offices do;
 * either must be a real calendar date. */
#include "document/rules.h"
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
