#include "util/grow.h"
#include <stdlib.h>
#include <string.h>

int gw_grow(void *array_ptr, size_t count, size_t size)
{
    if (count && (count & (count - 1))) return 1;        /* room left until the next power of two */
    size_t cap = count ? count * 2 : 4;
    if (cap > ((size_t)-1) / size) return 0;
    /* The T * is read and written as bytes: POSIX gives every object pointer
     * the representation of void *, and memcpy keeps clear of aliasing rules. */
    void *array;
    memcpy(&array, array_ptr, sizeof array);
    void *p = realloc(array, cap * size);
    if (!p) return 0;
    memcpy(array_ptr, &p, sizeof p);
    return 1;
}
