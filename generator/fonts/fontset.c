#include "fonts/fontset.h"
#include "fonts/font-dirs.h"
#include "util/buf.h"
#include "util/messages.h"
#include "yaml/ynode.h"
#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

struct gw_fontset {
    char      *dir;           /* the folder of the font map being read: relative files are found here */
    gw_font_dirs font_dirs;   /* and then here (font-dirs.h) */
    gw_role   *roles;
    size_t     role_count;
    gw_face  **open;          /* every face opened, once, shared by the roles */
    size_t     open_count;
    int        fc_ready;
    int        nomem;         /* an allocation failed: no set, E0006 (never a shorter chain) */
};

/* What every allocation of the loading passes through: a NULL p marks the
 * loading out of memory. */
static void *kept(gw_fontset *fs, void *p)
{
    if (!p) fs->nomem = 1;
    return p;
}

/* The same for a call that returns 0 when out of memory. */
static int kept_ok(gw_fontset *fs, int ok)
{
    if (!ok) fs->nomem = 1;
    return ok;
}

/* A candidate that cannot be used is skipped with a warning: the chain goes
 * on with the next; only a role left with no font at all is an error. */
static gw_face *open_face(gw_fontset *fs, const char *path, unsigned index, gw_diagnostics *diags)
{
    for (size_t i = 0; i < fs->open_count; i++)
        if (gw_face_index(fs->open[i]) == index && strcmp(gw_face_path(fs->open[i]), path) == 0) return fs->open[i];
    gw_diagnostics *why = kept(fs, gw_diagnostics_create());
    if (!why) return NULL;
    gw_diagnostics_set_language(why, gw_diagnostics_language(diags));
    gw_face *f = gw_face_open(path, index, why);
    if (!f && gw_diag_out_of_memory(why)) {
        fs->nomem = 1;                         /* not the font's fault: no skipping it */
    } else if (!f) {
        const gw_diag *d = gw_diagnostics_get(why, 0);
        gw_report(diags, gw_loc_file(path), GW_MSG_FONT_SKIPPED,
                  d ? d->message : gw_kind_name(diags, GW_KIND_UNUSABLE));
    }
    gw_diagnostics_destroy(why);
    if (!f) return NULL;
    gw_face **p = kept(fs, realloc(fs->open, (fs->open_count + 1) * sizeof *p));
    if (!p) { gw_face_destroy(f); return NULL; }
    fs->open = p;
    fs->open[fs->open_count++] = f;
    return f;
}

/* fontconfig always returns some font: accept it only when one of its family
 * names is the one asked for. */
static int fc_family_matches(FcPattern *font, const char *family)
{
    FcChar8 *name;
    for (int i = 0; FcPatternGetString(font, FC_FAMILY, i, &name) == FcResultMatch; i++)
        if (strcasecmp((const char *)name, family) == 0) return 1;
    return 0;
}

/* How far a font is from the upright regular style a role wants. */
static int style_distance(FcPattern *font)
{
    int weight = FC_WEIGHT_REGULAR, slant = FC_SLANT_ROMAN;
    FcPatternGetInteger(font, FC_WEIGHT, 0, &weight);
    FcPatternGetInteger(font, FC_SLANT, 0, &slant);
    return abs(weight - FC_WEIGHT_REGULAR) + 10 * abs(slant - FC_SLANT_ROMAN);
}

/* Of the installed fonts of that family, the regular upright one (file and
 * face order break ties, so the choice does not depend on the cache's
 * order).  FcFontList only lists the fonts that have the family, where
 * FcFontMatch would score every font installed: 0.1 ms for the 15
 * originals of fonts.yaml instead of 2.5 ms. */
static int fc_not_a_folder_font(const gw_fontset *fs, const char *file);

static FcPattern *best_of_family(const gw_fontset *fs, FcFontSet *set, const char *family)
{
    FcPattern *best = NULL;
    int best_distance = 0;
    for (int i = 0; i < set->nfont; i++) {
        FcPattern *font = set->fonts[i];
        FcChar8 *file, *best_file;
        int index = 0, best_index = 0;
        if (!fc_family_matches(font, family) || FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch ||
            fc_not_a_folder_font(fs, (const char *)file))
            continue;
        FcPatternGetInteger(font, FC_INDEX, 0, &index);
        int d = style_distance(font), better = !best || d < best_distance;
        if (best && d == best_distance) {
            FcPatternGetString(best, FC_FILE, 0, &best_file);
            FcPatternGetInteger(best, FC_INDEX, 0, &best_index);
            int c = strcmp((const char *)file, (const char *)best_file);
            better = c < 0 || (c == 0 && index < best_index);
        }
        if (better) { best = font; best_distance = d; }
    }
    return best;
}

