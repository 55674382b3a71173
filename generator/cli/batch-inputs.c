/* Finding the documents of a batch and where each one's PDF goes. */
#define _XOPEN_SOURCE 700   /* realpath */
#include "cli/batch.h"
#include "util/grow.h"
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static char *join(const char *a, const char *b)
{
    size_t n = strlen(a) + strlen(b) + 2;
    char *s = malloc(n);
    if (s) snprintf(s, n, "%s%s%s", a, *a && a[strlen(a) - 1] != '/' ? "/" : "", b);
    return s;
}

/* rel with its extension replaced by .pdf, under outdir. */
static char *output_for(const char *outdir, const char *rel)
{
    const char *dot = strrchr(rel, '.'), *slash = strrchr(rel, '/');
    size_t stem = dot && (!slash || dot > slash) && dot != rel ? (size_t)(dot - rel) : strlen(rel);
    size_t n = strlen(outdir) + stem + 8;
    char *s = malloc(n);
    if (s) snprintf(s, n, "%s%s%.*s.pdf", outdir, outdir[strlen(outdir) - 1] == '/' ? "" : "/", (int)stem, rel);
    return s;
}

static int add_job(batch_jobs *jobs, const char *input, const char *outdir, const char *rel, int not_regular)
{
    if (!gw_grow(&jobs->items, jobs->count, sizeof *jobs->items)) return 0;
    batch_job *j = &jobs->items[jobs->count];
    memset(j, 0, sizeof *j);
    j->input = strdup(input);
    j->output = output_for(outdir, rel);
    if (!j->input || !j->output) {
        free(j->input);
        free(j->output);
        return 0;
    }
    j->not_regular = not_regular;
    jobs->count++;
    return 1;
}

/* A file named by itself keeps its relative path under the output folder
 * ("2025/reply.yaml" -> OUTDIR/2025/reply.pdf) unless the path leaves the
 * current folder or is absolute: then only its name is kept. */
static const char *relative_for_file(const char *path)
{
    while (strncmp(path, "./", 2) == 0) path += 2;
    int leaves = path[0] == '/' || strcmp(path, "..") == 0 || strncmp(path, "../", 3) == 0 ||
                 strstr(path, "/../") != NULL;
    const char *slash = strrchr(path, '/');
    return leaves && slash ? slash + 1 : path;
}

static int is_yaml(const char *name)
{
    size_t n = strlen(name);
    return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) || (n > 4 && strcmp(name + n - 4, ".yml") == 0);
}

static int by_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* The entries of a folder in name order, hidden ones left out. */
static char **sorted_entries(const char *dir, size_t *count)
{
    DIR *d = opendir(dir);
    if (!d) return NULL;
    char **names = NULL;
    size_t n = 0;
    struct dirent *e;
    int nomem = 0;
    while (!nomem && (e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        nomem = !gw_grow(&names, n, sizeof *names) || !(names[n] = strdup(e->d_name));
        n += !nomem;
    }
    closedir(d);
    if (nomem) {                           /* no document left out unsaid */
        while (n) free(names[--n]);
        free(names);
        errno = ENOMEM;
        return NULL;
    }
    qsort(names, n, sizeof *names, by_name);
    *count = n;
    return names ? names : calloc(1, sizeof *names);
}

/* Every *.yaml under dir; rel is dir's path below the folder named on the
 * command line.  Symbolic links to folders are not followed (no cycles);
 * hidden entries are left out.  A *.yaml that is not a regular file (a
 * FIFO, a device) becomes a job that fails with E0002, never read: a pipe
 * named on the command line is read, one found in a folder is said. */
static int add_folder(batch_jobs *jobs, const char *dir, const char *rel, const char *outdir)
{
    size_t n = 0;
    char **names = sorted_entries(dir, &n);
    if (!names) {
        fprintf(stderr, "gongwen batch: cannot read %s: %s\n", dir, strerror(errno));
        return 0;
    }
    int ok = 1;
    for (size_t i = 0; i < n; i++) {
        char *path = join(dir, names[i]), *sub = join(rel, names[i]);
        struct stat st;
        if (!path || !sub) ok = 0;
        else if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) ok &= add_folder(jobs, path, sub, outdir);
        else if (is_yaml(names[i]))     /* a pipe or a device is said, not read (it could block) */
            ok &= add_job(jobs, path, outdir, sub, stat(path, &st) == 0 && !S_ISREG(st.st_mode));
        free(path);
        free(sub);
        free(names[i]);
    }
    free(names);
    return ok;
}

