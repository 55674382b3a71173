/* What a command reports: the shown diagnostics, as text or as the JSON
 * object of docs/json.md, with every input file listed, clean ones too. */
#include "cli/cli.h"
#include "cli/hints.h"
#include <string.h>

static int same_diag(const gw_diag *a, const gw_diag *b)
{
    return strcmp(a->code, b->code) == 0 && strcmp(a->path, b->path) == 0 &&
           strcmp(a->message, b->message) == 0;
}

int cli_shown(const cli_report *r, size_t i)
{
    const gw_diag *d = gw_diagnostics_get(r->diags, i);
    if (r->quiet && d->severity == GW_WARNING) return 0;
    if (strcmp(d->code, "W0811") != 0) return 1;
    for (size_t k = 0; k < i; k++)
        if (same_diag(gw_diagnostics_get(r->diags, k), d)) return 0;
    return 1;
}

void cli_report_text(FILE *to, const cli_report *r)
{
    for (size_t i = 0; i < gw_diagnostics_count(r->diags); i++)
        if (cli_shown(r, i)) cli_print_one(to, gw_diagnostics_get(r->diags, i), r->strict);
}

/* A JSON string (diagnostics.c: valid JSON whatever the bytes), or null. */
static void json_string(FILE *to, const char *s)
{
    if (s) cli_json_string(to, s);
    else fputs("null", to);
}

static int is_error(const cli_report *r, const gw_diag *d) { return d->severity == GW_ERROR || r->strict; }

/* The input being processed when diagnostic i came, or NULL (the fonts). */
static const cli_file *input_of(const cli_report *r, size_t i)
{
    for (size_t f = 0; f < r->count; f++)
        if (i >= r->files[f].first && i < r->files[f].end) return &r->files[f];
    return NULL;
}

static const char *shown_name(const char *file) { return strcmp(file, "-") == 0 ? "<stdin>" : file; }

static void json_diag(FILE *to, const cli_report *r, size_t i)
{
    const gw_diag *d = gw_diagnostics_get(r->diags, i);
    const cli_file *in = input_of(r, i);
    fputs("{\"code\": ", to);
    json_string(to, d->code);
    fprintf(to, ", \"severity\": \"%s\", \"file\": ", is_error(r, d) ? "error" : "warning");
    json_string(to, d->file[0] ? d->file : NULL);
    if (d->line) fprintf(to, ", \"line\": %u, \"column\": %u", d->line, d->column);
    else fputs(", \"line\": null, \"column\": null", to);
    fputs(", \"field\": ", to);
    json_string(to, d->path[0] ? d->path : NULL);
    fputs(", \"path\": ", to);
    json_string(to, d->path);
    fputs(", \"message\": ", to);
    json_string(to, d->message);
    fputs(", \"hint\": ", to);
    json_string(to, cli_hint(d->code, gw_diagnostics_language(r->diags)));
    fputs(", \"input\": ", to);
    json_string(to, in ? shown_name(in->file) : NULL);
    fputc('}', to);
}

static void count(const cli_report *r, size_t first, size_t end, size_t *errors, size_t *warnings)
{
    *errors = *warnings = 0;
    for (size_t i = first; i < end; i++) {
        if (!cli_shown(r, i)) continue;
        if (is_error(r, gw_diagnostics_get(r->diags, i))) ++*errors;
        else ++*warnings;
    }
}

static void json_file(FILE *to, const cli_report *r, const cli_file *f)
{
    size_t errors, warnings;
    count(r, f->first, f->end, &errors, &warnings);
    fputs("{\"file\": ", to);
    json_string(to, shown_name(f->file));
    fprintf(to, ", \"errors\": %zu, \"warnings\": %zu, \"output\": ", errors, warnings);
    json_string(to, f->output);
    fputc('}', to);
}

void cli_report_json(FILE *to, const cli_report *r)
{
    size_t n = gw_diagnostics_count(r->diags), errors, warnings, shown = 0;
    fputs("{\"version\": 1,\n \"files\": [", to);
    for (size_t f = 0; f < r->count; f++) {
        fputs(f ? ",\n  " : "\n  ", to);
        json_file(to, r, &r->files[f]);
    }
    fputs(r->count ? "\n ],\n \"diagnostics\": [" : "],\n \"diagnostics\": [", to);
    for (size_t i = 0; i < n; i++) {
        if (!cli_shown(r, i)) continue;
        fputs(shown++ ? ",\n  " : "\n  ", to);
        json_diag(to, r, i);
    }
    count(r, 0, n, &errors, &warnings);
    fprintf(to, "%s],\n \"errors\": %zu, \"warnings\": %zu}\n", shown ? "\n " : "", errors, warnings);
}
