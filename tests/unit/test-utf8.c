/* UTF-8 decoding and the UTF-16 hex form used in ToUnicode CMaps. */
#include "check.h"
#include "util/utf8.h"
#include <string.h>

static void decodes(void)
{
    const char *s = "a中𬌗";
    size_t i = 0, n = strlen(s);
    CHECK(gw_utf8_next(s, n, &i) == 'a' && i == 1);
    CHECK(gw_utf8_next(s, n, &i) == 0x4E2D && i == 4);
    CHECK(gw_utf8_next(s, n, &i) == 0x2C317 && i == 8);
    CHECK(gw_utf8_count(s, n) == 3);
}

static void rejects_malformed(void)
{
    const char *cases[] = { "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE4\xB8", "\x80", "\xFF" };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        size_t i = 0;
        CHECK_MSG(gw_utf8_next(cases[k], strlen(cases[k]), &i) == GW_UTF8_INVALID && i == 1, "case %zu", k);
        CHECK(gw_utf8_count(cases[k], strlen(cases[k])) == -1);
    }
}

static void utf16_hex(void)
{
    gw_buf b;
    gw_buf_init(&b);
    gw_utf8_to_utf16_hex(&b, "中𬌗𠀀A", strlen("中𬌗𠀀A"));
    CHECK_MSG(strcmp(b.data, "4E2DD870DF17D840DC000041") == 0, "got %s", b.data);
    gw_buf_free(&b);
}

int main(void)
{
    decodes();
    rejects_malformed();
    utf16_hex();
    return check_summary();
}