/* fontconfig learns the font files of the font folders, so that an
 * office's font put in one (gongwen --font-path DIR) can be a family
 * candidate like an installed one: regular font files only, so that a FIFO
 * or a device in a folder cannot block (gw_font_dir_each_font).  A folder
 * of regular files only is given to fontconfig whole, which reads it from
 * its cache once it has scanned it: told file by file, fontconfig scans
 * every font file (names, coverage) in every process, 19 M instructions
 * (2 ms, 7 % of a cold render) for the four Fandol fonts of
 * /usr/local/share/gongwen/fonts.  Then only its *.ttf, *.otf, *.ttc and
 * *.otc files are candidates (fc_not_a_folder_font), as file by file.
 * (A FIFO made in the folder between the check and fontconfig's scan of a
 * changed folder could still block that scan: a window of microseconds.) */
static void fc_add_file(void *ctx, const char *path)
{
    (void)ctx;
    FcConfigAppFontAddFile(NULL, (const FcChar8 *)path);
}

static int fc_start(gw_fontset *fs)
{
    /* FcInit fails only out of memory: without a configuration file it
     * takes a fallback one.  Going on would set every original's role in
     * its substitute without a word. */
    if (!FcInit()) {
        fs->nomem = 1;
        return 0;
    }
    for (size_t i = 0; i < fs->font_dirs.count; i++) {
        const char *dir = fs->font_dirs.dirs[i];
        int plain = gw_font_dir_is_plain(dir);
        if (plain < 0) fs->nomem = 1;
        else if (plain) FcConfigAppFontAddDir(NULL, (const FcChar8 *)dir);
        else kept_ok(fs, gw_font_dir_each_font(dir, fc_add_file, NULL));
    }
    return 1;
}

/* A file of a font folder that fontconfig read whole, but which is not one
 * of the font files gongwen gives it file by file (a .pfb, a .woff). */
static int fc_not_a_folder_font(const gw_fontset *fs, const char *file)
{
    const char *slash = strrchr(file, '/');
    if (!slash || gw_font_file_name(slash + 1)) return 0;
    for (size_t i = 0; i < fs->font_dirs.count; i++) {
        size_t n = strlen(fs->font_dirs.dirs[i]);
        while (n > 1 && fs->font_dirs.dirs[i][n - 1] == '/') n--;
        if ((size_t)(slash - file) == n && strncmp(file, fs->font_dirs.dirs[i], n) == 0) return 1;
    }
    return 0;
}

static gw_face *find_by_family(gw_fontset *fs, const char *family, gw_diagnostics *diags)
{
    if (!fs->fc_ready) fs->fc_ready = fc_start(fs);
    FcPattern *pat = FcPatternCreate();
    FcObjectSet *objects = FcObjectSetBuild(FC_FAMILY, FC_FILE, FC_INDEX, FC_WEIGHT, FC_SLANT, (char *)NULL);
    FcFontSet *set = NULL;
    /* fontconfig fails only out of memory, once it has a configuration
     * (without one, no family is installed) */
    if (!pat || !objects || !FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family)) fs->nomem = 1;
    else if (!(set = FcFontList(NULL, pat, objects)) && fs->fc_ready) fs->nomem = 1;
    FcPattern *font = set ? best_of_family(fs, set, family) : NULL;
    gw_face *face = NULL;
    FcChar8 *file;
    int index = 0;
    if (font && FcPatternGetString(font, FC_FILE, 0, &file) == FcResultMatch) {
        FcPatternGetInteger(font, FC_INDEX, 0, &index);
        face = open_face(fs, (const char *)file, (unsigned)index, diags);
    }
    if (set) FcFontSetDestroy(set);
    if (objects) FcObjectSetDestroy(objects);
    if (pat) FcPatternDestroy(pat);
    return face;
}

/* A relative file is looked for beside the font map, then in the font
 * folders, then in the map's cache/ (where scripts/setup put the fetched
 * fonts before they moved to the font folders). */
static char *locate_file(gw_fontset *fs, const char *file)
{
    if (file[0] == '/') return access(file, R_OK) == 0 ? kept(fs, strdup(file)) : NULL;
    char *path = kept(fs, gw_path_join(fs->dir, file));
    if (path && access(path, R_OK) == 0) return path;
    free(path);
    if (!kept_ok(fs, gw_font_dirs_lookup(&fs->font_dirs, file, &path)) || path) return path;
    char *cache = kept(fs, gw_path_join(fs->dir, "cache"));
    path = cache ? kept(fs, gw_path_join(cache, file)) : NULL;
    free(cache);
    if (path && access(path, R_OK) == 0) return path;
    free(path);
    return NULL;
}

