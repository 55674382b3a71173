/* Growing arrays without a capacity field: the capacity is the count
 * rounded up to a power of two, so appending n items costs O(n). */
#ifndef GW_UTIL_GROW_H
#define GW_UTIL_GROW_H
#include <stddef.h>

/* Makes room for item `count` of the array *array_ptr (a T **, passed as
 * void *) of `count` items of `size` bytes; 0 when out of memory, the array
 * untouched. */
int gw_grow(void *array_ptr, size_t count, size_t size);
#endif