static int add_path(batch_jobs *jobs, const char *path, const char *outdir)
{
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) return add_folder(jobs, path, "", outdir);
    /* a missing file is the document's problem: it is reported with it */
    return add_job(jobs, path, outdir, relative_for_file(path), 0);
}

static int add_manifest(batch_jobs *jobs, FILE *in, const char *outdir)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int ok = 1;
    while (ok && (n = getline(&line, &cap, in)) >= 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = '\0';
        if (n > 0) ok = add_path(jobs, line, outdir);
    }
    free(line);
    return ok;
}

int batch_add_inputs(batch_jobs *jobs, const char *arg, const char *outdir)
{
    return strcmp(arg, "-") == 0 ? add_manifest(jobs, stdin, outdir) : add_path(jobs, arg, outdir);
}

/* The same file however it is spelt (missing files: as spelt). */
static char *canonical(const char *path)
{
    char *real = realpath(path, NULL);
    return real ? real : strdup(path);
}

typedef struct keyed {
    char  *input, *output;
    size_t index;
} keyed;

static int by_output(const void *a, const void *b)
{
    const keyed *x = a, *y = b;
    int c = strcmp(x->output, y->output);
    return c ? c : x->index < y->index ? -1 : x->index > y->index;
}

/* Marks the jobs to drop (input named again) in `drop`; 0 on a clash. */
static int find_clashes(const batch_jobs *jobs, keyed *k, char *drop)
{
    int ok = 1;
    qsort(k, jobs->count, sizeof *k, by_output);
    for (size_t i = 1; i < jobs->count; i++) {
        if (strcmp(k[i].output, k[i - 1].output) != 0) continue;
        if (strcmp(k[i].input, k[i - 1].input) == 0) {
            drop[k[i].index] = 1;
            k[i].index = k[i - 1].index;      /* a third copy compares with the kept one */
        } else {
            fprintf(stderr, "gongwen batch: %s and %s would both be written to %s\n",
                    jobs->items[k[i - 1].index].input, jobs->items[k[i].index].input,
                    jobs->items[k[i].index].output);
            ok = 0;
        }
    }
    return ok;
}

int batch_check_outputs(batch_jobs *jobs)
{
    keyed *k = calloc(jobs->count ? jobs->count : 1, sizeof *k);
    char *drop = calloc(jobs->count ? jobs->count : 1, 1);
    int ok = k && drop;
    for (size_t i = 0; ok && i < jobs->count; i++) {
        k[i] = (keyed){ canonical(jobs->items[i].input), canonical(jobs->items[i].output), i };
        ok = k[i].input && k[i].output;
    }
    if (ok) ok = find_clashes(jobs, k, drop);
    size_t kept = 0;
    for (size_t i = 0; i < jobs->count; i++) {
        if (k) { free(k[i].input); free(k[i].output); }
        if (ok && drop[i]) {
            free(jobs->items[i].input);
            free(jobs->items[i].output);
        } else {
            jobs->items[kept++] = jobs->items[i];
        }
    }
    jobs->count = kept;
    free(k);
    free(drop);
    return ok;
}

void batch_jobs_free(batch_jobs *jobs)
{
    for (size_t i = 0; i < jobs->count; i++) {
        free(jobs->items[i].input);
        free(jobs->items[i].output);
        gw_diagnostics_destroy(jobs->items[i].diags);
    }
    free(jobs->items);
    jobs->items = NULL;
    jobs->count = 0;
}
