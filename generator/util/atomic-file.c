#include "util/atomic-file.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

int gw_write_all(int fd, const void *data, size_t len)
{
    const unsigned char *p = data;
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

int gw_fits_file_size_limit(size_t len)
{
    struct rlimit rl;
    if (getrlimit(RLIMIT_FSIZE, &rl) != 0 || rl.rlim_cur == RLIM_INFINITY) return 1;
    return (rlim_t)len <= rl.rlim_cur;
}

/* The temporary file: a short hidden name in the destination's folder, so
 * rename() stays on one file system and an output name near NAME_MAX still
 * leaves room. */
static char *temporary_name(const char *path)
{
    static const char pattern[] = ".gongwen.tmp-XXXXXX";
    const char *slash = strrchr(path, '/');
    size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
    char *tmp = malloc(dir + sizeof pattern);
    if (!tmp) { errno = ENOMEM; return NULL; }
    memcpy(tmp, path, dir);
    memcpy(tmp + dir, pattern, sizeof pattern);
    return tmp;
}

int gw_write_file_atomic(const char *path, const void *data, size_t len)
{
    /* Past RLIMIT_FSIZE the kernel would kill the process with SIGXFSZ and
     * leave the temporary file behind: refuse before writing a byte. */
    if (!gw_fits_file_size_limit(len)) { errno = EFBIG; return 0; }
    char *tmp = temporary_name(path);
    if (!tmp) return 0;
    int fd = mkstemp(tmp);
    if (fd < 0) { int e = errno; free(tmp); errno = e; return 0; }
    int ok = gw_write_all(fd, data, len) && fsync(fd) == 0;
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
