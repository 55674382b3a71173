/* Did you mean: the closest known name to a mistyped one. */
#include "document/schema.h"
#include "util/utf8.h"
#include <ctype.h>
#include <string.h>

#define MAX_WORD 64
#define FAR 1000

/* A word's code points, folded to lower case; -1 when too long or not UTF-8. */
static long decode_folded(const char *s, uint32_t *out)
{
    size_t i = 0, len = strlen(s);
    long n = 0;
    while (i < len) {
        if (n == MAX_WORD) return -1;
        uint32_t c = gw_utf8_next(s, len, &i);
        if (c == GW_UTF8_INVALID) return -1;
        out[n++] = c < 0x80 ? (uint32_t)tolower((int)c) : c;
    }
    return n;
}

static size_t min3(size_t a, size_t b, size_t c) { return a < b ? (a < c ? a : c) : (b < c ? b : c); }

size_t gw_edit_distance(const char *a, const char *b)
{
    uint32_t x[MAX_WORD], y[MAX_WORD];
    long n = decode_folded(a, x), m = decode_folded(b, y);
    if (n < 0 || m < 0) return FAR;
    size_t d[MAX_WORD + 1][MAX_WORD + 1];
    for (long i = 0; i <= n; i++) d[i][0] = (size_t)i;
    for (long j = 0; j <= m; j++) d[0][j] = (size_t)j;
    for (long i = 1; i <= n; i++)
        for (long j = 1; j <= m; j++) {
            size_t cost = x[i - 1] != y[j - 1];
            d[i][j] = min3(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] && d[i - 2][j - 2] + 1 < d[i][j])
                d[i][j] = d[i - 2][j - 2] + 1;       /* neighbours swapped */
        }
    return d[n][m];
}

/* Short words tolerate one edit, longer ones two: "tilte" is title, "to" is not "cc". */
static size_t tolerance(const char *word)
{
    long n = gw_utf8_count(word, strlen(word));
    return n <= 2 ? 0 : n <= 4 ? 1 : 2;
}

const char *gw_suggest(const char *word, const char *const *candidates, size_t count)
{
    const char *best = NULL;
    size_t best_d = tolerance(word) + 1;
    for (size_t i = 0; i < count; i++) {
        size_t d = gw_edit_distance(word, candidates[i]);
        if (d < best_d) { best = candidates[i]; best_d = d; }
    }
    return best;
}

const char *gw_suggest_field(const char *word, const gw_field *section)
{
    const char *keys[32];
    size_t n = 0;
    for (size_t i = 0; section[i].key && n < 32; i++) {
        if (strcmp(word, section[i].zh) == 0) return section[i].key;
        keys[n++] = section[i].key;
    }
    return gw_suggest(word, keys, n);
}
