/* Loading a template: where its file is, reading it as hostile input (a
 * regular file only, bounded like a document), the `extends:` chain, and
 * the look-ups the layout uses.  Reading values is template-read.c's. */
#include "template/template-internal.h"
#include "util/messages.h"
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct loader {
    const char     *data_dir;
    gw_diagnostics *diags;
    gw_template    *t;                          /* owns the file names places point to */
    struct { dev_t dev; ino_t ino; } chain[TPL_MAX_EXTENDS + 1];   /* files being loaded */
    size_t          depth;
} loader;

static void no_memory(loader *L, const char *file)
{
    gw_report(L->diags, gw_loc_file(file), GW_MSG_NO_MEMORY);
}

/* Keeps a copy of the file name for the places that point into it. */
static const char *keep_name(loader *L, const char *name)
{
    char *copy = strdup(name);
    char **files = copy ? realloc(L->t->files, (L->t->file_count + 1) * sizeof *files) : NULL;
    if (!files) {
        free(copy);
        no_memory(L, name);
        return NULL;
    }
    L->t->files = files;
    files[L->t->file_count++] = copy;
    return copy;
}

/* The file's bytes: a regular file only (opened without blocking, so a
 * FIFO is refused rather than waited on), at most GW_YAML_MAX_BYTES. */
static char *read_regular(loader *L, const char *path, gw_loc where, const char *base_name, struct stat *st,
                          size_t *len)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0 && base_name) gw_report(L->diags, where, GW_MSG_TEMPLATE_EXTENDS, base_name, strerror(errno));
    else if (fd < 0) gw_report(L->diags, where, GW_MSG_CANNOT_OPEN, strerror(errno));
    if (fd < 0) return NULL;
    char *text = NULL;
    if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode)) {
        gw_report(L->diags, where, GW_MSG_TEMPLATE_NOT_REGULAR, path);
    } else if (st->st_size > GW_YAML_MAX_BYTES) {
        gw_report(L->diags, where, GW_MSG_FILE_TOO_BIG, GW_YAML_MAX_BYTES / (1024 * 1024));
    } else if (!(text = malloc((size_t)st->st_size + 1))) {
        no_memory(L, path);
    } else {
        ssize_t got = 0, n = 1;
        while (n > 0 && got < st->st_size) {
            n = read(fd, text + got, (size_t)(st->st_size - got));
            if (n < 0 && errno == EINTR) n = 1;
            else if (n > 0) got += n;
        }
        if (n < 0) {
            gw_report(L->diags, where, GW_MSG_CANNOT_OPEN, strerror(errno));
            free(text);
            text = NULL;
        }
        *len = (size_t)got;     /* a file that shrank meanwhile is read as it is now */
    }
    close(fd);
    return text;
}

static tnode *load_text(loader *L, const char *name, const char *text, size_t len, const char *dir);

/* A built-in name is templates/NAME.yaml in the data folder; a name with a
 * '/' is a path, relative to dir (the folder of what names it). */
static char *resolve_path(const char *data_dir, const char *name, const char *dir)
{
    size_t n = strlen(data_dir) + strlen(name) + strlen(dir) + 32;
    char *p = malloc(n);
    if (!p) return NULL;
    if (!strchr(name, '/')) {
        snprintf(p, n, "%s/templates/%s.yaml", data_dir, name);
        return p;
    }
    while (strncmp(name, "./", 2) == 0) name += 2;     /* shorter names in messages */
    if (name[0] == '/' || strcmp(dir, ".") == 0) snprintf(p, n, "%s", name);
    else snprintf(p, n, "%s/%s", dir, name);
    return p;
}

static char *dir_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash) return strdup(".");
    if (slash == path) return strdup("/");
    return strndup(path, (size_t)(slash - path));
}

/* The tree of the template file at path, its extends: chain merged in.
 * where: the place that named it; base_name: its name there, for a base. */
static tnode *load_file(loader *L, const char *path, gw_loc where, const char *base_name)
{
    struct stat st;
    size_t len = 0;
    char *text = read_regular(L, path, where, base_name, &st, &len);
    if (!text) return NULL;
    for (size_t i = 0; i < L->depth; i++)
        if (L->chain[i].dev == st.st_dev && L->chain[i].ino == st.st_ino) {
            gw_report(L->diags, where, GW_MSG_TEMPLATE_CYCLE, path);
            free(text);
            return NULL;
        }
    L->chain[L->depth].dev = st.st_dev;
    L->chain[L->depth].ino = st.st_ino;
    char *dir = dir_of(path);
    tnode *tree = dir ? load_text(L, path, text, len, dir) : NULL;
    if (!dir) no_memory(L, path);
    free(dir);
    free(text);
    return tree;
}

/* The base named by extends: (taken out of the tree), loaded first. */
static tnode *load_base(loader *L, tnode *ext, const char *dir)
{
    tctx c = { .t = L->t, .diags = L->diags, .ok = 1 };
    const char *name = tv_scalar(&c, ext, "extends");
    if (!name) return NULL;
    gw_loc where = tr_loc(ext, "extends");
    if (L->depth + 1 >= TPL_MAX_EXTENDS) {
        gw_report(L->diags, where, GW_MSG_TEMPLATE_TOO_DEEP, TPL_MAX_EXTENDS);
        return NULL;
    }
    if (!strchr(name, '/') && !tv_name(&c, ext, "extends", &name)) return NULL;
    char *path = resolve_path(L->data_dir, name, dir);
    if (!path) { no_memory(L, name); return NULL; }
    L->depth++;
    tnode *base = load_file(L, path, where, name);
    L->depth--;
    free(path);
    return base;
}

