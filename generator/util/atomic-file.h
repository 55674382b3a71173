/* Writing a file so that it appears whole or not at all. */
#ifndef GW_UTIL_ATOMIC_FILE_H
#define GW_UTIL_ATOMIC_FILE_H
#include <stddef.h>

/* Writes data to a temporary file next to path, flushes it to disk and
 * renames it over path.  On failure nothing at path changes, the temporary
 * file is removed, and 0 is returned with errno set; 1 on success. */
int gw_write_file_atomic(const char *path, const void *data, size_t len);
#endif
