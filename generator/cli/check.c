/* gongwen check [--strict] [--layout] [--format text|json] FILE...:
 * validates documents against their templates and lays them out, without
 * writing anything, so that what it passes renders; --layout also verifies
 * the laid-out pages against the template and says which fonts substitute.  Exit 0: clean or warnings only; 1: errors
 * (or warnings under --strict); 2: usage; 3: no fonts or data folder. */
#include "cli/cli.h"
#include "document/document.h"
#include <string.h>

static void usage(FILE *to)
{
    fputs("usage: gongwen check [--strict] [--layout] [--format text|json] FILE.yaml...\n"
          "Reports every problem of each document, one per line:\n"
          "  FILE:LINE:COL: error|warning CODE [field]: message\n"
          "--strict       treat warnings as errors\n"
          "--layout       also verify the laid-out pages against the template (margins,\n"
          "               grid, positions, line breaking, 版记 page) and report font\n"
          "               substitutions\n"
          "--format json  print the diagnostics as one JSON object\n", to);
}

int cmd_check(int argc, char **argv)
{
    int strict = 0, json = 0, layout = 0, ninputs = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--strict") == 0) strict = 1;
        else if (strcmp(argv[i], "--layout") == 0) layout = 1;
        else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc && (!strcmp(argv[i + 1], "json") || !strcmp(argv[i + 1], "text")))
            json = strcmp(argv[++i], "json") == 0;
        else if (strcmp(argv[i], "--format=json") == 0) json = 1;
        else if (strcmp(argv[i], "--format=text") == 0) json = 0;
        else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) { usage(stdout); return EXIT_OK; }
        else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "gongwen check: unknown option %s\n", argv[i]);
            usage(stderr);
            return EXIT_USAGE;
        } else ninputs++;
    }
    if (ninputs == 0) { usage(stderr); return EXIT_USAGE; }
    gw_diagnostics *diags = gw_diagnostics_create();
    if (!diags) return EXIT_ENV;
    gw_diagnostics_set_language(diags, cli_language());
    gw_engine *engine = NULL;
    if (gw_engine_create(NULL, diags, &engine) != GW_OK) {
        cli_print_text(stderr, diags, 0);
        gw_diagnostics_destroy(diags);
        return EXIT_ENV;
    }
    int env_failed = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--format") == 0) { i++; continue; }
        if (argv[i][0] == '-' && argv[i][1]) continue;
        gw_status st = gw_check_file(engine, argv[i], layout ? GW_CHECK_LAYOUT : 0, diags);
        if (st != GW_OK && cli_exit_code(st) == EXIT_ENV) env_failed = 1;
    }
    gw_engine_destroy(engine);
    if (json) cli_print_json(stdout, diags, strict);
    else cli_print_text(stdout, diags, strict);
    size_t problems = gw_diagnostics_errors(diags) + (strict ? gw_diagnostics_warnings(diags) : 0);
    gw_diagnostics_destroy(diags);
    return env_failed ? EXIT_ENV : problems ? EXIT_INPUT : EXIT_OK;
}
