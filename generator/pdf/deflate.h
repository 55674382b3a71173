/* Compressing the streams the project writes itself (font programs,
 * ToUnicode CMaps, page contents) for /FlateDecode, with libdeflate: on
 * gongwen's streams it is about twice as fast as zlib for the same size
 * (bench/README.md).  Each stream is compressed exactly once: libharu is
 * told the data is already compressed, and libqpdf passes it through. */
#ifndef GW_PDF_DEFLATE_H
#define GW_PDF_DEFLATE_H
#include <stddef.h>

typedef enum gw_deflate_kind {
    GW_DEFLATE_DENSE,     /* font programs: charstrings hardly compress, so the fast level */
    GW_DEFLATE_TEXT,      /* content streams, CMaps: text that compresses well */
    GW_DEFLATE_KINDS
} gw_deflate_kind;

/* data[0..len) as a zlib stream in a malloc'ed buffer (*out_len bytes), or
 * NULL when out of memory.  Thread-safe: each thread keeps its own
 * compressors. */
unsigned char *gw_deflate(const void *data, size_t len, gw_deflate_kind kind, size_t *out_len);
#endif
