/* Character repertoires a font's coverage is measured against: the 6,763
 * hanzi of GB 2312 (decoded through iconv) and lists such as the 8,105
 * characters of 通用规范汉字表 (one character a line). */
#ifndef GW_FONTS_CHARSET_H
#define GW_FONTS_CHARSET_H
#include <stddef.h>
#include <stdint.h>
#include "fonts/fontset.h"

typedef struct gw_charset {
    uint32_t *cps;
    size_t    count;
} gw_charset;

/* The GB 2312 hanzi (rows 16-87).  0 when iconv lacks GB2312. */
int gw_charset_gb2312(gw_charset *out);
/* A list file: the first character of each non-empty line.  0 when unreadable. */
int gw_charset_load(const char *path, gw_charset *out);
void gw_charset_free(gw_charset *cs);

size_t gw_face_coverage(const gw_face *face, const gw_charset *cs);
/* Characters some face of the role's chain has. */
size_t gw_role_coverage(const gw_role *role, const gw_charset *cs);
#endif
