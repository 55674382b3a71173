#include "util/buf.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void gw_buf_init(gw_buf *b) { memset(b, 0, sizeof *b); }

void gw_buf_free(gw_buf *b)
{
    free(b->data);
    gw_buf_init(b);
}

static int reserve(gw_buf *b, size_t extra)
{
    if (b->failed) return 0;
    if (b->len + extra + 1 <= b->cap) return 1;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1) {
        if (cap > ((size_t)-1) / 2) { b->failed = 1; return 0; }
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (!p) { b->failed = 1; return 0; }
    b->data = p;
    b->cap = cap;
    return 1;
}

void gw_buf_append(gw_buf *b, const void *data, size_t len)
{
    if (!reserve(b, len)) return;
    if (len) memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
}

void gw_buf_puts(gw_buf *b, const char *s) { gw_buf_append(b, s, strlen(s)); }

void gw_buf_printf(gw_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !reserve(b, (size_t)n)) return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

char *gw_buf_steal(gw_buf *b, size_t *len_out)
{
    if (!reserve(b, 0)) { gw_buf_free(b); return NULL; }
    b->data[b->len] = '\0';          /* an empty buffer was never terminated */
    char *p = b->data;
    if (len_out) *len_out = b->len;
    gw_buf_init(b);
    return p;
}
