#include "util/atomic-file.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int write_all(int fd, const unsigned char *p, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, p, len);
        if (n < 0) {
            if (errno == EINTR) continue;
            return 0;
        }
        p += n;
        len -= (size_t)n;
    }
    return 1;
}

int gw_write_file_atomic(const char *path, const void *data, size_t len)
{
    size_t n = strlen(path);
    char *tmp = malloc(n + 16);
    if (!tmp) { errno = ENOMEM; return 0; }
    /* The temporary file lives in the destination folder so rename() stays
     * on one file system and is atomic. */
    snprintf(tmp, n + 16, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) { int e = errno; free(tmp); errno = e; return 0; }
    int ok = write_all(fd, data, len) && fsync(fd) == 0;
    int e = errno;
    /* mkstemp creates the file 0600; give it the usual umask'ed mode. */
    mode_t mask = umask(0);
    umask(mask);
    if (ok) ok = fchmod(fd, 0666 & ~mask) == 0;
    if (close(fd) != 0 && ok) { ok = 0; e = errno; }
    if (ok && rename(tmp, path) != 0) { ok = 0; e = errno; }
    if (!ok) unlink(tmp);
    free(tmp);
    if (!ok) errno = e;
    return ok;
}