static tnode *load_text(loader *L, const char *name, const char *text, size_t len, const char *dir)
{
    const char *file = keep_name(L, name);
    gw_yaml *y = file ? gw_yaml_load_memory(file, text, len, L->diags) : NULL;
    tnode *tree = y ? tn_from_yaml(y, file, L->diags) : NULL;
    gw_yaml_destroy(y);
    if (!tree) return NULL;
    tnode *ext = tn_take(tree, "extends");
    if (!ext) return tree;
    tnode *base = load_base(L, ext, dir);
    tn_free(ext);
    if (!base) {
        tn_free(tree);
        return NULL;
    }
    tnode *merged = tn_merge(base, tree);
    if (!merged) no_memory(L, file);
    return merged;
}

/* Reads the merged tree into the template; NULL (destroyed) on a problem. */
static gw_template *finish(loader *L, tnode *tree)
{
    gw_template *t = L->t;
    tctx c = { .t = t, .diags = L->diags, .ok = tree != NULL };
    if (tree) tr_template(&c, tree);
    if (c.ok) tc_check(&c, tree);
    tn_free(tree);
    if (!c.ok) {
        gw_template_destroy(t);
        return NULL;
    }
    return t;
}

static gw_template *new_template(loader *L, const char *data_dir, gw_diagnostics *diags, const char *path)
{
    memset(L, 0, sizeof *L);
    L->data_dir = data_dir;
    L->diags = diags;
    L->t = calloc(1, sizeof *L->t);
    if (L->t && !(L->t->path = strdup(path))) {
        free(L->t);
        L->t = NULL;
    }
    if (!L->t) no_memory(L, path);
    return L->t;
}

gw_template *gw_template_load(const char *data_dir, const char *name, const char *base_dir,
                              gw_diagnostics *diags)
{
    loader L;
    char *path = resolve_path(data_dir, name, base_dir);
    if (!path) { gw_report(diags, gw_loc_file(name), GW_MSG_NO_MEMORY); return NULL; }
    if (!new_template(&L, data_dir, diags, path)) { free(path); return NULL; }
    tnode *tree = load_file(&L, path, gw_loc_file(path), NULL);
    free(path);
    return finish(&L, tree);
}

gw_template *gw_template_load_memory(const char *data_dir, const char *name, const char *text, size_t len,
                                     const char *base_dir, gw_diagnostics *diags)
{
    loader L;
    if (!new_template(&L, data_dir, diags, name)) return NULL;
    L.chain[0].dev = (dev_t)-1;     /* no file: nothing it could extend is the same */
    L.chain[0].ino = (ino_t)-1;
    return finish(&L, load_text(&L, name, text, len, base_dir));
}

static void free_header(gw_template *t)
{
    for (size_t i = 0; i < t->header_count; i++) {
        gw_header_item *h = &t->header[i];
        free(h->suffix);
        free(h->signer_label);
        free(h->signer_separator);
        free(h->reply_label);
        free(h->reply_format);
    }
    free(t->header);
}

static void free_parts(gw_template *t)
{
    free(t->front.to_separator);
    free(t->front.to_end);
    free(t->attachments.label);
    free(t->attachments.number_format);
    free(t->attachments.page_label);
    free(t->attachments.page_label_single);
    free(t->contacts.pair_format);
    free(t->contacts.pair_separator);
    free(t->signature.name_separator);
    free(t->signature.note_open);
    free(t->signature.note_close);
    free(t->attendance.present_label);
    free(t->attendance.absent_label);
    free(t->attendance.attending_label);
    free(t->attendance.separator);
    free(t->colophon.cc_label);
    free(t->colophon.cc_separator);
    free(t->colophon.cc_end);
    free(t->colophon.print_format);
    free(t->footer.format);
}

void gw_template_destroy(gw_template *t)
{
    if (!t) return;
    for (size_t i = 0; i < t->style_count; i++) {
        free(t->styles[i].name);
        free(t->styles[i].role);
    }
    free(t->styles);
    for (size_t i = 0; i < t->rule_count; i++) free(t->rules[i].name);
    free(t->rules);
    for (size_t i = 0; i < t->requires_count; i++) free(t->requires[i]);
    free(t->requires);
    free_header(t);
    free_parts(t);
    for (size_t i = 0; i < t->file_count; i++) free(t->files[i]);
    free(t->files);
    free(t->path);
    free(t->name);
    free(t);
}

const gw_style *gw_template_style(const gw_template *t, const char *name)
{
    for (size_t i = 0; i < t->style_count; i++)
        if (t->styles[i].name && strcmp(t->styles[i].name, name) == 0) return &t->styles[i];
    return NULL;
}

const gw_rule_spec *gw_template_rule(const gw_template *t, const char *name)
{
    for (size_t i = 0; i < t->rule_count; i++)
        if (t->rules[i].name && strcmp(t->rules[i].name, name) == 0) return &t->rules[i];
    return NULL;
}

double gw_style_pitch(const gw_template *t, const gw_style *s)
{
    const gw_style *body = t->body.text;
    if (!s->grid || !body || body->size <= 0) return s->size;
    return t->char_pitch * s->size / body->size;
}

int gw_template_requires(const gw_template *t, const char *name)
{
    for (size_t i = 0; i < t->requires_count; i++)
        if (strcmp(t->requires[i], name) == 0) return 1;
    return 0;
}
