/* The small vocabularies of the 版头 and of replies: 份号, 密级和保密期限,
 * 紧急程度 (GB/T 9704 7.2.1-7.2.3) and the reply category. */
#include "document/rules.h"
#include <string.h>

int gw_check_copy_number(const char *text, char padded[7])
{
    size_t n = strspn(text, "0123456789");
    if (n == 0 || n > 6 || text[n]) return 0;
    memset(padded, '0', 6 - n);
    memcpy(padded + 6 - n, text, n + 1);
    return 1;
}

static int starts(const char **s, const char *word)
{
    size_t n = strlen(word);
    if (strncmp(*s, word, n) != 0) return 0;
    *s += n;
    return 1;
}

/* 1年, 10年, 6个月, 长期 */
static int period(const char *s)
{
    if (strcmp(s, "长期") == 0) return 1;
    size_t n = strspn(s, "0123456789");
    if (n == 0 || s[0] == '0') return 0;
    return strcmp(s + n, "年") == 0 || strcmp(s + n, "个月") == 0;
}

int gw_check_classification(const char *text)
{
    const char *s = text;
    if (!starts(&s, "秘密") && !starts(&s, "机密") && !starts(&s, "绝密")) return 0;
    if (!*s) return 1;
    return starts(&s, "★") && period(s);
}

int gw_check_urgency(const char *text)
{
    static const char *const words[] = { "特急", "加急", "特提", "平急", NULL };
    for (size_t i = 0; words[i]; i++)
        if (strcmp(text, words[i]) == 0) return 1;
    return 0;
}

int gw_check_reply_category(const char *text, char *fixed)
{
    if (strlen(text) == 1 && strchr("ABC", text[0])) return 1;
    static const char *const near[][2] = {
        { "a", "A" }, { "b", "B" }, { "c", "C" }, { "Ａ", "A" }, { "Ｂ", "B" }, { "Ｃ", "C" },
        { "A类", "A" }, { "B类", "B" }, { "C类", "C" }, { "a类", "A" }, { "b类", "B" }, { "c类", "C" },
    };
    *fixed = '\0';
    for (size_t i = 0; i < sizeof near / sizeof *near; i++)
        if (strcmp(text, near[i][0]) == 0) *fixed = near[i][1][0];
    return 0;
}