/* A file candidate; with a family, the collection face of that family. */
static gw_face *find_by_file(gw_fontset *fs, const char *file, const char *family,
                             long index, gw_diagnostics *diags)
{
    char *path = locate_file(fs, file);
    gw_face *found = NULL;
    if (!path) return NULL;                        /* not fetched or not installed */
    if (!family) found = open_face(fs, path, index < 0 ? 0 : (unsigned)index, diags);
    int nomem = 0;
    unsigned n = family ? gw_font_file_face_count(path, &nomem) : 0;
    if (nomem) fs->nomem = 1;
    for (unsigned i = 0; i < n && !found; i++) {
        gw_face *f = open_face(fs, path, i, diags);
        if (f && strcasecmp(gw_face_family(f), family) == 0) found = f;
    }
    free(path);
    return found;
}

static void add_to_chain(gw_fontset *fs, gw_role *r, gw_face *f, int original)
{
    for (size_t i = 0; i < r->chain_len; i++)
        if (r->chain[i] == f) return;
    gw_face **c = kept(fs, realloc(r->chain, (r->chain_len + 1) * sizeof *c));
    if (!c) return;
    r->chain = c;
    int *o = kept(fs, realloc(r->chain_is_original, (r->chain_len + 1) * sizeof *o));
    if (!o) return;
    r->chain_is_original = o;
    r->chain[r->chain_len] = f;
    r->chain_is_original[r->chain_len++] = original;
}

/* What `gongwen fonts` shows of the search: each candidate and its face. */
static void remember_candidate(gw_fontset *fs, gw_role *r, const char *name, int original, const gw_face *found)
{
    gw_candidate *c = kept(fs, realloc(r->candidates, (r->candidate_count + 1) * sizeof *c));
    if (!c) return;
    r->candidates = c;
    c[r->candidate_count].name = kept(fs, strdup(name));
    c[r->candidate_count].original = original;
    c[r->candidate_count].found = found;
    if (c[r->candidate_count].name) r->candidate_count++;
}

static void resolve_candidate(gw_fontset *fs, gw_yaml *y, yaml_node_t *c, gw_role *r,
                              gw_diagnostics *diags)
{
    const char *family = gw_yaml_str(gw_yaml_get(y, c, "family"));
    const char *file = gw_yaml_str(gw_yaml_get(y, c, "file"));
    const char *face = gw_yaml_str(gw_yaml_get(y, c, "face"));
    const char *orig = gw_yaml_str(gw_yaml_get(y, c, "original"));
    gw_face *f;
    if (!family && !file) {
        gw_report(diags, gw_yaml_loc(y, c, r->name), GW_MSG_FONT_CANDIDATE);
        return;
    }
    int original = orig && strcmp(orig, "true") == 0;
    if (original && !r->original) r->original = kept(fs, strdup(family ? family : file));
    f = file ? find_by_file(fs, file, family, face ? atol(face) : -1, diags)
             : find_by_family(fs, family, diags);
    if (f) add_to_chain(fs, r, f, original);
    remember_candidate(fs, r, family && !file ? family : file, original, f);
}

/* The role of that name, added at the end when a map names it first. */
static gw_role *role_named(gw_fontset *fs, const char *name)
{
    for (size_t i = 0; i < fs->role_count; i++)
        if (strcmp(fs->roles[i].name, name) == 0) return &fs->roles[i];
    gw_role *roles = kept(fs, realloc(fs->roles, (fs->role_count + 1) * sizeof *roles));
    if (!roles) return NULL;
    fs->roles = roles;
    gw_role *r = &fs->roles[fs->role_count];
    memset(r, 0, sizeof *r);
    if (!(r->name = kept(fs, strdup(name)))) return NULL;
    fs->role_count++;
    return r;
}

static int load_roles(gw_fontset *fs, gw_yaml *y, gw_diagnostics *diags)
{
    yaml_node_t *roles = gw_yaml_get(y, gw_yaml_root(y), "roles");
    if (!roles || roles->type != YAML_MAPPING_NODE) {
        gw_report(diags, gw_yaml_loc(y, roles, "roles"), GW_MSG_FONT_ROLES);
        return 0;
    }
    size_t n = (size_t)(roles->data.mapping.pairs.top - roles->data.mapping.pairs.start);
    for (size_t i = 0; i < n && !fs->nomem; i++) {
        yaml_node_pair_t *p = &roles->data.mapping.pairs.start[i];
        const char *name = gw_yaml_str(yaml_document_get_node(&y->doc, p->key));
        yaml_node_t *list = yaml_document_get_node(&y->doc, p->value);
        gw_role *r = role_named(fs, name ? name : "");
        if (!r) return 0;
        for (size_t k = 0; k < gw_yaml_len(list) && !fs->nomem; k++)
            resolve_candidate(fs, y, gw_yaml_item(y, list, k), r, diags);
    }
    return 1;
}

