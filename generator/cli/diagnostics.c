#include <stdint.h>
#include <errno.h>
/* Printing diagnostics: the text form (file:line:col: ...) and JSON for CI. */
#include "cli/cli.h"
#include "util/utf8.h"
#include <stdlib.h>
#include <string.h>

static const char *severity_word(const gw_diag *d, int strict)
{
    return d->severity == GW_ERROR || strict ? "error" : "warning";
}

static void print_noted(FILE *to, const gw_diag *d, int strict, const char *note)
{
    fprintf(to, "%s", d->file[0] ? d->file : "gongwen");
    if (d->line) fprintf(to, ":%u:%u", d->line, d->column);
    fprintf(to, ": %s %s", severity_word(d, strict), d->code);
    if (d->path[0]) fprintf(to, " [%s]", d->path);
    fprintf(to, ": %s%s\n", d->message, note ? note : "");
}

void cli_print_one(FILE *to, const gw_diag *d, int strict) { print_noted(to, d, strict, NULL); }

void cli_print_diag(FILE *to, const gw_diag *d, const char *note) { print_noted(to, d, 0, note); }

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
/* A JSON string: UTF-8 passes through; quotes, backslashes and control
 * characters are escaped; a byte that is not UTF-8 (a file name in another
 * encoding) becomes U+FFFD, so the output is always valid JSON. */
static void json_string(FILE *to, const char *s)
{
    size_t len = strlen(s);
    fputc('"', to);
    for (size_t i = 0; i < len;) {
        size_t at = i;
        uint32_t c = gw_utf8_next(s, len, &i);
        if (c == GW_UTF8_INVALID) fputs("\\ufffd", to);
        else if (c == '"' || c == '\\') fprintf(to, "\\%c", (int)c);
        else if (c == '\n') fputs("\\n", to);
        else if (c < 0x20 || c == 0x7F) fprintf(to, "\\u%04x", (unsigned)c);
        else fwrite(s + at, 1, i - at, to);
    }
    fputc('"', to);
}

void cli_json_string(FILE *to, const char *s) { json_string(to, s); }


gw_language cli_language(void)
{
    static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
    for (size_t i = 0; i < 3; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v) return strncmp(v, "zh", 2) == 0 ? GW_LANG_ZH : GW_LANG_EN;
    }
    return GW_LANG_EN;
}

int cli_source_date_epoch(int64_t *out)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    if (!s || !*s) return 1;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (*end || errno || v < 0 || v > CLI_LAST_PDF_SECOND) return 0;
    *out = v;
    return 1;
}
