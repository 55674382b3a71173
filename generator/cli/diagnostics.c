/* Printing diagnostics: the text form (file:line:col: ...) and JSON for CI. */
#include "cli/cli.h"
#include <stdlib.h>
#include <string.h>

static const char *severity_word(const gw_diag *d, int strict)
{
    return d->severity == GW_ERROR || strict ? "error" : "warning";
}

void cli_print_one(FILE *to, const gw_diag *d, int strict)
{
    fprintf(to, "%s", d->file[0] ? d->file : "gongwen");
    if (d->line) fprintf(to, ":%u:%u", d->line, d->column);
    fprintf(to, ": %s %s", severity_word(d, strict), d->code);
    if (d->path[0]) fprintf(to, " [%s]", d->path);
    fprintf(to, ": %s\n", d->message);
}

void cli_print_text(FILE *to, const gw_diagnostics *diags, int strict)
{
    for (size_t i = 0; i < gw_diagnostics_count(diags); i++) cli_print_one(to, gw_diagnostics_get(diags, i), strict);
}

static int wanted(const char *code, const char *codes)
{
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
        if (wanted(d->code, codes)) cli_print_one(to, d, 0);
    }
}

void cli_print_diagnostics(const gw_diagnostics *diags) { cli_print_text(stderr, diags, 0); }

int cli_exit_code(gw_status status)
{
    if (status == GW_OK) return EXIT_OK;
    return status == GW_ERR_INPUT ? EXIT_INPUT : EXIT_ENV;
}
gw_language cli_language(void)
{
    static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
    for (size_t i = 0; i < 3; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v) return strncmp(v, "zh", 2) == 0 ? GW_LANG_ZH : GW_LANG_EN;
    }
    return GW_LANG_EN;
}
