#include "fonts/font-dirs.h"
#include <dirent.h>
#include <strings.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *gw_path_join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (p) snprintf(p, n, "%s/%s", dir, name);
    return p;
}

static int add_dir(gw_font_dirs *d, const char *dir)
{
    char **p = realloc(d->dirs, (d->count + 1) * sizeof *p);
    if (!p) return 0;
    d->dirs = p;
    if (!(d->dirs[d->count] = strdup(dir))) return 0;
    d->count++;
    return 1;
}

/* Each ':'-separated entry of list, followed by /suffix when suffix is not
 * empty; empty entries ("a::b", a trailing ':') add nothing. */
static int add_list(gw_font_dirs *d, const char *list, const char *suffix)
{
    for (const char *p = list; p && *p;) {
        size_t n = strcspn(p, ":");
        char *entry = strndup(p, n);
        char *dir = entry && *suffix ? gw_path_join(entry, suffix) : entry;
        int ok = dir && (n == 0 || add_dir(d, dir));
        if (dir != entry) free(dir);
        free(entry);
        if (!ok) return 0;
        p += n + (p[n] == ':');
    }
    return 1;
}

static int add_xdg_dirs(gw_font_dirs *d)
{
    const char *home = getenv("XDG_DATA_HOME"), *user = getenv("HOME");
    const char *dirs = getenv("XDG_DATA_DIRS");
    int ok = 1;
    if (home && *home == '/') ok = add_list(d, home, "gongwen/fonts");
    else if (user && *user) ok = add_list(d, user, ".local/share/gongwen/fonts");
    return ok && add_list(d, dirs && *dirs ? dirs : "/usr/local/share:/usr/share", "gongwen/fonts");
}

int gw_font_dirs_init(gw_font_dirs *d, const char *given)
{
    memset(d, 0, sizeof *d);
    int ok = add_list(d, given, "") && add_list(d, getenv("GONGWEN_FONT_PATH"), "");
    d->given = d->count;
    return ok && add_xdg_dirs(d);
}

int gw_font_dirs_list(gw_font_dirs *d, const char *list) { return add_list(d, list, ""); }

void gw_font_dirs_free(gw_font_dirs *d)
{
    for (size_t i = 0; i < d->count; i++) free(d->dirs[i]);
    free(d->dirs);
    memset(d, 0, sizeof *d);
}

char *gw_font_dirs_find(const gw_font_dirs *d, const char *name)
{
    for (size_t i = 0; i < d->count; i++) {
        char *p = gw_path_join(d->dirs[i], name);
        if (p && access(p, R_OK) == 0) return p;
        free(p);
    }
    return NULL;
}

static int font_file_name(const char *name)
{
    static const char *const ext[] = { ".ttf", ".otf", ".ttc", ".otc" };
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof ext / sizeof *ext; i++)
        if (n > 4 && strcasecmp(name + n - 4, ext[i]) == 0) return 1;
    return 0;
}

static int by_name(const struct dirent **a, const struct dirent **b) { return strcmp((*a)->d_name, (*b)->d_name); }

static void each_font(const char *dir, int depth, void (*fn)(void *, const char *), void *ctx)
{
    struct dirent **entries;
    int n = scandir(dir, &entries, NULL, by_name);
    for (int i = 0; i < n; i++) {
        const char *name = entries[i]->d_name;
        char *path = name[0] == '.' ? NULL : gw_path_join(dir, name);
        struct stat st;
        if (path && lstat(path, &st) == 0) {
            if (S_ISDIR(st.st_mode) && depth < GW_FONT_DIR_DEPTH) each_font(path, depth + 1, fn, ctx);
            else if (font_file_name(name) && stat(path, &st) == 0 && S_ISREG(st.st_mode)) fn(ctx, path);
        }
        free(path);
        free(entries[i]);
    }
    if (n >= 0) free(entries);
}

void gw_font_dirs_each_font(const gw_font_dirs *d, void (*fn)(void *ctx, const char *path), void *ctx)
{
    for (size_t i = 0; i < d->count; i++) each_font(d->dirs[i], 0, fn, ctx);
}
