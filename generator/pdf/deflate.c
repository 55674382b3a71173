#include "pdf/deflate.h"
#include <libdeflate.h>
#include <pthread.h>
#include <stdlib.h>

/* Level 6, as zlib's default: on font programs (CFF charstrings, which
 * hardly compress) higher levels buy under 1 % for twice the time; on
 * content streams and CMaps it is within 2 % of level 12. */
#define LEVEL 6

static pthread_key_t compressor_key;
static pthread_once_t compressor_once = PTHREAD_ONCE_INIT;

static void free_compressor(void *c) { libdeflate_free_compressor(c); }
static void make_key(void) { pthread_key_create(&compressor_key, free_compressor); }

/* A compressor is some hundreds of KB: one a thread, kept, rather than
 * one a stream. */
static struct libdeflate_compressor *thread_compressor(void)
{
    pthread_once(&compressor_once, make_key);
    struct libdeflate_compressor *c = pthread_getspecific(compressor_key);
    if (!c && (c = libdeflate_alloc_compressor(LEVEL)) && pthread_setspecific(compressor_key, c) != 0) {
        libdeflate_free_compressor(c);
        c = NULL;
    }
    return c;
}

unsigned char *gw_deflate(const void *data, size_t len, size_t *out_len)
{
    struct libdeflate_compressor *c = thread_compressor();
    if (!c) return NULL;
    size_t cap = libdeflate_zlib_compress_bound(c, len);
    unsigned char *out = malloc(cap);
    if (!out) return NULL;
    *out_len = libdeflate_zlib_compress(c, data, len, out, cap);
    if (*out_len == 0) {                /* cannot happen with a bound-sized buffer */
        free(out);
        return NULL;
    }
    return out;
}
