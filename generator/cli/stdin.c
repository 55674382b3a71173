/* `-` as a document: standard input, read whole (documents are small; the
 * loader refuses one over its limit, which is why at most limit + 1 bytes
 * are read). */
#include "cli/cli.h"
#include <stdlib.h>

char *cli_read_stdin(size_t limit, size_t *len)
{
    gw_buf b;
    gw_buf_init(&b);
    char chunk[65536];
    size_t n;
    while (b.len <= limit && (n = fread(chunk, 1, sizeof chunk, stdin)) > 0) gw_buf_append(&b, chunk, n);
    if (ferror(stdin) || b.failed) { gw_buf_free(&b); return NULL; }
    return gw_buf_steal(&b, len);
}
