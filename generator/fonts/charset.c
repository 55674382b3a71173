#include "fonts/charset.h"
#include "util/utf8.h"
#include <iconv.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int push(gw_charset *cs, uint32_t cp, size_t *cap)
{
    if (cs->count == *cap) {
        size_t n = *cap ? *cap * 2 : 1024;
        uint32_t *p = realloc(cs->cps, n * sizeof *p);
        if (!p) return 0;
        cs->cps = p;
        *cap = n;
    }
    cs->cps[cs->count++] = cp;
    return 1;
}

/* One EUC-CN code (two bytes, 0xA1-0xFE each) to a code point, 0 if none. */
static uint32_t decode_gb(iconv_t cd, unsigned char hi, unsigned char lo)
{
    char in[2] = { (char)hi, (char)lo }, out[8];
    char *ip = in, *op = out;
    size_t il = 2, ol = sizeof out;
    iconv(cd, NULL, NULL, NULL, NULL);
    if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || ol != sizeof out - 4) return 0;
    const unsigned char *u = (const unsigned char *)out;
    return (uint32_t)u[0] | (uint32_t)u[1] << 8 | (uint32_t)u[2] << 16 | (uint32_t)u[3] << 24;
}

int gw_charset_gb2312(gw_charset *out)
{
    memset(out, 0, sizeof *out);
    iconv_t cd = iconv_open("UTF-32LE", "GB2312");
    if (cd == (iconv_t)-1) return 0;
    size_t cap = 0;
    int ok = 1;
    for (unsigned hi = 0xB0; ok && hi <= 0xF7; hi++)        /* rows 16-87: the hanzi */
        for (unsigned lo = 0xA1; ok && lo <= 0xFE; lo++) {
            uint32_t cp = decode_gb(cd, (unsigned char)hi, (unsigned char)lo);
            if (cp) ok = push(out, cp, &cap);
        }
    iconv_close(cd);
    if (!ok) gw_charset_free(out);
    return ok;
}

int gw_charset_load(const char *path, gw_charset *out)
{
    memset(out, 0, sizeof *out);
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    char line[64];
    size_t cap = 0;
    int ok = 1;
    while (ok && fgets(line, sizeof line, f)) {
        size_t i = 0, n = strcspn(line, "\r\n");
        if (n == 0) continue;
        uint32_t cp = gw_utf8_next(line, n, &i);
        if (cp != GW_UTF8_INVALID) ok = push(out, cp, &cap);
    }
    fclose(f);
    if (!ok) gw_charset_free(out);
    return ok;
}

void gw_charset_free(gw_charset *cs)
{
    free(cs->cps);
    memset(cs, 0, sizeof *cs);
}

size_t gw_face_coverage(const gw_face *face, const gw_charset *cs)
{
    size_t n = 0;
    for (size_t i = 0; i < cs->count; i++) n += gw_face_glyph(face, cs->cps[i]) != 0;
    return n;
}

size_t gw_role_coverage(const gw_role *role, const gw_charset *cs)
{
    size_t n = 0;
    for (size_t i = 0; i < cs->count; i++) n += gw_role_face_for(role, cs->cps[i]) != NULL;
    return n;
}
