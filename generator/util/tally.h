/* A table of small records keyed by byte strings (a file name; a code, a
 * file and a character), for counting what was seen: O(1) per look-up on
 * average, so counting every occurrence in a large document stays linear. */
#ifndef GW_UTIL_TALLY_H
#define GW_UTIL_TALLY_H
#include <stddef.h>

typedef struct gw_tally_record {
    size_t count;
    size_t index;            /* what the owner wants to remember: a position, 0 for none */
} gw_tally_record;

typedef struct gw_tally gw_tally;

gw_tally *gw_tally_create(void);
void      gw_tally_destroy(gw_tally *t);
/* The record for key[0, len), created zeroed when new (*created set to 1);
 * NULL when out of memory. */
gw_tally_record *gw_tally_get(gw_tally *t, const void *key, size_t len, int *created);
#endif
