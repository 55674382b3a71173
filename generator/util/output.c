/* realpath() is XSI */
#define _XOPEN_SOURCE 700
#include "util/output.h"
#include "util/atomic-file.h"
#include "util/messages.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int cannot_write(gw_diagnostics *diags, const char *path, int err)
{
    if (err == EFBIG) gw_report(diags, gw_loc_file(path), GW_MSG_OUTPUT_TOO_BIG, strerror(err));
    else gw_report(diags, gw_loc_file(path), GW_MSG_CANNOT_WRITE, strerror(err));
    return 0;
}

/* A pipe or a device takes the bytes as they come: it cannot be replaced
 * and has no size limit to check. */
static int write_straight(const char *path, int fd, const void *data, size_t len, gw_diagnostics *diags)
{
    int ok = gw_write_all(fd, data, len);
    int e = errno;
    if (fd != STDOUT_FILENO && close(fd) != 0 && ok) { ok = 0; e = errno; }
    return ok ? 1 : cannot_write(diags, path, e);
}

static int open_straight(const char *path, const void *data, size_t len, gw_diagnostics *diags)
{
    int fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) return cannot_write(diags, path, errno);
    struct stat st;
    /* what was opened must still be what was looked at */
    if (fstat(fd, &st) != 0 || !(S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode))) {
        close(fd);
        gw_report(diags, gw_loc_file(path), GW_MSG_OUTPUT_KIND, gw_kind_name(diags, GW_KIND_OTHER_FILE));
        return 0;
    }
    return write_straight(path, fd, data, len, diags);
}

static gw_kind refused_kind(mode_t mode)
{
    if (S_ISDIR(mode)) return GW_KIND_DIRECTORY;
    if (S_ISSOCK(mode)) return GW_KIND_SOCKET;
    if (S_ISBLK(mode)) return GW_KIND_BLOCK_DEVICE;
    return GW_KIND_OTHER_FILE;
}

static int write_regular(const char *path, const void *data, size_t len, gw_diagnostics *diags)
{
    return gw_write_file_atomic(path, data, len) ? 1 : cannot_write(diags, path, errno);
}

/* Writes to path by what st says it is. */
static int write_to(const char *path, const struct stat *st, const void *data, size_t len, gw_diagnostics *diags)
{
    if (S_ISREG(st->st_mode)) return write_regular(path, data, len, diags);
    if (S_ISFIFO(st->st_mode) || S_ISCHR(st->st_mode)) return open_straight(path, data, len, diags);
    gw_report(diags, gw_loc_file(path), GW_MSG_OUTPUT_KIND, gw_kind_name(diags, refused_kind(st->st_mode)));
    return 0;
}

int gw_write_output(const char *path, const void *data, size_t len, gw_diagnostics *diags)
{
    if (strcmp(path, "-") == 0) return write_straight(path, STDOUT_FILENO, data, len, diags);
    struct stat st;
    if (lstat(path, &st) != 0)
        return errno == ENOENT ? write_regular(path, data, len, diags) : cannot_write(diags, path, errno);
    if (!S_ISLNK(st.st_mode)) return write_to(path, &st, data, len, diags);
    /* Through a link: a pipe or a device is opened through it (/dev/stdout
     * is a link to /proc/self/fd/1, which may name a pipe no path leads
     * to); a regular file is replaced where it is, and the link stays. */
    if (stat(path, &st) != 0) return cannot_write(diags, path, errno);
    if (!S_ISREG(st.st_mode)) return write_to(path, &st, data, len, diags);
    char *target = realpath(path, NULL);
    if (!target) return cannot_write(diags, path, errno);
    int ok = write_regular(target, data, len, diags);
    free(target);
    return ok;
}
