/* Where a PDF goes, by what the output path is:
 *   absent, or a regular file (also through a symbolic link): written
 *     atomically (util/atomic-file.h), a link keeps pointing at it;
 *   "-": standard output;
 *   a FIFO or a character device (/dev/null, /dev/stdout, a terminal):
 *     written straight into it, never replaced;
 *   a folder, a socket, a block device, a link to nothing: refused.
 * Problems are reported as E0004 at the path. */
#ifndef GW_UTIL_OUTPUT_H
#define GW_UTIL_OUTPUT_H
#include "util/diag.h"
#include <stddef.h>

/* 1 when the whole of data was written, 0 when reported. */
int gw_write_output(const char *path, const void *data, size_t len, gw_diagnostics *diags);
#endif
