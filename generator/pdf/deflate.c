#include "pdf/deflate.h"
#include "util/profile.h"
#include <libdeflate.h>
#include <pthread.h>
#include <stdlib.h>

/* Measured on 24 letters (bench/README.md): level 1 makes the PDFs 1.1 %
 * larger than level 6 in half the time, nearly all of it font programs;
 * level 9 saves 0.1 % more.  So font programs get level 1, text level 6. */
static const int levels[GW_DEFLATE_KINDS] = { [GW_DEFLATE_DENSE] = 1, [GW_DEFLATE_TEXT] = 6 };

static pthread_key_t keys[GW_DEFLATE_KINDS];
static pthread_once_t keys_once = PTHREAD_ONCE_INIT;

static void free_compressor(void *c) { libdeflate_free_compressor(c); }

static void make_keys(void)
{
    for (int k = 0; k < GW_DEFLATE_KINDS; k++) pthread_key_create(&keys[k], free_compressor);
}

/* A compressor is some hundreds of KB: one a thread and kind, kept,
 * rather than one a stream. */
static struct libdeflate_compressor *thread_compressor(gw_deflate_kind kind)
{
    pthread_once(&keys_once, make_keys);
    struct libdeflate_compressor *c = pthread_getspecific(keys[kind]);
    if (!c && (c = libdeflate_alloc_compressor(levels[kind])) && pthread_setspecific(keys[kind], c) != 0) {
        libdeflate_free_compressor(c);
        c = NULL;
    }
    return c;
}

unsigned char *gw_deflate(const void *data, size_t len, gw_deflate_kind kind, size_t *out_len)
{
    struct libdeflate_compressor *c = thread_compressor(kind);
    if (!c) return NULL;
    size_t cap = libdeflate_zlib_compress_bound(c, len);
    unsigned char *out = malloc(cap);
    if (!out) return NULL;
    uint64_t start = gw_profile_clock();
    *out_len = libdeflate_zlib_compress(c, data, len, out, cap);
    gw_profile_since(GW_STAGE_COMPRESS, start);
    if (*out_len == 0) {                /* cannot happen with a bound-sized buffer */
        free(out);
        return NULL;
    }
    return out;
}
