/* gw_fontset: the font roles of fonts/fonts.yaml resolved to faces.
 *
 * Each role lists candidates in order of preference: fontconfig families
 * first (so an office's installed originals win), then the fetched open
 * defaults by file.  Every available candidate joins the role's chain; the
 * first is the role's main face and the rest serve characters it lacks. */
#ifndef GW_FONTS_FONTSET_H
#define GW_FONTS_FONTSET_H
#include "fonts/face.h"
#include "fonts/font-dirs.h"

/* One candidate of a role as searched: for `gongwen fonts`. */
typedef struct gw_candidate {
    char          *name;            /* the family, or the file */
    int            original;
    const gw_face *found;           /* NULL: not installed, not fetched, or unusable */
} gw_candidate;

typedef struct gw_role {
    char     *name;                 /* fangsong, xiaobiaosong, ... */
    char     *original;             /* the first original: true candidate's family, or NULL */
    gw_face **chain;                /* available faces, preferred first */
    int      *chain_is_original;    /* the candidate was marked original: true */
    size_t    chain_len;
    gw_candidate *candidates;       /* every candidate of every map, in order */
    size_t    candidate_count;
} gw_role;

typedef struct gw_fontset gw_fontset;

/* Reads the user's and system's own maps (see fontset.c), then fonts_yaml.
 * font_path: ':'-separated font folders searched first (font-dirs.h), or NULL. */
gw_fontset *gw_fontset_load_with(const char *fonts_yaml, const char *font_path, gw_diagnostics *diags);
gw_fontset *gw_fontset_load(const char *fonts_yaml, gw_diagnostics *diags);   /* font_path NULL */
void        gw_fontset_destroy(gw_fontset *fs);

/* The role of that name, or NULL. */
const gw_role *gw_fontset_role(const gw_fontset *fs, const char *name);
size_t         gw_fontset_role_count(const gw_fontset *fs);
const gw_role *gw_fontset_role_at(const gw_fontset *fs, size_t i);

/* The font folders the set looks in. */
const gw_font_dirs *gw_fontset_font_dirs(const gw_fontset *fs);

/* The first face of the role's chain that has the code point, or NULL. */
gw_face *gw_role_face_for(const gw_role *role, uint32_t codepoint);
#endif
