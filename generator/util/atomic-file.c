#include "util/atomic-file.h"
#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
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

/* Creates a new file next to path, named path.tmp-PID-N, with mode 0666
 * less the umask (as any new file).  Not mkstemp: it creates 0600 files,
 * and correcting that needs umask(), which is process-wide and would race
 * between threads writing at the same time. */
static int create_temporary(const char *path, char *tmp, size_t size)
{
    static atomic_uint counter;
    for (int tries = 0; tries < 100; tries++) {
        snprintf(tmp, size, "%s.tmp-%ld-%u", path, (long)getpid(), atomic_fetch_add(&counter, 1));
        int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0 || errno != EEXIST) return fd;
    }
    return -1;
}

int gw_write_file_atomic(const char *path, const void *data, size_t len)
{
    size_t n = strlen(path) + 48;
    char *tmp = malloc(n);
    if (!tmp) { errno = ENOMEM; return 0; }
    /* The temporary file lives in the destination folder so rename() stays
     * on one file system and is atomic. */
    int fd = create_temporary(path, tmp, n);
    if (fd < 0) { int e = errno; free(tmp); errno = e; return 0; }
    int ok = write_all(fd, data, len) && fsync(fd) == 0;
    int e = errno;
    if (close(fd) != 0 && ok) { ok = 0; e = errno; }
    if (ok && rename(tmp, path) != 0) { ok = 0; e = errno; }
    if (!ok) unlink(tmp);
    free(tmp);
    if (!ok) errno = e;
    return ok;
}
