/* A small non-cryptographic hash for deterministic names and file IDs. */
#ifndef GW_UTIL_HASH_H
#define GW_UTIL_HASH_H
#include <stddef.h>
#include <stdint.h>

#define GW_HASH_INIT 0xcbf29ce484222325ull   /* FNV-1a 64 offset basis */

/* FNV-1a over len bytes, continuing from h. */
uint64_t gw_hash_bytes(uint64_t h, const void *data, size_t len);
uint64_t gw_hash_u32(uint64_t h, uint32_t v);
#endif