/* Reads one font map; its relative files are found from its own folder. */
static int load_map(gw_fontset *fs, const char *map, gw_diagnostics *diags)
{
    gw_yaml *y = gw_yaml_load_file(map, diags);
    if (!y) return 0;
    free(fs->dir);
    fs->dir = kept(fs, strdup(map));
    char *slash = fs->dir ? strrchr(fs->dir, '/') : NULL;
    if (slash) *slash = '\0';
    else if (fs->dir) strcpy(fs->dir, ".");
    int ok = fs->dir && load_roles(fs, y, diags);
    gw_yaml_destroy(y);
    return ok;
}

/* The user's and the system's own maps (gongwen/fonts.yaml in
 * $XDG_CONFIG_HOME, default ~/.config, then in each of $XDG_CONFIG_DIRS,
 * default /etc/xdg), read before the installed map so that their candidates
 * come first in each role; a role they name that the installed map lacks is
 * added. */
static int load_own_maps(gw_fontset *fs, gw_diagnostics *diags)
{
    const char *home = getenv("XDG_CONFIG_HOME"), *user = getenv("HOME");
    const char *dirs = getenv("XDG_CONFIG_DIRS");
    gw_font_dirs maps;          /* the same ':'-list reading, for config folders */
    memset(&maps, 0, sizeof maps);
    gw_buf list;
    gw_buf_init(&list);
    if (home && *home == '/') gw_buf_printf(&list, "%s/gongwen", home);
    else if (user && *user) gw_buf_printf(&list, "%s/.config/gongwen", user);
    gw_buf_puts(&list, ":");
    for (const char *p = dirs && *dirs ? dirs : "/etc/xdg"; *p;) {
        size_t n = strcspn(p, ":");
        if (n) gw_buf_printf(&list, "%.*s/gongwen:", (int)n, p);
        p += n + (p[n] == ':');
    }
    int ok = kept_ok(fs, !list.failed && gw_font_dirs_list(&maps, list.data));
    gw_buf_free(&list);
    for (size_t i = 0; ok && i < maps.count; i++) {
        char *map = kept(fs, gw_path_join(maps.dirs[i], "fonts.yaml"));
        ok = map != NULL;
        if (map && access(map, R_OK) == 0) ok = load_map(fs, map, diags);
        free(map);
    }
    gw_font_dirs_free(&maps);
    return ok;
}

gw_fontset *gw_fontset_load(const char *fonts_yaml, gw_diagnostics *diags)
{
    return gw_fontset_load_with(fonts_yaml, NULL, diags);
}

gw_fontset *gw_fontset_load_with(const char *fonts_yaml, const char *font_path, gw_diagnostics *diags)
{
    gw_fontset *fs = calloc(1, sizeof *fs);
    int ok = fs && kept_ok(fs, gw_font_dirs_init(&fs->font_dirs, font_path));
    ok = ok && load_own_maps(fs, diags) && load_map(fs, fonts_yaml, diags) && !fs->nomem;
    if (!fs || fs->nomem) gw_report(diags, gw_loc_file(fonts_yaml), GW_MSG_NO_MEMORY);
    if (!ok) {
        gw_fontset_destroy(fs);
        return NULL;
    }
    return fs;
}

void gw_fontset_destroy(gw_fontset *fs)
{
    if (!fs) return;
    for (size_t i = 0; i < fs->role_count; i++) {
        free(fs->roles[i].name);
        free(fs->roles[i].original);
        free(fs->roles[i].chain);
        free(fs->roles[i].chain_is_original);
        for (size_t k = 0; k < fs->roles[i].candidate_count; k++) free(fs->roles[i].candidates[k].name);
        free(fs->roles[i].candidates);
    }
    free(fs->roles);
    for (size_t i = 0; i < fs->open_count; i++) gw_face_destroy(fs->open[i]);
    free(fs->open);
    free(fs->dir);
    gw_font_dirs_free(&fs->font_dirs);
    free(fs);
}

const gw_font_dirs *gw_fontset_font_dirs(const gw_fontset *fs) { return &fs->font_dirs; }

const gw_role *gw_fontset_role(const gw_fontset *fs, const char *name)
{
    for (size_t i = 0; i < fs->role_count; i++)
        if (strcmp(fs->roles[i].name, name) == 0) return &fs->roles[i];
    return NULL;
}

size_t gw_fontset_role_count(const gw_fontset *fs) { return fs->role_count; }
const gw_role *gw_fontset_role_at(const gw_fontset *fs, size_t i)
{
    return i < fs->role_count ? &fs->roles[i] : NULL;
}

gw_face *gw_role_face_for(const gw_role *role, uint32_t cp)
{
    for (size_t i = 0; i < role->chain_len; i++)
        if (gw_face_glyph(role->chain[i], cp)) return role->chain[i];
    return NULL;
}
