/* gongwen render FILE... [-o OUT.pdf] */
#include "cli/cli.h"
#include "document/document.h"
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(FILE *to)
{
    fputs("usage: gongwen render [--strict] FILE.yaml [-o OUT.pdf]\n"
          "       gongwen render [--strict] FILE.yaml... (each to FILE.pdf beside it)\n"
          "--strict refuses documents with warnings as well as errors.\n"
          "-o - writes the PDF to standard output; a pipe or a device (/dev/null) is written\n"
          "straight into, a regular file replaced atomically, anything else refused.\n"
          "PDF dates come from the document's date, or from $SOURCE_DATE_EPOCH when set.\n", to);
}

/* FILE.yaml -> FILE.pdf */
static char *default_output(const char *input)
{
    size_t n = strlen(input);
    const char *dot = strrchr(input, '.');
    const char *slash = strrchr(input, '/');
    if (dot && (!slash || dot > slash)) n = (size_t)(dot - input);
    char *out = malloc(n + 5);
    if (out) { memcpy(out, input, n); strcpy(out + n, ".pdf"); }
    return out;
}

/* The last second a PDF date can say: 9999-12-31 23:59:59 in China
 * Standard Time, the zone the dates are written in (UTC+8). */
#define LAST_PDF_SECOND 253402271999LL

static int source_date_epoch(int64_t *out)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    if (!s || !*s) return 1;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (*end || errno || v < 0 || v > LAST_PDF_SECOND) return 0;
    *out = v;
    return 1;
}

/* --strict: a document with any problem, warnings included, is not
 * rendered; its problems are printed as errors. */
static int passes_strict(gw_engine *engine, const char *input)
{
    gw_diagnostics *diags = gw_diagnostics_create();
    gw_diagnostics_set_language(diags, cli_language());
    gw_check_file(engine, input, GW_CHECK_LAYOUT, diags);
    int clean = diags && gw_diagnostics_count(diags) == 0;
    cli_print_text(stderr, diags, 1);
    gw_diagnostics_destroy(diags);
    return clean;
}

static int render_all(const char **inputs, int ninputs, const char *output, int strict)
{
    gw_render_options opts;
    gw_render_options_init(&opts);
    if (!source_date_epoch(&opts.source_date_epoch)) {
        fprintf(stderr, "gongwen render: SOURCE_DATE_EPOCH must be a number of seconds from 0 to %lld "
                        "(the last date a PDF can hold, 9999-12-31)\n", LAST_PDF_SECOND);
        return EXIT_USAGE;
    }
    /* a reader that goes away is a write error (E0004), not a silent death */
    signal(SIGPIPE, SIG_IGN);
    gw_diagnostics *diags = gw_diagnostics_create();
    if (!diags) return EXIT_ENV;
    gw_diagnostics_set_language(diags, cli_language());
    gw_engine *engine = NULL;
    int rc = EXIT_OK;
    if (gw_engine_create(NULL, diags, &engine) != GW_OK) rc = EXIT_ENV;
    for (int i = 0; rc != EXIT_ENV && i < ninputs; i++) {
        if (strict && !passes_strict(engine, inputs[i])) { rc = EXIT_INPUT; continue; }
        char *out = output ? strdup(output) : default_output(inputs[i]);
        gw_status st = out ? gw_render_file(engine, inputs[i], out, &opts, diags) : GW_ERR_NOMEM;
        if (st != GW_OK) rc = cli_exit_code(st);
        free(out);
    }
    cli_print_diagnostics(diags);
    gw_engine_destroy(engine);
    gw_diagnostics_destroy(diags);
    return rc;
}

int cmd_render(int argc, char **argv)
{
    const char *output = NULL;
    int strict = 0, ninputs = 0, rc = -1;
    const char **inputs = calloc((size_t)argc, sizeof *inputs);   /* at most argc inputs */
    if (!inputs) return EXIT_ENV;
    for (int i = 1; i < argc && rc < 0; i++) {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) output = argv[++i];
        else if (strcmp(argv[i], "--strict") == 0) strict = 1;
        else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) { usage(stdout); rc = EXIT_OK; }
        else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "gongwen render: unknown option %s\n", argv[i]);
            usage(stderr);
            rc = EXIT_USAGE;
        } else inputs[ninputs++] = argv[i];
    }
    if (rc < 0 && (ninputs == 0 || (output && ninputs > 1))) { usage(stderr); rc = EXIT_USAGE; }
    if (rc < 0) rc = render_all(inputs, ninputs, output, strict);
    free(inputs);
    return rc;
}
