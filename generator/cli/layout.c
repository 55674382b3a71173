/* gongwen layout FILE.yaml: the laid-out pages as JSON on stdout (the
 * display list: glyph runs, rules and line boxes, in points from the top-left
 * corner), for checks and other tools. */
#include "cli/cli.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int cmd_layout(int argc, char **argv)
{
    if (argc != 2 || argv[1][0] == '-') {
        int help = argc == 2 && strcmp(argv[1], "--help") == 0;
        fputs("usage: gongwen layout FILE.yaml > layout.json\n", help ? stdout : stderr);
        return help ? EXIT_OK : EXIT_USAGE;
    }
    gw_diagnostics *diags = gw_diagnostics_create();
    gw_diagnostics_set_language(diags, cli_language());
    gw_engine *engine = NULL;
    char *json = NULL;
    int rc = EXIT_OK;
    if (gw_engine_create(NULL, diags, &engine) != GW_OK) rc = EXIT_ENV;
    else {
        gw_status st = gw_layout_json(engine, argv[1], diags, &json);
        if (st != GW_OK) rc = cli_exit_code(st);
    }
    if (json) fputs(json, stdout);
    cli_print_diagnostics(diags);
    free(json);
    gw_engine_destroy(engine);
    gw_diagnostics_destroy(diags);
    return rc;
}
