/* Writing a file so that it appears whole or not at all. */
#ifndef GW_UTIL_ATOMIC_FILE_H
#define GW_UTIL_ATOMIC_FILE_H
#include <stddef.h>

/* Writes data to a temporary file in path's folder, flushes it to disk and
 * renames it over path.  On failure nothing at path changes, the temporary
 * file is removed, and 0 is returned with errno set; 1 on success.  Data
 * longer than the process's file size limit is refused (EFBIG) before a
 * file is made.  Only a regular file is replaced: anything else at path (a
 * device, a FIFO, a link, a folder) is refused, EEXIST or EISDIR.  Output
 * a user names goes through gw_write_output (util/output.h), which writes
 * into pipes and devices and follows links. */
int gw_write_file_atomic(const char *path, const void *data, size_t len);

/* Writes all of data to fd, going on after interruptions; 0 with errno set. */
int gw_write_all(int fd, const void *data, size_t len);

/* Whether a regular file of len bytes is within RLIMIT_FSIZE. */
int gw_fits_file_size_limit(size_t len);
#endif
