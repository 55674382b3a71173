#include "util/tally.h"
#include "util/hash.h"
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct slot {
    char           *key;     /* NULL: empty */
    size_t          len;
    uint64_t        hash;
    gw_tally_record rec;
} slot;

struct gw_tally {
    slot  *slots;
    size_t cap, used;        /* cap is a power of two, kept at most half full */
};

gw_tally *gw_tally_create(void) { return calloc(1, sizeof(gw_tally)); }

void gw_tally_destroy(gw_tally *t)
{
    if (!t) return;
    for (size_t i = 0; i < t->cap; i++) free(t->slots[i].key);
    free(t->slots);
    free(t);
}

/* Where a key with this hash lives or would go (linear probing). */
static slot *find(slot *slots, size_t cap, const void *key, size_t len, uint64_t h)
{
    for (size_t i = (size_t)h & (cap - 1);; i = (i + 1) & (cap - 1)) {
        slot *s = &slots[i];
        if (!s->key || (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0)) return s;
    }
}

static int grow(gw_tally *t)
{
    size_t cap = t->cap ? t->cap * 2 : 16;
    if (cap > ((size_t)-1) / 2 / sizeof(slot)) return 0;
    slot *slots = calloc(cap, sizeof *slots);
    if (!slots) return 0;
    for (size_t i = 0; i < t->cap; i++)
        if (t->slots[i].key) *find(slots, cap, t->slots[i].key, t->slots[i].len, t->slots[i].hash) = t->slots[i];
    free(t->slots);
    t->slots = slots;
    t->cap = cap;
    return 1;
}

gw_tally_record *gw_tally_get(gw_tally *t, const void *key, size_t len, int *created)
{
    *created = 0;
    if (!t) return NULL;
    uint64_t h = gw_hash_bytes(GW_HASH_INIT, key, len);
    if (t->cap) {
        slot *s = find(t->slots, t->cap, key, len, h);
        if (s->key) return &s->rec;
    }
    if ((t->used + 1) * 2 > t->cap && !grow(t)) return NULL;
    slot *s = find(t->slots, t->cap, key, len, h);
    s->key = malloc(len ? len : 1);
    if (!s->key) return NULL;
    if (len) memcpy(s->key, key, len);
    s->len = len;
    s->hash = h;
    memset(&s->rec, 0, sizeof s->rec);
    t->used++;
    *created = 1;
    return &s->rec;
}
