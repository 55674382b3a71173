/* The font folders: where gongwen looks for font files a font map names by
 * a relative path, for the fetched open fonts (Fandol), and for an office's
 * own fonts, which fontconfig is told about so that their families can be
 * candidates.  In order:
 *   1. the folders given by the program (gongwen --font-path DIR);
 *   2. $GONGWEN_FONT_PATH, folders separated by ':';
 *   3. $XDG_DATA_HOME/gongwen/fonts (default ~/.local/share/gongwen/fonts),
 *      where scripts/setup and gongwen-fetch-fonts put fonts for one user;
 *   4. DIR/gongwen/fonts for each DIR of $XDG_DATA_DIRS (default
 *      /usr/local/share:/usr/share), where they put them for the system. */
#ifndef GW_FONTS_FONT_DIRS_H
#define GW_FONTS_FONT_DIRS_H
#include <stddef.h>

typedef struct gw_font_dirs {
    char  **dirs;
    size_t  count;
    size_t  given;     /* how many of them came from the program or $GONGWEN_FONT_PATH */
} gw_font_dirs;

/* given: ':'-separated folders, or NULL.  Returns 0 when out of memory. */
int  gw_font_dirs_init(gw_font_dirs *d, const char *given);
void gw_font_dirs_free(gw_font_dirs *d);
/* Adds each folder of a ':'-separated list (no environment read). */
int  gw_font_dirs_list(gw_font_dirs *d, const char *list);

/* The first readable DIR/name over the font folders (malloc'ed), or NULL. */
char *gw_font_dirs_find(const gw_font_dirs *d, const char *name);

/* Calls fn for each regular file named *.ttf, *.otf, *.ttc or *.otc in the
 * folders and their subfolders (at most GW_FONT_DIR_DEPTH deep, symbolic links
 * to folders not followed), in name order within a folder. */
#define GW_FONT_DIR_DEPTH 4
void gw_font_dirs_each_font(const gw_font_dirs *d, void (*fn)(void *ctx, const char *path), void *ctx);

/* DIR/name (malloc'ed). */
char *gw_path_join(const char *dir, const char *name);
#endif
