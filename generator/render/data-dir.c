/* The data folder.  An installed gongwen finds it relative to its own
 * binary (bin/../share/gongwen), so a tree installed under any prefix, or
 * moved, works without configuration; a build tree falls back to the
 * source folder fixed by CMake. */
#define _XOPEN_SOURCE 700          /* realpath */
#include "render/data-dir.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <unistd.h>

#ifndef GW_DATA_RELDIR
#define GW_DATA_RELDIR "../share/gongwen"
#endif

static int has_font_map(const char *dir)
{
    size_t n = strlen(dir) + sizeof "/fonts/fonts.yaml";
    char *p = malloc(n);
    if (!p) return 0;
    snprintf(p, n, "%s/fonts/fonts.yaml", dir);
    int ok = access(p, R_OK) == 0;
    free(p);
    return ok;
}

/* <folder of /proc/self/exe>/GW_DATA_RELDIR, or NULL. */
static char *beside_program(void)
{
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) return NULL;
    exe[n] = '\0';
    char *slash = strrchr(exe, '/');
    if (!slash) return NULL;
    *slash = '\0';
    size_t len = strlen(exe) + strlen(GW_DATA_RELDIR) + 2;
    char *dir = malloc(len);
    if (dir) snprintf(dir, len, "%s/%s", exe, GW_DATA_RELDIR);
    if (dir && !has_font_map(dir)) { free(dir); dir = NULL; }
    char *clean = dir ? realpath(dir, NULL) : NULL;     /* /usr/share/gongwen, not /usr/bin/../ */
    if (clean) { free(dir); dir = clean; }
    return dir;
}

char *gw_data_dir_find(const char *given, gw_data_dir_source *source)
{
    const char *env = getenv("GONGWEN_DATA_DIR");
    if (given && *given) { *source = GW_DATA_DIR_GIVEN; return strdup(given); }
    if (env && *env) { *source = GW_DATA_DIR_ENV; return strdup(env); }
    char *dir = beside_program();
    if (dir) { *source = GW_DATA_DIR_BESIDE_PROGRAM; return dir; }
    *source = GW_DATA_DIR_BUILT_IN;
    return strdup(GW_DATA_DIR);
}

const char *gw_data_dir_source_name(gw_data_dir_source source)
{
    switch (source) {
    case GW_DATA_DIR_GIVEN: return "given by the program";
    case GW_DATA_DIR_ENV: return "from GONGWEN_DATA_DIR";
    case GW_DATA_DIR_BESIDE_PROGRAM: return "beside the program";
    case GW_DATA_DIR_BUILT_IN: return "built in";
    }
    return "";
}
