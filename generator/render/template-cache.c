#define _XOPEN_SOURCE 700   /* realpath */
#include "render/template-cache.h"
#include "util/grow.h"
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct cached {
    char           *key;        /* the template file's real path */
    gw_language     lang;       /* of the kept warnings */
    gw_template    *template;
    gw_diagnostics *warnings;   /* what loading it reported */
} cached;

struct gw_template_cache {
    pthread_mutex_t lock;
    char           *data_dir;
    cached         *items;
    size_t          count;
};

gw_template_cache *gw_template_cache_create(const char *data_dir)
{
    gw_template_cache *c = calloc(1, sizeof *c);
    if (!c) return NULL;
    if (!(c->data_dir = strdup(data_dir)) || pthread_mutex_init(&c->lock, NULL) != 0) {
        free(c->data_dir);
        free(c);
        return NULL;
    }
    return c;
}

void gw_template_cache_destroy(gw_template_cache *c)
{
    if (!c) return;
    for (size_t i = 0; i < c->count; i++) {
        free(c->items[i].key);
        gw_template_destroy(c->items[i].template);
        gw_diagnostics_destroy(c->items[i].warnings);
    }
    free(c->items);
    free(c->data_dir);
    pthread_mutex_destroy(&c->lock);
    free(c);
}

/* The file gw_template_load reads for `name`, made canonical so that two
 * spellings of one file share an entry; NULL when it does not resolve (the
 * loader then reports why). */
static char *template_key(const gw_template_cache *c, const char *name, const char *base_dir)
{
    char path[PATH_MAX + 64], *real = malloc(PATH_MAX);
    if (!real) return NULL;
    if (strchr(name, '/'))
        snprintf(path, sizeof path, "%s%s%s", name[0] == '/' ? "" : base_dir, name[0] == '/' ? "" : "/", name);
    else
        snprintf(path, sizeof path, "%s/templates/%s.yaml", c->data_dir, name);
    if (!realpath(path, real)) {
        free(real);
        return NULL;
    }
    return real;
}

static void replay(const gw_diagnostics *from, gw_diagnostics *to)
{
    for (size_t i = 0; i < gw_diagnostics_count(from); i++) {
        const gw_diag *d = gw_diagnostics_get(from, i);
        gw_loc loc = { d->file, d->line, d->column, d->path, 0 };
        gw_diag_add(to, d->severity, d->code, loc, "%s", d->message);
    }
}

static const cached *find(const gw_template_cache *c, const char *key, gw_language lang)
{
    for (size_t i = 0; i < c->count; i++)
        if (c->items[i].lang == lang && strcmp(c->items[i].key, key) == 0) return &c->items[i];
    return NULL;
}

/* Loads and keeps a template; NULL (reported in diags) when it does not load. */
static const cached *load(gw_template_cache *c, char *key, const char *name, const char *base_dir,
                          gw_language lang, gw_diagnostics *diags)
{
    gw_diagnostics *got = gw_diagnostics_create();
    gw_diagnostics_set_language(got, lang);
    gw_template *t = got ? gw_template_load(c->data_dir, name, base_dir, got) : NULL;
    replay(got, diags);
    if (!t || !gw_grow(&c->items, c->count, sizeof *c->items)) {
        gw_template_destroy(t);
        gw_diagnostics_destroy(got);
        free(key);
        return NULL;
    }
    c->items[c->count] = (cached){ key, lang, t, got };
    return &c->items[c->count++];
}

const gw_template *gw_template_cache_get(gw_template_cache *c, const char *name, const char *base_dir,
                                         gw_diagnostics *diags)
{
    gw_language lang = gw_diagnostics_language(diags);
    char *key = template_key(c, name, base_dir);
    if (!key) {                           /* missing file: the loader says so */
        gw_template_destroy(gw_template_load(c->data_dir, name, base_dir, diags));
        return NULL;
    }
    pthread_mutex_lock(&c->lock);
    const cached *hit = find(c, key, lang);
    if (hit) {
        free(key);
        replay(hit->warnings, diags);
    } else {
        hit = load(c, key, name, base_dir, lang, diags);   /* takes key */
    }
    /* read under the lock: another load may move the array */
    const gw_template *t = hit ? hit->template : NULL;
    pthread_mutex_unlock(&c->lock);
    return t;
}
