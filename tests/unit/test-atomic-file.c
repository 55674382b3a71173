/* The atomic writer (util/atomic-file.h) replaces only what is absent or a
 * regular file: a FIFO, a link or a folder at the path is left as it is,
 * the call fails with EEXIST or EISDIR, and no temporary file is left.
 * (Output a user names is sorted by kind first, util/output.h; this is the
 * last guard, for any caller that writes a file of its own.) */
#define _XOPEN_SOURCE 700   /* mkdtemp */
#include "check.h"
#include "util/atomic-file.h"
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];

static const char *at(const char *name)
{
    static char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return path;
}

/* Entries of the folder whose name holds ".tmp-" (a temporary left behind). */
static int leftovers(void)
{
    DIR *d = opendir(dir);
    int n = 0;
    for (struct dirent *e; d && (e = readdir(d));) n += strstr(e->d_name, ".tmp-") != NULL;
    if (d) closedir(d);
    return n;
}

static void refused(const char *name, int expected_errno, mode_t kind)
{
    errno = 0;
    CHECK_MSG(!gw_write_file_atomic(at(name), "x", 1) && errno == expected_errno, "%s: errno %d", name, errno);
    struct stat st;
    CHECK_MSG(lstat(at(name), &st) == 0 && (st.st_mode & S_IFMT) == kind, "%s was replaced", name);
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/gw-atomic-XXXXXX");
    CHECK(mkdtemp(dir) != NULL);
    CHECK(gw_write_file_atomic(at("new.pdf"), "%PDF-", 5));                  /* absent: made */
    CHECK(gw_write_file_atomic(at("new.pdf"), "%PDF-1", 6));                 /* regular: replaced */
    struct stat st;
    CHECK(stat(at("new.pdf"), &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 6);
    CHECK(mkfifo(at("fifo.pdf"), 0600) == 0);
    refused("fifo.pdf", EEXIST, S_IFIFO);
    CHECK(symlink("new.pdf", at("link.pdf")) == 0);
    refused("link.pdf", EEXIST, S_IFLNK);
    CHECK(mkdir(at("dir.pdf"), 0700) == 0);
    refused("dir.pdf", EISDIR, S_IFDIR);
    CHECK_MSG(leftovers() == 0, "%d temporary files left", leftovers());
    unlink(at("new.pdf"));
    unlink(at("fifo.pdf"));
    unlink(at("link.pdf"));
    rmdir(at("dir.pdf"));
    rmdir(dir);
    return check_summary();
}
