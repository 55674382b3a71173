#include "util/atomic-file.h"
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
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
 * leaves room; created 0666 less the umask, as any new file.  Not mkstemp:
 * it creates 0600 files, and correcting that needs umask(), which is
 * process-wide and races between threads writing at the same time (gongwen
 * batch): the name is made unique with the process and a counter instead. */
static int create_temporary(const char *path, char **tmp_out)
{
    static atomic_uint counter;
    const char *slash = strrchr(path, '/');
    size_t dir = slash ? (size_t)(slash - path) + 1 : 0, size = dir + 64;
    char *tmp = malloc(size);
    if (!tmp) { errno = ENOMEM; return -1; }
    memcpy(tmp, path, dir);
    int fd = -1;
    for (int tries = 0; fd < 0 && tries < 100; tries++) {
        snprintf(tmp + dir, size - dir, ".gongwen.tmp-%ld-%u", (long)getpid(), atomic_fetch_add(&counter, 1));
        fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && errno != EEXIST) break;
    }
    if (fd < 0) { int e = errno; free(tmp); errno = e; return -1; }
    *tmp_out = tmp;
    return fd;
}

/* rename() replaces whatever the name holds: a device node, a FIFO, a
 * link.  Only nothing or a regular file may be replaced (callers decide
 * the other kinds first, util/output.h; this is the last guard). */
static int replaceable(const char *path, int *err)
{
    struct stat st;
    if (lstat(path, &st) != 0) return errno == ENOENT ? 1 : (*err = errno, 0);
    if (S_ISREG(st.st_mode)) return 1;
    *err = S_ISDIR(st.st_mode) ? EISDIR : EEXIST;
    return 0;
}

int gw_write_file_atomic(const char *path, const void *data, size_t len)
{
    /* Past RLIMIT_FSIZE the kernel would kill the process with SIGXFSZ and
     * leave the temporary file behind: refuse before writing a byte. */
    if (!gw_fits_file_size_limit(len)) { errno = EFBIG; return 0; }
    char *tmp = NULL;
    int fd = create_temporary(path, &tmp);
    if (fd < 0) return 0;
    int ok = gw_write_all(fd, data, len) && fsync(fd) == 0;
    int e = errno;
    if (close(fd) != 0 && ok) { ok = 0; e = errno; }
    if (ok && !replaceable(path, &e)) ok = 0;
    if (ok && rename(tmp, path) != 0) { ok = 0; e = errno; }
    if (!ok) unlink(tmp);
    free(tmp);
    if (!ok) errno = e;
    return ok;
}
