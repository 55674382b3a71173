/* gw_buf: a growable byte buffer, always NUL-terminated for convenience. */
#ifndef GW_UTIL_BUF_H
#define GW_UTIL_BUF_H
#include <stddef.h>
#include <stdarg.h>

typedef struct gw_buf {
    char  *data;
    size_t len, cap;
    int    failed;       /* an allocation failed; further appends are ignored */
} gw_buf;

void gw_buf_init(gw_buf *b);
void gw_buf_free(gw_buf *b);
void gw_buf_append(gw_buf *b, const void *data, size_t len);
void gw_buf_puts(gw_buf *b, const char *s);
void gw_buf_printf(gw_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hands the bytes to the caller (malloc'ed) and resets the buffer. */
char *gw_buf_steal(gw_buf *b, size_t *len_out);
#endif
