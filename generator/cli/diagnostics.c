#include "cli/cli.h"
#include <stdio.h>

void cli_print_diagnostics(const gw_diagnostics *diags)
{
    for (size_t i = 0; i < gw_diagnostics_count(diags); i++) {
        const gw_diag *d = gw_diagnostics_get(diags, i);
        fprintf(stderr, "%s", d->file[0] ? d->file : "gongwen");
        if (d->line) fprintf(stderr, ":%u:%u", d->line, d->column);
        fprintf(stderr, ": %s %s", d->severity == GW_ERROR ? "error" : "warning", d->code);
        if (d->path[0]) fprintf(stderr, " [%s]", d->path);
        fprintf(stderr, ": %s\n", d->message);
    }
}
