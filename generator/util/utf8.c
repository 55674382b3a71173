#include "util/utf8.h"

uint32_t gw_utf8_next(const char *str, size_t len, size_t *i)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t p = *i;
    unsigned char c = s[p];
    uint32_t cp, min;
    int extra;
    if (c < 0x80) { *i = p + 1; return c; }
    else if ((c & 0xE0) == 0xC0) { cp = c & 0x1F; extra = 1; min = 0x80; }
    else if ((c & 0xF0) == 0xE0) { cp = c & 0x0F; extra = 2; min = 0x800; }
    else if ((c & 0xF8) == 0xF0) { cp = c & 0x07; extra = 3; min = 0x10000; }
    else { *i = p + 1; return GW_UTF8_INVALID; }
    if ((size_t)extra >= len - p) { *i = p + 1; return GW_UTF8_INVALID; }
    for (int k = 1; k <= extra; k++) {
        if ((s[p + k] & 0xC0) != 0x80) { *i = p + 1; return GW_UTF8_INVALID; }
        cp = (cp << 6) | (s[p + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        *i = p + 1;
        return GW_UTF8_INVALID;
    }
    *i = p + 1 + (size_t)extra;
    return cp;
}

void gw_utf8_to_utf16_hex(gw_buf *out, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        uint32_t c = gw_utf8_next(s, len, &i);
        if (c == GW_UTF8_INVALID) c = 0xFFFD;
        if (c >= 0x10000) {
            c -= 0x10000;
            gw_buf_printf(out, "%04X%04X", 0xD800 + (c >> 10), 0xDC00 + (c & 0x3FF));
        } else {
            gw_buf_printf(out, "%04X", c);
        }
    }
}

long gw_utf8_count(const char *s, size_t len)
{
    size_t i = 0;
    long n = 0;
    while (i < len) {
        if (gw_utf8_next(s, len, &i) == GW_UTF8_INVALID) return -1;
        n++;
    }
    return n;
}

size_t gw_line_break_at(const char *s, size_t len, size_t i)
{
    if (i >= len) return 0;
    if (s[i] == '\n') return 1;
    if (s[i] == '\r') return i + 1 < len && s[i + 1] == '\n' ? 2 : 1;
    if ((unsigned char)s[i] == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0x85) return 2;
    return 0;
}

gw_msg gw_hiding_character_message(uint32_t c)
{
    if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x200E || c == 0x200F || c == 0x061C)
        return GW_MSG_BIDI_CONTROL;
    if (c == 0xE0001 || (c >= 0xE0020 && c <= 0xE007F)) return GW_MSG_TAG_CHARACTER;
    return GW_MSG_COUNT;
}
