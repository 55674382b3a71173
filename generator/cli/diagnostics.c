#include "cli/cli.h"
#include <string.h>

static int wanted(const char *code, const char *codes)
{
    if (!codes) return 1;
    for (const char *p = codes; *p;) {
        size_t n = strcspn(p, " ");
        if (n && strncmp(code, p, n) == 0) return 1;
        p += n + (p[n] == ' ');
    }
    return 0;
}

void cli_print_diagnostics_to(const gw_diagnostics *diags, FILE *to, const char *codes)
{
    for (size_t i = 0; i < gw_diagnostics_count(diags); i++) {
        const gw_diag *d = gw_diagnostics_get(diags, i);
        if (!wanted(d->code, codes)) continue;
        fprintf(to, "%s", d->file[0] ? d->file : "gongwen");
        if (d->line) fprintf(to, ":%u:%u", d->line, d->column);
        fprintf(to, ": %s %s", d->severity == GW_ERROR ? "error" : "warning", d->code);
        if (d->path[0]) fprintf(to, " [%s]", d->path);
        fprintf(to, ": %s\n", d->message);
    }
}

void cli_print_diagnostics(const gw_diagnostics *diags)
{
    cli_print_diagnostics_to(diags, stderr, NULL);
}
