/* Compressing the streams the project writes itself (font programs,
 * ToUnicode CMaps, page contents) for /FlateDecode, with libdeflate: on
 * gongwen's streams it is two to three times faster than zlib for the same
 * size (bench/README.md).  Each stream is compressed exactly once: libharu
 * is told the data is already compressed, and libqpdf passes it through. */
#ifndef GW_PDF_DEFLATE_H
#define GW_PDF_DEFLATE_H
#include <stddef.h>

/* data[0..len) as a zlib stream in a malloc'ed buffer (*out_len bytes), or
 * NULL when out of memory.  Thread-safe: each thread keeps its own
 * compressor. */
unsigned char *gw_deflate(const void *data, size_t len, size_t *out_len);
#endif
