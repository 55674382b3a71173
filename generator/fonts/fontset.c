#include "fonts/fontset.h"
#include "util/messages.h"
#include "yaml/ynode.h"
#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

struct gw_fontset {
    char      *dir;           /* fonts.yaml's folder: relative files are found here */
    gw_role   *roles;
    size_t     role_count;
    gw_face  **open;          /* every face opened, once, shared by the roles */
    size_t     open_count;
    int        fc_ready;
};

/* A candidate that cannot be used is skipped with a warning: the chain goes
 * on with the next; only a role left with no font at all is an error. */
static gw_face *open_face(gw_fontset *fs, const char *path, unsigned index, gw_diagnostics *diags)
{
    for (size_t i = 0; i < fs->open_count; i++)
        if (gw_face_index(fs->open[i]) == index && strcmp(gw_face_path(fs->open[i]), path) == 0) return fs->open[i];
    gw_diagnostics *why = gw_diagnostics_create();
    gw_diagnostics_set_language(why, gw_diagnostics_language(diags));
    gw_face *f = gw_face_open(path, index, why);
    if (!f) {
        const gw_diag *d = gw_diagnostics_get(why, 0);
        gw_report(diags, gw_loc_file(path), GW_MSG_FONT_SKIPPED,
                  d ? d->message : gw_kind_name(diags, GW_KIND_UNUSABLE));
        gw_diagnostics_destroy(why);
        return NULL;
    }
    gw_diagnostics_destroy(why);
    gw_face **p = realloc(fs->open, (fs->open_count + 1) * sizeof *p);
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
static FcPattern *best_of_family(FcFontSet *set, const char *family)
{
    FcPattern *best = NULL;
    int best_distance = 0;
    for (int i = 0; i < set->nfont; i++) {
        FcPattern *font = set->fonts[i];
        FcChar8 *file, *best_file;
        int index = 0, best_index = 0;
        if (!fc_family_matches(font, family) || FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch)
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

static gw_face *find_by_family(gw_fontset *fs, const char *family, gw_diagnostics *diags)
{
    if (!fs->fc_ready) fs->fc_ready = FcInit();
    FcPattern *pat = FcPatternCreate();
    FcObjectSet *objects = FcObjectSetBuild(FC_FAMILY, FC_FILE, FC_INDEX, FC_WEIGHT, FC_SLANT, (char *)NULL);
    FcFontSet *set = NULL;
    if (pat && objects) {
        FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family);
        set = FcFontList(NULL, pat, objects);
    }
    FcPattern *font = set ? best_of_family(set, family) : NULL;
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

/* A file candidate; with a family, the collection face of that family. */
static gw_face *find_by_file(gw_fontset *fs, const char *file, const char *family,
                             long index, gw_diagnostics *diags)
{
    char path[4096];
    snprintf(path, sizeof path, "%s%s%s", file[0] == '/' ? "" : fs->dir,
             file[0] == '/' ? "" : "/", file);
    if (access(path, R_OK) != 0) return NULL;      /* not fetched or not installed */
    if (!family) return open_face(fs, path, index < 0 ? 0 : (unsigned)index, diags);
    unsigned n = gw_font_file_face_count(path);
    for (unsigned i = 0; i < n; i++) {
        gw_face *f = open_face(fs, path, i, diags);
        if (f && strcasecmp(gw_face_family(f), family) == 0) return f;
    }
    return NULL;
}

static int add_to_chain(gw_role *r, gw_face *f, int original)
{
    for (size_t i = 0; i < r->chain_len; i++)
        if (r->chain[i] == f) return 1;
    gw_face **c = realloc(r->chain, (r->chain_len + 1) * sizeof *c);
    if (!c) return 0;
    r->chain = c;
    int *o = realloc(r->chain_is_original, (r->chain_len + 1) * sizeof *o);
    if (!o) return 0;
    r->chain_is_original = o;
    r->chain[r->chain_len] = f;
    r->chain_is_original[r->chain_len++] = original;
    return 1;
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
    if (original && !r->original) r->original = strdup(family ? family : file);
    f = file ? find_by_file(fs, file, family, face ? atol(face) : -1, diags)
             : find_by_family(fs, family, diags);
    if (f) add_to_chain(r, f, original);
}

static int load_roles(gw_fontset *fs, gw_yaml *y, gw_diagnostics *diags)
{
    yaml_node_t *roles = gw_yaml_get(y, gw_yaml_root(y), "roles");
    if (!roles || roles->type != YAML_MAPPING_NODE) {
        gw_report(diags, gw_yaml_loc(y, roles, "roles"), GW_MSG_FONT_ROLES);
        return 0;
    }
    size_t n = (size_t)(roles->data.mapping.pairs.top - roles->data.mapping.pairs.start);
    fs->roles = calloc(n ? n : 1, sizeof *fs->roles);
    if (!fs->roles) return 0;
    for (size_t i = 0; i < n; i++) {
        yaml_node_pair_t *p = &roles->data.mapping.pairs.start[i];
        const char *name = gw_yaml_str(yaml_document_get_node(&y->doc, p->key));
        yaml_node_t *list = yaml_document_get_node(&y->doc, p->value);
        gw_role *r = &fs->roles[fs->role_count++];
        r->name = strdup(name ? name : "");
        for (size_t k = 0; k < gw_yaml_len(list); k++)
            resolve_candidate(fs, y, gw_yaml_item(y, list, k), r, diags);
    }
    return 1;
}

gw_fontset *gw_fontset_load(const char *fonts_yaml, gw_diagnostics *diags)
{
    gw_yaml *y = gw_yaml_load_file(fonts_yaml, diags);
    if (!y) return NULL;
    gw_fontset *fs = calloc(1, sizeof *fs);
    int ok = fs != NULL;
    if (ok) {
        fs->dir = strdup(fonts_yaml);
        char *slash = fs->dir ? strrchr(fs->dir, '/') : NULL;
        if (slash) *slash = '\0';
        else if (fs->dir) strcpy(fs->dir, ".");
        ok = fs->dir && load_roles(fs, y, diags);
    }
    gw_yaml_destroy(y);
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
    }
    free(fs->roles);
    for (size_t i = 0; i < fs->open_count; i++) gw_face_destroy(fs->open[i]);
    free(fs->open);
    free(fs->dir);
    free(fs);
}

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
