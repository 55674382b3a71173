#include "check.h"
#include "fonts/font-dirs.h"
#include <stdlib.h>
#include <string.h>

int check_passed, check_failed;

const char *source_path(const char *rel)
{
    static char buf[4][4096];
    static int next;
    const char *root = getenv("GW_SOURCE_DIR");
    char *b = buf[next++ % 4];
    snprintf(b, sizeof buf[0], "%s/%s", root ? root : ".", rel);
    return b;
}

const char *fetched_font(const char *name)
{
    static char buf[4][4096];
    static int next;
    char *b = buf[next++ % 4];
    gw_font_dirs dirs;
    char *found = gw_font_dirs_init(&dirs, NULL) ? gw_font_dirs_find(&dirs, name) : NULL;
    gw_font_dirs_free(&dirs);
    if (found) snprintf(b, sizeof buf[0], "%s", found);
    else snprintf(b, sizeof buf[0], "%s", source_path(name));      /* not fetched: a clear failure */
    free(found);
    return b;
}

int check_summary(void)
{
    printf("%d passed, %d failed\n", check_passed, check_failed);
    return check_failed ? 1 : 0;
}
